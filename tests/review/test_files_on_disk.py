"""Files on disk: every export and crash report is the user's alone (0600), the data
folder is tightened to 0700 at start, no control character reaches an .ics or Markdown
file, no bidirectional override reaches a file name, and ``poise playbook check``
refuses what is not a plain file instead of hanging."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import NoteField
from app.export.markdown_folder import MarkdownFolder, file_name
from app.export.report import build_report
from app.private_files import tighten_data_folder
from app.store import Store
from app.ui.common.crash import write_crash_report
from app.ui.review.window import ReviewWindow
from tests.conftest import REPO_ROOT
from tests.meeting_factory import make_meeting

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")

START = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)
# Every C0 control but tab and line breaks, DEL and two C1 controls.
CONTROLS = [chr(code) for code in (*range(0, 9), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x85, 0x9B)]
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The common default umask, under which a plain open() makes a file others can read."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _hostile_meeting(store: Store) -> int:
    made = make_meeting(
        store.service,
        client_name="Acme\x1b[31m Red\u202efdp.exe",
        title="Bell\x07 and NUL\x00 here",
        started_at=START,
        notes={NoteField.WHAT_THEY_SAY: "Pasted " + "".join(CONTROLS) + " from a terminal"},
        actions=(("Send\x1b]0;owned\x07 the refund", "Sam", date(2025, 3, 7)),),
        follow_up=date(2025, 3, 11),
    )
    return made.meeting_id


def test_exports_from_the_review_are_the_users_alone(
    qtbot: QtBot, review: ReviewWindow, store: Store, tmp_path: Path, open_umask: None
) -> None:
    meeting_id = _hostile_meeting(store)
    with qtbot.waitSignal(review.meeting_opened, timeout=5000):
        review.open_meeting(meeting_id)
    page = review.meeting_page
    existing = tmp_path / "m.md"
    existing.write_text("an older export", encoding="utf-8")
    existing.chmod(0o644)
    for suffix in ("md", "pdf", "ics"):
        page.export(suffix, tmp_path / f"m.{suffix}")
        assert mode(tmp_path / f"m.{suffix}") == 0o600, suffix
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")

    review.ask_csv_path = lambda name: tmp_path / name
    with qtbot.waitSignal(review.csv_written, timeout=10000) as written:
        review.csv_button.click()
    assert mode(Path(written.args[0])) == 0o600


def test_no_control_character_reaches_the_ics_or_markdown_file(
    qtbot: QtBot, review: ReviewWindow, store: Store, tmp_path: Path
) -> None:
    meeting_id = _hostile_meeting(store)
    with qtbot.waitSignal(review.meeting_opened, timeout=5000):
        review.open_meeting(meeting_id)
    page = review.meeting_page
    page.export("ics", tmp_path / "m.ics")
    page.export("md", tmp_path / "m.md")
    calendar_bytes = (tmp_path / "m.ics").read_bytes()
    markdown = (tmp_path / "m.md").read_text(encoding="utf-8")

    allowed_in_ics = {"\r", "\n"}  # CRLF line ends only
    found = {c for c in calendar_bytes.decode("utf-8") if c in CONTROLS or c == "\t"}
    assert found - allowed_in_ics == set()
    assert not {c for c in markdown if c in CONTROLS}
    # The words around them survive.
    assert "Bell and NUL here" in markdown
    assert "Pasted" in markdown and "from a terminal" in markdown
    calendar = icalendar.Calendar.from_ical(calendar_bytes)
    summaries = sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))
    assert summaries[0].startswith("Due: Send]0;owned the refund")


def test_no_bidirectional_override_reaches_a_file_name(
    qtbot: QtBot, review: ReviewWindow, store: Store, tmp_path: Path
) -> None:
    meeting_id = _hostile_meeting(store)
    report = build_report(store.service.load_meeting(meeting_id))
    named = file_name(report)
    assert not set(named) & set(BIDI), ascii(named)
    written = MarkdownFolder(tmp_path / "vault").write(report)
    assert not set(written.name) & set(BIDI)

    with qtbot.waitSignal(review.meeting_opened, timeout=5000):
        review.open_meeting(meeting_id)
    for suffix in ("md", "pdf", "ics"):
        assert not set(review.meeting_page.suggested_file_name(suffix)) & set(BIDI)


def test_a_crash_report_is_the_users_alone(data_dir: Path, open_umask: None) -> None:
    try:
        raise RuntimeError("a bug")
    except RuntimeError as error:
        report = write_crash_report(RuntimeError, error, error.__traceback__)
    assert report is not None and report.exists()
    assert mode(report) == 0o600


def test_a_wide_data_folder_is_tightened_once_and_the_user_told(data_dir: Path) -> None:
    data_dir.mkdir(mode=0o755)
    data_dir.chmod(0o755)
    notice = tighten_data_folder()
    assert mode(data_dir) == 0o700
    assert str(data_dir) in notice and "yours alone" in notice
    assert tighten_data_folder() == ""  # told once: the next start finds it tight


def test_the_app_tightens_its_data_folder_at_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0o775)
    result = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), "--smoke-test"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO_ROOT)},
        cwd=REPO_ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert mode(data) == 0o700
    assert "yours alone" in result.stderr  # logged, as well as said on the home window


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_playbook_check_refuses_what_is_not_a_file_instead_of_hanging(
    tmp_path: Path, data_dir: Path, kind: str
) -> None:
    if kind == "fifo":
        target = tmp_path / "pipe.toml"
        os.mkfifo(target)
    else:
        target = Path("/dev/zero")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "--data-dir",
            str(data_dir),
            "playbook",
            "check",
            str(target),
        ],
        capture_output=True,
        text=True,
        timeout=30,
        cwd=REPO_ROOT,
        check=False,
    )
    assert result.returncode == 1
    output = (result.stdout + result.stderr).strip()
    assert output.count("\n") == 0, output
    assert output.startswith(f"{target}: is a ") and "not a playbook file" in output
