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
