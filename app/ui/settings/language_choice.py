"""Settings' choice of language: the computer's, or one Poise speaks, from the next start.

Read once at start (``app.ui.common.languages``): every window is made in one language,
so a change says plainly that it shows after a restart rather than half-switching.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from app.settings import Settings
from app.ui.common.languages import SYSTEM, available_languages, language_name


class LanguageChoice(QWidget):
    """A list of languages, each in its own words, and a line saying when it applies."""

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.setObjectName("languageChoice")
        self.combo = QComboBox()
        self.combo.setObjectName("language")
        self.combo.setAccessibleName(self.tr("Language"))
        self.combo.addItem(self.tr("Follow the system"), SYSTEM)
        for code in available_languages():
            self.combo.addItem(language_name(code), code)
        found = self.combo.findData(settings.language)
        self.combo.setCurrentIndex(max(found, 0))
        self.combo.setMinimumWidth(200)
        self.started_with = settings.language
        # One short line, unwrapped: a wrapped label in a form row is squeezed to nothing.
        self.note = QLabel(self.tr("Applies from Poise's next start."))
        self.note.setObjectName("muted")
        self.note.setVisible(False)
        self.combo.currentIndexChanged.connect(self._changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for part in (self.combo, self.note):
            layout.addWidget(part)

    def _changed(self) -> None:
        self.note.setVisible(self.combo.currentData() != self.started_with)

    def chosen(self, base: Settings) -> Settings:
        return replace(base, language=str(self.combo.currentData()))
