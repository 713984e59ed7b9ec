"""An unexpected exception: a crash report, the notes saved, a quiet message that takes no focus."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import NoteField
from app.journal.writer import MeetingJournal
from app.store import Store
from app.ui.common.crash import CRASH_FOLDER, CrashHandler, install_crash_handler
from tests.meeting_factory import draft


def raised() -> tuple[type[BaseException], BaseException, object]:
    try:
        raise ValueError("a bug in a slot")
    except ValueError as error:
        return type(error), error, error.__traceback__


@pytest.mark.crash_expected
def test_bug_is_reported_notes_are_saved_and_focus_stays(
    qtbot: QtBot, store: Store, data_dir: Path
) -> None:
    from datetime import UTC, datetime

    from app.domain.meeting_terms import MeetingMode

    meeting = store.service.start_meeting(
        draft(
            "Acme",
            "t",
            datetime.now(UTC),
            mode=MeetingMode.VIDEO,
            playbook_id="client-crisis",
            partner_name="",
        )
    )
    note = QLineEdit()
    qtbot.addWidget(note)
    note.show()
    qtbot.waitExposed(note)
    note.activateWindow()
    note.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is note)
    store.writer.save_note(meeting.id, NoteField.REAL_CONCERN, "they fear losing their job")

    handler = CrashHandler(lambda: store.writer, lambda: None)
    kind, error, trace = raised()
    handler(kind, error, trace)  # type: ignore[arg-type]

    assert handler.last_report is not None
    assert handler.last_report.parent == data_dir / CRASH_FOLDER
    assert "a bug in a slot" in handler.last_report.read_text(encoding="utf-8")
    assert store.service.note_text(meeting.id, NoteField.REAL_CONCERN) == (
        "they fear losing their job"
    )
    assert handler.message is not None and handler.message.isVisible()
    assert "Your notes are saved." in handler.message.text()
    assert QApplication.focusWidget() is note
    # Offscreen Qt does not model window activation, so also check what asks for it.
    assert handler.message.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert handler.message.windowModality() == Qt.WindowModality.NonModal
    handler.message.close()


def test_install_returns_the_previous_hook() -> None:
    handler = CrashHandler(lambda: None, lambda: None)
    previous = install_crash_handler(handler)
    try:
        assert sys.excepthook is handler
    finally:
        sys.excepthook = previous


@pytest.mark.crash_expected
def test_before_the_store_opens_the_message_names_the_journal_file(
    qtbot: QtBot, data_dir: Path
) -> None:
    journal = MeetingJournal(data_dir, {"client_name": "Acme", "title": "Invoice"})
    journal.start(datetime.now(UTC))
    journal.note(NoteField.FREE.value, "they want a refund", datetime.now(UTC))
    assert journal.wait_written(5.0)
    handler = CrashHandler(lambda: None, lambda: None)
    try:
        raise RuntimeError("a bug while the store opens")
    except RuntimeError:
        handler(*sys.exc_info())
    assert handler.message is not None
    text = handler.message.text()
    assert f"Your notes are kept in {journal.location}" in text
    assert "saved when your notes database opens" in text
    assert "Your notes are saved." not in text
    handler.message.close()
    journal.close()
    assert journal.wait_written(5.0)
    handler = CrashHandler(lambda: None, lambda: None)
    try:
        raise RuntimeError("a bug with no meeting on")
    except RuntimeError:
        handler(*sys.exc_info())
    assert handler.message is not None
    assert "No notes are waiting to be saved." in handler.message.text()
    handler.message.close()
