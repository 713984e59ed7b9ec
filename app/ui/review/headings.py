"""The review's section headings: bold, a little larger than the text under them."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def bold_title(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


def section_title(text: str) -> QLabel:
    """A meeting page section's heading (Timeline, Notes, ...), named for the style sheet."""
    label = QLabel(text)
    label.setObjectName("sectionTitle")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.15)
    font.setBold(True)
    label.setFont(font)
    return label
