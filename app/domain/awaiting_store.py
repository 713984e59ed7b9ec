"""Meetings the store has not taken yet, and what to do with each, without any Qt.

A meeting starts on screen at once while its row is written in the background. Until the
store has written it, the meeting waits here: written once at a time (never sent twice
while a write is on its way, or it is written twice), offered again after a refusal, and
filed as a Markdown copy when it ends while the store cannot take it. A passing problem
(locked, full, unreachable) may clear, so a filed meeting keeps waiting for the store as
well; a store that will never open lets it go once filed.
"""

from __future__ import annotations

from typing import Generic, TypeVar

Meeting = TypeVar("Meeting")


class AwaitingStore(Generic[Meeting]):
    """The meetings (running or ended) whose rows the store has not written yet."""

    def __init__(self) -> None:
        # Usually one, for a moment; more only if meetings end before the store opens.
        self._waiting: list[Meeting] = []
        self._writing: list[Meeting] = []
        # Ended meetings already filed as a Markdown copy, still waiting for the store.
        self._filed: list[Meeting] = []
        # Why the store cannot take meetings right now ("" while all is well).
        self.problem = ""
        self.store_may_open = True

    def __bool__(self) -> bool:
        return bool(self._waiting)

    @property
    def waiting(self) -> list[Meeting]:
        """A copy, in the order they started: safe to change this while going through it."""
        return list(self._waiting)

    def add(self, meeting: Meeting) -> None:
        self._waiting.append(meeting)

    def store_opened(self) -> None:
        self.problem = ""
        self.store_may_open = True

    def store_failed(self, problem: str, *, transient: bool) -> None:
        self.problem = problem
        self.store_may_open = transient

    def begin_write(self, meeting: Meeting) -> bool:
        """True if its row should be sent now: False while one write is on its way."""
        if meeting in self._writing:
            return False
        self._writing.append(meeting)
        return True

    def written(self, meeting: Meeting) -> bool:
        """The store wrote its row: True if it was still waiting (not let go meanwhile)."""
        self._writing.remove(meeting)
        if meeting not in self._waiting:
            return False
        self._waiting.remove(meeting)
        if meeting in self._filed:
            self._filed.remove(meeting)  # in the store after all (its Markdown copy stays)
        return True

    def refused(self, meeting: Meeting) -> bool:
        """The store refused its row: True if it still waits, to be offered again."""
        self._writing.remove(meeting)
        return meeting in self._waiting

    def is_filed(self, meeting: Meeting) -> bool:
        return meeting in self._filed

    def file(self, meeting: Meeting) -> None:
        """Its Markdown copy is being written: it waits on only if the store may yet open."""
        if self.store_may_open:
            self._filed.append(meeting)
        else:
            self._waiting.remove(meeting)

    def let_go_unfiled(self) -> list[Meeting]:
        """The app is quitting: every meeting leaves; those with no copy yet are returned."""
        unfiled = [meeting for meeting in self._waiting if meeting not in self._filed]
        self._waiting.clear()
        return unfiled
