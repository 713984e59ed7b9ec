"""The desktop session ending and the last window closing take the clean way out.

In process, with a real store, a real notes editor holding a long note's last keystroke
(not yet handed over) and a real partner link server: each path must end the link and
put the keystroke in the database before the app quits.
"""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.domain.meeting_terms import DEFAULT_CUES, NoteField
from app.link.server import PartnerLinkServer
from app.store import Store
from app.ui.live.notes_panel import NotesPanel
from app.ui.live.session import LiveSession
from app.ui.shutdown import CleanShutdown
from tests.meeting_factory import draft

LONG = "They say the delivery was late three times and nobody called.\n" * 3000


@pytest.mark.parametrize("path", ["session ends", "last window closed"])
def test_the_way_out_writes_everything_and_ends_the_link(
    qtbot: QtBot, qapp: QApplication, library: PlaybookLibrary, store: Store, path: str
) -> None:
    meeting = store.service.start_meeting(draft(started_at=datetime.now(UTC)))
    session = LiveSession(store, meeting.id, library.entries[0].playbook, DEFAULT_CUES)
    session.start()
    panel = NotesPanel(session)
    qtbot.addWidget(panel)
    editor = panel.editors[NoteField.FREE]
    editor.setPlainText(LONG)
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, "last")
    server = PartnerLinkServer(session.cues, bind_address="127.0.0.1", parent=session)
    link = SimpleNamespace(server=server)
    exit_codes: list[int] = []
    # Not the test run's own event loop: QCoreApplication.exit would stop every later wait.
    shutdown = CleanShutdown(qapp, lambda: store.writer, lambda: link, quit_with=exit_codes.append)
    try:
        if path == "session ends":
            shutdown._session_ending(None)
        else:
            qapp.lastWindowClosed.emit()
        assert exit_codes == [0]
        assert server.has_ended
        assert store.service.note_text(meeting.id, NoteField.FREE) == LONG + "last"
    finally:
        shutdown.uninstall()
        shutdown.deleteLater()
