"""``poise playbook check`` speaks German when LANG says so: a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.translation_build import compile_translations


@pytest.fixture(scope="module", autouse=True)
def _compiled() -> None:
    compile_translations()


def _check(path: Path, tmp_path: Path, lang: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LANG": lang, "POISE_DATA_DIR": str(tmp_path)}
    for overriding in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        env.pop(overriding, None)
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "playbook", "check", str(path), str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def _broken(tmp_path: Path) -> Path:
    path = tmp_path / "broken.toml"
    path.write_text('id = "Bad Id"\ntitle = "x"\nbogus = 1\n', encoding="utf-8")
    return path


def test_playbook_check_speaks_german_under_a_german_lang(tmp_path: Path) -> None:
    result = _check(_broken(tmp_path), tmp_path, "de_DE.UTF-8")
    assert result.returncode == 1
    assert "bogus: unbekanntes Feld" in result.stdout
    assert "format: Feld fehlt" in result.stdout
    assert "darf nur Kleinbuchstaben, Ziffern und Bindestriche enthalten" in result.stdout
    assert "ist ein Ordner; nennen Sie die Leitfaden-Dateien darin" in result.stderr
    assert "source: Feld fehlt: nennen Sie mindestens eine Quelle" in result.stdout
    assert "unknown field" not in result.stdout
    assert "missing field" not in result.stdout


def test_a_format_or_syntax_problem_reads_in_german(tmp_path: Path) -> None:
    future = tmp_path / "future.toml"
    future.write_text('format = 2\nid = "x"\n', encoding="utf-8")
    broken = tmp_path / "syntax.toml"
    broken.write_text("id = [\n", encoding="utf-8")
    result = _check(future, tmp_path, "de_DE.UTF-8")
    assert "Format 2 wird nicht unterstützt; dieses Poise liest Format 1" in result.stdout
    assert "kein gültiges TOML" in _check(broken, tmp_path, "de_DE.UTF-8").stdout


def test_playbook_check_stays_english_under_an_english_lang(tmp_path: Path) -> None:
    result = _check(_broken(tmp_path), tmp_path, "en_US.UTF-8")
    assert "bogus: unknown field" in result.stdout
    assert "is a folder; name the playbook files in it" in result.stderr


def test_a_broken_language_table_reads_in_german(tmp_path: Path) -> None:
    path = tmp_path / "languages.toml"
    path.write_text(
        'format = 1\nid = "two-languages"\ntitle = "Two languages"\nsummary = "Short."\n'
        '[xx]\ntitle = "?"\n'
        '[[source]]\ntitle = "A source"\nauthor = "An author"\n'
        '[[during]]\nkey = "listen"\ntitle = "Listen first"\ndo = "Let them speak."\n'
        '[during.de]\nsay = ["Was hat Sie das gekostet?"]\n'
        '[during.en]\ntitle = "Listen"\n',
        encoding="utf-8",
    )
    result = _check(path, tmp_path, "de_DE.UTF-8")
    assert result.returncode == 1, result.stdout + result.stderr
    out = result.stdout
    assert "unbekannter Sprachcode 'xx'" in out, out
    assert "ist die eigene Sprache des Leitfadens (en)" in out, out
    assert "übersetzt 'say', das dieser Schritt nicht hat" in out, out
    assert "unknown language code" not in out
    assert "which this step does not have" not in out
