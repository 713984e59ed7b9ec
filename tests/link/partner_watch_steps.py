"""The partner's side of issue 25 on the phone page, as a person does it (Playwright, from a
worker thread: see ``in_thread``): read the brief, note what they see, answer the debrief,
and what the page keeps afterwards. Shared by the LAN and the relay browser tests."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from app.domain.partner_watch import (
    BriefChanges,
    CueMeaning,
    PartnerBrief,
    QuickObservation,
    WarningSign,
)
from app.resources import resource_path
from app.ui.live.flow import MeetingFlow
from tests.link.test_partner_page_browser import CHROMIUM_ARGS, PHONE

EXPECT_MS = 15_000
THE_BRIEF = PartnerBrief(
    partner_name="Alex",
    role="Keep me calm; step in if I start promising dates.",
    signs=(WarningSign.INTERRUPTING, WarningSign.PROMISING_A_DATE, "Tapping my pen"),
    cue_meanings=(CueMeaning("calm", "Calm down", "I am talking over the client"),),
)
THE_CHANGES = BriefChanges(signs_added=("Tapping my pen",))
WORDS = "She looked at the clock twice"
ANSWERS = ("When the invoice came up", "", "The pen again")

# What the page keeps, by kind: every kind of storage a page can leave on a phone.
STORAGE_LEFT = """async () => ({
  local: Object.keys(localStorage), session: Object.keys(sessionStorage),
  cookies: document.cookie,
  databases: indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [],
  caches: typeof caches === "undefined" ? [] : await caches.keys(),
})"""
NOTHING_LEFT = {"local": [], "session": [], "cookies": "", "databases": [], "caches": []}


def brief_every_plan(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every meeting's plan carries THE_BRIEF, as the prepare dialog's brief page makes it
    (another part of issue 25): the flow, the session and the link take it from there."""
    go_live = MeetingFlow._go_live

    def with_brief(flow: MeetingFlow, plan: Any, settings: Any) -> None:
        briefed = replace(plan, partner_brief=THE_BRIEF, partner_brief_changes=THE_CHANGES)
        go_live(flow, briefed, settings)

    monkeypatch.setattr(MeetingFlow, "_go_live", with_brief)


def read_brief(page: Any) -> dict[str, Any]:
    """What the brief says, as the partner reads it (the brief must be open)."""
    from playwright.sync_api import expect

    brief = page.locator("#brief")
    expect(brief).to_be_visible(timeout=EXPECT_MS)
    return {
        "role": page.locator("#briefRole").inner_text(),
        "signs": page.locator("#briefSigns li").all_inner_texts(),
        "cues": page.locator("#briefCues").inner_text(),
        "changed": page.locator("#briefChanged").is_visible(),
    }


def close_brief(page: Any) -> None:
    from playwright.sync_api import expect

    page.locator("#briefClose").click()
    expect(page.locator("#brief")).to_be_hidden(timeout=EXPECT_MS)
    expect(page.locator("#observe")).to_be_visible(timeout=EXPECT_MS)


def tap_observation(page: Any, kind: QuickObservation) -> str:
    """One tap; returns what the button says once Poise answered."""
    from playwright.sync_api import expect

    button = page.locator(f'.quick button[data-kind="{kind.value}"]')
    button.click()
    state = button.locator(".state")
    expect(state).to_have_attribute("data-state", "received", timeout=EXPECT_MS)
    return str(state.inner_text())


def note_words(page: Any, words: str) -> str:
    from playwright.sync_api import expect

    page.locator("#words").fill(words)
    page.locator("#words").press("Enter")
    state = page.locator("#wordsState")
    expect(state).to_have_attribute("data-state", "received", timeout=EXPECT_MS)
    return str(state.inner_text())


def answer_debrief(page: Any, answers: tuple[str, ...]) -> str:
    """Fill each asked question's field (empty ones left), send; returns the last word."""
    from playwright.sync_api import expect

    expect(page.locator("#debrief")).to_be_visible(timeout=EXPECT_MS)
    for index, answer in enumerate(answers):
        if answer:
            page.locator(f"#answer{index}").fill(answer)
    page.locator("#debriefSend").click()
    state = page.locator("#debriefState")
    expect(state).to_have_attribute("data-state", "thanked", timeout=EXPECT_MS)
    return str(state.inner_text())


def page_words() -> dict[str, dict[str, str]]:
    html = resource_path("partner", "index.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="strings">(.*?)</script>', html, re.S)
    assert found
    table: dict[str, dict[str, str]] = json.loads(found.group(1))
    return table


def english_on(page: Any) -> list[str]:
    """Every line the page shows (and every label it gives a reader) that is one of its own
    English words where German has others."""
    table = page_words()
    # Case folded: the page writes some headings in capitals (CSS), innerText so too.
    english = {text.casefold() for key, text in table["en"].items() if text != table["de"][key]}
    shown = page.evaluate(
        """() => [document.body.innerText, document.title,
            ...Array.from(document.querySelectorAll("[aria-label]"),
                (e) => e.getAttribute("aria-label")),
            ...Array.from(document.querySelectorAll("[placeholder]"), (e) => e.placeholder)]"""
    )
    lines = {
        line.strip().casefold() for text in shown for line in str(text).splitlines() if line.strip()
    }
    # A short word must be the whole line ("Note"); a long one may sit inside one.
    return sorted(
        line
        for line in lines
        if any(word == line or (len(word) >= 16 and word in line) for word in english)
    )


STAND_IN_PAGE = "http://127.0.0.1:9/p/abcdefghijklmnopqrstuvwxyz012345"
WELCOME = {"type": "welcome", "v": 1, "cues": [{"key": "calm", "label": "Calm down"}]}
THE_QUESTIONS = ["When did they tense up?", "What should you watch for next time?"]


class StandInPoise:
    """Poise's end of the socket: welcomes, answers pings, and answers the ids in ``answer``
    ("received") only; keeps every message the page sent."""

    def __init__(self) -> None:
        self.heard: list[dict[str, Any]] = []
        self.answering = False
        self.greeting: list[dict[str, Any]] = []  # what Poise says after its welcome
        self.socket: Any = None

    def attach(self, socket: Any) -> None:
        self.socket = socket
        socket.on_message(self._on_message)

    def _on_message(self, frame: str | bytes) -> None:
        message = json.loads(frame)
        self.heard.append(message)
        if message["type"] == "hello":
            for message in [WELCOME, *self.greeting]:
                self.socket.send(json.dumps(message))
        elif message["type"] == "ping":
            self.socket.send(json.dumps({"type": "pong", "n": message["n"]}))
        elif message["type"] in ("observe", "debrief_answer") and self.answering:
            self.socket.send(
                json.dumps({"type": "status", "id": message["id"], "state": "received"})
            )

    def sent(self, kind: str) -> list[dict[str, Any]]:
        return [message for message in self.heard if message["type"] == kind]


@contextmanager
def phone(chromium_path: Path, locale: str = "en-US") -> Iterator[Any]:
    """A phone-sized page in Debian's Chromium in ``locale`` (call from a worker thread when
    Qt must keep turning: see ``in_thread``); closed on the way out."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium_path), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser.new_context(**PHONE, locale=locale).new_page()
        finally:
            browser.close()


@contextmanager
def stand_in_page(chromium_path: Path, poise: StandInPoise, locale: str = "en-US") -> Iterator[Any]:
    """The real page on a phone, its socket's other end ``poise``; the page's clock is the
    test's (``page.clock``)."""
    with phone(chromium_path, locale) as page:
        page.clock.install()
        html = resource_path("partner", "index.html").read_text(encoding="utf-8")
        page.route("**/p/*", lambda route: route.fulfill(body=html, content_type="text/html"))
        page.route_web_socket("**/ws/*", poise.attach)
        page.goto(STAND_IN_PAGE)
        yield page
