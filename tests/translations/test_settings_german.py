"""The notice about a damaged settings file, and the settings' own problems, in German.

The settings are read before the language is chosen (the language is one of them), so the
notice must be worded when the Settings dialog takes it, not when the file was read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.settings import SettingsOwner
from app.translation_build import compile_translations
from app.ui.common import languages


@pytest.fixture
def german_later(qapp: QApplication) -> Iterator[list[languages.InstalledLanguage]]:
    compile_translations()
    installed: list[languages.InstalledLanguage] = []
    yield installed
    for language in installed:
        language.uninstall()
    languages.install_language("en")  # back to what every other test has


def test_a_damaged_settings_file_is_told_in_german(
    german_later: list[languages.InstalledLanguage], tmp_path: Path
) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b'{"theme": "dark",,\n')
    owner = SettingsOwner(path)  # read in English, as at start
    german_later.append(languages.install_language("de"))

    notice = owner.take_damage_notice()

    assert notice.startswith("Ihre Einstellungsdatei konnte nicht gelesen werden (sie ist kein")
    assert "gültiges JSON" in notice and "in Zeile 1" in notice
    assert "Die alte Datei liegt unverändert unter" in notice
    assert str(tmp_path) in notice


def test_settings_that_cannot_be_saved_say_so_in_german(
    german_later: list[languages.InstalledLanguage], tmp_path: Path
) -> None:
    path = tmp_path / "settings.json"
    path.mkdir()  # a folder where the file goes: nothing can be written
    owner = SettingsOwner(path)
    german_later.append(languages.install_language("de"))

    owner.update(theme="dark")

    assert owner.problem.startswith("Poise kann Ihre Einstellungen nicht in")
    assert "(ein Ordner hat diesen Namen)" in owner.problem
