"""Exports of one meeting (Markdown, PDF, .ics) and of the list (CSV), checked by content."""

from __future__ import annotations

import csv
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import NoteField
from app.export.csv_export import CSV_COLUMNS, write_csv
from app.export.ics import CalendarEntry, calendar_text, write_calendar
from app.export.markdown import meeting_markdown
from app.export.pdf import write_pdf
from app.export.report import build_report, calendar_entries
from app.store import Store
from tests.meeting_factory import make_meeting

START = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)


@pytest.fixture
def two_meetings(store: Store) -> tuple[int, int]:
    first = make_meeting(
        store.service,
        client_name="Birchwood Dental",
        title="Billing, again; the *second* time",
        started_at=START,
        minutes=50,
        signals=((10, 6), (31, None)),
        notes={
            NoteField.WHAT_THEY_SAY: "Your invoice doubled.\nNobody called us back.",
            NoteField.REAL_CONCERN: "Cash flow before the audit",
        },
        stamps=((7, "Raised voice about the # of calls"),),
        actions=(
            ("Refund the double charge", "Sam", date(2025, 3, 7)),
            ("Call Dr Birch weekly", "", None),
        ),
        follow_up=date(2025, 3, 11),
    )
    other = make_meeting(
        store.service,
        client_name="Eriksen AB",
        title="Outage debrief",
        started_at=START + timedelta(days=1),
        notes={NoteField.WHAT_THEY_SAY: "zebracrossing secret of another meeting"},
        actions=(("Other meeting task", "Kim", date(2025, 3, 20)),),
        follow_up=date(2025, 3, 21),
    )
    return first.meeting_id, other.meeting_id


def test_markdown_holds_the_meeting_and_nothing_else(store: Store, two_meetings: tuple[int, int]):
    report = build_report(store.service.load_meeting(two_meetings[0]))
    text = meeting_markdown(report)
    assert text.startswith("# Billing, again; the \\*second\\* time — Birchwood Dental\n")
    assert "### What they say" in text
    assert "Your invoice doubled.  \nNobody called us back." in text
    assert "### The real concern" in text and "Cash flow before the audit" in text
    assert "- [ ] Refund the double charge (Sam, due Fri 7 Mar 2025)" in text
    assert "- [ ] Call Dr Birch weekly\n" in text
    assert "Follow-up:** Tue 11 Mar 2025" in text
    assert "acknowledged after 6 s" in text and "not acknowledged" in text
    assert "Raised voice about the \\# of calls" not in text  # '#' is only special at line start
    assert "Raised voice about the # of calls" in text
    assert "Step: Let them speak" in text
    assert "Eriksen" not in text and "zebracrossing" not in text


def test_ics_parses_and_holds_follow_up_and_open_due_dates(
    store: Store, two_meetings: tuple[int, int], tmp_path: Path
):
    detail = store.service.load_meeting(two_meetings[0])
    store.service.add_action_item(two_meetings[0], "Already done", "Sam", date(2025, 3, 5))
    done_id = store.service.load_meeting(two_meetings[0]).action_items[-1].id
    store.service.update_action_item(done_id, done=True)
    report = build_report(store.service.load_meeting(two_meetings[0]))
    path = tmp_path / "meeting.ics"
    write_calendar(path, calendar_entries(report))
    raw = path.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    calendar = icalendar.Calendar.from_ical(raw)
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("DTSTART"))
    assert [(e.decoded("DTSTART"), str(e["SUMMARY"])) for e in events] == [
        (date(2025, 3, 7), "Due: Refund the double charge (Sam)"),
        (date(2025, 3, 11), "Follow up with Birchwood Dental"),
    ]
    assert all(e.decoded("DTEND") - e.decoded("DTSTART") == timedelta(days=1) for e in events)
    assert len({str(e["UID"]) for e in events}) == 2
    assert "Billing, again; the *second* time" in str(events[1]["DESCRIPTION"])
    assert "Eriksen" not in raw.decode() and "Other meeting" not in raw.decode()
    assert detail.meeting.id == report.meeting_id


def test_ics_escapes_and_folds_long_lines_without_breaking_characters():
    summary = "Ça; va, bien\\ " + "é" * 80
    text = calendar_text([CalendarEntry("k", date(2025, 1, 2), summary, "a\nb")])
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    parsed = icalendar.Calendar.from_ical(text)
    event = next(iter(parsed.walk("VEVENT")))
    assert str(event["SUMMARY"]) == summary
    assert str(event["DESCRIPTION"]) == "a\nb"


def test_csv_lists_every_meeting_as_shown(store: Store, two_meetings: tuple[int, int], tmp_path):
    path = tmp_path / "all.csv"
    make_meeting(store.service, client_name="=HYPERLINK(evil)", title="-1", started_at=START)
    count = write_csv(path, store.service.list_meetings(limit=1000))
    assert count == 3
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == CSV_COLUMNS
    by_title = {row["title"]: row for row in rows}
    billing = by_title["Billing, again; the *second* time"]
    assert billing["client"] == "Birchwood Dental"
    assert billing["signals"] == "2"
    assert billing["duration_minutes"] == "50.0"
    assert billing["follow_up"] == "2025-03-11"
    assert billing["playbook"] == "upset-client"
    # Spreadsheet formulas stay text.
    assert by_title["'-1"]["client"] == "'=HYPERLINK(evil)"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_pdf_renders_the_meeting(
    qtbot: QtBot, store: Store, two_meetings: tuple[int, int], tmp_path: Path, screens_dir: Path
):
    report = build_report(store.service.load_meeting(two_meetings[0]))
    path = tmp_path / "meeting.pdf"
    write_pdf(path, report)
    assert path.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = " ".join(text.split())  # pdftotext wraps lines as laid out on the page
    for expected in (
        "Billing, again; the *second* time — Birchwood Dental",
        "Your invoice doubled.",
        "Nobody called us back.",
        "Refund the double charge",
        "Tue 11 Mar 2025",
        "acknowledged after 6 s",
    ):
        assert expected in text
    assert "Eriksen" not in text
    png = screens_dir / "review-export-pdf"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(path), str(png)],
        check=True,
    )
    assert png.with_suffix(".png").stat().st_size > 5000


def test_a_new_meetings_calendar_never_names_a_deleted_meetings_events(store: Store) -> None:
    """Issue 26: UIDs were made of the meeting id, which SQLite gave again after a delete."""
    from tests.meeting_factory import draft

    service = store.service
    old = service.start_meeting(draft("Harbor & Sons", "Pallets"))
    service.set_follow_up(old.id, date(2025, 3, 11))
    old_uids = {e.uid_key for e in calendar_entries(build_report(service.load_meeting(old.id)))}
    service.delete_meeting(old.id)
    new = service.start_meeting(draft("Calder", "Renewal"))
    service.set_follow_up(new.id, date(2025, 3, 11))
    report = build_report(service.load_meeting(new.id))
    new_uids = {entry.uid_key for entry in calendar_entries(report)}
    assert new_uids and not new_uids & old_uids
    assert all(report.uuid in uid for uid in new_uids)


def test_the_markdown_timeline_leaves_out_steps_only_passed_through(store: Store) -> None:
    """Issue 26: every hop of the clicker was a line of its own."""
    from app.export.markdown import meeting_markdown
    from tests.meeting_factory import draft

    service = store.service
    start = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
    meeting = service.start_meeting(draft("Harbor & Sons", "Pallets", started_at=start))
    for seconds, key, title in [
        (0, "listen", "Let them speak"),
        (60, "restate", "Restate"),  # stayed four minutes
        (300, "apologize", "Apologize"),  # a hop
        (302, "solve", "Work out the fix"),  # a hop, and back:
        (304, "restate", "Restate"),
    ]:
        service.enter_step(meeting.id, key, title, start + timedelta(seconds=seconds))
    service.add_stamped_line(meeting.id, "they want a credit", start + timedelta(seconds=400))
    service.end_meeting(meeting.id, start + timedelta(seconds=600))
    timeline = meeting_markdown(build_report(service.load_meeting(meeting.id))).split(
        "## Timeline"
    )[1]
    assert timeline.count("Step: Restate") == 2
    assert "Step: Apologize" not in timeline and "Step: Work out the fix" not in timeline
    assert "Step: Let them speak" in timeline and "they want a credit" in timeline
