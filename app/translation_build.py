"""Compiles the translations: every ``app/translations/<language>/*.ts`` into a ``.qm`` beside it.

Run as ``python -m app.translation_build`` (run.sh and test.sh do, after installing).
The ``.qm`` files are build output, never committed; the app compiles them at start
when they are missing and ``lrelease`` is there (see ``app.ui.common.languages``).
Uses ``lrelease`` from the PySide6 wheel, found without importing Qt.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from app.resources import translations_dir

__all__ = ["BuildResult", "compile_translations", "find_lrelease", "main", "sources"]

LRELEASE_TIMEOUT_SECONDS = 60


@dataclass
class BuildResult:
    compiled: list[Path] = field(default_factory=list)
    up_to_date: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def sources(root: Path | None = None) -> list[Path]:
    """Every translation source, ``<root>/<language>/<part>.ts``, sorted."""
    return sorted((root or translations_dir()).glob("*/*.ts"))


def find_lrelease() -> Path | None:
    """The wheel's own ``lrelease`` (beside PySide6's package), else one on the PATH."""
    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            candidate = Path(folder) / name
            if candidate.is_file():
                return candidate
    for command in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(command)
        if found:
            return Path(found)
    return None


def compile_translations(root: Path | None = None, *, force: bool = False) -> BuildResult:
    """Compiles each ``.ts`` whose ``.qm`` is missing or older; never raises."""
    result = BuildResult()
    pending = []
    for source in sources(root):
        target = source.with_suffix(".qm")
        if not force and target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
            result.up_to_date.append(target)
        else:
            pending.append(source)
    if not pending:
        return result
    lrelease = find_lrelease()
    if lrelease is None:
        result.problems.append("lrelease was not found (it comes with PySide6)")
        return result
    for source in pending:
        target = source.with_suffix(".qm")
        try:
            run = subprocess.run(
                [str(lrelease), "-silent", str(source), "-qm", str(target)],
                capture_output=True,
                text=True,
                timeout=LRELEASE_TIMEOUT_SECONDS,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as problem:
            result.problems.append(f"{source}: lrelease did not run ({problem})")
            continue
        if run.returncode != 0 or not target.is_file():
            detail = (run.stderr or run.stdout).strip() or f"exit code {run.returncode}"
            result.problems.append(f"{source}: {detail}")
        else:
            result.compiled.append(target)
    return result


def main(argv: list[str] | None = None) -> int:
    force = "--force" in (argv if argv is not None else sys.argv[1:])
    result = compile_translations(force=force)
    for problem in result.problems:
        print(f"translation_build: {problem}", file=sys.stderr)
    if result.compiled or result.problems:
        print(
            f"translation_build: {len(result.compiled)} compiled, "
            f"{len(result.up_to_date)} up to date, {len(result.problems)} failed"
        )
    return 1 if result.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
