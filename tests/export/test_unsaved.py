"""The copy of a meeting the store never took: readable Markdown, a new user-only file,
and no need of the store's own code (it is what failed)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from app.domain.meeting_session import ActionItemNote, MeetingRecap
from app.domain.meeting_terms import NoteField
from app.export.markdown_text import action_line, note_block
from app.export.unsaved import unsaved_meeting_markdown, write_unsaved_copy

REPO = Path(__file__).resolve().parents[2]
STARTED = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)


def recap() -> MeetingRecap:
    return MeetingRecap(
        duration=timedelta(minutes=42),
        steps_total=4,
        steps_seen=(),
        step_changes=3,
        loop_backs=0,
        cues=(),
        action_items=(ActionItemNote("Send *revised* plan", "Sam", date(2025, 3, 7)),),
        stamped_lines=1,
        follow_up=date(2025, 3, 11),
        after_steps=(),
    )


def test_the_copy_holds_every_note_line_and_action_in_reading_order() -> None:
    text = unsaved_meeting_markdown(
        client_name="Harbor & Sons",
        title="Missed launch",
        started_at=STARTED,
        notes={NoteField.REAL_CONCERN: "Budget <review>\n- next week", NoteField.FREE: "  "},
        lines=[(STARTED + timedelta(minutes=5, seconds=3), "Asked for the CEO")],
        recap=recap(),
    )
    assert text.startswith("# Missed launch — Harbor & Sons\n")
    assert "## The real concern\n\nBudget \\<review\\>  \n\\- next week\n" in text
    assert "## Notes" not in text  # a blank field is left out
    assert "- 5:03 — Asked for the CEO" in text
    assert "- Send \\*revised\\* plan (Sam, due Fri 7 Mar 2025)" in text
    assert "Follow up on Tue 11 Mar 2025." in text
    assert text.endswith("Duration 42 min.\n")
    assert text.index("The real concern") < text.index("Stamped lines") < text.index("Action")


def test_a_copy_never_overwrites_another(tmp_path: Path) -> None:
    folder = tmp_path / "unsaved-meetings"
    first = write_unsaved_copy(folder, STARTED, "one")
    second = write_unsaved_copy(folder, STARTED, "two")
    assert first != second
    assert (first.read_text(), second.read_text()) == ("one", "two")
    assert folder.stat().st_mode & 0o777 == 0o700
    assert first.stat().st_mode & 0o777 == 0o600


def test_the_copy_needs_nothing_of_the_store() -> None:
    code = "import sys, app.export.unsaved; print(' '.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        cwd=REPO,
        timeout=60,
        check=True,
    )
    loaded = {name.split(".")[0] for name in result.stdout.split()}
    assert "sqlalchemy" not in loaded and "PySide6" not in loaded
    assert "app.store" not in result.stdout.split()


def test_notes_read_the_same_in_the_unsaved_copy_and_the_meeting_file() -> None:
    # One note renderer: hard breaks inside a paragraph, none dangling at its end.
    assert note_block("First line\nsecond *line*\n\nNew paragraph\n") == (
        "First line  \nsecond \\*line\\*\n\nNew paragraph"
    )
    assert action_line("Call back", "Sam", done=True) == "- [x] Call back (Sam)"
    assert action_line("Call back", "") == "- Call back"


def test_the_copy_keeps_the_partners_observations_and_debrief_marked_as_theirs() -> None:
    from app.domain.partner_watch import DebriefAnswer, Observation, QuickObservation

    seen = Observation(
        "o-1", STARTED + timedelta(minutes=4), "listen", "Listen", QuickObservation.REAL_DRIVER
    )
    words = Observation("o-2", STARTED + timedelta(minutes=9), "listen", "Listen", None, "*arms*")
    text = unsaved_meeting_markdown(
        client_name="Harbor & Sons",
        title="Missed launch",
        started_at=STARTED,
        notes={},
        lines=[],
        recap=recap(),
        observations=[seen, words],
        debrief=[DebriefAnswer("d-1", STARTED + timedelta(hours=1), "When?", "At the price")],
    )
    noticed = text.split("## Your partner noticed", 1)[1].split("##", 1)[0]
    assert noticed.strip().splitlines() == ["- 4:00 — A real driver?", "- 9:00 — \\*arms\\*"]
    assert "## Your partner’s debrief\n\n- **When?** At the price\n" in text
