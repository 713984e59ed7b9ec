"""The partner window's second pair of eyes by keyboard alone (a real client against the
stand-in Poise, tests/link/stand_in_poise.py): the brief opens with the focus on "Got it",
Space closes it and gives the focus to Brief; Tab goes Brief, the cues, then the quiet
observations; Space notes one; Alt+B opens the brief again; Tab walks the debrief's fields.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.partner_watch import QuickObservation
from app.ui.partner.partner_window import PartnerWindow
from tests.link.stand_in_poise import StandInPoiseServer

pytestmark = pytest.mark.timeout(60)
BRIEF = {
    "type": "brief",
    "role": "Keep <b>me</b> calm.",
    "signs": ["Interrupting the client"],
    "cues": [{"key": "calm", "label": "Calm down", "meaning": "I am talking over the client"}],
    "changed": None,
}
WHERE = {"type": "where", "index": 0, "of": 3, "title": "Listen first", "elapsed": 5}


@pytest.fixture
def poise(qtbot: QtBot) -> Iterator[StandInPoiseServer]:
    server = StandInPoiseServer()
    server.greeting = [BRIEF, WHERE]
    yield server
    server.close()


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def tab(qtbot: QtBot) -> QWidget | None:
    widget = focused()
    assert widget is not None
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return focused()


def test_the_brief_the_cues_and_the_observations_by_keyboard(
    qtbot: QtBot, poise: StandInPoiseServer
) -> None:
    window = PartnerWindow(poise.url)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    watch = window.watch
    qtbot.waitUntil(lambda: watch.brief_is_open, timeout=5000)
    assert watch.brief_view.changed_line.isHidden()  # a first brief: nothing "changed"
    assert (
        watch.brief_view.role_line.text() == "Keep &lt;b&gt;me&lt;/b&gt; calm."
    )  # words, not markup
    qtbot.waitUntil(lambda: focused() is watch.brief_view.close_button, timeout=2000)
    qtbot.keyClick(watch.brief_view.close_button, Qt.Key.Key_Space)
    assert not watch.brief_is_open and focused() is watch.brief_button
    assert tab(qtbot) is window.cue_buttons["calm"]
    first_observation = watch.observations.quick_buttons[QuickObservation.REPEATED_COMPLAINT]
    assert tab(qtbot) is first_observation
    qtbot.keyClick(first_observation, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: watch.observations.state_label.text() == "Noted", timeout=5000)
    assert poise.sent("observe")[0]["kind"] == QuickObservation.REPEATED_COMPLAINT.value

    qtbot.keyClick(first_observation, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: watch.brief_is_open, timeout=2000)
    assert focused() is watch.brief_view.close_button
    qtbot.keyClick(watch.brief_view.close_button, Qt.Key.Key_Return)
    assert not watch.brief_is_open

    poise.say({"type": "debrief", "questions": ["When?", "What next?"]})
    form = watch.debrief
    qtbot.waitUntil(lambda: form.isVisible(), timeout=5000)
    assert focused() is form.answers[0].field
    qtbot.keyClicks(form.answers[0].field, "At the price")
    assert tab(qtbot) is form.answers[1].field  # Tab leaves a field, never types a tab
    assert form.answers[0].field.toPlainText() == "At the price"
    assert tab(qtbot) is form.send_button
    qtbot.keyClick(form.send_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: form.thanked, timeout=5000)
    assert [m["a"] for m in poise.sent("debrief_answer")] == ["At the price"]
