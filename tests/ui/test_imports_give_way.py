"""While the live window is made, other threads wait before their next import.

Real threads importing real modules written to a temporary folder; the live window is
the real one, started the way a person starts it.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.store import Store
from app.ui.common import imports_give_way
from app.ui.common.imports_give_way import give_way, go_on, others_waiting
from app.ui.live.flow import MeetingFlow
from tests.ui.test_live_flow import fill_and_start


@pytest.fixture
def modules(tmp_path: Path) -> Iterator[Path]:
    """A folder on sys.path for modules made by the test; they are forgotten afterwards."""
    sys.path.insert(0, str(tmp_path))
    before = set(sys.modules)
    yield tmp_path
    go_on()
    sys.path.remove(str(tmp_path))
    for name in set(sys.modules) - before:
        del sys.modules[name]


def _import_on_a_thread(name: str) -> tuple[threading.Thread, list[float]]:
    done: list[float] = []

    def work() -> None:
        __import__(name)
        done.append(time.monotonic())

    thread = threading.Thread(target=work)
    thread.start()
    return thread, done


def test_another_thread_imports_only_once_the_gui_thread_goes_on(modules: Path) -> None:
    (modules / "given_way_plain.py").write_text("VALUE = 1\n")
    give_way()
    thread, done = _import_on_a_thread("given_way_plain")
    time.sleep(0.05)  # what the thread would have needed to import it
    assert done == [] and others_waiting()
    gone_on = time.monotonic()
    go_on()
    thread.join(2)
    assert done and done[0] >= gone_on


def test_the_gui_thread_never_waits_for_a_thread_that_gives_way(modules: Path) -> None:
    # The other thread holds the package's lock while it waits before its submodule:
    # the GUI thread asking for the package must not wait out that thread's pause.
    package = modules / "given_way_package"
    package.mkdir()
    (package / "__init__.py").write_text("from given_way_package import part\n")
    (package / "part.py").write_text("VALUE = 2\n")
    give_way()
    thread, _done = _import_on_a_thread("given_way_package")
    deadline = time.monotonic() + 2
    while "given_way_package" not in sys.modules and time.monotonic() < deadline:
        time.sleep(0.001)
    asked = time.monotonic()
    import given_way_package  # type: ignore[import-not-found]

    waited = time.monotonic() - asked
    thread.join(2)
    assert given_way_package.part.VALUE == 2
    assert waited < imports_give_way.LONGEST_WAIT_S / 2


def test_starting_a_meeting_gives_way_until_the_live_window_painted(
    qtbot: QtBot, store: Store, library: PlaybookLibrary
) -> None:
    flow = MeetingFlow(store, library)
    held_at_start: list[bool] = []
    flow.sessionStarted.connect(lambda *_: held_at_start.append(others_waiting()))
    window = fill_and_start(qtbot, flow)
    assert held_at_start == [True]
    qtbot.waitUntil(lambda: not others_waiting(), timeout=2000)
    assert window.isVisible()
