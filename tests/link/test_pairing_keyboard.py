"""The pairing window with the keyboard alone: F6 from the live window reaches it (it shows
itself without taking the focus, so nothing else would), Tab reaches the address, its
Copy button, the code and the link's off switch, and F6 goes back to the note being typed;
in the real meeting path with the link on."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import NoteField
from tests.link.conftest import RealMeeting
from tests.ui.keyboard_walk import chain_names, tab_chain, unreached


def focus() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_pairing_window_by_keyboard(qtbot: QtBot, real_meeting: RealMeeting) -> None:
    _session, window = real_meeting.start()
    note = window.notes.editors[NoteField.WHAT_THEY_SAY]
    window.activateWindow()
    note.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is note)
    QTest.keyClick(note, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert real_meeting.link is not None
    pairing = real_meeting.link.pairing_window
    assert pairing is not None
    qtbot.waitExposed(pairing)
    assert focus() is note  # shown beside, the caret stays in the note

    QTest.keyClick(note, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: focus().window() is pairing, timeout=3000)
    chain = tab_chain(qtbot, pairing)
    missing = unreached(pairing, chain)
    assert not missing, f"not reached by Tab {chain_names(chain)}: {missing}"
    assert pairing.panel.url_copy.field in chain

    QTest.keyClick(focus(), Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is note, timeout=3000)
    real_meeting.end()
