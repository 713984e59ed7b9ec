"""What the review's widgets share: the meeting service, the note writer, the task runner.

Every read or write the review makes goes through ``ReviewContext.run``, which runs the
call on the review's thread pool. Before the call it lets the store's background writer
finish what it holds, so a search or a history finds words typed a moment ago.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, Protocol

from PySide6.QtCore import QObject

from app.domain.meeting_terms import NoteField
from app.ui.review.tasks import TaskRunner

WRITER_FLUSH_SECONDS = 2.0


class NoteWriterLike(Protocol):
    def save_note(self, meeting_id: int, field: NoteField, text: str) -> None: ...
    def flush(self, timeout: float) -> bool: ...


class ReviewContext(QObject):
    def __init__(
        self,
        service: Any,
        writer: NoteWriterLike | None = None,
        *,
        today: Callable[[], date] = date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.writer = writer
        self.today = today
        self.runner = TaskRunner(self)
        # Writes go one at a time, in the order the user made them: two quick edits of one
        # action item must not land (or report back) in the opposite order.
        self.write_runner = TaskRunner(self, threads=1)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        self.runner.run(self._after_pending_writes(work), on_done, on_error)

    def write(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Like ``run``, for changes: one at a time, in order."""
        self.write_runner.run(self._after_pending_writes(work), on_done, on_error)

    def _after_pending_writes(self, work: Callable[[], Any]) -> Callable[[], Any]:
        writer = self.writer

        def run_after_flush() -> Any:
            if writer is not None:
                writer.flush(WRITER_FLUSH_SECONDS)
            return work()

        return run_after_flush

    def save_note(self, meeting_id: int, field: NoteField, text: str) -> None:
        if self.writer is not None:
            self.writer.save_note(meeting_id, field, text)
            return
        service = self.service
        self.write_runner.run(
            lambda: service.save_note(meeting_id, field, text, datetime.now(UTC)), lambda _: None
        )

    @property
    def busy(self) -> bool:
        return self.runner.pending > 0 or self.write_runner.pending > 0

    def close(self) -> None:
        self.write_runner.close()
        self.runner.close()
