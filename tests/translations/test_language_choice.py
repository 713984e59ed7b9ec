"""Settings' language choice: saved as the code, said to apply from the next start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.settings import shared_settings
from app.ui.settings.settings_dialog import SettingsDialog


def test_choosing_german_saves_it_for_the_next_start(qtbot: QtBot) -> None:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.language.combo
    assert combo.currentData() == "system"
    assert [combo.itemText(index) for index in range(combo.count())][:3] == [
        "Follow the system",
        "English",
        "Deutsch",
    ]
    assert not dialog.language.note.isVisible()
    combo.setCurrentIndex(combo.findData("de"))
    assert dialog.language.note.isVisible()
    assert dialog.language.note.text() == "Applies from Poise's next start."
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert shared_settings().current.language == "de"
    assert '"language": "de"' in shared_settings().path.read_text(encoding="utf-8")
