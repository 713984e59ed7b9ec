"""Settings changed during a meeting reach the live window at once.

"Larger step text" used to apply only from the next meeting: the user who ticked it
because they could not read the step saw nothing change. The follower is a child of the
live window, so it (and its connection to the settings owner) goes with the window.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.settings import Settings, shared_settings
from app.ui.common.settings_signals import SettingsSignals
from app.ui.live.step_card import StepCard, StepColumn


class LiveSettingsFollower(QObject):
    def __init__(self, card: StepCard, column: StepColumn, parent: QObject) -> None:
        super().__init__(parent)
        self._card = card
        self._column = column
        self._news = SettingsSignals(shared_settings(), parent=self)
        self._news.changed.connect(self._changed)

    def _changed(self, settings: Settings, keys: frozenset[str]) -> None:
        if "large_step_text" in keys:
            self._card.set_large_text(settings.large_step_text)
            self._column.arrange()


__all__ = ["LiveSettingsFollower"]
