"""A dialog's default button measured in the bold font it is drawn in.

poise.qss draws ``QPushButton:default`` bold, but a style sheet's font for a state is
used only to paint: the button's size still comes from its own, regular font. On X11
the standard buttons also carry an icon, so "Speichern" lost its last letter. This
filter gives a default button a bold font of its own (and takes it back when another
button becomes the default), so its size hint fits the text it paints.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QPushButton

__all__ = ["DefaultButtonFont", "install_default_button_font"]

# When a button can have become (or stopped being) the default: shown, the focus moved
# between a dialog's auto-default buttons (QDialog moves the default then), or painted:
# setDefault() sends no event but a repaint, and a dialog or button box chooses its
# default only after the button's own Show. The check is one comparison.
_CHECKED_EVENTS = frozenset(
    {
        QEvent.Type.Show,
        QEvent.Type.FocusIn,
        QEvent.Type.FocusOut,
        QEvent.Type.Polish,
        QEvent.Type.Paint,
    }
)


class DefaultButtonFont(QObject):
    """Keeps every push button's own font bold exactly while it is its dialog's default."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in _CHECKED_EVENTS and isinstance(watched, QPushButton):
            fit_default_button(watched)
            if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
                # The default may have moved to or from a sibling: check the dialog's buttons.
                window = watched.window()
                for button in window.findChildren(QPushButton):
                    fit_default_button(button)
        return False


def fit_default_button(button: QPushButton) -> None:
    font = button.font()
    if font.bold() == button.isDefault():
        return
    font.setBold(button.isDefault())
    button.setFont(font)
    button.updateGeometry()


def install_default_button_font(application: QApplication) -> DefaultButtonFont:
    """Installs the filter on ``application`` once, parented to it (it lives as long)."""
    existing = application.findChild(DefaultButtonFont)
    if existing is not None:
        return existing
    keeper = DefaultButtonFont(application)
    application.installEventFilter(keeper)
    return keeper
