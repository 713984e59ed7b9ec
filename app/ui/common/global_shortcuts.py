"""System-wide shortcuts as Qt signals: the bridge between the platform hook and the windows.

The hook calls back on its own thread; ``GlobalShortcuts`` re-emits each press as
``triggered(action)``, which Qt queues to the GUI thread. Which chords are live,
which another program holds, and why a platform cannot listen at all are kept
here for the settings screen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Signal

from app.domain.hotkeys import HotkeyAction, HotkeyError, KeyCombo, validate_bindings
from app.platform.global_hotkeys import Availability, HotkeyBackend, detect_backend


class GlobalShortcuts(QObject):
    triggered = Signal(str)  # a HotkeyAction value
    # The keys were applied again (Settings saved): windows showing what is heard follow it.
    applied = Signal()
    # Emitted from the hook's thread and delivered queued; carries the action's value.
    _pressed_elsewhere = Signal(str)

    def __init__(self, backend: HotkeyBackend | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backend = backend if backend is not None else detect_backend()
        self._pressed_elsewhere.connect(self.triggered.emit)
        self.active: dict[HotkeyAction, KeyCombo] = {}
        self.taken: list[KeyCombo] = []
        self.problem = ""

    @property
    def availability(self) -> Availability:
        return self._backend.availability()

    def apply(self, bindings: Mapping[HotkeyAction, str]) -> bool:
        """Listen for ``bindings``; False (with ``problem`` set) when they cannot all be used."""
        try:
            return self._apply(bindings)
        finally:
            self.applied.emit()

    def _apply(self, bindings: Mapping[HotkeyAction, str]) -> bool:
        try:
            combos = validate_bindings(bindings)
        except HotkeyError as error:
            self._backend.stop()
            self.active, self.taken, self.problem = {}, [], str(error)
            return False
        if combos and combos == self.active and not self.taken and not self.problem:
            return True  # the same keys, all heard: keep the grab rather than redo it
        self._backend.stop()
        self.active, self.taken, self.problem = {}, [], ""
        availability = self._backend.availability()
        if not availability.available:
            self.problem = availability.reason
            return False
        handlers = {combo: self._handler(action) for action, combo in combos.items()}
        self.taken = self._backend.start(handlers)
        self.active = {action: combo for action, combo in combos.items() if combo not in self.taken}
        if self.taken:
            names = ", ".join(combo.display for combo in self.taken)
            self.problem = f"Another program already uses {names}; choose other keys for them."
        return not self.taken

    def _handler(self, action: HotkeyAction) -> Callable[[], None]:
        def pressed() -> None:
            self._pressed_elsewhere.emit(action.value)

        return pressed

    def stop(self) -> None:
        self._backend.stop()
        self.active = {}
