"""The meeting flow's code loads off the GUI thread once the store is open, before any
"New meeting": the first press no longer pays ~100 ms of imports on the GUI thread.

Checked in a fresh interpreter taking the app's start path (home window, store opened on
its thread), where nothing has imported the flow yet.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT

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
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    environment = dict(
        os.environ,
        PYTHONPATH=str(REPO_ROOT),
        POISE_DATA_DIR=str(data),
        QT_QPA_PLATFORM="offscreen",
    )
    environment.pop("POISE_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO_ROOT,
        env=environment,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert not seen["at_home"]  # the home window paints without it
    assert seen["warm"]
    assert not seen["flow_made"]  # only its code: the flow is made at "New meeting"
