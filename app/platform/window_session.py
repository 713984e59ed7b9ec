"""Which window system Poise runs on, told from the environment and Qt's chosen platform.

Stay-on-top and docking are requests a window makes of the window system. X11, Windows
and macOS grant them; a native Wayland client cannot make them at all (xdg-shell has no
"keep above" and no "move to"), so there the live window says so and shows the desktop's
own way. Under XWayland (Qt's xcb platform inside a Wayland session) both work again,
which is why Settings offers to start through XWayland next time.

Nothing here is guessed: the kind comes from the platform Qt actually chose
(``QGuiApplication.platformName()``) and the session's variables (``XDG_SESSION_TYPE``,
``WAYLAND_DISPLAY``, ``DISPLAY``, ``XDG_CURRENT_DESKTOP``). Plain Python, no Qt, so the
choice of platform can be made before the QApplication exists.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from enum import StrEnum

PLATFORM_ENV = "QT_QPA_PLATFORM"
XWAYLAND_PLATFORM = "xcb"

_log = logging.getLogger(__name__)
# The platform ``choose_platform`` set in this process: not the user's own choice.
_chosen_here: set[str] = set()


class SessionKind(StrEnum):
    X11 = "x11"
    WAYLAND = "wayland"  # a native Wayland client: no stay-on-top, no docking
    XWAYLAND = "xwayland"  # X11 inside a Wayland session: both work
    WINDOWS = "windows"
    MACOS = "macos"
    NO_SCREEN = "no-screen"  # offscreen or minimal: nothing is shown to anyone


class Desktop(StrEnum):
    GNOME = "gnome"
    KDE = "kde"
    OTHER = "other"


# Where each desktop keeps its own "keep above", said the way its menus say it.
_KEEP_ABOVE_HINTS = {
    Desktop.GNOME: "GNOME: right-click the title bar › Always on Top.",
    Desktop.KDE: ("KDE Plasma: window menu › More Actions › Keep Above Others (or a window rule)."),
    Desktop.OTHER: "Your desktop's window menu may offer “Always on Top”.",
}


@dataclass(frozen=True, slots=True)
class WindowSession:
    kind: SessionKind
    desktop: Desktop
    platform_name: str

    @property
    def can_place_windows(self) -> bool:
        """True when a window may ask to stay on top and to move to a screen edge."""
        return self.kind is not SessionKind.WAYLAND

    @property
    def in_wayland_session(self) -> bool:
        return self.kind in (SessionKind.WAYLAND, SessionKind.XWAYLAND)

    def keep_above_hint(self) -> str:
        """The desktop's own way to keep a window above the others."""
        return _KEEP_ABOVE_HINTS[self.desktop]


def desktop_from(env: Mapping[str, str]) -> Desktop:
    """GNOME, KDE Plasma or another desktop, from ``XDG_CURRENT_DESKTOP`` ("ubuntu:GNOME")."""
    names = {part.strip().lower() for part in env.get("XDG_CURRENT_DESKTOP", "").split(":")}
    if "gnome" in names:
        return Desktop.GNOME
    if "kde" in names:
        return Desktop.KDE
    return Desktop.OTHER


def wayland_session(env: Mapping[str, str]) -> bool:
    """True when the login session is Wayland, whichever platform this process uses."""
    return env.get("XDG_SESSION_TYPE") == "wayland" or bool(env.get("WAYLAND_DISPLAY"))


def detect_window_session(
    platform_name: str, env: Mapping[str, str] | None = None, system: str = sys.platform
) -> WindowSession:
    """What this process runs on: ``platform_name`` is the one Qt chose, not the one asked."""
    environment = os.environ if env is None else env
    desktop = desktop_from(environment)
    name = platform_name.lower()
    if name.startswith("wayland"):  # "wayland", "wayland-egl"
        kind = SessionKind.WAYLAND
    elif name == "xcb":
        kind = SessionKind.XWAYLAND if wayland_session(environment) else SessionKind.X11
    elif name == "windows" or system == "win32":
        kind = SessionKind.WINDOWS
    elif name == "cocoa" or system == "darwin":
        kind = SessionKind.MACOS
    else:
        kind = SessionKind.NO_SCREEN
    return WindowSession(kind, desktop, platform_name)


def choose_platform(env: MutableMapping[str, str], run_through_xwayland: bool) -> str | None:
    """Before the QApplication exists: start on XWayland when the user asked for it.

    Only in a Wayland session with an X server beside it (``DISPLAY``), and never over a
    ``QT_QPA_PLATFORM`` the user set themselves. Returns the platform set, or None.
    """
    if not run_through_xwayland or not sys.platform.startswith("linux"):
        return None
    if env.get(PLATFORM_ENV) or not wayland_session(env):
        return None
    if not env.get("DISPLAY"):
        _log.warning("Run through XWayland is on, but this session has no X server (DISPLAY)")
        return None
    env[PLATFORM_ENV] = XWAYLAND_PLATFORM
    _chosen_here.add(XWAYLAND_PLATFORM)
    return XWAYLAND_PLATFORM


def platform_set_by_user(env: Mapping[str, str] | None = None) -> str:
    """The ``QT_QPA_PLATFORM`` the user set themselves ("" when none, or when Poise set it)."""
    value = (os.environ if env is None else env).get(PLATFORM_ENV, "")
    return "" if value in _chosen_here else value
