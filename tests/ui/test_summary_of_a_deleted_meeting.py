"""Issue 26: a summary window left open for a meeting deleted in the review says so, and
opens nothing else; the review itself says "deleted" rather than "no Meeting with id 2"."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.store import Store
from app.ui.live.end_dialog import EndMeetingDialog
from app.ui.live.flow import MeetingFlow
from tests.ui.test_live_flow import WAIT_MS, fill_and_start


def test_a_summary_left_open_says_its_meeting_was_deleted(
    qtbot: QtBot, store: Store, library: PlaybookLibrary
) -> None:
    flow = MeetingFlow(store, library)
    window = fill_and_start(qtbot, flow)
    window.end_button.click()
    dialog = window.findChild(EndMeetingDialog, "endMeetingDialog")
    assert dialog is not None
    with qtbot.waitSignal(flow.summaryShown, timeout=WAIT_MS) as shown:
        dialog.end_button.click()
    summary = shown.args[0]
    qtbot.addWidget(summary)
    summary.enable_review()
    qtbot.waitUntil(lambda: summary.review_button.isEnabled(), timeout=WAIT_MS)
    meeting_id = summary.meeting_id
    assert meeting_id is not None
    store.service.delete_meeting(meeting_id)
    flow.client.announce_deleted(meeting_id)  # as the review does once it has deleted it
    assert summary.message_line.isVisible()
    assert "deleted" in summary.message_line.text()
    assert not summary.review_button.isEnabled()
    assert not any(button.isEnabled() for button in summary.export_buttons.values())
    # Another meeting's deletion changes nothing here.
    summary.meeting_deleted(meeting_id + 1)
    assert not summary.review_button.isEnabled()


def test_the_review_says_a_meeting_is_deleted_in_words(qtbot: QtBot, store: Store) -> None:
    from app.ui.common.store_client import StoreClient
    from app.ui.review.window import ReviewWindow
    from tests.meeting_factory import draft

    gone = store.service.start_meeting(draft("Harbor & Sons", "Pallets"))
    store.service.delete_meeting(gone.id)
    client = StoreClient(store)
    review = ReviewWindow(client)
    qtbot.addWidget(review)
    review.show()
    review.open_meeting(gone.id)
    qtbot.waitUntil(lambda: "deleted" in review.statusBar().currentMessage(), timeout=WAIT_MS)
    assert "id" not in review.statusBar().currentMessage()
    review.close()
    client.finish_calls()
