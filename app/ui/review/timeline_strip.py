"""The timeline strip widget: a meeting's whole duration drawn across, with details on hover.

The picture itself is ``app.export.timeline_picture`` (the PDF prints the same one); this
widget paints it at its width in the light or dark look and says what lies under the
pointer: the step (also when its segment is too short for a label), the signal with its
reaction time or when it faded, the stamped line or flag, or what the partner noticed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.export.formatting import format_seconds
from app.export.timeline_picture import (
    DARK_STRIP,
    LANE_SIGNALS,
    LANE_STAMPS,
    LIGHT_STRIP,
    MARGIN,
    STRIP_HEIGHT,
    StripData,
    StripSignal,
    StripStamp,
    StripStep,
    format_offset_label,
    paint_strip,
    strip_data_from,
    x_at,
)


class TimelineStrip(QWidget):
    """Paints one ``StripData``; empty meetings show a quiet 'nothing recorded' line."""

    _LANE_SIGNALS = LANE_SIGNALS
    _LANE_STAMPS = LANE_STAMPS
    _MARGIN = MARGIN

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineStrip")
        self._data = StripData(duration_s=60.0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setAccessibleName(self.tr("Meeting timeline"))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, STRIP_HEIGHT)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(240, STRIP_HEIGHT)

    def set_data(self, data: StripData) -> None:
        self._data = data
        flags = sum(1 for stamp in data.stamps if stamp.flagged)
        seen = sum(1 for stamp in data.stamps if stamp.partner)
        counts = (
            self.tr("%n step(s)", "", len(data.steps)),
            self.tr("%n signal(s)", "", len(data.signals)),
            self.tr("%n stamp(s)", "", len(data.stamps) - flags - seen),
            self.tr("%n flag(s)", "", flags),
            self.tr("%n observation(s) by your partner", "", seen),
        )
        self.setAccessibleDescription(", ".join(counts))
        self.update()

    def data(self) -> StripData:
        return self._data

    # Geometry ---------------------------------------------------------------------------
    def x_at(self, seconds: float) -> float:
        return x_at(self._data, self.width(), seconds)

    def _seconds_at(self, x: float) -> float:
        width = max(1.0, self.width() - 2 * self._MARGIN)
        return max(0.0, (x - self._MARGIN) / width * self._data.duration_s)

    def _dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Window).lightness() < 128

    # Painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        colours = DARK_STRIP if self._dark() else LIGHT_STRIP
        paint_strip(painter, self._data, self.width(), self.font(), colours)
        painter.end()

    # Details on hover -------------------------------------------------------------------
    def describe_at(self, x: float, y: float) -> str:
        """What lies under the pointer, as the tooltip reads it ('' for nothing)."""
        tolerance = self._data.duration_s * 6 / max(1, self.width())
        seconds = self._seconds_at(x)
        if y < self._LANE_SIGNALS[0]:
            current = [s for s in self._data.steps if s.start_s <= seconds + tolerance]
            if current:
                step = max(current, key=lambda s: s.start_s)
                step_text = self.tr("{at}  Step: {title}")
                return step_text.format(at=format_offset_label(step.start_s), title=step.title)
            return ""
        if y < self._LANE_STAMPS[0]:
            near = [s for s in self._data.signals if abs(s.sent_s - seconds) <= tolerance * 2]
            if near:
                signal = min(near, key=lambda s: abs(s.sent_s - seconds))
                if signal.ack_after_s is not None:
                    text = self.tr("{at}  Signal “{label}”, acknowledged after {after}")
                    after = format_seconds(signal.ack_after_s)
                else:
                    text = self.tr("{at}  Signal “{label}”, not acknowledged, faded after {after}")
                    after = format_seconds(signal.faded_after_s or 0)
                at = format_offset_label(signal.sent_s)
                return text.format(at=at, label=signal.label, after=after)
            return ""
        near_stamps = [s for s in self._data.stamps if abs(s.at_s - seconds) <= tolerance * 2]
        if near_stamps:
            stamp = min(near_stamps, key=lambda s: abs(s.at_s - seconds))
            if stamp.partner:
                text = self.tr("{at}  {text}")  # the text says it is the partner's
            elif stamp.flagged:
                text = self.tr("{at}  Flag: {text}")
            else:
                text = self.tr("{at}  Stamped: {text}")
            return text.format(at=format_offset_label(stamp.at_s), text=stamp.text)
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


__all__ = [
    "StripData",
    "StripSignal",
    "StripStamp",
    "StripStep",
    "TimelineStrip",
    "format_offset_label",
    "strip_data_from",
]
