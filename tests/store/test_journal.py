"""The meeting journal on disk, and the store applying it exactly once.

Real files, real SQLite and PostgreSQL stores; the journal is written by its own thread
as the live window's session writes it.
"""

from __future__ import annotations

import stat
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.meeting_terms import DEFAULT_CUES, NoteField, SignalSource
from app.domain.partner_watch import DebriefAnswer
from app.journal import partner_entries
from app.journal.replay import read_journal
from app.journal.writer import MeetingJournal, apply_note_change, note_change
from app.store import open_store
from app.store.records import TimelineKind
from tests.meeting_factory import draft

START = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)


def meeting_facts() -> dict[str, object]:
    return {
        "client_name": "Harbor & Sons",
        "title": "Late deliveries",
        "mode": "in_person",
        "playbook_id": "de-escalation",
        "playbook_version": "1",
        "partner_name": "Sam",
        "cues": [
            {"key": c.key, "label": c.label, "words": c.words, "style": c.style.value}
            for c in DEFAULT_CUES
        ],
    }


def a_full_meeting(data_dir: Path) -> MeetingJournal:
    journal = MeetingJournal(data_dir, meeting_facts())
    journal.start(START)
    journal.record("step", step_key="open", step_title="Open", at=START)
    journal.note(NoteField.WHAT_THEY_SAY.value, "late three", START + timedelta(seconds=1))
    journal.note(NoteField.WHAT_THEY_SAY.value, "late three times", START + timedelta(seconds=2))
    journal.record("line", text="they want a call", step_key="open", at=START)
    at = START + timedelta(seconds=3)
    journal.record("cue_sent", cue_key="calm", source=SignalSource.PHONE, at=at, message_id="m1")
    journal.record("cue_shown", message_id="m1", at=at)
    journal.record("cue_acknowledged", message_id="m1", at=at + timedelta(seconds=1))
    journal.record("action_item", text="Call back", owner="Me", due=date(2026, 5, 6))
    journal.record("action_item", text="Call back", owner="Me", due=date(2026, 5, 6))
    journal.record("follow_up", date=date(2026, 5, 8))
    journal.note(NoteField.FREE.value, "x" * 5000 + "end", START + timedelta(seconds=4))
    journal.record("end", at=START + timedelta(minutes=20))
    assert journal.wait_written(5.0)
    return journal


def test_note_changes_round_trip() -> None:
    for old, new in [
        ("", "a"),
        ("abc", "abxc"),
        ("hello world", "hello"),
        ("a" * 9000, "a" * 9001),
        ("same", "same"),
        ("abc", ""),
        ("xyz" * 3000, "xyz" * 1000 + "Q" + "xyz" * 2000),
    ]:
        head, tail, text = note_change(old, new)
        assert apply_note_change(old, {"head": head, "tail": tail, "text": text}) == new
    # A keystroke at the end of a long note is a short entry, not the whole note.
    assert len(note_change("a" * 1_000_000, "a" * 1_000_000 + "b")[2]) == 1


def test_a_journal_is_user_only_and_applied_exactly_once(database_url: str, data_dir: Path) -> None:
    journal = a_full_meeting(data_dir)
    path = journal.location
    assert path is not None and path.parent == data_dir / "journal"
    if sys.platform != "win32":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    journal.close()
    assert journal.wait_written(5.0)
    copy = path.read_bytes()

    store = open_store(database_url, data_dir=data_dir)
    try:
        [meeting_id] = store.journals.applied
        assert not path.exists()
    finally:
        store.close()
    # A crash right after applying, before the file went: the next start applies it again.
    path.write_bytes(copy)
    store = open_store(database_url, data_dir=data_dir)
    try:
        assert store.journals.applied == [meeting_id]
        detail = store.service.load_meeting(meeting_id)
        assert store.service.count_meetings() == 1
        assert detail.notes[NoteField.WHAT_THEY_SAY] == "late three times"
        assert detail.notes[NoteField.FREE] == "x" * 5000 + "end"
        assert [line.text for line in detail.stamped_lines] == ["they want a call"]
        steps = [e.step_key for e in detail.timeline if e.kind is TimelineKind.STEP]
        assert steps == ["open"]
        [cue] = detail.signals
        assert cue.shown_at is not None and cue.acknowledged_at is not None
        assert [item.text for item in detail.action_items] == ["Call back", "Call back"]
        assert detail.follow_up == date(2026, 5, 8)
        assert detail.meeting.ended_at == START + timedelta(minutes=20)
        assert [hit.meeting_id for hit in store.service.search("deliveries")] == [meeting_id]
    finally:
        store.close()


def test_a_line_cut_short_by_a_crash_is_ignored(data_dir: Path) -> None:
    journal = a_full_meeting(data_dir)
    journal.close()
    assert journal.wait_written(5.0)
    path = journal.location
    assert path is not None
    with path.open("ab") as handle:
        handle.write(b'{"kind": "note", "field": "free", "hea')
    content = read_journal(path)
    assert content.notes[NoteField.FREE][0] == "x" * 5000 + "end"


def test_a_journal_that_cannot_be_applied_is_kept_and_named(data_dir: Path) -> None:
    journal = a_full_meeting(data_dir)
    journal.close()
    assert journal.wait_written(5.0)
    path = journal.location
    assert path is not None
    lines = path.read_bytes().split(b"\n")
    lines[2] = b"this is not json"
    path.write_bytes(b"\n".join(lines))
    store = open_store(data_dir=data_dir)
    try:
        assert store.journals.applied == []
        [problem] = store.journals.problems
        assert str(path) in problem and "line 3" in problem and "kept" in problem
        assert path.exists()
        assert store.service.count_meetings() == 0
    finally:
        store.close()


def test_a_journal_still_being_written_is_left_alone(data_dir: Path) -> None:
    journal = MeetingJournal(data_dir, meeting_facts())
    journal.start(START)
    journal.note(NoteField.FREE.value, "typing on", START)
    assert journal.wait_written(5.0)
    store = open_store(data_dir=data_dir)
    try:
        assert store.journals.applied == [] and store.journals.problems == []
        assert journal.location is not None and journal.location.exists()
    finally:
        store.close()
    journal.discard()
    assert journal.wait_written(5.0)
    assert not (data_dir / "journal" / journal.name).exists()


@pytest.mark.parametrize("size", [1_000, 1_000_000])
def test_a_long_note_is_written_as_changes(data_dir: Path, size: int) -> None:
    journal = MeetingJournal(data_dir, meeting_facts())
    journal.start(START)
    text = "a" * size
    journal.note(NoteField.FREE.value, text, START)
    assert journal.wait_written(5.0)
    assert journal.location is not None
    before = journal.location.stat().st_size
    for typed in range(50):
        journal.note(NoteField.FREE.value, text + "b" * typed, START)
        assert journal.wait_written(5.0)
    grown = journal.location.stat().st_size - before
    assert grown < 50 * 200, grown
    assert read_journal(journal.location).notes[NoteField.FREE][0] == text + "b" * 49
    journal.discard()


def _late_journal(data_dir: Path, meeting_id: int, facts: dict[str, object]) -> Path:
    """A journal of the partner's words that came after meeting ``meeting_id`` was stored."""
    journal = partner_entries.journal_of_stored_meeting(data_dir, meeting_id, START, facts)
    answer = DebriefAnswer("deb-1", START + timedelta(minutes=30), "Tense?", "At the price")
    journal.record(partner_entries.DEBRIEF_ANSWER, **partner_entries.debrief_answer_values(answer))
    journal.close()
    assert journal.wait_written(5.0)
    assert journal.location is not None
    return journal.location


def test_a_late_journal_goes_to_the_meeting_it_names_and_only_that_one(data_dir: Path) -> None:
    """The partner's late words name their stored meeting by id: applied to it (not to a new
    meeting with the same facts); one naming a meeting this database does not hold (another
    database, or a start that does not match) is kept and named, never put elsewhere."""
    store = open_store(data_dir=data_dir)
    try:
        stored = store.service.start_meeting(draft(started_at=START))
    finally:
        store.close()
    right = _late_journal(data_dir, stored.id, {})
    wrong = _late_journal(data_dir, stored.id + 1, {})
    store = open_store(data_dir=data_dir)
    try:
        assert store.journals.applied == [stored.id]
        [problem] = store.journals.problems
        assert str(wrong) in problem and "not in this database" in problem
        assert not right.exists() and wrong.exists()
        assert store.service.count_meetings() == 1
        [answer] = store.service.load_meeting(stored.id).debrief
        assert answer.answer == "At the price"
    finally:
        store.close()
