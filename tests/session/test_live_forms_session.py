"""The live window's notes at its default size (360 x 720), as a person types into them.

On a real X server with openbox, keys only through XTest: a quick line stamped, the
action-item form (Ctrl+I) and the follow-up form (Ctrl+U) opened and typed into, with the
usual text and with "Larger step text". Every screen must show every field at least one
line of its font tall, nothing squeezed below its minimum, nothing elided without its whole
text, nothing clipped (the probe's checks, app/ui/common/fit_checks.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.session.desktop import Desktop, PoiseProcess, private_desktop, wait_until

pytestmark = pytest.mark.session

SCREENS = Path(__file__).resolve().parents[1] / "screens" / "session-live-forms"
LIVE = "liveWindow"
QUICK_LINE = "Real concern is the board on Friday"
ACTION = "Send revised launch plan"
OWNER = "Dana"


@pytest.fixture
def desktop() -> Iterator[Desktop]:
    SCREENS.mkdir(parents=True, exist_ok=True)
    with private_desktop(SCREENS) as running:
        yield running


def start_meeting(desktop: Desktop, app: PoiseProcess) -> None:
    app.wait_widget("mainWindow", text="playbooks ready", timeout=30)
    desktop.key("ctrl+n")
    app.wait_window("prepareDialog")
    app.click("prepareDialog", name="clientPicker")
    desktop.type_text("Harbor & Finch Logistics")
    app.click("prepareDialog", name="meetingTitle")
    desktop.type_text("Missed launch date")
    app.click("prepareDialog", name="primaryButton")
    app.wait_widget("prepareDialog", text="Before you start")
    for box in [w for w in app.widgets("prepareDialog") if w.kind == "QCheckBox"]:
        desktop.click_at(box.x + 8, box.center[1])
    app.click("prepareDialog", name="primaryButton", text="Start")
    app.wait_widget(LIVE, name="stepTitle")


class Look:
    def __init__(self, desktop: Desktop, app: PoiseProcess, tag: str) -> None:
        self.desktop, self.app, self.tag = desktop, app, tag

    def __call__(self, name: str) -> None:
        self.desktop.screenshot(f"{self.tag}-{name}")
        faults = self.app.layout_faults()
        assert not faults, f"{self.tag} {name}:\n" + "\n".join(faults)


@pytest.mark.parametrize("larger_text", [False, True], ids=["normal-text", "larger-text"])
def test_action_item_and_follow_up_forms_at_the_default_size(
    desktop: Desktop, tmp_path: Path, larger_text: bool
) -> None:
    tag = "larger" if larger_text else "normal"
    for old in SCREENS.glob(f"*-{tag}-*.png"):
        old.unlink()
    data_dir = tmp_path / "poise-data"
    data_dir.mkdir()
    if larger_text:
        (data_dir / "settings.json").write_text(
            json.dumps({"large_step_text": True}), encoding="utf-8"
        )
    home = tmp_path / "home"
    home.mkdir()
    app = PoiseProcess(desktop, data_dir, extra_env={"HOME": str(home)})
    look = Look(desktop, app, tag)
    try:
        start_meeting(desktop, app)
        window = app.wait_window(LIVE)
        assert (window["width"], window["height"]) == (360, 720), window

        desktop.key("ctrl+l")
        desktop.type_text(QUICK_LINE)
        desktop.key("Return")
        wait_until(lambda: app.find(LIVE, name="recentStamps", text=QUICK_LINE), 5, "the stamp")

        desktop.key("ctrl+i")
        text_field = app.wait_widget(LIVE, name="actionText")
        desktop.type_text(ACTION)
        app.click(LIVE, name="actionOwner")
        desktop.type_text(OWNER)
        wait_until(lambda: app.find(LIVE, name="actionOwner", text=OWNER), 5, "the owner typed")
        look("action-form")
        assert text_field.height >= 20, text_field
        desktop.key("Return")
        wait_until(lambda: app.find(LIVE, name="actionSummary", text=ACTION), 5, "the item")

        desktop.key("ctrl+u")
        app.wait_widget(LIVE, name="followUpInput")
        desktop.type_text("next tuesday")
        wait_until(
            lambda: app.find(LIVE, name="followUpInput", text="next tuesday"), 5, "the date typed"
        )
        look("follow-up-form")
        desktop.key("Return")
        wait_until(
            lambda: (label := app.find(LIVE, text="Follow up Tue")) is not None and label,
            5,
            "the follow-up date set from 'next tuesday'",
        )
        look("after-forms")
        editor = next(
            w
            for w in app.widgets(LIVE)
            if w.kind == "QPlainTextEdit" and w.name.startswith("note_")
        )
        quick = app.find(LIVE, name="quickLine")
        assert quick is not None
        # The note, typed into most, has more room than any one-line field.
        assert editor.height > quick.height + 16, (editor, quick)
    finally:
        app.kill()
    output = app.output()
    assert "Traceback" not in output, output
