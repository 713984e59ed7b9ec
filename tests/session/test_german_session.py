"""The real-session walk once more with Poise speaking German (``LANG=de_DE.UTF-8``).

The same prepare dialog, steps, notes and forms as ``test_real_session`` (shared in
``meeting_walk``), then the partner link, a cue from a second Poise in partner mode (in
German too), the end and the summary. It fails on text the layout clipped or squeezed,
on text drawn over other text, and on any English the live, prepare and partner rooms
wrote themselves (names, notes and playbook text are data and do not count).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.english_left import english_left
from tests.session.desktop import Desktop, PoiseProcess, clean_desktop, wait_until
from tests.session.meeting_walk import (
    Walk,
    Words,
    close_window,
    every_step,
    notes_and_forms,
    partner_mode_asks_the_debrief,
    partner_mode_hears_the_end,
    partner_mode_reads_the_brief,
    prepare_and_start,
)
from tests.session.phone import pairing_address
from tests.session.test_real_session import check_clean

pytestmark = pytest.mark.session

SCREENS = Path(__file__).resolve().parents[1] / "screens" / "session-de"
GERMAN = Words(
    "Vor dem Start", "Besprechung starten", "Schritt {n} ", "beendet", "Nach der Besprechung"
)
# LANG as a German desktop sets it; LANGUAGE and LC_ALL too, so no English from the
# machine running the test wins over it.
GERMAN_ENV = {"LANG": "de_DE.UTF-8", "LANGUAGE": "de", "LC_ALL": "de_DE.UTF-8"}
CLIENT = "Donaudampfschifffahrtsgesellschaft"
ENGLISH_KEYS = re.compile(r"\b(Ctrl|Shift)\+")
TITLE = "Gewährleistungsansprüche"
PARTS = ("live", "prepare", "partner", "settings")
# Fields hold what was typed (the user's words, in any language), not Poise's own text.
TYPED_KINDS = {"QLineEdit", "WrappingField"}
# The windows these rooms show: what they say is checked for English left in it.
OUR_WINDOWS = (
    "settingsDialog",
    "prepareDialog",
    "liveWindow",
    "pairingWindow",
    "partnerWindow",
    "summaryWindow",
)


class GermanWalk(Walk):
    """Each screen also read for English left (clipped, squeezed and overlapping text are
    the probe's fit problems, which every walk checks)."""

    def __init__(self, desktop: Desktop, app: PoiseProcess) -> None:
        super().__init__(desktop, app)
        self.english: list[str] = []

    def look(self, name: str, *, expect_windows: bool = True) -> None:
        super().look(name, expect_windows=expect_windows)
        for window in self.app.windows():
            if window["name"] not in OUR_WINDOWS:
                continue
            widgets = self.app.widgets(window["name"])
            texts = [window["title"], *(w.text for w in widgets if w.kind not in TYPED_KINDS)]
            self.english += [f"{name}: {line}" for line in english_left(texts, PARTS)]
            # Qt's portable key names ("Ctrl+P") where a German keyboard says "Strg+P".
            self.english += [f"{name}: {line}" for line in texts if ENGLISH_KEYS.search(line)]


@pytest.fixture
def desktop() -> Iterator[Desktop]:
    with clean_desktop(SCREENS) as running:
        yield running


def test_a_meeting_in_german_on_a_real_desktop(desktop: Desktop, tmp_path: Path) -> None:
    data_dir = tmp_path / "poise-data"
    home = tmp_path / "home"
    home.mkdir()
    env = {"POISE_LINK_BIND": "127.0.0.1", "HOME": str(home), **GERMAN_ENV}
    app = PoiseProcess(desktop, data_dir, extra_env=env)
    walk = GermanWalk(desktop, app)
    try:
        # The playbooks are loaded once the home window counts them.
        wait_until(
            lambda: any(
                w.kind == "QLabel" and w.text[:1].isdigit() for w in app.widgets("mainWindow")
            ),
            30,
            "the home window's playbook count",
        )
        # Settings: its default button "Speichern" is bold, with an icon on X11.
        app.click("mainWindow", name="settingsButton")
        app.wait_window("settingsDialog")
        save = app.wait_widget("settingsDialog", kind="QPushButton", text="Speichern")
        walk.look("settings")
        desktop.key("Escape")
        wait_until(lambda: app.window("settingsDialog") is None, 10, "Settings to close")
        assert not [c for c in walk.clipped if "Speichern" in c], (save, walk.clipped)
        prepare_and_start(walk, GERMAN, client=CLIENT, title=TITLE, partner="Maximiliane")
        position = app.wait_widget("liveWindow", name="stepPosition")
        assert position.text.startswith("Schritt 1 von "), position.text
        every_step(walk, GERMAN)
        notes_and_forms(walk)

        # The partner link, and a second Poise in partner mode sending a cue.
        desktop.key("ctrl+p")
        url = pairing_address(app, timeout=15)
        walk.look("partner-link-on")
        partner_app = PoiseProcess(
            desktop, tmp_path / "partner-data", "partner", url, name="partner", extra_env=env
        )
        try:
            partner_mode_reads_the_brief(walk, partner_app)
            partner_app.wait_widget("partnerWindow", name="cueButton", timeout=30)
            wait_until(
                lambda: (
                    (s := partner_app.find("partnerWindow", name="linkState"))
                    and s.text == "Verbunden"
                ),
                15,
                "partner mode to connect",
            )
            walk.app = partner_app
            walk.look("partner-mode")
            walk.app = app
            partner_app.click("partnerWindow", name="cueButton")
            wait_until(lambda: app.find("liveWindow", name="cueWords"), 10, "the cue")
            walk.look("live-cue")
            hint = app.find("liveWindow", name="cueHint")
            assert hint is not None and "verstanden" in hint.text, hint
            live_window = app.wait_window("liveWindow")
            desktop.click_at(live_window["x"] + live_window["width"] // 2, live_window["y"] - 8)
            desktop.key("Escape")
            wait_until(lambda: app.find("liveWindow", name="cueWords") is None, 10, "the cue seen")
            walk.app = partner_app
            wait_until(
                lambda: partner_app.find("partnerWindow", name="pressState", text="Bestätigt"),
                10,
                "partner mode to hear the cue was seen",
            )
            walk.look("partner-mode-acknowledged")
            walk.app = app

            # The end, and the summary.
            desktop.key("ctrl+shift+e")
            app.wait_widget("liveWindow", name="endMeetingDialog")
            walk.look("end-dialog")
            app.click("liveWindow", name="primaryButton", text="Beenden")
            partner_mode_asks_the_debrief(walk, partner_app, GERMAN)
            # The link stays for the partner's debrief while the summary is open (issue 25).
            app.wait_widget("summaryWindow", name="heading", text="Besprechung beendet", timeout=15)
            walk.look("summary")
            close_window(desktop, app, "summaryWindow")
            partner_mode_hears_the_end(walk, partner_app, GERMAN)
        finally:
            partner_app.kill()
        check_clean(partner_app, tmp_path / "partner-data")

        close_window(desktop, app, "mainWindow")
        assert app.wait_exit(20) == 0
    finally:
        app.kill()
    check_clean(app, data_dir)
    assert not walk.clipped, "\n".join(walk.clipped)
    assert not walk.english, "\n".join(walk.english)
