"""PySide's one-off cost of the first widget Qt itself made, paid while nobody waits.

The first time Python meets a widget that Qt's C++ created (a scroll area's viewport,
reached through ``parentWidget()``), PySide 6.11 makes ~80 Python enum classes on the
way: 15-17 ms on the GUI thread (cProfile: ``enum._create_`` x79 inside that one call;
every later call 0.03 ms). The live window's focus filter walks such a parent when its
step card takes the focus, so the first meeting of a process paid it between Start and
its first paint. Right after the home window has painted, nothing waits: it is paid
there, once per process.
"""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QWidget

_state = {"warmed": False}


def warm_up_pyside_types() -> bool:
    """Meet a Qt-made widget once; ``False`` when this process did already."""
    if _state["warmed"]:
        return False
    _state["warmed"] = True
    area = QScrollArea()
    inside = QWidget()
    area.setWidget(inside)
    inside.parentWidget()  # the viewport, made by Qt: PySide wraps it the first time here
    area.deleteLater()
    return True
