"""The timeline strip: a meeting's whole duration drawn across, to see where it got heated.

Three lanes over one time axis: the playbook steps entered (coloured segments), the
signals (a red mark when sent and a bar as long as the user took to acknowledge it,
hatched when never acknowledged), and the stamped note lines (small ticks). Under
the lanes, a soft red glow grows where signals cluster. Hovering shows the details.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QHelpEvent,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.export.formatting import format_offset, format_seconds
from app.export.report import MeetingReport

_STEP_COLOURS = ("#dbe7f3", "#e6efe0", "#f1e9dc", "#e9e2f1", "#dfeeee")
_SIGNAL = QColor("#c0392b")
_STAMP = QColor("#2f4f6f")
_TEXT = QColor("#3b434b")
_AXIS = QColor("#8c959f")


@dataclass(frozen=True, slots=True)
class StripStep:
    start_s: float
    title: str


@dataclass(frozen=True, slots=True)
class StripSignal:
    sent_s: float
    ack_after_s: float | None
    label: str


@dataclass(frozen=True, slots=True)
class StripStamp:
    at_s: float
    text: str


@dataclass(frozen=True, slots=True)
class StripData:
    """Everything in seconds from the meeting's start; ``duration_s`` is the axis length."""

    duration_s: float
    steps: tuple[StripStep, ...] = ()
    signals: tuple[StripSignal, ...] = ()
    stamps: tuple[StripStamp, ...] = ()


def strip_data_from(report: MeetingReport) -> StripData:
    """Seconds from the start for each event; an open meeting runs to its last event."""
    start = report.started_at

    def seconds(moment: datetime) -> float:
        return max(0.0, (moment - start).total_seconds())

    moments = [seconds(step.at) for step in report.steps]
    moments += [seconds(line.at) for line in report.stamped_lines]
    moments += [seconds(signal.acknowledged_at or signal.sent_at) for signal in report.signals]
    end = seconds(report.ended_at) if report.ended_at else 0.0
    return StripData(
        duration_s=max([end, 60.0, *moments]),
        steps=tuple(StripStep(seconds(step.at), step.title) for step in report.steps),
        signals=tuple(
            StripSignal(seconds(signal.sent_at), signal.delay_seconds, signal.label)
            for signal in report.signals
        ),
        stamps=tuple(StripStamp(seconds(line.at), line.text) for line in report.stamped_lines),
    )


class TimelineStrip(QWidget):
    """Paints one ``StripData``; empty meetings show a quiet 'nothing recorded' line."""

    _LANE_STEPS = (0.0, 26.0)
    _LANE_SIGNALS = (32.0, 22.0)
    _LANE_STAMPS = (60.0, 14.0)
    _AXIS_TOP = 80.0
    _MARGIN = 10.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineStrip")
        self._data = StripData(duration_s=60.0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setAccessibleName("Meeting timeline")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 100)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(240, 100)

    def set_data(self, data: StripData) -> None:
        self._data = data
        self.setAccessibleDescription(
            f"{len(data.steps)} steps, {len(data.signals)} signals, {len(data.stamps)} stamps"
        )
        self.update()

    def data(self) -> StripData:
        return self._data

    # Geometry ---------------------------------------------------------------------------
    def x_at(self, seconds: float) -> float:
        width = self.width() - 2 * self._MARGIN
        return self._MARGIN + width * min(1.0, seconds / self._data.duration_s)

    def _seconds_at(self, x: float) -> float:
        width = max(1.0, self.width() - 2 * self._MARGIN)
        return max(0.0, (x - self._MARGIN) / width * self._data.duration_s)

    # Painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        self._paint_heat(painter)
        self._paint_steps(painter)
        self._paint_signals(painter)
        self._paint_stamps(painter)
        self._paint_axis(painter)
        painter.end()

    def _paint_heat(self, painter: QPainter) -> None:
        # Each signal warms a window of the strip around it; overlapping windows add up,
        # so a heated stretch of the meeting shows as a deeper red band.
        span = self._data.duration_s * 0.06
        top = self._LANE_SIGNALS[0] - 2
        height = self._LANE_STAMPS[0] + self._LANE_STAMPS[1] - top
        for signal in self._data.signals:
            left, right = self.x_at(signal.sent_s - span), self.x_at(signal.sent_s + span)
            gradient = QLinearGradient(left, 0, right, 0)
            gradient.setColorAt(0.0, QColor(192, 57, 43, 0))
            gradient.setColorAt(0.5, QColor(192, 57, 43, 45))
            gradient.setColorAt(1.0, QColor(192, 57, 43, 0))
            painter.fillRect(QRectF(left, top, right - left, height), QBrush(gradient))

    def _paint_steps(self, painter: QPainter) -> None:
        top, height = self._LANE_STEPS
        metrics = QFontMetrics(self.font())
        steps = sorted(self._data.steps, key=lambda step: step.start_s)
        if not steps:
            painter.setPen(_AXIS)
            painter.drawText(
                QRectF(self._MARGIN, top, self.width(), height),
                Qt.AlignmentFlag.AlignVCenter,
                "No playbook steps recorded",
            )
            return
        for index, step in enumerate(steps):
            end = steps[index + 1].start_s if index + 1 < len(steps) else self._data.duration_s
            left, right = self.x_at(step.start_s), self.x_at(end)
            rect = QRectF(left, top + 2, max(1.0, right - left - 1), height - 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(_STEP_COLOURS[index % len(_STEP_COLOURS)]))
            painter.drawRoundedRect(rect, 3, 3)
            label = metrics.elidedText(
                step.title, Qt.TextElideMode.ElideRight, int(rect.width() - 8)
            )
            if len(label) > 1:
                painter.setPen(_TEXT)
                painter.drawText(rect.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter, label)

    def _paint_signals(self, painter: QPainter) -> None:
        top, height = self._LANE_SIGNALS
        for signal in self._data.signals:
            x = self.x_at(signal.sent_s)
            if signal.ack_after_s is None:
                # Never acknowledged: a hatched bar to the end, because it was left hanging.
                bar = QRectF(
                    x, top + 6, max(3.0, self.x_at(self._data.duration_s) - x), height - 12
                )
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QBrush(QColor(192, 57, 43, 110), Qt.BrushStyle.BDiagPattern))
            else:
                end = self.x_at(signal.sent_s + signal.ack_after_s)
                bar = QRectF(x, top + 6, max(3.0, end - x), height - 12)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(192, 57, 43, 90))
            painter.drawRect(bar)
            painter.setPen(QPen(_SIGNAL, 2.5))
            painter.drawLine(QPointF(x, top + 1), QPointF(x, top + height - 1))
        # The reaction time next to each mark, where it fits without touching its neighbour.
        small = self.font()
        small.setPointSizeF(small.pointSizeF() * 0.8)
        painter.setFont(small)
        metrics = QFontMetrics(small)
        free_from = -1.0
        for signal in sorted(self._data.signals, key=lambda s: s.sent_s):
            x = self.x_at(signal.sent_s)
            label = "✕" if signal.ack_after_s is None else format_seconds(signal.ack_after_s)
            if x + 4 < free_from:
                continue
            painter.setPen(_SIGNAL)
            painter.drawText(QPointF(x + 4, top + metrics.ascent() - 1), label)
            free_from = x + 4 + metrics.horizontalAdvance(label) + 4
        painter.setFont(self.font())

    def _paint_stamps(self, painter: QPainter) -> None:
        top, height = self._LANE_STAMPS
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_STAMP)
        for stamp in self._data.stamps:
            x = self.x_at(stamp.at_s)
            painter.drawEllipse(QPointF(x, top + height / 2), 3.5, 3.5)

    def _paint_axis(self, painter: QPainter) -> None:
        top = self._AXIS_TOP
        painter.setPen(QPen(_AXIS, 1))
        painter.drawLine(QPointF(self._MARGIN, top), QPointF(self.width() - self._MARGIN, top))
        metrics = QFontMetrics(self.font())
        ticks = 6 if self.width() > 420 else 3
        for index in range(ticks + 1):
            seconds = self._data.duration_s * index / ticks
            x = self.x_at(seconds)
            painter.drawLine(QPointF(x, top), QPointF(x, top + 4))
            label = format_offset_label(seconds)
            width = metrics.horizontalAdvance(label)
            left = min(max(0.0, x - width / 2), self.width() - width - 1)
            painter.drawText(QPointF(left, top + 5 + metrics.ascent()), label)

    # Details on hover -------------------------------------------------------------------
    def describe_at(self, x: float, y: float) -> str:
        """What lies under the pointer, as the tooltip reads it ('' for nothing)."""
        tolerance = self._data.duration_s * 6 / max(1, self.width())
        seconds = self._seconds_at(x)
        if y < self._LANE_SIGNALS[0]:
            current = [s for s in self._data.steps if s.start_s <= seconds + tolerance]
            if current:
                step = max(current, key=lambda s: s.start_s)
                return f"{format_offset_label(step.start_s)}  Step: {step.title}"
            return ""
        if y < self._LANE_STAMPS[0]:
            near = [s for s in self._data.signals if abs(s.sent_s - seconds) <= tolerance * 2]
            if near:
                signal = min(near, key=lambda s: abs(s.sent_s - seconds))
                reaction = (
                    f"acknowledged after {format_seconds(signal.ack_after_s)}"
                    if signal.ack_after_s is not None
                    else "not acknowledged"
                )
                return f"{format_offset_label(signal.sent_s)}  Signal “{signal.label}”, {reaction}"
            return ""
        near_stamps = [s for s in self._data.stamps if abs(s.at_s - seconds) <= tolerance * 2]
        if near_stamps:
            stamp = min(near_stamps, key=lambda s: abs(s.at_s - seconds))
            return f"{format_offset_label(stamp.at_s)}  {stamp.text}"
        return ""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.describe_at(event.pos().x(), event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


def format_offset_label(seconds: float) -> str:
    return format_offset(timedelta(seconds=seconds))
