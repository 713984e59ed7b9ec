"""Trends over the last meetings: signals per hour, the median time to acknowledge, and
per meeting the cues needed and the partner's observations (``app.ui.review.trend_counts``).

Only meetings that ended and lasted at least ``MIN_TREND_MINUTES`` count: a 15-second
try or a meeting still open says nothing about how heated meetings are. Signals are
counted per hour, so a long meeting does not look worse than a short one for its length.
``trend_points`` is plain Python over the store's records; ``TrendsChart`` draws them as
three small panels (bars for signals per hour, dots joined by a line for the median
reaction time, paired bars for cues and observations) with a one-line verdict above,
comparing the recent half with the earlier half; below ``MIN_TREND_POINTS`` meetings it
says no trend yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from statistics import mean, median

from PySide6.QtCore import QCoreApplication, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.export.formatting import format_seconds
from app.store.api import MeetingDetail
from app.ui.review.local_dates import axis_day_text
from app.ui.review.trend_counts import highest_count, paint_counts, paint_title

DEFAULT_TREND_MEETINGS = 20
MIN_TREND_MINUTES = 5
MIN_TREND_POINTS = 3
_BAR = QColor("#c0392b")
_LINE = QColor("#2f4f6f")
_GRID = QColor("#e3e6ea")
_TEXT = QColor("#57606a")


@dataclass(frozen=True, slots=True)
class TrendPoint:
    meeting_id: int
    started_at: datetime
    client_name: str
    signals: int
    minutes: float
    median_ack_seconds: float | None  # None when no signal was acknowledged
    observations: int = 0  # what the partner noted (issue 25)

    @property
    def signals_per_hour(self) -> float:
        return self.signals * 60.0 / max(self.minutes, 1.0)


def counts_for_trends(started_at: datetime, ended_at: datetime | None) -> bool:
    """Ended, and long enough to say something about the meeting's temperature."""
    if ended_at is None:
        return False
    return (ended_at - started_at).total_seconds() >= MIN_TREND_MINUTES * 60


def trend_point(detail: MeetingDetail) -> TrendPoint:
    delays = [
        (signal.acknowledged_at - signal.sent_at).total_seconds()
        for signal in detail.signals
        if signal.acknowledged_at is not None
    ]
    meeting = detail.meeting
    end = meeting.ended_at or meeting.started_at
    return TrendPoint(
        meeting_id=meeting.id,
        started_at=meeting.started_at,
        client_name=meeting.client_name,
        signals=len(detail.signals),
        minutes=(end - meeting.started_at).total_seconds() / 60,
        median_ack_seconds=median(delays) if delays else None,
        observations=len(detail.observations),
    )


def trend_points(details: Sequence[MeetingDetail]) -> list[TrendPoint]:
    """The meetings that count for trends, oldest first, as a chart reads left to right."""
    counted = [d for d in details if counts_for_trends(d.meeting.started_at, d.meeting.ended_at)]
    return sorted((trend_point(d) for d in counted), key=lambda p: p.started_at)


def verdict(points: Sequence[TrendPoint]) -> str:
    """One sentence comparing the recent half of the meetings with the earlier half."""
    if len(points) < MIN_TREND_POINTS:
        return QCoreApplication.translate(
            "TrendsVerdict",
            "A trend shows after {count} ended meetings of {minutes} minutes or more.",
        ).format(count=MIN_TREND_POINTS, minutes=MIN_TREND_MINUTES)
    half = len(points) // 2
    earlier, recent = points[:half], points[-half:]
    before = mean(p.signals_per_hour for p in earlier)
    after = mean(p.signals_per_hour for p in recent)
    acks_before = [p.median_ack_seconds for p in earlier if p.median_ack_seconds is not None]
    acks_after = [p.median_ack_seconds for p in recent if p.median_ack_seconds is not None]
    rates = {"before": _one_decimal(before), "after": _one_decimal(after)}
    if acks_before and acks_after:
        figures = QCoreApplication.translate(
            "TrendsVerdict",
            "Signals per hour: {before} → {after}; "
            "median time to acknowledge: {ack_before} → {ack_after}",
        ).format(
            **rates,
            ack_before=format_seconds(median(acks_before)),
            ack_after=format_seconds(median(acks_after)),
        )
    else:
        figures = QCoreApplication.translate(
            "TrendsVerdict", "Signals per hour: {before} → {after}"
        ).format(**rates)
    if after < before * 0.85:
        sentence = QCoreApplication.translate("TrendsVerdict", "{figures}. Calmer lately.")
    elif after > before * 1.15:
        sentence = QCoreApplication.translate("TrendsVerdict", "{figures}. More heated lately.")
    else:
        sentence = QCoreApplication.translate("TrendsVerdict", "{figures}. About the same.")
    return sentence.format(figures=figures)


def _one_decimal(value: float) -> str:
    """'4.0'; in German '4,0'."""
    return QLocale().toString(float(value), "f", 1)


class TrendsChart(QWidget):
    """Draws the points; empty until ``set_points``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendsChart")
        self._points: list[TrendPoint] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Trends over the last meetings"))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(520, 320)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, 320)

    def set_points(self, points: Sequence[TrendPoint]) -> None:
        self._points = list(points)
        self.setAccessibleDescription(verdict(self._points))
        self.setToolTip(verdict(self._points))
        self.update()

    def points(self) -> list[TrendPoint]:
        return list(self._points)

    def _muted(self) -> QColor:
        # Grey that reads on the light and on the dark look alike.
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        return QColor("#a3a9ae") if dark else _TEXT

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        metrics = QFontMetrics(self.font())
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        # The verdict may take two lines in a narrow panel; the panels start below it.
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        text_box = metrics.boundingRect(
            0, 0, self.width() - 16, 200, int(flags), verdict(self._points)
        )
        line = min(text_box.height(), metrics.height() * 2)
        painter.drawText(
            QRectF(8, 4, self.width() - 16, line + 2), int(flags), verdict(self._points)
        )
        if len(self._points) < MIN_TREND_POINTS:
            # Bars from one or two meetings would look like a trend the verdict denies.
            count = len(self._points)
            so_far = (
                self.tr("%n meeting(s) so far", "", count) if count else self.tr("No meetings yet")
            )
            painter.setPen(self._muted())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, so_far)
            painter.end()
            return
        top = line + 12
        gap = 8
        axis_label = metrics.height() + 2
        panel_height = (self.height() - top - axis_label - 2 * gap) / 3
        left = metrics.horizontalAdvance("99 min") + 12
        right = self.width() - 10
        signals_panel = QRectF(left, top, right - left, panel_height)
        ack_panel = QRectF(left, top + panel_height + gap, right - left, panel_height)
        counts_panel = QRectF(left, top + 2 * (panel_height + gap), right - left, panel_height)
        self._paint_signals(painter, signals_panel, metrics)
        self._paint_acks(painter, ack_panel, metrics)
        highest = QLocale().toString(highest_count(self._points))
        self._panel_frame(painter, counts_panel, metrics, "", highest)
        paint_title(painter, counts_panel, metrics, self._muted())
        paint_counts(painter, counts_panel, metrics, self._points)
        self._paint_dates(painter, counts_panel, metrics)
        painter.end()

    def _slot(self, panel: QRectF, index: int) -> tuple[float, float]:
        width = panel.width() / len(self._points)
        return panel.left() + width * index, width

    def _panel_frame(
        self, painter: QPainter, panel: QRectF, metrics: QFontMetrics, title: str, top_label: str
    ) -> None:
        painter.setPen(QPen(_GRID, 1))
        painter.drawLine(panel.bottomLeft(), panel.bottomRight())
        painter.drawLine(panel.topLeft(), panel.topRight())
        painter.setPen(self._muted())
        painter.drawText(
            QRectF(0, panel.top() - 2, panel.left() - 6, metrics.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
            top_label,
        )
        painter.drawText(
            QRectF(0, panel.bottom() - metrics.height(), panel.left() - 6, metrics.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
            "0",
        )
        painter.drawText(
            QRectF(panel.left() + 4, panel.top() + 1, panel.width(), metrics.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            title,
        )

    def _paint_signals(self, painter: QPainter, panel: QRectF, metrics: QFontMetrics) -> None:
        highest = max(1.0, *(p.signals_per_hour for p in self._points))
        self._panel_frame(
            painter, panel, metrics, self.tr("Signals per hour"), QLocale().toString(round(highest))
        )
        usable = panel.height() - metrics.height() - 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_BAR)
        for index, point in enumerate(self._points):
            x, width = self._slot(panel, index)
            height = usable * point.signals_per_hour / highest
            bar_width = max(2.0, width * 0.6)
            painter.drawRect(
                QRectF(x + (width - bar_width) / 2, panel.bottom() - height, bar_width, height)
            )

    def _paint_acks(self, painter: QPainter, panel: QRectF, metrics: QFontMetrics) -> None:
        values = [p.median_ack_seconds for p in self._points if p.median_ack_seconds is not None]
        highest = max(values) if values else 1.0
        highest = max(highest, 1.0)
        self._panel_frame(
            painter, panel, metrics, self.tr("Median time to acknowledge"), format_seconds(highest)
        )
        usable = panel.height() - metrics.height() - 2
        path = QPainterPath()
        started = False
        dots: list[QPointF] = []
        for index, point in enumerate(self._points):
            if point.median_ack_seconds is None:
                continue
            x, width = self._slot(panel, index)
            spot = QPointF(
                x + width / 2, panel.bottom() - usable * point.median_ack_seconds / highest
            )
            dots.append(spot)
            if started:
                path.lineTo(spot)
            else:
                path.moveTo(spot)
                started = True
        painter.setPen(QPen(_LINE, 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_LINE)
        for spot in dots:
            painter.drawEllipse(spot, 3, 3)

    def _paint_dates(self, painter: QPainter, panel: QRectF, metrics: QFontMetrics) -> None:
        painter.setPen(self._muted())
        first, last = self._points[0], self._points[-1]
        baseline = panel.bottom() + 2 + metrics.ascent()
        painter.drawText(QPointF(panel.left(), baseline), axis_day_text(first.started_at))
        label = axis_day_text(last.started_at)
        painter.drawText(QPointF(panel.right() - metrics.horizontalAdvance(label), baseline), label)
