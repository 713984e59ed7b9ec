"""The meeting flow's code loads off the GUI thread once the store is open, before any
"New meeting": the first press no longer pays ~100 ms of imports on the GUI thread.

Checked in a fresh interpreter taking the app's start path (home window, store opened on
its thread), where nothing has imported the flow yet.
"""

from __future__ import annotations

from pathlib import Path

from tests.fresh_interpreter import run_fresh

CHILD = r"""
import json, sys, time
from PySide6.QtCore import QTimer
from app.playbooks import load_all_playbooks
from app.ui.app_controller import AppController
from app.ui.application import create_application

application = create_application()
controller = AppController(application, load_all_playbooks())
seen = {"at_home": "app.ui.live.flow" in sys.modules}
deadline = time.monotonic() + 20

def poll():
    loaded = "app.ui.live.flow" in sys.modules
    if loaded or time.monotonic() > deadline:
        seen["warm"] = loaded
        seen["flow_made"] = controller.flow is not None
        print(json.dumps(seen), flush=True)
        application.exit(0)
    else:
        QTimer.singleShot(20, poll)

controller.client.storeOpened.connect(lambda _store: poll())
controller.window.show()
controller.open_store()
QTimer.singleShot(40000, lambda: application.exit(2))
code = application.exec()
controller.close(5.0)
sys.exit(code)
"""


def test_the_meeting_flow_is_imported_in_the_background_once_the_store_opens(
    tmp_path: Path,
) -> None:
    seen = run_fresh(CHILD, tmp_path)
    assert not seen["at_home"]  # the home window paints without it
    assert seen["warm"]
    assert not seen["flow_made"]  # only its code: the flow is made at "New meeting"
