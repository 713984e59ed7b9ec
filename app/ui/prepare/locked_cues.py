"""The prepare dialog's cue rows when the administrator locked the cues.

A locked ``cues`` setting (``app.managed_settings``) is put back to the administrator's
cues whenever settings are saved, and a meeting starts with them; so the rows show them
read-only, saying "Set by <organisation>" as tooltip and accessible description (as
``app.ui.settings.locked_settings`` does), and "+ Add a cue"/"Remove" are hidden: nothing a
person types there could be lost, because they cannot type it. Imported by prepare_dialog.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

from app.settings import shared_settings
from app.ui.prepare.cue_rows import CueRow


def cues_locked() -> bool:
    return "last_cues" in shared_settings().managed.locked


def lock_cue_rows(rows: Sequence[CueRow], add_cue: QWidget) -> None:
    """Make the rows read-only and say who set them, when the administrator locked cues."""
    if not cues_locked():
        return
    set_by = shared_settings().managed.set_by
    for row in rows:
        for field in (row.label, row.words):
            field.setReadOnly(True)
        row.style_picker.setEnabled(False)
        row.remove.setVisible(False)
        for control in (row, row.label, row.words, row.style_picker):
            control.setToolTip(set_by)
            control.setAccessibleDescription(set_by)
        row.setProperty("managedLocked", True)
    add_cue.setVisible(False)
