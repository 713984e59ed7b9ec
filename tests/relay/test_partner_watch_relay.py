"""The partner's second pair of eyes over the relay (issue 25), with the real Mosquitto from
deploy/relay: the brief and the step reach a paired partner sealed in the meeting's keys,
its observation reaches ``session.from_partner`` with the step, once; forged, replayed,
oversized and flooding ones change nothing and bump their counters; the debrief is taken
after the meeting and refused once its window closed. The partner here is made by hand
from the relay's own parts (an MQTT link, a sealer and an opener with the pairing's keys),
as a phone page would be: what it says is exactly what is tested."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from app.domain.partner_watch import MAX_OBSERVATION_CHARS, debrief_questions_for
from app.domain.signal_protocol import ClientKind, DropReason, Hello, encode
from app.link import partner_session
from app.link import relay_crypto as sealing
from app.link.mqtt_link import BrokerStatus, MqttLink
from app.link.pairing import PairedPartner, PairingBook
from app.link.partner_session import RateLimits
from app.link.partner_watch_link import WatchLimits
from app.link.relay import RelayMeeting
from app.link.relay_account import load_relay_account
from app.ui.live.session import LiveSession
from app.ui.partner.partner_wiring import attach_partner_link
from tests.link.test_partner_watch_lan import BRIEF, CUES, _answer, _observe
from tests.relay.local_broker import LocalBroker
from tests.ui.test_issue14_live import shipped_library

pytestmark = pytest.mark.timeout(60)

DEBRIEF_WINDOW_MS = 4000


@dataclass
class HandMadePartner:
    """A paired partner on the broker: hears its lobby and meeting rooms, seals what it says."""

    link: MqttLink
    secret: bytes
    lobby: sealing.Channels
    meeting: sealing.Channels
    sealer: sealing.Sealer = field(default_factory=sealing.Sealer)
    heard: list[tuple[str, sealing.Envelope]] = field(default_factory=list)

    def frames(self, kind: str) -> list[dict]:
        """Every link frame of type ``kind`` it opened, in order."""
        found = []
        for _topic, envelope in self.heard:
            if envelope.kind == "signal" and envelope.msg is not None:
                frame = json.loads(envelope.msg)
                if frame["type"] == kind:
                    found.append(frame)
        return found

    def status_of(self, message_id: str) -> list[str]:
        return [frame["state"] for frame in self.frames("status") if frame["id"] == message_id]

    def seal(self, frame: str) -> bytes:
        return self.sealer.seal(self.meeting.up, "signal", msg=frame)

    def say(self, frame: str) -> bytes:
        sealed = self.seal(frame)
        self.link.publish(self.meeting.up.topic, sealed)
        return sealed


@pytest.fixture
def watched_relay(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    broker: LocalBroker,
    book: PairingBook,
    alex: PairedPartner,
) -> Iterator[tuple[LiveSession, RelayMeeting, HandMadePartner]]:
    monkeypatch.setattr(partner_session, "DEBRIEF_WINDOW_MS", DEBRIEF_WINDOW_MS)
    playbook = shipped_library().get("client-lashes-out")
    assert playbook is not None
    session = LiveSession(None, None, playbook, CUES, partner_brief=BRIEF)
    session.start()
    relay = RelayMeeting(
        CUES,
        book,
        broker.ws_url,
        # The burst as shipped, but no refill while the test runs: the count is exact.
        rate_limits=RateLimits(watch=WatchLimits(observations_per_second=1e-6)),
        credentials=load_relay_account(),
        parent=session,
    )
    attach_partner_link(session, relay, watch=True)
    secret = sealing.decode_secret(alex.secret)
    lobby, meeting = (
        sealing.derive_channels(secret),
        sealing.derive_channels(secret, relay.meeting_id),
    )
    opener = sealing.Opener()
    opener.listen(lobby.down)
    opener.listen(meeting.down)
    holder = QObject()
    link = MqttLink(broker.ws_url, opener, holder, credentials=alex.broker_pass)
    hand = HandMadePartner(link, secret, lobby, meeting)
    link.envelopeReceived.connect(lambda topic, envelope: hand.heard.append((topic, envelope)))
    link.subscribe(lobby.down.topic)
    link.subscribe(meeting.down.topic)
    link.start()
    relay.start()
    qtbot.waitUntil(lambda: link.status is BrokerStatus.CONNECTED, timeout=10000)
    qtbot.waitUntil(lambda: relay.broker_status is BrokerStatus.CONNECTED, timeout=10000)
    # As a partner coming online: "hello" in the lobby, then on the meeting's own channel.
    link.publish(lobby.up.topic, hand.sealer.seal(lobby.up, "hello"))
    qtbot.waitUntil(lambda: any(e.kind == "live" for _, e in hand.heard), timeout=5000)
    hand.say(encode(Hello(ClientKind.PHONE)))
    qtbot.waitUntil(lambda: len(hand.frames("where")) >= 2, timeout=5000)
    yield session, relay, hand
    link.stop()
    if not relay.has_ended:
        relay.end()


def test_over_the_relay_the_partner_is_briefed_and_its_observation_is_kept_once(
    qtbot: QtBot, watched_relay: tuple[LiveSession, RelayMeeting, HandMadePartner]
) -> None:
    session, relay, hand = watched_relay
    brief = hand.frames("brief")[-1]
    assert brief["role"] == BRIEF.role and brief["signs"][1] == "Tapping the pen"
    assert hand.frames("where")[-1]["title"] == session.domain.steps[0].title
    session.next_step()
    steps = session.domain.steps
    qtbot.waitUntil(lambda: hand.frames("where")[-1]["index"] == 1, timeout=5000)
    assert hand.frames("where")[-1]["title"] == steps[1].title

    sealed = hand.say(_observe("obs-relay00001", "body_language_closed", "arms folded"))
    qtbot.waitUntil(lambda: hand.status_of("obs-relay00001") == ["received"], timeout=5000)
    [observation] = session.from_partner.observations
    assert (observation.step_key, observation.words) == (steps[1].key, "arms folded")

    # The same observation resent in a new envelope (after a reconnect): answered, kept once.
    hand.say(_observe("obs-relay00001", "body_language_closed", "arms folded"))
    qtbot.waitUntil(lambda: len(hand.status_of("obs-relay00001")) == 2, timeout=5000)
    # The very same envelope replayed: the relay drops it before it is read.
    replayed = relay.opener.dropped(sealing.RelayDrop.REPLAYED)
    hand.link.publish(hand.meeting.up.topic, sealed)
    qtbot.waitUntil(
        lambda: relay.opener.dropped(sealing.RelayDrop.REPLAYED) == replayed + 1, timeout=5000
    )
    # Forged: a stranger's key, and this pairing's keys for another meeting.
    failed = relay.opener.dropped(sealing.RelayDrop.FAILED_AUTH)
    forged = _observe("obs-forged0001", "you_tensed_up")
    stranger = sealing.derive_channels(
        sealing.decode_secret(sealing.new_pairing_secret()), relay.meeting_id
    ).up
    other_meeting = sealing.derive_channels(hand.secret, sealing.new_meeting_id()).up
    for key in (stranger.key, other_meeting.key):
        wrong = hand.sealer.seal(replace(hand.meeting.up, key=key), "signal", msg=forged)
        hand.link.publish(hand.meeting.up.topic, wrong)
    qtbot.waitUntil(
        lambda: relay.opener.dropped(sealing.RelayDrop.FAILED_AUTH) == failed + 2, timeout=5000
    )
    # Oversized words and an unknown kind: refused by name, the partner hears "rejected".
    hand.say(_observe("obs-toolong001", None, "x" * (MAX_OBSERVATION_CHARS + 1)))
    hand.say(_observe("obs-unknown001", "shouting", "loud"))
    qtbot.waitUntil(lambda: hand.status_of("obs-unknown001") == ["rejected"], timeout=5000)
    assert hand.status_of("obs-toolong001") == ["rejected"]
    assert relay.dropped[DropReason.TOO_LONG] == 1
    assert relay.dropped[DropReason.UNKNOWN_KIND] == 1
    # A flood: the burst of 5 has one used; four more pass, the rest are refused.
    for number in range(7):
        hand.say(_observe(f"obs-flood{number:05d}", "real_driver"))
    qtbot.waitUntil(lambda: len(hand.status_of("obs-flood00006")) == 1, timeout=5000)
    states = [hand.status_of(f"obs-flood{number:05d}")[0] for number in range(7)]
    assert states == ["received"] * 4 + ["rejected"] * 3
    assert relay.dropped[DropReason.RATE_LIMITED] == 3
    kept = [seen.message_id for seen in session.from_partner.observations]
    assert kept == ["obs-relay00001"] + [f"obs-flood{number:05d}" for number in range(4)]


def test_over_the_relay_the_debrief_is_taken_after_the_meeting_until_its_window_closes(
    qtbot: QtBot, watched_relay: tuple[LiveSession, RelayMeeting, HandMadePartner]
) -> None:
    session, relay, hand = watched_relay
    questions = debrief_questions_for(session.domain.playbook)
    hand.say(_answer("deb-early00001", 0, "too early"))
    qtbot.waitUntil(lambda: hand.status_of("deb-early00001") == ["rejected"], timeout=5000)
    session.end(None)
    qtbot.waitUntil(lambda: bool(hand.frames("debrief")), timeout=5000)
    assert hand.frames("debrief")[0]["questions"] == list(questions)
    assert relay.in_debrief and not relay.has_ended
    hand.say(_answer("deb-relay00001", 1, "Yes, just in time"))
    qtbot.waitUntil(lambda: hand.status_of("deb-relay00001") == ["received"], timeout=5000)
    [answer] = session.from_partner.debrief
    assert (answer.question, answer.answer) == (questions[1], "Yes, just in time")
    for number in range(3):  # at most 3 answers to one question: the 4th is refused
        hand.say(_answer(f"deb-more{number:06d}", 1, f"More, {number}"))
    qtbot.waitUntil(lambda: len(hand.status_of("deb-more000002")) == 1, timeout=5000)
    assert [hand.status_of(f"deb-more{n:06d}")[0] for n in range(3)] == ["received"] * 2 + [
        "rejected"
    ]
    assert relay.dropped[DropReason.NOT_NOW] == 1 and relay.dropped[DropReason.RATE_LIMITED] == 1

    # Nobody closed the summary: the window closes by itself, and the partner hears "ended".
    qtbot.waitUntil(lambda: relay.has_ended, timeout=DEBRIEF_WINDOW_MS + 5000)
    qtbot.waitUntil(lambda: any(e.kind == "ended" for _, e in hand.heard), timeout=5000)
    late = hand.seal(_answer("deb-late000001", 0, "too late"))
    unknown = relay.opener.dropped(sealing.RelayDrop.UNKNOWN_TOPIC)
    assert relay.opener.open(hand.meeting.up.topic, late) is None
    assert relay.opener.dropped(sealing.RelayDrop.UNKNOWN_TOPIC) == unknown + 1
    assert len(session.from_partner.debrief) == 3
