"""A one-line text that wraps: a field whose words show whole at any width and text size.

A ``QLineEdit`` narrower than its text scrolls it sideways: at a 200 % system font or in
German, "Keep me calm: watch for my warning signs…" showed as "Keep me calm: watch for my
wa" and a cue's words as "n Abschluss: den nächsten Schritt". ``WrappingField`` is
plain text in one paragraph that wraps at the field's width and grows in height with it
(a layout asks ``heightForWidth``); Enter never makes a second line (the prepare form
moves on, see ``app.ui.prepare.form_keys``), pasted line breaks become spaces. It
speaks ``QLineEdit``'s few words the dialog uses: ``text``, ``setText``,
``setMaxLength``, ``setCursorPosition``.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QMimeData, QSize, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent, QTextCursor, QTextDocument, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QWidget

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_DOCUMENT_MARGIN = 2


def _one_line(text: str) -> str:
    return " ".join(text.splitlines()) if ("\n" in text or "\r" in text) else text


class WrappingField(QPlainTextEdit):
    """Plain text in one wrapped paragraph, as tall as its text needs at its width."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.document().setDocumentMargin(_DOCUMENT_MARGIN)
        self._max_length = 0
        self.textChanged.connect(self._keep_to_rules)
        self.setPlainText(_one_line(text))

    # -- QLineEdit's words -------------------------------------------------------------------

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802 (QLineEdit's name)
        self.setPlainText(_one_line(text))

    def setMaxLength(self, length: int) -> None:  # noqa: N802 (QLineEdit's name)
        self._max_length = length
        self._keep_to_rules()

    def setPlaceholderText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setPlaceholderText(text)
        self.updateGeometry()

    def setCursorPosition(self, position: int) -> None:  # noqa: N802 (QLineEdit's name)
        cursor = self.textCursor()
        cursor.setPosition(min(position, len(self.toPlainText())))
        self.setTextCursor(cursor)

    def _keep_to_rules(self) -> None:
        text = self.toPlainText()
        kept = _one_line(text)
        if self._max_length:
            kept = kept[: self._max_length]
        if kept != text:
            position = min(self.textCursor().position(), len(kept))
            self.blockSignals(True)
            self.setPlainText(kept)
            self.blockSignals(False)
            self.setCursorPosition(position)
            self.textChanged.emit()
        self.updateGeometry()

    # -- one paragraph -----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in _ENTER_KEYS:
            event.ignore()  # no second line: the form's Enter goes on (or nothing happens)
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt override)
        self.textCursor().insertText(_one_line(source.text()))
        self.ensureCursorVisible()

    def selectAll(self) -> None:  # noqa: N802 (Qt's name)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    # -- as tall as its text ------------------------------------------------------------------

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt override)
        # A plain document lays out in lines; a rich one of the same text, in pixels.
        document = QTextDocument(self.toPlainText())  # Python's: gone at the return
        document.setDefaultFont(self.font())
        document.setDocumentMargin(_DOCUMENT_MARGIN)
        document.setDefaultTextOption(self.document().defaultTextOption())
        side, top = self._around()
        document.setTextWidth(max(width - side, 1))  # the viewport's: no scroll bars
        text_height = document.size().height()
        if not self.toPlainText() and self.placeholderText():
            # Qt draws the hint wrapped at the viewport's width, less the document's margin.
            inside = width - side - 2 * _DOCUMENT_MARGIN
            hint = self.fontMetrics().boundingRect(
                0, 0, max(inside, 1), 100000, Qt.TextFlag.TextWordWrap, self.placeholderText()
            )
            text_height = max(text_height, hint.height() + 2 * _DOCUMENT_MARGIN)
        # One pixel more: a last line that only just touches the bottom counts as scrolled.
        return math.ceil(max(text_height, self._one_line_height())) + top + 1

    def _around(self) -> tuple[int, int]:
        """The frame and the style's padding, across and down (the viewport is the rest)."""
        if self.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
            view = self.viewport().geometry()
            return self.width() - view.width(), self.height() - view.height()
        return 2 * self.frameWidth() + 12, 2 * self.frameWidth() + 8

    def _one_line_height(self) -> int:
        return self.fontMetrics().lineSpacing() + 2 * _DOCUMENT_MARGIN

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        width = super().sizeHint().width()
        return QSize(width, self.heightForWidth(max(self.width(), 1)))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        one_line = self._one_line_height() + self._around()[1]
        return QSize(self.fontMetrics().horizontalAdvance("x" * 12), one_line)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self.height() < self.heightForWidth(self.width()):
            self.updateGeometry()  # wrapped to more lines: ask the layout for them


__all__ = ["WrappingField"]
