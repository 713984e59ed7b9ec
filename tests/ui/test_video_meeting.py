"""Choosing "Video call" in the real prepare dialog gives the video checklist and the live
window the video words of each step; "In person" keeps the in-person ones."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import MeetingMode, NoteField
from app.playbooks import load_all_playbooks
from app.ui.live.flow import MeetingFlow
from app.ui.live.live_window import LiveWindow
from tests.ui.test_live_flow import open_prepare

WAIT_MS = 5000

CHECKLIST = {
    MeetingMode.IN_PERSON: [
        "Meet in person",
        "Bring a partner and agree the signal",
        "Leave your phone behind",
    ],
    MeetingMode.VIDEO: [
        "Cameras on, at eye level",
        "Bring your partner onto the call",
        "Notifications off",
    ],
}
THIRD_STEP = {
    MeetingMode.IN_PERSON: ("Watch their body language", "Notice face, posture, hands."),
    MeetingMode.VIDEO: ("Watch their face and voice", "Watch their face and tone on screen."),
}


def shown_texts(window: LiveWindow) -> str:
    """Every label's text in the live window, as a person would read it."""
    return "\n".join(label.text() for label in window.findChildren(QLabel) if label.isVisible())


@pytest.mark.parametrize("mode", list(MeetingMode), ids=lambda mode: mode.value)
def test_the_checklist_and_the_live_steps_follow_the_meeting_mode(
    qtbot: QtBot, mode: MeetingMode
) -> None:
    flow = MeetingFlow(None, load_all_playbooks())
    dialog = open_prepare(qtbot, flow)
    qtbot.keyClicks(dialog.client.lineEdit(), "Harbor & Sons")
    dialog.playbook.setCurrentIndex(dialog.playbook.findData("client-lashes-out"))
    in_person_summary = dialog.playbook_summary.text()
    assert in_person_summary.startswith("Meet in person")
    button = dialog.video if mode is MeetingMode.VIDEO else dialog.in_person
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    if mode is MeetingMode.VIDEO:
        assert dialog.playbook_summary.text().startswith("Cameras on, with your partner")
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)

    assert [box.text() for box in dialog.check_boxes] == CHECKLIST[mode]
    with qtbot.waitSignal(flow.sessionStarted, timeout=WAIT_MS) as started:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    window = started.args[1]
    assert isinstance(window, LiveWindow)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    try:
        microphone = "Typing loudly with your microphone on"
        assert (microphone in shown_texts(window)) is (mode is MeetingMode.VIDEO)
        editor = window.notes.editors[NoteField.WHAT_THEY_SAY]
        editor.setFocus()
        qtbot.keyClick(editor, Qt.Key.Key_PageDown)
        qtbot.keyClick(editor, Qt.Key.Key_PageDown)
        title, do = THIRD_STEP[mode]
        qtbot.waitUntil(lambda: title in shown_texts(window), timeout=WAIT_MS)
        assert do in shown_texts(window)
        assert window.session.domain.current_step.title == title
        other = THIRD_STEP[
            MeetingMode.IN_PERSON if mode is MeetingMode.VIDEO else MeetingMode.VIDEO
        ]
        assert other[0] not in shown_texts(window)
    finally:
        window.close()
