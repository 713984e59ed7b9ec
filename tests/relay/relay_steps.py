"""Steps the relay's cue tests share: a meeting made live for some partners, what it shows,
a phone page, and a snooper on the broker that keeps each message with its room."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
from pytestqt.qtbot import QtBot

from app.link.broker_pass import BrokerPass
from app.link.relay import RelayMeeting
from app.link.relay_partner import MeetingState, RelayPartnerClient
from tests.link.conftest import RealMeeting
from tests.link.test_partner_page_browser import CHROMIUM_ARGS, PHONE
from tests.relay.local_broker import LocalBroker
from tests.relay.test_relay_hostile import Snooper

_ROOM_WIDE: dict[int, BrokerPass] = {}


def room_wide_pass(broker: LocalBroker) -> BrokerPass:
    """An account on ``broker`` reaching every room: the junk, the replays and the snooping
    these tests need come from someone already past the broker's door (a stolen link's
    pass reaches as far, for its pairing); one per broker."""
    key = id(broker)
    if key not in _ROOM_WIDE:
        name = f"cue-tests-{len(_ROOM_WIDE)}"
        _ROOM_WIDE[key] = BrokerPass(name, broker.add_room_wide_account(name))
    return _ROOM_WIDE[key]


def live_for(
    qtbot: QtBot, relay_meeting: RealMeeting, *partners: RelayPartnerClient, **start: Any
) -> tuple[Any, Any, RelayMeeting]:
    """The meeting started (``start`` as ``RealMeeting.start`` takes it), its relay, and
    every one of ``partners`` told it is live."""
    session, window = relay_meeting.start(**start)
    relay = relay_meeting.link.relay  # type: ignore[union-attr]
    assert relay is not None
    for partner in partners:
        qtbot.waitUntil(lambda p=partner: p.meeting_state is MeetingState.LIVE, timeout=5000)
    return session, window, relay


def shown_ids(session: Any) -> list[str]:
    """The message ids the live window shows from now on, in order."""
    shown: list[str] = []
    session.cueDisplayRequested.connect(lambda event: shown.append(event.message_id))
    return shown


@contextmanager
def phone_page(chromium_path: Path) -> Iterator[Any]:
    """A phone-sized page in Debian's Chromium (call from a worker thread: see in_thread)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium_path), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser.new_page(**PHONE)
        finally:
            browser.close()


class TopicSnooper(Snooper):
    """Keeps each payload with its topic."""

    def __init__(self, broker: LocalBroker) -> None:
        self.by_topic: list[tuple[str, bytes]] = []
        super().__init__(broker, room_wide_pass(broker))

    def _on_message(self, _c: object, _u: object, message: mqtt.MQTTMessage) -> None:
        super()._on_message(_c, _u, message)
        self.by_topic.append((message.topic, bytes(message.payload)))

    def on(self, topic: str) -> list[bytes]:
        return [payload for seen, payload in list(self.by_topic) if seen == topic]


def snooping_on(qtbot: QtBot, broker: LocalBroker, *topics: str) -> TopicSnooper:
    """A snooper subscribed to ``topics``, each granted."""
    snooper = TopicSnooper(broker)
    for topic in topics:
        snooper.subscribe(topic)
    qtbot.waitUntil(lambda: len(snooper.granted) == len(topics), timeout=5000)
    return snooper
