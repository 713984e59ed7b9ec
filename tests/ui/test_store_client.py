"""The one way to the store: bugs reach the crash handler once, a store that cannot be
opened at start leaves the app running with a Retry, and quitting with notes not yet in
the store asks first.

Real SQLite files, a real lock held by another process, the app's own composition root.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app import paths
from app.domain.library import PlaybookLibrary
from app.domain.meeting_terms import NoteField
from app.store import open_store
from app.store.api import DatabaseLocked
from app.ui.common.crash import CRASH_FOLDER
from tests.meeting_factory import draft
from tests.ui.conftest import started_app
from tests.ui.test_meeting_before_store import end, start

WAIT_MS = 8000
HOLD_LOCK = """
import sqlite3, sys
held = sqlite3.connect(sys.argv[1], isolation_level=None)
held.execute("PRAGMA locking_mode=EXCLUSIVE")
held.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def locked_database(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    """An existing database that another program holds locked until the test lets go."""
    open_store().close()
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(paths.database_file())],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield holder
        if holder.poll() is None:
            holder.kill()


def release(holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None
    holder.stdin.write("\n")
    holder.stdin.flush()
    holder.wait(10)


@pytest.mark.crash_expected
def test_a_bug_in_a_write_reaches_the_crash_handler_once_and_other_writes_go_on(
    qtbot: QtBot, library: PlaybookLibrary, data_dir: Path
) -> None:
    controller = started_app(qtbot, library)
    try:
        with qtbot.waitSignal(controller.client.storeOpened, timeout=WAIT_MS):
            controller.open_store()
        client = controller.client
        meeting = client.service.start_meeting(draft(started_at=datetime.now(UTC)))
        broken = "pasted \ud800 from a broken source"  # cannot be encoded for the database
        with qtbot.waitSignal(client.bug, timeout=WAIT_MS) as bug:
            client.save_note(meeting.id, NoteField.FREE, broken)
            client.save_note(meeting.id, NoteField.REAL_CONCERN, "being ignored")
        assert isinstance(bug.args[0], UnicodeEncodeError)
        qtbot.waitUntil(lambda: controller.crash_handler.message is not None, timeout=WAIT_MS)
        message = controller.crash_handler.message
        assert message is not None
        writer = controller.writer()
        assert writer is not None and writer.recovery_file is not None
        assert f"Your notes are kept in {writer.recovery_file}" in message.text()
        assert len(list((data_dir / CRASH_FOLDER).glob("crash-*.txt"))) == 1

        # The same bug again is not reported again; every other write still lands.
        client.save_note(meeting.id, NoteField.WHAT_THEY_SAY, broken)
        answers: list[object] = []
        client.read(client.service.load_meeting, meeting.id, on_done=answers.append)
        qtbot.waitUntil(lambda: bool(answers), timeout=WAIT_MS)
        assert answers[0].notes[NoteField.REAL_CONCERN] == "being ignored"  # type: ignore[attr-defined]
        assert len(list((data_dir / CRASH_FOLDER).glob("crash-*.txt"))) == 1
        assert not client.flush(5)  # the broken text waits in the recovery file
        assert controller.unsaved_places() == [str(controller.writer().recovery_file)]  # type: ignore[union-attr]
        message.close()
    finally:
        controller.close(5)


def test_a_bug_in_a_read_goes_to_its_caller_and_to_the_crash_handler_once(
    qtbot: QtBot, library: PlaybookLibrary
) -> None:
    controller = started_app(qtbot, library)
    try:
        with qtbot.waitSignal(controller.client.storeOpened, timeout=WAIT_MS):
            controller.open_store()
        client = controller.client
        errors: list[object] = []
        bugs: list[object] = []
        client.bug.disconnect(controller.crash_handler.report)  # no dialog in this test
        client.bug.connect(bugs.append)

        def broken() -> int:
            return int("not a number")

        for _ in range(2):
            client.read(broken, on_error=errors.append)
        qtbot.waitUntil(lambda: len(errors) == 2, timeout=WAIT_MS)
        assert all(isinstance(error, ValueError) for error in errors)
        assert len(bugs) == 1
        # A meeting deleted meanwhile is the world, not a bug.
        client.read(client.service.load_meeting, 4711, on_error=errors.append)
        qtbot.waitUntil(lambda: len(errors) == 3, timeout=WAIT_MS)
        assert len(bugs) == 1
    finally:
        controller.close(5)


def test_a_locked_store_at_start_leaves_the_app_open_and_lands_everything_on_retry(
    qtbot: QtBot,
    library: PlaybookLibrary,
    locked_database: subprocess.Popen[str],
    screens_dir: Path,
) -> None:
    controller = started_app(qtbot, library)
    window = controller.window
    try:
        with qtbot.waitSignal(controller.client.storeFailed, timeout=WAIT_MS) as failed:
            controller.open_store()
        assert isinstance(failed.args[0], DatabaseLocked)
        assert window.status.text() == (
            "Your notes database is not open: another program is using it. "
            "Meetings still run; nothing is lost."
        )
        details = window.status.toolTip()
        assert str(paths.database_file()) in details and "busy" in details
        assert window.retry_button.isVisible()
        assert controller._store_retry.isActive()  # and tried again on its own
        controller._store_retry.stop()  # this test presses Retry itself
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        assert window.grab().save(str(screens_dir / "home-store-locked.png"))

        # Meetings still run meanwhile; one that ends is filed as Markdown, and still waits.
        flow = controller.ensure_flow()
        live = start(qtbot, flow)
        editor = live.notes.editors[NoteField.REAL_CONCERN]
        qtbot.keyClicks(editor, "Budget review next week")
        assert live.problem_line.isVisible()
        assert not live.session.stored
        with qtbot.waitSignal(flow.unsavedCopyWritten, timeout=WAIT_MS) as filed:
            end(qtbot, flow, live)
        assert "Budget review next week" in filed.args[0].read_text(encoding="utf-8")

        release(locked_database)
        with qtbot.waitSignal(flow.meetingStored, timeout=WAIT_MS) as ended:
            qtbot.mouseClick(window.retry_button, Qt.MouseButton.LeftButton)
        assert window.retry_button.isHidden() and "ready" in window.status.text()
        assert not flow.has_unstored_meeting
        assert controller.client.flush(5)
        detail = controller.client.service.load_meeting(ended.args[0])
        assert detail.notes[NoteField.REAL_CONCERN] == "Budget review next week"
        assert detail.meeting.ended_at is not None
        qtbot.waitUntil(lambda: window.recent_model.rowCount() == 1, timeout=WAIT_MS)
    finally:
        controller.close(5)


def answer_next_question(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Press ``button`` in the question box as soon as it is on screen."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, press)


def test_quitting_with_a_meeting_not_in_the_store_asks_and_says_where_it_is_kept(
    qtbot: QtBot, library: PlaybookLibrary, data_dir: Path
) -> None:
    data_dir.mkdir(parents=True)
    paths.database_file().write_bytes(b"this is not a database, just some words" * 200)
    controller = started_app(qtbot, library)
    window = controller.window
    window.close_guard = controller.may_quit
    try:
        with qtbot.waitSignal(controller.client.storeFailed, timeout=WAIT_MS):
            controller.open_store()
        live = start(qtbot, controller.ensure_flow())
        qtbot.keyClicks(live.notes.editors[NoteField.WHAT_THEY_SAY], "They want a discount")
        folder = data_dir / "unsaved-meetings"

        asked: list[str] = []
        answer_next_question(QMessageBox.StandardButton.No, asked)
        window.close()
        assert window.isVisible()  # not quitting: nothing written, nothing lost
        assert len(asked) == 1 and str(folder) in asked[0]
        assert not folder.exists()

        answer_next_question(QMessageBox.StandardButton.Yes, asked)
        window.close()
        assert not window.isVisible()
        [copy] = folder.glob("*.md")
        assert "They want a discount" in copy.read_text(encoding="utf-8")
        live.close()
    finally:
        controller.close(5)
