"""What a window builds right after its first paint, one piece per event-loop turn.

The live window's first paint waits only for what it shows; the pieces nobody sees at
first (the cue's overlay, the end dialog's code) come right after it, each in its own
turn of the event loop (``app.ui.common.steps_per_turn``), so a key pressed meanwhile
waits for one piece at most. Each piece is also made on its first use, should that come
sooner (``app.ui.common.after_first_paint`` runs one piece of work, with a deadline, for
a window already shown).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from app.ui.common.steps_per_turn import StepsPerTurn, one_call_each


class PiecesAfterFirstPaint(QObject):
    """Runs ``pieces`` one per event-loop turn, starting once ``window`` has painted."""

    def __init__(self, window: QWidget, pieces: list[Callable[[], object]]) -> None:
        super().__init__(window)
        self._pieces = list(pieces)
        self._steps = StepsPerTurn(self)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._steps.add(one_call_each(self._pieces))
        return False
