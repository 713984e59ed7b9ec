"""Work that may wait until a window has painted once: it then does not slow that paint.

Python runs one thread at a time (the GIL). Work started on another thread before a
window's first paint, such as the store's thread importing SQLAlchemy, takes turns with
the GUI thread in 5 ms slices, so the window a person waits for paints at half speed:
the home window painted 60-80 ms later that way (bench/startup.py, 2 cores). Started
right after the paint instead, the same work costs the window nothing, and the work
itself starts only as much later as the paint took.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A window that never paints (minimised at once, a platform without exposes) still gets
# its work done: at most this much later.
LONGEST_WAIT_MS = 400


class _AfterFirstPaint(QObject):
    def __init__(self, window: QWidget, work: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._work: Callable[[], None] | None = work
        window.installEventFilter(self)
        QTimer.singleShot(LONGEST_WAIT_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            # After this paint has reached the screen, not in the middle of it.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        work, self._work = self._work, None
        if work is None:
            return
        self._window.removeEventFilter(self)
        self.deleteLater()
        work()


def after_first_paint(window: QWidget, work: Callable[[], None]) -> None:
    """Run ``work`` once ``window`` has painted for the first time; at once if it is hidden."""
    if not window.isVisible():
        work()
        return
    _AfterFirstPaint(window, work)
