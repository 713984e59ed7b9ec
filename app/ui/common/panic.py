"""Panic hide: one key takes every Poise window off the screen, the same key brings them back.

For the moment a client walks round the table or the user must share their screen
at once. Only what was visible is hidden, and each window comes back where and as
it was (geometry, maximised or not, which one had the focus). Nothing is closed,
so notes, timers and the partner link carry on underneath.

Where Poise cannot hear keys while it has no window (no system-wide shortcuts,
for example on Wayland), hiding would leave no way back, so the windows are
minimised instead and come back from the taskbar or the same key.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget


@dataclass(slots=True)
class _HiddenWindow:
    window: QWidget
    geometry: QRect
    state: Qt.WindowState


class PanicHide(QObject):
    hiddenChanged = Signal(bool)  # noqa: N815 (Qt signal naming)

    def __init__(self, *, can_hear_keys_while_hidden: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.can_hear_keys_while_hidden = can_hear_keys_while_hidden
        self._hidden: list[_HiddenWindow] = []
        self._focused: QWidget | None = None

    @property
    def is_hidden(self) -> bool:
        return bool(self._hidden)

    def toggle(self) -> None:
        if self._hidden:
            self.restore()
        else:
            self.hide_all()

    def hide_all(self) -> None:
        if self._hidden:
            return
        self._focused = QApplication.activeWindow()
        for window in QApplication.topLevelWidgets():
            if not window.isVisible() or not window.isWindow():
                continue
            self._hidden.append(_HiddenWindow(window, window.geometry(), window.windowState()))
        for entry in self._hidden:
            if self.can_hear_keys_while_hidden:
                entry.window.hide()
            else:
                entry.window.setWindowState(entry.state | Qt.WindowState.WindowMinimized)
        if self._hidden:
            self.hiddenChanged.emit(True)

    def restore(self) -> None:
        hidden, self._hidden = self._hidden, []
        for entry in hidden:
            if not shiboken6.isValid(entry.window):
                continue  # closed meanwhile (for example the meeting ended)
            entry.window.setWindowState(entry.state)
            if entry.state == Qt.WindowState.WindowNoState:
                entry.window.setGeometry(entry.geometry)
            entry.window.show()
        focused, self._focused = self._focused, None
        if focused is not None and shiboken6.isValid(focused) and focused.isVisible():
            focused.activateWindow()
        if hidden:
            self.hiddenChanged.emit(False)
