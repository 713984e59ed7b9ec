"""Records what the store writer reports, so tests can wait for it (no sleeping)."""

from __future__ import annotations

import threading

from app.store import Store
from app.store.api import StoreError


class WriterEvents:
    def __init__(self, store: Store) -> None:
        self.problems: list[StoreError] = []
        self.problem = threading.Event()
        self.resolved = threading.Event()
        store.writer.on_problem = self._on_problem
        store.writer.on_resolved = self.resolved.set

    def _on_problem(self, error: StoreError) -> None:
        self.problems.append(error)
        self.problem.set()
