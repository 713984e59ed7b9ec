"""Roles a screen reader says for Poise's own containers, where Qt's guess says nothing.

Qt gives a window made from a plain QWidget the role "filler" (AT-SPI; "client" on
Windows), so a screen reader does not call the live window a window; a QFrame such as the
step card is an unnamed "panel". ``give_role`` marks a widget with the role it should have
(a dynamic property: no work at construction, none at all while no screen reader asks);
the factory that ``install_role_factory`` installs once at start answers Qt with that role
when an assistive technology asks for the widget.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

ROLE_PROPERTY = "poiseAccessibleRole"

_installed = False


def give_role(widget: QWidget, role: QAccessible.Role) -> None:
    """Have a screen reader call ``widget`` by ``role`` (once the factory is installed)."""
    widget.setProperty(ROLE_PROPERTY, role.value)


def _interface(_class_name: str, target: QObject | None) -> QAccessibleInterface | None:
    if not isinstance(target, QWidget):
        return None
    role = target.property(ROLE_PROPERTY)
    if not isinstance(role, int):
        return None  # Qt's own interface, as for every other widget
    return QAccessibleWidget(target, QAccessible.Role(role))


def install_role_factory() -> None:
    """Once per process, before any window is read: Qt asks the factory first."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_interface)
        _installed = True


def call_a_window(widget: QWidget) -> None:
    """A top-level QWidget window: "frame" for a screen reader, as a main window is."""
    give_role(widget, QAccessible.Role.Window)
