"""Keeps the mouse wheel for the page: an inner box scrolls only once the user is in it.

The meeting page scrolls as a whole and holds text boxes and tables that scroll too.
Without this, turning the wheel over a note field scrolls the field and the page stops
under the pointer. ``PageWheelGuard`` hands the wheel to the page's scroll area until
the inner widget has the keyboard focus (a click or Tab puts it there).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea


class PageWheelGuard(QObject):
    def __init__(self, page: QScrollArea) -> None:
        super().__init__(page)
        self._page = page
        self._guarded: dict[QObject, QAbstractScrollArea] = {}

    def guard(self, inner: QAbstractScrollArea) -> None:
        """Send wheel turns over ``inner`` to the page until ``inner`` has the focus."""
        # Wheel turns alone must not give the box the focus (and with it the wheel).
        if inner.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            inner.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._guarded[inner.viewport()] = inner
        inner.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.Wheel:
            return False
        inner = self._guarded.get(watched)
        if inner is None or inner.hasFocus():
            return False
        QCoreApplication.sendEvent(self._page.verticalScrollBar(), event)
        return True
