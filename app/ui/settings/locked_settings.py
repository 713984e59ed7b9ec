"""The Settings dialog's side of managed defaults: what the administrator locked shows so.

``show_managed_settings(dialog)`` is called once the dialog's widgets exist. Each control of
a locked setting is disabled, already showing the administrator's value, and says
"Set by <organisation>" as its tooltip and its accessible description (what a screen
reader reads with it); a line at the top says it once in words, and a problem with the
administrator's file (``app.managed_settings``) is said there too. Saving cannot change a
locked value either: ``SettingsOwner`` puts it back and never writes it to the person's file.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from app.managed_settings import ManagedLayer
from app.settings import shared_settings


class _ShortcutRow(Protocol):
    @property
    def capture(self) -> QWidget: ...
    @property
    def clear(self) -> QWidget: ...


class _PartnersPage(Protocol):
    @property
    def broker_field(self) -> QWidget: ...


class _XWaylandSection(Protocol):
    @property
    def choice(self) -> QWidget: ...


class SettingsControls(Protocol):
    """What this module reads of the Settings dialog (a protocol: the dialog imports us)."""

    @property
    def theme(self) -> QWidget: ...
    @property
    def stay_on_top(self) -> QWidget: ...
    @property
    def large_text(self) -> QWidget: ...
    @property
    def client_in_title(self) -> QWidget: ...
    @property
    def fade(self) -> QWidget: ...
    @property
    def sound(self) -> QWidget: ...
    @property
    def exclude(self) -> QWidget: ...
    @property
    def pause_cue(self) -> QAbstractButton: ...
    @property
    def pause_seconds(self) -> QWidget: ...
    @property
    def global_enabled(self) -> QWidget: ...
    @property
    def restore_defaults(self) -> QWidget: ...
    @property
    def markdown_folder(self) -> QWidget: ...
    @property
    def choose_folder(self) -> QWidget: ...
    @property
    def clear_folder(self) -> QWidget: ...
    @property
    def reminders(self) -> QWidget: ...

    @property
    def shortcut_rows(self) -> Mapping[Any, _ShortcutRow]: ...
    @property
    def partners_page(self) -> _PartnersPage: ...
    @property
    def xwayland(self) -> _XWaylandSection: ...


def _controls(dialog: SettingsControls) -> dict[str, list[QWidget]]:
    """Each setting the dialog edits, and the controls that change it."""
    shortcut_controls: list[QWidget] = [dialog.restore_defaults]
    for row in dialog.shortcut_rows.values():
        shortcut_controls += [row.capture, row.clear]
    return {
        "theme": [dialog.theme],
        "stay_on_top": [dialog.stay_on_top],
        "large_step_text": [dialog.large_text],
        "client_name_in_title": [dialog.client_in_title],
        "cue_fade_seconds": [dialog.fade],
        "cue_sound": [dialog.sound],
        "exclude_from_capture": [dialog.exclude],
        "pause_cue_enabled": [dialog.pause_cue],
        "pause_cue_seconds": [dialog.pause_seconds],
        "run_through_xwayland": [dialog.xwayland.choice],
        "global_hotkeys_enabled": [dialog.global_enabled],
        "hotkeys": shortcut_controls,
        "markdown_folder": [dialog.markdown_folder, dialog.choose_folder, dialog.clear_folder],
        "reminders_enabled": [dialog.reminders],
        "relay_broker_url": [dialog.partners_page.broker_field],
    }


class LockedSettingsNote(QLabel):
    """The line at the top of Settings: what the administrator set, and any problem."""

    def __init__(self, layer: ManagedLayer, locks_something: bool) -> None:
        super().__init__()
        self.setObjectName("managedSettingsNote")
        self.setWordWrap(True)
        # The file's path, to copy into a message to the administrator.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        parts: list[str] = []
        if locks_something:
            parts.append(
                self.tr(
                    "Settings shown greyed out are set for everyone by {organisation} and "
                    "cannot be changed here."
                ).format(organisation=layer.organisation or self.tr("your administrator"))
            )
        parts.extend(layer.problems)
        self.setText(" ".join(parts))
        if layer.problems:
            self.setObjectName("problemLine")
        self.setVisible(bool(parts))


def show_managed_settings(dialog: SettingsControls) -> LockedSettingsNote:
    """Lock the dialog's controls of every locked setting; the note to put at the top."""
    layer = shared_settings().managed
    controls = _controls(dialog)
    locked_here = [name for name in controls if name in layer.locked]
    for name in locked_here:
        for control in controls[name]:
            _lock(control, layer.set_by)
    if "pause_cue_seconds" in layer.locked:
        # The box follows its check box otherwise; connected after, so this comes last.
        dialog.pause_cue.toggled.connect(_KeepDisabled(dialog.pause_seconds).hold)
    return LockedSettingsNote(layer, bool(locked_here))


def _lock(control: QWidget, set_by: str) -> None:
    control.setEnabled(False)
    control.setToolTip(set_by)
    control.setAccessibleDescription(set_by)
    control.setProperty("managedLocked", True)


class _KeepDisabled(QObject):
    """Owned by the control it keeps disabled, so no lambda holds the widget."""

    def __init__(self, control: QWidget) -> None:
        super().__init__(control)
        self.control = control

    def hold(self, _on: bool = False) -> None:
        self.control.setEnabled(False)
