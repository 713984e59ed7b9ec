"""``poise review`` opens the review over the user's store and quits cleanly in smoke mode."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.playbooks import load_all_playbooks
from app.store import open_store
from app.ui.common.store_client import StoreClient
from app.ui.live.flow import MeetingFlow
from app.ui.review import open_review_window
from tests.link.conftest import RealMeeting
from tests.meeting_factory import make_meeting

REPO_ROOT = Path(__file__).resolve().parents[2]
RUN_REVIEW = (
    "from app.ui.application import run_review; raise SystemExit(run_review(quit_after_start=True))"
)


def test_run_review_opens_the_store_in_the_data_folder(data_dir: Path):
    store = open_store()
    make_meeting(
        store.service,
        client_name="Hollis Farms",
        title="Feed order",
        started_at=datetime(2025, 2, 1, 10, tzinfo=UTC),
    )
    store.close()
    # Its own process: run_review owns the event loop and quits the application.
    code = RUN_REVIEW
    finished = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 0, finished.stderr


def test_run_review_explains_a_database_it_cannot_open(data_dir: Path):
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "poise.sqlite3").write_bytes(b"this is not a database" * 100)
    code = RUN_REVIEW
    finished = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 1
    assert "poise.sqlite3" in finished.stderr
    assert "Traceback" not in finished.stderr


def test_open_review_window_for_the_main_window(qtbot: QtBot):
    store = open_store()
    client = StoreClient(store)
    try:
        window = open_review_window(client)
        qtbot.addWidget(window)
        window.show()
        with qtbot.waitSignal(window.list_refreshed, timeout=5000) as refreshed:
            pass
        assert refreshed.args == [0]
        assert window.status.text() == "No meetings match"
        window.close()
    finally:
        client.close()


def test_the_open_review_lists_a_meeting_that_ends_meanwhile(qtbot: QtBot):
    """One client for the live meeting and the review: its change signals keep the
    review's list, follow-ups and trends current without the user doing anything."""
    store = open_store()
    client = StoreClient(store)
    try:
        review = open_review_window(client)
        qtbot.addWidget(review)
        review.show()
        with qtbot.waitSignal(review.list_refreshed, timeout=5000):
            pass
        assert review.meeting_model.rowCount() == 0

        meeting = RealMeeting(qtbot, store, MeetingFlow(client, load_all_playbooks()), None, 0)
        session, _window = meeting.start(client="Calloway Freight")
        meeting.end()
        qtbot.waitUntil(
            lambda: (
                review.meeting_model.rowCount() == 1
                and review.meeting_model.summary(0).duration is not None  # ended
            ),
            timeout=5000,
        )
        listed = review.meeting_model.summary(0)
        assert (listed.id, listed.client_name) == (session.meeting_id, "Calloway Freight")
        qtbot.waitUntil(lambda: review.client_filter.findText("Calloway Freight") >= 0)
        assert session.meeting_id is not None
        review.close()
    finally:
        client.close()
