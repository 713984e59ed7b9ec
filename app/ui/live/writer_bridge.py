"""Brings the store writer's callbacks back onto the GUI thread.

``store.writer`` runs every write on its own thread and calls ``on_done``/``on_error``
there. Widgets must only be touched from the GUI thread, so each callback is turned into
a signal of a QObject living on the GUI thread: Qt then queues the delivery.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

Callback = Callable[[Any], None]


class WriterBridge(QObject):
    """Submit store work off-thread; results and errors arrive on the GUI thread."""

    _finished = Signal(int, object)
    _failed = Signal(int, object)
    problem = Signal(str)  # a user-facing message about a failed write
    resolved = Signal()  # the writes that failed are now in the database

    def __init__(self, writer: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.writer = writer
        self._tokens = itertools.count(1)
        self._waiting: dict[int, tuple[Callback | None, Callback | None]] = {}
        self._finished.connect(self._deliver_result)
        self._failed.connect(self._deliver_error)

    def watch_problems(self) -> None:
        """Report the writer's problems (text kept safe, retrying) and their end as signals."""
        self.writer.on_problem = lambda error: self.problem.emit(str(error))
        self.writer.on_resolved = self.resolved.emit

    def stop_watching(self) -> None:
        self.writer.on_problem = None
        self.writer.on_resolved = None

    def submit(
        self,
        function: Callable[..., Any],
        *args: Any,
        on_done: Callback | None = None,
        on_error: Callback | None = None,
    ) -> None:
        """Run ``function(*args)`` on the writer thread; callbacks run on the GUI thread."""
        token = next(self._tokens)
        self._waiting[token] = (on_done, on_error)
        # These two lambdas run on the writer thread: they only emit, never touch widgets.
        self.writer.submit(
            function,
            *args,
            on_done=lambda result: self._finished.emit(token, result),
            on_error=lambda error: self._failed.emit(token, error),
        )

    def save_note(self, meeting_id: int, field: Any, text: str) -> None:
        self.writer.save_note(meeting_id, field, text)

    def add_stamped_line(self, meeting_id: int, text: str, step_key: str, at: Any) -> None:
        # Stamped lines go through the writer's own queue, which keeps them in the recovery
        # file like note text when the database cannot take them.
        self.writer.add_stamped_line(meeting_id, text, step_key, at)

    def _deliver_result(self, token: int, result: object) -> None:
        on_done, _ = self._waiting.pop(token, (None, None))
        if on_done is not None:
            on_done(result)

    def _deliver_error(self, token: int, error: object) -> None:
        _, on_error = self._waiting.pop(token, (None, None))
        if on_error is not None:
            on_error(error)
        else:
            self.problem.emit(str(error))
