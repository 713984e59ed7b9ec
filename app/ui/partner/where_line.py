"""Where the user's meeting is, for the partner: the step's title and how long it has run.

Poise says it on every step change (and on connecting) with the seconds since the meeting
began; the line counts on by itself from there, a second at a time, so a cue fits the moment.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

_STYLE = """
#whereLine QLabel#whereStep { color: #5d6168; font-size: 9pt; }
#whereLine QLabel#whereTitle { color: #a3a8b0; font-size: 12pt; }
#whereLine QLabel#whereTime { color: #8b9098; font-size: 15pt; }
"""


def clock_text(seconds: int) -> str:
    """``12:04`` or ``1:02:09``: minutes and seconds, hours only once there are any."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class WhereLine(QWidget):
    """Step n of m, its title, and the running time; hidden until Poise said where it is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whereLine")
        self.setStyleSheet(_STYLE)
        self.step_label = QLabel()
        self.step_label.setObjectName("whereStep")
        self.title_label = QLabel()
        self.title_label.setObjectName("whereTitle")
        self.title_label.setWordWrap(True)
        self.time_label = QLabel()
        self.time_label.setObjectName("whereTime")
        self.time_label.setAccessibleName(self.tr("Time since the meeting began"))
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(10)
        layout.setVerticalSpacing(0)
        layout.addWidget(self.step_label, 0, 0)
        layout.addWidget(self.title_label, 1, 0)
        layout.addWidget(self.time_label, 0, 1, 2, 1)
        layout.setColumnStretch(0, 1)
        self._elapsed_at_start = 0
        self._since = QElapsedTimer()
        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._show_time)
        self.hide()

    @property
    def seconds(self) -> int:
        """How long the meeting has run, as this line counts it."""
        if not self._since.isValid():
            return 0
        return self._elapsed_at_start + int(self._since.elapsed() // 1000)

    def show_where(self, index: int, of: int, title: str, elapsed: int) -> None:
        self.step_label.setText(self.tr("Step {n} of {of}").format(n=index + 1, of=of))
        self.title_label.setText(title)
        self._elapsed_at_start = max(0, elapsed)
        self._since.start()
        self._show_time()
        self._tick.start()
        self.show()

    def stop(self) -> None:
        """The meeting is over: nothing runs any more."""
        self._tick.stop()
        self.hide()

    def _show_time(self) -> None:
        self.time_label.setText(clock_text(self.seconds))
