"""Issue 26: Settings saved mid-meeting keeps the system-wide keys, and says so when it cannot."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.domain.hotkeys import HotkeyAction, parse_combo
from app.domain.library import PlaybookLibrary
from app.store import Store
from app.ui.settings.settings_dialog import SettingsDialog
from tests.platform.test_global_shortcuts import FakeHook

from .test_live_flow import fill_and_start, wait_stored


def test_settings_saved_mid_meeting_updates_the_live_windows_keys_line(
    qtbot: QtBot, store: Store, library: PlaybookLibrary
) -> None:
    from app.ui.app_controller import AppController
    from app.ui.common.global_shortcuts import GlobalShortcuts

    hook = FakeHook()
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    shortcuts = GlobalShortcuts(hook)
    controller = AppController(application, library, shortcuts=shortcuts)
    qtbot.addWidget(controller.window)
    controller.window.close_guard = None
    controller.attach_store(store)
    window = fill_and_start(qtbot, controller.ensure_flow())
    assert not window.keys_line.isVisible()
    grabs_before = hook.stopped

    # Save with no change: the keys are kept as they are, not let go and grabbed again.
    dialog = SettingsDialog(controller.window, shortcuts=shortcuts)
    qtbot.addWidget(dialog)
    dialog.show()
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    save.click()
    assert hook.stopped == grabs_before
    assert shortcuts.active and not shortcuts.problem
    assert not window.keys_line.isVisible()

    # Another program took the step keys meanwhile, and the user changes a key and saves:
    # the live window says so at once, in one line that fits, not at the next meeting.
    hook._held = set(hook.handlers)  # every chord now held elsewhere
    dialog = SettingsDialog(controller.window, shortcuts=shortcuts)
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.set_combo(HotkeyAction.FLAG_MOMENT, "ctrl+alt+f7")
    hook._held.add(parse_combo("ctrl+alt+f7"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(window.keys_line.isVisible, timeout=2000)
    text = window.keys_line.text()
    assert "…" not in text, text
    assert text.startswith("System-wide keys: only in Poise"), text
    assert window.keys_line.height() < 2 * window.keys_line.fontMetrics().lineSpacing()
    wait_stored(qtbot, window)
    window.session.end(None)
    assert store.writer.flush(5)
