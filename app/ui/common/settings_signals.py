"""The settings owner's news as Qt signals, so that widgets follow it safely.

``app.settings`` sits below the UI and tells plain-Python listeners; a widget connected
through a signal is disconnected by Qt when it goes, which a plain callback is not.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QObject, Signal

from app.settings import Settings, SettingsOwner


class SettingsSignals(QObject):
    changed = Signal(object, object)  # the new Settings, frozenset of the changed keys
    problem = Signal(str)  # the settings cannot be written; said once

    def __init__(self, owner: SettingsOwner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.owner = owner
        owner.subscribe(self._relay_change)
        owner.on_problem(self._relay_problem)
        # The owner outlives this object; it must stop calling into it once it is gone.
        self.destroyed.connect(functools.partial(owner.unsubscribe, self._relay_change))
        self.destroyed.connect(functools.partial(owner.unsubscribe, self._relay_problem))

    def _relay_change(self, settings: Settings, keys: frozenset[str]) -> None:
        self.changed.emit(settings, keys)

    def _relay_problem(self, message: str) -> None:
        self.problem.emit(message)


__all__ = ["SettingsSignals"]
