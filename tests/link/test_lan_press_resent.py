"""The LAN link re-sends an unanswered press too: the partner's end is shared with the relay
(``app.link.partner_end``). Over a WebSocket a frame arrives or the socket drops, but Poise
itself drops frames over a partner's allowance: a press caught there arrives on a repeat,
and the meeting shows it once. Real server, real client, real sockets on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.domain.signal_protocol import DropReason
from app.link.client import PartnerLinkClient
from app.link.partner_end import PressState
from app.link.partner_session import RateLimits
from app.link.server import PartnerLinkServer
from app.ui.partner.partner_wiring import attach_partner_link
from tests.link.conftest import StandInSession


@pytest.fixture
def tight_meeting(qtbot: QtBot) -> Iterator[tuple[StandInSession, PartnerLinkServer]]:
    """A meeting whose link lets a partner say one thing a second (the hello takes the first)."""
    session = StandInSession()
    qtbot.addWidget(session.window)
    server = PartnerLinkServer(
        session.cues,
        bind_address="127.0.0.1",
        rate_limits=RateLimits(frames_burst=1, frames_per_second=1.0),
    )
    attach_partner_link(session, server)
    server.start()
    yield session, server
    server.end()


@pytest.fixture
def partner(
    qtbot: QtBot, tight_meeting: tuple[StandInSession, PartnerLinkServer]
) -> Iterator[PartnerLinkClient]:
    """A partner's Poise on that link, connected."""
    client = PartnerLinkClient(tight_meeting[1].pairing_url())
    client.start()
    qtbot.waitUntil(lambda: client.link_state == "connected")
    yield client
    client.stop()


def test_a_press_dropped_by_the_lan_link_arrives_on_a_repeat_and_shows_once(
    qtbot: QtBot,
    tight_meeting: tuple[StandInSession, PartnerLinkServer],
    partner: PartnerLinkClient,
) -> None:
    session, server = tight_meeting
    qtbot.waitUntil(lambda: len(partner.cues) == len(session.cues))
    limited = server.dropped[DropReason.RATE_LIMITED]
    partner.press("calm")  # right after the hello: over the allowance, dropped
    qtbot.waitUntil(lambda: server.dropped[DropReason.RATE_LIMITED] > limited)
    assert partner.last_press_state is PressState.SENT
    qtbot.waitUntil(lambda: partner.last_press_state is PressState.SHOWN, timeout=5000)
    assert len(session.recorded) == 1


def test_an_ok_dropped_by_the_lan_link_arrives_on_a_repeat_and_is_heard_once(
    qtbot: QtBot,
    tight_meeting: tuple[StandInSession, PartnerLinkServer],
    partner: PartnerLinkClient,
) -> None:
    session, server = tight_meeting
    request_id = session.ask_partner()
    qtbot.waitUntil(lambda: partner.open_request is not None)
    limited = server.dropped[DropReason.RATE_LIMITED]
    # The allowance holds one message at most: the press takes it, the "OK" is dropped.
    partner.press("calm")
    partner.acknowledge_request(request_id)
    qtbot.waitUntil(lambda: server.dropped[DropReason.RATE_LIMITED] > limited)
    answered: list[str] = []
    partner.requestAnswered.connect(answered.append)
    qtbot.waitUntil(lambda: answered == [request_id], timeout=5000)
    assert session.answered == [request_id]
    assert partner.last_press_state is PressState.SHOWN
