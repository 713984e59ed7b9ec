"""The meeting's modules load a module per step, leaves first, and exactly as a plain import.

``import_in_steps`` reads which modules a module needs from its source; a reading that
imported more than Python would (a line of a docstring, a module imported only inside a
function) would load the relay into a meeting that has none. So in two fresh interpreters
the same start (the composition root and the store's light API, as the home window has
them): one imports the flow and the partner link plainly, the other in steps.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer

from app.ui.common import imports_give_way
from app.ui.meeting_warm_up import MeetingWarmUp
from tests.fresh_interpreter import run_fresh

PREAMBLE = r"""
import json, sys
from PySide6.QtWidgets import QApplication
application = QApplication([])
import app.ui.app_controller, app.store.api
before = set(sys.modules)
ROOTS = ("app.ui.live.flow", "app.ui.partner.partner_wiring")
"""

PLAIN = (
    PREAMBLE
    + r"""
import app.ui.live.flow, app.ui.partner.partner_wiring
print(json.dumps({"loaded": sorted(set(sys.modules) - before)}))
"""
)

IN_STEPS = (
    PREAMBLE
    + r"""
from app.ui.common.imports_in_steps import import_in_steps
largest, steps = 0, 0
for root in ROOTS:
    count = len(sys.modules)
    for _name in import_in_steps(root):
        largest, count = max(largest, len(sys.modules) - count), len(sys.modules)
        steps += 1
loaded = sorted(set(sys.modules) - before - {"app.ui.common.imports_in_steps"})
print(json.dumps({"loaded": loaded, "steps": steps, "largest": largest}))
"""
)


def test_in_steps_loads_what_a_plain_import_loads_a_few_modules_at_a_time(
    tmp_path: Path,
) -> None:
    (tmp_path / "plain").mkdir()
    (tmp_path / "stepped").mkdir()
    plain = run_fresh(PLAIN, tmp_path / "plain")
    stepped = run_fresh(IN_STEPS, tmp_path / "stepped")
    assert stepped["loaded"] == plain["loaded"]
    assert not [name for name in stepped["loaded"] if name.startswith(("paho", "segno"))]
    # ~100 of them, one step each; the largest is one of Python's (email.message, ~17).
    assert stepped["steps"] >= len([n for n in plain["loaded"] if n.startswith("app.")])
    assert stepped["largest"] <= 25


def test_no_step_runs_while_a_live_window_is_being_made(qtbot: object) -> None:
    warm_up = MeetingWarmUp(lambda: True)
    imports_give_way.give_way()  # Start pressed: the live window is on its way
    try:
        warm_up.start()
        held = QTimer()
        held.setSingleShot(True)
        with qtbot.waitSignal(held.timeout, timeout=2000):  # type: ignore[attr-defined]
            held.start(3 * 50)
        assert warm_up.steps_taken == 0
    finally:
        imports_give_way.go_on()  # painted
    qtbot.waitUntil(lambda: not warm_up.running, timeout=5000)  # type: ignore[attr-defined]
    assert warm_up.steps_taken >= 1
