"""The live window's word on native Wayland: it cannot stay on top or dock by itself there.

A native Wayland window has no way to ask for "keep above" or for a place on the screen,
so "Stay on top" and "Dock" would quietly do nothing and the live window would slip
behind the call. Instead one line says so when the window opens, with the desktop's own
way (GNOME's title-bar menu, KDE's window menu or a window rule), until "OK". It says it
again only when the user asks for stay-on-top or docking, the two things it cannot do.
Settings › General offers to start through XWayland, where both work.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from app.platform.window_session import WindowSession, detect_window_session

CANNOT_PLACE = "On Wayland, Poise cannot keep this window on top or dock it."
XWAYLAND_POINTER = "Or: Settings › General › Run through XWayland, at the next start."


class WindowPlaceLine(QLabel):
    """Shown on native Wayland only: what Poise cannot do there, and the desktop's way."""

    def __init__(self, session: WindowSession | None = None) -> None:
        super().__init__()
        self.setObjectName("windowPlaceLine")
        self.session = session or detect_window_session(QGuiApplication.platformName())
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        hint = self.session.keep_above_hint()
        self.setText(f"{escape(CANNOT_PLACE)} {escape(hint)} <a href='dismiss'>OK</a>")
        self.setToolTip(f"{CANNOT_PLACE}\n{hint}\n{XWAYLAND_POINTER}")
        self.linkActivated.connect(self._dismiss)
        if self.session.can_place_windows:
            self.hide()  # not shown otherwise: it appears with the window it is laid out in

    def remind(self) -> None:
        """The user asked for what Wayland does not allow: say it again."""
        if not self.session.can_place_windows:
            self.show()

    def _dismiss(self, _link: str = "") -> None:
        self.hide()
