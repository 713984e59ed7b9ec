"""A meeting with the partner link off loads none of the link's heavy modules.

paho-mqtt and ``cryptography`` (the relay) and segno (the QR code) cost the GUI thread
a quarter of a second and the process megabytes of memory; a meeting that never turns the
link on, with no relay set up, needs none of them. Checked in a fresh interpreter that takes
the app's own start path (home window, store opened on its thread, New meeting, Start),
then turns the link on as Ctrl+P does: only then do they load, and only then is the
meeting's link made at all (the live window's "ask partner" works before it).
"""

from __future__ import annotations

from pathlib import Path

from tests.fresh_interpreter import run_fresh

HEAVY = ("paho", "cryptography", "segno")

CHILD = r"""
import json, sys
from PySide6.QtCore import QTimer
from app.playbooks import load_all_playbooks
from app.ui.app_controller import AppController
from app.ui.application import create_application

HEAVY = ("paho", "cryptography", "segno")
application = create_application()
controller = AppController(application, load_all_playbooks())
seen = {}

def heavy():
    return sorted({name.split(".")[0] for name in sys.modules} & set(HEAVY))

def started(session, live):
    session.meetingStored.connect(lambda _id: QTimer.singleShot(1500, lambda: link_on(live)))

def link_on(live):
    seen["off"] = heavy()
    seen["partner_link_action_visible"] = live.partner_link_action.isVisible()
    # Made at the first Ctrl+P, not at the start: the link's modules were its longest stall.
    seen["link_made_while_off"] = controller.partner_link is not None
    session = controller.flow.session
    live.ask_partner_button.click()  # asking works with the link off, as it always did
    seen["asked"] = [request.key for request in session.requests]
    live.partner_link_action.trigger()  # what Ctrl+P does
    link = controller.partner_link
    seen["running"] = bool(link and link.server and link.server.is_running)
    seen["on"] = heavy()
    print(json.dumps(seen), flush=True)
    application.exit(0)

def start(dialog):
    dialog.client.setEditText("Imports client")
    dialog.title.setText("Imports")
    dialog.go_to_checklist()
    dialog.start_button.click()

def new_meeting():
    flow = controller.ensure_flow()
    flow.prepareOpened.connect(lambda dialog: QTimer.singleShot(0, lambda: start(dialog)))
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


def test_a_meeting_with_the_link_off_imports_no_paho_cryptography_or_segno(
    tmp_path: Path,
) -> None:
    seen = run_fresh(CHILD, tmp_path, POISE_LINK_BIND="127.0.0.1")
    assert seen["partner_link_action_visible"]
    assert seen["off"] == []
    assert not seen["link_made_while_off"]
    assert seen["asked"] == ["step_in"]
    # Turned on, the link runs and shows its QR code.
    assert seen["running"]
    assert "segno" in seen["on"]
