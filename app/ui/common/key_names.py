"""A key combination as the person reads it, in their language: "Strg+Umschalt+F".

``KeyCombo.display`` stays Qt's portable form ("Ctrl+Shift+F"), which ``QKeySequence``
and ``parse_combo`` read back; what a window shows goes through Qt's own key names
(``NativeText``), which Qt's ``qtbase_<language>.qm`` translates ("Bild abwärts").
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence

from app.domain.hotkeys import KeyCombo

__all__ = ["shown_keys", "shown_shortcut"]


def shown_keys(combo: KeyCombo) -> str:
    """``combo`` in the words of the person's keyboard; its portable form if Qt reads none."""
    native = QKeySequence(combo.display).toString(QKeySequence.SequenceFormat.NativeText)
    return native or combo.display


def shown_shortcut(portable: str) -> str:
    """A window shortcut written as Qt reads it ("Ctrl+P"), as the person reads it ("Strg+P")."""
    return QKeySequence(portable).toString(QKeySequence.SequenceFormat.NativeText) or portable
