"""The partner as a second pair of eyes through the relay (issue 25): Debian's Chromium as
the paired phone, a real Mosquitto from deploy/relay, the LAN link never on. The brief
arrives sealed when the meeting goes live, two observations and a cue reach the meeting,
the debrief's answers come back after it, and the page keeps nothing once it ended; the
next meeting finds it fresh, its brief first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.domain.partner_watch import QuickObservation
from app.link.pairing import PairedPartner
from tests.link.conftest import QtThreadCalls, RealMeeting, in_thread
from tests.link.partner_watch_steps import (
    ANSWERS,
    NOTHING_LEFT,
    STORAGE_LEFT,
    THE_BRIEF,
    WORDS,
    answer_debrief,
    brief_every_plan,
    close_brief,
    note_words,
    phone,
    read_brief,
    tap_observation,
)
from tests.link.test_partner_page_browser import chromium_path
from tests.link.test_partner_page_watch import end_keeping_the_summary
from tests.relay.conftest import link_for
from tests.relay.local_broker import LocalBroker
from tests.relay.test_relay_page_browser import page_server

__all__ = ["chromium_path", "page_server"]

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]


def test_brief_observations_cue_and_debrief_through_the_relay(
    qtbot: QtBot,
    chromium_path: Path,
    relay_meeting: RealMeeting,
    broker: LocalBroker,
    alex: PairedPartner,
    page_server: tuple[str, list[str]],
    screens_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    brief_every_plan(monkeypatch)
    link = link_for(alex, broker, page_server[0])
    qt = QtThreadCalls()
    meetings: list[Any] = []
    summaries: list[Any] = []

    def on_the_phone() -> dict[str, Any]:
        from playwright.sync_api import expect

        seen: dict[str, Any] = {}
        with phone(chromium_path) as page:
            page.goto(link)
            expect(page.locator("#link")).to_have_text("Paired — waiting for a meeting")
            qt.call(lambda: meetings.append(relay_meeting.start()))
            expect(page.locator("#link")).to_have_text("Meeting live", timeout=15000)
            seen["brief"] = read_brief(page)
            page.screenshot(path=screens_dir / "relay_page_brief.png")
            close_brief(page)
            session = meetings[0][0]
            expect(page.locator("#whereTitle")).to_have_text(
                qt.call(lambda: session.domain.current_step.title)
            )
            seen["tap"] = tap_observation(page, QuickObservation.REPEATED_COMPLAINT)
            seen["words"] = note_words(page, WORDS)
            page.locator("button.cue").first.click()
            expect(page.locator("#delivery")).to_have_attribute("data-state", "shown")
            page.screenshot(path=screens_dir / "relay_page_observed.png")
            qt.call(session.acknowledge_cue)

            qt.call(lambda: summaries.append(end_keeping_the_summary(qtbot, relay_meeting)))
            seen["questions"] = page.locator("#debrief label").all_inner_texts()
            seen["thanks"] = answer_debrief(page, ANSWERS)
            page.screenshot(path=screens_dir / "relay_page_thanked.png")
            qt.call(lambda: summaries[0].close())
            expect(page.locator("#link")).to_have_text("Meeting ended", timeout=15000)
            seen["left"] = page.evaluate(STORAGE_LEFT)

            # The next meeting: the paired phone starts fresh, the brief first again.
            qt.call(lambda: meetings.append(relay_meeting.start(client="Northwind")))
            expect(page.locator("#link")).to_have_text("Meeting live", timeout=15000)
            expect(page.locator("#brief")).to_be_visible()
            expect(page.locator("#debrief")).to_be_hidden()
            close_brief(page)
            seen["fresh"] = page.locator(".quick .state, #wordsState").all_inner_texts()
            seen["dropped"] = page.evaluate("window.__relayDropped")
        return seen

    seen = in_thread(qtbot, on_the_phone, timeout_ms=100000, qt_calls=qt)
    assert seen["brief"]["role"] == THE_BRIEF.role
    assert seen["brief"]["signs"][-1].startswith("Tapping my pen")
    assert (seen["tap"], seen["words"], seen["thanks"]) == (
        "Noted",
        "Noted",
        "Thank you. Your answers arrived.",
    )
    assert seen["left"] == NOTHING_LEFT
    assert seen["fresh"] == ["", "", "", "", ""]  # no "Noted" left from the last meeting
    # Nothing sealed was refused (a brief too large, a forged or replayed one); a word on the
    # meeting's room after the page left it ("ended" comes on both rooms) is only counted.
    assert set(seen["dropped"]) <= {"unknown_topic", "other_meeting"}, seen["dropped"]
    session = meetings[0][0]
    assert [(o.kind, o.words) for o in session.from_partner.observations] == [
        (QuickObservation.REPEATED_COMPLAINT, ""),
        (None, WORDS),
    ]
    assert [a.answer for a in session.from_partner.debrief] == [ANSWERS[0], ANSWERS[2]]
    assert relay_meeting.link is not None and relay_meeting.link.server is not None
    assert relay_meeting.link.server.is_running is False  # the relay alone carried it
