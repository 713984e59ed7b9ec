"""The running app's wiring: review and partner buttons, system-wide keys, panic hide."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.hotkeys import HotkeyAction
from app.domain.meeting_terms import MeetingMode
from app.playbooks import load_all_playbooks
from app.settings import shared_settings
from app.store import Store
from app.store.records import MeetingRecord
from app.ui.app_controller import AppController
from app.ui.common.global_shortcuts import GlobalShortcuts
from tests.meeting_factory import draft

from .test_global_shortcuts import FakeHook


def ended_meeting(store: Store) -> MeetingRecord:
    started = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
    meeting = store.service.start_meeting(
        draft("Acme", "Late pallets", started, mode=MeetingMode.VIDEO, playbook_id="client-crisis")
    )
    store.service.end_meeting(meeting.id, started.replace(hour=10))
    return meeting


@pytest.fixture
def running(qtbot: QtBot, store: Store) -> Iterator[tuple[AppController, FakeHook]]:
    hook = FakeHook()
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    controller = AppController(application, load_all_playbooks(), shortcuts=GlobalShortcuts(hook))
    window = controller.window
    qtbot.addWidget(window)
    window.close_guard = None
    window.show()
    qtbot.waitExposed(window)
    controller.attach_store(store)
    yield controller, hook
    # Closed and deleted here, not whenever the garbage collector gets to the controller.
    others = [*controller.partner_windows, controller.review]
    for other in others:
        if other is not None:
            other.close()
            other.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    controller.client.finish_calls()


def test_review_and_partner_buttons_open_their_windows(
    qtbot: QtBot, running: tuple[AppController, FakeHook], store: Store
) -> None:
    controller, _hook = running
    meeting = ended_meeting(store)
    window = controller.window
    assert window.review_button.isEnabled() and window.partner_button.isEnabled()

    window.review_button.click()
    assert controller.review is not None
    qtbot.waitExposed(controller.review)
    controller.open_review(meeting.id)
    qtbot.waitUntil(lambda: controller.review.meeting_page.meeting_id == meeting.id)

    window.partner_button.click()
    assert len(controller.partner_windows) == 1
    qtbot.waitExposed(controller.partner_windows[0])


def test_panic_key_from_another_app_hides_and_restores_every_window(
    qtbot: QtBot, running: tuple[AppController, FakeHook]
) -> None:
    controller, hook = running
    controller.open_review()
    review = controller.review
    qtbot.waitExposed(review)
    home_geometry = controller.window.geometry()

    with qtbot.waitSignal(controller.panic.hiddenChanged):
        hook.press_from_hook_thread("ctrl+alt+h")
    assert not controller.window.isVisible() and not review.isVisible()

    with qtbot.waitSignal(controller.panic.hiddenChanged):
        hook.press_from_hook_thread("ctrl+alt+h")
    assert controller.window.isVisible() and review.isVisible()
    assert controller.window.geometry() == home_geometry


def test_step_keys_without_a_meeting_do_nothing(running: tuple[AppController, FakeHook]) -> None:
    controller, _hook = running
    controller.on_hotkey(HotkeyAction.NEXT_STEP.value)  # no live window: must not fail
    assert controller.window.isVisible()


def test_settings_know_whether_system_wide_keys_work(
    qtbot: QtBot, running: tuple[AppController, FakeHook]
) -> None:
    from app.ui.settings.settings_dialog import SettingsDialog

    controller, _hook = running
    controller.window.settings_button.click()
    dialog = controller.window.findChild(SettingsDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.shortcuts is controller.shortcuts
    dialog.reject()


def test_with_a_hook_listening_the_window_adds_no_second_panic_key(
    running: tuple[AppController, FakeHook],
) -> None:
    controller, _hook = running
    assert controller.panic.can_hear_keys_while_hidden
    assert controller._panic_shortcut is None


def test_ended_and_deleted_meetings_follow_into_the_markdown_folder(
    qtbot: QtBot, running: tuple[AppController, FakeHook], store: Store, tmp_path: Path
) -> None:
    controller, _hook = running
    vault = tmp_path / "vault"
    shared_settings().update(markdown_folder=str(vault))
    meeting = ended_meeting(store)

    controller.client.announce_ended(meeting.id)  # the flow's word at the end
    qtbot.waitUntil(lambda: len(list(vault.glob("*.md"))) == 1, timeout=15000)
    written = next(vault.glob("*.md"))
    assert "Late pallets" in written.read_text(encoding="utf-8")

    controller.remove_markdown(meeting.id)
    # On the writer thread, after the meeting's own writes.
    qtbot.waitUntil(lambda: not written.exists(), timeout=15000)


def test_system_wide_keys_drive_a_live_meeting_and_panic_hide_keeps_it_running(
    qtbot: QtBot, running: tuple[AppController, FakeHook], store: Store
) -> None:
    from tests.link.conftest import RealMeeting

    controller, hook = running
    meeting = RealMeeting(qtbot, store, controller.ensure_flow(), None, 0)
    session, window = meeting.start()
    # The controller gives the meeting its link's menu entry just after the window's first
    # paint; the link itself is made at the first Ctrl+P.
    qtbot.waitUntil(lambda: window.partner_link_action.isVisible(), timeout=5000)
    first = session.domain.index

    with qtbot.waitSignal(session.stepChanged):
        hook.press_from_hook_thread("ctrl+alt+page_down")  # the call app has the focus
    assert session.domain.index == first + 1
    flagged_step = session.domain.current_step.key
    with qtbot.waitSignal(session.lineStamped):
        hook.press_from_hook_thread("ctrl+alt+shift+f")
    assert store.writer.flush(5)
    lines = store.service.load_meeting(session.meeting_id).stamped_lines
    assert [(line.text, line.step_key) for line in lines][-1] == ("Flagged", flagged_step)

    geometry = window.geometry()
    with qtbot.waitSignal(controller.panic.hiddenChanged):
        hook.press_from_hook_thread("ctrl+alt+h")
    assert not window.isVisible()
    assert session.domain.is_running  # hidden, not ended
    with qtbot.waitSignal(controller.panic.hiddenChanged):
        hook.press_from_hook_thread("ctrl+alt+h")
    assert window.isVisible() and window.geometry() == geometry
    meeting.end()
