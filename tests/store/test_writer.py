"""The background writer: coalescing, ordering, callbacks, and replay of a recovery file."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

from app.domain.meeting_terms import NoteField
from app.store import NotFound, Store, open_store
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
