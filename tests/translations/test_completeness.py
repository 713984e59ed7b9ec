"""Every string the code marks for translation has finished German, part by part.

``pyside6-lupdate`` reads all of app/ into a throwaway .ts (with where each string is
written), and each string must have a finished translation in some
``app/translations/de/*.ts``. Checked: the parts this branch translates, and every
other part once its ``de/<part>.ts`` exists (the live, prepare, partner, review and
playbook parts join as their helpers add their files), so a part no one has started
yet does not fail everyone else's run.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from xml.etree import ElementTree

from app import translation_build
from app.resources import translations_dir

from ..conftest import REPO_ROOT

TRANSLATED_HERE = frozenset(
    {
        "home",
        "settings",
        "common",
        "recap",
        "export",
        "cli",
        "domain",
        "store",
        "platform",
        "link",
        "core",
    }
)
Key = tuple[str, str, str]  # context, source, disambiguation


def _messages(ts: Path) -> list[tuple[Key, ElementTree.Element, list[str]]]:
    found = []
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            files = [location.get("filename", "") for location in message.iter("location")]
            found.append((key, message, files))
    return found


def _finished(message: ElementTree.Element) -> bool:
    answer = message.find("translation")
    if answer is None or answer.get("type") in ("unfinished", "vanished", "obsolete"):
        return False
    forms = answer.findall("numerusform")
    if message.get("numerus") == "yes":
        return bool(forms) and all((form.text or "").strip() for form in forms)
    return bool((answer.text or "").strip())


def test_every_marked_string_has_german(tmp_path: Path) -> None:
    lupdate = translation_build.find_lupdate()
    assert lupdate is not None, "pyside6-lupdate comes with PySide6"
    sources = [
        path for path in sorted((REPO_ROOT / "app").rglob("*.py")) if "migrations" not in path.parts
    ]
    everything = tmp_path / "all.ts"
    run = subprocess.run(
        [str(lupdate), *map(str, sources), "-ts", str(everything), "-locations", "absolute"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    german = translations_dir() / "de"
    started = {path.stem for path in german.glob("*.ts")}
    finished: set[Key] = {
        key for ts in german.glob("*.ts") for key, message, _ in _messages(ts) if _finished(message)
    }
    missing = []
    count = 0
    for key, _message, files in _messages(everything):
        for file in files:
            part = translation_build.part_of((everything.parent / file).resolve())
            if part in TRANSLATED_HERE or part in started:
                count += 1
                if key not in finished:
                    missing.append(f"{part}: {key[0]} / {key[1]!r}")
                break
    assert count > 200, f"only {count} strings found: is lupdate reading the code?"
    assert not missing, "no finished German for:\n" + "\n".join(sorted(set(missing)))
