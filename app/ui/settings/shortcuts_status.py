"""What Settings' keys section says about the system-wide keys: whether they are heard,
why not, and, on Wayland, which keys the desktop bound otherwise than asked (its dialog
or its settings may change them; Poise only asks)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.translation import QT_TRANSLATE_NOOP, translate
from app.ui.common.desktop_key_words import desktop_key_line

if TYPE_CHECKING:
    from app.ui.common.global_shortcuts import GlobalShortcuts

NO_SHORTCUTS_LAYER = QT_TRANSLATE_NOOP(
    "ShortcutsStatus", "System-wide shortcuts start with Poise; restart Poise to use new keys."
)


def shortcuts_status(shortcuts: GlobalShortcuts | None) -> tuple[str, bool]:
    """The section's words, and whether they tell of a problem."""
    if shortcuts is None:
        return QCoreApplication.translate("ShortcutsStatus", NO_SHORTCUTS_LAYER), False
    availability = shortcuts.availability
    if not availability.available:
        return translate("Shortcuts", availability.reason), True
    if shortcuts.problem:
        return translate("Shortcuts", shortcuts.problem), True
    changed = [
        desktop_key_line(action, words) for action, words in shortcuts.desktop_changed().items()
    ]
    return "\n".join([translate("Shortcuts", availability.reason), *changed]), False
