"""Work done a step per turn of the event loop, so that no step holds the GUI thread long.

A key pressed or a cue arriving meanwhile waits for one step at most. Used by the meeting's
warm-up (``app.ui.meeting_warm_up``: imports a module per step, held while a live window is
being made for a Start just pressed) and by the live window's pieces made after its first
paint (``app.ui.live.deferred_pieces``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, QTimer


class StepsPerTurn(QObject):
    """Runs the queued steps in order, one per event-loop turn.

    ``hold``: asked before each step; while it says True the step waits ``hold_ms``.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        hold: Callable[[], bool] | None = None,
        hold_ms: int = 50,
    ) -> None:
        super().__init__(parent)
        self._hold = hold
        self._hold_ms = hold_ms
        self._queue: deque[Iterator[object]] = deque()
        self.steps_taken = 0

    @property
    def running(self) -> bool:
        return bool(self._queue)

    def add(self, steps: Iterator[object]) -> None:
        """Each ``next(steps)`` is one step; after those queued before."""
        self._queue.append(steps)
        if len(self._queue) == 1:
            QTimer.singleShot(0, self, self._step)

    def _step(self) -> None:
        if not self._queue:
            return
        if self._hold is not None and self._hold():
            QTimer.singleShot(self._hold_ms, self, self._step)
            return
        try:
            next(self._queue[0])
        except StopIteration:
            self._queue.popleft()
        except BaseException:
            self._queue.clear()
            raise
        else:
            self.steps_taken += 1
        if self._queue:
            QTimer.singleShot(0, self, self._step)


def one_call_each(calls: list[Callable[[], object]]) -> Iterator[str]:
    """The steps of calling each of ``calls`` in turn."""
    for call in calls:
        call()
        yield getattr(call, "__name__", "a step")
