"""Garbage is collected on the GUI thread only: a background thread that allocates a lot
(as the store's writer does) never runs a collection, and cycles still go away."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.common import gui_thread_gc
from app.ui.common.gui_thread_gc import collect_garbage_on_gui_thread


class Cyclic(QObject):
    """A Qt object in a reference cycle, as a session and its bridge's lambdas make."""

    def __init__(self) -> None:
        super().__init__()
        self.me = self


def test_collections_run_on_the_gui_thread_only(qtbot: QtBot, qapp: QApplication) -> None:
    collector = collect_garbage_on_gui_thread(qapp)
    assert not gc.isenabled()
    threads: list[str] = []

    def note_thread(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.callbacks.append(note_thread)
    try:
        garbage = Cyclic()
        gone = weakref.ref(garbage)
        del garbage

        kept: list[list[int]] = []

        def allocate() -> None:
            # Many live container objects: far past every threshold that starts a collection.
            kept.extend([index] for index in range(200_000))

        worker = threading.Thread(target=allocate, name="allocating-worker")
        worker.start()
        worker.join()
        assert threads == []  # nothing was collected on the worker
        before = collector.collections
        qtbot.waitUntil(lambda: gone() is None, timeout=5000)
        assert collector.collections > before
        assert set(threads) == {threading.main_thread().name}
        kept.clear()
    finally:
        gc.callbacks.remove(note_thread)


def test_only_a_passed_threshold_collects(qapp: QApplication) -> None:
    collector = collect_garbage_on_gui_thread(qapp)
    gc.collect()
    before = collector.collections
    collector.check()  # counts were just reset: nothing to do
    assert collector.collections == before


def test_after_freezing_workers_still_never_collect_and_new_cycles_go(
    qtbot: QtBot, qapp: QApplication
) -> None:
    collector = collect_garbage_on_gui_thread(qapp)
    collections: list[tuple[str, int]] = []

    def note_collection(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append((threading.current_thread().name, info["generation"]))

    long_lived = [[index] for index in range(50_000)]  # start-up's objects, as it were
    gc.collect()
    scanned_before = len(gc.get_objects())
    collector.freeze_long_lived()
    gc.callbacks.append(note_collection)
    try:
        assert gc.get_freeze_count() >= len(long_lived)
        # A full collection no longer looks at what was alive when start-up ended.
        assert len(gc.get_objects()) < scanned_before - len(long_lived)
        assert not gc.isenabled()

        kept: list[list[int]] = []

        def allocate() -> None:
            kept.extend([index] for index in range(200_000))

        worker = threading.Thread(target=allocate, name="allocating-worker")
        worker.start()
        worker.join()
        assert collections == []  # nothing was collected on the worker

        garbage = Cyclic()  # made after the freeze: a meeting's object
        gone = weakref.ref(garbage)
        del garbage
        qtbot.waitUntil(lambda: gone() is None, timeout=5000)
        assert collections and {name for name, _ in collections} == {threading.main_thread().name}
        # The collection that freed it did not scan the frozen objects: it could not have
        # collected them either, and they are all still there.
        assert len(long_lived) == 50_000 and long_lived[-1] == [49_999]
        kept.clear()
    finally:
        gc.callbacks.remove(note_collection)
        gc.unfreeze()  # the rest of the test run collects as before


def test_the_first_meeting_freezes_start_up_and_then_no_freeze_reaches_a_meeting(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started before the store opened, a meeting still gets start-up's objects frozen (no
    full collection scans them in its first seconds), and the store's later freeze, which
    would take the meeting's own objects with it, is refused."""
    collect_garbage_on_gui_thread(qapp)
    monkeypatch.setitem(gui_thread_gc._first_meeting, "began", False)
    long_lived = [[index] for index in range(50_000)]  # start-up's objects, as it were
    gc.collect()
    frozen_before = gc.get_freeze_count()
    try:
        gui_thread_gc.freeze_before_first_meeting()
        assert gc.get_freeze_count() >= frozen_before + len(long_lived)
        frozen_at_start = gc.get_freeze_count()

        garbage = Cyclic()  # made by the meeting
        gone = weakref.ref(garbage)
        del garbage
        gui_thread_gc.freeze_long_lived()  # the store opened after the meeting began
        gui_thread_gc.freeze_before_first_meeting()  # a second meeting
        # Nothing more frozen (a frozen object that died meanwhile may make it fewer).
        assert gc.get_freeze_count() <= frozen_at_start
        more = [[index] for index in range(5_000)]  # the meeting goes on allocating
        qtbot.waitUntil(lambda: gone() is None, timeout=5000)
        assert long_lived[-1] == [49_999] and len(more) == 5_000
    finally:
        gc.unfreeze()  # the rest of the test run collects as before
