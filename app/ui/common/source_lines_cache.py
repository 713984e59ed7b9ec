"""The source of every module PySide6 reads at import: read without keeping it.

PySide6 checks each module imported after it for the word "PySide6" (PYSIDE-2029, for
``from __feature__ import ...``): it calls ``inspect.getsource`` on the module, and Python's
``linecache`` then keeps every line of that file for the life of the process. After a
one-minute meeting that was 330-580 files and 5-21 MB of strings (bench/startup.py's soak,
tracemalloc: linecache the largest owner); whether SQLAlchemy's ~250 files were among them
(imported on the store's thread) made the soak's resident memory 122 or 138 MB from run to
run. Nothing in Poise reads those lines again; a traceback reads the few it shows anew.

``read_sources_uncached`` gives PySide6 the same answer from the file's bytes, kept by no
one; ``drop_source_lines`` forgets what was cached before it (start-up's first modules).
Both leave an unfamiliar PySide6 alone: the check is its private function.
"""

from __future__ import annotations

import linecache
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

# Where PySide6 6.4-6.11 keeps the check (the same module as "shibokensupport.feature").
_FEATURE_MODULE = "PySide6.support.feature"
_CHECK = "_mod_uses_pyside"
_NEEDLE = b"PySide6"


def read_sources_uncached() -> bool:
    """Have PySide6's import-time check read each file without caching it; False if unknown."""
    feature = sys.modules.get(_FEATURE_MODULE)
    check: Callable[[ModuleType], bool] | None = getattr(feature, _CHECK, None)
    if feature is None or check is None or getattr(check, "uncached", False):
        return False

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return check(module)  # built in, compiled or zipped: PySide6's own way
        try:
            return _NEEDLE in Path(path).read_bytes()
        except OSError:
            return False  # as PySide6 says for a module without its source

    uses_pyside.uncached = True  # type: ignore[attr-defined]
    setattr(feature, _CHECK, uses_pyside)
    return True


def drop_source_lines() -> int:
    """Forget the cached lines of files that can be read again; returns how many files.

    Entries that came from a loader (no file on disk: their modification time is None)
    and lazy entries (a 1-tuple) stay: they could not be read back.
    """
    dropped = 0
    for filename, entry in list(linecache.cache.items()):
        if len(entry) == 4 and entry[1] is not None:
            del linecache.cache[filename]
            dropped += 1
    return dropped
