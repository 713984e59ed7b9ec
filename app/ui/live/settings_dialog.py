"""Settings: the look, the live window, the cue, and an honest word on screen sharing."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.settings import Settings, Theme, load_settings, save_settings
from app.ui.live.capture_guard import capture_protection_supported
from app.ui.live.theme import ThemeController

_THEME_LABELS = {Theme.SYSTEM: "Follow the system", Theme.LIGHT: "Light", Theme.DARK: "Dark"}


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        settings = load_settings()
        self.theme = QComboBox()
        for theme, text in _THEME_LABELS.items():
            self.theme.addItem(text, theme)
        self.theme.setCurrentIndex(list(_THEME_LABELS).index(settings.theme))
        self.stay_on_top = QCheckBox("Keep the live window above other windows")
        self.stay_on_top.setChecked(settings.stay_on_top)
        self.fade = QSpinBox()
        self.fade.setRange(3, 600)
        self.fade.setSuffix(" s")
        self.fade.setValue(settings.cue_fade_seconds)
        self.sound = QCheckBox("Play the system sound with a cue (off: the client hears nothing)")
        self.sound.setChecked(settings.cue_sound)
        capability = capture_protection_supported()
        self.exclude = QCheckBox("Hide the live window from screen sharing and recording")
        self.exclude.setObjectName("excludeFromCapture")
        self.exclude.setChecked(settings.exclude_from_capture and capability.supported)
        self.exclude.setEnabled(capability.supported)
        self.capture_note = QLabel(capability.message)
        self.capture_note.setObjectName("captureNote")
        self.capture_note.setWordWrap(True)
        if not capability.supported:
            self.capture_note.setObjectName("problemLine")

        form = QFormLayout()
        form.addRow("Look", self.theme)
        form.addRow("Cue fades after", self.fade)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addLayout(form)
        layout.addWidget(self.sound)
        layout.addWidget(self.stay_on_top)
        layout.addWidget(self.exclude)
        layout.addWidget(self.capture_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def chosen(self, base: Settings) -> Settings:
        return replace(
            base,
            theme=Theme(self.theme.currentData()),
            stay_on_top=self.stay_on_top.isChecked(),
            cue_fade_seconds=self.fade.value(),
            cue_sound=self.sound.isChecked(),
            exclude_from_capture=(
                self.exclude.isChecked() if self.exclude.isEnabled() else base.exclude_from_capture
            ),
        )

    def accept(self) -> None:
        settings = self.chosen(load_settings())
        save_settings(settings)
        application = QApplication.instance()
        controller = application.findChild(ThemeController) if application else None
        if controller is not None:
            controller.set_choice(settings.theme)
        super().accept()
