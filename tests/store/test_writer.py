"""The background writer: coalescing, ordering, callbacks, and replay of a recovery file."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

from app.domain.meeting_terms import NoteField
from app.store import Store, open_store
from app.store.api import NotFound
from app.store.db import resolve_location
from tests.meeting_factory import draft


def test_a_burst_of_keystrokes_ends_as_the_newest_text(store: Store) -> None:
    meeting = store.service.start_meeting(draft(started_at=datetime.now(UTC)))
    sentence = "They felt ignored for three weeks."
    for typed in range(1, len(sentence) + 1):
        store.writer.save_note(meeting.id, NoteField.WHAT_THEY_SAY, sentence[:typed])
    store.writer.save_note(meeting.id, NoteField.REAL_CONCERN, "being ignored")
    assert store.writer.flush(10)
    notes = store.service.load_meeting(meeting.id).notes
    assert notes[NoteField.WHAT_THEY_SAY] == sentence
    assert notes[NoteField.REAL_CONCERN] == "being ignored"
    history = store.service.note_revisions(meeting.id, NoteField.WHAT_THEY_SAY)
    assert [revision.text for revision in history] == [sentence]
    assert not store.writer.pending_recovery


def test_submitted_calls_run_after_the_text_queued_before_them(store: Store) -> None:
    meeting = store.service.start_meeting(draft(started_at=datetime.now(UTC)))
    results: list[Any] = []
    done = threading.Event()
    store.writer.add_stamped_line(meeting.id, "raised the contract", "listen")
    store.writer.save_note(meeting.id, NoteField.FREE, "written first")
    store.writer.submit(
        store.service.load_meeting, meeting.id, on_done=results.append, on_error=results.append
    )
    store.writer.submit(
        store.service.load_meeting, 4711, on_done=results.append, on_error=results.append
    )
    store.writer.submit(done.set)
    assert done.wait(10)
    detail, failure = results
    assert detail.notes[NoteField.FREE] == "written first"
    assert [line.text for line in detail.stamped_lines] == ["raised the contract"]
    assert isinstance(failure, NotFound)


def test_text_for_a_deleted_meeting_is_dropped_not_retried(store: Store) -> None:
    meeting = store.service.start_meeting(draft(started_at=datetime.now(UTC)))
    store.service.delete_meeting(meeting.id)
    store.writer.save_note(meeting.id, NoteField.FREE, "too late")
    assert store.writer.flush(10)
    assert store.writer.problem is None


def test_a_leftover_recovery_file_is_replayed_once_without_undoing_later_typing(
    database_url: str,
) -> None:
    store = open_store(database_url)
    meeting = store.service.start_meeting(draft(started_at=datetime.now(UTC)))
    saved_at = datetime.now(UTC)
    store.service.save_note(meeting.id, NoteField.COMMITMENTS, "newer, saved later", saved_at)
    store.close()
    recovery = resolve_location(database_url).recovery_file
    content = {
        "format": 1,
        "notes": [
            {
                "meeting_id": meeting.id,
                "field": "free",
                "text": "typed while the disk was full",
                "typed_at": (saved_at - timedelta(seconds=5)).isoformat(),
            },
            {
                "meeting_id": meeting.id,
                "field": "commitments",
                "text": "older text from the file",
                "typed_at": (saved_at - timedelta(seconds=5)).isoformat(),
            },
        ],
        "stamps": [
            {
                "meeting_id": meeting.id,
                "text": "stamped while locked",
                "at": saved_at.isoformat(),
                "step_key": None,
            }
        ],
    }
    recovery.parent.mkdir(parents=True, exist_ok=True)
    for _attempt in range(2):
        # Twice: a file replayed again (say the app died before removing it) adds nothing.
        recovery.write_text(json.dumps(content), encoding="utf-8")
        reopened = open_store(database_url)
        try:
            detail = reopened.service.load_meeting(meeting.id)
        finally:
            reopened.close()
        assert detail.notes[NoteField.FREE] == "typed while the disk was full"
        assert detail.notes[NoteField.COMMITMENTS] == "newer, saved later"
        assert [line.text for line in detail.stamped_lines] == ["stamped while locked"]
        assert not recovery.exists()


def test_a_bug_in_one_write_is_reported_once_and_every_other_write_goes_on(
    store: Store,
) -> None:
    """A lone surrogate (pasted from a broken source) cannot be encoded for the database:
    a bug, not a database problem. It is kept, not retried forever, and told once."""
    bugs: list[BaseException] = []
    problems: list[object] = []
    store.writer.on_bug = bugs.append
    store.writer.on_problem = problems.append
    meeting = store.service.start_meeting(draft(started_at=datetime.now(UTC)))
    broken = "they said \ud800 twice"
    store.writer.save_note(meeting.id, NoteField.FREE, broken)
    store.writer.save_note(meeting.id, NoteField.REAL_CONCERN, "being ignored")
    store.writer.add_stamped_line(meeting.id, "raised the contract", "listen")
    store.writer.save_note(meeting.id, NoteField.WHAT_THEY_SAY, broken)

    assert not store.writer.flush(10)  # the broken text is not in the store, and says so
    detail = store.service.load_meeting(meeting.id)
    assert detail.notes[NoteField.REAL_CONCERN] == "being ignored"
    assert [line.text for line in detail.stamped_lines] == ["raised the contract"]
    assert len(bugs) == 1 and isinstance(bugs[0], UnicodeEncodeError)
    assert problems == [] and store.writer.problem is None
    assert store.writer.pending_recovery
    recovery = store.writer.recovery_file
    assert recovery is not None
    kept = json.loads(recovery.read_text(encoding="utf-8"))
    assert {item["text"] for item in kept["notes"]} == {broken}

    # The writer still serves everything else, and a corrected text replaces the broken one.
    store.writer.save_note(meeting.id, NoteField.FREE, "they said it twice")
    store.writer.save_note(meeting.id, NoteField.WHAT_THEY_SAY, "twice")
    assert store.writer.flush(10)
    notes = store.service.load_meeting(meeting.id).notes
    assert notes[NoteField.FREE] == "they said it twice"
    assert not store.writer.pending_recovery
    assert not recovery.exists()
    assert len(bugs) == 1


def test_text_a_bug_refused_waits_in_the_recovery_file_for_the_next_start(
    database_url: str,
) -> None:
    first = open_store(database_url)
    meeting = first.service.start_meeting(draft(started_at=datetime.now(UTC)))
    first.writer.save_note(meeting.id, NoteField.FREE, "kept \udfff")
    assert not first.writer.flush(10)
    assert not first.close()  # not all of it is in the store: the recovery file holds it
    recovery = resolve_location(database_url).recovery_file
    assert "kept \\udfff" in recovery.read_text(encoding="utf-8")

    second = open_store(database_url)
    try:
        assert second.writer.pending_recovery  # replayed, refused again, still kept
        assert recovery.exists()
    finally:
        second.close()


def test_a_failing_job_without_an_error_callback_is_reported_as_a_bug(store: Store) -> None:
    bugs: list[BaseException] = []
    store.writer.on_bug = bugs.append

    def broken() -> None:
        raise RuntimeError("a programming error")

    store.writer.submit(broken)
    store.writer.submit(store.service.load_meeting, 4711)  # NotFound: expected, not a bug
    assert store.writer.flush(10)
    assert [str(bug) for bug in bugs] == ["a programming error"]
