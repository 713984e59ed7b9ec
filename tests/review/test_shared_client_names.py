"""On a team's PostgreSQL, a colleague's shared client is told apart from one's own client
of the same name in the review's client filter: "ACME · shared by alice"."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.ui.common.store_client import StoreClient
from app.ui.review.window import ReviewWindow
from tests.meeting_factory import make_meeting
from tests.review.conftest import TODAY
from tests.review.test_share_dialog import STARTED, _store, team  # noqa: F401 - its fixture
from tests.store.conftest import postgres_server  # noqa: F401 - the session's server
from tests.store.team_database import TeamDatabase


@pytest.mark.postgres
def test_a_shared_client_says_who_shared_it_beside_ones_own_of_the_same_name(
    qtbot: QtBot,
    team: TeamDatabase,  # noqa: F811 - the fixture imported above
    data_dir: Path,
) -> None:
    alice, bob = _store(team, "alice", data_dir), _store(team, "bob", data_dir)
    try:
        make_meeting(alice.service, client_name="ACME", title="Theirs", started_at=STARTED)
        make_meeting(bob.service, client_name="ACME", title="Mine", started_at=STARTED)
        (alices_acme,) = alice.service.list_clients()
        alice.service.share_client(alices_acme.id, "bob")
        window = ReviewWindow(StoreClient(bob), today=lambda: TODAY)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: not window.context.busy)
        box = window.filter_bar.client_filter
        names = sorted(box.itemText(i) for i in range(1, box.count()))
        assert names == ["ACME", "ACME · shared by alice"]
        window.close()
    finally:
        alice.close()
        bob.close()
