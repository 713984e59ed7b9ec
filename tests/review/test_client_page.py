"""The client across meetings, on a store of generated meetings over several clients: the
client page (from the list and from a meeting page) and the prepare step's few lines."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import NoteField
from app.export.follow_through import briefing_lines, client_report, due_reminders
from app.playbooks import load_all_playbooks
from app.store import Store
from app.ui.common.theme import apply_look
from app.ui.live.flow import MeetingFlow
from app.ui.review.window import ReviewWindow
from tests.meeting_factory import CLIENTS, GeneratedMeeting, make_meeting
from tests.review.conftest import TODAY

HARBOR = "Harbor & Finch Logistics"
FIRST = datetime(2025, 2, 3, 9, 0, tzinfo=UTC)


@pytest.fixture
def harbor(filled_store: Store) -> list[int]:
    """Three meetings: the first follow-up kept, the second missed, items done and overdue."""
    service = filled_store.service
    first = make_meeting(
        service,
        client_name=HARBOR,
        title="Missed pallets",
        started_at=FIRST,
        notes={NoteField.COMMITMENTS: "We name one contact.\nThey send weekly volumes."},
        actions=(("Name a contact", "me", date(2025, 2, 5)),),
        follow_up=date(2025, 2, 10),
    ).meeting_id
    second = make_meeting(
        service,
        client_name=HARBOR,
        title="Contact review",
        started_at=FIRST + timedelta(days=7),  # 10 Feb: the first follow-up kept
        notes={NoteField.COMMITMENTS: "Credit the late fees by the 20th"},
        actions=(
            ("Credit the late fees", "me", date(2025, 2, 20)),
            ("Send March volumes", "Harbor & Finch", date(2025, 3, 14)),
        ),
        follow_up=date(2025, 2, 24),  # no meeting until 3 Mar: missed
    ).meeting_id
    third = make_meeting(
        service,
        client_name=HARBOR,
        title="Fees, again",
        started_at=datetime(2025, 3, 3, 15, 0, tzinfo=UTC),
        notes={NoteField.COMMITMENTS: "A written apology and a call every Friday"},
        actions=(("Call every Friday", "Dana", date(2025, 3, 7)),),
        follow_up=date(2025, 3, 14),
    ).meeting_id
    items = service.load_meeting(first).action_items
    service.update_action_item(
        items[0].id, done=True, done_at=datetime(2025, 2, 4, 16, 0, tzinfo=UTC)
    )
    return [first, second, third]


def test_client_report_and_briefing_read_kept_missed_done_and_overdue(
    filled_store: Store, harbor: list[int]
):
    service = filled_store.service
    client = service.find_client("harbor & finch logistics")
    assert client is not None and client.name == HARBOR
    report = client_report(service.client_history(client.id), TODAY)
    assert [v.meeting.meeting.id for v in report.meetings] == harbor[::-1]
    outcomes = [v.follow_up_sentence for v in report.meetings]
    assert outcomes == [
        "Follow-up Fri 14 Mar 2025: not due yet",
        "Follow-up Mon 24 Feb 2025: missed, no meeting by then",
        "Follow-up Mon 10 Feb 2025: kept (met again Mon 10 Feb 2025)",
    ]
    assert (report.kept, report.missed) == (1, 1)
    states = {s.item.text: s.sentence for v in report.meetings for s in v.items}
    assert (
        states["Name a contact"] == "Name a contact (me, due Wed 5 Feb 2025): done Tue 4 Feb 2025"
    )
    assert states["Credit the late fees"].endswith(": overdue")
    assert states["Call every Friday"].endswith(": overdue")
    assert states["Send March volumes"].endswith(": open")
    assert briefing_lines(report) == [
        "Last meeting: Mon 3 Mar 2025, Fees, again",
        "Promised then: A written apology and a call every Friday",
        "Follow-up Fri 14 Mar 2025: not due yet",
        "Overdue: Credit the late fees (me, due Thu 20 Feb 2025)",
        "Overdue: Call every Friday (Dana, due Fri 7 Mar 2025)",
    ]
    assert service.find_client("Nobody we know") is None


def test_every_generated_client_has_its_page(filled_store: Store, meetings: list[GeneratedMeeting]):
    service = filled_store.service
    for name in CLIENTS:
        client = service.find_client(name)
        assert client is not None
        report = client_report(service.client_history(client.id), TODAY)
        expected = sorted((m.meeting_id for m in meetings if m.client_name == name), reverse=True)
        assert sorted((v.meeting.meeting.id for v in report.meetings), reverse=True) == expected
        # Every follow-up date reads as kept, missed, today or ahead; never left unjudged.
        for view in report.meetings:
            follow_up = view.meeting.meeting.follow_up
            assert bool(view.follow_up_sentence) == (follow_up is not None)
            if follow_up is not None and follow_up < TODAY and view.kept_by is None:
                assert view.follow_up_outcome == "missed"


def _wait_client(qtbot: QtBot, review: ReviewWindow, action) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(review.client_shown, timeout=5000):
        action()


def test_client_page_from_the_list_and_from_a_meeting_page(
    qtbot: QtBot, review: ReviewWindow, harbor: list[int], screens_dir: Path
):
    review.meeting_model.reset()
    qtbot.waitUntil(lambda: review.meeting_model.rowCount() > 0 and not review.context.busy)
    review._load_clients()
    qtbot.waitUntil(lambda: review.client_filter.findText(HARBOR) >= 0)
    # From a selected row of the list.
    row = next(
        r
        for r in range(review.meeting_model.rowCount())
        if review.meeting_model.summary(r).client_name == HARBOR
    )
    review.meeting_view.setCurrentIndex(review.meeting_model.index(row, 0))
    _wait_client(qtbot, review, review.client_button.click)
    page = review.client_page
    assert review.pages.currentWidget() is page
    assert page.heading.text() == HARBOR
    assert page.overview.text() == (
        "3 meetings · follow-up dates: 1 kept, 1 missed · 3 open action items, 2 overdue"
    )
    assert page.meeting_model.rowCount() == 3
    promised = [page.meeting_model.index(r, 2).data() for r in range(3)]
    assert promised[2] == "We name one contact. · They send weekly volumes."
    states = [page.item_model.index(r, 3).data() for r in range(page.item_model.rowCount())]
    assert states == ["overdue", "overdue", "open", "done Tue 4 Feb 2025"]
    review.grab().save(str(screens_dir / "review-client-page.png"))
    # Opening a meeting from the client page, then its client again, then back.
    with qtbot.waitSignal(review.meeting_opened, timeout=5000):
        page.meeting_view.activated.emit(page.meeting_model.index(1, 0))
    assert review.meeting_page.meeting_id == harbor[1]
    _wait_client(qtbot, review, review.meeting_page.client_button.click)
    assert review.pages.currentWidget() is page
    page.back_button.click()
    assert review.pages.currentWidget() is review.meeting_page


@pytest.fixture(params=["light", "dark"])
def look(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    apply_look(qapp, request.param == "dark")
    yield request.param
    apply_look(qapp, False)


def test_prepare_shows_what_was_promised_and_what_is_open(
    qtbot: QtBot, filled_store: Store, harbor: list[int], look: str, screens_dir: Path
):
    flow = MeetingFlow(filled_store, load_all_playbooks())
    flow.today = lambda: TODAY
    flow.new_meeting()
    dialog = flow.prepare
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.client.setEditText("harbor & finch logistics")
    qtbot.waitUntil(lambda: bool(dialog.briefing_lines), timeout=5000)
    label = dialog.briefing_labels[0]
    assert label.isVisible()
    assert label.text().splitlines()[0] == "With Harbor & Finch Logistics so far:"
    assert "Promised then: A written apology and a call every Friday" in label.text()
    assert "Overdue: Credit the late fees (me, due Thu 20 Feb 2025)" in label.text()
    dialog.grab().save(str(screens_dir / f"prepare-briefing-{look}.png"))
    dialog.title.setText("Fees, once more")
    dialog.go_to_checklist()
    assert dialog.briefing_labels[1].isVisible()
    dialog.grab().save(str(screens_dir / f"prepare-checklist-briefing-{look}.png"))
    dialog.pages.setCurrentIndex(0)
    # A new client has no history: the lines go away.
    dialog.client.setEditText("Brand New Client Ltd")
    qtbot.waitUntil(lambda: not dialog.briefing_labels[0].isVisible(), timeout=5000)
    dialog.reject()


def test_due_reminders_pick_follow_ups_and_items_due_by_today(
    filled_store: Store, harbor: list[int]
):
    service = filled_store.service
    today = date(2025, 3, 14)
    follow_ups = service.open_follow_ups(today)
    reminders = due_reminders(follow_ups, service.due_action_items(today), today)
    harbor_texts = [r.text for r in reminders if "Harbor" in r.text]
    assert "Follow up with Harbor & Finch Logistics (today)" in harbor_texts
    assert any(t.startswith("Send March volumes (Harbor & Finch Logistics") for t in harbor_texts)
    assert not any(t.startswith("Name a contact") for t in harbor_texts)  # done
    assert all(r.day <= today for r in reminders)
    assert [r.day for r in reminders] == sorted(r.day for r in reminders)
