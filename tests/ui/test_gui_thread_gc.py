"""Garbage is collected on the GUI thread only: a background thread that allocates a lot
(as the store's writer does) never runs a collection, and cycles still go away."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.gui_thread_gc import collect_garbage_on_gui_thread


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
