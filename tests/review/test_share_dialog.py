"""Sharing from the review on a team's PostgreSQL: the real dialog, real roles, real windows.

alice shares a meeting with bob through the Share… dialog (clicked, offscreen); bob's own
store, and bob's raw SQL, see it at once; bob's review shows it read-only and says whose
it is; alice stops sharing and bob sees nothing again. On SQLite the action is not shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import NoteField
from app.store import Store, open_store
from app.ui.common.store_client import StoreClient
from app.ui.review.share_dialog import ShareDialog
from app.ui.review.window import ReviewWindow
from tests.meeting_factory import make_meeting
from tests.review.conftest import TODAY
from tests.store.conftest import postgres_server  # noqa: F401 - the session's server
from tests.store.postgres_server import PostgresServer
from tests.store.team_database import TeamDatabase, drop_team_database, make_team_database
from tests.ui.keyboard_walk import chain_names, default_button, tab_chain, unreached

STARTED = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def team(postgres_server: PostgresServer) -> Iterator[TeamDatabase]:  # noqa: F811
    made = make_team_database(postgres_server)
    try:
        yield made
    finally:
        drop_team_database(made)


def _store(team: TeamDatabase, role: str, data_dir: Path) -> Store:
    return open_store(team.url_of(role), retry_interval=0.2, data_dir=data_dir / role)


def _window(qtbot: QtBot, store: Store) -> tuple[ReviewWindow, StoreClient]:
    client = StoreClient(store)
    window = ReviewWindow(client, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: not window.context.busy)
    return window, client


@pytest.mark.postgres
def test_the_share_dialog_shares_a_meeting_that_the_colleague_then_reads_only(
    qtbot: QtBot, team: TeamDatabase, data_dir: Path, screens_dir: Path
) -> None:
    alice, bob = _store(team, "alice", data_dir), _store(team, "bob", data_dir)
    windows: list[tuple[ReviewWindow, StoreClient]] = []
    try:
        made = make_meeting(
            alice.service,
            client_name="Greystone Builders",
            title="Roof leak escalation",
            started_at=STARTED,
            minutes=40,
            notes={NoteField.REAL_CONCERN: "Their own client is threatening them."},
        )
        review, _ = _window(qtbot, alice)
        windows.append((review, _))
        with qtbot.waitSignal(review.meeting_opened, timeout=5000):
            review.open_meeting(made.meeting_id)
        page = review.meeting_page
        assert page.share_button.isVisible() and page.shared_line.isHidden()
        qtbot.mouseClick(page.share_button, Qt.MouseButton.LeftButton)
        dialog = page.share_dialog
        assert isinstance(dialog, ShareDialog)
        qtbot.waitUntil(lambda: dialog.recipient.count() == 3)
        assert [dialog.recipient.itemData(i) for i in range(3)] == ["poise_team", "bob", "carol"]
        dialog.recipient.setCurrentIndex(dialog.recipient.findData("bob"))
        qtbot.mouseClick(dialog.share_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.shares.item(0).data(Qt.ItemDataRole.UserRole) is not None)
        assert dialog.shares.item(0).text() == "bob"
        assert "Shared with bob" in dialog.status.text()
        dialog.grab().save(str(screens_dir / "review-share-dialog.png"))

        # bob's own store sees it at once, marked as alice's.
        assert [(m.id, m.shared_by) for m in bob.service.list_meetings()] == [
            (made.meeting_id, "alice")
        ]
        with team.raw("bob") as raw:
            notes = raw.execute("SELECT text FROM notes WHERE field = 'real_concern'").fetchall()
            assert notes == [("Their own client is threatening them.",)]

        # bob's review: read-only, and one line says whose it is.
        theirs, _ = _window(qtbot, bob)
        windows.append((theirs, _))
        with qtbot.waitSignal(theirs.meeting_opened, timeout=5000):
            theirs.open_meeting(made.meeting_id)
        shown = theirs.meeting_page
        assert shown.shared_line.isVisible()
        assert "Shared with you by alice" in shown.shared_line.text()
        assert shown.note_editors[NoteField.REAL_CONCERN].editor.isReadOnly()
        assert not shown.delete_button.isEnabled() and not shown.action_items.isEnabled()
        assert shown.share_button.isHidden()
        theirs.grab().save(str(screens_dir / "review-shared-meeting.png"))

        # Stop sharing: bob's next read finds nothing.
        assert not dialog.revoke_button.isEnabled()  # nothing chosen yet
        dialog.shares.setCurrentRow(0)
        qtbot.mouseClick(dialog.revoke_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "can no longer read it" in dialog.status.text())
        qtbot.waitUntil(lambda: dialog.shares.item(0).data(Qt.ItemDataRole.UserRole) is None)
        assert bob.service.list_meetings() == []
        dialog.close()

        # The client page shares the whole history, here with the team.
        client_id = alice.service.load_meeting(made.meeting_id).meeting.client_id
        review.open_client(client_id)
        qtbot.waitUntil(lambda: review.pages.currentWidget() is review.client_page)
        assert review.client_page.share_button.isVisible()
        qtbot.mouseClick(review.client_page.share_button, Qt.MouseButton.LeftButton)
        history = review.client_page.share_dialog
        qtbot.waitUntil(lambda: history.recipient.count() == 3)
        history.recipient.setCurrentIndex(history.recipient.findData("poise_team"))
        qtbot.mouseClick(history.share_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: history.shares.item(0).data(Qt.ItemDataRole.UserRole) is not None)
        assert history.shares.item(0).text() == "The whole team (poise_team)"
        shared = bob.service.client_history(client_id).meetings
        assert [m.meeting.id for m in shared] == [made.meeting_id]
        history.close()
    finally:
        for window, client in windows:
            window.close()
            client.finish_calls()
        alice.close()
        bob.close()


def test_on_sqlite_the_share_action_is_hidden(
    qtbot: QtBot, review: ReviewWindow, filled_store: Store
) -> None:
    meeting_id = filled_store.service.list_meetings(limit=1)[0].id
    with qtbot.waitSignal(review.meeting_opened, timeout=5000):
        review.open_meeting(meeting_id)
    page = review.meeting_page
    assert page.share_button.isHidden() and page.shared_line.isHidden()
    assert not page.note_editors[NoteField.REAL_CONCERN].editor.isReadOnly()
    assert review.client_page.share_button.isHidden()


@pytest.mark.postgres
def test_the_share_dialog_with_the_keyboard_alone(
    qtbot: QtBot, team: TeamDatabase, data_dir: Path
) -> None:
    alice = _store(team, "alice", data_dir)
    made = make_meeting(
        alice.service, client_name="Greystone Builders", title="Roof leak", started_at=STARTED
    )
    review, client = _window(qtbot, alice)
    try:
        with qtbot.waitSignal(review.meeting_opened, timeout=5000):
            review.open_meeting(made.meeting_id)
        page = review.meeting_page
        page.share_button.setFocus()
        QTest.keyClick(page.share_button, Qt.Key.Key_Space)
        dialog = page.share_dialog
        assert isinstance(dialog, ShareDialog)
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: dialog.recipient.count() == 3)
        chain = tab_chain(qtbot, dialog)
        missing = unreached(dialog, chain)
        assert not missing, f"not reached by Tab {chain_names(chain)}: {missing}"
        # Enter in the chooser shares with the one chosen: Share is the dialog's default.
        dialog.recipient.setFocus()
        assert default_button(dialog) is dialog.share_button
        QTest.keyClick(dialog.recipient, Qt.Key.Key_Down)
        QTest.keyClick(dialog.recipient, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.shares.item(0).data(Qt.ItemDataRole.UserRole) is not None)
        assert dialog.shares.item(0).text() == "bob"
        # Choosing the share with the arrows, then Tab to Stop sharing.
        dialog.shares.setFocus()
        QTest.keyClick(dialog.shares, Qt.Key.Key_Down)
        assert dialog.revoke_button.isEnabled()
        assert dialog.revoke_button in tab_chain(qtbot, dialog)
        dialog.close()
    finally:
        review.close()
        client.finish_calls()
        alice.close()
