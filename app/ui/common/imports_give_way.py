"""Other threads' imports wait while the GUI thread makes a window a person waits for.

Python runs one thread at a time. When Start is pressed soon after launch, the store's
thread is still importing SQLAlchemy (~400 ms of Python), and the GUI thread gets the GIL
only every other 5 ms slice: the first live window took 80-120 ms from Start to its
first paint, for 29-34 ms of its own work (GUI-thread CPU time, bench/startup.py). An
import is where such a thread can be paused safely: between two modules it holds no lock
of its own making and no half-made object of Poise's. So from ``give_way`` (Start
pressed) to ``go_on_once_painted`` (the live window painted), every thread but the GUI
thread waits before importing its next module: 0.3 s at most per import, 0.5 s in all.
The GUI thread imports as usual; a module another thread is in the middle of importing
is finished first, as before, when the GUI thread asks for it too.
"""

from __future__ import annotations

import importlib._bootstrap
import sys
import threading
import time
from collections.abc import Sequence
from importlib.abc import Loader
from importlib.machinery import ModuleSpec
from types import ModuleType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from app.ui.common.after_first_paint import after_first_paint

# However long the window takes, the other threads go on after this: one import waits
# at most LONGEST_WAIT_S, and all of them go on after LONGEST_HOLD_MS whatever happens.
LONGEST_WAIT_S = 0.3
LONGEST_HOLD_MS = 500
_POLL_S = 0.005

_free = threading.Event()
_free.set()
_held_until = {"moment": 0.0}  # time.monotonic(): past it, nobody waits, event loop or not


class _WaitBeforeImporting:
    """Finds each module the other finders find; on other threads, it then waits to run it.

    The wait is in the loader's ``exec_module``, not here: Python calls finders holding
    its one global import lock, which every import of every thread needs, the GUI
    thread's too; a module runs holding only its own lock.
    """

    def find_spec(
        self,
        name: str,
        path: Sequence[str] | None = None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        if _free.is_set() or threading.current_thread() is threading.main_thread():
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            if finder is self or find is None:
                continue
            spec: ModuleSpec | None = find(name, path, target)
            if spec is None:
                continue
            if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                spec.loader = _WaitingLoader(spec.loader)  # type: ignore[assignment]
            return spec
        return None


class _WaitingLoader:
    """Waits while the GUI thread holds the others back, then runs the module as usual."""

    def __init__(self, loader: Loader) -> None:
        self.loader = loader

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        # The module keeps its own loader, as if it had never waited.
        module.__loader__ = self.loader
        if module.__spec__ is not None:
            module.__spec__.loader = self.loader
        _wait_while_held()
        self.loader.exec_module(module)

    def __getattr__(self, name: str) -> object:
        return getattr(self.loader, name)


def _wait_while_held() -> None:
    deadline = min(time.monotonic() + LONGEST_WAIT_S, _held_until["moment"])
    while not _free.wait(_POLL_S):
        # The GUI thread needs a module this thread is in the middle of importing:
        # waiting longer would only make the GUI thread wait.
        if _gui_thread_waits_for_an_import() or time.monotonic() > deadline:
            return


def _gui_thread_waits_for_an_import() -> bool:
    """True while the GUI thread waits for a module another thread is importing."""
    # importlib's own table of which thread waits for which module's lock (its deadlock
    # detection): a private name, so without it this never waits long, 0.3 s at most.
    waiting = getattr(importlib._bootstrap, "_blocking_on", None)
    if waiting is None:
        return False
    try:
        return bool(waiting.get(threading.main_thread().ident))
    except (AttributeError, TypeError):
        return False


_finder = _WaitBeforeImporting()


def give_way() -> None:
    """From now on other threads wait before their next import, until ``go_on`` (0.5 s at most)."""
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)
    _held_until["moment"] = time.monotonic() + LONGEST_HOLD_MS / 1000
    _free.clear()
    QTimer.singleShot(LONGEST_HOLD_MS, go_on)


def go_on() -> None:
    """Other threads import again."""
    _free.set()


def go_on_once_painted(window: QWidget) -> None:
    """Other threads import again once ``window`` has painted (at once if it is hidden)."""
    after_first_paint(window, go_on)


def others_waiting() -> bool:
    return not _free.is_set()
