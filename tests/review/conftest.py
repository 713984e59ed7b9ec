"""Review test fixtures: a real SQLite store filled with generated meetings, and the window.

The forty generated meetings are written once per session through the real service into
a template file; each test gets its own copy, which is much faster than writing them again.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import paths
from app.store import Store, open_store
from app.ui.common.languages import install_language
from app.ui.common.store_client import StoreClient
from app.ui.review.window import ReviewWindow
from tests.meeting_factory import GeneratedMeeting, fill

TODAY = date(2025, 3, 12)
GENERATED_MEETINGS = 40


@pytest.fixture(autouse=True)
def english(qapp: QApplication) -> Iterator[None]:
    """English as the app installs it at start: its plurals read "1 meeting", "2 meetings"."""
    language = install_language("en")
    yield
    language.uninstall()


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[GeneratedMeeting]]:
    folder = tmp_path_factory.mktemp("review-template")
    database = folder / paths.DATABASE_FILE_NAME
    opened = open_store(f"sqlite:///{database}")
    try:
        made = fill(opened.service, GENERATED_MEETINGS, today=TODAY)
    finally:
        opened.close()
    return database, made


@pytest.fixture
def meetings(template: tuple[Path, list[GeneratedMeeting]]) -> list[GeneratedMeeting]:
    """What the filled store holds, oldest first."""
    return template[1]


@pytest.fixture
def filled_store(data_dir: Path, template: tuple[Path, list[GeneratedMeeting]]) -> Iterator[Store]:
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = data_dir / paths.DATABASE_FILE_NAME
    for suffix in ("", "-wal"):
        source = Path(f"{template[0]}{suffix}")
        if source.exists():
            shutil.copyfile(source, Path(f"{target}{suffix}"))
    target.chmod(0o600)
    opened = open_store()
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def review(
    qtbot: QtBot, filled_store: Store, meetings: list[GeneratedMeeting]
) -> Iterator[ReviewWindow]:
    client = StoreClient(filled_store)
    window = ReviewWindow(client, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(
        lambda: (
            window.meeting_model.rowCount() > 0
            and bool(window.trends_chart.points())
            and not window.context.busy
        )
    )
    yield window
    window.close()
    client.finish_calls()
