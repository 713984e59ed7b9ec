"""The partner window as a second pair of eyes (issue 25): a second Poise in partner mode,
its real client against a real meeting's LAN server. The brief opens by itself, closes with
"Got it" and opens again from the keyboard; the step shows with its running time; two
observations and a cue go by keyboard and mouse ("Noted" only once received); after the
meeting the debrief's answers go, "Thank you" once every one arrived. German: no English.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.partner_watch import QuickObservation
from app.ui.partner.partner_window import PartnerWindow
from tests.english_left import english_left
from tests.link.conftest import RealMeeting
from tests.link.partner_watch_steps import ANSWERS, THE_BRIEF, WORDS
from tests.link.test_partner_page_watch import briefed_meeting, end_keeping_the_summary
from tests.ui.test_german_live import shown_texts

PARTS = ("partner", "domain")

pytestmark = pytest.mark.timeout(90)


def open_partner_window(qtbot: QtBot, url: str) -> PartnerWindow:
    window = PartnerWindow(url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_partner_window_reads_the_brief_notes_quietly_and_answers_the_debrief(
    qtbot: QtBot, real_meeting: RealMeeting, screens_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, _live, url = briefed_meeting(real_meeting, monkeypatch)
    window = open_partner_window(qtbot, url)
    watch = window.watch
    qtbot.waitUntil(lambda: watch.brief_is_open, timeout=10000)
    brief = watch.brief_view
    assert brief.role_line.text() == THE_BRIEF.role
    assert "Tapping my pen" in brief.signs_list.text() and "new" in brief.signs_list.text()
    assert "I am talking over the client" in brief.cues_list.text()
    assert brief.changed_line.isVisible()
    assert window.cue_box.isHidden()  # the brief first, over the cues
    assert QApplication.focusWidget() is brief.close_button
    window.grab().save(str(screens_dir / "partner_window_brief.png"))
    qtbot.keyClick(brief.close_button, Qt.Key.Key_Space)
    assert not watch.brief_is_open and window.cue_box.isVisible()
    # Open again with the keyboard (Alt+B), close again.
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: watch.brief_is_open)
    qtbot.keyClick(brief.close_button, Qt.Key.Key_Return)
    assert not watch.brief_is_open

    where = watch.where_line
    qtbot.waitUntil(lambda: where.isVisible(), timeout=5000)
    assert where.title_label.text() == session.domain.current_step.title
    assert where.step_label.text() == f"Step 1 of {len(session.domain.steps)}"
    started = where.time_label.text()
    qtbot.waitUntil(lambda: where.time_label.text() != started, timeout=3000)

    # Two observations: one press, then words typed and Enter; a cue.
    panel = watch.observations
    assert panel.isVisible()
    qtbot.mouseClick(panel.quick_buttons[QuickObservation.YOU_TENSED_UP], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.state_label.text() == "Noted", timeout=5000)
    panel.words_field.setFocus()
    qtbot.keyClicks(panel.words_field, WORDS)
    qtbot.keyClick(panel.words_field, Qt.Key.Key_Return)
    assert panel.words_field.text() == ""
    qtbot.waitUntil(lambda: panel.state_label.text() == "Noted", timeout=5000)
    qtbot.waitUntil(lambda: len(session.from_partner.observations) == 2, timeout=5000)
    qtbot.mouseClick(window.cue_buttons["calm"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.press_label.text() == "Shown on their screen", timeout=5000)
    window.grab().save(str(screens_dir / "partner_window_observed.png"))
    session.acknowledge_cue()

    # After the meeting: the debrief, by keyboard from the first field.
    summary = end_keeping_the_summary(qtbot, real_meeting)
    form = watch.debrief
    qtbot.waitUntil(lambda: form.isVisible(), timeout=5000)
    assert window.cue_box.isHidden() and panel.isHidden()
    assert [a.field.accessibleName() for a in form.answers] == list(form.questions)
    qtbot.keyClicks(form.answers[0].field, ANSWERS[0])
    qtbot.keyClick(form.answers[0].field, Qt.Key.Key_Tab)  # Tab leaves the field
    qtbot.keyClick(form.answers[1].field, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.answers[2].field, ANSWERS[2])
    window.grab().save(str(screens_dir / "partner_window_debrief.png"))
    qtbot.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.thanked, timeout=5000)
    assert form.state_label.text() == "Thank you. Your answers arrived."
    window.grab().save(str(screens_dir / "partner_window_thanked.png"))
    summary.close()
    qtbot.waitUntil(lambda: window.link_label.text() == "Meeting ended", timeout=5000)

    observations = session.from_partner.observations
    assert [(o.kind, o.words) for o in observations] == [
        (QuickObservation.YOU_TENSED_UP, ""),
        (None, WORDS),
    ]
    assert [(a.question, a.answer) for a in session.from_partner.debrief] == [
        (form.questions[0], ANSWERS[0]),
        (form.questions[2], ANSWERS[2]),
    ]


def test_the_partner_window_in_german(
    qtbot: QtBot,
    german: None,
    real_meeting: RealMeeting,
    screens_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _session, _live, url = briefed_meeting(real_meeting, monkeypatch)
    window = open_partner_window(qtbot, url)
    watch = window.watch
    qtbot.waitUntil(lambda: watch.brief_is_open, timeout=10000)
    assert watch.brief_view.heading.text() == "Ihr Briefing"
    left = {"brief": english_left(shown_texts(window), PARTS)}
    window.grab().save(str(screens_dir / "partner_window_brief_de.png"))
    watch.brief_view.close_button.click()
    qtbot.waitUntil(lambda: watch.where_line.isVisible(), timeout=5000)
    watch.observations.quick_buttons[QuickObservation.REAL_DRIVER].click()
    qtbot.waitUntil(lambda: watch.observations.state_label.text() == "Notiert", timeout=5000)
    left["meeting"] = english_left(shown_texts(window), PARTS)
    window.grab().save(str(screens_dir / "partner_window_meeting_de.png"))
    summary = end_keeping_the_summary(qtbot, real_meeting)
    qtbot.waitUntil(lambda: watch.debrief.isVisible(), timeout=5000)
    watch.debrief.send_button.click()  # nothing written yet: it says so
    assert watch.debrief.state_label.text() == "Schreiben Sie zuerst mindestens eine Antwort."
    left["debrief"] = english_left(shown_texts(window), PARTS)
    window.grab().save(str(screens_dir / "partner_window_debrief_de.png"))
    summary.close()
    assert left == {"brief": [], "meeting": [], "debrief": []}
