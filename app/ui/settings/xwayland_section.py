"""Settings › General, in a Wayland session only: start through XWayland next time.

A native Wayland window cannot stay on top or dock (app/platform/window_session.py); on
Qt's xcb platform, through XWayland, it can. The choice takes effect at the next start,
because Qt picks its platform once, before any window exists. Elsewhere (X11, Windows,
macOS) the section is hidden and the setting left as it was.
"""

from __future__ import annotations

import os
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from app.platform.window_session import (
    PLATFORM_ENV,
    SessionKind,
    WindowSession,
    detect_window_session,
    platform_set_by_user,
)
from app.settings import Settings


def running_now(session: WindowSession, user_platform: str, has_x_server: bool) -> str:
    """One line on how this start runs, and why a choice here might not apply."""
    if user_platform:
        return QCoreApplication.translate(
            "XWaylandSection",
            "{setting} is set where Poise starts, so that is used instead of this choice.",
        ).format(setting=f"{PLATFORM_ENV}={user_platform}")
    if session.kind is SessionKind.XWAYLAND:
        return QCoreApplication.translate("XWaylandSection", "Poise runs through XWayland now.")
    if not has_x_server:
        return QCoreApplication.translate(
            "XWaylandSection",
            "Poise runs natively on Wayland now: this session has no XWayland to run in.",
        )
    return QCoreApplication.translate("XWaylandSection", "Poise runs natively on Wayland now.")


class XWaylandSection(QWidget):
    """The choice, its trade-off in two lines, and how this start runs."""

    def __init__(self, settings: Settings, session: WindowSession | None = None) -> None:
        super().__init__()
        self.setObjectName("xwaylandSection")
        self.session = session or detect_window_session(QGuiApplication.platformName())
        self.choice = QCheckBox(self.tr("Run through XWayland (X11) at the next start"))
        self.choice.setObjectName("runThroughXWayland")
        self.choice.setChecked(settings.run_through_xwayland)
        note = QLabel(
            self.tr(
                "Stay on top and docking work there; text may look less sharp on a scaled "
                "screen. System-wide keys still go through the desktop's portal if it offers one."
            )
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        has_x_server = bool(os.environ.get("DISPLAY"))
        self.now = QLabel(running_now(self.session, platform_set_by_user(), has_x_server))
        self.now.setObjectName("xwaylandNow")
        self.now.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for part in (self.choice, note, self.now):
            layout.addWidget(part)
        if not self.session.in_wayland_session:
            self.hide()

    def chosen(self, base: Settings) -> Settings:
        if not self.session.in_wayland_session:
            return base
        return replace(base, run_through_xwayland=self.choice.isChecked())
