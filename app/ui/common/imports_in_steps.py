"""A package's modules imported one at a time, leaves first: each step stays short.

Importing ``app.ui.live.flow`` loads ~60 of Poise's modules, ~230 ms of Python on the GUI
thread in one go: a frozen window if a person is using it then. Imported leaves first, a
module per step, each step runs only its own module's code (the largest ~10 ms, most 1-3
ms; ``-X importtime``), and the event loop runs between steps.

Which modules a module needs is read from its own source: the ``import`` and ``from ...
import`` lines at the start of a line, outside a string, which are the ones Python runs as
it imports it (those inside functions, ``if TYPE_CHECKING:`` or ``sys.platform`` branches are
indented, so they are left for their time, as a plain import would), read up to the first
function or class (ruff's E402 keeps imports above other code). Other packages' modules
(PySide6.QtNetwork) are a step each. Whatever the order, the last step imports the module
asked for, as a plain import does: a module the reading missed is loaded there, and any
import error is raised there as before.
"""

from __future__ import annotations

import functools
import importlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path

_OWN_PACKAGE = "app"
_OWN_ROOT = Path(__file__).resolve().parents[3]  # the folder holding app/
_IMPORT = re.compile(r"^import ([\w.]+)")
_FROM_IMPORT = re.compile(r"^from ([\w.]+) import\b([\w ,(]*)")
_CODE_BEGINS = ("def ", "class ", "async def ", "@")


def import_in_steps(name: str) -> Iterator[str]:
    """Import ``name``'s modules not loaded yet, leaves first; yields each one once imported."""
    walking: set[str] = set()

    def walk(module: str) -> Iterator[str]:
        if module in sys.modules or module in walking:
            return
        walking.add(module)
        for needed in _imported_at_top(module):
            yield from walk(needed)
        if module not in sys.modules:
            importlib.import_module(module)
            yield module

    yield from walk(name)


@functools.cache
def _source_file(module: str) -> Path | None:
    """One of Poise's own modules' source file; None for other packages' modules."""
    parts = module.split(".")
    if parts[0] != _OWN_PACKAGE:
        return None
    folder = _OWN_ROOT.joinpath(*parts)
    for candidate in (folder.with_suffix(".py"), folder / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported_at_top(module: str) -> list[str]:
    """The modules ``module``'s unindented import lines name, its parent package first."""
    needed = [module.rsplit(".", 1)[0]] if "." in module else []
    source = _source_file(module)
    if source is None:
        return needed
    in_string = False
    for line in source.read_text(encoding="utf-8").splitlines():
        quotes = line.count('"""') + line.count("'''")
        if not in_string and line.startswith(_CODE_BEGINS):
            break
        if in_string or not line.startswith(("import ", "from ")):
            in_string ^= quotes % 2 == 1
            continue
        if (plain := _IMPORT.match(line)) is not None:
            needed.append(plain.group(1))
        elif (named := _FROM_IMPORT.match(line)) is not None and named.group(1) != "__future__":
            package = named.group(1)
            needed.append(package)
            package_file = _source_file(package)
            if package_file is None or package_file.name != "__init__.py":
                continue
            # ``from app.ui import theme`` names a module, not only a name in a module.
            for item in named.group(2).strip(" (").split(","):
                submodule = f"{package}.{item.split(' as ')[0].strip()}"
                if _source_file(submodule) is not None:
                    needed.append(submodule)
    return needed
