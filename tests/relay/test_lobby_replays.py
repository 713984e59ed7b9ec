"""What someone on the broker captured in one meeting and replays into the next changes
nothing, and every sealed message is one of a few fixed lengths whatever it says. Real
Mosquitto from deploy/relay, a real meeting, partners' Poise, and a snooper on the broker
that knows the pairing's room topics (as the broker's operator sees them)."""

from __future__ import annotations

import paho.mqtt.client as mqtt
import pytest
from paho.mqtt.enums import CallbackAPIVersion
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.link.mqtt_link import BrokerStatus
from app.link.pairing import PairedPartner
from app.link.partner_end import PressState
from app.link.relay import PartnerPath
from app.link.relay_crypto import SEALED_SIZES, RelayDrop, decode_secret, derive_channels
from app.link.relay_partner import MeetingState, RelayPartnerClient
from tests.link.conftest import RealMeeting
from tests.relay.conftest import link_for
from tests.relay.local_broker import LocalBroker
from tests.relay.relay_steps import live_for, room_wide_pass, shown_ids, snooping_on

pytestmark = pytest.mark.timeout(60)


def replay(broker: LocalBroker, topic: str, payloads: list[bytes]) -> None:
    publisher = mqtt.Client(CallbackAPIVersion.VERSION2, protocol=mqtt.MQTTv5)
    account = room_wide_pass(broker)
    publisher.username_pw_set(account.username, account.password)
    publisher.connect("127.0.0.1", broker.tcp_port)
    publisher.loop_start()
    try:
        for payload in payloads:
            publisher.publish(topic, payload, qos=1).wait_for_publish(5)
    finally:
        publisher.disconnect()
        publisher.loop_stop()


def test_lobby_words_replayed_from_the_last_meeting_change_nothing(
    qtbot: QtBot, relay_meeting: RealMeeting, broker: LocalBroker, alex: PairedPartner
) -> None:
    lobby = derive_channels(decode_secret(alex.secret))
    snooper = snooping_on(qtbot, broker, lobby.up.topic, lobby.down.topic)
    first = RelayPartnerClient(link_for(alex, broker))
    second: RelayPartnerClient | None = None
    try:
        # The first meeting, as the snooper records it: hello, live, ended.
        _session, _window, relay = live_for(qtbot, relay_meeting, client="Harbor & Sons")
        qtbot.waitUntil(lambda: relay.broker_status is BrokerStatus.CONNECTED, timeout=5000)
        first.start()
        qtbot.waitUntil(lambda: first.meeting_state is MeetingState.LIVE, timeout=5000)
        qtbot.waitUntil(lambda: len(snooper.on(lobby.up.topic)) >= 1, timeout=5000)
        qtbot.waitUntil(lambda: relay.paths()[0][1] is PartnerPath.RELAY, timeout=5000)
        relay_meeting.end()
        qtbot.waitUntil(lambda: first.meeting_state is MeetingState.ENDED, timeout=5000)
        hellos = snooper.on(lobby.up.topic)
        old_words = snooper.on(lobby.down.topic)  # the first meeting's "live"s and its "ended"
        assert len(old_words) >= 2

        # The next meeting; a partner that starts only now (a reloaded page, a new window).
        second = RelayPartnerClient(link_for(alex, broker))
        second.start()
        session, window, relay = live_for(qtbot, relay_meeting, first, second, client="Northwind")
        for client in (first, second):
            assert client._meeting_id == relay.meeting_id
        qtbot.wait(1200)  # a hello's answer held back by the one-a-second rule is out
        announced = len(snooper.on(lobby.down.topic))

        # Toward the partners: the old "live" and "ended", within the freshness window (the
        # first partner heard them before: a repeat; the second never did: the wrong meeting).
        refused = {
            client: getattr(client, "old_lobby_words", 0)
            + client.opener.dropped(RelayDrop.REPLAYED)
            for client in (first, second)
        }
        replay(broker, lobby.down.topic, old_words)
        for client in (first, second):
            qtbot.waitUntil(
                lambda c=client: (
                    getattr(c, "old_lobby_words", 0) + c.opener.dropped(RelayDrop.REPLAYED)
                    >= refused[c] + len(old_words)
                    or c._meeting_id != relay.meeting_id
                    or c.meeting_state is not MeetingState.LIVE
                ),
                timeout=5000,
            )
            assert client.meeting_state is MeetingState.LIVE
            assert client._meeting_id == relay.meeting_id
        # Toward Poise: the partner's old "hello" is a repeat, not a partner coming online.
        replayed_before = relay.opener.dropped(RelayDrop.REPLAYED)
        replay(broker, lobby.up.topic, hellos)
        qtbot.waitUntil(
            lambda: (
                relay.opener.dropped(RelayDrop.REPLAYED) >= replayed_before + len(hellos)
                or len(snooper.on(lobby.down.topic)) > announced + len(old_words)
            ),
            timeout=5000,
        )
        assert relay.opener.dropped(RelayDrop.REPLAYED) == replayed_before + len(hellos)
        qtbot.wait(1200)  # a re-announcement would be out by now (at most one a second)
        assert len(snooper.on(lobby.down.topic)) == announced + len(old_words)

        # And the next press still lands, once, in this meeting.
        shown = shown_ids(session)
        press = second.press(session.cues[0].key)
        qtbot.waitUntil(lambda: second.last_press_state is PressState.SHOWN, timeout=5000)
        qtbot.keyClick(window, Qt.Key.Key_Escape)
        assert shown == [press]
    finally:
        first.stop()
        if second is not None:
            second.stop()
        snooper.stop()


def test_every_sealed_message_is_one_of_a_few_lengths(
    qtbot: QtBot, relay_meeting: RealMeeting, broker: LocalBroker, alex: PairedPartner
) -> None:
    secret = decode_secret(alex.secret)
    lobby = derive_channels(secret)
    snooper = snooping_on(qtbot, broker, lobby.up.topic, lobby.down.topic)
    client = RelayPartnerClient(link_for(alex, broker))
    client.start()
    try:
        session, window, relay = live_for(qtbot, relay_meeting)
        meeting = derive_channels(secret, relay.meeting_id)
        for topic in (meeting.up.topic, meeting.down.topic):
            snooper.subscribe(topic)
        qtbot.waitUntil(lambda: len(snooper.granted) == 4, timeout=5000)
        qtbot.waitUntil(lambda: client.meeting_state is MeetingState.LIVE, timeout=5000)
        client.stop()  # back online: hello, live, hello on the meeting's room
        client = RelayPartnerClient(link_for(alex, broker))
        client.start()
        qtbot.waitUntil(lambda: client.meeting_state is MeetingState.LIVE, timeout=5000)
        client.press(session.cues[0].key)  # press; received, shown
        qtbot.waitUntil(lambda: client.last_press_state is PressState.SHOWN, timeout=5000)
        qtbot.keyClick(window, Qt.Key.Key_Escape)  # acknowledged
        qtbot.waitUntil(lambda: client.last_press_state is PressState.ACKNOWLEDGED, timeout=5000)
        relay_meeting.end()  # ended, on both rooms
        qtbot.waitUntil(lambda: client.meeting_state is MeetingState.ENDED, timeout=5000)
        qtbot.waitUntil(lambda: len(snooper.on(meeting.down.topic)) >= 4, timeout=5000)
        kinds_of_room = {topic: len(snooper.on(topic)) for topic, _ in snooper.by_topic}
        assert len(kinds_of_room) == 4  # hello, live, press and its answers, ended all seen
        lengths = {len(payload) for _topic, payload in snooper.by_topic}
        assert lengths == {SEALED_SIZES[0]}, sorted(lengths)
    finally:
        client.stop()
        snooper.stop()
