"""Shared test set-up: offscreen Qt, a fresh data folder for every test, and a real store
in it for the tests that ask for one (``tests/store`` runs its own on two backends)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

# Without a display pytest-qt would abort trying xcb; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app import paths, qt_workarounds

if TYPE_CHECKING:
    from app.store import Store

# PySide6 6.12.0 loses references to True and None (pyproject excludes it, but a machine
# may still have it); the app repairs that at start-up, and so must the tests.
qt_workarounds.install()
qt_workarounds.protect_none()

REPO_ROOT = Path(__file__).resolve().parent.parent
SCREENS_DIR = REPO_ROOT / "tests" / "screens"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own empty data folder; nothing touches the real one."""
    folder = tmp_path / "poise-data"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    monkeypatch.delenv(paths.DATABASE_URL_ENV, raising=False)
    paths.set_data_dir(None)
    yield folder
    paths.set_data_dir(None)


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """A real, empty SQLite store in this test's data folder."""
    # Imported here: a test that wants no database does not load SQLAlchemy for it.
    from app.store import open_store

    opened = open_store()
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def screens_dir() -> Path:
    """Folder where tests save PNGs of what a user sees, to be looked at."""
    SCREENS_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENS_DIR


@pytest.fixture(autouse=True)
def garbage_collected_on_gui_thread(request: pytest.FixtureRequest) -> None:
    """As in the app: a Qt test's garbage is collected on the GUI thread, never elsewhere."""
    if {"qapp", "qtbot"} & set(request.fixturenames):
        from app.ui.gui_thread_gc import collect_garbage_on_gui_thread

        collect_garbage_on_gui_thread(request.getfixturevalue("qapp"))
