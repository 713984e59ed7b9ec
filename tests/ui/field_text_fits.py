"""Whether each text field of a window shows its words whole: the fault a person reads as
"king, listen" for "Stop talking, listen". A ``QLineEdit`` narrower than its text (or its
placeholder, when empty) scrolls it sideways; a wrapping field (``WrappingField``) shorter
than its wrapped text hides lines; a combo box narrower than its shown item cuts it.
For the prepare dialog's probe (``prepare_twice_size_probe.py``) and its widget tests.
"""

from __future__ import annotations

import math

from PySide6.QtWidgets import QComboBox, QLineEdit, QStyle, QStyleOptionComboBox, QWidget

from app.ui.prepare.wrapping_field import WrappingField

# Qt's QLineEdit keeps two pixels each side of its text for the cursor (horizontalMargin).
_LINE_EDIT_MARGIN = 2


def _name(field: QWidget) -> str:
    return field.objectName() or field.accessibleName() or type(field).__name__


def line_edit_cut(field: QLineEdit) -> str | None:
    shown = field.text() or field.placeholderText()
    margins = field.textMargins()
    room = field.contentsRect().width() - margins.left() - margins.right()
    room -= 2 * _LINE_EDIT_MARGIN
    needed = field.fontMetrics().horizontalAdvance(shown)
    if needed > room:
        return f"{_name(field)}: {shown[:40]!r} needs {needed} px, has {room}"
    return None


def wrapping_field_cut(field: WrappingField) -> str | None:
    if field.toPlainText():
        last = field.document().lastBlock()
        bottom = field.blockBoundingGeometry(last).translated(field.contentOffset()).bottom()
        needed, room = math.ceil(bottom), field.viewport().height()
        if field.verticalScrollBar().maximum() > 0:
            return f"{_name(field)}: {field.toPlainText()[:40]!r} scrolls"
    else:
        needed, room = field.heightForWidth(field.width()), field.height()  # the hint's
    if needed > room + 1:
        shown = field.toPlainText() or field.placeholderText()
        return f"{_name(field)}: {shown[:40]!r} needs {needed} px high, has {room}"
    return None


def combo_cut(combo: QComboBox) -> str | None:
    if combo.isEditable():
        return None  # its line edit is judged itself
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    room = (
        combo.style()
        .subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
        )
        .width()
    )
    needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
    if needed > room:
        return f"{_name(combo)}: {combo.currentText()[:40]!r} needs {needed} px, has {room}"
    return None


def fields_cut(window: QWidget) -> list[str]:
    """Every visible text field of ``window`` that does not show its words whole."""
    cut: list[str | None] = []
    for field in window.findChildren(QWidget):
        if not field.isVisible():
            continue
        if isinstance(field, QLineEdit):
            cut.append(line_edit_cut(field))
        elif isinstance(field, WrappingField):
            cut.append(wrapping_field_cut(field))
        elif isinstance(field, QComboBox):
            cut.append(combo_cut(field))
    return [problem for problem in cut if problem]
