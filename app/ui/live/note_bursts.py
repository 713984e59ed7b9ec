"""Typing runs in a note: each one its own undo step, each return starts on a line of its own.

A note grows in bursts: the user types what they heard, looks up, moves a step, comes back.
Qt's editor merges every adjacent typed character into one undo command, so one Ctrl+Z
wiped two bursts at once; and typing again after leaving the note ran straight onto the
last word ("...pineapple.Real concern").

Here a burst starts after the note was left (focus went elsewhere in Poise) or after a
pause in typing. A new burst gets a character format of its own (an invisible user
property), which is what stops Qt merging it into the one before: Ctrl+Z then goes back
one burst. When the note was left and the caret is still at the end of the text, the new
burst starts on a new line when it starts with a letter or digit (a "." after the last
word still finishes that sentence).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QPlainTextEdit

# Typing resumed after this long is a new burst, as editors group their undo.
BURST_PAUSE_SECONDS = 2.0
# QTextFormat.Property.UserProperty + 26. QTextFormat, QTextCharFormat and QTextCursor are
# met on the first burst only (``load_text_formats``): making their Python types and enums
# took ~3 ms of the live window's first paint, where no note is typed yet.
_BURST_PROPERTY = 0x100000 + 26
_COMMAND = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier
# Focus that went to another application or a menu comes back to the same sentence.
_NOT_LEAVING = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)


class NoteBursts(QObject):
    """Watches one note editor's keys and focus (see the module docstring)."""

    def __init__(self, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        self._editor = editor
        self._burst = 0
        self._last_key = 0.0
        self.left = False  # the note was left since its last burst
        editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind == QEvent.Type.FocusOut and isinstance(event, QFocusEvent):
            if event.reason() not in _NOT_LEAVING:
                self.left = True
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            text = event.text()
            if text and text.isprintable() and not (event.modifiers() & _COMMAND):
                self._before_typing(text)
        return False

    def _before_typing(self, text: str) -> None:
        now = time.monotonic()
        if self.left or now - self._last_key > BURST_PAUSE_SECONDS:
            self._start_burst(separate=text[0].isalnum())
        self._last_key = now

    def _start_burst(self, separate: bool) -> None:
        from PySide6.QtGui import QTextCharFormat, QTextCursor

        editor = self._editor
        cursor = editor.textCursor()
        text = editor.document().characterCount() > 1
        at_end = not cursor.hasSelection() and cursor.atEnd()
        self._burst += 1
        burst_format = QTextCharFormat(editor.currentCharFormat())
        burst_format.setProperty(_BURST_PROPERTY, self._burst)
        # A letter starts a new thought; a "." or "," finishes the last one.
        if self.left and separate and text and at_end:
            last = editor.document().characterAt(editor.document().characterCount() - 2)
            if not last.isspace():
                cursor.movePosition(QTextCursor.MoveOperation.End)
                cursor.insertText("\n", burst_format)
                editor.setTextCursor(cursor)
        editor.setCurrentCharFormat(burst_format)
        self.left = False


def load_text_formats() -> None:
    """Have PySide make the types a burst uses (right after the first paint, not in it)."""
    from PySide6 import QtGui

    for name in ("QTextCharFormat", "QTextCursor"):
        getattr(QtGui, name)


__all__ = ["BURST_PAUSE_SECONDS", "NoteBursts", "load_text_formats"]
