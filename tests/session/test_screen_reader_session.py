"""A meeting as a screen reader hears it: the AT-SPI tree of every window, and the cue.

Poise runs on the private desktop with Qt's accessibility bridge on, inside a private
session bus with the AT-SPI bus on it; ``atspi_reader.py`` (the system Python's pyatspi)
reads the tree as Orca does. The walk goes home -> settings -> prepare (with the
partner's brief) -> live -> pairing -> cue -> summary -> recap -> review (a meeting, its
client, the list) and fails on any
showing control a person acts on that has no name, and unless the cue is announced while
the keyboard focus stays in the note being typed. Every window is called a window (a
"frame" or a "dialog", never the "filler" Qt calls a plain widget), and the live window's
step card, notes and cue band say what they are.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.session.desktop import Desktop, PoiseProcess, clean_desktop, wait_until
from tests.session.phone import Phone, pairing_address
from tests.session.screen_reader import (
    Accessible,
    ScreenReader,
    accessibility_bus,
    unnamed_controls,
)

pytestmark = pytest.mark.session

SCREENS = Path(__file__).resolve().parents[1] / "screens" / "screen_reader"
TYPED_DURING_CUE = "They calmed down"
# What a screen reader calls a window; a popup menu or a tool tip is one too.
WINDOW_ROLES = frozenset({"frame", "dialog", "window", "popup menu", "tool tip", "alert"})


def one(objects: list[Accessible], object_name: str) -> Accessible:
    """The showing object whose Qt object name is ``object_name``."""
    found = [o for o in objects if o.identifier.endswith(f".{object_name}") and o.showing]
    assert len(found) == 1, [str(o) for o in found]
    return found[0]


class Listener:
    """Reads the tree at each screen and keeps what has no name, per screen."""

    def __init__(self, reader: ScreenReader, desktop: Desktop) -> None:
        self.reader = reader
        self.desktop = desktop
        self.unnamed: list[str] = []
        self.not_windows: list[str] = []

    def read(self, screen: str, expect: str) -> list[Accessible]:
        """The tree once a name with ``expect`` in it is there; records its unnamed controls."""
        objects = wait_until(
            lambda: (
                (found := self.reader.tree()) and any(expect in o.name for o in found) and found
            ),
            15,
            f"'{expect}' in the accessibility tree ({screen})",
        )
        self.desktop.screenshot(screen)
        self.unnamed += [f"{screen}: {item}" for item in unnamed_controls(objects)]
        self.not_windows += [
            f"{screen}: {item}"
            for item in objects
            if len(item.path) == 1 and item.showing and item.role not in WINDOW_ROLES
        ]
        return objects


def read_and_close(
    app: PoiseProcess, listener: Listener, opener: tuple[str, str], title: str, screen: str
) -> None:
    """Opens a dialog with the button ``opener`` names in its window, has the reader read
    it as ``screen``, and closes it with Escape, as a keyboard user would."""
    window, button = opener
    app.click(window, name=button)
    app.wait_window(title)
    listener.read(screen, title)
    listener.desktop.key("Escape")
    wait_until(lambda: app.window(title) is None, 10, f"'{title}' closed")


def focused_in(objects: list[Accessible], title_part: str) -> list[Accessible]:
    """The focused objects of the window whose title has ``title_part``."""
    frames = [o.path[0] for o in objects if len(o.path) == 1 and title_part in o.name]
    return [
        item
        for item in objects
        if item.path[:1] == frames[:1] and "focused" in item.states and item.showing
    ]


def test_a_screen_reader_hears_every_control_and_the_cue(tmp_path: Path) -> None:
    started = time.monotonic()
    data_dir = tmp_path / "poise-data"
    home = tmp_path / "home"
    home.mkdir()
    with clean_desktop(SCREENS) as desktop, accessibility_bus() as bus_env:
        reader = ScreenReader(bus_env, tmp_path / "atspi-reader.log")
        app = PoiseProcess(
            desktop,
            data_dir,
            extra_env={**bus_env, "POISE_LINK_BIND": "127.0.0.1", "HOME": str(home)},
        )
        listener = Listener(reader, desktop)
        try:
            app.wait_widget("mainWindow", text="playbooks ready", timeout=30)
            listener.read("home", "Review…")
            read_and_close(app, listener, ("mainWindow", "settingsButton"), "Settings", "settings")

            desktop.key("ctrl+n")
            app.wait_window("prepareDialog")
            listener.read("prepare", "New meeting")
            desktop.type_text("Harbor & Finch")
            app.click("prepareDialog", name="meetingTitle")
            desktop.type_text("Missed launch date")
            # A partner named: the brief for them shows, every control of it named too.
            app.click("prepareDialog", name="partnerName")
            desktop.type_text("Dana")
            app.wait_widget("prepareDialog", name="partnerRole")
            listener.read("prepare-brief", "Your partner's role")
            app.click("prepareDialog", name="primaryButton")
            app.wait_widget("prepareDialog", text="Before you start")
            listener.read("prepare-checklist", "Start")
            for box in [w for w in app.widgets("prepareDialog") if w.kind == "QCheckBox"]:
                desktop.click_at(box.x + 8, box.center[1])
            app.click("prepareDialog", name="primaryButton", text="Start")

            live = "liveWindow"
            app.wait_widget(live, name="stepTitle")
            objects = listener.read("live", "Current step: ")
            window = one(objects, "liveWindow")
            assert (window.role, window.name) == ("frame", "Meeting · Poise"), window
            card = one(objects, "stepCard")
            title = " ".join(one(objects, "stepTitle").name.split())  # shown wrapped
            assert (card.role, card.name) == ("panel", f"Current step: {title}"), card
            assert card.description, card  # what to do in the step, said after its name
            notes = one(objects, "NotesPanel")
            assert (notes.role, notes.name) == ("panel", "Meeting notes"), notes
            reader.events()  # what was heard up to now does not count
            desktop.key("Next")
            wait_until(
                lambda: any(
                    e["type"] == "object:announcement" and "Step 2" in str(e["data"])
                    for e in reader.events()
                ),
                10,
                "the next step announced",
            )

            desktop.key("ctrl+p")
            url = pairing_address(app, timeout=15)
            listener.read("pairing", "Partner link ·")
            with Phone(url, SCREENS) as phone:
                phone.expect_text("#link", "Connected")
                phone.read_brief()  # a partner was named: their brief opens first
                desktop.key("ctrl+4")
                desktop.type_text(TYPED_DURING_CUE[:6])
                reader.events()
                phone.tap_cue(0)
                wait_until(lambda: app.find(live, name="cueWords"), 10, "the cue on screen")
                cue_words = app.find(live, name="cueWords")
                assert cue_words is not None
                heard: list[dict[str, object]] = []
                wait_until(
                    lambda: (
                        heard.extend(reader.events())
                        or any(e["type"] == "object:announcement" for e in heard)
                    ),
                    10,
                    "the cue announced",
                )
                announcements = [e for e in heard if e["type"] == "object:announcement"]
                assert any(cue_words.text in str(e["data"]) for e in announcements), announcements
                desktop.type_text(TYPED_DURING_CUE[6:])
                # The focus never left the note: no focus event, the caret's field says it.
                moved = [e for e in heard if e["type"] == "object:state-changed:focused"]
                assert not moved, moved
                objects = listener.read("live-cue", f"Cue: {cue_words.text}")
                band = one(objects, "cueBanner")
                assert band.name == f"Cue: {cue_words.text}", band
                now = focused_in(objects, "Meeting · Poise")
                assert [item.role for item in now] == ["text"], [str(item) for item in now]
                assert now[0].text == TYPED_DURING_CUE, now[0]
                desktop.key("Escape")
                wait_until(lambda: app.find(live, name="cueWords") is None, 10, "the cue gone")

                desktop.key("ctrl+shift+e")
                app.wait_widget(live, name="endMeetingDialog")
                listener.read("end-dialog", "End the meeting?")
                app.click(live, name="primaryButton", text="End")
                app.wait_window("summaryWindow", timeout=15)
            listener.read("summary", "Summary ·")
            opener = ("summaryWindow", "recapDraftButton")
            read_and_close(app, listener, opener, "Recap to send", "recap")

            app.click("summaryWindow", name="openReviewButton")
            app.wait_widget("reviewWindow", name="meetingHeading", text="Harbor", timeout=20)
            listener.read("review-meeting", "All meetings")
            app.click("reviewWindow", name="clientButton")
            listener.read("review-client", "← Back")
            desktop.key("Escape")
            app.click("reviewWindow", text="All meetings", kind="QPushButton")
            listener.read("review-list", "Review ·")
        finally:
            app.kill()
            reader.close()
    assert not listener.unnamed, "controls a screen reader cannot name:\n" + "\n".join(
        listener.unnamed
    )
    assert not listener.not_windows, "windows not called a window:\n" + "\n".join(
        listener.not_windows
    )
    assert time.monotonic() - started < 60
