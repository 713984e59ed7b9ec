"""A locked setting in the real Settings dialog: shown as locked, with who set it, and
neither a click, typing nor Save changes it. And a broken administrator's file: the dialog
says what and where, and the app still starts."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.settings import settings_file, shared_settings
from app.ui.settings.settings_dialog import SettingsDialog

from ..conftest import REPO_ROOT
from ..test_cli import run_poise
from .conftest import write_admin_file
from .test_layers import ADMIN_FILE, _playbook_with_id

LOCKING = ADMIN_FILE.replace(
    'locked = ["relay_broker_url", "cue_sound"]',
    'locked = ["relay_broker_url", "cue_sound", "cue_fade_seconds"]',
)


def _open(qtbot: QtBot) -> SettingsDialog:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def _click_box(qtbot: QtBot, box: QCheckBox) -> None:
    """Click the box itself (its middle may be empty space right of the words)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def _save(qtbot: QtBot, dialog: SettingsDialog) -> None:
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_a_locked_setting_shows_who_set_it_and_cannot_be_changed_in_the_dialog(
    qtbot: QtBot, admin_folder: Path, screens_dir: Path
) -> None:
    write_admin_file(admin_folder, LOCKING)
    dialog = _open(qtbot)
    assert dialog.managed_note.isVisible()
    assert "Northwind Support" in dialog.managed_note.text()
    for control in (dialog.sound, dialog.fade, dialog.partners_page.broker_field):
        assert not control.isEnabled()
        assert control.toolTip() == "Set by Northwind Support"
        assert control.accessibleDescription() == "Set by Northwind Support"
    assert dialog.large_text.isEnabled()  # not locked: the person's to change
    QApplication.sendPostedEvents()
    assert dialog.grab().save(str(screens_dir / "settings-locked.png"))

    _click_box(qtbot, dialog.sound)
    assert dialog.sound.isChecked()
    dialog.fade.setFocus()
    qtbot.keyClicks(dialog.fade, "9")
    qtbot.keyClick(dialog.fade, Qt.Key.Key_Up)
    assert dialog.fade.value() == 45
    qtbot.keyClicks(dialog.partners_page.broker_field, "x")
    assert dialog.partners_page.broker_field.text() == "wss://relay.northwind.example/mqtt"
    _click_box(qtbot, dialog.large_text)
    _save(qtbot, dialog)

    current = shared_settings().current
    assert current.large_step_text is True
    assert (current.cue_sound, current.cue_fade_seconds) == (True, 45)
    saved = json.loads(settings_file().read_text(encoding="utf-8"))
    assert saved["large_step_text"] is True
    assert not {"cue_sound", "cue_fade_seconds", "relay_broker_url"} & set(saved)


def test_the_pause_seconds_stay_locked_when_the_pause_is_switched_on(
    qtbot: QtBot, admin_folder: Path
) -> None:
    write_admin_file(
        admin_folder, 'locked = ["pause_cue_seconds"]\n[settings]\npause_cue_seconds = 8\n'
    )
    dialog = _open(qtbot)
    _click_box(qtbot, dialog.pause_cue)
    assert dialog.pause_cue.isChecked()
    assert not dialog.pause_seconds.isEnabled()
    assert dialog.pause_seconds.value() == 8
    assert "set for everyone by your administrator" in dialog.managed_note.text()


def test_without_an_administrator_the_dialog_is_as_before(qtbot: QtBot, admin_folder: Path) -> None:
    dialog = _open(qtbot)
    assert not dialog.managed_note.isVisible()
    assert dialog.sound.isEnabled() and dialog.sound.toolTip() == ""


def test_a_broken_administrators_file_is_said_in_settings_and_the_app_still_starts(
    qtbot: QtBot, admin_folder: Path, data_dir: Path
) -> None:
    path = write_admin_file(admin_folder, 'organisation = "Northwind"\n[settings\n')
    (admin_folder / "playbooks").mkdir()
    (admin_folder / "playbooks" / "team.toml").write_text(
        _playbook_with_id("northwind-team", "Team playbook"), encoding="utf-8"
    )
    dialog = _open(qtbot)
    note = dialog.managed_note
    assert note.isVisible() and note.objectName() == "problemLine"
    assert f"{path}, line 2 cannot be read" in note.text()
    dialog.close()

    shipped = len(list((REPO_ROOT / "playbooks").glob("*.toml")))
    started = run_poise("--smoke", data_dir=data_dir)
    # The "ok" line is printed once the home window is up and the store open: the app
    # started. Its exit code is not asserted: main's --smoke also crashes at exit now and
    # then under load (SIGSEGV after "ok", 1 run in 24 measured), which is not this test's.
    assert f"poise smoke test: ok, {shipped + 1} playbooks" in started.stdout, (
        started.stdout + started.stderr
    )
    assert str(path) in started.stderr  # said in the log, with the line
    assert path.read_text(encoding="utf-8") == 'organisation = "Northwind"\n[settings\n'
