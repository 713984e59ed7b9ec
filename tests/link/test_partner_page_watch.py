"""The partner as a second pair of eyes on the phone page (issue 25), in Debian's Chromium
against a real meeting and the real LAN server: the brief opens by itself and again with
one tap, the step and its running time show, two quiet observations and a cue reach the
meeting (the observations stamped with the step, nothing of them on the live window), the
debrief after it, "Thank you" once every answer arrived, and nothing left on the phone.
In German the page says none of its English words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.domain.partner_watch import QuickObservation
from app.ui.live.end_dialog import EndMeetingDialog
from app.ui.live.session import LiveSession
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
    english_on,
    note_words,
    phone,
    read_brief,
    tap_observation,
)
from tests.link.test_partner_page_browser import chromium_path

__all__ = ["chromium_path"]

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]


def end_keeping_the_summary(qtbot: QtBot, meeting: RealMeeting) -> Any:
    """The user ends the meeting; the summary stays open (the debrief's time)."""
    window = meeting.flow.live_window
    assert window is not None
    qtbot.mouseClick(window.end_button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(EndMeetingDialog, "endMeetingDialog")
    assert dialog is not None
    with qtbot.waitSignal(meeting.flow.summaryShown, timeout=5000) as shown:
        qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
    return shown.args[0]


def briefed_meeting(
    real_meeting: RealMeeting, monkeypatch: pytest.MonkeyPatch
) -> tuple[LiveSession, Any, str]:
    """A meeting whose plan carried the brief, the partner link on."""
    brief_every_plan(monkeypatch)
    session, window = real_meeting.start()
    assert session.partner_brief == THE_BRIEF
    server = real_meeting.link_on()
    return session, window, server.pairing_url()


def visible_words(window: Any) -> str:
    return " ".join(
        label.text() for label in window.findChildren(QLabel) if label.isVisibleTo(window)
    )


def test_brief_observations_cue_and_debrief_on_the_phone(
    qtbot: QtBot,
    chromium_path: Path,
    real_meeting: RealMeeting,
    screens_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session, window, url = briefed_meeting(real_meeting, monkeypatch)
    step_title = session.domain.current_step.title
    qt = QtThreadCalls()
    summaries: list[Any] = []

    def on_the_phone() -> dict[str, Any]:
        from playwright.sync_api import expect

        seen: dict[str, Any] = {}
        with phone(chromium_path) as page:
            page.goto(url)
            # The brief, as soon as connected; "Got it" closes it, one tap opens it again.
            seen["brief"] = read_brief(page)
            page.screenshot(path=screens_dir / "partner_page_brief.png")
            close_brief(page)
            page.locator("#briefOpen").click()
            expect(page.locator("#brief")).to_be_visible()
            close_brief(page)

            # Where we are: the step's title, and a time that runs on by itself.
            expect(page.locator("#whereTitle")).to_have_text(step_title)
            seen["step"] = page.locator("#whereStep").inner_text()
            first = page.locator("#whereTime").inner_text()
            expect(page.locator("#whereTime")).not_to_have_text(first, timeout=3000)

            # Two quiet observations and a cue.
            seen["tap"] = tap_observation(page, QuickObservation.BODY_LANGUAGE_CLOSED)
            seen["words"] = note_words(page, WORDS)
            expect(page.locator("#words")).to_have_value("")
            page.locator("button.cue").first.click()
            expect(page.locator("#delivery")).to_have_attribute("data-state", "shown")
            page.screenshot(path=screens_dir / "partner_page_observed.png")
            seen["live window"] = qt.call(lambda: visible_words(window))
            qt.call(session.acknowledge_cue)
            expect(page.locator("#delivery")).to_have_attribute("data-state", "acknowledged")

            # The meeting ends: the debrief, with the summary still open.
            qt.call(lambda: summaries.append(end_keeping_the_summary(qtbot, real_meeting)))
            expect(page.locator("#debrief")).to_be_visible()
            expect(page.locator("#cues")).to_be_hidden()
            expect(page.locator("#observe")).to_be_hidden()
            seen["questions"] = page.locator("#debrief label").all_inner_texts()
            page.screenshot(path=screens_dir / "partner_page_debrief.png")
            seen["thanks"] = answer_debrief(page, ANSWERS)
            page.screenshot(path=screens_dir / "partner_page_thanked.png")

            # The user closes the summary: the link ends, and the phone keeps nothing.
            qt.call(lambda: summaries[0].close())
            expect(page.locator("#link")).to_have_text("Meeting ended")
            seen["left"] = page.evaluate(STORAGE_LEFT)
            page.screenshot(path=screens_dir / "partner_page_after_debrief.png")
        return seen

    seen = in_thread(qtbot, on_the_phone, timeout_ms=90000, qt_calls=qt)
    assert seen["brief"] == {
        "role": THE_BRIEF.role,
        "signs": ["Interrupting the client", "Promising a date", "Tapping my pen new"],
        "cues": "Calm down\nI am talking over the client",
        "changed": True,
    }
    assert seen["step"] == f"Step 1 of {len(session.domain.steps)}"
    assert (seen["tap"], seen["words"]) == ("Noted", "Noted")
    assert WORDS not in seen["live window"] and "Body language" not in seen["live window"]
    assert seen["thanks"] == "Thank you. Your answers arrived."
    assert seen["left"] == NOTHING_LEFT

    arrivals = session.from_partner
    assert [(o.kind, o.words) for o in arrivals.observations] == [
        (QuickObservation.BODY_LANGUAGE_CLOSED, ""),
        (None, WORDS),
    ]
    assert {o.step_title for o in arrivals.observations} == {step_title}
    asked = seen["questions"]
    assert [(a.question, a.answer) for a in arrivals.debrief] == [
        (asked[0], ANSWERS[0]),
        (asked[2], ANSWERS[2]),
    ]
    for summary in summaries:
        if shiboken6.isValid(summary):
            summary.deleteLater()


def test_the_phone_page_in_german_says_no_english(
    qtbot: QtBot,
    chromium_path: Path,
    real_meeting: RealMeeting,
    screens_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session, _window, url = briefed_meeting(real_meeting, monkeypatch)
    qt = QtThreadCalls()
    summaries: list[Any] = []

    def on_a_german_phone() -> dict[str, list[str]]:
        from playwright.sync_api import expect

        left: dict[str, list[str]] = {}
        with phone(chromium_path, "de-DE") as page:
            page.goto(url)
            expect(page.locator("#brief")).to_be_visible(timeout=15000)
            left["brief"] = english_on(page)
            page.screenshot(path=screens_dir / "partner_page_brief_de.png")
            page.locator("#briefClose").click()
            button = page.locator(f'.quick button[data-kind="{QuickObservation.REAL_DRIVER}"]')
            button.click()
            expect(button.locator(".state")).to_have_text("Notiert", timeout=15000)
            page.locator("button.cue").first.click()
            expect(page.locator("#delivery")).to_have_attribute("data-state", "shown")
            left["meeting"] = english_on(page)
            page.screenshot(path=screens_dir / "partner_page_meeting_de.png")
            qt.call(lambda: summaries.append(end_keeping_the_summary(qtbot, real_meeting)))
            expect(page.locator("#debrief")).to_be_visible(timeout=15000)
            page.locator("#debriefSend").click()  # nothing written yet: it says so
            expect(page.locator("#debriefState")).to_have_attribute("data-state", "rejected")
            left["debrief"] = english_on(page)
            page.screenshot(path=screens_dir / "partner_page_debrief_de.png")
            page.locator("#answer0").fill("Beim Preis")
            page.locator("#debriefSend").click()
            expect(page.locator("#debriefState")).to_have_attribute("data-state", "thanked")
            qt.call(lambda: summaries[0].close())
            expect(page.locator("#link")).to_have_text("Besprechung beendet", timeout=15000)
            left["ended"] = english_on(page)
            page.screenshot(path=screens_dir / "partner_page_ended_de.png")
        return left

    left = in_thread(qtbot, on_a_german_phone, timeout_ms=90000, qt_calls=qt)
    assert left == {"brief": [], "meeting": [], "debrief": [], "ended": []}
    assert [a.answer for a in session.from_partner.debrief] == ["Beim Preis"]
    QApplication.processEvents()
