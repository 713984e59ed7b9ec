"""Every window with the keyboard alone: Tab goes round it and reaches every control a
person acts on (or the control has its own key), and a dialog's default button is clear.
Real windows, real key events; offscreen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.export.recap import RecapDraft
from app.settings import load_settings
from app.store import Store
from app.ui.live.end_dialog import EndMeetingDialog
from app.ui.live.flow import MeetingFlow
from app.ui.prepare.prepare_dialog import PrepareDialog
from app.ui.recap.recap_dialog import RecapDialog
from app.ui.settings.settings_dialog import SettingsDialog
from tests.ui.conftest import started_app
from tests.ui.keyboard_walk import chain_names, default_button, tab_chain, unreached
from tests.ui.test_live_flow import fill_and_start, wait_stored

NO_MODIFIER = Qt.KeyboardModifier.NoModifier
CONTROL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


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


def test_settings_dialog_every_tab(qtbot: QtBot) -> None:
    dialog = shown(qtbot, SettingsDialog())
    assert isinstance(dialog, SettingsDialog)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    for number in range(dialog.tabs.count()):
        assert dialog.tabs.currentIndex() == number
        assert_keyboard_reaches_everything(qtbot, dialog)
        assert default_button(dialog) is save, number
        # Ctrl+Tab from anywhere in the tabs goes on to the next one, as in any tabbed dialog.
        dialog.tabs.currentWidget().setFocus()
        press(dialog, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)


def test_recap_dialog(qtbot: QtBot) -> None:
    dialog = shown(qtbot, RecapDialog(RecapDraft(subject="Our meeting", body="Hello,\n")))
    assert_keyboard_reaches_everything(qtbot, dialog)
    assert default_button(dialog) is not None


def press(window: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    target = QApplication.focusWidget() or window
    QTest.keyClick(target, key, modifier)


def test_live_window_end_dialog_and_summary(
    qtbot: QtBot, store: Store, library: PlaybookLibrary
) -> None:
    flow = MeetingFlow(store, library)
    window = fill_and_start(qtbot, flow)
    wait_stored(qtbot, window)
    # Back, Next, End, ⋯ and the note's field picker take no focus (a click must leave the
    # caret in the note): each is reached by its own key, pressed here.
    chain = tab_chain(qtbot, window)
    keyed = [window.next_button, window.previous_button, window.end_button, window.menu_button]
    keyed.append(window.notes.field_picker)
    missing = unreached(window, chain, keyed)
    assert not missing, f"not reached by Tab {chain_names(chain)}: {missing}"
    assert any(editor in chain for editor in window.notes.editors.values())
    assert window.notes.quick_line in chain

    press(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.notes.field_picker.currentIndex() == 1
    press(window, Qt.Key.Key_PageDown)
    assert window.session.domain.position[0] == 2
    press(window, Qt.Key.Key_PageUp)
    assert window.session.domain.position[0] == 1
    press(window, Qt.Key.Key_F10)
    qtbot.waitUntil(window.menu.isVisible, timeout=3000)
    assert window.menu.activeAction() is not None  # the arrows and Enter go on from here
    window.menu.close()

    press(window, Qt.Key.Key_E, CONTROL_SHIFT)
    dialog = window.findChild(EndMeetingDialog, "endMeetingDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    # Before any Tab: a button with the focus is Enter's for as long as it has it.
    assert default_button(dialog) is dialog.end_button
    chain = tab_chain(qtbot, dialog)
    assert not unreached(dialog, chain), chain_names(chain)

    with qtbot.waitSignal(flow.summaryShown, timeout=5000) as shown:
        QTest.keyClick(dialog.when, Qt.Key.Key_Return)
    summary = shown.args[0]
    qtbot.addWidget(summary)
    qtbot.waitExposed(summary)
    assert_keyboard_reaches_everything(qtbot, summary)
    done = default_button(summary)
    assert done is not None and done.text() == "Done"
    summary.close()
