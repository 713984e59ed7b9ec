"""System-wide shortcuts: the real pynput hook on a private X server, keys sent through XTest."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from app.domain.hotkeys import HotkeyAction, parse_combo
from app.platform.global_hotkeys import (
    PynputBackend,
    UnavailableBackend,
    X11GrabBackend,
    detect_backend,
    pynput_hotkey,
)
from app.platform.portal_shortcuts import NO_PORTAL, PortalShortcutsBackend

from .xvfb import xvfb_display


@pytest.fixture(scope="module")
def x_display() -> Iterator[str]:
    from Xlib import display

    with xvfb_display() as display_name:
        # Xvfb resets when its last client leaves, and refuses connections meanwhile: one
        # client stays for the whole module, as a desktop always has some.
        keeper = display.Display(display_name)
        try:
            yield display_name
        finally:
            keeper.close()


def send_keys(display_name: str, *keysyms: str) -> None:
    """Press the keys in order and release them in reverse, as a person holding a chord would."""
    from Xlib import XK, X, display
    from Xlib.ext import xtest

    connection = display.Display(display_name)
    try:
        codes = [connection.keysym_to_keycode(XK.string_to_keysym(name)) for name in keysyms]
        for code in codes:
            xtest.fake_input(connection, X.KeyPress, code)
        for code in reversed(codes):
            xtest.fake_input(connection, X.KeyRelease, code)
        connection.sync()
    finally:
        connection.close()


def test_pynput_notation() -> None:
    assert pynput_hotkey(parse_combo("Ctrl+Alt+Right")) == "<ctrl>+<alt>+<right>"
    assert pynput_hotkey(parse_combo("page_down")) == "<page_down>"
    assert pynput_hotkey(parse_combo("ctrl+alt+f")) == "<ctrl>+<alt>+f"


def test_wayland_and_headless_sessions_say_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    wayland = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"}
    no_bus = detect_backend(wayland)  # no session bus: no portal to ask
    assert isinstance(no_bus, UnavailableBackend)
    assert no_bus.availability().reason == NO_PORTAL
    on_a_bus = detect_backend(wayland | {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nowhere"})
    assert isinstance(on_a_bus, PortalShortcutsBackend)
    headless = detect_backend({})
    assert not headless.availability().available
    assert isinstance(detect_backend({"DISPLAY": ":0"}), X11GrabBackend)
    monkeypatch.setattr("sys.platform", "win32")
    assert isinstance(detect_backend({}), PynputBackend)


def test_chord_pressed_in_another_window_reaches_poise(
    x_display: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISPLAY", x_display)
    backend = detect_backend()
    assert backend.availability().available, backend.availability().reason
    fired: list[HotkeyAction] = []
    arrived = threading.Event()

    def on(action: HotkeyAction) -> None:
        fired.append(action)
        arrived.set()

    assert isinstance(backend, X11GrabBackend)
    taken = backend.start(
        {
            parse_combo("ctrl+alt+right"): lambda: on(HotkeyAction.NEXT_STEP),
            parse_combo("page_down"): lambda: on(HotkeyAction.NEXT_STEP),
            parse_combo("ctrl+alt+h"): lambda: on(HotkeyAction.TOGGLE_HIDDEN),
        }
    )
    assert taken == []
    try:
        send_keys(x_display, "Control_L", "Alt_L", "h")
        assert arrived.wait(5), "the chord never reached the hook"
        arrived.clear()
        send_keys(x_display, "Next")  # the keysym a presenter clicker's PageDown sends
        assert arrived.wait(5)
        arrived.clear()
        send_keys(x_display, "Alt_L", "h")  # not a bound chord: nothing may fire
        send_keys(x_display, "Control_L", "Alt_L", "Right")
        assert arrived.wait(5)
    finally:
        thread = backend.thread
        backend.stop()
        assert thread is not None
        thread.join(2)
        assert not thread.is_alive()
    assert fired == [HotkeyAction.TOGGLE_HIDDEN, HotkeyAction.NEXT_STEP, HotkeyAction.NEXT_STEP]


def test_chord_held_by_another_program_is_reported(x_display: str) -> None:
    from Xlib import XK, X, display

    other_program = display.Display(x_display)
    try:
        keycode = other_program.keysym_to_keycode(XK.string_to_keysym("F9"))
        other_program.screen().root.grab_key(
            keycode, X.ControlMask, True, X.GrabModeAsync, X.GrabModeAsync
        )
        other_program.sync()
        backend = X11GrabBackend(x_display)
        taken = backend.start(
            {parse_combo("ctrl+f9"): lambda: None, parse_combo("ctrl+f10"): lambda: None}
        )
        backend.stop()
        assert backend.thread is not None
        backend.thread.join(2)
    finally:
        other_program.close()
    assert taken == [parse_combo("ctrl+f9")]


def test_the_same_chords_grabbed_again_are_not_taken_by_our_own_old_grab(x_display: str) -> None:
    """Settings saved mid-meeting re-applies the keys: the old grab must be gone first."""
    backend = X11GrabBackend(x_display)
    arrived = threading.Event()
    chords = {parse_combo("ctrl+alt+page_down"): arrived.set, parse_combo("ctrl+f11"): lambda: None}
    try:
        assert backend.start(chords) == []
        assert backend.start(chords) == []  # at once, as Save does
        send_keys(x_display, "Control_L", "Alt_L", "Next")
        assert arrived.wait(5), "the chord grabbed the second time never arrived"
    finally:
        backend.stop()
