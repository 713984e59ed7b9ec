"""What the review's widgets share: the meeting service and the application's store client.

Every read the review makes goes through ``ReviewContext.run`` (the client's read pool,
after the writer has written what it holds, so a search or a history finds words typed
a moment ago) and every change through ``ReviewContext.write`` (the writer thread, one
at a time, in the order the user made them). Both are thin facades over
``app.ui.common.store_client.StoreClient``: the context only remembers its own calls, so the
review knows when it is busy and drops the answers once its window has closed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Signal

from app.domain.meeting_terms import NoteField
from app.store.api import StoreService
from app.ui.common.store_client import StoreClient

_Work = Callable[[], Any]
_Done = Callable[[Any], None]
_Failed = Callable[[Exception], None]


class ReviewContext(QObject):
    error = Signal(str)  # a failed call that nobody else handles, for the window to show

    def __init__(
        self,
        client: StoreClient,
        *,
        today: Callable[[], date] = date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.service: StoreService = client.service
        self.today = today
        self._calls: set[int] = set()
        self._closed = False

    def run(self, work: _Work, on_done: _Done, on_error: _Failed | None = None) -> None:
        self._send(self.client.read, work, on_done, on_error)

    def write(self, work: _Work, on_done: _Done, on_error: _Failed | None = None) -> None:
        """Like ``run``, for changes: one at a time, in order, after the typed text."""
        self._send(self.client.write, work, on_done, on_error)

    def _send(
        self,
        send: Callable[..., int],
        work: _Work,
        on_done: _Done,
        on_error: _Failed | None,
    ) -> None:
        if not self._closed:
            self._remember(send(work, on_done=on_done, on_error=self._failed(on_error)))

    def save_note(self, meeting_id: int, field: NoteField, text: str) -> None:
        self.client.save_note(meeting_id, field, text)

    @property
    def busy(self) -> bool:
        self._calls = {token for token in self._calls if self.client.is_pending(token)}
        return bool(self._calls)

    def close(self) -> None:
        """The window closed: its answers are dropped (the calls themselves still finish)."""
        self._closed = True
        for token in self._calls:
            self.client.cancel(token)
        self._calls.clear()

    def _remember(self, token: int) -> None:
        self._calls.add(token)

    def _failed(self, on_error: _Failed | None) -> Callable[[BaseException], None]:
        def failed(error: BaseException) -> None:
            if on_error is not None and isinstance(error, Exception):
                on_error(error)
            else:
                self.error.emit(str(error))

        return failed
