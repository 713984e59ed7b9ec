"""The partner window never says "Noted" or "Thank you" for what Poise did not answer.

A real partner client and window against a stand-in Poise that can go silent
(tests/link/stand_in_poise.py). Silent: the observation goes again with the same id, a
bounded number of times, then "Did not get through", its words back in the field. A debrief
whose answers went unanswered says so, and sent again (the same words, the same ids) it
thanks only once every answer was received. The meeting ending with an answer on its way:
it did not get through, and the window says the meeting has ended.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.partner_watch import QuickObservation
from app.ui.partner.partner_window import PartnerWindow
from tests.link.stand_in_poise import StandInPoiseServer

pytestmark = pytest.mark.timeout(60)
QUESTIONS = ["When did they tense up?", "What should you watch for next time?"]
ANSWER_WITHIN_MS = 1500  # the client's patience, shortened for the test


@pytest.fixture
def poise(qtbot: QtBot) -> Iterator[StandInPoiseServer]:
    server = StandInPoiseServer()
    yield server
    server.close()


def window_on(qtbot: QtBot, poise: StandInPoiseServer, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr("app.link.partner_end.ANSWER_WITHIN_MS", ANSWER_WITHIN_MS)
    window = PartnerWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.url_field.setText(poise.url)
    qtbot.keyClick(window.url_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.watch.observations.isVisible(), timeout=5000)
    return window


def debrief_asked(
    qtbot: QtBot, poise: StandInPoiseServer, monkeypatch: pytest.MonkeyPatch
) -> tuple[Any, Any]:
    """The meeting ended and Poise asks the debrief, then falls silent."""
    window = window_on(qtbot, poise, monkeypatch)
    poise.answering = False
    poise.say({"type": "debrief", "questions": QUESTIONS})
    form = window.watch.debrief
    qtbot.waitUntil(lambda: form.isVisible(), timeout=5000)
    return window, form


def test_an_observation_poise_never_answers_did_not_get_through(
    qtbot: QtBot, poise: StandInPoiseServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    poise.answering = False
    window = window_on(qtbot, poise, monkeypatch)
    panel = window.watch.observations
    qtbot.keyClicks(panel.words_field, "She looked at the clock twice")
    qtbot.keyClick(panel.words_field, Qt.Key.Key_Return)
    assert panel.state_label.text() == "Sending…"
    assert panel.words_field.text() == ""
    qtbot.waitUntil(lambda: panel.state_label.text() == "Did not get through", timeout=5000)
    assert panel.words_field.text() == "She looked at the clock twice"  # not lost
    sent = poise.sent("observe")
    assert 1 <= len(sent) <= 8 and {m["id"] for m in sent} == {sent[0]["id"]}
    assert (sent[0]["kind"], sent[0]["words"]) == (None, "She looked at the clock twice")

    poise.answering = True  # back: one tap is "Noted"
    qtbot.mouseClick(panel.quick_buttons[QuickObservation.YOU_TENSED_UP], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.state_label.text() == "Noted", timeout=5000)
    assert poise.sent("observe")[-1]["kind"] == QuickObservation.YOU_TENSED_UP.value


def test_thank_you_only_once_every_answer_was_received(
    qtbot: QtBot, poise: StandInPoiseServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, form = debrief_asked(qtbot, poise, monkeypatch)
    assert window.cue_box.isHidden()
    form.answers[0].field.setPlainText("When the invoice came up")
    form.answers[1].field.setPlainText("The pen")
    qtbot.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
    assert form.state_label.text() == "Sending…"
    qtbot.waitUntil(
        lambda: form.state_label.text() == "Some answers did not get through. Try again.",
        timeout=5000,
    )
    assert not form.thanked and form.send_button.isEnabled()
    first_ids = {m["id"] for m in poise.sent("debrief_answer")}
    poise.answering = True
    qtbot.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.thanked, timeout=5000)
    assert form.state_label.text() == "Thank you. Your answers arrived."
    answers = poise.sent("debrief_answer")
    assert {m["id"] for m in answers} == first_ids  # the same words kept their ids
    assert {(m["q"], m["a"]) for m in answers} == {(0, "When the invoice came up"), (1, "The pen")}


def test_the_meeting_ending_with_an_answer_on_its_way(
    qtbot: QtBot, poise: StandInPoiseServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, form = debrief_asked(qtbot, poise, monkeypatch)
    form.answers[1].field.setPlainText("The pen")
    form.send_button.click()
    poise.say({"type": "ended"})
    qtbot.waitUntil(lambda: window.link_label.text() == "Meeting ended", timeout=5000)
    assert form.answers[1].state is not None and form.answers[1].state.value == "undelivered"
    assert form.state_label.text() == "The meeting has ended; these answers did not get through."
    assert form.answers[1].field.toPlainText() == "The pen"  # still there to copy
    assert form.send_button.isHidden()
