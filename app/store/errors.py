"""The store's user-facing failures.

Every environment problem (a busy or damaged file, a read-only folder, a full
disk, a database from a newer Poise, an unreachable server) becomes one
``StoreError`` subclass whose ``str()`` is a message for the user: it names the
database and says what to do. Bugs stay ordinary exceptions.
"""

from __future__ import annotations


class StoreError(Exception):
    """A problem with where the notes are kept, explained for the user."""

    #: True when waiting can fix it, so the writer keeps the text and retries.
    transient = False

    def __init__(self, message: str, *, location: str) -> None:
        super().__init__(message)
        self.location = location

    @property
    def message(self) -> str:
        return str(self)


class DatabaseLocked(StoreError):  # noqa: N818 (names fixed by the store API)
    transient = True


class NotADatabase(StoreError):  # noqa: N818 (names fixed by the store API)
    pass


class ReadOnly(StoreError):  # noqa: N818 (names fixed by the store API)
    transient = True


class DiskFull(StoreError):  # noqa: N818 (names fixed by the store API)
    transient = True


class DatabaseTooNew(StoreError):  # noqa: N818 (names fixed by the store API)
    pass


class DatabaseUnavailable(StoreError):  # noqa: N818 (names fixed by the store API)
    """The server cannot be reached, or the file cannot be read or written for another reason."""

    transient = True


class NotFound(LookupError):  # noqa: N818 (names fixed by the store API)
    """A meeting, revision or action item id that does not exist (any more): a caller's bug."""
