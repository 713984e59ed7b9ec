"""A window's key filter on the focused widget and its parents only, not on every child.

The live window reads every key typed in it (the keys line, Esc, the step keys) through
its event filter. Installed on each of its ~100 children at construction, that cost the
first live window ~10 ms before its first paint (every child wrapped for Python, profiled)
and ran the filter in Python for every event of every child while showing. Keys and
shortcut overrides go to the focused widget and travel up its parents, so the filter sits
on that chain alone and follows the focus; widgets made later (a form, a panel) are
covered the moment they take the focus.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QWidget


class FocusChainFilter(QObject):
    """Keeps ``window``'s event filter on the widget focused in it and on its parents."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._chain: list[QWidget] = []
        window.installEventFilter(window)  # keys with nothing focused go to the window
        application = QApplication.instance()
        if isinstance(application, QApplication):
            application.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        window = self._window
        for left in self._chain:
            with contextlib.suppress(RuntimeError):  # a widget deleted since
                left.removeEventFilter(window)
        self._chain = []
        if new is None or new.window() is not window:
            return
        widget: QWidget | None = new
        while widget is not None and widget is not window:
            widget.installEventFilter(window)
            self._chain.append(widget)
            widget = widget.parentWidget()
        # Qt sent the FocusIn before saying the focus changed: the filter hears it now.
        window.eventFilter(new, QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.OtherFocusReason))
