"""The German translators, compiled and installed for one test, then English again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from app.translation_build import compile_translations
from app.ui.common import languages


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    compile_translations()
    language = languages.install_language("de")
    yield
    language.uninstall()
    languages.install_language("en")  # back to what every other test has
