"""Search as you type, without ever blocking the GUI.

Keystrokes restart a short debounce timer; when the user pauses, the query runs on the
review's thread pool and the hits come back by queued signal. Each query carries a
number; an answer whose number is not the latest is dropped, so a slow early query can
never overwrite the results of the words the user typed after it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.store.api import SearchHit
from app.ui.review.context import ReviewContext

SEARCH_DEBOUNCE_MS = 180
SEARCH_LIMIT = 100


class SearchController(QObject):
    results = Signal(str, list)  # query, hits (only the latest query's)
    cleared = Signal()
    failed = Signal(str)

    def __init__(self, context: ReviewContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._timer.timeout.connect(self._run)
        self._query = ""
        self._latest = 0
        self._waiting = False
        self.stale_dropped = 0
        self.queries_run = 0

    @property
    def query(self) -> str:
        return self._query

    @property
    def searching(self) -> bool:
        return self._timer.isActive() or self._waiting

    def set_query(self, text: str) -> None:
        self._query = text.strip()
        self._latest += 1  # whatever is in flight is now stale
        if not self._query:
            self._timer.stop()
            self._waiting = False
            self.cleared.emit()
            return
        self._timer.start()

    def run_now(self) -> None:
        """Skip the debounce (Enter in the search box, or a refresh after a change)."""
        if self._query:
            self._timer.stop()
            self._latest += 1
            self._run()

    def _run(self) -> None:
        ticket = self._latest
        query = self._query
        service = self._context.service
        self._waiting = True
        self.queries_run += 1

        def done(hits: list[SearchHit]) -> None:
            if ticket != self._latest:
                self.stale_dropped += 1
                return
            self._waiting = False
            self.results.emit(query, list(hits))

        def failed(error: Exception) -> None:
            if ticket == self._latest:
                self._waiting = False
                self.failed.emit(str(error))

        self._context.run(lambda: service.search(query, limit=SEARCH_LIMIT), done, failed)
