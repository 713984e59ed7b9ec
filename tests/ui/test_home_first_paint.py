"""The home window's first paint parses no playbook, and yet loses nothing a person meets.

Parsing every playbook (and importing the parser) cost ~65 ms before the home window's
first paint (bench/startup.py); ``app.playbooks.StartPlaybooks`` parses them right after
it. Ctrl+N pressed the moment the window has painted still opens the prepare dialog with
every playbook, and a broken playbook of the person's own is still said in the first paint.
Real widgets offscreen, the real store in a fresh data folder, a fresh interpreter where
only a new process shows what the start imported.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app import paths
from app.playbooks import StartPlaybooks, load_all_playbooks
from tests.fresh_interpreter import run_fresh
from tests.platform.test_global_shortcuts import FakeHook

# run_app's start, piece by piece; Ctrl+N on the home window the turn after its first paint.
_KEY_AT_FIRST_PAINT = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from app.playbooks import StartPlaybooks
from app.ui.app_controller import AppController
from app.ui.application import create_application, playbook_language

playbooks = StartPlaybooks(playbook_language())
application = create_application()
controller = AppController(application, playbooks)
window = controller.window
window.close_guard = None
seen = {}
KEY = os.environ["PRESSED"]

def press():
    seen["parsed_when_pressed"] = "app.domain.library" in sys.modules
    seen["keys_loaded_when_pressed"] = "app.ui.common.global_shortcuts" in sys.modules
    if KEY == "new":
        QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    else:  # hide-all, ctrl+alt+h by default
        both = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        QTest.keyClick(window, Qt.Key.Key_H, both)
    seen["hidden"] = controller.panic.is_hidden
    QTimer.singleShot(0, look)

def look():
    flow = controller.flow
    dialog = flow.prepare if flow is not None else None
    if dialog is None or not dialog.isVisible():
        seen["dialog"] = None
    else:
        seen["dialog"] = [dialog.playbook.itemData(i) for i in range(dialog.playbook.count())]
        dialog.reject()
    seen["keys_set_up_after"] = controller.shortcuts is not None
    application.exit(0)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if watched is window and event.type() == QEvent.Type.Paint and "painted" not in seen:
            seen["painted"] = True
            seen["parsed_when_painted"] = "app.domain.playbook_parser" in sys.modules
            seen["new_meeting_enabled"] = window.new_meeting_button.isEnabled()
            QTimer.singleShot(0, press)
        return False

window.show()
window.activateWindow()
controller.open_store()
painted = FirstPaint()  # after open_store's: its filter runs first, so the press comes first
window.installEventFilter(painted)
QTimer.singleShot(20_000, lambda: application.exit(1))
code = application.exec()
controller.close(5.0)
print(json.dumps(seen))
sys.exit(code)
"""


def test_ctrl_n_right_after_the_first_paint_opens_every_playbook(tmp_path: Path) -> None:
    seen = run_fresh(_KEY_AT_FIRST_PAINT, tmp_path, PRESSED="new")
    assert seen["parsed_when_painted"] is False  # the parser loaded after the paint
    assert seen["new_meeting_enabled"] is True
    assert seen["parsed_when_pressed"] is False  # pressed before the playbooks were read
    shipped = [entry.playbook.id for entry in load_all_playbooks().entries]
    assert seen["dialog"] == shipped


def test_hide_all_right_after_the_first_paint_hides_the_home_window(tmp_path: Path) -> None:
    seen = run_fresh(_KEY_AT_FIRST_PAINT, tmp_path, PRESSED="hide")
    assert seen["keys_loaded_when_pressed"] is False  # before the system-wide keys were set up
    assert seen["hidden"] is True
    assert seen["keys_set_up_after"] is True


def test_a_hook_set_up_after_the_paint_takes_hide_all_from_the_window(
    qtbot: QtBot, data_dir: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    from app.ui.app_controller import AppController
    from app.ui.common.global_shortcuts import GlobalShortcuts

    application = QApplication.instance()
    assert isinstance(application, QApplication)
    controller = AppController(application, StartPlaybooks())
    qtbot.addWidget(controller.window)
    assert controller.shortcuts is None and controller._panic_shortcut is not None
    hook = FakeHook()
    shortcuts = controller.listen_for_keys(GlobalShortcuts(hook))
    # A hook that does not swallow keys would fire the window's key too: it is gone.
    assert controller._panic_shortcut is None
    assert controller.panic.can_hear_keys_while_hidden
    assert controller.window.shortcuts is shortcuts
    assert controller.listen_for_keys() is shortcuts  # once


def test_a_broken_playbook_of_ones_own_is_said_in_the_first_paint(
    qtbot: QtBot, data_dir: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    from app.ui.app_controller import AppController
    from app.ui.common.global_shortcuts import GlobalShortcuts

    folder = paths.user_playbooks_dir()
    folder.mkdir(parents=True)
    (folder / "mine.toml").write_text('id = "mine"\ntitle = \n', encoding="utf-8")
    playbooks = StartPlaybooks()
    assert playbooks.is_parsed  # the person's own folder is read before the paint
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    controller = AppController(application, playbooks, shortcuts=GlobalShortcuts(FakeHook()))
    window = controller.window
    qtbot.addWidget(window)
    window.close_guard = None
    window.show()
    qtbot.waitExposed(window)
    assert window.problems_label.isVisible()
    assert "mine.toml" in window.problems_label.text()
    assert window.new_meeting_button.isEnabled()  # the shipped ones still start a meeting


def test_the_start_asks_for_the_screen_probe_by_the_probes_own_variable() -> None:
    # The start imports the probe's module only when asked: it names the variable itself.
    from app.ui import application
    from app.ui.common import screen_probe

    assert application.SCREEN_PROBE_ENV == screen_probe.PROBE_ENV
