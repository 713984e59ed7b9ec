"""GlobalShortcuts: presses from the hook's thread arrive as Qt signals on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from app.domain.hotkeys import DEFAULT_BINDINGS, HotkeyAction, KeyCombo, parse_combo
from app.platform.global_hotkeys import Availability
from app.ui.common.global_shortcuts import GlobalShortcuts


class FakeHook:
    """Stands in for the platform hook: holds the handlers and presses keys from a thread."""

    def __init__(self, *, available: bool = True, held_elsewhere: tuple[str, ...] = ()) -> None:
        self._available = available
        self._held = {parse_combo(text) for text in held_elsewhere}
        self.handlers: dict[KeyCombo, Callable[[], None]] = {}
        self.stopped = 0

    def availability(self) -> Availability:
        return Availability(self._available, "ok" if self._available else "Wayland says no")

    def start(self, handlers: Mapping[KeyCombo, Callable[[], None]]) -> list[KeyCombo]:
        self.handlers = {c: h for c, h in handlers.items() if c not in self._held}
        return [c for c in handlers if c in self._held]

    def stop(self) -> None:
        self.stopped += 1
        self.handlers = {}

    def press_from_hook_thread(self, text: str) -> None:
        handler = self.handlers[parse_combo(text)]
        thread = threading.Thread(target=handler)
        thread.start()
        thread.join()


def test_press_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    hook = FakeHook()
    shortcuts = GlobalShortcuts(hook)
    assert shortcuts.apply(DEFAULT_BINDINGS)
    received: list[tuple[str, bool]] = []

    def on_triggered(action: str) -> None:
        received.append((action, QThread.currentThread() is shortcuts.thread()))

    shortcuts.triggered.connect(on_triggered)
    with qtbot.waitSignal(shortcuts.triggered, timeout=2000):
        hook.press_from_hook_thread("ctrl+alt+h")
    assert received == [(HotkeyAction.TOGGLE_HIDDEN.value, True)]


def test_unavailable_platform_explains_itself() -> None:
    shortcuts = GlobalShortcuts(FakeHook(available=False))
    assert not shortcuts.apply(DEFAULT_BINDINGS)
    assert shortcuts.problem == "Wayland says no"
    assert shortcuts.active == {}


def test_conflicting_or_taken_keys_are_reported() -> None:
    shortcuts = GlobalShortcuts(FakeHook(held_elsewhere=("ctrl+alt+shift+f",)))
    assert not shortcuts.apply(DEFAULT_BINDINGS)
    assert "Ctrl+Alt+Shift+F" in shortcuts.problem
    assert HotkeyAction.FLAG_MOMENT not in shortcuts.active
    assert HotkeyAction.NEXT_STEP in shortcuts.active

    clash = dict(DEFAULT_BINDINGS) | {HotkeyAction.ASK_PARTNER: "ctrl+alt+h"}
    assert not shortcuts.apply(clash)
    assert "set for both" in shortcuts.problem
