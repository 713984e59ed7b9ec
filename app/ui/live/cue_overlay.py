"""The calm-down cue as the user sees it: a soft glow around the window edge and the agreed
words in a calm band, on top of the live window without taking anything from it.

Both widgets are children of the live window, so showing them never raises the window,
activates it, or moves keyboard focus: the note being typed keeps the caret. The glow lets
mouse clicks through; the band acknowledges on one click. No sound (a setting may ask for
the system beep). The optional pause countdown (``pause_countdown.py``) sits just under the
band, and moves up into its place once the band has gone.
"""

from __future__ import annotations

from PySide6.QtCore import (
    Property,
    QEasingCurve,
    QObject,
    QPoint,
    QPropertyAnimation,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QLinearGradient, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QGraphicsOpacityEffect, QLabel, QVBoxLayout, QWidget

from app.domain.meeting_session import CueEvent
from app.domain.meeting_terms import CueStyle
from app.ui.common.announcer import announce
from app.ui.common.theme import current_colors
from app.ui.live.pause_countdown import PauseCountdown

GLOW_WIDTH = 14
FADE_IN_MS = 500
FADE_OUT_MS = 900
ACKNOWLEDGE_KEY_TEXT = "Esc"


class EdgeGlow(QWidget):
    """A soft coloured band fading inwards from every edge; transparent to the mouse."""

    painted = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._strength = 0.0
        self.hide()

    def _get_strength(self) -> float:
        return self._strength

    def _set_strength(self, value: float) -> None:
        self._strength = value
        self.update()

    strength = Property(float, _get_strength, _set_strength)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        base = QColor(current_colors()["cue"])
        rect = QRectF(self.rect())
        strong = QColor(base)
        strong.setAlphaF(0.55 * self._strength)
        clear = QColor(base)
        clear.setAlphaF(0.0)
        width = float(GLOW_WIDTH)
        bands = (
            (QRectF(rect.left(), rect.top(), rect.width(), width), rect.topLeft(), "down"),
            (
                QRectF(rect.left(), rect.bottom() - width, rect.width(), width),
                rect.bottomLeft(),
                "up",
            ),
            (QRectF(rect.left(), rect.top(), width, rect.height()), rect.topLeft(), "right"),
            (
                QRectF(rect.right() - width, rect.top(), width, rect.height()),
                rect.topRight(),
                "left",
            ),
        )
        for band, origin, direction in bands:
            gradient = QLinearGradient(origin, origin)
            if direction == "down":
                gradient.setFinalStop(origin.x(), origin.y() + width)
            elif direction == "up":
                gradient.setFinalStop(origin.x(), origin.y() - width)
            elif direction == "right":
                gradient.setFinalStop(origin.x() + width, origin.y())
            else:
                gradient.setFinalStop(origin.x() - width, origin.y())
            gradient.setColorAt(0.0, strong)
            gradient.setColorAt(1.0, clear)
            painter.fillRect(band, gradient)
        painter.end()
        self.painted.emit()


class CueBand(QFrame):
    """The agreed words, large and calm, with the one key that acknowledges them."""

    clicked = Signal()
    painted = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("cueBanner")
        self.setAccessibleName(self.tr("Cue"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.words = QLabel()
        self.words.setObjectName("cueWords")
        self.words.setWordWrap(True)
        self.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.words.font()
        font.setPointSizeF(font.pointSizeF() * 1.55)
        self.words.setFont(font)
        self.hint = QLabel(self.tr("{key} or click · got it").format(key=ACKNOWLEDGE_KEY_TEXT))
        self.hint.setObjectName("cueHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 8)
        layout.setSpacing(2)
        layout.addWidget(self.words)
        layout.addWidget(self.hint)
        self.opacity = QGraphicsOpacityEffect(self)
        self.opacity.setOpacity(0.0)
        self.setGraphicsEffect(self.opacity)
        self.hide()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        self.painted.emit()


class CueOverlay(QObject):
    """Owns the glow and the band on a host window; shows one cue event at a time."""

    acknowledgeClicked = Signal()  # noqa: N815 (Qt signal naming)
    painted = Signal(str)  # message_id, once the cue has been drawn

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self._host = host
        self.glow = EdgeGlow(host)
        self.band = CueBand(host)
        self.band.clicked.connect(self.acknowledgeClicked)
        self.countdown = PauseCountdown(host)
        self.current: CueEvent | None = None
        self._reported: str | None = None
        # The band's top edge follows this widget's (the step card's), so the clock and
        # "Step n of N" above stay in sight; None: the host's top.
        self.band_anchor: QWidget | None = None
        self.glow.painted.connect(self._on_painted)
        self.band.painted.connect(self._on_painted)
        self._glow_animation = QPropertyAnimation(self.glow, b"strength", self)
        self._band_animation = QPropertyAnimation(self.band.opacity, b"opacity", self)
        for animation in (self._glow_animation, self._band_animation):
            animation.setEasingCurve(QEasingCurve.Type.InOutSine)
        self._band_animation.finished.connect(self._after_animation)

    @property
    def is_showing(self) -> bool:
        return self.current is not None

    def show_cue(self, event: CueEvent) -> None:
        self.current = event
        self._reported = None
        self.band.words.setText(event.cue.words)
        self.band.setProperty("cueStyle", event.cue.style.value)
        use_glow = event.cue.style is CueStyle.GLOW
        self.reposition()
        self.glow.setVisible(use_glow)
        self.band.show()
        self.glow.raise_()
        self.band.raise_()
        self._animate(1.0, FADE_IN_MS)
        # Heard at once, even while typing: the caret stays in the note; and the band says
        # the words when a screen reader reads the window again.
        said = self.tr("Cue: {words}").format(words=event.cue.words)
        self.band.setAccessibleName(said)
        announce(self.band, said, urgent=True)

    def withdraw(self, event: CueEvent, quick: bool) -> None:
        if self.current is None or self.current.message_id != event.message_id:
            return
        self.current = None
        self._animate(0.0, 250 if quick else FADE_OUT_MS)

    def reposition(self) -> None:
        """Keep the glow on the edges and the band across the top after a resize."""
        host = self._host.rect()
        self.glow.setGeometry(host)
        margin = 10
        width = host.width() - 2 * margin
        self.band.setFixedWidth(width)
        height = self.band.heightForWidth(width)
        top = margin
        if self.band_anchor is not None and self.band_anchor.isVisible():
            top = max(self.band_anchor.mapTo(self._host, QPoint(0, 0)).y(), margin)
        self.band.setGeometry(margin, top, width, max(height, self.band.sizeHint().height()))
        top = self.band.geometry().bottom() + 7 if self.band.isVisible() else margin
        self.countdown.setGeometry(margin, top, width, self.countdown.heightForWidth(width))

    def start_pause(self, seconds: int) -> None:
        """Draw the silent countdown in the cue area (never a sound, never focus)."""
        self.countdown.start(seconds)
        self.reposition()
        self.countdown.raise_()

    def _animate(self, target: float, duration: int) -> None:
        for animation, start in (
            (self._glow_animation, self.glow.strength),
            (self._band_animation, self.band.opacity.opacity()),
        ):
            animation.stop()
            animation.setDuration(duration)
            animation.setStartValue(start)
            animation.setEndValue(target)
            animation.start()

    def _after_animation(self) -> None:
        if self.current is None:
            self.glow.hide()
            self.band.hide()
            self.reposition()

    def _on_painted(self) -> None:
        if self.current is not None and self._reported != self.current.message_id:
            self._reported = self.current.message_id
            self.painted.emit(self.current.message_id)
