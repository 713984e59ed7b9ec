"""Running store calls off the GUI thread and getting the answer back as a queued signal.

The review reads a lot (pages of 10,000 meetings, full-text search, trends); each read
is one short call on the thread-safe ``MeetingService``, run on a small thread pool of
the review's own. The answer travels back through a ``_Relay`` QObject that lives on
the GUI thread, so Qt queues its signal and the callback runs on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Call(QRunnable):
    def __init__(self, relay: _Relay, function: Callable[[], Any]) -> None:
        super().__init__()
        self._relay = relay
        self._function = function
        # Python owns the runnable; Qt must not delete it under us.
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self._function()
        except Exception as error:  # handed to the GUI thread, never lost
            self._relay.failed.emit(error)
        else:
            self._relay.succeeded.emit(result)


class TaskRunner(QObject):
    """Runs callables on a private pool; callbacks run on the GUI thread.

    ``pending`` counts calls not yet answered, so tests can wait for quiet.
    """

    error = Signal(str)

    def __init__(self, parent: QObject | None = None, *, threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._in_flight: dict[int, tuple[_Relay, _Call]] = {}
        self._next_ticket = 0
        self._closed = False

    @property
    def pending(self) -> int:
        return len(self._in_flight)

    def run(
        self,
        function: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        if self._closed:
            return
        ticket = self._next_ticket
        self._next_ticket += 1
        relay = _Relay(self)

        def finish(result: object) -> None:
            self._in_flight.pop(ticket, None)
            relay.deleteLater()
            if not self._closed:
                on_done(result)

        def fail(error: object) -> None:
            self._in_flight.pop(ticket, None)
            relay.deleteLater()
            if self._closed:
                return
            if on_error is not None and isinstance(error, Exception):
                on_error(error)
            else:
                log.error("review task failed: %r", error)
                self.error.emit(str(error))

        relay.succeeded.connect(finish)
        relay.failed.connect(fail)
        call = _Call(relay, function)
        self._in_flight[ticket] = (relay, call)
        self._pool.start(call)

    def close(self, timeout_ms: int = 3000) -> None:
        """Drop queued calls and wait for running ones, so nothing outlives the window."""
        self._closed = True
        self._pool.clear()
        self._pool.waitForDone(timeout_ms)
        self._in_flight.clear()
