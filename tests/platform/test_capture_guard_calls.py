"""The capture guard's two system calls, driven on Linux with fakes of user32 and libobjc."""

from __future__ import annotations

import sys

import pytest

from app.ui.common.capture_guard import (
    NS_WINDOW_SHARING_NONE,
    NS_WINDOW_SHARING_READ_ONLY,
    UNSUPPORTED_LINUX,
    WDA_EXCLUDEFROMCAPTURE,
    WDA_NONE,
    set_capture_excluded,
)

HWND = 0x1A2B
NS_VIEW = 0x7000
NS_WINDOW = 0x9000


class FakeUser32:
    def __init__(self, accepts: bool = True, error: int = 0) -> None:
        self.accepts = accepts
        self.error = error
        self.calls: list[tuple[int, int]] = []

    def set_window_display_affinity(self, hwnd: int, affinity: int) -> bool:
        self.calls.append((hwnd, affinity))
        return self.accepts

    def last_error(self) -> int:
        return self.error


class FakeObjc:
    def __init__(self, window: int | None = NS_WINDOW) -> None:
        self.window = window
        self.asked_window_of: list[int] = []
        self.sharing: list[tuple[int, int]] = []

    def window_of(self, ns_view: int) -> int | None:
        self.asked_window_of.append(ns_view)
        return self.window

    def set_sharing_type(self, ns_window: int, sharing_type: int) -> None:
        self.sharing.append((ns_window, sharing_type))


def test_windows_excludes_then_restores_the_window() -> None:
    user32 = FakeUser32()
    hidden = set_capture_excluded(HWND, True, platform="win32", windows=user32)
    shown = set_capture_excluded(HWND, False, platform="win32", windows=user32)
    assert user32.calls == [(HWND, WDA_EXCLUDEFROMCAPTURE), (HWND, WDA_NONE)]
    assert WDA_EXCLUDEFROMCAPTURE == 0x11  # not WDA_MONITOR (0x1), which blacks the window out
    assert (hidden.supported, hidden.active) == (True, True)
    assert hidden.message == "The live window is hidden from screen sharing."
    assert (shown.supported, shown.active) == (True, False)


def test_an_older_windows_refusing_is_told_with_its_error() -> None:
    user32 = FakeUser32(accepts=False, error=87)
    result = set_capture_excluded(HWND, True, platform="win32", windows=user32)
    assert (result.supported, result.active) == (False, False)
    assert "error 87" in result.message
    assert "Windows 10 version 2004" in result.message


def test_macos_marks_the_views_window_not_the_view() -> None:
    objc = FakeObjc()
    hidden = set_capture_excluded(NS_VIEW, True, platform="darwin", macos=objc)
    shown = set_capture_excluded(NS_VIEW, False, platform="darwin", macos=objc)
    assert objc.asked_window_of == [NS_VIEW, NS_VIEW]
    assert objc.sharing == [
        (NS_WINDOW, NS_WINDOW_SHARING_NONE),
        (NS_WINDOW, NS_WINDOW_SHARING_READ_ONLY),
    ]
    assert (hidden.supported, hidden.active) == (True, True)
    assert hidden.message == "The live window is hidden from screen captures."
    assert shown.active is False


def test_macos_before_the_window_is_on_screen_changes_nothing() -> None:
    objc = FakeObjc(window=None)
    result = set_capture_excluded(NS_VIEW, True, platform="darwin", macos=objc)
    assert objc.sharing == []
    assert (result.supported, result.active) == (True, False)
    assert result.message == "The window is not on screen yet."


@pytest.mark.parametrize("platform", ["linux", "freebsd14"])
def test_other_systems_say_they_cannot(platform: str) -> None:
    user32, objc = FakeUser32(), FakeObjc()
    result = set_capture_excluded(HWND, True, platform=platform, windows=user32, macos=objc)
    assert (result.supported, result.active, result.message) == (False, False, UNSUPPORTED_LINUX)
    assert user32.calls == objc.sharing == []


@pytest.mark.skipif(sys.platform == "win32", reason="user32 is there on Windows")
def test_a_missing_system_library_is_a_message_not_a_crash() -> None:
    # On Linux the real user32 cannot load: the branch reports it rather than raising.
    result = set_capture_excluded(HWND, True, platform="win32")
    assert (result.supported, result.active) == (False, False)
    assert result.message.startswith("Windows refused to hide the window:")
