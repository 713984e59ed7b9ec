"""The live window's place on screen: on top, docked to an edge, and the word on Wayland.

``keep_on_top`` and ``dock_to_edge`` ask the window system; the live window calls them
only where it can be asked (X11, XWayland, Windows, macOS). On native Wayland it cannot:
a Wayland window has no way to ask for "keep above" or for a place on the screen, so
"Stay on top" and "Dock" would quietly do nothing (changing the flag only remakes the
window) and the live window would slip behind the call. Instead one line says so when
the window opens, with the desktop's own way (GNOME's title-bar menu, KDE's window menu
or a window rule), until "OK", which later meetings remember. It says it again only when
the user asks for stay-on-top or docking, the two things it cannot do. Settings › General
offers to start through XWayland, where both work.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.platform.window_session import WindowSession, detect_window_session
from app.settings import DockSide, shared_settings
from app.translation import QT_TRANSLATE_NOOP

CANNOT_PLACE = QT_TRANSLATE_NOOP(
    "WindowPlaceLine", "On Wayland, Poise cannot keep this window on top or dock it."
)
XWAYLAND_POINTER = QT_TRANSLATE_NOOP(
    "WindowPlaceLine", "Or: Settings › General › Run through XWayland, at the next start."
)


class WindowPlaceLine(QLabel):
    """Shown on native Wayland only: what Poise cannot do there, and the desktop's way."""

    def __init__(self, session: WindowSession | None = None) -> None:
        super().__init__()
        self.setObjectName("windowPlaceLine")
        self.session = session or detect_window_session(QGuiApplication.platformName())
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        hint = self.session.keep_above_hint()
        cannot = QCoreApplication.translate("WindowPlaceLine", CANNOT_PLACE)
        ok = escape(self.tr("OK"))
        self.setText(f"{escape(cannot)} {escape(hint)} <a href='dismiss'>{ok}</a>")
        pointer = QCoreApplication.translate("WindowPlaceLine", XWAYLAND_POINTER)
        self.setToolTip(f"{cannot}\n{hint}\n{pointer}")
        self.linkActivated.connect(self._dismiss)
        if self.session.can_place_windows or shared_settings().current.window_place_note_read:
            self.hide()  # not shown otherwise: it appears with the window it is laid out in

    def remind(self) -> None:
        """The user asked for what Wayland does not allow: say it again."""
        if not self.session.can_place_windows:
            self.show()

    def _dismiss(self, _link: str = "") -> None:
        self.hide()
        # Read once: later meetings start without it; asking for on-top or docking brings it.
        shared_settings().update(window_place_note_read=True)


def keep_on_top(window: QWidget, on: bool) -> None:
    visible = window.isVisible()
    window.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, on)
    if visible:
        window.show()  # changing a window flag hides the window until shown again


def dock_to_edge(window: QWidget, side: DockSide) -> None:
    """The whole height of the screen's free area, against its left or right edge."""
    screen = window.screen() or QApplication.primaryScreen()
    area = screen.availableGeometry()
    frame_extra = window.frameGeometry().height() - window.height()
    height = area.height() - max(frame_extra, 0)
    x = area.left() if side is DockSide.LEFT else area.right() - window.frameGeometry().width()
    window.resize(window.width(), height)
    window.move(x + 1 if side is DockSide.RIGHT else x, area.top())
