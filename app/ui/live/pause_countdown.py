"""The pause cue: after a partner's signal, a short silent countdown before answering.

Optional and off by default (``Settings.pause_cue_enabled``). It is drawn, never heard:
a ring that empties and the seconds left, beside "Breathe for 5 seconds before you
answer". It floats in the cue area without taking focus or clicks, so the note being
typed keeps the caret and Esc still acknowledges the cue while it runs.
"""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QEasingCurve,
    QRectF,
    QSize,
    Qt,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from app.ui.common.theme import current_colors

_RING = 40
_PAD = 10
_FADE_OUT_MS = 400


class PauseCountdown(QWidget):
    """A ring that empties over ``seconds`` with the seconds left in its middle."""

    finished = Signal()  # the countdown reached zero (then it fades away)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("pauseCountdown")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.seconds = 0
        self.remaining = 0.0  # fraction of the countdown still to go, 1.0 → 0.0
        self._fade = 1.0
        self._running = False
        self._countdown = QVariantAnimation(self)
        self._countdown.setEasingCurve(QEasingCurve.Type.Linear)
        self._countdown.valueChanged.connect(self._on_progress)
        self._countdown.finished.connect(self._on_finished)
        self._fade_out = QVariantAnimation(self)
        self._fade_out.setDuration(_FADE_OUT_MS)
        self._fade_out.setStartValue(1.0)
        self._fade_out.setEndValue(0.0)
        self._fade_out.valueChanged.connect(self._on_fade)
        self._fade_out.finished.connect(self.hide)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        self.hide()

    @property
    def is_running(self) -> bool:
        return self._running

    @property
    def seconds_left(self) -> int:
        return math.ceil(self.remaining * self.seconds - 1e-6) if self._running else 0

    @property
    def words(self) -> str:
        return self.tr("Breathe for %n seconds before you answer", "", self.seconds)

    def start(self, seconds: int) -> None:
        self.seconds = max(1, seconds)
        self.remaining = 1.0
        self._fade = 1.0
        self._running = True
        self._fade_out.stop()
        self._countdown.stop()
        self._countdown.setDuration(self.seconds * 1000)
        self._countdown.setStartValue(1.0)
        self._countdown.setEndValue(0.0)
        self.show()
        self.raise_()
        self._countdown.start()
        self.update()

    def stop(self) -> None:
        """Take it away at once (the meeting ended)."""
        self._running = False
        self._countdown.stop()
        self._fade_out.stop()
        self.hide()

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        text_width = max(width - _RING - 3 * _PAD, 40)
        bounds = self.fontMetrics().boundingRect(
            0, 0, text_width, 10_000, int(Qt.TextFlag.TextWordWrap), self.words
        )
        return max(_RING, bounds.height()) + 2 * _PAD

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return QSize(320, self.heightForWidth(320))

    def _on_progress(self, value: float) -> None:
        self.remaining = float(value)
        self.update()

    def _on_finished(self) -> None:
        if not self._running:
            return
        self._running = False
        self.remaining = 0.0
        self.finished.emit()
        self._fade_out.start()

    def _on_fade(self, value: float) -> None:
        self._fade = float(value)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        colors = current_colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(self._fade)
        frame = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(QColor(colors["border"]), 1.0))
        painter.setBrush(QColor(colors["surface"]))
        painter.drawRoundedRect(frame, 10, 10)

        ring = QRectF(_PAD + 2, (self.height() - _RING) / 2 + 2, _RING - 4, _RING - 4)
        track = QColor(colors["cue"])
        track.setAlphaF(0.22)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(track, 4.0))
        painter.drawEllipse(ring)
        pen = QPen(QColor(colors["cue"]), 4.0)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        # Qt angles: 1/16 degree, counter-clockwise from 3 o'clock. Start at 12, run clockwise.
        painter.drawArc(ring, 90 * 16, -int(360 * 16 * self.remaining))

        number = self.font()
        number.setBold(True)
        painter.setFont(number)
        painter.setPen(QColor(colors["text"]))
        painter.drawText(ring, Qt.AlignmentFlag.AlignCenter, str(max(self.seconds_left, 0)))

        painter.setFont(self.font())
        text_rect = QRectF(
            _RING + 2 * _PAD, _PAD, self.width() - _RING - 3 * _PAD, self.height() - 2 * _PAD
        )
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
            | int(Qt.TextFlag.TextWordWrap),
            self.words,
        )
        painter.end()


__all__ = ["PauseCountdown"]
