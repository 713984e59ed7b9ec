"""While the prepare dialog waits, an unseen live window is built and dropped once, so that
Start pays only for its own window (the first one of a process paid Qt's and PySide's
first-use costs too). Checked in a fresh interpreter taking the app's start path: the
warm-up happens with the dialog open, leaves no window behind, and the meeting that
follows starts as before.
"""

from __future__ import annotations

from pathlib import Path

from tests.fresh_interpreter import run_fresh

CHILD = r"""
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app.playbooks import load_all_playbooks
from app.ui.app_controller import AppController
from app.ui.application import create_application
from app.ui.live import live_warm_up
from app.ui.live.live_window import LiveWindow

application = create_application()
controller = AppController(application, load_all_playbooks())
seen = {}
deadline = time.monotonic() + 20

def live_windows():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, LiveWindow)]

def wait_for_warm_up(dialog):
    if live_warm_up.live_windows_warmed_up() == 0 and time.monotonic() < deadline:
        QTimer.singleShot(20, lambda: wait_for_warm_up(dialog))
        return
    seen["warmed"] = live_warm_up.live_windows_warmed_up()
    seen["dialog_open"] = dialog.isVisible()
    QTimer.singleShot(50, lambda: start(dialog))

def start(dialog):
    seen["left_behind"] = len(live_windows())
    dialog.client.setEditText("Warm client")
    dialog.title.setText("Warm")
    dialog.go_to_checklist()
    dialog.start_button.click()

def started(session, live):
    seen["live_visible"] = live.isVisible()
    seen["live_windows"] = len(live_windows())
    print(json.dumps(seen), flush=True)
    application.exit(0)

def new_meeting():
    flow = controller.ensure_flow()
    flow.prepareOpened.connect(wait_for_warm_up)
    flow.sessionStarted.connect(started)
    controller.window.new_meeting()

controller.window.show()
controller.open_store()
QTimer.singleShot(0, new_meeting)
QTimer.singleShot(40000, lambda: application.exit(2))
code = application.exec()
controller.close(5.0)
sys.exit(code)
"""


def test_an_unseen_live_window_is_built_once_while_the_prepare_dialog_waits(
    tmp_path: Path,
) -> None:
    seen = run_fresh(CHILD, tmp_path)
    assert seen["warmed"] == 1
    assert seen["dialog_open"]  # it waited for the user, never closed by the warm-up
    assert seen["left_behind"] == 0  # the unseen window is gone before Start
    assert seen["live_visible"]
    assert seen["live_windows"] == 1
