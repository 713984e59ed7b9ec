"""The relay path with real parts: the app's meeting flow, live window and SQLite store, a
real Mosquitto from deploy/relay, and a partner's Poise (``RelayPartnerClient``, and the
partner window of ``poise partner LINK``) talking to it through the broker alone."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import SignalSource
from app.domain.signal_protocol import ClientKind, Hello, Press, encode
from app.link.pairing import PairedPartner, PairingBook
from app.link.partner_end import LinkState, PressState
from app.link.relay import PartnerPath
from app.link.relay_partner import MeetingState, RelayPartnerClient
from app.ui.partner.partner_window import PartnerWindow
from app.ui.partner.relay_wiring import UNREACHABLE_TEXT, RelayStatusLine
from tests.link.conftest import RealMeeting, in_thread
from tests.relay.conftest import link_for
from tests.relay.local_broker import LocalBroker

pytestmark = pytest.mark.timeout(60)


def partner_client(qtbot: QtBot, partner: PairedPartner, broker: LocalBroker) -> RelayPartnerClient:
    client = RelayPartnerClient(link_for(partner, broker))
    client.start()
    return client


def test_a_paired_partner_sends_a_cue_through_the_broker_in_every_meeting(
    qtbot: QtBot,
    relay_meeting: RealMeeting,
    broker: LocalBroker,
    alex: PairedPartner,
    screens_dir: Path,
) -> None:
    client = partner_client(qtbot, alex, broker)
    try:
        qtbot.waitUntil(lambda: client.meeting_state is MeetingState.WAITING, timeout=5000)
        shown: list[str] = []
        for meeting in ("Harbor & Sons", "Northwind"):
            session, window = relay_meeting.start(client=meeting)
            link = relay_meeting.link
            assert link is not None and link.relay is not None
            assert link.server is not None and not link.server.is_running  # LAN link off
            qtbot.waitUntil(lambda: client.meeting_state is MeetingState.LIVE, timeout=5000)
            assert [cue.label for cue in client.cues] == [cue.label for cue in session.cues]
            assert client.link_state is LinkState.CONNECTED

            shown.clear()
            session.cueDisplayRequested.connect(lambda event: shown.append(event.message_id))
            message_id = client.press(session.cues[0].key)
            qtbot.waitUntil(lambda: client.last_press_state is PressState.SHOWN, timeout=5000)
            assert window.overlay.band.words.text() == session.cues[0].words
            line = window.findChild(RelayStatusLine, "relayStatus")
            assert line is not None and line.text() == "Alex via relay"
            if meeting == "Northwind":
                QApplication.sendPostedEvents()
                assert window.grab().save(str(screens_dir / "relay_live_window.png"))
            qtbot.keyClick(window, Qt.Key.Key_Escape)
            qtbot.waitUntil(
                lambda: client.last_press_state is PressState.ACKNOWLEDGED, timeout=5000
            )
            assert shown == [message_id]
            assert session.domain.tracker.seen(message_id).source is SignalSource.PARTNER_APP
            relay_meeting.end()
            qtbot.waitUntil(lambda: client.meeting_state is MeetingState.ENDED, timeout=5000)
            assert client.cues == ()
    finally:
        client.stop()


def test_partner_mode_window_through_the_broker(
    qtbot: QtBot, relay_meeting: RealMeeting, broker: LocalBroker, alex: PairedPartner
) -> None:
    session, window = relay_meeting.start()
    partner = PartnerWindow(link_for(alex, broker))
    qtbot.addWidget(partner)
    partner.show()
    qtbot.waitUntil(lambda: len(partner.cue_buttons) == len(session.cues), timeout=5000)
    assert partner.link_label.text() == "Meeting live"
    qtbot.mouseClick(partner.cue_buttons[session.cues[0].key], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.domain.tracker.current is not None, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: "Acknowledged" in partner.press_label.text(), timeout=5000)
    relay_meeting.end()
    qtbot.waitUntil(lambda: partner.link_label.text() == "Meeting ended", timeout=5000)
    partner.close()


def test_broker_restarted_mid_meeting_both_sides_reconnect_no_cue_lost_or_doubled(
    qtbot: QtBot, relay_meeting: RealMeeting, broker: LocalBroker, alex: PairedPartner
) -> None:
    client = partner_client(qtbot, alex, broker)
    try:
        session, window = relay_meeting.start()
        qtbot.waitUntil(lambda: client.meeting_state is MeetingState.LIVE, timeout=5000)
        relay = relay_meeting.link.relay  # type: ignore[union-attr]
        assert relay is not None
        broker.stop()
        qtbot.waitUntil(lambda: client.link_state is LinkState.OFFLINE, timeout=5000)
        line = window.findChild(RelayStatusLine, "relayStatus")
        qtbot.waitUntil(lambda: line.text() == UNREACHABLE_TEXT, timeout=5000)
        shown: list[str] = []
        session.cueDisplayRequested.connect(lambda event: shown.append(event.message_id))
        message_id = client.press(session.cues[0].key)  # made while the broker is down
        assert client.last_press_state is PressState.PENDING
        broker.start()
        qtbot.waitUntil(lambda: client.last_press_state is PressState.SHOWN, timeout=10000)
        qtbot.waitUntil(lambda: relay.paths() == [("Alex", PartnerPath.RELAY)], timeout=5000)
        assert line.text() == "Alex via relay"
        qtbot.keyClick(window, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: client.last_press_state is PressState.ACKNOWLEDGED, timeout=5000)
        assert shown == [message_id]
    finally:
        client.stop()


def test_a_revoked_partner_is_told_and_can_send_nothing(
    qtbot: QtBot,
    relay_meeting: RealMeeting,
    broker: LocalBroker,
    book: PairingBook,
    alex: PairedPartner,
) -> None:
    client = partner_client(qtbot, alex, broker)
    try:
        session, _window = relay_meeting.start()
        qtbot.waitUntil(lambda: client.meeting_state is MeetingState.LIVE, timeout=5000)
        relay = relay_meeting.link.relay  # type: ignore[union-attr]
        assert relay is not None
        book.revoke(alex.partner_id)
        assert relay.paths() == []
        # Sealed with its keys before they were dropped: the partner knows it is over.
        qtbot.waitUntil(lambda: client.meeting_state is MeetingState.REVOKED, timeout=5000)
        assert client.cues == ()
        client.press(session.cues[0].key)
        with qtbot.assertNotEmitted(session.cueDisplayRequested, wait=1000):
            pass
        assert client.last_press_state is not PressState.SENT
        relay_meeting.end()
        assert client.meeting_state is MeetingState.REVOKED  # nothing after it counts
    finally:
        client.stop()


def test_the_partner_window_says_the_pairing_ended_and_keeps_no_live_buttons(
    qtbot: QtBot,
    relay_meeting: RealMeeting,
    broker: LocalBroker,
    book: PairingBook,
    alex: PairedPartner,
) -> None:
    window = PartnerWindow(link_for(alex, broker))
    qtbot.addWidget(window)
    window.show()
    relay_meeting.start()
    qtbot.waitUntil(lambda: window.link_label.text() == "Meeting live", timeout=5000)
    assert window.cue_buttons
    book.revoke(alex.partner_id)
    qtbot.waitUntil(lambda: window.link_label.text() == "This pairing was ended", timeout=5000)
    assert not window.cue_buttons
    assert "ended this pairing" in window.press_label.text()
    relay_meeting.end()
    qtbot.wait(300)  # the meeting's "ended" goes to nobody: the window keeps saying why
    assert window.link_label.text() == "This pairing was ended"
    window.close()


def test_a_press_poise_never_answers_is_reported_as_not_through(
    qtbot: QtBot,
    relay_meeting: RealMeeting,
    broker: LocalBroker,
    alex: PairedPartner,
) -> None:
    from app.link.relay_partner import RelayPartnerClient as Client

    client = Client(link_for(alex, broker), answer_within_ms=400)
    client.start()
    try:
        session, _window = relay_meeting.start()
        qtbot.waitUntil(lambda: client.meeting_state is MeetingState.LIVE, timeout=5000)
        relay = relay_meeting.link.relay  # type: ignore[union-attr]
        assert relay is not None
        # Poise stops listening to this partner without a word (as after a missed revoke).
        for topic in list(relay._by_topic):
            relay.opener.forget(topic)
        client.press(session.cues[0].key)
        assert client.last_press_state is PressState.SENT
        qtbot.waitUntil(lambda: client.last_press_state is PressState.UNDELIVERED, timeout=3000)
    finally:
        client.stop()


def test_a_press_that_comes_both_ways_is_shown_once(
    qtbot: QtBot, relay_meeting: RealMeeting, broker: LocalBroker, alex: PairedPartner
) -> None:
    from websockets.sync.client import connect

    client = partner_client(qtbot, alex, broker)
    try:
        session, _window = relay_meeting.start()
        lan = relay_meeting.link_on()
        qtbot.waitUntil(lambda: client.meeting_state is MeetingState.LIVE, timeout=5000)
        shown: list[str] = []
        session.cueDisplayRequested.connect(lambda event: shown.append(event.message_id))
        message_id = client.press(session.cues[0].key)
        qtbot.waitUntil(lambda: client.last_press_state is PressState.SHOWN, timeout=5000)
        page_url = lan.pairing_url()
        socket_url = page_url.replace("http://", "ws://").replace("/p/", "/ws/")
        origin = page_url.split("/p/")[0]

        def same_press_over_the_lan() -> dict[str, str]:
            with connect(socket_url, origin=origin, open_timeout=5) as link:  # type: ignore[arg-type]
                link.recv(timeout=5)  # welcome
                link.recv(timeout=5)  # where the meeting is (issue 25)
                link.send(encode(Hello(ClientKind.PHONE)))
                link.send(encode(Press(message_id, session.cues[0].key)))
                answer: dict[str, str] = json.loads(link.recv(timeout=5))
                return answer

        answer = in_thread(qtbot, same_press_over_the_lan)
        assert answer["type"] == "status" and answer["id"] == message_id
        qtbot.wait(300)  # a second show would be queued by now
        assert shown == [message_id]
    finally:
        client.stop()


def test_poise_partner_names_what_is_wrong_with_a_pairing_link(data_dir: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "--data-dir",
            str(data_dir),
            "partner",
            "https://relay.example.org/#k=tooShort",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "#k=tooShort: the pairing key is incomplete" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_user_asks_a_distant_partner_to_step_in_and_hears_ok(
    qtbot: QtBot, relay_meeting: RealMeeting, broker: LocalBroker, alex: PairedPartner
) -> None:
    client = partner_client(qtbot, alex, broker)
    try:
        session, window = relay_meeting.start()
        qtbot.waitUntil(lambda: client.meeting_state is MeetingState.LIVE, timeout=5000)
        # Poise hears from the partner first (its hello), then asks.
        relay = relay_meeting.link.relay  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: relay.paths() == [("Alex", PartnerPath.RELAY)], timeout=5000)
        with qtbot.waitSignal(client.requestReceived, timeout=5000) as asked:
            qtbot.mouseClick(window.ask_partner_button, Qt.MouseButton.LeftButton)
        request = asked.args[0]
        assert request.key == "step_in"
        with qtbot.waitSignal(session.partnerAnswered, timeout=5000) as answered:
            client.acknowledge_request(request.message_id)
        assert answered.args[0] == request.message_id
        qtbot.waitUntil(lambda: client.open_request is None, timeout=5000)
    finally:
        client.stop()
