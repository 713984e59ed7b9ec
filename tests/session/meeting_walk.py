"""The parts of a meeting walk that more than one real-session test takes, in any language.

``test_real_session`` walks a whole meeting in English; ``test_german_session`` walks the
same prepare dialog, steps, notes and forms with Poise speaking German. What each waits
for on screen is in ``Words``: the rest goes by object names, whatever the language.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from tests.session.desktop import Desktop, PoiseProcess, wait_until

CLIENT = "Harbor & Finch Logistics"
TITLE = "Missed launch date"
WHAT_THEY_SAY = "The launch slipped twice and nobody called us"
REAL_CONCERN = "Their board meets Friday"
COMMITMENT = "Daily status note until launch"
QUICK_LINE = "They want one contact person"
ACTION = "Send revised launch plan"


@dataclass(frozen=True)
class Words:
    """The words on screen the walk waits for, as the app's language writes them."""

    checklist_heading: str  # the prepare dialog's second page
    start_button: str  # part of the text of the button that starts the meeting
    step_prefix: str  # "Step {n} " of the live window's position line
    meeting_ended: str  # in partner mode's link line once the meeting is over (any case)
    debrief_heading: str  # partner mode's heading once the meeting is over: the debrief


ENGLISH = Words("Before you start", "Start", "Step {n} ", "ended", "After the meeting")


class Walk:
    """The checks every screen of the walk gets: a screenshot, no clipped text."""

    def __init__(self, desktop: Desktop, app: PoiseProcess) -> None:
        self.desktop = desktop
        self.app = app
        self.clipped: list[str] = []

    def look(self, name: str, *, expect_windows: bool = True) -> None:
        if expect_windows:
            wait_until(lambda: self.app.windows(), 10, "a window on screen")
        self.desktop.screenshot(name)
        self.clipped += [f"{name}: {text}" for text in self.app.layout_faults()]


def prepare_and_start(
    walk: Walk, words: Words, client: str = CLIENT, title: str = TITLE, partner: str = "Dana"
) -> None:
    """Ctrl+N, the meeting's details typed, every box of the checklist ticked, Start."""
    app, desktop = walk.app, walk.desktop
    desktop.key("ctrl+n")
    app.wait_window("prepareDialog")
    app.click("prepareDialog", name="clientPicker")
    desktop.type_text(client)
    app.click("prepareDialog", name="meetingTitle")
    desktop.type_text(title)
    app.click("prepareDialog", name="partnerName")
    desktop.type_text(partner)
    walk.look("prepare")
    app.click("prepareDialog", name="primaryButton")
    app.wait_widget("prepareDialog", text=words.checklist_heading)
    for box in [w for w in app.widgets("prepareDialog") if w.kind == "QCheckBox"]:
        desktop.click_at(box.x + 8, box.center[1])
    walk.look("checklist")
    app.click("prepareDialog", name="primaryButton", text=words.start_button)


def every_step(walk: Walk, words: Words) -> None:
    """From the first step to the last by the clicker's key: each shows whole, nothing
    scrolls; then back one step (PageUp)."""
    app, desktop, live = walk.app, walk.desktop, "liveWindow"
    app.wait_widget(live, name="stepTitle")
    walk.look("live-step-1")
    first_title = app.find(live, name="stepTitle")
    assert first_title is not None
    desktop.key("Next")
    wait_until(
        lambda: (t := app.find(live, name="stepTitle")) and t.text != first_title.text,
        5,
        "PageDown to move to the next step",
    )
    walk.look("live-step-2")
    position = app.wait_widget(live, name="stepPosition")
    total = int(position.text.rsplit(" ", 1)[-1])
    for number in range(3, total + 1):
        desktop.key("Next")
        prefix = words.step_prefix.format(n=number)
        wait_until(
            lambda prefix=prefix: (
                (p := app.find(live, name="stepPosition")) and p.text.startswith(prefix)
            ),
            5,
            f"step {number}",
        )
        walk.look(f"live-step-{number}")
        scrolling = [
            w.name or w.kind
            for w in app.widgets(live)
            if w.raw.get("scrolls") and w.kind != "QPlainTextEdit"
        ]
        assert not scrolling, f"step {number}: {scrolling} scroll"
    desktop.key("Prior")


def notes_and_forms(walk: Walk) -> None:
    """Three note fields, a quick line, an action item and a follow-up date, by keys."""
    app, desktop, live = walk.app, walk.desktop, "liveWindow"
    for chord, text in (
        ("ctrl+1", WHAT_THEY_SAY),
        ("ctrl+2", REAL_CONCERN),
        ("ctrl+3", COMMITMENT),
    ):
        desktop.key(chord)
        desktop.type_text(text)
    walk.look("live-notes")
    desktop.key("ctrl+l")
    desktop.type_text(QUICK_LINE)
    desktop.key("Return")
    desktop.key("ctrl+i")
    app.click(live, name="actionText")
    desktop.type_text(ACTION)
    walk.look("live-action-form")
    desktop.key("Return")
    walk.look("live-action-item")
    desktop.key("ctrl+u")
    app.click(live, name="followUpInput")
    desktop.type_text("+3")
    walk.look("live-follow-up-form")
    desktop.key("Return")
    walk.look("live-follow-up")


def close_window(desktop: Desktop, app: PoiseProcess, name: str) -> None:
    """Click the window's title bar, then Alt+F4 (openbox closes the active window).

    Raised first, as a person brings a window forward: another may lie over its title bar."""
    window = app.wait_window(name)
    if not window["active"]:
        with contextlib.suppress(AssertionError):  # xdotool exits 1 when nothing matches
            mine = desktop.xdotool("search", "--onlyvisible", "--pid", str(app.process.pid))
            for found in mine.split():
                if desktop.xdotool("getwindowname", found).strip() == window["title"]:
                    desktop.xdotool("windowraise", found)
    desktop.click_at(window["x"] + window["width"] // 2, window["y"] - 8)
    wait_until(lambda: (w := app.window(name)) is None or w["active"], 5, f"{name} active")
    desktop.key("alt+F4")
    wait_until(
        lambda: app.window(name) is None or app.process.poll() is not None, 10, f"{name} to close"
    )


def partner_mode_reads_the_brief(walk: Walk, partner_app: PoiseProcess) -> None:
    """A partner was named: partner mode opens the brief as it connects; "Got it" closes it."""
    close = partner_app.wait_widget("partnerWindow", name="briefClose", timeout=30)
    walk.desktop.click_at(*close.center)


def partner_mode_asks_the_debrief(walk: Walk, partner_app: PoiseProcess, words: Words) -> None:
    """The meeting ended: partner mode asks the debrief (the link stays for it while the
    user's summary is open)."""
    partner_app.wait_widget("partnerWindow", name="debriefHeading", text=words.debrief_heading)
    app, walk.app = walk.app, partner_app
    walk.look("partner-mode-debrief")
    walk.app = app


def partner_mode_hears_the_end(walk: Walk, partner_app: PoiseProcess, words: Words) -> None:
    """Partner mode says the meeting ended; its window closed, it exits cleanly."""
    wait_until(
        lambda: (
            (s := partner_app.find("partnerWindow", name="linkState"))
            and words.meeting_ended in s.text.lower()
        ),
        15,
        "partner mode to hear the end",
    )
    app, walk.app = walk.app, partner_app
    walk.look("partner-mode-ended")
    walk.app = app
    close_window(walk.desktop, partner_app, "partnerWindow")
    assert partner_app.wait_exit(20) == 0
