"""The one way from the windows to the store, and the one way off the GUI thread.

The application owns one ``StoreClient``; every window reaches the store through it:

- ``write`` runs a call on the store's writer thread, after everything queued before it
  (typed text included), so a meeting's changes land in the order they were made;
- ``read`` runs a call on a small pool of its own (after the writer has written what it
  holds, so a search finds words typed a moment ago); ``background`` runs work that needs
  no store (a Markdown file) on the same pool; ``open`` opens the store there;
- ``save_note``, ``add_stamped_line`` and ``flush`` reach the writer directly: a
  keystroke costs the GUI thread microseconds.

Results and errors come back on the GUI thread: the worker only emits a token with the
result, a queued signal, and the callbacks wait in a table here (so they, and the call
itself, are released on the GUI thread). A ``StoreError`` (or a file that cannot be
written, or a meeting deleted meanwhile) goes to the caller's ``on_error``, else to
``problem``; anything else is a bug, emitted once per kind as ``bug`` for the crash
handler, and still handed to ``on_error`` so the caller can carry on.

Change signals say what any window may want to follow: ``meetingStored`` (a meeting's
row is written), ``meetingEnded`` (its end is written), ``meetingEdited`` and
``meetingDeleted`` (from the review). Whoever makes the change announces it.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.domain.meeting_terms import NoteField
from app.store.api import OpenStore, StoreError, StoreService, is_expected_failure

log = logging.getLogger(__name__)

READ_THREADS = 2
# How long a read waits for the writer to write what it holds (a locked database may
# keep it longer; the read then goes ahead with what is in the store).
WRITES_FIRST_SECONDS = 2.0

Done = Callable[[Any], None]
Failed = Callable[[Any], None]


@dataclass(slots=True)
class _Waiting:
    work: Callable[[], Any]
    on_done: Done | None
    on_error: Failed | None
    runnable: QRunnable | None = None


class _Call(QRunnable):
    """One call on the pool; it only emits, never touches a widget."""

    def __init__(self, client: StoreClient, token: int, work: Callable[[], Any]) -> None:
        super().__init__()
        self._client = client
        self._token = token
        self._work = work
        # Python owns the runnable (kept in the client's table): Qt must not delete it.
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to the GUI thread, never lost
            self._client._failed.emit(self._token, error)
        else:
            self._client._finished.emit(self._token, result)


class StoreClient(QObject):
    """Owned by the application; see the module docstring."""

    storeOpened = Signal(object)  # noqa: N815 (Qt signal naming) -- the OpenStore
    storeFailed = Signal(object)  # noqa: N815 -- the exception that stopped it opening
    problem = Signal(str)  # a user-facing message: a write failed, its text is kept
    resolved = Signal()  # the writes that failed are now in the store
    bug = Signal(object)  # a programming error (the exception), once per kind
    meetingStored = Signal(int)  # noqa: N815 -- a meeting's row is written
    meetingEnded = Signal(int)  # noqa: N815 -- a meeting's end is written
    meetingEdited = Signal(int)  # noqa: N815 -- a meeting was changed in the review
    meetingDeleted = Signal(int)  # noqa: N815 -- a meeting was deleted

    _finished = Signal(int, object)
    _failed = Signal(int, object)
    _opened = Signal(object)
    _open_failed = Signal(object)
    _writer_problem = Signal(object)
    _writer_bug = Signal(object)

    def __init__(
        self,
        store: OpenStore | None = None,
        parent: QObject | None = None,
        *,
        read_threads: int = READ_THREADS,
    ) -> None:
        super().__init__(parent)
        self.store: OpenStore | None = None
        self.opening = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(read_threads)
        self._tokens = itertools.count(1)
        self._waiting: dict[int, _Waiting] = {}
        self._reported_bugs: set[tuple[str, str]] = set()
        self._finished.connect(self._deliver_result)
        self._failed.connect(self._deliver_error)
        self._opened.connect(self.attach)
        self._open_failed.connect(self._open_refused)
        self._writer_problem.connect(self._say_problem)
        self._writer_bug.connect(self.report_bug)
        if store is not None:
            self.attach(store)

    # -- opening --------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.store is not None

    @property
    def service(self) -> StoreService:
        return self._require_store().service

    def open(self, url: str | None = None) -> None:
        """Open the store on the pool; ``storeOpened`` or ``storeFailed`` follows."""
        if self.store is not None or self.opening:
            return
        self.opening = True
        self._pool.start(_Opening(self, url))

    def attach(self, store: OpenStore) -> None:
        """Take an open store: from now on every call reaches it."""
        self.opening = False
        self.store = store
        writer = store.writer
        # These run on the writer thread: they only emit.
        writer.on_problem = self._writer_problem.emit
        writer.on_resolved = self.resolved.emit
        writer.on_bug = self._writer_bug.emit
        self.storeOpened.emit(store)

    def _open_refused(self, error: BaseException) -> None:
        self.opening = False
        self.storeFailed.emit(error)

    # -- calls ----------------------------------------------------------------------------

    def write(
        self,
        function: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> int:
        """Run ``function(*args)`` on the writer thread, in order; returns a token."""
        store = self._require_store()
        token, work = self._enter(function, args, on_done, on_error)
        try:
            store.writer.submit(
                work,
                on_done=lambda result: self._finished.emit(token, result),
                on_error=lambda error: self._failed.emit(token, error),
            )
        except RuntimeError:
            # The store was closed under us (the app is quitting): nothing can be written.
            self._waiting.pop(token, None)
            log.warning("a write came after the store was closed: %s", function)
        return token

    def read(
        self,
        function: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> int:
        """Run ``function(*args)`` on the pool once the writer is idle; returns a token."""
        writer = self._require_store().writer

        def after_writes() -> Any:
            writer.flush(WRITES_FIRST_SECONDS)
            return function(*args)

        return self.background(after_writes, on_done=on_done, on_error=on_error)

    def background(
        self,
        function: Callable[..., Any],
        *args: Any,
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> int:
        """Run work that needs no store (a file, a warm-up) on the pool; returns a token."""
        token, _ = self._enter(function, args, on_done, on_error)
        self._start(token)
        return token

    def save_note(self, meeting_id: int, field: NoteField, text: str) -> None:
        self._require_store().writer.save_note(meeting_id, field, text)

    def add_stamped_line(
        self, meeting_id: int, text: str, step_key: str | None, at: datetime
    ) -> None:
        # Through the writer's own queue: kept in the recovery file like note text.
        self._require_store().writer.add_stamped_line(meeting_id, text, step_key, at)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait (on the calling thread) until the writer has written what it holds."""
        return self.store.writer.flush(timeout) if self.store is not None else True

    def is_pending(self, token: int) -> bool:
        return token in self._waiting

    def cancel(self, token: int) -> None:
        """Drop the callbacks of a call (its window closed); the call itself still runs."""
        self._waiting.pop(token, None)

    @property
    def pending(self) -> int:
        return len(self._waiting)

    # -- change signals -------------------------------------------------------------------

    def announce_stored(self, meeting_id: int) -> None:
        self.meetingStored.emit(meeting_id)

    def announce_ended(self, meeting_id: int) -> None:
        self.meetingEnded.emit(meeting_id)

    def announce_edited(self, meeting_id: int) -> None:
        self.meetingEdited.emit(meeting_id)

    def announce_deleted(self, meeting_id: int) -> None:
        self.meetingDeleted.emit(meeting_id)

    # -- bugs -----------------------------------------------------------------------------

    def report_bug(self, error: BaseException) -> None:
        """Emit ``bug`` once for each kind of programming error."""
        kind = (type(error).__qualname__, str(error))
        if kind in self._reported_bugs:
            return
        self._reported_bugs.add(kind)
        log.error("a store call failed with a bug", exc_info=error)
        self.bug.emit(error)

    # -- the end --------------------------------------------------------------------------

    def finish_calls(self, timeout: float = 5.0) -> bool:
        """Drop the calls not started yet and wait for the running ones; their answers
        are dropped. True if the pool is idle within ``timeout``."""
        self._pool.clear()
        idle = bool(self._pool.waitForDone(int(timeout * 1000)))
        if idle:
            # Only now: a call still running must keep its runnable alive.
            self._waiting.clear()
        else:
            for waiting in self._waiting.values():
                waiting.on_done = waiting.on_error = None
        return idle

    def close(self, timeout: float = 5.0) -> bool:
        """Finish the pool's calls, write what is queued (within ``timeout``), close the store."""
        self.finish_calls(timeout)
        store, self.store = self.store, None
        if store is None:
            return True
        return store.close(timeout)

    # -- inside ---------------------------------------------------------------------------

    def _require_store(self) -> OpenStore:
        if self.store is None:
            raise RuntimeError("the store is not open yet")
        return self.store

    def _enter(
        self,
        function: Callable[..., Any],
        args: tuple[Any, ...],
        on_done: Done | None,
        on_error: Failed | None,
    ) -> tuple[int, Callable[[], Any]]:
        token = next(self._tokens)

        def work() -> Any:
            return function(*args)

        self._waiting[token] = _Waiting(work, on_done, on_error)
        return token, work

    def _start(self, token: int) -> None:
        waiting = self._waiting[token]
        runnable = _Call(self, token, waiting.work)
        waiting.runnable = runnable
        self._pool.start(runnable)

    def _deliver_result(self, token: int, result: object) -> None:
        waiting = self._waiting.pop(token, None)
        if waiting is not None and waiting.on_done is not None:
            waiting.on_done(result)

    def _deliver_error(self, token: int, error: BaseException) -> None:
        waiting = self._waiting.pop(token, None)
        if not is_expected_failure(error):
            self.report_bug(error)
        if waiting is None:
            return
        if waiting.on_error is not None:
            waiting.on_error(error)
        elif is_expected_failure(error):
            self.problem.emit(str(error))

    def _say_problem(self, error: StoreError) -> None:
        self.problem.emit(str(error))


class _Opening(QRunnable):
    def __init__(self, client: StoreClient, url: str | None) -> None:
        super().__init__()
        self._client = client
        self._url = url

    def run(self) -> None:
        try:
            # Imported here, on the pool: SQLAlchemy and Alembic stay off the GUI thread.
            from app.store import open_store

            store = open_store(self._url)
        except Exception as error:
            self._client._open_failed.emit(error)
        else:
            self._client._opened.emit(store)
