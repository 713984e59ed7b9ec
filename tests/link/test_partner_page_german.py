"""The phone page on a German phone, through every state it has: the brief with its changes
marked, the meeting with the step and the observations, the debrief, the end. None of the
page's own English words is left (Chromium with locale de-DE), nothing is cut off at a
narrow phone's width, and once the meeting ended the page keeps nothing on the phone.

Poise's end of the socket is the stand-in (see test_partner_page_unanswered.py): its
words are the user's data (English here), which the page shows as they come.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.link.partner_watch_steps import (
    NOTHING_LEFT,
    STORAGE_LEFT,
    THE_QUESTIONS,
    StandInPoise,
    english_on,
    stand_in_page,
)
from tests.link.test_partner_page_browser import chromium_path

__all__ = ["chromium_path"]

pytestmark = [pytest.mark.browser, pytest.mark.timeout(60)]
LOCALE = "de-DE"

BRIEF = {
    "type": "brief",
    "role": "Keep me calm; step in if I start promising dates.",
    "signs": ["Interrupting the client", "Promising a date", "Tapping my pen"],
    "cues": [{"key": "calm", "label": "Calm down", "meaning": "I am talking over the client"}],
    "changed": {
        "signs_added": ["Tapping my pen"],
        "signs_removed": ["A raised voice"],
        "role": True,
        "cues": ["calm"],
    },
}
WHERE = {"type": "where", "index": 1, "of": 4, "title": "Listen first", "elapsed": 3725}
# Elements that must show their whole text at a phone's width: nothing overflows them.
CUT_OFF = """() => Array.from(document.querySelectorAll("button, label, p, li, dt, dd, span, h2"))
  .filter((e) => e.offsetParent !== null && (e.scrollWidth > e.clientWidth + 1 ||
      e.getBoundingClientRect().right > window.innerWidth + 1))
  .map((e) => e.id || e.className || e.tagName)"""


def test_a_german_phone_reads_every_state_in_german_and_keeps_nothing(
    chromium_path: Path, screens_dir: Path
) -> None:
    from playwright.sync_api import expect

    poise = StandInPoise()
    poise.greeting = [BRIEF, WHERE]
    poise.answering = True
    left: dict[str, list[str]] = {}
    cut: dict[str, list[str]] = {}
    with stand_in_page(chromium_path, poise, locale=LOCALE) as page:
        expect(page.locator("#brief")).to_be_visible()
        assert page.evaluate("document.documentElement.lang") == "de"
        expect(page.locator("#briefRole .mark")).to_have_text("geändert")
        expect(page.locator("#briefRemoved")).to_have_text(
            "Nicht mehr auf der Liste: A raised voice"
        )
        left["brief"], cut["brief"] = english_on(page), page.evaluate(CUT_OFF)
        page.screenshot(path=screens_dir / "partner_page_de_brief.png", full_page=True)

        page.locator("#briefClose").click()
        expect(page.locator("#whereStep")).to_have_text("Schritt 2 von 4")
        expect(page.locator("#whereTime")).to_have_text("1:02:05")
        page.locator('.quick button[data-kind="you_tensed_up"]').click()
        expect(page.locator(".quick .state").last).to_have_text("Notiert")
        page.locator("button.cue").first.click()
        left["meeting"], cut["meeting"] = english_on(page), page.evaluate(CUT_OFF)
        page.screenshot(path=screens_dir / "partner_page_de_meeting.png", full_page=True)
        assert page.evaluate("Object.keys(sessionStorage).length") == 1  # the press, for now

        poise.socket.send(json.dumps({"type": "debrief", "questions": THE_QUESTIONS}))
        expect(page.locator("#debrief")).to_be_visible()
        page.locator("#debriefSend").click()
        expect(page.locator("#debriefState")).to_have_text(
            "Schreiben Sie zuerst mindestens eine Antwort."
        )
        page.locator("#answer1").fill("Den Stift")
        left["debrief"], cut["debrief"] = english_on(page), page.evaluate(CUT_OFF)
        page.screenshot(path=screens_dir / "partner_page_de_debrief.png", full_page=True)
        page.locator("#debriefSend").click()
        expect(page.locator("#debriefState")).to_have_text("Danke. Ihre Antworten sind angekommen.")

        poise.socket.send(json.dumps({"type": "ended"}))
        expect(page.locator("#link")).to_have_text("Besprechung beendet")
        left["ended"], cut["ended"] = english_on(page), page.evaluate(CUT_OFF)
        page.screenshot(path=screens_dir / "partner_page_de_ended.png", full_page=True)
        storage_left = page.evaluate(STORAGE_LEFT)
    assert left == {"brief": [], "meeting": [], "debrief": [], "ended": []}
    assert cut == {"brief": [], "meeting": [], "debrief": [], "ended": []}
    assert storage_left == NOTHING_LEFT
