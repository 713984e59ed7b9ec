"""Steps the relay's cue tests share: a meeting made live for some partners, what it shows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from app.link.relay import RelayMeeting
from app.link.relay_partner import MeetingState, RelayPartnerClient
from tests.link.conftest import RealMeeting
from tests.link.test_partner_page_browser import CHROMIUM_ARGS, PHONE


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
