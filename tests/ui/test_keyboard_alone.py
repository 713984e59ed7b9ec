"""Every window with the keyboard alone: Tab goes round it and reaches every control a
person acts on (or the control has its own key), and a dialog's default button is clear.
Real windows, real key events; offscreen."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.export.recap import RecapDraft
from app.settings import load_settings
from app.ui.prepare.prepare_dialog import PrepareDialog
from app.ui.recap.recap_dialog import RecapDialog
from app.ui.settings.settings_dialog import SettingsDialog
from tests.ui.conftest import started_app
from tests.ui.keyboard_walk import chain_names, default_button, tab_chain, unreached


def shown(qtbot: QtBot, window: QWidget) -> QWidget:
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def assert_keyboard_reaches_everything(qtbot: QtBot, window: QWidget) -> list[QWidget]:
    chain = tab_chain(qtbot, window)
    missing = unreached(window, chain)
    assert not missing, f"not reached by Tab {chain_names(chain)}: {missing}"
    return chain


def test_home_window(qtbot: QtBot, library: PlaybookLibrary) -> None:
    controller = started_app(qtbot, library)
    assert_keyboard_reaches_everything(qtbot, controller.window)


def test_prepare_dialog_both_pages(qtbot: QtBot, library: PlaybookLibrary) -> None:
    dialog = shown(qtbot, PrepareDialog(library, ["Harbor & Sons"], load_settings()))
    assert isinstance(dialog, PrepareDialog)
    assert_keyboard_reaches_everything(qtbot, dialog)
    assert default_button(dialog) is dialog.next_button
    dialog.client.lineEdit().setText("Harbor & Sons")
    dialog.next_button.click()
    assert dialog.pages.currentIndex() == 1
    assert_keyboard_reaches_everything(qtbot, dialog)
    assert default_button(dialog) is dialog.start_button


def test_settings_dialog(qtbot: QtBot) -> None:
    dialog = shown(qtbot, SettingsDialog())
    assert_keyboard_reaches_everything(qtbot, dialog)
    assert default_button(dialog) is not None


def test_recap_dialog(qtbot: QtBot) -> None:
    dialog = shown(qtbot, RecapDialog(RecapDraft(subject="Our meeting", body="Hello,\n")))
    assert_keyboard_reaches_everything(qtbot, dialog)
    assert default_button(dialog) is not None
