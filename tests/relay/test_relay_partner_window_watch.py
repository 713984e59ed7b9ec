"""A second Poise in partner mode, paired through the relay (a real Mosquitto): the partner
window reads the brief when the meeting goes live, notes an observation, answers the
debrief after the meeting, and is a fresh window for the next meeting (no old answers, the
brief opening again), as a paired partner stays for many meetings.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.partner_watch import QuickObservation
from app.link.pairing import PairedPartner
from app.link.relay_partner import MeetingState, RelayPartnerClient
from app.ui.partner.partner_window import PartnerWindow
from tests.link.conftest import RealMeeting
from tests.link.partner_watch_steps import THE_BRIEF, brief_every_plan
from tests.link.test_partner_page_watch import end_keeping_the_summary
from tests.relay.conftest import link_for
from tests.relay.local_broker import LocalBroker

pytestmark = pytest.mark.timeout(90)


def test_the_partner_window_through_the_relay_for_two_meetings(
    qtbot: QtBot,
    relay_meeting: RealMeeting,
    broker: LocalBroker,
    alex: PairedPartner,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    brief_every_plan(monkeypatch)
    window = PartnerWindow(link_for(alex, broker))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    client = window.client
    assert isinstance(client, RelayPartnerClient)
    watch = window.watch
    qtbot.waitUntil(lambda: client.meeting_state is MeetingState.WAITING, timeout=5000)

    session, _live = relay_meeting.start()
    qtbot.waitUntil(lambda: watch.brief_is_open, timeout=10000)
    assert watch.brief_view.role_line.text() == THE_BRIEF.role
    watch.brief_view.close_button.click()
    panel = watch.observations
    qtbot.mouseClick(panel.quick_buttons[QuickObservation.REAL_DRIVER], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.state_label.text() == "Noted", timeout=5000)
    qtbot.waitUntil(lambda: len(session.from_partner.observations) == 1, timeout=5000)

    summary = end_keeping_the_summary(qtbot, relay_meeting)
    form = watch.debrief
    qtbot.waitUntil(lambda: form.isVisible(), timeout=10000)
    form.answers[0].field.setPlainText("At the price")
    form.send_button.click()
    qtbot.waitUntil(lambda: form.thanked, timeout=10000)
    summary.close()
    qtbot.waitUntil(lambda: client.meeting_state is MeetingState.ENDED, timeout=10000)
    assert [a.answer for a in session.from_partner.debrief] == ["At the price"]

    # The next meeting: the brief again, the cues and observations, no old debrief.
    relay_meeting.start(client="Northwind")
    qtbot.waitUntil(lambda: watch.brief_is_open, timeout=10000)
    assert form.isHidden() and form.answers == []
    watch.brief_view.close_button.click()
    assert panel.isVisible() and window.cue_box.isVisible()
    assert panel.state_label.text() == ""
