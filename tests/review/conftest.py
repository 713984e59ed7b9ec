"""Review test fixtures: a real SQLite store filled with generated meetings, and the window."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from app.store import Store, open_store
from app.ui.review.window import ReviewWindow
from tests.review.meeting_factory import GeneratedMeeting, fill

TODAY = date(2025, 3, 12)


@pytest.fixture
def store() -> Iterator[Store]:
    opened = open_store()
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def meetings(store: Store) -> list[GeneratedMeeting]:
    """Forty generated meetings, oldest first."""
    return fill(store.service, 40, today=TODAY)


@pytest.fixture
def review(qtbot: QtBot, store: Store, meetings: list[GeneratedMeeting]) -> Iterator[ReviewWindow]:
    window = ReviewWindow(store.service, store.writer, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.meeting_model.rowCount() > 0 and not window.context.busy)
    yield window
    window.close()
