"""Settings' keys page in German: the keys read as a German keyboard names them ("Strg",
"Bild abwärts"), what is saved stays the portable form, and the page's hint that quotes
"Festlegen…" is not taken for a shortened text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from app.domain.hotkeys import HotkeyAction
from app.settings import shared_settings
from app.ui.common.fit_checks import window_fit_problems
from app.ui.settings.settings_dialog import SettingsDialog


def _keys_page(qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentIndex(1)
    return dialog


def test_the_keys_page_names_keys_in_german_and_saves_the_portable_form(
    german: None, qtbot: QtBot
) -> None:
    dialog = _keys_page(qtbot)
    rows = dialog.shortcut_rows
    assert rows[HotkeyAction.NEXT_STEP].keys.text() == "Strg+Alt+Bild abwärts"
    assert rows[HotkeyAction.FLAG_MOMENT].keys.text() == "Strg+Alt+Umschalt+F"
    assert not [row.keys.text() for row in rows.values() if "Ctrl" in row.keys.text()]

    row = rows[HotkeyAction.TOGGLE_HIDDEN]
    qtbot.mouseClick(row.capture, Qt.MouseButton.LeftButton)
    assert row.capture.capturing
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(row.capture, Qt.Key.Key_J, modifiers)
    assert row.keys.text() == "Strg+Umschalt+J"

    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    qtbot.mouseClick(
        buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    saved = shared_settings().current.hotkeys
    assert saved[HotkeyAction.TOGGLE_HIDDEN.value] == "ctrl+shift+j"
    assert saved[HotkeyAction.NEXT_STEP.value] == "ctrl+alt+page_down"


def test_the_keys_pages_hint_quoting_a_button_is_not_a_shortened_text(
    german: None, qtbot: QtBot
) -> None:
    dialog = _keys_page(qtbot)
    hints = [
        label
        for label in dialog.findChildren(QLabel)
        if label.isVisible() and "„Festlegen…“" in label.text()
    ]
    assert hints, "the keys page's hint quoting the Set… button"
    assert not [p for p in window_fit_problems(dialog) if "elided" in p]


def test_a_clash_names_the_keys_as_the_rows_do(german: None, qtbot: QtBot) -> None:
    dialog = _keys_page(qtbot)
    row = dialog.shortcut_rows[HotkeyAction.NEXT_STEP]
    qtbot.mouseClick(row.capture, Qt.MouseButton.LeftButton)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(row.capture, Qt.Key.Key_H, modifiers)  # already "hide all windows"
    problem = dialog.shortcut_problem.text()
    assert problem.startswith("Strg+Alt+H ist sowohl für"), problem
    assert row.keys.text() == "Strg+Alt+Bild abwärts"
