"""What the home window's first paint waits for: nothing else Python runs meanwhile.

The store's thread imports SQLAlchemy for half a second; started before the home window
has painted, it takes turns with the GUI thread for the GIL and the window paints late
(bench/startup.py). Real widgets offscreen; the store is a real SQLite file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.ui.common.after_first_paint import after_first_paint
from tests.fresh_interpreter import run_fresh
from tests.ui.conftest import started_app


class PaintOrder(QObject):
    """Notes "painted" in ``events`` at the first paint of what it watches."""

    def __init__(self, events: list[str]) -> None:
        super().__init__()
        self.events = events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Paint and "painted" not in self.events:
            self.events.append("painted")
        return False


def test_work_waits_for_the_first_paint_of_a_shown_window(qtbot: QtBot) -> None:
    window = QLabel("Hello")
    qtbot.addWidget(window)
    events: list[str] = []
    order = PaintOrder(events)
    window.installEventFilter(order)
    window.show()
    after_first_paint(window, lambda: events.append("work"))
    assert events == []  # not at once
    qtbot.waitUntil(lambda: "work" in events, timeout=2000)
    assert events == ["painted", "work"]


def test_work_for_a_hidden_window_runs_at_once(qtbot: QtBot) -> None:
    window = QLabel("Hello")
    qtbot.addWidget(window)
    events: list[str] = []
    after_first_paint(window, lambda: events.append("work"))
    assert events == ["work"]


def test_the_store_starts_opening_after_the_home_window_painted(
    qtbot: QtBot, library: PlaybookLibrary
) -> None:
    controller = started_app(qtbot, library)
    window = controller.window
    window.hide()
    window.show()  # as at launch: shown, not painted yet
    events: list[str] = []
    order = PaintOrder(events)
    window.installEventFilter(order)
    controller.open_store()
    if controller.client.opening:
        events.append("store opening")
    with qtbot.waitSignal(controller.client.storeOpened, timeout=10_000):
        pass
    assert events[:1] == ["painted"]
    controller.close(5.0)


# In a fresh interpreter: the home window shown, its store opened, then the walk the live
# window's focus filter makes at Start (a Qt-made scroll area viewport met from Python).
_PYSIDE_PROBE = """
import enum, json, sys
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea
from app.playbooks import load_all_playbooks
from app.ui.app_controller import AppController
application = QApplication(sys.argv[:1])
controller = AppController(application, load_all_playbooks())
controller.window.show()
controller.client.storeOpened.connect(lambda _store: application.exit(0))
controller.open_store()
application.exec()
made = []
enum_new = enum.EnumType.__new__
def counting(*args, **kwargs):
    made.append(args[1])
    return enum_new(*args, **kwargs)
enum.EnumType.__new__ = counting
area = QScrollArea()
label = QLabel("step")
area.setWidget(label)
label.parentWidget()
print(json.dumps({"enum_types_made": len(made)}))
controller.close(5.0)
"""


def test_pyside_makes_its_enum_types_before_start_not_at_it(tmp_path: Path) -> None:
    seen = run_fresh(_PYSIDE_PROBE, tmp_path)
    assert seen["enum_types_made"] == 0  # 60-80 on the first meeting's way before


_HOME_IMPORTS_PROBE = """
import json, sys
import app.playbooks, app.settings, app.ui.application
asked = ("subprocess", "platformdirs.windows", "platformdirs.macos", "app.store.records",
         "app.domain.playbook_parser", "app.domain.partner_watch", "app.domain.meeting_session",
         "app.ui.common.screen_probe", "socket", "html", "app.ui.home.start_check",
         "app.ui.common.global_shortcuts")
print(json.dumps({"loaded": [name for name in asked if name in sys.modules]}))
"""


def test_the_home_window_imports_only_what_its_first_paint_needs(tmp_path: Path) -> None:
    # Each cost 3-20 ms before the first paint (-X importtime); they load where needed.
    if sys.platform != "linux":
        pytest.skip("the folders' module of the system running the test is needed")
    assert run_fresh(_HOME_IMPORTS_PROBE, tmp_path)["loaded"] == []
