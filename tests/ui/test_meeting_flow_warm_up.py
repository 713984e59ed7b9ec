"""The meeting flow's and the partner link's code load once the store is open, before any
"New meeting": the first press no longer pays their imports.

On the GUI thread: importing them makes PySide6 types (lazily created), and a pool thread
doing that while the GUI thread ran Qt crashed the app at start (SIGSEGV; the session
tests' stacks showed the warm-up import of app/export/pdf.py on the store's pool).

A module per step, each on its own turn of the event loop, so that no step is long.
Checked in a fresh interpreter taking the app's start path (home window, store opened on
its thread), where nothing has imported the flow yet.
"""

from __future__ import annotations

from pathlib import Path

from tests.fresh_interpreter import run_fresh

CHILD = r"""
import json, sys, threading, time

WATCHED = ("app.ui.live.flow", "app.export.pdf", "app.ui.partner.partner_wiring")
threads = {}

class WhereImported:
    def find_spec(self, name, path=None, target=None):
        if name in WATCHED:
            threads[name] = threading.current_thread() is threading.main_thread()
        return None

sys.meta_path.insert(0, WhereImported())
from PySide6.QtCore import QTimer
from app.playbooks import load_all_playbooks
from app.ui.app_controller import AppController
from app.ui.application import create_application

application = create_application()
controller = AppController(application, load_all_playbooks())
seen = {"at_home": "app.ui.live.flow" in sys.modules}
deadline = time.monotonic() + 20

def poll():
    loaded = all(name in sys.modules for name in WATCHED)
    if loaded or time.monotonic() > deadline:
        seen["warm"] = loaded
        seen["on_gui_thread"] = threads
        seen["flow_made"] = controller.flow is not None
        seen["steps"] = controller._warm_up.steps_taken
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


def test_the_meeting_flow_is_imported_on_the_gui_thread_once_the_store_opens(
    tmp_path: Path,
) -> None:
    seen = run_fresh(CHILD, tmp_path)
    assert not seen["at_home"]  # the home window paints without it
    assert seen["warm"]
    assert seen["on_gui_thread"] == {
        "app.ui.live.flow": True,
        "app.export.pdf": True,
        "app.ui.partner.partner_wiring": True,
    }
    assert not seen["flow_made"]  # only its code: the flow is made at "New meeting"
    # A module per turn of the event loop (~100), not the whole flow in one (~190 ms).
    assert seen["steps"] >= 50
