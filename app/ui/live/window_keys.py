"""System-wide keys Poise could not have, made the live window's own shortcuts.

When the desktop or another program keeps a system-wide key, the same key still works
while the live window has the focus: it becomes one of the window's own shortcuts and
does what the system-wide key would have done (``LiveWindow.perform``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from app.domain.hotkeys import HotkeyAction, KeyCombo


class WindowKeys(QObject):
    """The window's shortcuts standing in for the system-wide keys not heard."""

    def __init__(self, window: QWidget, perform: Callable[[str], object]) -> None:
        super().__init__(window)
        self._window = window
        self._perform = perform
        self._actions: list[QAction] = []

    def replace(self, unheard: Mapping[HotkeyAction, KeyCombo]) -> None:
        """Make ``unheard`` the window's shortcuts, in place of the ones made before."""
        for window_action in self._actions:
            self._window.removeAction(window_action)
        self._actions = []
        for hotkey, combo in unheard.items():
            window_action = QAction(hotkey.label, self._window)
            window_action.setObjectName(f"windowKey_{hotkey.value}")
            window_action.setShortcut(QKeySequence(combo.display))
            window_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            window_action.setData(hotkey.value)
            window_action.triggered.connect(self._pressed)
            self._window.addAction(window_action)
            self._actions.append(window_action)

    def _pressed(self) -> None:
        sender = self.sender()
        if isinstance(sender, QAction):
            self._perform(str(sender.data()))
