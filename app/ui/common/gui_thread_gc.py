"""Python's cyclic garbage collection, run on the GUI thread only, and kept short.

Left automatic, the collector runs on whichever thread happens to allocate when a
threshold is crossed: often the store's writer thread, which allocates the most. A
cycle that holds a Qt object (a session and its bridge, a window and its lambdas) is
then destroyed there: ``QObject``'s destructor takes Qt's connection lock and waits for
the GIL, while the GUI thread holds the GIL and waits for that lock. Poise froze that
way once under test. The remedy, described by Erik Janssens ("Should Python garbage
collector be run in the GUI thread?") and used by several Qt applications, is to turn
automatic collection off and collect from a timer on the GUI thread, by the same
generation thresholds Python itself uses.

It stays although ``StoreClient`` now releases every call and callback on the GUI thread
(it keeps them in its table until the answer is delivered): the writer thread and the
read pool still allocate, and SQLAlchemy makes cycles of its own, so an automatic
collection would still run there and could reach any cycle in the process, including
one that holds a Qt object (a window and its bound methods, a session and its timers).
Only collecting on the GUI thread rules that out; ``tests/ui/test_gui_thread_gc.py``
shows a busy worker thread never collects.

A full (oldest generation) collection scans every object the process holds: the
modules of Python, Qt, SQLAlchemy and the partner link, Qt's wrappers, the playbooks.
On the GUI thread that is a stall (200-400 ms measured in the test process). The app
therefore freezes what start-up made (``freeze_long_lived``, ``gc.freeze()``) once its
windows are built and again once the store is open, if no meeting has begun by then:
those objects stay alive as before, but no collection scans them again, so one looks
only at what was made since (a meeting's windows, notes and cues) and takes a
millisecond or two (measured: a full collection 69-115 ms before, 1.7-3.1 ms after). Garbage cycles
among frozen objects are never collected, which is why nothing a meeting made is
frozen: a meeting's window and its session go away when it ends.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

CHECK_INTERVAL_MS = 500

_installed: GuiThreadGarbageCollector | None = None


class GuiThreadGarbageCollector(QObject):
    """Collects garbage on its own (GUI) thread, as often as Python would."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.collections = 0
        self.freezes = 0
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds, oldest last."""
        young, middle, old = gc.get_count()
        first, second, third = self.thresholds
        if young <= first:
            return
        generation = 0
        if middle > second:
            generation = 2 if old > third else 1
        gc.collect(generation)
        self.collections += 1

    def freeze_long_lived(self) -> None:
        """Move every object alive now out of reach of all later collections.

        Only for objects that live as long as the app (start-up's); see the module's
        docstring. Costs no scan: Python just splices the generations' lists.
        """
        gc.freeze()
        self.freezes += 1


def collect_garbage_on_gui_thread(application: QObject) -> GuiThreadGarbageCollector:
    """Install the collector once for ``application`` (the QApplication); returns it."""
    global _installed
    if _installed is None:
        _installed = GuiThreadGarbageCollector(application)
        _installed.start()
    return _installed


def freeze_long_lived() -> None:
    """Freeze start-up's objects (``GuiThreadGarbageCollector.freeze_long_lived``), if installed.

    Refused once a meeting began (``freeze_before_first_meeting``): its objects would be
    frozen too, and its garbage never collected.
    """
    if _installed is not None and not _first_meeting["began"]:
        _installed.freeze_long_lived()


# Whether the process's first meeting has begun making its windows.
_first_meeting = {"began": False}


def freeze_before_first_meeting() -> None:
    """The first meeting is about to make its objects: freeze what start-up made until now.

    A meeting started before the store opened used to leave everything the store and the
    link imported meanwhile (SQLAlchemy's modules among them) in the oldest generation:
    every full collection then scanned them again, a 40-50 ms stall on the GUI thread, the
    first one within half a second of Start (bench/stalls.py, cProfile). Frozen here, only
    what was made after is scanned. What the store's thread imports from now on is not;
    the prepare dialog, alive still, is frozen with the rest: one dialog, once per process.
    """
    if _first_meeting["began"]:
        return
    freeze_long_lived()
    _first_meeting["began"] = True
