"""The background writer: the live window's saves, off the GUI thread, never lost.

``save_note`` only records the newest text per (meeting, field) under a lock and
wakes one writer thread, so a keystroke costs the GUI thread microseconds. The
thread writes as soon as it is woken; texts that arrive while it writes coalesce
into the next transaction, which keeps every keystroke durable within a few
tens of milliseconds.

When a write fails for a reason outside the program (locked, read-only, disk
full, server gone), the unsaved text stays in memory and in a recovery file next
to the database (or, if that folder cannot be written, in a private folder under
the temporary directory), the problem callback tells the user, and the thread
retries until the write succeeds; then it removes the recovery file and calls
the resolved callback. ``open_store`` hands a leftover recovery file to a new
writer, which replays it without undoing anything saved later.

Bugs stay bugs. A write that fails with anything but a ``StoreError`` is not retried:
its text is set aside (kept in memory and in the recovery file, replayed at the next
start), ``on_bug`` is called once per kind of failure for the crash handler, and the
thread goes on with every other write. A newer text for the same field replaces the
one set aside.

Callbacks run on the writer thread; the UI wraps them in a QObject's signals.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.domain.meeting_terms import NoteField
from app.private_files import replace_private
from app.store.errors import NotFound, StoreError
from app.store.service import MeetingService

log = logging.getLogger(__name__)

RECOVERY_FORMAT = 1
DEFAULT_RETRY_INTERVAL = 2.0
# A note this long is saved without re-indexing it for search at every keystroke: the
# index catches up once typing pauses for INDEX_AFTER_SECONDS (and when the meeting ends).
LARGE_NOTE_CHARS = 32_000
INDEX_AFTER_SECONDS = 1.0

ProblemCallback = Callable[[StoreError], None]
ResolvedCallback = Callable[[], None]
BugCallback = Callable[[BaseException], None]


@dataclass(slots=True)
class _PendingNote:
    text: str
    typed_at: datetime
    # Text read back from a recovery file must not overwrite anything saved after it.
    replayed: bool = False


@dataclass(slots=True)
class _PendingStamp:
    meeting_id: int
    text: str
    at: datetime
    step_key: str | None
    replayed: bool = False


@dataclass(slots=True)
class _Job:
    function: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None


@dataclass(slots=True)
class _Snapshot:
    notes: dict[tuple[int, NoteField], _PendingNote] = field(default_factory=dict)
    stamps: list[_PendingStamp] = field(default_factory=list)
    jobs: list[_Job] = field(default_factory=list)
    # Long notes saved without their search index, to index now.
    index: list[tuple[int, NoteField]] = field(default_factory=list)


def fallback_recovery_file(recovery_file: Path) -> Path:
    """A private place for the recovery file when the database folder cannot be written.

    Named after the full path of the usual recovery file, so text typed for one
    database is never replayed into another that shares the temporary folder.
    """
    key = hashlib.sha256(str(recovery_file.absolute()).encode("utf-8")).hexdigest()[:16]
    if sys.platform == "win32":
        # Windows gives every user a temporary folder of their own (under the profile).
        folder = Path(tempfile.gettempdir()) / "poise-recovery"
    else:
        # /tmp is shared by every user here; the folder is theirs by name and mode.
        folder = Path(tempfile.gettempdir()) / f"poise-recovery-{os.getuid()}"
    return folder / f"{key}-{recovery_file.name}"


class NoteWriter:
    """One background thread that owns the writes coming from the live window."""

    def __init__(
        self,
        service: MeetingService,
        recovery_file: Path,
        *,
        retry_interval: float = DEFAULT_RETRY_INTERVAL,
        on_problem: ProblemCallback | None = None,
        on_resolved: ResolvedCallback | None = None,
        on_bug: BugCallback | None = None,
    ) -> None:
        self._service = service
        self._recovery_file = recovery_file
        self._fallback_file = fallback_recovery_file(recovery_file)
        self._retry_interval = retry_interval
        self.on_problem = on_problem
        self.on_resolved = on_resolved
        self.on_bug = on_bug
        self._condition = threading.Condition()
        self._notes: dict[tuple[int, NoteField], _PendingNote] = {}
        self._stamps: list[_PendingStamp] = []
        # Texts whose write raised a bug: kept (and in the recovery file), not retried.
        self._set_aside_notes: dict[tuple[int, NoteField], _PendingNote] = {}
        self._set_aside_stamps: list[_PendingStamp] = []
        self._reported_bugs: set[tuple[str, str]] = set()
        self._jobs: deque[_Job] = deque()
        self._working = False
        self._closing = False
        self._problem: StoreError | None = None
        self._retry_at = 0.0
        self._recovery_dirty = False
        self._recovery_written: Path | None = None
        self._unindexed: set[tuple[int, NoteField]] = set()
        self._last_work = time.monotonic()
        self._thread = threading.Thread(target=self._run, name="poise-store-writer", daemon=True)
        self._thread.start()

    # -- called from the GUI thread: cheap, never touches the disk -------------------------

    def save_note(self, meeting_id: int, field: NoteField, text: str) -> None:
        """Queue the field's newest text; returns at once."""
        pending = _PendingNote(text, datetime.now(UTC))
        with self._condition:
            self._notes[(meeting_id, NoteField(field))] = pending
            self._recovery_dirty = True
            self._condition.notify()

    def add_stamped_line(
        self, meeting_id: int, text: str, step_key: str | None = None, at: datetime | None = None
    ) -> None:
        """Queue a stamped line (kept like note text if the database cannot take it now)."""
        stamp = _PendingStamp(meeting_id, text, at or datetime.now(UTC), step_key)
        with self._condition:
            self._stamps.append(stamp)
            self._recovery_dirty = True
            self._condition.notify()

    def submit(
        self,
        function: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> None:
        """Run any service call on the writer thread, after the texts queued before it."""
        with self._condition:
            if self._closing:
                raise RuntimeError("the store is closed")
            self._jobs.append(_Job(function, args, kwargs, on_done, on_error))
            self._condition.notify()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything queued is written; False if that did not happen in time."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._condition:
            while self._has_work() or self._working:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._condition.wait(remaining)
            return not self._has_set_aside()

    @property
    def pending_recovery(self) -> bool:
        """True while typed text is kept only in memory and the recovery file."""
        with self._condition:
            waiting = self._problem is not None and bool(self._notes or self._stamps)
            return waiting or self._has_set_aside()

    @property
    def problem(self) -> StoreError | None:
        with self._condition:
            return self._problem

    @property
    def recovery_file(self) -> Path | None:
        """Where unsaved text is kept on disk right now, if anywhere."""
        with self._condition:
            return self._recovery_written

    def close(self, timeout: float = 5.0) -> bool:
        """Write what is queued (up to ``timeout``) and stop the thread."""
        flushed = self.flush(timeout)
        with self._condition:
            self._closing = True
            self._condition.notify_all()
        self._thread.join(timeout=10.0)
        with self._condition:
            unsaved = bool(self._notes or self._stamps) or self._has_set_aside()
            self._recovery_dirty = unsaved
        if unsaved:
            # Whatever could not be written waits in the recovery file for the next start.
            self._write_recovery_file()
        else:
            self._index_long_notes(sorted(self._unindexed))
        return flushed and not unsaved

    # -- recovery file -----------------------------------------------------------------------

    def replay_recovery_files(self) -> int:
        """Queue what a previous session could not save; returns how many items were found."""
        found = 0
        for path in (self._recovery_file, self._fallback_file):
            try:
                content = json.loads(path.read_text(encoding="utf-8"))
            except FileNotFoundError:
                continue
            except (OSError, ValueError) as unreadable:
                log.warning("cannot read recovery file %s: %s", path, unreadable)
                continue
            with self._condition:
                for item in content.get("notes", []):
                    key = (int(item["meeting_id"]), NoteField(item["field"]))
                    typed_at = datetime.fromisoformat(item["typed_at"])
                    queued = self._notes.get(key)
                    if queued is None or queued.typed_at < typed_at:
                        self._notes[key] = _PendingNote(item["text"], typed_at, replayed=True)
                    found += 1
                for item in content.get("stamps", []):
                    self._stamps.append(
                        _PendingStamp(
                            int(item["meeting_id"]),
                            item["text"],
                            datetime.fromisoformat(item["at"]),
                            item.get("step_key"),
                            replayed=True,
                        )
                    )
                    found += 1
                self._recovery_written = path
                self._condition.notify()
        return found

    def _write_recovery_file(self) -> None:
        with self._condition:
            if not self._recovery_dirty:
                return
            self._recovery_dirty = False
            content = {
                "format": RECOVERY_FORMAT,
                "written_at": datetime.now(UTC).isoformat(),
                "notes": [
                    {
                        "meeting_id": meeting_id,
                        "field": note_field.value,
                        "text": pending.text,
                        "typed_at": pending.typed_at.isoformat(),
                    }
                    for (meeting_id, note_field), pending in (
                        self._set_aside_notes | self._notes
                    ).items()
                ],
                "stamps": [
                    {
                        "meeting_id": stamp.meeting_id,
                        "text": stamp.text,
                        "at": stamp.at.isoformat(),
                        "step_key": stamp.step_key,
                    }
                    for stamp in self._set_aside_stamps + self._stamps
                ],
            }
        # ASCII escapes: a lone surrogate pasted into a note must reach the file too.
        data = json.dumps(content, ensure_ascii=True, indent=1).encode("ascii")
        for path in (self._recovery_file, self._fallback_file):
            try:
                replace_private(path, data)
            except OSError as failure:
                log.warning("cannot write recovery file %s: %s", path, failure)
                continue
            with self._condition:
                self._recovery_written = path
            return
        # Neither place can be written: the text is still in memory and retried.
        with self._condition:
            self._recovery_dirty = True

    def _remove_recovery_files(self) -> None:
        for path in (self._recovery_file, self._fallback_file):
            with contextlib.suppress(FileNotFoundError):
                try:
                    path.unlink()
                except OSError as failure:
                    log.warning("cannot remove recovery file %s: %s", path, failure)
        with self._condition:
            self._recovery_written = None

    # -- the writer thread ---------------------------------------------------------------------

    def _has_work(self) -> bool:
        return bool(self._notes or self._stamps or self._jobs)

    def _has_set_aside(self) -> bool:
        return bool(self._set_aside_notes or self._set_aside_stamps)

    def _run(self) -> None:
        while True:
            snapshot = self._next_batch()
            if snapshot is None:
                return
            if snapshot.notes or snapshot.stamps:
                self._write_texts(snapshot)
            for job in snapshot.jobs:
                self._run_job(job)
            if snapshot.index:
                self._index_long_notes(snapshot.index)
            with self._condition:
                self._working = False
                self._last_work = time.monotonic()
                self._condition.notify_all()

    def _next_batch(self) -> _Snapshot | None:
        """Wait for work; take the jobs, and the texts unless a retry is not due yet."""
        while True:
            update_recovery = False
            with self._condition:
                if self._closing:
                    return None
                texts_due = bool(self._notes or self._stamps) and (
                    self._problem is None or time.monotonic() >= self._retry_at
                )
                if texts_due or self._jobs:
                    self._working = True
                    snapshot = _Snapshot(jobs=list(self._jobs))
                    self._jobs.clear()
                    if texts_due:
                        snapshot.notes = dict(self._notes)
                        snapshot.stamps = list(self._stamps)
                    return snapshot
                if self._problem is not None and self._recovery_dirty:
                    update_recovery = True
                elif self._unindexed and self._problem is None:
                    # Typing has paused: let the search index catch up with long notes.
                    idle = time.monotonic() - self._last_work
                    if idle >= INDEX_AFTER_SECONDS:
                        self._working = True
                        snapshot = _Snapshot(index=sorted(self._unindexed))
                        self._unindexed.clear()
                        return snapshot
                    self._condition.wait(INDEX_AFTER_SECONDS - idle)
                else:
                    wait = None
                    if self._problem is not None and (self._notes or self._stamps):
                        wait = max(0.0, self._retry_at - time.monotonic())
                    self._condition.wait(wait)
            if update_recovery:
                # New typing while the database is unavailable: keep the file current.
                self._write_recovery_file()

    def _write_texts(self, snapshot: _Snapshot) -> None:
        try:
            for key, pending in snapshot.notes.items():
                self._save_one_note(key, pending)
            for stamp in snapshot.stamps:
                self._save_one_stamp(stamp)
        except StoreError as problem:
            self._enter_problem(problem)
            return
        with self._condition:
            had_problem = self._problem is not None
            self._problem = None
            clean = not (self._notes or self._stamps)
            set_aside = self._has_set_aside()
        if set_aside:
            # Text a bug refused stays on disk until a later Poise can write it.
            self._write_recovery_file()
        elif clean and (had_problem or self._recovery_written is not None):
            self._remove_recovery_files()
        if had_problem:
            self._call(self.on_resolved)

    def _save_one_note(self, key: tuple[int, NoteField], pending: _PendingNote) -> None:
        meeting_id, note_field = key
        long_note = len(pending.text) >= LARGE_NOTE_CHARS
        try:
            self._service.save_note(
                meeting_id,
                note_field,
                pending.text,
                pending.typed_at,
                only_if_newer=pending.replayed,
                index=not long_note,
            )
        except NotFound:
            log.warning("dropping text for meeting %s, which no longer exists", meeting_id)
        except StoreError:
            raise
        except Exception as bug:
            with self._condition:
                if self._notes.get(key) is pending:
                    del self._notes[key]
                    self._set_aside_notes[key] = pending
                    self._recovery_dirty = True
            self._report_bug(bug)
            return
        with self._condition:
            if long_note:
                self._unindexed.add(key)
            else:
                self._unindexed.discard(key)
            # A written text makes any older one a bug set aside for this field obsolete.
            if self._set_aside_notes.get(key, pending).typed_at <= pending.typed_at:
                self._set_aside_notes.pop(key, None)
            # Only forget it if no newer text arrived while it was being written.
            if self._notes.get(key) is pending:
                del self._notes[key]

    def _save_one_stamp(self, stamp: _PendingStamp) -> None:
        try:
            self._service.add_stamped_line(
                stamp.meeting_id,
                stamp.text,
                stamp.at,
                stamp.step_key,
                unless_present=stamp.replayed,
            )
        except NotFound:
            log.warning("dropping a line for meeting %s, which no longer exists", stamp.meeting_id)
        except StoreError:
            raise
        except Exception as bug:
            with self._condition:
                self._stamps.remove(stamp)
                self._set_aside_stamps.append(stamp)
                self._recovery_dirty = True
            self._report_bug(bug)
            return
        with self._condition:
            self._stamps.remove(stamp)

    def _index_long_notes(self, keys: list[tuple[int, NoteField]]) -> None:
        for key in keys:
            try:
                self._service.index_note(*key)
            except NotFound:
                continue
            except Exception as failure:
                # The text itself is saved; only search lags. Try again at the next pause.
                log.warning("cannot index a long note for search yet: %s", failure)
                with self._condition:
                    self._unindexed.add(key)

    def _report_bug(self, bug: BaseException) -> None:
        """Log every bug; tell ``on_bug`` once per kind, so a failing field is not a flood."""
        log.error("a store write failed with a bug; its text is kept", exc_info=bug)
        kind = (type(bug).__qualname__, str(bug))
        with self._condition:
            if kind in self._reported_bugs:
                return
            self._reported_bugs.add(kind)
        self._call(self.on_bug, bug)

    def _enter_problem(self, problem: StoreError) -> None:
        with contextlib.suppress(Exception):
            self._service.reset_connections()
        with self._condition:
            previous = self._problem
            self._problem = problem
            self._retry_at = time.monotonic() + self._retry_interval
            self._recovery_dirty = True
        self._write_recovery_file()
        if previous is None or type(previous) is not type(problem):
            self._call(self.on_problem, problem)

    def _run_job(self, job: _Job) -> None:
        try:
            result = job.function(*job.args, **job.kwargs)
        except Exception as failure:
            if job.on_error is None:
                log.exception("background store call %s failed", job.function)
                if not isinstance(failure, StoreError | NotFound | OSError):
                    self._report_bug(failure)
            else:
                self._call(job.on_error, failure)
            return
        self._call(job.on_done, result)

    @staticmethod
    def _call(callback: Callable[..., None] | None, *args: Any) -> None:
        if callback is None:
            return
        try:
            callback(*args)
        except Exception:
            # A broken callback must not stop the thread that keeps the notes.
            log.exception("store writer callback %s failed", callback)
