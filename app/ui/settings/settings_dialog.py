"""Settings: the look, the live window, the cue, system-wide shortcuts and the Markdown folder.

Three tabs. "General" is the look, the cue and an honest word on screen sharing.
"Shortcuts" maps each action to a key combination by pressing it (this is how a presenter
clicker is mapped: press its button once) and says plainly whether this system lets Poise
listen while the call app has the focus. "Export" chooses a folder where every ended
meeting is also written as Markdown.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.hotkeys import HotkeyAction, HotkeyError, parse_combo, validate_bindings
from app.settings import Settings, Theme, default_hotkeys, shared_settings
from app.translation import QT_TRANSLATE_NOOP
from app.ui.common.capture_guard import capture_protection_supported
from app.ui.common.problem_line import hidden_problem_line
from app.ui.common.theme import ThemeController
from app.ui.partner.paired_partners import PairedPartnersPage
from app.ui.settings.key_capture import KeyCaptureButton, display
from app.ui.settings.language_choice import LanguageChoice
from app.ui.settings.locked_settings import show_managed_settings
from app.ui.settings.shortcuts_status import shortcuts_status
from app.ui.settings.xwayland_section import XWaylandSection

if TYPE_CHECKING:
    from app.ui.common.global_shortcuts import GlobalShortcuts

# Translated where shown (SettingsDialog's context): never at import time.
_THEME_LABELS = {
    Theme.SYSTEM: QT_TRANSLATE_NOOP("SettingsDialog", "Follow the system"),
    Theme.LIGHT: QT_TRANSLATE_NOOP("SettingsDialog", "Light"),
    Theme.DARK: QT_TRANSLATE_NOOP("SettingsDialog", "Dark"),
    Theme.HIGH_CONTRAST: QT_TRANSLATE_NOOP("SettingsDialog", "High contrast"),
}
SHORTCUTS_NOTE = QT_TRANSLATE_NOOP(
    "SettingsDialog",
    "These keys work from any window, so during a video call you never need to click "
    "Poise: the call app keeps the focus. To use a presenter clicker, choose Set… and "
    "press the clicker's button once.",
)


def _tab_page(*parts: QWidget | QLayout | int) -> QWidget:
    """A Settings tab: its parts from the top (a number is extra space), then the stretch."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(4, 12, 4, 4)
    layout.setSpacing(10)
    for part in parts:
        if isinstance(part, int):
            layout.addSpacing(part)
        elif isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)
    layout.addStretch(1)
    return page


class ShortcutRow:
    """One action: its name, its combination, "Set…" to capture a new one, "Clear"."""

    def __init__(self, action: HotkeyAction, combo: str) -> None:
        self.action = action
        self.combo = combo
        self.name = QLabel(action.label)
        self.keys = QLabel()
        self.keys.setObjectName("heading")
        self.keys.setMinimumWidth(120)
        self.capture = KeyCaptureButton()
        self.capture.setObjectName(f"capture_{action.value}")
        self.capture.setMinimumWidth(110)
        tip = QCoreApplication.translate(
            "ShortcutRow", "Press the keys (or the clicker button) for “{action}”"
        )
        self.capture.setToolTip(tip.format(action=action.label))
        self.clear = QPushButton(QCoreApplication.translate("ShortcutRow", "Clear"))
        self.clear.setObjectName(f"clear_{action.value}")
        no_key = QCoreApplication.translate("ShortcutRow", "No system-wide key for “{action}”")
        self.clear.setToolTip(no_key.format(action=action.label))
        for button in (self.capture, self.clear):
            # Enter in the dialog means Save, whichever button was last pressed.
            button.setAutoDefault(False)
        self.show(combo)

    def show(self, combo: str) -> None:
        self.combo = combo
        self.keys.setText(display(combo))
        self.clear.setEnabled(bool(combo))


class SettingsDialog(QDialog):
    def __init__(
        self, parent: QWidget | None = None, *, shortcuts: GlobalShortcuts | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.shortcuts = shortcuts
        settings = shared_settings().current
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._general_page(settings), self.tr("General"))
        self.shortcuts_page = self._shortcuts_page(settings)
        if shortcuts is not None:  # the desktop's portal answers later (Wayland)
            shortcuts.applied.connect(self._show_availability)
        self.tabs.addTab(self.shortcuts_page, self.tr("Shortcuts"))
        self.export_page = self._export_page(settings)
        self.tabs.addTab(self.export_page, self.tr("Export"))
        self.partners_page = PairedPartnersPage(settings)  # issue 15: the relay and pairing
        self.tabs.addTab(self.partners_page, self.tr("Partners"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(12)
        # Said once: the settings file was damaged, set aside, and the defaults are in use.
        self.damage_notice = QLabel(shared_settings().take_damage_notice())
        self.damage_notice.setObjectName("problemLine")
        self.damage_notice.setWordWrap(True)
        self.damage_notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.damage_notice.setVisible(bool(self.damage_notice.text()))
        layout.addWidget(self.damage_notice)
        self.managed_note = show_managed_settings(self)  # issue 22: what the administrator set
        layout.addWidget(self.managed_note)
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Room for the keys page in German (Strg+Alt+Bild abwärts) without its wrapped
        # hints taking the rows' height.
        self.setMinimumWidth(640)

    # -- General ---------------------------------------------------------------------------

    def _general_page(self, settings: Settings) -> QWidget:
        self.theme = QComboBox()
        for theme, text in _THEME_LABELS.items():
            self.theme.addItem(QCoreApplication.translate("SettingsDialog", text), theme)
        self.theme.setCurrentIndex(list(_THEME_LABELS).index(settings.theme))
        self.theme.setMinimumWidth(200)
        self.stay_on_top = QCheckBox(self.tr("Keep the live window above other windows"))
        self.stay_on_top.setChecked(settings.stay_on_top)
        self.large_text = QCheckBox(self.tr("Larger step text, to read at arm's length"))
        self.large_text.setObjectName("largeStepText")
        self.large_text.setChecked(settings.large_step_text)
        self.client_in_title = QCheckBox(
            self.tr("Show the client's name in the live window's title (taskbar, shared screens)")
        )
        self.client_in_title.setObjectName("clientNameInTitle")
        self.client_in_title.setChecked(settings.client_name_in_title)
        self.fade = QSpinBox()
        self.fade.setRange(3, 600)
        self.fade.setSuffix(self.tr(" s", "seconds after a number"))
        self.fade.setValue(settings.cue_fade_seconds)
        self.sound = QCheckBox(
            self.tr("Play the system sound with a cue (off: the client hears nothing)")
        )
        self.sound.setChecked(settings.cue_sound)
        self.pause_cue = QCheckBox(self.tr("After a partner's cue, draw a silent countdown of"))
        self.pause_cue.setObjectName("pauseCueEnabled")
        self.pause_cue.setChecked(settings.pause_cue_enabled)
        self.pause_seconds = QSpinBox()
        self.pause_seconds.setObjectName("pauseCueSeconds")
        self.pause_seconds.setRange(2, 30)
        self.pause_seconds.setSuffix(self.tr(" s", "seconds after a number"))
        self.pause_seconds.setValue(settings.pause_cue_seconds)
        self.pause_seconds.setEnabled(settings.pause_cue_enabled)
        self.pause_cue.toggled.connect(self.pause_seconds.setEnabled)
        capability = capture_protection_supported()
        self.exclude = QCheckBox(self.tr("Hide the live window from screen sharing and recording"))
        self.exclude.setObjectName("excludeFromCapture")
        self.exclude.setChecked(settings.exclude_from_capture and capability.supported)
        self.exclude.setEnabled(capability.supported)
        self.capture_note = QLabel(capability.message)
        self.capture_note.setObjectName("captureNote")
        self.capture_note.setWordWrap(True)
        if not capability.supported:
            self.capture_note.setObjectName("problemLine")
        self.xwayland = XWaylandSection(settings)  # shown in a Wayland session only

        self.pause_seconds.setToolTip(
            self.tr("Drawn, never heard: a ring that empties, and the seconds")
        )
        for spin in (self.fade, self.pause_seconds):
            spin.setMinimumWidth(90)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language = LanguageChoice(settings)  # issue 24: applies from the next start
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Look"), self.theme)
        form.addRow(self.tr("Cue fades after"), self.fade)
        pause_row = QHBoxLayout()
        pause_row.setSpacing(8)
        pause_row.addWidget(self.pause_cue)
        pause_row.addWidget(self.pause_seconds)
        pause_row.addStretch(1)
        return _tab_page(
            form,
            pause_row,
            self.sound,
            self.stay_on_top,
            self.large_text,
            self.client_in_title,
            self.exclude,
            self.capture_note,
            self.xwayland,
        )

    # -- Shortcuts -------------------------------------------------------------------------

    def _shortcuts_page(self, settings: Settings) -> QWidget:
        self.global_enabled = QCheckBox(self.tr("Listen for these keys system-wide"))
        self.global_enabled.setObjectName("globalHotkeysEnabled")
        self.global_enabled.setChecked(settings.global_hotkeys_enabled)
        note = QLabel(QCoreApplication.translate("SettingsDialog", SHORTCUTS_NOTE))
        note.setObjectName("muted")
        note.setWordWrap(True)
        self.availability = QLabel()
        self.availability.setObjectName("shortcutAvailability")
        self.availability.setWordWrap(True)
        self._show_availability()

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        self.shortcut_rows: dict[HotkeyAction, ShortcutRow] = {}
        for index, action in enumerate(HotkeyAction):
            row = ShortcutRow(action, settings.hotkeys.get(action.value, ""))
            row.capture.capturingChanged.connect(
                lambda on, action=action: self._capturing(action, on)
            )
            row.capture.captured.connect(lambda combo, action=action: self.set_combo(action, combo))
            row.capture.refused.connect(self._show_problem)
            row.clear.clicked.connect(
                lambda _checked=False, action=action: self.set_combo(action, "")
            )
            grid.addWidget(row.name, index, 0)
            grid.addWidget(row.keys, index, 1)
            grid.addWidget(row.capture, index, 2)
            grid.addWidget(row.clear, index, 3)
            self.shortcut_rows[action] = row

        self.capture_hint = QLabel(" ")
        self.capture_hint.setObjectName("muted")
        self.capture_hint.setWordWrap(True)
        self.shortcut_problem = hidden_problem_line("problemLine")
        self.restore_defaults = QPushButton(self.tr("Restore defaults"))
        self.restore_defaults.clicked.connect(self._restore_defaults)
        self.restore_defaults.setAutoDefault(False)
        defaults_row = QHBoxLayout()
        defaults_row.addWidget(self.shortcut_problem, 1)
        defaults_row.addWidget(self.restore_defaults)

        return _tab_page(
            self.global_enabled,
            note,
            self.availability,
            4,
            grid,
            self.capture_hint,
            defaults_row,
        )

    def _show_availability(self) -> None:
        text, problem = shortcuts_status(self.shortcuts)
        self.availability.setText(text)
        self.availability.setObjectName("problemLine" if problem else "muted")
        self.availability.style().unpolish(self.availability)
        self.availability.style().polish(self.availability)

    @property
    def chosen_hotkeys(self) -> dict[str, str]:
        return {action.value: row.combo for action, row in self.shortcut_rows.items()}

    def set_combo(self, action: HotkeyAction, combo: str) -> bool:
        """Give ``action`` the combination ``combo``; refused (with the reason) on a clash."""
        candidate = {a: row.combo for a, row in self.shortcut_rows.items()}
        candidate[action] = combo
        try:
            validate_bindings(candidate)
        except HotkeyError as error:
            # The domain names the clashing keys in the portable form; say them as the rows do.
            portable = parse_combo(combo).display if combo else ""
            message = str(error)
            self._show_problem(message.replace(portable, display(combo)) if portable else message)
            return False
        self.shortcut_rows[action].show(combo)
        self.shortcut_problem.hide()
        return True

    def _show_problem(self, message: str) -> None:
        self.shortcut_problem.setText(message)
        self.shortcut_problem.show()

    def _capturing(self, action: HotkeyAction, on: bool) -> None:
        if on:
            hint = self.tr("Press the keys or the clicker button for “{action}” · Esc cancels")
            self.capture_hint.setText(hint.format(action=action.label))
            # A chord already grabbed system-wide would never reach this dialog.
            if self.shortcuts is not None:
                self.shortcuts.stop()
        else:
            self.capture_hint.setText(" ")
            self._listen(shared_settings().current)

    def _restore_defaults(self) -> None:
        for action, combo in default_hotkeys().items():
            self.shortcut_rows[HotkeyAction(action)].show(combo)
        self.shortcut_problem.hide()

    def _listen(self, settings: Settings) -> None:
        """Re-apply the saved keys to the system-wide layer, if the app gave us one."""
        if self.shortcuts is None:
            return
        if settings.global_hotkeys_enabled:
            self.shortcuts.apply(settings.key_bindings())
        else:
            self.shortcuts.stop()
        self._show_availability()

    # -- Export ------------------------------------------------------------------------------

    def _export_page(self, settings: Settings) -> QWidget:
        heading = QLabel(self.tr("Also write every ended meeting as Markdown into a folder"))
        heading.setObjectName("heading")
        heading.setWordWrap(True)
        note = QLabel(
            self.tr(
                "One file per meeting, with the client, date and follow-up at the top, for notes "
                "apps that read plain files (Obsidian and the like). Poise rewrites only files it "
                "wrote; a file you changed is left alone."
            )
        )
        note.setObjectName("muted")
        note.setWordWrap(True)
        self.markdown_folder = QLineEdit(settings.markdown_folder)
        self.markdown_folder.setObjectName("markdownFolder")
        self.markdown_folder.setReadOnly(True)
        self.markdown_folder.setPlaceholderText(self.tr("Off: no folder chosen"))
        self.markdown_folder.setToolTip(settings.markdown_folder)
        self.choose_folder = QPushButton(self.tr("Choose folder…"))
        self.choose_folder.setObjectName("chooseMarkdownFolder")
        self.choose_folder.clicked.connect(self._open_folder_dialog)
        self.clear_folder = QPushButton(self.tr("Clear"))
        self.clear_folder.setObjectName("clearMarkdownFolder")
        self.clear_folder.setToolTip(
            self.tr("Stop writing Markdown files (files already written stay)")
        )
        self.clear_folder.clicked.connect(lambda: self.set_markdown_folder(""))
        self.clear_folder.setEnabled(bool(settings.markdown_folder))
        for button in (self.choose_folder, self.clear_folder):
            button.setAutoDefault(False)
        self.folder_dialog: QFileDialog | None = None
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.markdown_folder, 1)
        row.addWidget(self.choose_folder)
        row.addWidget(self.clear_folder)

        self.reminders = QCheckBox(
            self.tr("Remind me on the desktop, once a day, of follow-ups and action items due")
        )
        self.reminders.setObjectName("remindersEnabled")
        self.reminders.setChecked(settings.reminders_enabled)

        return _tab_page(
            heading,
            row,
            note,
            12,
            self.reminders,
        )

    def _open_folder_dialog(self) -> None:
        # open(), not exec(): the meeting's windows keep running while the user browses.
        start = self.markdown_folder.text() or str(Path.home())
        dialog = QFileDialog(self, self.tr("Folder for the Markdown files"), start)
        dialog.setObjectName("markdownFolderDialog")
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.set_markdown_folder)
        self.folder_dialog = dialog
        dialog.open()

    def set_markdown_folder(self, folder: str) -> None:
        self.markdown_folder.setText(folder)
        self.markdown_folder.setToolTip(folder)
        self.clear_folder.setEnabled(bool(folder))

    # -- saving ------------------------------------------------------------------------------

    def chosen(self, base: Settings) -> Settings:
        return replace(
            self.language.chosen(self.xwayland.chosen(base)),
            theme=Theme(self.theme.currentData()),
            stay_on_top=self.stay_on_top.isChecked(),
            large_step_text=self.large_text.isChecked(),
            client_name_in_title=self.client_in_title.isChecked(),
            cue_fade_seconds=self.fade.value(),
            cue_sound=self.sound.isChecked(),
            exclude_from_capture=(
                self.exclude.isChecked() if self.exclude.isEnabled() else base.exclude_from_capture
            ),
            pause_cue_enabled=self.pause_cue.isChecked(),
            pause_cue_seconds=self.pause_seconds.value(),
            hotkeys=self.chosen_hotkeys,
            global_hotkeys_enabled=self.global_enabled.isChecked(),
            markdown_folder=self.markdown_folder.text(),
            relay_broker_url=self.partners_page.broker_url(),
            reminders_enabled=self.reminders.isChecked(),
        )

    def accept(self) -> None:
        if not self.partners_page.address_is_valid():
            self.tabs.setCurrentWidget(self.partners_page)  # the problem is shown there
            return
        self.partners_page.save_account()
        owner = shared_settings()
        settings = owner.replace_all(self.chosen(owner.current))
        self._listen(settings)
        application = QApplication.instance()
        controller = application.findChild(ThemeController) if application else None
        if controller is not None:
            controller.set_choice(settings.theme)
        super().accept()
