"""Writing the meeting journal: every write of a live meeting on disk within milliseconds.

Step 2 of the round trip in ``app.journal``. The file is JSON lines. The first line
describes the meeting (``kind: "meeting"``); each line after it is one write. Note text
is written as the change from the text before it (``head`` characters kept from the
start, ``tail`` from the end, ``text`` in between), so a keystroke in a long note costs a
short line, not the whole note.

Plain Python, and free of the store's modules: the live window imports it at once.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import logging
import os
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.private_files import replace_private

log = logging.getLogger(__name__)

JOURNAL_FORMAT = 1
JOURNAL_FOLDER = "journal"
JOURNAL_SUFFIX = ".jsonl"
# While the journal cannot be written anywhere, how often it tries again.
RETRY_SECONDS = 1.0
# Beyond this many bytes of superseded note text, the journal is rewritten compacted.
COMPACT_AFTER_BYTES = 8 * 1024 * 1024

_open_lock = threading.Lock()
_open_journals: dict[str, MeetingJournal] = {}


def journal_folder(data_dir: Path) -> Path:
    return data_dir / JOURNAL_FOLDER


def fallback_journal_folder(data_dir: Path) -> Path:
    """A private folder for journals when the data folder cannot be written.

    Named after the data folder's full path, so a journal is only ever applied to the
    store of the data folder it was typed for.
    """
    key = hashlib.sha256(str(data_dir.absolute()).encode("utf-8")).hexdigest()[:16]
    if sys.platform == "win32":
        user = getpass.getuser()
    else:
        user = str(os.getuid())
    return Path(tempfile.gettempdir()) / f"poise-journal-{user}" / key


def journal_folders(data_dir: Path) -> tuple[Path, Path]:
    """Where journals of this data folder can be: its own folder, then the fallback."""
    return journal_folder(data_dir), fallback_journal_folder(data_dir)


def is_in_use(path: Path) -> bool:
    """True if this process is still writing the journal at ``path`` (never apply it)."""
    with _open_lock:
        return path.stem in _open_journals


def journals_in_use() -> list[MeetingJournal]:
    """The journals of this process's meetings that the store does not have yet."""
    with _open_lock:
        return list(_open_journals.values())


def note_change(old: str, new: str) -> tuple[int, int, str]:
    """(head, tail, text): ``new == old[:head] + text + old[len(old) - tail:]``.

    Compares in blocks, so finding a one-character change in a megabyte costs well
    under a millisecond.
    """
    limit = min(len(old), len(new))
    head = _common_run(old, new, limit, from_end=False)
    tail = _common_run(old, new, limit - head, from_end=True)
    return head, tail, new[head : len(new) - tail]


def _common_run(old: str, new: str, limit: int, *, from_end: bool) -> int:
    block = 4096
    done = 0
    while done < limit:
        size = min(block, limit - done)
        if from_end:
            same = (
                old[len(old) - done - size : len(old) - done]
                == new[len(new) - done - size : len(new) - done]
            )
        else:
            same = old[done : done + size] == new[done : done + size]
        if same:
            done += size
            continue
        if size == 1:
            break
        block = max(1, size // 8)
    return done


def apply_note_change(old: str, record: dict[str, Any]) -> str:
    head, tail = int(record["head"]), int(record["tail"])
    if head < 0 or tail < 0 or head + tail > len(old):
        raise ValueError("a note change does not fit the text before it")
    return old[:head] + str(record["text"]) + (old[len(old) - tail :] if tail else "")


def to_json_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


@dataclass(slots=True)
class _Pending:
    records: list[dict[str, Any]] = field(default_factory=list)
    notes: dict[str, tuple[str, datetime]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.records or self.notes)


class MeetingJournal:
    """The journal of one meeting; ``start`` it when the meeting starts.

    ``record`` and ``note`` return at once (the GUI thread calls them); a thread writes
    and fsyncs. ``discard`` removes the file once the store holds everything in it;
    ``close`` stops writing and leaves the file for the next start.
    """

    def __init__(self, data_dir: Path, meeting: dict[str, Any]) -> None:
        self.uuid = uuid.uuid4().hex
        self.name = f"{self.uuid}{JOURNAL_SUFFIX}"
        self.data_dir = data_dir
        primary, fallback = journal_folders(data_dir)
        self._primary = primary / self.name
        self._fallback = fallback / self.name
        self._header = {"kind": "meeting", "format": JOURNAL_FORMAT, "uuid": self.uuid, **meeting}
        self._condition = threading.Condition()
        self._pending = _Pending()
        self._writing = False
        self._stopping = False
        self._discard = False
        self._started = False
        # The thread's own: what the file holds (events as lines, each note's text).
        self._event_lines: list[str] = []
        self._written_notes: dict[str, tuple[str, datetime]] = {}
        self._superseded_bytes = 0
        self._target: Path | None = None  # the file appended to; None: rewrite next time
        self._location: Path | None = None
        self._problem: str | None = None
        self._thread = threading.Thread(target=self._run, name="poise-journal", daemon=True)

    # -- the GUI thread's side: never touches the disk ----------------------------------

    def start(self, started_at: datetime) -> None:
        """Begin the journal with the meeting's own line; the file appears at once."""
        if self._started:
            return
        self._started = True
        self._header["started_at"] = started_at.isoformat()
        with _open_lock:
            _open_journals[self.uuid] = self
        self._thread.start()

    def record(self, kind: str, **values: Any) -> None:
        """Append one write (a step, a line, a cue, an action item, the follow-up, the end)."""
        line = {"kind": kind, **{key: to_json_value(value) for key, value in values.items()}}
        with self._condition:
            if self._stopping:
                return
            self._pending.records.append(line)
            self._condition.notify()

    def note(self, field_name: str, text: str, at: datetime) -> None:
        """The field's newest text; texts that arrive while the thread writes coalesce."""
        with self._condition:
            if self._stopping:
                return
            self._pending.notes[field_name] = (text, at)
            self._condition.notify()

    def wait_written(self, timeout: float | None = None) -> bool:
        """Wait until everything handed over is on disk; False if not within ``timeout``."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._condition:
            # Once stopping, "written" also means the file is closed (or removed).
            while (
                self._started
                and not self._stopped()
                and (self._pending or self._writing or self._stopping)
            ):
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._condition.wait(remaining)
            return not self._pending and self._problem is None

    def close(self) -> None:
        """Write what was handed over, then stop; the file stays for the next start."""
        self._stop(discard=False)

    def discard(self) -> None:
        """The store holds all of it: write nothing more and remove the file."""
        self._stop(discard=True)

    @property
    def meeting(self) -> dict[str, Any]:
        """What the journal's first line says of its meeting (``started_at`` once started):
        a later journal of the same meeting begins with it."""
        facts = {k: v for k, v in self._header.items() if k not in {"kind", "format", "uuid"}}
        return dict(facts)

    @property
    def location(self) -> Path | None:
        """The file that holds the meeting now, or None if it could not be written anywhere."""
        with self._condition:
            return self._location

    @property
    def expected_location(self) -> Path:
        """Where the journal is, or is about to be (for the words on screen)."""
        return self.location or self._primary

    @property
    def problem(self) -> str | None:
        with self._condition:
            return self._problem

    def _stop(self, *, discard: bool) -> None:
        with self._condition:
            if self._stopping:
                return
            self._stopping = True
            self._discard = discard
            self._condition.notify_all()
        # Never joined here: the GUI thread calls this; ``wait_written`` waits when needed.

    def _stopped(self) -> bool:
        return not self._thread.is_alive()

    # -- the journal's thread ------------------------------------------------------------

    def _run(self) -> None:
        try:
            with self._holding_lock():
                self._loop()
        finally:
            with _open_lock:
                _open_journals.pop(self.uuid, None)
            with self._condition:
                self._condition.notify_all()

    def _loop(self) -> None:
        while True:
            with self._condition:
                while not self._pending and not self._stopping:
                    self._condition.wait(RETRY_SECONDS if self._problem else None)
                    if self._problem:
                        break
                batch, self._pending = self._pending, _Pending()
                stopping, discard = self._stopping, self._discard
                self._writing = True
            try:
                if discard:
                    self._remove_files()
                    return
                self._write(batch)
            finally:
                with self._condition:
                    self._writing = False
                    self._condition.notify_all()
            if stopping and not self._pending:
                return

    def _write(self, batch: _Pending) -> None:
        lines = []
        for event in batch.records:
            line = json.dumps(event, ensure_ascii=False)
            self._event_lines.append(line)
            lines.append(line)
        for name, (text, at) in batch.notes.items():
            old = self._written_notes.get(name, ("", at))[0]
            head, tail, inserted = note_change(old, text)
            self._superseded_bytes += len(old) - head - tail
            self._written_notes[name] = (text, at)
            change: dict[str, Any] = {"kind": "note", "field": name, "at": at.isoformat()}
            change |= {"head": head, "tail": tail, "text": inserted}
            lines.append(json.dumps(change, ensure_ascii=False))
        if self._target is not None and self._superseded_bytes < COMPACT_AFTER_BYTES:
            try:
                _append(self._target, lines)
            except OSError as failure:
                log.warning("cannot append to the meeting journal %s: %s", self._target, failure)
                self._target = None
            else:
                self._now_at(self._target, None)
                return
        self._rewrite()

    def _rewrite(self) -> None:
        """Write the whole journal, compacted, to the first place that takes it."""
        lines = [json.dumps(self._header, ensure_ascii=False), *self._event_lines]
        for name, (text, at) in self._written_notes.items():
            record: dict[str, Any] = {"kind": "note", "field": name, "at": at.isoformat()}
            record |= {"head": 0, "tail": 0, "text": text}
            lines.append(json.dumps(record, ensure_ascii=False))
        failures = []
        for path in (self._primary, self._fallback):
            try:
                _write_whole(path, lines)
            except OSError as failure:
                failures.append(f"{path}: {failure.strerror or failure}")
                continue
            self._superseded_bytes = 0
            self._target = path
            self._now_at(path, None)
            return
        self._now_at(None, "; ".join(failures))

    def _now_at(self, path: Path | None, problem: str | None) -> None:
        with self._condition:
            if path is not None:
                self._location = path
            if problem != self._problem and problem is not None:
                log.error("the meeting journal cannot be written: %s", problem)
            self._problem = problem

    def _remove_files(self) -> None:
        for path in (self._primary, self._fallback):
            remove_quietly(path)
        with self._condition:
            self._location = None

    @contextlib.contextmanager
    def _holding_lock(self) -> Iterator[None]:
        # Another Poise applying leftovers at its start must skip a journal still in use.
        lock = lock_path(self._fallback)
        holder = _lock_file(lock)
        try:
            yield
        finally:
            _unlock_file(holder, lock)


def lock_path(fallback_journal: Path) -> Path:
    """The lock a running Poise holds on a journal: in the temporary folder, which has room."""
    return fallback_journal.with_suffix(".lock")


def remove_quietly(path: Path) -> None:
    """Remove a file; one already gone is fine, one that stays is logged."""
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as failure:
        log.warning("cannot remove %s: %s", path, failure)


def _append(path: Path, lines: list[str]) -> None:
    data = "".join(f"{line}\n" for line in lines).encode("utf-8")
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND)
    try:
        _write_all(descriptor, data)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _write_whole(path: Path, lines: list[str]) -> None:
    replace_private(path, "".join(f"{line}\n" for line in lines).encode("utf-8"))


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(descriptor, view)
        view = view[written:]


def _lock_file(path: Path) -> int | None:
    if sys.platform == "win32":
        return None
    import fcntl

    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    except OSError:
        return None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(descriptor)
        return None
    return descriptor


def _unlock_file(descriptor: int | None, path: Path) -> None:
    if descriptor is None:
        return
    with contextlib.suppress(OSError):
        path.unlink()
    os.close(descriptor)


def locked_by_another_process(lock: Path) -> bool:
    """True if a running Poise holds the journal ``lock`` (POSIX; never on Windows)."""
    if sys.platform == "win32":
        return False
    import fcntl

    try:
        descriptor = os.open(lock, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    else:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        return False
    finally:
        os.close(descriptor)
