"""How the keyboard moves through a form, as in a polished app: the prepare dialog's.

Enter in a text field goes on to the next text field, and in the last one does what the
form's main button does (so typing a meeting's details never needs the mouse, and Enter
is never silently lost). Closing a form that holds typed words asks first
(:func:`ask_before_discarding`): one stray Esc must not throw a prepared meeting away.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QWidget

from app.ui.prepare.wrapping_field import WrappingField

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class EnterMovesOn(QObject):
    """Enter in one of ``fields()`` focuses the next visible one; in the last, ``finish()``."""

    def __init__(
        self,
        parent: QObject,
        fields: Callable[[], Sequence[QLineEdit | WrappingField]],
        finish: Callable[[], None],
    ) -> None:
        super().__init__(parent)
        self._fields = fields
        self._finish = finish

    def watch(self, field: QLineEdit | WrappingField | QComboBox) -> None:
        """An editable combo box is watched itself: it holds the keyboard for its line edit."""
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (
            event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
            or event.key() not in _ENTER_KEYS
            or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            return False
        field = watched.lineEdit() if isinstance(watched, QComboBox) else watched
        if isinstance(watched, QComboBox) and _popup_is_open(watched):
            return False  # Enter picks the highlighted client first, as the list expects
        fields = [f for f in self._fields() if f.isVisibleTo(f.window()) and f.isEnabled()]
        here = next((index for index, f in enumerate(fields) if f is field), None)
        if here is None:
            return False
        if here + 1 < len(fields):
            following = fields[here + 1]
            target = following.parent() if _is_combo_line(following) else following
            if isinstance(target, QWidget):
                target.setFocus(Qt.FocusReason.TabFocusReason)
            following.selectAll()
        else:
            self._finish()
        return True


def _is_combo_line(field: QLineEdit | WrappingField) -> bool:
    return isinstance(field.parent(), QComboBox)


def _popup_is_open(combo: QComboBox) -> bool:
    completer = combo.completer()
    popup = completer.popup() if completer is not None else None
    return combo.view().isVisible() or bool(popup is not None and popup.isVisible())


def ask_before_discarding(
    parent: QWidget, question_text: str, discard: Callable[[], None]
) -> QMessageBox:
    """Asks ``question_text`` ("Discard this meeting's details?"); ``discard()`` only on yes."""
    question = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("DiscardQuestion", "Discard?"),
        question_text,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    question.setObjectName("discardQuestion")
    question.setInformativeText(
        QCoreApplication.translate("DiscardQuestion", "What you typed is not kept anywhere else.")
    )
    throw_away = question.addButton(
        QCoreApplication.translate("DiscardQuestion", "Discard"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    throw_away.setObjectName("confirmDiscard")
    keep = question.addButton(
        QCoreApplication.translate("DiscardQuestion", "Keep editing"),
        QMessageBox.ButtonRole.RejectRole,
    )
    keep.setObjectName("keepEditing")
    question.setDefaultButton(keep)
    question.setEscapeButton(keep)
    throw_away.clicked.connect(lambda _checked=False: discard())
    question.finished.connect(question.deleteLater)
    question.open()
    return question
