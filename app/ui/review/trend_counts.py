"""The trends' third panel: per meeting, the cues needed and the partner's observations.

Two thin bars side by side in each meeting's slot (the cues red, the observations in the
timeline's partner green), so a user sees over time whether fewer cues were needed and
what the partner kept noticing. ``TrendsChart`` (``app.ui.review.trends``) frames the
panel and calls ``paint_counts``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter

CUES = QColor("#c0392b")
OBSERVATIONS = QColor("#1b7f6e")


class CountedMeeting(Protocol):
    @property
    def signals(self) -> int: ...
    @property
    def observations(self) -> int: ...


def counts_keys() -> tuple[tuple[QColor, str], ...]:
    """The panel's title: each bar's colour and what it counts (per meeting)."""
    return (
        (CUES, QCoreApplication.translate("TrendCounts", "Cues needed")),
        (OBSERVATIONS, QCoreApplication.translate("TrendCounts", "Your partner noticed")),
    )


def paint_title(painter: QPainter, panel: QRectF, metrics: QFontMetrics, text: QColor) -> None:
    """A small square of each bar's colour before its words; words that do not fit elide."""
    x = panel.left() + 4
    size = metrics.ascent() * 0.7
    for colour, words in counts_keys():
        room = panel.right() - x - size - 4
        if room < metrics.horizontalAdvance("…") * 3:
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRect(QRectF(x, panel.top() + 2 + (metrics.ascent() - size), size, size))
        shown = metrics.elidedText(words, Qt.TextElideMode.ElideRight, int(room))
        painter.setPen(text)
        painter.drawText(
            QRectF(x + size + 4, panel.top() + 1, room, metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            shown,
        )
        x += size + 4 + metrics.horizontalAdvance(shown) + 14


def highest_count(points: Sequence[CountedMeeting]) -> int:
    return max(1, *(max(p.signals, p.observations) for p in points))


def paint_counts(
    painter: QPainter, panel: QRectF, metrics: QFontMetrics, points: Sequence[CountedMeeting]
) -> None:
    """The bars, under the panel's title line; the frame and labels are the chart's."""
    highest = highest_count(points)
    usable = panel.height() - metrics.height() - 2
    slot = panel.width() / len(points)
    bar = max(1.5, slot * 0.28)
    painter.setPen(Qt.PenStyle.NoPen)
    for index, point in enumerate(points):
        middle = panel.left() + slot * index + slot / 2
        for value, colour, left in (
            (point.signals, CUES, middle - bar - 0.5),
            (point.observations, OBSERVATIONS, middle + 0.5),
        ):
            height = usable * value / highest
            painter.setBrush(colour)
            painter.drawRect(QRectF(left, panel.bottom() - height, bar, height))
