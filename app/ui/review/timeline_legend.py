"""What the marks of the review's timeline strip mean, in one line under it: steps, signals,
stamped lines, flags and the partner's observations, each in the strip's own colour."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel


def timeline_legend() -> QLabel:
    legend = QLabel(
        QCoreApplication.translate(
            "TimelineLegend",
            "<span style='color:#2f4f6f'>■</span> steps &nbsp; "
            "<span style='color:#c0392b'>▍</span> signal, bar until acknowledged "
            "(hatched until it faded) &nbsp; "
            "<span style='color:#2f4f6f'>●</span> stamped line &nbsp; "
            "<span style='color:#b54708'>⚑</span> flagged moment &nbsp; "
            "<span style='color:#1b7f6e'>◇</span> your partner noticed",
        )
    )
    legend.setObjectName("timelineLegend")
    legend.setWordWrap(True)
    legend.setStyleSheet("color: #57606a;")
    return legend
