"""A whole meeting as a person lives it, on a real X server with a real window manager.

Poise runs in its own process under Xvfb and openbox; every key and click is an XTest
event (xdotool), as from a keyboard and mouse. The walk goes from a first start through
a meeting with notes, an action item and a follow-up, the review and a restart. It fails
on a crash report, a Python traceback, a Qt warning, or any text the layout clipped, and
saves a screenshot of every screen under tests/screens/session/ to be looked at.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.hotkeys import DEFAULT_BINDINGS, HotkeyAction
from tests.session.desktop import Desktop, PoiseProcess, private_desktop, wait_until
from tests.session.meeting_walk import (
    CLIENT,
    COMMITMENT,
    ENGLISH,
    WHAT_THEY_SAY,
    Walk,
    close_window,
    every_step,
    notes_and_forms,
    partner_mode_asks_the_debrief,
    partner_mode_hears_the_end,
    partner_mode_reads_the_brief,
    prepare_and_start,
)
from tests.session.phone import Phone, pairing_address

pytestmark = pytest.mark.session

SCREENS = Path(__file__).resolve().parents[1] / "screens" / "session"
TYPED_DURING_CUE = "They calmed down once we listened"


@pytest.fixture
def desktop() -> Iterator[Desktop]:
    for old in SCREENS.glob("*.png"):
        old.unlink()
    with private_desktop(SCREENS) as running:
        yield running


def meeting_rows(data_dir: Path) -> list[tuple[str, str | None]]:
    with sqlite3.connect(data_dir / "poise.sqlite3") as connection:
        return connection.execute("SELECT title, ended_at FROM meetings").fetchall()


def note_texts(data_dir: Path) -> str:
    with sqlite3.connect(data_dir / "poise.sqlite3") as connection:
        rows = connection.execute("SELECT text FROM notes").fetchall()
    return "\n".join(row[0] for row in rows)


def test_a_whole_meeting_on_a_real_desktop(desktop: Desktop, tmp_path: Path) -> None:
    data_dir = tmp_path / "poise-data"
    home = tmp_path / "home"
    home.mkdir()
    app = PoiseProcess(
        desktop, data_dir, extra_env={"POISE_LINK_BIND": "127.0.0.1", "HOME": str(home)}
    )
    walk = Walk(desktop, app)
    try:
        # First start: the home window, the database created, no meetings yet.
        app.wait_widget("mainWindow", text="playbooks ready", timeout=30)
        walk.look("home-first-start")

        # Prepare: client, title, partner; then the checklist.
        prepare_and_start(walk, ENGLISH)

        # Live: steps by keys, notes in three fields, a quick line, an action item.
        live = "liveWindow"
        every_step(walk, ENGLISH)
        notes_and_forms(walk)

        # The partner link in one step; the phone connects, the QR goes away.
        desktop.key("ctrl+p")
        url_field = app.wait_widget("pairingWindow", name="pairingUrl", timeout=15)
        url = pairing_address(app)
        assert url_field is not None
        walk.look("partner-link-on")
        with Phone(url, SCREENS) as phone:
            phone.expect_text("#link", "Connected")
            phone.read_brief()  # a partner was named: their brief opens first
            wait_until(
                lambda: app.find("pairingWindow", name="pairingQr") is None,
                10,
                "the QR code to hide once the partner is connected",
            )
            walk.look("partner-connected")
            phone.shot("phone-connected")

            # A cue arrives while the user types: it shows, and the caret stays in the note.
            desktop.key("ctrl+4")
            desktop.type_text(TYPED_DURING_CUE[:12])
            phone.tap_cue(0)
            wait_until(lambda: app.find(live, name="cueWords"), 10, "the cue on the live window")
            desktop.type_text(TYPED_DURING_CUE[12:])
            assert (app.focus() or {}).get("class") == "QPlainTextEdit", app.focus()
            walk.look("live-cue-shown")
            phone.expect_state("#delivery", "shown")
            phone.shot("phone-cue-shown")
            desktop.key("Escape")
            phone.expect_state("#delivery", "acknowledged")
            walk.look("live-cue-acknowledged")

            # The user asks the partner to step in; the phone answers in one tap.
            app.click(live, name="askPartnerButton")
            phone.answer_request()
            walk.look("live-partner-answered")
            phone.shot("phone-request-answered")

            # A second Poise in partner mode sends a cue too.
            partner_app = PoiseProcess(
                desktop,
                tmp_path / "partner-data",
                "partner",
                url,
                name="partner",
                extra_env={"HOME": str(home)},
            )
            try:
                partner_mode_reads_the_brief(walk, partner_app)
                partner_app.wait_widget("partnerWindow", name="cueButton", timeout=30)
                wait_until(
                    lambda: (
                        (s := partner_app.find("partnerWindow", name="linkState"))
                        and "onnected" in s.text
                    ),
                    15,
                    "partner mode to connect",
                )
                walk.app = partner_app
                walk.look("partner-mode")
                walk.app = app
                partner_app.click("partnerWindow", name="cueButton")
                wait_until(lambda: app.find(live, name="cueWords"), 10, "the second cue")
                walk.look("live-cue-from-partner-mode")
                live_window = app.wait_window(live)
                desktop.click_at(live_window["x"] + live_window["width"] // 2, live_window["y"] - 8)
                desktop.key("Escape")
                wait_until(
                    lambda: app.find(live, name="cueWords") is None,
                    10,
                    "the second cue acknowledged",
                )

                # Panic hide: every Poise window goes, the meeting goes on, and comes back.
                hide_key = xdotool_chord(DEFAULT_BINDINGS[HotkeyAction.TOGGLE_HIDDEN])
                desktop.key(hide_key)
                wait_until(lambda: app.window(live) is None, 10, "panic hide")
                walk.look("panic-hidden", expect_windows=False)
                desktop.key(hide_key)
                app.wait_window(live, timeout=10)
                walk.look("panic-restored")

                # End: the phone and partner mode ask the debrief while the summary is open.
                desktop.key("ctrl+shift+e")
                app.wait_widget(live, name="endMeetingDialog")
                walk.look("end-dialog")
                app.click(live, name="primaryButton", text="End")
                # The phone asks the debrief now, and thanks once the answer arrived.
                phone.answer_debrief("When the launch date came up")
                phone.shot("phone-debrief-thanked")
                partner_mode_asks_the_debrief(walk, partner_app, ENGLISH)
                # The summary: while it is open the link stays for the partner's debrief
                # (issue 25); the review opens from it, then closing it ends the link.
                app.wait_window("summaryWindow", timeout=15)
                walk.look("summary")
                app.click("summaryWindow", name="openReviewButton")
                app.wait_widget("reviewWindow", name="meetingHeading", text="Harbor", timeout=20)
                close_window(desktop, app, "summaryWindow")
                phone.expect_text("#link", "Meeting ended")
                phone.shot("phone-meeting-ended")
                partner_mode_hears_the_end(walk, partner_app, ENGLISH)
            finally:
                partner_app.kill()
            check_clean(partner_app, tmp_path / "partner-data")

        wait_until(
            lambda: any(ended for _t, ended in meeting_rows(data_dir)),
            10,
            "the meeting's end in the database",
        )
        assert WHAT_THEY_SAY in note_texts(data_dir)
        assert TYPED_DURING_CUE in note_texts(data_dir)

        # Review (opened from the summary): the meeting page, the timeline, every export.
        walk.look("review-meeting-page")
        strip = app.wait_widget("reviewWindow", kind="TimelineStrip")
        # A person clicks into the window they want to read; Qt shows tooltips in it then.
        app.click("reviewWindow", name="meetingHeading")
        wait_until(
            lambda: (w := app.window("reviewWindow")) and w["active"],
            5,
            "the review window to be active",
        )
        # Over the step lane at its top, where the tooltip names the step.
        desktop.move_to(strip.x + strip.width // 2, strip.y + 6)
        desktop.move_to(strip.x + strip.width // 2 + 3, strip.y + 8)
        tip = app.wait_window("qtooltip_label", timeout=10)
        assert "Step" in tip["text"], tip
        walk.look("review-timeline-tooltip")
        for button, suffix in (("Markdown…", "md"), ("PDF…", "pdf"), ("Calendar…", "ics")):
            target = home / f"meeting.{suffix}"
            # The last export's dialog may still be in the probe: wait until it is gone, or
            # the click and the typing land where it was and not in the new dialog.
            wait_until(lambda: app.window("Export meeting") is None, 10, "the last dialog gone")
            app.click("reviewWindow", text=button, kind="QPushButton")
            file_name = app.wait_widget("Export meeting", name="fileNameEdit")
            desktop.click_at(*file_name.center)
            desktop.key("ctrl+a")
            desktop.type_text(str(target))
            app.wait_widget("Export meeting", name="fileNameEdit", text=str(target))
            walk.look(f"export-{suffix}-dialog")
            desktop.key("Return")
            wait_until(
                lambda t=target: t.is_file() and t.stat().st_size > 0,
                15,
                f"the {suffix} export on disk",
            )
        assert COMMITMENT in (home / "meeting.md").read_text(encoding="utf-8")

        # Search finds a word typed during the meeting.
        app.click("reviewWindow", text="All meetings", kind="QPushButton")
        app.click("reviewWindow", name="searchBox")
        desktop.type_text("slipped")
        wait_until(lambda: rows(app, "reviewWindow", "searchResults"), 10, "a search result")
        walk.look("review-search")

        # Quit by closing every window, as a person does; start again: everything is there.
        for name in ("reviewWindow", "mainWindow"):
            close_window(desktop, app, name)
        assert app.wait_exit(20) == 0
    finally:
        app.kill()
    check_clean(app, data_dir)

    again = PoiseProcess(desktop, data_dir, name="poise-again", extra_env={"HOME": str(home)})
    try:
        again.wait_widget("mainWindow", text="playbooks ready", timeout=30)
        recent = wait_until(
            lambda: rows(again, "mainWindow", "recentMeetings"),
            10,
            "the recent meetings after a restart",
        )
        assert any(CLIENT in item for item in recent), recent
        walk.app = again
        walk.look("home-after-restart")
    finally:
        again.kill()
    check_clean(again, data_dir)
    assert WHAT_THEY_SAY in note_texts(data_dir)
    assert not walk.clipped, "\n".join(walk.clipped)


def xdotool_chord(combo: str) -> str:
    """A Poise key combination ("ctrl+alt+h") as xdotool names it."""
    names = {
        "right": "Right",
        "left": "Left",
        "space": "space",
        "pageup": "Prior",
        "pagedown": "Next",
        "up": "Up",
        "down": "Down",
    }
    return "+".join(names.get(part.lower(), part.lower()) for part in combo.split("+"))


def rows(app: PoiseProcess, window: str, name: str) -> list[str]:
    widget = app.find(window, name=name)
    if widget is None:
        return []
    return list(widget.raw.get("items", [])) if widget.raw.get("rows") else []


def check_clean(app: PoiseProcess, data_dir: Path) -> None:
    output = app.output()
    assert "Traceback" not in output, output
    assert not app.qt_messages(), app.qt_messages()
    reports = list((data_dir / "crash-reports").glob("*"))
    assert not reports, f"crash reports: {reports}"
