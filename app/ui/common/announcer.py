"""Words a screen reader says without moving the keyboard focus: a cue that arrived, the
step the meeting moved to.

Qt 6.8 and later send an announcement (AT-SPI ``object:announcement``, UIA notification,
NSAccessibility announcement); an older Qt gets the words as the named status element's
description with a description-changed event, which screen readers read out on a live
element. Neither takes the focus, so the note being typed keeps the caret.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QWidget


def announce(source: QWidget, words: str, *, urgent: bool = False) -> None:
    """Have a screen reader say ``words``; ``urgent`` interrupts what it is saying."""
    if not QAccessible.isActive():
        return  # no screen reader listening: nothing to build
    event_type = getattr(QtGui, "QAccessibleAnnouncementEvent", None)
    if event_type is not None:
        event = event_type(source, words)
        politeness = QAccessible.AnnouncementPoliteness
        event.setPoliteness(politeness.Assertive if urgent else politeness.Polite)
        QAccessible.updateAccessibility(event)
        return
    source.setAccessibleDescription(words)
    QAccessible.updateAccessibility(QAccessibleEvent(source, QAccessible.Event.DescriptionChanged))
