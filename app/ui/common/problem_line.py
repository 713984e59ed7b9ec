"""The line under a field that says what is wrong with it: hidden until there is something
to say, wrapped so a long reason is read whole. The settings' shortcuts and the partner
window's address, relay and pairing fields each have one."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def hidden_problem_line(name: str) -> QLabel:
    """An empty, hidden, word-wrapped label; ``name`` is its object name, for style sheets."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.hide()
    return label
