"""Small discreet signs in the live window: "Partner connected" and a brief note that fades.

Both paint themselves from the colours of the look in use, so they follow light and
dark without a stylesheet of their own. Neither takes focus or mouse clicks: they are
there to be glanced at, never to be handled during the meeting.
"""

from __future__ import annotations

from PySide6.QtCore import (
    Property,
    QEasingCurve,
    QPropertyAnimation,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from app.ui.common.theme import current_colors

_DOT = 8
_GAP = 6


class PartnerStatus(QWidget):
    """A green dot and "Partner connected"; nothing at all when no partner is there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnerStatus")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.9)
        self.setFont(font)
        self.count = 0
        self.text = ""
        self.hide()

    def set_count(self, count: int) -> None:
        self.count = max(0, count)
        if self.count == 0:
            self.text = ""
            self.hide()
            return
        if self.count == 1:
            self.text = self.tr("Partner connected")
        else:
            self.text = self.tr("%n partners connected", "", self.count)
        tip = self.tr("{status}: your partner's page is open, they can send you cues")
        self.setToolTip(tip.format(status=self.text))
        self.updateGeometry()
        self.show()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        metrics = self.fontMetrics()
        return QSize(_DOT + _GAP + metrics.horizontalAdvance(self.text) + 2, metrics.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        # A narrow header may shorten the words ("Partner conn…", whole on hover); the
        # dot and the first word stay.
        metrics = self.fontMetrics()
        least = _DOT + _GAP + metrics.horizontalAdvance(self.tr("Partner…")) + 2
        return QSize(min(least, self.sizeHint().width()), metrics.height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        colors = current_colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        middle = self.height() / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colors["say"]))
        painter.drawEllipse(QRectF(0.5, middle - _DOT / 2, _DOT, _DOT))
        painter.setPen(QColor(colors["text_muted"]))
        text_rect = QRectF(_DOT + _GAP, 0, self.width() - _DOT - _GAP, self.height())
        shown = self.fontMetrics().elidedText(
            self.text, Qt.TextElideMode.ElideRight, int(text_rect.width())
        )
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown
        )
        painter.end()


class Toast(QWidget):
    """A short line in a soft pill: appears, stays a moment, fades; floats, moves nothing."""

    faded = Signal()

    FADE_IN_MS = 200
    FADE_OUT_MS = 900

    def __init__(self, parent: QWidget, hold_ms: int = 4000) -> None:
        super().__init__(parent)
        self.setObjectName("liveToast")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hold_ms = hold_ms
        self.text = ""
        self._opacity = 0.0
        self._animation = QPropertyAnimation(self, b"opacity", self)
        self._animation.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._animation.finished.connect(self._after_animation)
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.timeout.connect(self._fade_out)
        self.hide()

    def _get_opacity(self) -> float:
        return self._opacity

    def _set_opacity(self, value: float) -> None:
        self._opacity = value
        self.update()

    opacity = Property(float, _get_opacity, _set_opacity)

    @property
    def is_showing(self) -> bool:
        return self.isVisible() and (self._hold.isActive() or self._opacity > 0.0)

    def show_text(self, text: str) -> None:
        self.text = text
        self.setToolTip(text)
        self.show()
        self.raise_()
        self._hold.stop()
        self._animate(1.0, self.FADE_IN_MS)
        self._hold.start(self.hold_ms)
        self.update()

    def height_needed(self) -> int:
        return self.fontMetrics().height() + 12

    def place(self, width: int, bottom: int) -> None:
        """Centre the pill across ``width`` with its lower edge at ``bottom``."""
        metrics = self.fontMetrics()
        text_width = min(metrics.horizontalAdvance(self.text) + 28, max(width - 20, 60))
        height = self.height_needed()
        self.setGeometry((width - text_width) // 2, bottom - height, text_width, height)

    def _fade_out(self) -> None:
        self._animate(0.0, self.FADE_OUT_MS)

    def _animate(self, target: float, duration: int) -> None:
        self._animation.stop()
        self._animation.setDuration(duration)
        self._animation.setStartValue(self._opacity)
        self._animation.setEndValue(target)
        self._animation.start()

    def _after_animation(self) -> None:
        if self._opacity <= 0.0 and not self._hold.isActive():
            self.hide()
            self.faded.emit()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        colors = current_colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(self._opacity)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QColor(colors["accent"]))
        painter.setBrush(QColor(colors["accent_soft"]))
        painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
        painter.setPen(QColor(colors["text"]))
        text = self.fontMetrics().elidedText(
            self.text, Qt.TextElideMode.ElideRight, int(rect.width()) - 24
        )
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.end()


__all__ = ["PartnerStatus", "Toast"]
