"""A damaged settings file is kept aside, never overwritten, and the Settings dialog says so
once. The real file in the data folder, the real dialog and its Save button."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.settings import DEFAULTS, load_settings, settings_file, shared_settings
from app.ui.settings.settings_dialog import SettingsDialog

DAMAGED = {
    "bad bytes": b'{"theme": "dark", "cue_fade_seconds": 45\xff\xfe}',
    "a syntax error": b'{"theme": "dark", "cue_fade_seconds": 45,,\n',
}


def _open(qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


@pytest.mark.parametrize("damage", list(DAMAGED))
def test_a_damaged_settings_file_is_kept_aside_and_the_dialog_says_where_once(
    qtbot: QtBot, data_dir: Path, screens_dir: Path, damage: str
) -> None:
    data_dir.mkdir()
    settings_file().write_bytes(DAMAGED[damage])
    assert shared_settings().current == DEFAULTS

    dialog = _open(qtbot)
    (kept,) = data_dir.glob("settings.json.damaged-*")
    assert kept.read_bytes() == DAMAGED[damage]
    notice = dialog.damage_notice
    assert notice.isVisible()
    assert "could not be read" in notice.text() and "default settings" in notice.text()
    assert str(kept) in notice.text()
    QApplication.sendPostedEvents()
    assert dialog.grab().save(str(screens_dir / f"settings-damaged-{damage[:3]}.png"))

    dialog.fade.setValue(30)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert load_settings().cue_fade_seconds == 30
    assert json.loads(settings_file().read_text(encoding="utf-8"))["cue_fade_seconds"] == 30
    assert kept.read_bytes() == DAMAGED[damage]  # the save wrote a new file, not over it

    again = _open(qtbot)
    assert not again.damage_notice.isVisible()  # said once


def test_a_good_settings_file_shows_no_notice_and_is_not_moved(
    qtbot: QtBot, data_dir: Path
) -> None:
    data_dir.mkdir()
    settings_file().write_text(json.dumps({"cue_fade_seconds": 45}), encoding="utf-8")
    dialog = _open(qtbot)
    assert not dialog.damage_notice.isVisible()
    assert dialog.fade.value() == 45
    assert list(data_dir.glob("settings.json.damaged-*")) == []
