"""The phone page never says "Noted" or "Thank you" for what Poise did not answer.

Debian's Chromium runs the real page; Poise's end of the WebSocket is Playwright's
(``route_web_socket``) so that it can go silent or answer only some messages, which the
real server never does on purpose. A silent Poise: the observation goes again with the
same id, a bounded number of times, then "Did not get through", and typed words come back
into the field. A debrief with one answer unanswered: no "Thank you"; sent again, the same
words keep their id, and only then the thanks.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.link.partner_watch_steps import THE_QUESTIONS, StandInPoise, stand_in_page
from tests.link.test_partner_page_browser import chromium_path

__all__ = ["chromium_path"]

pytestmark = [pytest.mark.browser, pytest.mark.timeout(60)]


def test_an_observation_poise_never_answers_did_not_get_through(
    chromium_path: Path, screens_dir: Path
) -> None:
    from playwright.sync_api import expect

    poise = StandInPoise()
    with stand_in_page(chromium_path, poise) as page:
        expect(page.locator("#observe")).to_be_visible()
        page.locator("#words").fill("She looked at the clock twice")
        page.locator("#wordsSend").click()
        state = page.locator("#wordsState")
        expect(state).to_have_text("Sending…")
        expect(page.locator("#words")).to_have_value("")
        page.clock.run_for(5000)
        expect(state).to_have_text("Sending…")  # still no "Noted": nothing answered
        page.clock.run_for(4000)
        expect(state).to_have_text("Did not get through")
        expect(page.locator("#words")).to_have_value("She looked at the clock twice")
        page.screenshot(path=screens_dir / "partner_page_observation_not_through.png")
        sent = poise.sent("observe")
    assert 2 <= len(sent) <= 8  # sent again while waiting, and bounded
    assert {message["id"] for message in sent} == {sent[0]["id"]}  # one id: kept once
    assert sent[0]["words"] == "She looked at the clock twice" and sent[0]["kind"] is None


def test_thank_you_only_once_every_answer_was_received(chromium_path: Path) -> None:
    from playwright.sync_api import expect

    poise = StandInPoise()
    with stand_in_page(chromium_path, poise) as page:
        expect(page.locator("#observe")).to_be_visible()
        poise.socket.send(json.dumps({"type": "debrief", "questions": THE_QUESTIONS}))
        expect(page.locator("#debrief")).to_be_visible()
        page.locator("#answer0").fill("When the invoice came up")
        page.locator("#answer1").fill("The pen")
        page.locator("#debriefSend").click()  # Poise silent: neither is answered
        page.clock.run_for(9000)
        state = page.locator("#debriefState")
        expect(state).to_have_text("Some answers did not get through. Try again.")
        expect(page.locator("#debriefSend")).to_be_enabled()
        first_ids = [message["id"] for message in poise.sent("debrief_answer")]
        poise.answering = True
        page.locator("#debriefSend").click()
        expect(state).to_have_text("Thank you. Your answers arrived.")
        answers = poise.sent("debrief_answer")
    assert {m["id"] for m in answers} == set(first_ids)  # the same words, the same ids
    assert {(m["q"], m["a"]) for m in answers} == {
        (0, "When the invoice came up"),
        (1, "The pen"),
    }
