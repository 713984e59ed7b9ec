"""The review with the keyboard alone: the list of meetings, a meeting's page and a
client's page each let Tab reach every control, on a real store of generated meetings."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.ui.review.window import ReviewWindow
from tests.meeting_factory import GeneratedMeeting
from tests.ui.keyboard_walk import chain_names, tab_chain, unreached


def assert_keyboard_reaches_everything(qtbot: QtBot, review: ReviewWindow) -> None:
    chain = tab_chain(qtbot, review)
    missing = unreached(review, chain)
    assert not missing, f"not reached by Tab {chain_names(chain)}: {missing}"


def test_the_list_of_meetings(qtbot: QtBot, review: ReviewWindow) -> None:
    assert_keyboard_reaches_everything(qtbot, review)


def test_a_meeting_page(
    qtbot: QtBot, review: ReviewWindow, meetings: list[GeneratedMeeting]
) -> None:
    with qtbot.waitSignal(review.meeting_opened, timeout=5000):
        review.open_meeting(meetings[0].meeting_id)
    qtbot.waitUntil(lambda: not review.context.busy)
    assert_keyboard_reaches_everything(qtbot, review)


def test_a_client_page(qtbot: QtBot, review: ReviewWindow) -> None:
    review.meeting_view.setCurrentIndex(review.meeting_model.index(0, 0))
    with qtbot.waitSignal(review.client_shown, timeout=5000):
        review.client_button.click()
    assert review.pages.currentWidget() is review.client_page
    assert_keyboard_reaches_everything(qtbot, review)
