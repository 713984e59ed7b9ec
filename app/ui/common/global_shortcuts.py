"""System-wide shortcuts as Qt signals: the bridge between the platform hook and the windows.

The hook calls back on its own thread; ``GlobalShortcuts`` re-emits each press as
``triggered(action)``, which Qt queues to the GUI thread. Which chords are live,
which another program holds, and why a platform cannot listen at all are kept
here for the settings screen. On Wayland the desktop answers later, through its
portal, and may bind other keys than asked: ``desktop_keys`` holds its words for them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Qt, Signal

from app.domain.hotkeys import HotkeyAction, HotkeyError, KeyCombo, parse_combo, validate_bindings
from app.platform.global_hotkeys import Availability, HotkeyBackend, detect_backend
from app.platform.hotkey_backend import NamedHandler
from app.platform.portal_shortcuts import PortalShortcutsBackend
from app.ui.common.key_names import shown_keys


class GlobalShortcuts(QObject):
    triggered = Signal(str)  # a HotkeyAction value
    # The keys were applied again (Settings saved): windows showing what is heard follow it.
    applied = Signal()
    # Emitted from the hook's thread and delivered queued; carries the action's value.
    _pressed_elsewhere = Signal(str)
    # The desktop's portal answered (emitted from its thread, delivered queued).
    _desktop_answered = Signal()

    def __init__(self, backend: HotkeyBackend | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backend = backend if backend is not None else detect_backend()
        self._pressed_elsewhere.connect(self.triggered.emit)
        # Queued even when emitted on the GUI thread (``start`` says "asking" there).
        self._desktop_answered.connect(self._follow_desktop, Qt.ConnectionType.QueuedConnection)
        if isinstance(self._backend, PortalShortcutsBackend):
            self._backend.watch(self._desktop_answered.emit)
        self._wanted: dict[HotkeyAction, KeyCombo] = {}
        self.active: dict[HotkeyAction, KeyCombo] = {}
        self.desktop_keys: dict[HotkeyAction, str] = {}  # the desktop's words for each key
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
        self._wanted, self.desktop_keys = dict(combos), {}
        availability = self._backend.availability()
        if not availability.available:
            self.problem = availability.reason
            return False
        handlers = {combo: self._handler(action) for action, combo in combos.items()}
        self.taken = self._backend.start(handlers)
        if isinstance(self._backend, PortalShortcutsBackend):
            return False  # none is heard until the desktop says which it bound
        self.active = {action: combo for action, combo in combos.items() if combo not in self.taken}
        if self.taken:
            names = ", ".join(shown_keys(combo) for combo in self.taken)
            self.problem = self.tr(
                "Another program already uses {keys}; choose other keys for them."
            ).format(keys=names)
        return not self.taken

    def _handler(self, action: HotkeyAction) -> Callable[[], None]:
        def pressed() -> None:
            self._pressed_elsewhere.emit(action.value)

        return NamedHandler(action.value, action.label, pressed)

    def _follow_desktop(self) -> None:
        """The portal bound the keys, refused them or went away: say what is heard now."""
        if not isinstance(self._backend, PortalShortcutsBackend):
            return
        outcome = self._backend.outcome()
        bound = outcome.bound or {}
        self.active = {a: combo for a, combo in self._wanted.items() if a.value in bound}
        self.desktop_keys = {action: bound[action.value] for action in self.active}
        self.problem = outcome.problem
        self.applied.emit()

    def desktop_changed(self) -> dict[HotkeyAction, str]:
        """The keys the desktop bound otherwise than asked (its words for each, "" for none)."""

        def as_asked(action: HotkeyAction, words: str) -> bool:
            try:
                return parse_combo(words.replace(" ", "_")) == self.active.get(action)
            except HotkeyError:
                return False  # words Poise cannot read: shown as they are

        return {a: words for a, words in self.desktop_keys.items() if not as_asked(a, words)}

    def stop(self) -> None:
        self._backend.stop()
        self.active, self.desktop_keys = {}, {}
