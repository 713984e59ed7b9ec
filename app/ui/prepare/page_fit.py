"""The prepare dialog grows sideways to show its page whole (the page has no sideways
scroll bar): at twice the text size, or in German, a cue row or the partner's brief can
need more than the dialog's default width. Never past the screen; never narrower."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QWidget


def widen_to_show(window: QWidget, scroll: QScrollArea) -> None:
    """Make ``window`` wide enough for ``scroll``'s page, within the screen's room."""
    page = scroll.widget()
    if page is None or not window.isVisible():
        return
    layout = window.layout()
    if layout is not None:
        layout.activate()
    around = window.width() - scroll.viewport().width()  # margins, frame, scroll bar
    need = page.minimumSizeHint().width() + around
    if need <= window.width():
        return
    screen = window.screen()
    room = screen.availableGeometry().width() if screen is not None else need
    window.resize(min(need, room), window.height())


__all__ = ["widen_to_show"]
