"""Choosing and installing the language: German words, Qt's own buttons, the locale's dates,
and a missing or broken translation leaving Poise in English with one log line."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app import translation, translation_build
from app.ui.common import languages

PROBE_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Probe</name>
    <message>
        <source>Meeting</source>
        <translation>Besprechung</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Notiz</numerusform>
            <numerusform>%n Notizen</numerusform>
        </translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def probe_root(tmp_path: Path) -> Path:
    root = tmp_path / "translations"
    (root / "de").mkdir(parents=True)
    (root / "de" / "probe.ts").write_text(PROBE_TS, encoding="utf-8")
    return root


@pytest.fixture
def installed(qapp: QApplication) -> Iterator[list[languages.InstalledLanguage]]:
    done: list[languages.InstalledLanguage] = []
    yield done
    for language in done:
        language.uninstall()
    # Back to what every other test has (see tests/conftest.py).
    languages.install_language("en")


def test_german_words_buttons_and_dates(
    probe_root: Path, installed: list[languages.InstalledLanguage]
) -> None:
    language = languages.install_language("de", probe_root)
    installed.append(language)
    assert (language.code, language.problem) == ("de", "")
    # Compiled at start, since a checkout run without run.sh has no .qm yet.
    assert (probe_root / "de" / "probe.qm").is_file()
    assert translation.translate("Probe", "Meeting") == "Besprechung"
    assert translation.translate("Probe", "%n note(s)", None, 1) == "1 Notiz"
    assert translation.translate("Probe", "%n note(s)", None, 3) == "3 Notizen"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "Abbrechen"
    assert QLocale().toString(QDate(2025, 3, 4), "dddd d. MMMM") == "Dienstag 4. März"


def test_english_when_asked_even_where_german_exists(
    probe_root: Path, installed: list[languages.InstalledLanguage]
) -> None:
    language = languages.install_language("en", probe_root)
    installed.append(language)
    assert language.code == "en"
    assert translation.translate("Probe", "Meeting") == "Meeting"
    assert translation.translate("Probe", "%n note(s)", None, 3) == "3 note(s)"


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("system", ["de-Latn-AT", "de-AT", "de"], "de"),
        ("system", ["fr-FR", "fr", "de-DE"], "de"),  # the first Poise has, in the system's order
        ("system", ["fr-FR", "fr"], "en"),
        ("system", ["C"], "en"),
        ("de", ["en-US"], "de"),
        ("en", ["de-DE"], "en"),
        ("xx", ["de-DE"], "en"),  # a code Poise has no words for
    ],
)
def test_choosing_the_language(setting: str, system: list[str], expected: str) -> None:
    assert languages.choose_language(setting, ["en", "de"], system) == expected


def test_missing_translation_without_lrelease_is_english_with_one_line(
    probe_root: Path,
    installed: list[languages.InstalledLanguage],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A machine with the .ts but no .qm and no lrelease to compile it.
    monkeypatch.setattr(translation_build, "find_lrelease", lambda: None)
    with caplog.at_level(logging.INFO):
        language = languages.install_language("de", probe_root)
    installed.append(language)
    assert language.code == "en"
    assert translation.translate("Probe", "Meeting") == "Meeting"
    lines = [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]
    assert len(lines) == 1, lines
    assert "English" in lines[0] and "lrelease" in lines[0]


def test_broken_translation_is_english_with_one_line(
    probe_root: Path,
    installed: list[languages.InstalledLanguage],
    caplog: pytest.LogCaptureFixture,
) -> None:
    broken = probe_root / "de" / "probe.qm"
    broken.write_bytes(b"not a compiled translation")
    # Newer than its source, so nothing recompiles it.
    later = broken.stat().st_mtime + 10
    os.utime(broken, (later, later))
    with caplog.at_level(logging.INFO):
        language = languages.install_language("de", probe_root)
    installed.append(language)
    assert language.code == "en" and "probe.qm" in language.problem
    assert translation.translate("Probe", "Meeting") == "Meeting"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.buttons()[0].text() == "Cancel"
    lines = [record.getMessage() for record in caplog.records if record.levelno >= logging.WARNING]
    assert len(lines) == 1, lines


def test_build_compiles_every_source_once(probe_root: Path) -> None:
    first = translation_build.compile_translations(probe_root)
    assert first.problems == [] and first.compiled == [probe_root / "de" / "probe.qm"]
    again = translation_build.compile_translations(probe_root)
    assert again.compiled == [] and again.up_to_date == [probe_root / "de" / "probe.qm"]


def test_build_names_a_broken_source(tmp_path: Path) -> None:
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / "bad.ts").write_text("<TS><context>", encoding="utf-8")
    result = translation_build.compile_translations(tmp_path)
    assert len(result.problems) == 1 and "bad.ts" in result.problems[0]


def test_without_qt_a_string_reads_as_written() -> None:
    assert translation.untranslated("Any", "%n meeting(s)", None, 2) == "2 meetings"
    assert translation.untranslated("Any", "%n meeting(s)", None, 1) == "1 meeting"
    assert translation.untranslated("Any", "100%n", None) == "100%n"
