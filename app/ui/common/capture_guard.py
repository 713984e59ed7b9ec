"""Keeping the live window out of screen sharing and recording, where the system allows it.

- Windows 10 2004+: ``SetWindowDisplayAffinity(hwnd, WDA_EXCLUDEFROMCAPTURE)``; the window
  shows on the user's screen but is blank/absent in captures and shared screens.
- macOS: ``[NSWindow setSharingType: NSWindowSharingNone]`` through the Objective-C runtime
  (ctypes on libobjc); honoured by the classic capture APIs (recent ScreenCaptureKit
  versions may ignore it, so the message says "most").
- X11 and Wayland have no such request: any client may read the screen (X11) or the
  compositor decides what a share contains (Wayland). We say so instead of pretending.

Each system's call sits behind a small seam (``WindowsAffinity``, ``MacSharing``) and the
system is a parameter, so tests drive both branches on Linux with fakes of the calls.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import Protocol

from app.translation import QT_TRANSLATE_NOOP, translate

WDA_NONE = 0x0
WDA_EXCLUDEFROMCAPTURE = 0x11
NS_WINDOW_SHARING_NONE = 0
NS_WINDOW_SHARING_READ_ONLY = 1


@dataclass(frozen=True, slots=True)
class CaptureProtection:
    supported: bool
    active: bool
    message: str


UNSUPPORTED_LINUX = QT_TRANSLATE_NOOP(
    "CaptureGuard",
    "This system cannot hide a window from screen sharing: on Linux (X11 or Wayland) any "
    "shared screen shows Poise. When you share, share one application window, not the "
    "whole screen, or move Poise to a screen you do not share.",
)


def _unsupported() -> CaptureProtection:
    return CaptureProtection(False, False, translate("CaptureGuard", UNSUPPORTED_LINUX))


def capture_protection_supported() -> CaptureProtection:
    """What this system can do, for the settings screen, without touching a window."""
    if sys.platform == "win32":
        return CaptureProtection(
            True,
            False,
            translate(
                "CaptureGuard",
                "Poise asks Windows to leave the live window out of screen sharing and "
                "recordings (Windows 10 version 2004 or later).",
            ),
        )
    if sys.platform == "darwin":
        return CaptureProtection(
            True,
            False,
            translate(
                "CaptureGuard",
                "Poise asks macOS to leave the live window out of screenshots and most screen "
                "sharing; some newer sharing apps may still show it, so check once before a call.",
            ),
        )
    return _unsupported()


class WindowsAffinity(Protocol):
    """user32's ``SetWindowDisplayAffinity`` and the error it leaves behind."""

    def set_window_display_affinity(self, hwnd: int, affinity: int) -> bool: ...

    def last_error(self) -> int: ...


class MacSharing(Protocol):
    """The two Objective-C messages: ``[view window]`` and ``[window setSharingType:]``."""

    def window_of(self, ns_view: int) -> int | None: ...

    def set_sharing_type(self, ns_window: int, sharing_type: int) -> None: ...


def set_capture_excluded(
    window_id: int,
    excluded: bool,
    *,
    platform: str = sys.platform,
    windows: WindowsAffinity | None = None,
    macos: MacSharing | None = None,
) -> CaptureProtection:
    """Apply or lift the exclusion on a native window (``QWidget.winId()``).

    ``windows`` and ``macos`` stand in for the system's calls (tests); by default the
    real ones are loaded, only on the system that has them.
    """
    try:
        if platform == "win32":
            return exclude_on_windows(window_id, excluded, windows or _user32())
        if platform == "darwin":
            return exclude_on_macos(window_id, excluded, macos or _ObjcRuntime())
    except (AttributeError, OSError, TypeError) as error:
        refusal = (
            translate("CaptureGuard", "Windows refused to hide the window: {error}")
            if platform == "win32"
            else translate("CaptureGuard", "macOS did not accept the request: {error}")
        )
        return CaptureProtection(False, False, refusal.format(error=error))
    return _unsupported()


def exclude_on_windows(hwnd: int, excluded: bool, user32: WindowsAffinity) -> CaptureProtection:
    affinity = WDA_EXCLUDEFROMCAPTURE if excluded else WDA_NONE
    if not user32.set_window_display_affinity(hwnd, affinity):
        return CaptureProtection(
            False,
            False,
            translate(
                "CaptureGuard",
                "Windows refused to hide the window from capture (error {code}); "
                "this needs Windows 10 version 2004 or later.",
            ).format(code=user32.last_error()),
        )
    state = (
        translate("CaptureGuard", "The live window is hidden from screen sharing.")
        if excluded
        else translate("CaptureGuard", "The live window is visible in screen sharing.")
    )
    return CaptureProtection(True, excluded, state)


def exclude_on_macos(ns_view: int, excluded: bool, runtime: MacSharing) -> CaptureProtection:
    # Qt's winId() on macOS is the NSView; its window is the NSWindow to mark.
    ns_window = runtime.window_of(ns_view)
    if not ns_window:
        return CaptureProtection(
            True, False, translate("CaptureGuard", "The window is not on screen yet.")
        )
    sharing = NS_WINDOW_SHARING_NONE if excluded else NS_WINDOW_SHARING_READ_ONLY
    runtime.set_sharing_type(ns_window, sharing)
    state = (
        translate("CaptureGuard", "The live window is hidden from screen captures.")
        if excluded
        else translate("CaptureGuard", "The live window is visible in screen captures.")
    )
    return CaptureProtection(True, excluded, state)


def _user32() -> WindowsAffinity:
    # ctypes.WinDLL and ctypes.get_last_error exist on Windows only.
    if sys.platform == "win32":
        return _User32()
    raise OSError("user32 exists on Windows only")


if sys.platform == "win32":

    class _User32:
        def __init__(self) -> None:
            import ctypes  # loaded only on the system that has the call

            user32 = ctypes.WinDLL("user32", use_last_error=True)
            self._set_affinity = user32.SetWindowDisplayAffinity
            self._set_affinity.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
            self._set_affinity.restype = ctypes.c_int

        def set_window_display_affinity(self, hwnd: int, affinity: int) -> bool:
            import ctypes

            return bool(self._set_affinity(ctypes.c_void_p(hwnd), affinity))

        def last_error(self) -> int:
            import ctypes

            return ctypes.get_last_error()


class _ObjcRuntime:
    """libobjc through ctypes: objc_msgSend cast to each message's own signature."""

    def __init__(self) -> None:
        # ctypes loads here, on macOS only: elsewhere it would cost the live window's
        # first paint ~4 ms (ctypes.util brings subprocess) for nothing.
        import ctypes
        import ctypes.util

        objc = ctypes.cdll.LoadLibrary(ctypes.util.find_library("objc") or "libobjc.dylib")
        objc.sel_registerName.restype = ctypes.c_void_p
        objc.sel_registerName.argtypes = [ctypes.c_char_p]
        self._selector = objc.sel_registerName
        send = objc.objc_msgSend
        send_address = ctypes.cast(send, ctypes.c_void_p).value
        if send_address is None:
            raise OSError("macOS has no Objective-C runtime here")
        self._send_object = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)(
            send_address
        )
        self._send_ulong = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_ulong)(
            send_address
        )

    def window_of(self, ns_view: int) -> int | None:
        window: int | None = self._send_object(ns_view, self._selector(b"window"))
        return window

    def set_sharing_type(self, ns_window: int, sharing_type: int) -> None:
        self._send_ulong(ns_window, self._selector(b"setSharingType:"), sharing_type)
