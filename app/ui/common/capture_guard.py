"""Keeping the live window out of screen sharing and recording, where the system allows it.

- Windows 10 2004+: ``SetWindowDisplayAffinity(hwnd, WDA_EXCLUDEFROMCAPTURE)``; the window
  shows on the user's screen but is blank/absent in captures and shared screens.
- macOS: ``[NSWindow setSharingType: NSWindowSharingNone]`` through the Objective-C runtime
  (ctypes on libobjc); honoured by the classic capture APIs (recent ScreenCaptureKit
  versions may ignore it, so the message says "most").
- X11 and Wayland have no such request: any client may read the screen (X11) or the
  compositor decides what a share contains (Wayland). We say so instead of pretending.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from dataclasses import dataclass

WDA_NONE = 0x0
WDA_EXCLUDEFROMCAPTURE = 0x11
NS_WINDOW_SHARING_NONE = 0
NS_WINDOW_SHARING_READ_ONLY = 1


@dataclass(frozen=True, slots=True)
class CaptureProtection:
    supported: bool
    active: bool
    message: str


UNSUPPORTED_LINUX = (
    "This system cannot hide a window from screen sharing: on Linux (X11 or Wayland) any "
    "shared screen shows Poise. When you share, share one application window, not the "
    "whole screen, or move Poise to a screen you do not share."
)


def capture_protection_supported() -> CaptureProtection:
    """What this system can do, for the settings screen, without touching a window."""
    if sys.platform == "win32":
        return CaptureProtection(
            True,
            False,
            "Poise asks Windows to leave the live window out of screen sharing and "
            "recordings (Windows 10 version 2004 or later).",
        )
    if sys.platform == "darwin":
        return CaptureProtection(
            True,
            False,
            "Poise asks macOS to leave the live window out of screenshots and most screen "
            "sharing; some newer sharing apps may still show it, so check once before a call.",
        )
    return CaptureProtection(False, False, UNSUPPORTED_LINUX)


def set_capture_excluded(window_id: int, excluded: bool) -> CaptureProtection:
    """Apply or lift the exclusion on a native window (``QWidget.winId()``)."""
    if sys.platform == "win32":
        return _windows(window_id, excluded)
    if sys.platform == "darwin":
        return _macos(window_id, excluded)
    return CaptureProtection(False, False, UNSUPPORTED_LINUX)


# ctypes.WinDLL and ctypes.get_last_error exist on Windows only.
if sys.platform == "win32":

    def _windows(hwnd: int, excluded: bool) -> CaptureProtection:
        try:
            user32 = ctypes.WinDLL("user32", use_last_error=True)
            set_affinity = user32.SetWindowDisplayAffinity
            set_affinity.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
            set_affinity.restype = ctypes.c_int
            affinity = WDA_EXCLUDEFROMCAPTURE if excluded else WDA_NONE
            ok = set_affinity(ctypes.c_void_p(hwnd), affinity)
        except (AttributeError, OSError) as error:
            return CaptureProtection(False, False, f"Windows refused to hide the window: {error}")
        if not ok:
            code = ctypes.get_last_error()
            return CaptureProtection(
                False,
                False,
                f"Windows refused to hide the window from capture (error {code}); "
                "this needs Windows 10 version 2004 or later.",
            )
        state = "hidden from" if excluded else "visible in"
        return CaptureProtection(True, excluded, f"The live window is {state} screen sharing.")


def _macos(ns_view: int, excluded: bool) -> CaptureProtection:
    try:
        objc = ctypes.cdll.LoadLibrary(ctypes.util.find_library("objc") or "libobjc.dylib")
        objc.sel_registerName.restype = ctypes.c_void_p
        objc.sel_registerName.argtypes = [ctypes.c_char_p]
        send = objc.objc_msgSend
        send.restype = ctypes.c_void_p
        send.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        # Qt's winId() on macOS is the NSView; its window is the NSWindow to mark.
        ns_window = send(ctypes.c_void_p(ns_view), objc.sel_registerName(b"window"))
        if not ns_window:
            return CaptureProtection(True, False, "The window is not on screen yet.")
        send_address = ctypes.cast(send, ctypes.c_void_p).value
        if send_address is None:
            return CaptureProtection(False, False, "macOS has no Objective-C runtime here.")
        set_sharing = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_ulong)(
            send_address
        )
        sharing = NS_WINDOW_SHARING_NONE if excluded else NS_WINDOW_SHARING_READ_ONLY
        set_sharing(ns_window, objc.sel_registerName(b"setSharingType:"), sharing)
    except (AttributeError, OSError, TypeError) as error:
        return CaptureProtection(False, False, f"macOS did not accept the request: {error}")
    state = "hidden from" if excluded else "visible in"
    return CaptureProtection(True, excluded, f"The live window is {state} screen captures.")
