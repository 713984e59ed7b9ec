"""The prepare dialog's wrapping fields (a cue's words, the partner's role) with real key
events and the real clipboard: they stay one paragraph (Enter goes on to the next field,
a pasted line break becomes a space), keep to their length, and grow a line taller when
their words wrap instead of hiding them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.ui.prepare.wrapping_field import WrappingField
from tests.ui.field_text_fits import fields_cut
from tests.ui.test_prepare_dialog_keys import open_dialog


def test_enter_in_a_cues_words_goes_on_and_adds_no_line(
    qtbot: QtBot, library: PlaybookLibrary
) -> None:
    dialog = open_dialog(qtbot, library, [])
    dialog.add_cue.click()
    first, second = dialog.cue_rows[0], dialog.cue_rows[1]
    qtbot.waitUntil(second.label.isVisible)  # a row added to a shown page shows queued
    first.words.setFocus()
    qtbot.waitUntil(lambda: dialog.focusWidget() is first.words)
    qtbot.keyClick(first.words, Qt.Key.Key_End)
    qtbot.keyClicks(first.words, " Slowly")
    qtbot.keyClick(first.words, Qt.Key.Key_Return)
    assert "\n" not in first.words.text() and first.words.text().endswith(" Slowly")
    qtbot.waitUntil(lambda: dialog.focusWidget() is second.label)


def test_a_pasted_line_break_is_a_space_and_the_length_is_kept(qtbot: QtBot) -> None:
    field = WrappingField("")
    qtbot.addWidget(field)
    field.setMaxLength(20)
    QApplication.clipboard().setText("Stop talking.\nListen to the end of it.")
    field.paste()
    assert field.text() == "Stop talking. Listen"
    field.setText("one\ntwo")
    assert field.text() == "one two"


def test_wrapped_words_make_the_field_taller_not_cut(qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    field = WrappingField("Time to wrap up: agree the next step.")
    layout.addWidget(field)
    layout.addStretch(1)
    holder.resize(500, 300)
    holder.show()
    qtbot.waitExposed(holder)
    one_line = field.height()
    holder.resize(field.fontMetrics().horizontalAdvance("Time to wrap") + 40, 300)
    qtbot.waitUntil(lambda: field.height() > one_line)
    assert not fields_cut(holder)
