"""The meeting store: where every note about a meeting is kept, and never lost.

``open_store`` finds the database (``POISE_DATABASE_URL`` or the SQLite file in the
data folder), creates it user-only, upgrades its schema (after a backup copy) or
refuses one from a newer Poise, and returns a ``Store`` with the synchronous
``service`` and the background ``writer`` the live window types into. The API is
described in docs/architecture.md; what the windows may use of it is ``app.store.api``,
which also holds the records and the ``StoreError`` family every caller catches.

Importing this package loads no SQLAlchemy: ``open_store``, ``Store``,
``MeetingService`` and ``NoteWriter`` are imported on first use (``app.store.opening``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.store.opening import Store, open_store
    from app.store.service import MeetingService
    from app.store.writer import NoteWriter

__all__ = ["MeetingService", "NoteWriter", "Store", "open_store"]

_HEAVY = {
    "Store": "app.store.opening",
    "open_store": "app.store.opening",
    "MeetingService": "app.store.service",
    "NoteWriter": "app.store.writer",
}


def __getattr__(name: str) -> Any:
    module = _HEAVY.get(name)
    if module is None:
        raise AttributeError(f"module 'app.store' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
