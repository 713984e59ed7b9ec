"""A person with the keyboard alone: Tab through a window and see what the focus reaches.

``tab_chain`` presses Tab on whatever has the focus, as the keyboard does, until the focus
comes back round (or stops moving, a trap). ``unreached`` lists the controls a person acts
on that Tab never reached and no key of their own reaches either.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSlider,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTextEdit,
)
MAX_TABS = 150


def tab_chain(qtbot: QtBot, window: QWidget) -> list[QWidget]:
    """Every widget Tab gives the focus to, in order, once round the window."""
    window.activateWindow()
    qtbot.waitUntil(
        lambda: (focus := QApplication.focusWidget()) is not None and focus.window() is window,
        timeout=3000,
    )
    chain: list[QWidget] = []
    for _ in range(MAX_TABS):
        here = QApplication.focusWidget()
        assert here is not None, f"nothing has the focus after {chain_names(chain)}"
        QTest.keyClick(here, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        if now is here and isinstance(here, QAbstractSpinBox):
            continue  # a date's day, month and year take a Tab each, then it moves on
        assert now is not here, f"Tab is stuck in {describe(here)} after {chain_names(chain)}"
        if now in chain:
            return chain
        chain.append(now)
    raise AssertionError(f"Tab never came round: {chain_names(chain)}")


def describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton) else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {text!r}".rstrip(" '")


def chain_names(chain: list[QWidget]) -> list[str]:
    return [describe(widget) for widget in chain]


def _has_own_key(widget: QWidget) -> bool:
    if isinstance(widget, QAbstractButton):
        return not widget.shortcut().isEmpty() or "&" in widget.text().replace("&&", "")
    return False


def _group_reached(widget: QWidget, reached: set[QWidget]) -> bool:
    if not isinstance(widget, QRadioButton) or not widget.autoExclusive():
        return False
    parent = widget.parentWidget()
    return any(isinstance(done, QRadioButton) and done.parentWidget() is parent for done in reached)


def unreached(window: QWidget, chain: list[QWidget], keyed: Iterable[QWidget] = ()) -> list[str]:
    """Visible, enabled controls in ``window`` neither on the Tab chain nor with a key
    (``keyed``: those the window's own keys reach, each pressed by the test)."""
    reached = set(chain) | set(keyed)
    missing = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QHeaderView):
            continue  # a table's header: the table itself is what Tab reaches
        if not widget.isEnabled() or not widget.isVisible():
            continue
        inside = widget.focusProxy() or widget
        if inside in reached or widget in reached or _has_own_key(widget):
            continue
        if any(widget.isAncestorOf(done) for done in reached):
            continue  # a combo box's line edit, a spin box's field: the control was reached
        if _group_reached(widget, reached):
            continue  # Tab reaches a radio group once; the arrows choose within it
        missing.append(describe(widget))
    return missing


def default_button(window: QWidget) -> QAbstractButton | None:
    """The one button Enter presses, drawn as the default; None when that is unclear:
    no default, two, or one drawn in the accent ("primaryButton") while Enter presses another.
    """
    shown = [button for button in window.findChildren(QPushButton) if button.isVisible()]
    defaults = [button for button in shown if button.isDefault()]
    primaries = [button for button in shown if button.objectName() == "primaryButton"]
    if len(primaries) > 1 or len(defaults) > 1:
        return None
    if primaries and defaults and primaries != defaults:
        return None
    chosen = primaries or defaults
    return chosen[0] if chosen else None
