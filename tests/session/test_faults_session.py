"""Issue 26 on a real desktop: no silent failure, no message that lies.

Three walks on the session fixtures (Xvfb, openbox, XTest through xdotool, the screen
probe), each a few seconds:

- Settings saved in the middle of a meeting, then the system-wide step key pressed while
  another X client (xmessage) has the focus: the step still moves.
- A real SIGKILL of the app mid-meeting, a restart, Resume, End: the summary's cues,
  stamped lines and step times are the ones the store (and so the review) holds.
- Open in mail with an ``xdg-open`` that fails first on the app's PATH: no window may
  claim success for an action whose process failed, and the recap's words reach no log.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from app.domain.hotkeys import DEFAULT_BINDINGS, HotkeyAction
from tests.session.desktop import Desktop, PoiseProcess, Widget, private_desktop, wait_until
from tests.session.test_real_session import check_clean, xdotool_chord

pytestmark = pytest.mark.session

SCREENS = Path(__file__).resolve().parents[1] / "screens" / "session-faults"
CLIENT = "Birchwood Dental"
HEARD = "The invoice doubled in March"
STAMPED = "They want one named contact"
# Words a window uses to say an action went through.
SUCCESS_WORDS = re.compile(r"\b(sent|handed|saved|opened|done|copied)\b", re.IGNORECASE)


@pytest.fixture
def desktop() -> Iterator[Desktop]:
    for old in SCREENS.glob("*.png"):
        old.unlink()
    with private_desktop(SCREENS) as running:
        yield running


def start_meeting(app: PoiseProcess, desktop: Desktop) -> None:
    app.wait_widget("mainWindow", text="playbooks ready", timeout=30)
    desktop.key("ctrl+n")
    app.wait_window("prepareDialog")
    app.click("prepareDialog", name="clientPicker")
    desktop.type_text(CLIENT)
    # Keys reach a loaded X server late: press on only once the client is in the field.
    app.wait_widget("prepareDialog", name="clientPicker", text=CLIENT)
    app.click("prepareDialog", name="primaryButton")
    app.wait_widget("prepareDialog", text="Before you start")
    app.click("prepareDialog", name="primaryButton", text="Start")
    app.wait_widget("liveWindow", name="stepPosition", text="Step 1 ")


def step_number(app: PoiseProcess) -> int:
    position = app.find("liveWindow", name="stepPosition")
    return int(position.text.split()[1]) if position is not None else 0


def other_x_client(desktop: Desktop, title: str) -> subprocess.Popen[bytes]:
    """Another program's window (xmessage), given the focus as a person clicks into it."""
    other = subprocess.Popen(
        ["xmessage", "-title", title, "-geometry", "+900+500", "another program has the focus"],
        env={**os.environ, **desktop.env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    window = wait_until(
        lambda: (
            desktop.xdotool("search", "--name", title).split() if _found(desktop, title) else []
        ),
        10,
        "the other program's window",
    )[0]
    desktop.xdotool("windowactivate", "--sync", window)
    return other


def _found(desktop: Desktop, title: str) -> bool:
    try:
        return bool(desktop.xdotool("search", "--name", title))
    except AssertionError:  # xdotool exits 1 while nothing matches
        return False


def test_settings_saved_mid_meeting_keep_the_system_wide_step_keys(
    desktop: Desktop, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    app = PoiseProcess(desktop, tmp_path / "data", extra_env={"HOME": str(home)})
    chord = xdotool_chord(DEFAULT_BINDINGS[HotkeyAction.NEXT_STEP].replace("_", ""))
    other: subprocess.Popen[bytes] | None = None
    try:
        start_meeting(app, desktop)
        other = other_x_client(desktop, "Another program")
        desktop.key(chord)
        wait_until(lambda: step_number(app) == 2, 5, "the key from another window, before")

        # Settings from the home window, Save with no change, as in the issue.
        app.click("mainWindow", name="settingsButton")
        app.wait_window("settingsDialog")
        desktop.screenshot("settings-open-mid-meeting")
        app.click("settingsDialog", kind="QPushButton", text="Save")
        wait_until(lambda: app.window("settingsDialog") is None, 10, "Settings to close")

        assert other.poll() is None
        window = desktop.xdotool("search", "--name", "Another program").split()[0]
        desktop.xdotool("windowactivate", "--sync", window)
        desktop.key(chord)
        wait_until(lambda: step_number(app) == 3, 5, "the key from another window, after Save")
        keys_line = app.find("liveWindow", name="keysLine")
        assert keys_line is None, f"the live window says keys are not heard: {keys_line}"
        desktop.screenshot("keys-still-heard-after-save")
    finally:
        if other is not None:
            other.kill()
            other.wait(10)
        app.kill()
    check_clean(app, tmp_path / "data")


def failing_opener(folder: Path) -> Path:
    """An ``xdg-open`` as on a desktop with no mail program: it says why, and fails."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "xdg-open"
    log = folder / "xdg-open.log"
    script.write_text(
        "#!/bin/sh\n"
        f"echo \"xdg-open: no method available for opening '$1'\" >&2\n"
        f'echo "exit 3" >> "{log}"\n'
        "exit 3\n"
    )
    script.chmod(0o755)
    return log


def stored(data_dir: Path, query: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(data_dir / "poise.sqlite3") as connection:
        return connection.execute(query).fetchall()


def row_value(app: PoiseProcess, window: str, label: Widget) -> str:
    """The text on the right of ``label`` on its row (a summary line's time)."""
    for widget in app.widgets(window):
        same_row = widget.kind == "QLabel" and abs(widget.y - label.y) <= 3
        if same_row and widget.x > label.x:
            return widget.text
    return ""


def seconds(text: str) -> int:
    parts = [int(part) for part in text.split(":")]
    return sum(value * 60**power for power, value in enumerate(reversed(parts)))


def test_kill_resume_end_sums_up_what_the_store_holds_and_mail_failure_is_told(
    desktop: Desktop, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    data_dir = tmp_path / "data"
    app = PoiseProcess(desktop, data_dir, extra_env={"HOME": str(home)})
    try:
        start_meeting(app, desktop)
        # The card wraps its title itself: compare the words.
        first_title = " ".join(app.wait_widget("liveWindow", name="stepTitle").text.split())
        desktop.key("ctrl+1")
        desktop.type_text(HEARD)
        desktop.key("ctrl+l")
        desktop.type_text(STAMPED)
        desktop.key("Return")
        desktop.key("ctrl+g")
        app.wait_widget("liveWindow", name="cueWords", timeout=10)
        desktop.key("Escape")
        desktop.key("Next")
        wait_until(lambda: step_number(app) == 2, 5, "the second step")
        wait_until(
            lambda: (
                stored(data_dir, "SELECT count(*) FROM signals")[0][0] == 1
                and stored(data_dir, "SELECT count(*) FROM stamped_lines")[0][0] == 1
                and stored(data_dir, "SELECT count(*) FROM steps_entered")[0][0] == 2
            ),
            10,
            "the cue, the line and two steps in the database",
        )
    finally:
        app.kill()  # SIGKILL: no clean shutdown, as a crash or a power cut
    assert app.process.returncode == -9

    mail_log = failing_opener(tmp_path / "bin")
    again = PoiseProcess(
        desktop,
        data_dir,
        name="poise-after-kill",
        extra_env={"HOME": str(home), "PATH": f"{mail_log.parent}:{os.environ['PATH']}"},
    )
    try:
        again.click("mainWindow", name="resumeMeeting")
        again.wait_widget("liveWindow", name="stepPosition", text="Step 2 ")
        # The resumed window lists the line stamped before the kill.
        wait_until(
            lambda: again.find("liveWindow", text=STAMPED), 5, "the earlier stamped line listed"
        )
        desktop.screenshot("resumed-after-kill")
        desktop.key("ctrl+shift+e")
        again.wait_widget("liveWindow", name="endMeetingDialog")
        again.click("liveWindow", name="primaryButton", text="End")
        again.wait_window("summaryWindow", timeout=15)
        desktop.screenshot("summary-after-resume")

        # The summary holds what the store holds, for the whole meeting.
        wait_until(
            lambda: stored(data_dir, "SELECT ended_at FROM meetings")[0][0], 10, "the end stored"
        )
        cues = again.wait_widget("summaryWindow", name="fact_cues")
        signals = stored(data_dir, "SELECT count(*) FROM signals")[0][0]
        assert signals == 1 and cues.text.startswith("1"), f"Cues: {cues.text!r}"
        lines = [t for (t,) in stored(data_dir, "SELECT text FROM stamped_lines")]
        for line in lines:
            assert again.find("summaryWindow", text=line), f"{line!r} missing from the summary"
        entered = stored(data_dir, "SELECT step_title, at FROM steps_entered ORDER BY at")
        ended = stored(data_dir, "SELECT ended_at FROM meetings")[0][0]
        first_at, second_at = (datetime.fromisoformat(str(at)) for _t, at in entered[:2])
        assert entered[0][0] == first_title
        label = next(
            (
                w
                for w in again.widgets("summaryWindow")
                if w.kind == "QLabel" and " ".join(w.text.split()) == first_title
            ),
            None,
        )
        assert label is not None, "the step before the kill is missing from the summary"
        in_store = int((second_at - first_at).total_seconds())
        shown = seconds(row_value(again, "summaryWindow", label))
        assert abs(shown - in_store) <= 1, (shown, in_store)
        assert ended is not None

        # Open in mail with no mail program: said plainly, never as a success.
        again.click("summaryWindow", name="recapDraftButton")
        again.wait_window("recapDialog")
        again.click("recapDialog", kind="QPushButton", text="Open in mail")
        wait_until(lambda: mail_log.is_file(), 10, "xdg-open to be run")
        status = wait_until(
            lambda: (
                (s := again.find("recapDialog", name="recapStatus"))
                and "…" not in s.text
                and s.text
            ),
            10,
            "the outcome of Open in mail",
        )
        desktop.screenshot("recap-mail-failed")
        assert_no_false_success(again, "recapDialog", failed="exit 3" in mail_log.read_text())
        assert "Copy" in status and ".eml" in status, status
        assert HEARD not in again.output(), "the recap's words went to the log"
    finally:
        again.kill()
    check_clean(again, data_dir)


def assert_no_false_success(app: PoiseProcess, window: str, *, failed: bool) -> None:
    """No text in ``window`` claims success for an action whose process failed."""
    if not failed:
        return
    claims = [
        widget.text
        for widget in app.widgets(window)
        if SUCCESS_WORDS.search(widget.text) and not widget.text.startswith("Not ")
    ]
    assert not claims, f"{window} reports success for a failed action: {claims}"
