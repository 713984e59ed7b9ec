"""``poise --smoke-test``: start the app for real, prove it works, quit.

Used by the packaging tests and the start-time benchmark to run the desktop bundle
like a user would (window, shipped files, database) and get an exit code back.
Once the first window is on screen it checks the shipped resources, opens the
store (creating or upgrading the database exactly as the app does), prints one
line and quits with 0; any problem prints one line on stderr and quits with 1.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app.resources import resources_dir, shipped_playbooks_dir

# A window that is not on screen by then will not be; CI machines can be slow.
SHOW_TIMEOUT_SECONDS = 30.0
POLL_INTERVAL_MS = 5


def quit_once_shown(application: QApplication, window: QWidget, playbook_count: int) -> None:
    """Arrange for the check to run as soon as ``window`` is exposed; returns at once."""
    started = time.monotonic()
    timer = QTimer(window)

    def fail(reason: str) -> None:
        print(f"poise smoke test: failed, {reason}", file=sys.stderr, flush=True)
        application.exit(1)

    def check() -> None:
        handle = window.windowHandle()
        if handle is None or not handle.isExposed():
            if time.monotonic() - started > SHOW_TIMEOUT_SECONDS:
                timer.stop()
                fail(f"the window was not shown within {SHOW_TIMEOUT_SECONDS:.0f} s")
            return
        timer.stop()
        for folder in (resources_dir(), shipped_playbooks_dir()):
            if not folder.is_dir():
                fail(f"shipped files missing: {folder}")
                return
        if playbook_count == 0:
            fail(f"no playbook loaded from {shipped_playbooks_dir()}")
            return
        # Imported here so a plain start does not pay for SQLAlchemy twice.
        from app.store import StoreError, open_store

        try:
            store = open_store()
        except StoreError as error:
            fail(str(error))
            return
        try:
            # One real query proves the schema is in place, not just the file.
            store.service.list_clients()
            where = store.location.display
        finally:
            store.close()
        print(
            f"poise smoke test: ok, {playbook_count} playbooks, database {where}",
            flush=True,
        )
        application.exit(0)

    timer.timeout.connect(check)
    timer.start(POLL_INTERVAL_MS)
