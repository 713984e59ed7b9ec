"""A live meeting killed while its store is in trouble, and what the next start recovers.

Shared by ``test_journal_durability.py`` (journal on: nothing older than 300 ms may be
lost) and ``bench/durability.py`` (journal on and off in the same run, for the numbers).
Each case stands up real trouble: a SQLite write lock held by another process, a socket
that accepts and never answers standing in for PostgreSQL, a real full tmpfs.
"""

from __future__ import annotations

import contextlib
import random
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.domain.meeting_terms import NoteField
from app.journal.writer import fallback_journal_folder
from app.store import open_store
from tests.store import session_typing_child, typing_child
from tests.store.filesystems import fill_up, small_tmpfs

DURABLE_WITHIN = 0.300
CASES = ("locked", "never_opens", "full_disk")


@dataclass(frozen=True, slots=True)
class Outcome:
    typed_before_deadline: int  # characters typed more than 300 ms before the kill
    recovered: int  # characters of that note in the store after the next start

    @property
    def lost(self) -> int:
        return max(0, self.typed_before_deadline - self.recovered)


@contextlib.contextmanager
def sqlite_lock_held_by_another_process(database: Path) -> Iterator[None]:
    with subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys\n"
            f"c = sqlite3.connect({str(database)!r}, isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE')\n"
            "print('locked', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        try:
            assert holder.stdout is not None
            assert holder.stdout.readline().strip() == "locked"
            yield
        finally:
            holder.kill()


@contextlib.contextmanager
def silent_server() -> Iterator[int]:
    """A TCP port on loopback that accepts connections and never says a word."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            accepted.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(timeout=5)
        for connection in accepted:
            connection.close()
        listener.close()


def silent_postgres_url(port: int) -> str:
    return f"postgresql+psycopg://poise@127.0.0.1:{port}/poise"


def _read_lines_until(process: subprocess.Popen[str], deadline: float) -> list[str]:
    assert process.stdout is not None
    lines: list[str] = []
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    try:
        while (remaining := deadline - time.monotonic()) > 0:
            if selector.select(remaining):
                line = process.stdout.readline()
                if not line:
                    break
                lines.append(line.strip())
    finally:
        selector.unregister(process.stdout)
    return lines


def type_and_kill(url: str, *, journal: bool, seed: int, typing_for: float) -> int:
    """Run the child, kill it with SIGKILL; returns the characters typed 300 ms before."""
    arguments = [sys.executable, str(Path(session_typing_child.__file__)), url, str(seed)]
    if not journal:
        arguments.append("--no-journal")
    process = subprocess.Popen(
        arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1
    )
    try:
        assert process.stdout is not None
        ready = process.stdout.readline().strip()
        assert ready.startswith("ready"), process.stderr.read() if process.stderr else ready
        lines = _read_lines_until(process, time.monotonic() + typing_for)
        killed_at = time.monotonic()
        process.send_signal(signal.SIGKILL)
        remaining, _ = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == -signal.SIGKILL
    lines += [line.strip() for line in remaining.splitlines()]
    typed = [parts for parts in (line.split() for line in lines) if len(parts) == 2]
    return max(
        (int(count) for count, at in typed if float(at) <= killed_at - DURABLE_WITHIN), default=0
    )


def recovered_characters(url: str, data_dir: Path) -> int:
    """Open the store as the next start does; the length of the meeting's note, 0 if none."""
    store = open_store(url, data_dir=data_dir)
    try:
        assert store.journals.problems == [], store.journals.problems
        meetings = [
            meeting
            for meeting in store.service.list_meetings()
            if meeting.client_name == session_typing_child.CLIENT
        ]
        if not meetings:
            return 0
        assert len(meetings) == 1, "the journal was applied more than once"
        text = store.service.note_text(meetings[0].id, NoteField.WHAT_THEY_SAY)
        assert typing_child.SOURCE.startswith(text), "the recovered text is not what was typed"
        return len(text)
    finally:
        store.close()


def run_case(case: str, data_dir: Path, *, journal: bool, seed: int = 0) -> Outcome:
    """One kill -9 in ``case``; ``data_dir`` is the POISE_DATA_DIR the child inherits."""
    typing_for = random.Random(seed).uniform(1.0, 2.0)
    sqlite_url = f"sqlite:///{data_dir / 'poise.sqlite3'}"
    if case == "locked":
        open_store(sqlite_url, data_dir=data_dir).close()
        with sqlite_lock_held_by_another_process(data_dir / "poise.sqlite3"):
            typed = type_and_kill(sqlite_url, journal=journal, seed=seed, typing_for=typing_for)
        return Outcome(typed, recovered_characters(sqlite_url, data_dir))
    if case == "never_opens":
        with silent_server() as port:
            url = silent_postgres_url(port)
            typed = type_and_kill(url, journal=journal, seed=seed, typing_for=typing_for)
        return Outcome(typed, recovered_characters(sqlite_url, data_dir))
    if case == "full_disk":
        fallback = fallback_journal_folder(data_dir)
        shutil.rmtree(fallback, ignore_errors=True)
        try:
            with small_tmpfs(data_dir, size="8m"):
                open_store(sqlite_url, data_dir=data_dir).close()
                filler = fill_up(data_dir)
                typed = type_and_kill(sqlite_url, journal=journal, seed=seed, typing_for=typing_for)
                filler.unlink()
                return Outcome(typed, recovered_characters(sqlite_url, data_dir))
        finally:
            shutil.rmtree(fallback, ignore_errors=True)
    raise ValueError(case)
