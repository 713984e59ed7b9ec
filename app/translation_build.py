"""Compiles the translations: every ``app/translations/<language>/*.ts`` into a ``.qm`` beside it.

Run as ``python -m app.translation_build`` (run.sh and test.sh do, after installing).
``python -m app.translation_build --update de`` brings every ``de/<part>.ts`` up to date
with the code (``pyside6-lupdate`` over the part's files, keeping what is translated);
a translator then fills in the new strings with Qt Linguist (app/translations/README.md).
The ``.qm`` files are build output, never committed; the app compiles them at start
when they are missing and ``lrelease`` is there (see ``app.ui.common.languages``).
Uses ``lrelease`` from the PySide6 wheel, found without importing Qt.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from app.resources import translations_dir

__all__ = [
    "PARTS",
    "BuildResult",
    "compile_translations",
    "find_lrelease",
    "main",
    "part_of",
    "sources",
    "update_sources",
]

LRELEASE_TIMEOUT_SECONDS = 60
ENGLISH_PLURALS = ("en", "plurals")  # the source language's one file: its plural forms
APP_DIR = Path(__file__).resolve().parent
# Each part's .ts holds the strings of these files (relative to app/, first match wins).
# One file per part keeps a translator's work, and each helper's, apart.
PARTS: dict[str, tuple[str, ...]] = {
    "home": ("ui/home/",),
    "settings": ("ui/settings/",),
    "recap": ("ui/recap/",),
    "live": ("ui/live/",),
    "prepare": ("ui/prepare/",),
    "partner": ("ui/partner/",),
    "review": ("ui/review/",),
    "common": ("ui/common/", "ui/app_controller.py", "ui/application.py", "ui/shutdown.py"),
    "export": ("export/",),
    "cli": ("cli.py",),
    "playbooks": ("domain/playbook", "playbooks.py"),
    "domain": ("domain/",),
    "store": ("store/", "journal/"),
    "platform": ("platform/",),
    "link": ("link/",),
    "core": ("",),  # the settings, the data folder, the rest
}


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


def part_of(source: Path) -> str:
    """The part whose .ts holds ``source``'s strings (a file under app/)."""
    relative = source.resolve().relative_to(APP_DIR).as_posix()
    return next(part for part, prefixes in PARTS.items() if relative.startswith(prefixes))


def find_lupdate() -> Path | None:
    lrelease = find_lrelease()
    if lrelease is None:
        return None
    candidate = lrelease.with_name(lrelease.name.replace("lrelease", "lupdate"))
    return candidate if candidate.is_file() else None


def update_sources(language: str, parts: list[str] | None = None) -> BuildResult:
    """Runs lupdate for each part (all with strings, when ``parts`` is None) of ``language``."""
    result = BuildResult()
    lupdate = find_lupdate()
    if lupdate is None:
        result.problems.append("lupdate was not found (it comes with PySide6)")
        return result
    by_part: dict[str, list[Path]] = {}
    for source in sorted(APP_DIR.rglob("*.py")):
        if "migrations" not in source.parts:
            by_part.setdefault(part_of(source), []).append(source)
    if language == ENGLISH_PLURALS[0]:
        # English needs only its plural forms, for the whole app in one file.
        by_part = {ENGLISH_PLURALS[1]: [file for files in by_part.values() for file in files]}
        parts = [ENGLISH_PLURALS[1]]
    for part in parts or list(PARTS):
        target = translations_dir() / language / f"{part}.ts"
        files = by_part.get(part, [])
        if not files:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        command = [str(lupdate), *map(str, files), "-ts", str(target), "-no-obsolete"]
        command += ["-locations", "none", "-target-language", language]
        if language == ENGLISH_PLURALS[0]:
            command.append("-pluralonly")
        run = subprocess.run(command, capture_output=True, text=True, check=False)
        if run.returncode != 0:
            result.problems.append(f"{target}: {(run.stderr or run.stdout).strip()}")
        elif "<message" not in target.read_text(encoding="utf-8"):
            target.unlink()  # a part with no strings yet needs no file
        else:
            if language == ENGLISH_PLURALS[0]:
                fill_english_plurals(target)
            result.compiled.append(target)
    return result


def fill_english_plurals(target: Path) -> None:
    """Writes English's two forms where still unfinished: "%n note(s)" -> "%n note", "%n notes".

    Only words that take an s may be written with "(s)"; any other plural is written by
    hand in en/plurals.ts (kept by later updates).
    """
    tree = ElementTree.parse(target)
    # A part's own en/<part>.ts (written by hand: "(es)", irregular words) wins: a message it
    # holds is left out here, as plurals.ts would otherwise shadow it at run time.
    elsewhere = _messages_in(other for other in target.parent.glob("*.ts") if other != target)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in list(context.iter("message")):
            if (name, message.findtext("source") or "") in elsewhere:
                context.remove(message)
    for context in list(tree.getroot().iter("context")):
        if context.find("message") is None:
            tree.getroot().remove(context)
    for message in tree.iter("message"):
        answer = message.find("translation")
        source = message.findtext("source") or ""
        if message.get("numerus") != "yes" or answer is None or answer.get("type") != "unfinished":
            continue
        forms = answer.findall("numerusform")
        if len(forms) == 2:
            forms[0].text = source.replace("(s)", "")
            forms[1].text = source.replace("(s)", "s")
            del answer.attrib["type"]
    body = ElementTree.tostring(tree.getroot(), encoding="unicode")
    target.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def _messages_in(files: Iterable[Path]) -> set[tuple[str, str]]:
    """Every (context, source) the ``.ts`` ``files`` hold."""
    held: set[tuple[str, str]] = set()
    for path in files:
        for context in ElementTree.parse(path).getroot().iter("context"):
            name = context.findtext("name") or ""
            held.update(
                (name, message.findtext("source") or "") for message in context.iter("message")
            )
    return held


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
    arguments = argv if argv is not None else sys.argv[1:]
    if arguments[:1] == ["--update"] and len(arguments) >= 2:
        updated = update_sources(arguments[1], arguments[2:] or None)
        for problem in updated.problems:
            print(f"translation_build: {problem}", file=sys.stderr)
        for target in updated.compiled:
            print(f"translation_build: updated {target}")
        return 1 if updated.problems else 0
    result = compile_translations(force="--force" in arguments)
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
