"""The debrief through the app's own meeting path (issue 25): when the user ends the
meeting, the partner's phone is asked the debrief questions while the summary is open; its
answer reaches the session; closing the summary ends the link ("ended", the secret gone,
the old address saying "This link has expired"). The real flow, live window, summary and
server, and a real WebSocket client on 127.0.0.1."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.partner_watch import debrief_questions_for
from app.link.expired_link import answering_ports
from app.ui.live.end_dialog import EndMeetingDialog
from app.ui.live.summary import SummaryWindow
from tests.link.conftest import QtThreadCalls, RealMeeting, in_thread
from tests.link.test_link_server import partner, receive
from tests.link.test_partner_watch_lan import _answer, _until

pytestmark = pytest.mark.timeout(60)


def test_the_link_stays_for_the_debrief_and_ends_when_the_summary_closes(
    qtbot: QtBot, real_meeting: RealMeeting
) -> None:
    session, window = real_meeting.start()
    server = real_meeting.link_on()
    url = server.pairing_url("127.0.0.1")
    questions = debrief_questions_for(session.domain.playbook)
    qt = QtThreadCalls()
    summaries: list[SummaryWindow] = []
    real_meeting.flow.summaryShown.connect(summaries.append)

    def end_the_meeting() -> None:
        qtbot.mouseClick(window.end_button, Qt.MouseButton.LeftButton)
        dialog = window.findChild(EndMeetingDialog, "endMeetingDialog")
        assert dialog is not None
        qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(summaries), timeout=5000)

    def on_the_phone() -> dict[str, object]:
        heard: dict[str, object] = {}
        with partner(url) as phone:
            heard["where"] = _until(phone, "where")
            qt.call(end_the_meeting)
            heard["debrief"] = _until(phone, "debrief")
            phone.send(_answer("deb-0000000001", 2, "The pen again"))
            heard["answered"] = receive(phone)
            heard["still_running"] = qt.call(lambda: server.is_running)
            qt.call(lambda: summaries[0].close())
            heard["ended"] = _until(phone, "ended")
        return heard

    heard = in_thread(qtbot, on_the_phone, qt_calls=qt)
    assert heard["where"]["title"] == session.domain.steps[0].title  # type: ignore[index]
    assert heard["debrief"] == {"type": "debrief", "questions": list(questions)}
    assert heard["answered"] == {"type": "status", "id": "deb-0000000001", "state": "received"}
    assert heard["still_running"] is True
    [answer] = session.from_partner.debrief
    assert (answer.question, answer.answer) == (questions[2], "The pen again")
    qtbot.waitUntil(lambda: server.has_ended and not server.is_running, timeout=5000)
    assert real_meeting.port in answering_ports()  # the old address: "This link has expired"
    assert json.dumps(heard["ended"]) == '{"type": "ended"}'
