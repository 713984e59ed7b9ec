"""Cues the administrator locked show read-only in the real prepare dialog, saying who set
them; unlocked, the rows are editable as before."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app.playbooks import load_all_playbooks
from app.settings import shared_settings
from app.ui.prepare.prepare_dialog import PrepareDialog

from .conftest import write_admin_file
from .test_layers import ADMIN_FILE


def _open(qtbot: QtBot) -> PrepareDialog:
    dialog = PrepareDialog(load_all_playbooks(), ["ACME"], shared_settings().current)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    return dialog


def test_locked_cues_are_read_only_and_say_who_set_them(qtbot: QtBot, admin_folder: Path) -> None:
    write_admin_file(admin_folder, ADMIN_FILE.replace('"cue_sound"]', '"cue_sound", "cues"]'))
    dialog = _open(qtbot)
    assert [row.words.text() for row in dialog.cue_rows] == ["Slow down and breathe"]
    for row in dialog.cue_rows:
        assert row.label.isReadOnly() and row.words.isReadOnly()
        assert row.words.accessibleDescription() == "Set by Northwind Support"
        assert row.words.toolTip() == "Set by Northwind Support"
        assert not row.remove.isVisible()
    assert not dialog.add_cue.isVisible()


def test_unlocked_cues_are_editable_as_before(qtbot: QtBot, admin_folder: Path) -> None:
    write_admin_file(admin_folder, ADMIN_FILE)
    dialog = _open(qtbot)
    assert not dialog.cue_rows[0].words.isReadOnly()
    assert dialog.add_cue.isVisible()
