"""Whether a shown widget has the room it needs: the layout faults a person notices.

Four kinds, each named in words a test can print:

- an input or list shorter than one line of its own font (typed text shows as dots or
  not at all): ``too short``;
- a widget given less than its minimum size hint by its layout or parent (the layout
  ran out of room and squashed it): ``squeezed``;
- a text shortened with "…" with no way to read it whole (no tooltip, no accessible
  text holding more): ``elided, no whole text``;
- a text drawn over a sibling's text (a long translation pushing into its neighbour):
  ``overlaps``.

The screen probe (app/ui/common/screen_probe.py) writes these for every visible widget, so the
real-session test fails on them; widget tests call ``fit_problems`` directly.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QTextEdit,
    QWidget,
)

ELLIPSIS = "…"
# A pixel of rounding between a layout and a size hint is not a fault a person can see.
_SLACK = 1
_TEXT_INPUTS = (QLineEdit, QAbstractSpinBox, QComboBox)
_SCROLLED_INPUTS = (QPlainTextEdit, QTextEdit, QAbstractItemView)


def too_short(widget: QWidget) -> str | None:
    """An input or list that cannot show one whole line of its font."""
    metrics = QFontMetrics(widget.font())
    if isinstance(widget, _SCROLLED_INPUTS):
        assert isinstance(widget, QAbstractScrollArea)
        room = widget.viewport().height()
        if room + _SLACK < metrics.height():
            return f"too short: {room} px for a {metrics.height()} px line"
        return None
    # The frame and the text margins take their share: the line itself needs the rest.
    if isinstance(widget, _TEXT_INPUTS) and widget.height() + _SLACK < metrics.height() + 2:
        return f"too short: {widget.height()} px for a {metrics.height()} px line"
    return None


def _least(policy: QSizePolicy.Policy, explicit: int, hint: int, minimum_hint: int) -> int:
    """What a Qt layout gives at the least (as Qt's own qSmartMinSize decides it)."""
    if explicit > 0:
        return explicit
    if policy == QSizePolicy.Policy.Ignored:
        return 0
    if not (policy.value & QSizePolicy.PolicyFlag.ShrinkFlag.value):
        return max(hint, 0)
    return max(minimum_hint, 0)


def _in_layout(layout: QLayout, widget: QWidget) -> bool:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is widget:
            return True
        inner = item.layout()
        if inner is not None and _in_layout(inner, widget):
            return True
    return False


def laid_out(widget: QWidget) -> bool:
    """Whether a layout places ``widget`` (not its parent's own hand, as a combo box
    places its line edit or a table its header, nor a floating overlay)."""
    parent = widget.parentWidget()
    layout = parent.layout() if parent is not None else None
    return layout is not None and _in_layout(layout, widget)


def squeezed(widget: QWidget) -> str | None:
    """A widget smaller than the least its own layout rules would ever give it."""
    if widget.isWindow() or not laid_out(widget):
        return None
    hint = widget.sizeHint()
    minimum_hint = widget.minimumSizeHint()
    policy = widget.sizePolicy()
    problems = []
    least_width = _least(
        policy.horizontalPolicy(), widget.minimumWidth(), hint.width(), minimum_hint.width()
    )
    if widget.width() + _SLACK < least_width:
        problems.append(f"width {widget.width()} < {least_width}")
    # A word-wrapped text's height depends on its width; label_clipped judges it instead.
    if not widget.hasHeightForWidth():
        least_height = _least(
            policy.verticalPolicy(), widget.minimumHeight(), hint.height(), minimum_hint.height()
        )
        if widget.height() + _SLACK < least_height:
            problems.append(f"height {widget.height()} < {least_height}")
    if not problems:
        return None
    return "squeezed: " + ", ".join(problems)


def _shown_text(widget: QWidget) -> str:
    if isinstance(widget, QLabel | QAbstractButton):
        return widget.text()
    return ""


def _words(text: str) -> list[str]:
    return text.replace("\u2009", " ").split()


def _without_button_names(widget: QWidget, text: str) -> str:
    """``text`` without the names of its window's buttons that end in "…": a hint that says
    "choose Set… and press" quotes a button, it does not shorten anything."""
    for button in widget.window().findChildren(QAbstractButton):
        name = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if button is not widget and name.endswith(ELLIPSIS):
            text = text.replace(name, "")
    return text


def _whole_text_reachable(widget: QWidget, shown: str) -> bool:
    visible_part = shown.replace(ELLIPSIS, "").strip()
    for whole in (widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()):
        if whole and len(whole.strip()) > len(visible_part):
            return True
    return False


def elided_without_whole_text(widget: QWidget) -> str | None:
    """Text shortened with "…" where nothing on the widget holds the whole of it.

    "…" that ends a button's text is the convention for "opens a window" and one that
    starts a text leads into it: neither is a shortening.
    """
    # A combo box's list shows each of its texts whole: the combo itself is not judged.
    shown = _shown_text(widget)
    whole = getattr(widget, "full_text", None)
    if isinstance(whole, str):
        # A label that wraps and shortens its own text (the step card's) knows its whole
        # text, which may hold a "…" of its own.
        if _words(shown) == _words(whole) or _whole_text_reachable(widget, shown):
            return None
        return f"elided, no whole text: {shown[:60]!r}"
    # "…" before a space is one of the words ("choose Set… and press"), not a shortening;
    # nor is a button's own name that ends in "…".
    core = re.sub(f"{ELLIPSIS}(?= )", "", _without_button_names(widget, shown.strip()))
    if ELLIPSIS not in core.lstrip(ELLIPSIS):
        return None
    opens_a_window = core.endswith(ELLIPSIS) and ELLIPSIS not in core[:-1]
    if isinstance(widget, QAbstractButton) and opens_a_window:
        return None
    if _whole_text_reachable(widget, shown):
        return None
    return f"elided, no whole text: {shown[:60]!r}"


def overlapping_text(widget: QWidget) -> str | None:
    """A text drawn over a sibling's text: their layout (or hand placing) ran out of room.

    Each pair is judged once, by the later-made widget; a window or dialog over another
    (a different parent) is not an overlap.
    """
    if not isinstance(widget, QLabel | QAbstractButton) or not _shown_text(widget).strip():
        return None
    parent = widget.parentWidget()
    if parent is None or widget.isWindow():
        return None
    mine = widget.geometry()
    for sibling in parent.children():
        if sibling is widget:
            break
        if not isinstance(sibling, QLabel | QAbstractButton) or sibling.isWindow():
            continue
        shown = _shown_text(sibling).strip()
        if not shown or not sibling.isVisible():
            continue
        both = mine.intersected(sibling.geometry())
        if both.width() > _SLACK and both.height() > _SLACK:
            return f"overlaps {shown[:40]!r}"
    return None


def fit_problems(widget: QWidget) -> list[str]:
    """Every layout fault of one shown widget, in words (empty when it has its room)."""
    problems = []
    for check in (too_short, squeezed, elided_without_whole_text, overlapping_text):
        found = check(widget)
        if found:
            problems.append(found)
    return problems


def window_fit_problems(window: QWidget) -> list[str]:
    """``fit_problems`` of every visible widget in ``window``, each named."""
    found = []
    for child in [window, *window.findChildren(QWidget)]:
        if not child.isVisible() or child.objectName().startswith("qt_"):
            continue
        for problem in fit_problems(child):
            name = child.objectName() or type(child).__name__
            found.append(f"{type(child).__name__} {name!r}: {problem}")
    return found


__all__ = [
    "elided_without_whole_text",
    "fit_problems",
    "overlapping_text",
    "squeezed",
    "too_short",
    "window_fit_problems",
]
