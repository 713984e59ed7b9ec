"""A bold label, larger by a factor: every room's headings and titles are made so."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def bold_label(text: str = "", *, scale: float = 1.0, name: str = "") -> QLabel:
    """``scale`` times the default point size (1.0 keeps it); ``name`` is for style sheets."""
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    font = label.font()
    font.setBold(True)
    if scale != 1.0:
        font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label
