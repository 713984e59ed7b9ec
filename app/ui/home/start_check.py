"""``poise --smoke`` (or ``--smoke-test``): start the app for real, prove it came up, quit.

Used by CI, the packaging tests and the start-time benchmark to run the desktop
bundle like a user would (window, shipped files, database) and get an exit code back.
``run_app`` starts the check and tells it when its store is open (or failed to
open). Once the first window is on screen and has painted, and the store is open, the
check makes one real query, prints one line and quits with 0; any problem prints one
line on stderr and quits with 1. No dialog is shown, so nothing waits for a click. A windowed
build on Windows has no console: there the line goes to ``smoke-test.txt`` in the data
folder instead.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from app import paths
from app.resources import resources_dir, shipped_playbooks_dir
from app.store.api import OpenStore

# A window that is not on screen by then will not be; CI machines can be slow.
START_TIMEOUT_SECONDS = 30.0
POLL_INTERVAL_MS = 5
EXIT_OK = 0
EXIT_FAILED = 1
# Where the verdict goes when there is no console to print it on.
VERDICT_FILE_NAME = "smoke-test.txt"


class StartCheck(QObject):
    """Watches one start of the app; quits it with the verdict."""

    def __init__(
        self,
        application: QApplication,
        window: QWidget,
        playbook_count: int | Callable[[], int],
    ) -> None:
        super().__init__(window)
        self._application = application
        self._window = window
        # A callable: the playbooks are parsed after the first paint (app.playbooks).
        self._playbook_count = playbook_count
        self._store: OpenStore | None = None
        self._done = False
        self._painted = False
        window.installEventFilter(self)
        self._started = time.monotonic()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self._timer.start(POLL_INTERVAL_MS)

    def store_opened(self, store: OpenStore) -> None:
        """The app's store is open; checked once the window shows."""
        self._store = store
        self._check()

    def store_failed(self, error: BaseException) -> None:
        """The app could not open its store: the start failed."""
        self._finish(EXIT_FAILED, f"failed, {_one_line(error)}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._painted = True
        return False

    def _check(self) -> None:
        if self._done:
            return
        handle = self._window.windowHandle()
        shown = handle is not None and handle.isExposed() and self._painted
        if not shown or self._store is None:
            if time.monotonic() - self._started > START_TIMEOUT_SECONDS:
                waiting_for = "the window's first paint" if not shown else "the database"
                self._finish(
                    EXIT_FAILED,
                    f"failed, {waiting_for} not ready within {START_TIMEOUT_SECONDS:.0f} s",
                )
            return
        for folder in (resources_dir(), shipped_playbooks_dir()):
            if not folder.is_dir():
                self._finish(EXIT_FAILED, f"failed, shipped files missing: {folder}")
                return
        count = self._playbook_count
        playbooks = count if isinstance(count, int) else count()
        if playbooks == 0:
            self._finish(EXIT_FAILED, f"failed, no playbook loaded from {shipped_playbooks_dir()}")
            return
        try:
            # One real query proves the schema is in place, not just the file.
            self._store.service.list_clients()
        except Exception as error:
            self._finish(EXIT_FAILED, f"failed, {_one_line(error)}")
            return
        where = self._store.location.display
        self._finish(EXIT_OK, f"ok, {playbooks} playbooks, database {where}")

    def _finish(self, code: int, verdict: str) -> None:
        if self._done:
            return
        self._done = True
        self._timer.stop()
        line = f"poise smoke test: {verdict}"
        stream = sys.stdout if code == EXIT_OK else sys.stderr
        if stream is None:
            # A windowed build (Windows) has no console: the verdict goes beside the database.
            with contextlib.suppress(OSError):
                folder = paths.data_dir()
                folder.mkdir(parents=True, exist_ok=True)
                (folder / VERDICT_FILE_NAME).write_text(line + "\n", encoding="utf-8")
        else:
            print(line, file=stream, flush=True)
        self._application.exit(code)


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__
