"""The timeline strip as a picture: a meeting's whole duration drawn across.

Three lanes over one time axis: the playbook steps entered (coloured segments), the
signals (a red mark when sent and a bar as long as the user took to acknowledge it;
hatched up to the moment it faded when never acknowledged), and the stamped note lines
(dots) with flagged moments (small flags) and the partner's observations (hollow
diamonds). Under the lanes, a soft red glow grows where signals cluster. The review's
``TimelineStrip`` widget and the PDF both paint with ``paint_strip``, so the printed strip
is the one on screen. QtGui only: no widgets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

from app.export.formatting import format_offset, format_seconds
from app.export.report import MeetingReport
from app.translation import translate

DEFAULT_FADE_SECONDS = 20.0
STRIP_HEIGHT = 100
# Tick spacings an axis may use, in seconds: always a round number on a stopwatch.
_TICK_STEPS = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200)
_MAX_TICKS = 6

LANE_STEPS = (0.0, 26.0)
LANE_SIGNALS = (32.0, 22.0)
LANE_STAMPS = (60.0, 14.0)
AXIS_TOP = 80.0
MARGIN = 10.0


@dataclass(frozen=True, slots=True)
class StripColours:
    background: str = "#ffffff"
    text: str = "#3b434b"
    axis: str = "#8c959f"
    step_fills: tuple[str, ...] = ("#dbe7f3", "#e6efe0", "#f1e9dc", "#e9e2f1", "#dfeeee")
    signal: str = "#c0392b"
    stamp: str = "#2f4f6f"
    flag: str = "#b54708"
    partner: str = "#1b7f6e"


LIGHT_STRIP = StripColours()
DARK_STRIP = StripColours(
    background="#262b2f",
    text="#e7e4de",
    axis="#a3a9ae",
    step_fills=("#2c4541", "#33402d", "#4a3a26", "#3b3347", "#2d4343"),
    signal="#e0735e",
    stamp="#8fb8de",
    flag="#e0a45e",
    partner="#6cc9b6",
)


@dataclass(frozen=True, slots=True)
class StripStep:
    start_s: float
    title: str


@dataclass(frozen=True, slots=True)
class StripSignal:
    """``faded_after_s`` is set when the cue was never acknowledged and faded away."""

    sent_s: float
    ack_after_s: float | None
    label: str
    faded_after_s: float | None = None


@dataclass(frozen=True, slots=True)
class StripStamp:
    """A stamped line, a flag, or (``partner``) one of the partner's observations."""

    at_s: float
    text: str
    flagged: bool = False
    partner: bool = False


@dataclass(frozen=True, slots=True)
class StripData:
    """Everything in seconds from the meeting's start; ``duration_s`` is the axis length."""

    duration_s: float
    steps: tuple[StripStep, ...] = ()
    signals: tuple[StripSignal, ...] = ()
    stamps: tuple[StripStamp, ...] = ()


def strip_data_from(report: MeetingReport, fade_seconds: float = DEFAULT_FADE_SECONDS) -> StripData:
    """Seconds from the start for each event; an open meeting runs to its last event.

    A cue never acknowledged stayed on screen ``fade_seconds`` after it was shown (the
    "Cue fades after" setting), or until the meeting ended if that came first.
    """
    start = report.started_at

    def seconds(moment: datetime) -> float:
        return max(0.0, (moment - start).total_seconds())

    end = seconds(report.ended_at) if report.ended_at else None
    signals: list[StripSignal] = []
    for signal in report.signals:
        sent = seconds(signal.sent_at)
        faded: float | None = None
        if signal.acknowledged_at is None:
            shown = seconds(signal.shown_at) if signal.shown_at else sent
            faded = shown - sent + fade_seconds
            if end is not None:
                faded = max(0.0, min(faded, end - sent))
        signals.append(StripSignal(sent, signal.delay_seconds, signal.label, faded))
    moments = [seconds(step.at) for step in report.steps]
    moments += [seconds(line.at) for line in (*report.stamped_lines, *report.observations)]
    moments += [seconds(signal.acknowledged_at or signal.sent_at) for signal in report.signals]
    if end is None:
        moments += [s.sent_s + (s.faded_after_s or 0.0) for s in signals]
    return StripData(
        duration_s=max([end or 0.0, 1.0, *moments]),
        steps=tuple(StripStep(seconds(step.at), step.title) for step in report.steps),
        signals=tuple(signals),
        stamps=tuple(
            StripStamp(seconds(line.at), line.text, line.kind == "flag")
            for line in report.stamped_lines
        )
        + tuple(
            StripStamp(seconds(seen.at), seen.text, partner=True) for seen in report.observations
        ),
    )


def axis_ticks(duration_s: float, max_ticks: int = _MAX_TICKS) -> list[float]:
    """Round stopwatch times from 0 up to ``duration_s``, at most ``max_ticks`` + 1 of them."""
    step: float = _TICK_STEPS[-1]
    for candidate in _TICK_STEPS:
        if duration_s / candidate <= max_ticks:
            step = candidate
            break
    ticks: list[float] = []
    value = 0.0
    while value <= duration_s + 1e-6:
        ticks.append(value)
        value += step
    return ticks


def format_offset_label(seconds: float) -> str:
    return format_offset(timedelta(seconds=seconds))


def x_at(data: StripData, width: float, seconds: float) -> float:
    usable = width - 2 * MARGIN
    return MARGIN + usable * min(1.0, max(0.0, seconds) / data.duration_s)


def step_label(title: str, number: int, room: float, metrics: QFontMetrics) -> str:
    """The step's title, shortened to fit; its number when even two letters do not fit."""
    elided = metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(room))
    if len(elided) > 2 or elided == title:
        return elided
    number_text = str(number)
    return number_text if metrics.horizontalAdvance(number_text) <= room else ""


def paint_strip(
    painter: QPainter,
    data: StripData,
    width: float,
    font: QFont,
    colours: StripColours = LIGHT_STRIP,
) -> None:
    """Paint the whole strip into (0, 0, width, STRIP_HEIGHT) of ``painter``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    painter.fillRect(QRectF(0, 0, width, STRIP_HEIGHT), QColor(colours.background))
    _paint_heat(painter, data, width, colours)
    _paint_steps(painter, data, width, font, colours)
    _paint_signals(painter, data, width, font, colours)
    _paint_stamps(painter, data, width, colours)
    _paint_axis(painter, data, width, font, colours)
    painter.restore()


def strip_image(
    data: StripData,
    width: int,
    font: QFont,
    scale: float = 1.0,
    colours: StripColours = LIGHT_STRIP,
) -> QImage:
    """The strip as an image ``width`` logical pixels wide, drawn ``scale`` times sharper."""
    image = QImage(
        int(width * scale), int(STRIP_HEIGHT * scale), QImage.Format.Format_ARGB32_Premultiplied
    )
    image.setDevicePixelRatio(scale)
    image.fill(QColor(colours.background))
    painter = QPainter(image)
    paint_strip(painter, data, width, font, colours)
    painter.end()
    return image


def _paint_heat(painter: QPainter, data: StripData, width: float, colours: StripColours) -> None:
    # Each signal warms a window of the strip around it; overlapping windows add up,
    # so a heated stretch of the meeting shows as a deeper red band.
    span = data.duration_s * 0.06
    top = LANE_SIGNALS[0] - 2
    height = LANE_STAMPS[0] + LANE_STAMPS[1] - top
    base = QColor(colours.signal)
    for signal in data.signals:
        left = x_at(data, width, signal.sent_s - span)
        right = x_at(data, width, signal.sent_s + span)
        if right - left < 1:
            continue
        gradient = QLinearGradient(left, 0, right, 0)
        for stop, alpha in ((0.0, 0), (0.5, 45), (1.0, 0)):
            tint = QColor(base)
            tint.setAlpha(alpha)
            gradient.setColorAt(stop, tint)
        painter.fillRect(QRectF(left, top, right - left, height), QBrush(gradient))


def _paint_steps(
    painter: QPainter, data: StripData, width: float, font: QFont, colours: StripColours
) -> None:
    top, height = LANE_STEPS
    metrics = QFontMetrics(font)
    steps = sorted(data.steps, key=lambda step: step.start_s)
    if not steps:
        painter.setPen(QColor(colours.axis))
        painter.drawText(
            QRectF(MARGIN, top, width, height),
            Qt.AlignmentFlag.AlignVCenter,
            translate("Report", "No playbook steps recorded"),
        )
        return
    for index, step in enumerate(steps):
        end = steps[index + 1].start_s if index + 1 < len(steps) else data.duration_s
        left, right = x_at(data, width, step.start_s), x_at(data, width, end)
        rect = QRectF(left, top + 2, max(1.0, right - left - 1), height - 4)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colours.step_fills[index % len(colours.step_fills)]))
        painter.drawRoundedRect(rect, 3, 3)
        label = step_label(step.title, index + 1, rect.width() - 6, metrics)
        if label:
            painter.setPen(QColor(colours.text))
            painter.drawText(
                rect.adjusted(3, 0, -3, 0),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                label,
            )


def _paint_signals(
    painter: QPainter, data: StripData, width: float, font: QFont, colours: StripColours
) -> None:
    top, height = LANE_SIGNALS
    red = QColor(colours.signal)
    for signal in data.signals:
        x = x_at(data, width, signal.sent_s)
        if signal.ack_after_s is None:
            # Never acknowledged: hatched until it faded, closed by a thin grey end mark.
            faded_at = signal.sent_s + (signal.faded_after_s or 0.0)
            end = x_at(data, width, faded_at)
            bar = QRectF(x, top + 6, max(3.0, end - x), height - 12)
            hatch = QColor(red)
            hatch.setAlpha(130)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(hatch, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(bar)
            painter.setPen(QPen(QColor(colours.axis), 1.5, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(bar.right(), top + 4), QPointF(bar.right(), top + height - 4))
        else:
            end = x_at(data, width, signal.sent_s + signal.ack_after_s)
            bar = QRectF(x, top + 6, max(3.0, end - x), height - 12)
            fill = QColor(red)
            fill.setAlpha(90)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRect(bar)
        painter.setPen(QPen(red, 2.5))
        painter.drawLine(QPointF(x, top + 1), QPointF(x, top + height - 1))
    # The reaction time next to each mark, where it fits without touching its neighbour.
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.8)
    painter.setFont(small)
    metrics = QFontMetrics(small)
    free_from = -1.0
    for signal in sorted(data.signals, key=lambda s: s.sent_s):
        x = x_at(data, width, signal.sent_s) + 4
        if signal.ack_after_s is None:
            # After the fade's end mark, so the word never hides it.
            x = max(x, x_at(data, width, signal.sent_s + (signal.faded_after_s or 0)) + 3)
            label = "faded"
        else:
            label = format_seconds(signal.ack_after_s)
        if x < free_from:
            continue
        painter.setPen(red)
        painter.drawText(QPointF(x, top + metrics.ascent() - 1), label)
        free_from = x + metrics.horizontalAdvance(label) + 4
    painter.setFont(font)


def _paint_stamps(painter: QPainter, data: StripData, width: float, colours: StripColours) -> None:
    top, height = LANE_STAMPS
    middle = top + height / 2
    for stamp in data.stamps:
        x = x_at(data, width, stamp.at_s)
        if stamp.partner:
            # A hollow diamond: what the partner saw, told apart from the user's own dots.
            diamond = QPainterPath(QPointF(x, middle - 5))
            for corner in ((x + 5, middle), (x, middle + 5), (x - 5, middle)):
                diamond.lineTo(QPointF(*corner))
            diamond.closeSubpath()
            painter.setPen(QPen(QColor(colours.partner), 1.8))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(diamond)
        elif stamp.flagged:
            # A small pennant on a pole: a flagged moment, not a note.
            painter.setPen(QPen(QColor(colours.flag), 1.5))
            painter.drawLine(QPointF(x, top), QPointF(x, top + height))
            pennant = QPainterPath(QPointF(x, top))
            pennant.lineTo(QPointF(x + 8, top + 3.5))
            pennant.lineTo(QPointF(x, top + 7))
            pennant.closeSubpath()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colours.flag))
            painter.drawPath(pennant)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colours.stamp))
            painter.drawEllipse(QPointF(x, middle), 3.5, 3.5)


def _paint_axis(
    painter: QPainter, data: StripData, width: float, font: QFont, colours: StripColours
) -> None:
    top = AXIS_TOP
    painter.setPen(QPen(QColor(colours.axis), 1))
    painter.drawLine(QPointF(MARGIN, top), QPointF(width - MARGIN, top))
    metrics = QFontMetrics(font)
    for seconds in axis_ticks(data.duration_s, _MAX_TICKS if width > 420 else 3):
        x = x_at(data, width, seconds)
        painter.drawLine(QPointF(x, top), QPointF(x, top + 4))
        label = format_offset_label(seconds)
        label_width = metrics.horizontalAdvance(label)
        left = min(max(0.0, x - label_width / 2), width - label_width - 1)
        painter.drawText(QPointF(left, top + 5 + metrics.ascent()), label)
