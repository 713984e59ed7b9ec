"""A child Poise process that writes, says one line, and is killed with SIGKILL, and the
store opened after it: the way the kill tests of the journal (``test_partner_record_kill``,
``test_late_partner_kill``) run their children and read what survived."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from app.store import open_store
from app.store.records import MeetingDetail


def first_line_then_kill(child: Path) -> str:
    """Run ``child``; return its first line of output, then kill -9 it (whatever it said)."""
    with subprocess.Popen(
        [sys.executable, str(child)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    ) as running:
        try:
            assert running.stdout is not None
            line = running.stdout.readline()
        finally:
            running.send_signal(signal.SIGKILL)
            running.wait(timeout=30)
        if not line.strip():
            assert running.stderr is not None
            raise AssertionError(f"{child.name} said nothing: {running.stderr.read()}")
    return line.strip()


def the_meeting_after_two_starts(data_dir: Path) -> MeetingDetail:
    """The one meeting in ``data_dir``'s store, opened twice (journals applied at each
    start: applying again after a crash right after applying adds nothing twice)."""
    for _ in range(2):
        store = open_store(data_dir=data_dir)
        try:
            [summary] = store.service.list_meetings()
            detail = store.service.load_meeting(summary.id)
        finally:
            store.close()
    return detail
