"""Issue 8 on the live window: system-wide actions through ``perform``, asking the partner,
the partner's presence and answer, the silent pause countdown, and the settings for
shortcuts (captured by pressing keys, as a clicker is mapped) and the Markdown folder.
Real store, real widgets offscreen; screenshots in light and dark."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.hotkeys import DEFAULT_BINDINGS, HotkeyAction, KeyCombo
from app.domain.library import PlaybookLibrary
from app.domain.meeting_terms import Cue, MeetingMode, NoteField, SignalSource
from app.platform.global_hotkeys import Availability
from app.settings import DEFAULTS, load_settings, settings_file, shared_settings
from app.store import Store
from app.ui.common.global_shortcuts import GlobalShortcuts
from app.ui.common.store_client import StoreClient
from app.ui.live.live_window import FLAG_TEXT, LiveWindow
from app.ui.live.session import LiveSession
from app.ui.settings.settings_dialog import SettingsDialog
from tests.meeting_factory import draft

WAIT_MS = 5000
CUES = (Cue("calm", "Calm down", "Breathe. Listen. Don't defend."),)


def shoot(widget: QWidget, screens_dir: Path, name: str) -> None:
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    path = screens_dir / f"{name}.png"
    assert widget.grab().save(str(path)), path


def unshown_live_window(qtbot: QtBot, store: Store, library: PlaybookLibrary) -> LiveWindow:
    """A live window on a meeting in ``store``, made but not yet shown nor begun."""
    playbook = library.get("ui-test")
    assert playbook is not None
    meeting = store.service.start_meeting(
        draft(
            "Harbor & Sons",
            "Missed launch date",
            datetime.now(UTC),
            mode=MeetingMode.VIDEO,
            playbook_id=playbook.id,
            playbook_version=str(playbook.version),
            partner_name="Dana",
            cues=CUES,
        )
    )
    session = LiveSession(StoreClient(store), meeting.id, playbook, CUES)
    window = LiveWindow(
        session, client_name="Harbor & Sons", meeting_title="Missed launch date", settings=DEFAULTS
    )
    qtbot.addWidget(window)
    return window


@pytest.fixture
def live(qtbot: QtBot, store: Store, library: PlaybookLibrary) -> Iterator[LiveWindow]:
    window = unshown_live_window(qtbot, store, library)
    window.show()
    qtbot.waitExposed(window)
    window.begin()
    yield window
    end_and_keep(window, store)


def end_and_keep(window: LiveWindow, store: Store) -> None:
    """After a test: the meeting ended if it still runs, and all of it in ``store``."""
    if window.session.domain.is_running:
        window.session.end(None)
    assert store.writer.flush(5)


def position(window: LiveWindow) -> tuple[int, int]:
    return window.session.domain.position


# -- perform: what the system-wide shortcuts do -------------------------------------------


def test_perform_routes_every_action(qtbot: QtBot, live: LiveWindow, store: Store) -> None:
    session = live.session
    assert live.perform(HotkeyAction.NEXT_STEP.value)
    assert position(live) == (2, 4)
    assert live.perform("next_step")
    assert position(live) == (3, 4)
    assert live.perform(HotkeyAction.PREVIOUS_STEP.value)
    assert position(live) == (2, 4)

    with qtbot.waitSignal(session.cueShown, timeout=WAIT_MS):
        session.trigger_cue("calm", SignalSource.PHONE, "cue-1")
    with qtbot.waitSignal(session.cueAcknowledged, timeout=WAIT_MS) as acknowledged:
        assert live.perform(HotkeyAction.ACKNOWLEDGE_CUE.value)
    assert acknowledged.args == ["cue-1"]
    with qtbot.assertNotEmitted(session.cueAcknowledged):
        live.perform(HotkeyAction.ACKNOWLEDGE_CUE.value)  # nothing on screen: harmless

    with qtbot.waitSignal(session.lineStamped, timeout=WAIT_MS) as stamped:
        assert live.perform(HotkeyAction.FLAG_MOMENT.value)
    assert stamped.args[0] == FLAG_TEXT
    assert live.toast.isVisible() and "flagged" in live.toast.text.lower()
    assert "Flagged" in live.notes.recent.text()

    with qtbot.waitSignal(live.askPartnerRequested, timeout=WAIT_MS) as asked:
        assert live.perform(HotkeyAction.ASK_PARTNER.value)
    assert asked.args == ["step_in"]
    assert live.toast.text == "No partner is connected to see it"

    # Hiding every window is the application's job; an unknown action does nothing.
    assert not live.perform(HotkeyAction.TOGGLE_HIDDEN.value)
    assert not live.perform("make_coffee")
    assert position(live) == (2, 4)

    assert store.writer.flush(5)
    detail = store.service.load_meeting(session.meeting_id)
    flags = [line for line in detail.stamped_lines if line.text == FLAG_TEXT]
    assert len(flags) == 1
    assert flags[0].step_key == "subtext"  # the step on screen when the key was pressed
    assert detail.signals[0].acknowledged_at is not None

    session.end(None)
    assert not live.perform(HotkeyAction.NEXT_STEP.value)  # after the end: nothing


# -- the partner: asking, presence, answer ---------------------------------------------------


def test_ask_partner_button_and_menu(qtbot: QtBot, live: LiveWindow) -> None:
    assert live.ask_partner_button.isHidden()  # no partner link for this meeting yet
    live.enable_partner_link(lambda: None)
    assert live.ask_partner_button.isVisible()
    assert live.ask_partner_button.focusPolicy() == Qt.FocusPolicy.NoFocus
    live.set_partner_status(1)
    editor = live.notes.editors[NoteField.WHAT_THEY_SAY]
    editor.setFocus()
    with qtbot.waitSignal(live.askPartnerRequested, timeout=WAIT_MS) as asked:
        qtbot.mouseClick(live.ask_partner_button, Qt.MouseButton.LeftButton)
    assert asked.args == ["step_in"]
    assert live.toast.text == "Sent to your partner: Step in"
    assert live.focusWidget() is editor  # the note keeps the caret
    moment = next(a for a in live.ask_partner_actions if a.objectName() == "askPartner_moment")
    with qtbot.waitSignal(live.askPartnerRequested, timeout=WAIT_MS) as asked:
        moment.trigger()
    assert asked.args == ["moment"]


def test_partner_status_and_answer(
    qtbot: QtBot, live: LiveWindow, screens_dir: Path, look: str
) -> None:
    status = live.partner_status
    live.set_partner_status(0)
    assert status.isHidden()
    live.enable_partner_link(lambda: None)
    live.set_partner_status(1)
    assert status.isVisible() and status.text == "Partner connected"
    # The header keeps its clocks whole beside the indicator at the narrowest width.
    assert status.geometry().left() > live.step_clock.geometry().right()
    assert status.width() >= status.sizeHint().width()
    live.set_partner_status(2)
    assert status.text == "2 partners connected"
    live.set_partner_status(1)
    live.toast.hold_ms = 400
    live.show_partner_answer("Partner is stepping in")
    assert live.toast.isVisible() and live.toast.text == "Partner is stepping in"
    qtbot.waitUntil(lambda: live.toast.opacity > 0.99, timeout=WAIT_MS)
    shoot(live, screens_dir, f"issue8-partner-connected-{look}")
    with qtbot.waitSignal(live.toast.faded, timeout=WAIT_MS):
        pass
    assert not live.toast.isVisible()
    live.set_partner_status(0)
    assert status.isHidden()


# -- the pause cue -----------------------------------------------------------------------------


def partner_cue(qtbot: QtBot, live: LiveWindow, message_id: str, source: SignalSource) -> None:
    with qtbot.waitSignal(live.session.cueShown, timeout=WAIT_MS):
        live.session.trigger_cue("calm", source, message_id)


def test_pause_countdown_is_drawn_and_finishes(
    qtbot: QtBot, live: LiveWindow, screens_dir: Path
) -> None:
    countdown = live.overlay.countdown
    # Off by default: a partner's cue alone draws no countdown.
    partner_cue(qtbot, live, "p-0", SignalSource.PHONE)
    assert not countdown.isVisible()
    live.session.acknowledge_cue()

    shared_settings().update(pause_cue_enabled=True, pause_cue_seconds=2)
    # The user's own cue is not a partner signal: no countdown either.
    partner_cue(qtbot, live, "own", SignalSource.WINDOW)
    assert not countdown.isVisible()
    live.session.acknowledge_cue()

    editor = live.notes.editors[NoteField.WHAT_THEY_SAY]
    editor.setFocus()
    partner_cue(qtbot, live, "p-1", SignalSource.PARTNER_APP)
    assert countdown.isVisible() and countdown.is_running
    assert countdown.words == "Breathe for 2 seconds before you answer"
    assert countdown.seconds_left == 2
    assert countdown.geometry().top() > live.overlay.band.geometry().bottom()
    assert live.focusWidget() is editor
    # Acknowledging still works while it runs; the countdown goes on to its end.
    with qtbot.waitSignal(live.session.cueAcknowledged, timeout=WAIT_MS):
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert countdown.is_running
    qtbot.waitUntil(lambda: countdown.seconds_left == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not live.overlay.band.isVisible(), timeout=WAIT_MS)
    assert countdown.geometry().top() == 10  # moved up into the band's place
    shoot(live, screens_dir, "issue8-pause-after-acknowledge-light")
    with qtbot.waitSignal(countdown.finished, timeout=WAIT_MS):
        pass
    assert countdown.seconds_left == 0 and countdown.remaining == 0.0
    qtbot.waitUntil(lambda: not countdown.isVisible(), timeout=WAIT_MS)
    assert live.focusWidget() is editor


def test_pause_countdown_screens(
    qtbot: QtBot, live: LiveWindow, screens_dir: Path, look: str
) -> None:
    shared_settings().update(pause_cue_enabled=True, pause_cue_seconds=5)
    partner_cue(qtbot, live, f"shot-{look}", SignalSource.PHONE)
    countdown = live.overlay.countdown
    qtbot.waitUntil(lambda: live.overlay.band.opacity.opacity() > 0.99, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: countdown.remaining < 0.85, timeout=WAIT_MS)
    assert countdown.seconds_left == 5 or countdown.seconds_left == 4
    shoot(live, screens_dir, f"issue8-pause-countdown-{look}")
    live.session.end(None)
    assert not countdown.isVisible()


# -- settings --------------------------------------------------------------------------------


def test_hotkey_settings_defaults_and_damage(data_dir: Path) -> None:
    assert DEFAULTS.hotkeys == {a.value: c for a, c in DEFAULT_BINDINGS.items()}
    assert DEFAULTS.global_hotkeys_enabled is True
    assert DEFAULTS.pause_cue_enabled is False and DEFAULTS.pause_cue_seconds == 5
    assert DEFAULTS.markdown_folder == ""
    shared_settings().update(hotkeys={**DEFAULTS.hotkeys, "next_step": "PgDown", "flag_moment": ""})
    loaded = load_settings()
    assert loaded.hotkeys["next_step"] == "page_down"  # stored in canonical form
    assert loaded.hotkeys["flag_moment"] == ""
    # Two actions on one key, or a key no one can press: the defaults, not a broken map.
    data = json.loads(settings_file().read_text())
    data["hotkeys"] = {"next_step": "ctrl+alt+h", "pause_cue_seconds": 1}
    data["pause_cue_seconds"] = 1
    settings_file().write_text(json.dumps(data))
    assert load_settings().hotkeys == DEFAULTS.hotkeys
    assert load_settings().pause_cue_seconds == 2  # clamped
    data["hotkeys"] = {"next_step": "hyper+x", "unknown_action": "f5"}
    settings_file().write_text(json.dumps(data))
    assert load_settings().hotkeys == DEFAULTS.hotkeys


class RecordingBackend:
    """Stands in for the OS keyboard hook: says what it is told and keeps what it was given."""

    def __init__(self, availability: Availability) -> None:
        self._availability = availability
        self.started: list[dict[KeyCombo, Callable[[], None]]] = []
        self.stops = 0

    def availability(self) -> Availability:
        return self._availability

    def start(self, handlers: Mapping[KeyCombo, Callable[[], None]]) -> list[KeyCombo]:
        self.started.append(dict(handlers))
        return []

    def stop(self) -> None:
        self.stops += 1


def open_settings(qtbot: QtBot, shortcuts: GlobalShortcuts | None) -> SettingsDialog:
    dialog = SettingsDialog(shortcuts=shortcuts)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentWidget(dialog.shortcuts_page)
    return dialog


def press(
    qtbot: QtBot,
    dialog: SettingsDialog,
    action: HotkeyAction,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    button = dialog.shortcut_rows[action].capture
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert button.capturing and button.text() == "Press a key…"
    qtbot.keyClick(button, key, modifiers)


def test_settings_capture_keys_like_a_clicker(
    qtbot: QtBot, data_dir: Path, screens_dir: Path, look: str
) -> None:
    backend = RecordingBackend(Availability(True, "System-wide shortcuts are active."))
    shortcuts = GlobalShortcuts(backend)
    shortcuts.apply(DEFAULT_BINDINGS)
    dialog = open_settings(qtbot, shortcuts)
    assert dialog.availability.text() == "System-wide shortcuts are active."
    assert dialog.availability.objectName() == "muted"
    rows = dialog.shortcut_rows
    assert [r.name.text() for r in rows.values()] == [a.label for a in HotkeyAction]
    assert rows[HotkeyAction.NEXT_STEP].keys.text() == "Ctrl+Alt+PgDown"

    # The clicker's "next" button sends PageDown: one press maps it.
    stops = backend.stops
    press(qtbot, dialog, HotkeyAction.NEXT_STEP, Qt.Key.Key_PageDown)
    assert backend.stops > stops  # the grab is paused while capturing, then restored
    assert rows[HotkeyAction.NEXT_STEP].combo == "page_down"
    assert rows[HotkeyAction.NEXT_STEP].keys.text() == "PgDown"
    assert not rows[HotkeyAction.NEXT_STEP].capture.capturing

    # A chord with modifiers; Shift+1 is stored as the key itself.
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    press(qtbot, dialog, HotkeyAction.FLAG_MOMENT, Qt.Key.Key_G, modifiers)
    assert rows[HotkeyAction.FLAG_MOMENT].combo == "ctrl+shift+g"
    press(qtbot, dialog, HotkeyAction.PREVIOUS_STEP, Qt.Key.Key_Exclam, modifiers)
    assert rows[HotkeyAction.PREVIOUS_STEP].combo == "ctrl+shift+1"
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    press(qtbot, dialog, HotkeyAction.ASK_PARTNER, Qt.Key.Key_F, ctrl_alt)
    assert rows[HotkeyAction.ASK_PARTNER].combo == "ctrl+alt+f"
    assert rows[HotkeyAction.ASK_PARTNER].keys.text() == "Ctrl+Alt+F"

    # Esc cancels the capture and keeps what was there.
    press(qtbot, dialog, HotkeyAction.ACKNOWLEDGE_CUE, Qt.Key.Key_Escape)
    assert rows[HotkeyAction.ACKNOWLEDGE_CUE].combo == "ctrl+alt+space"
    assert not rows[HotkeyAction.ACKNOWLEDGE_CUE].capture.capturing

    # A key already used by another action is refused with the reason.
    press(qtbot, dialog, HotkeyAction.TOGGLE_HIDDEN, Qt.Key.Key_PageDown)
    assert rows[HotkeyAction.TOGGLE_HIDDEN].combo == "ctrl+alt+h"
    assert dialog.shortcut_problem.isVisible()
    assert dialog.shortcut_problem.text() == (
        "PgDown is set for both 'Next step' and 'Hide / show all Poise windows'"
    )
    shoot(dialog, screens_dir, f"issue8-settings-shortcuts-{look}")
    capture = rows[HotkeyAction.ACKNOWLEDGE_CUE].capture
    qtbot.mouseClick(capture, Qt.MouseButton.LeftButton)
    assert "Acknowledge cue" in dialog.capture_hint.text()
    shoot(dialog, screens_dir, f"issue8-settings-capturing-{look}")
    qtbot.keyClick(capture, Qt.Key.Key_Escape)
    assert dialog.capture_hint.text().strip() == ""
    dialog.tabs.setCurrentIndex(0)
    shoot(dialog, screens_dir, f"issue8-settings-general-{look}")
    dialog.tabs.setCurrentWidget(dialog.export_page)
    dialog.set_markdown_folder(str(data_dir.parent / "Notes" / "Clients"))
    shoot(dialog, screens_dir, f"issue8-settings-export-{look}")
    dialog.tabs.setCurrentWidget(dialog.shortcuts_page)
    qtbot.mouseClick(rows[HotkeyAction.FLAG_MOMENT].clear, Qt.MouseButton.LeftButton)
    assert rows[HotkeyAction.FLAG_MOMENT].keys.text() == "—"
    assert not dialog.shortcut_problem.isVisible()

    dialog.accept()
    saved = load_settings().hotkeys
    assert saved["next_step"] == "page_down"
    assert saved["ask_partner"] == "ctrl+alt+f"
    assert saved["flag_moment"] == ""
    # The new keys are live at once, without a restart.
    listened = {str(combo) for combo in backend.started[-1]}
    assert {"page_down", "ctrl+alt+f", "ctrl+shift+1"} <= listened
    assert shortcuts.active[HotkeyAction.NEXT_STEP] == KeyCombo((), "page_down")


def test_settings_honest_when_keys_cannot_be_heard(qtbot: QtBot, data_dir: Path) -> None:
    reason = "This is a Wayland session: Wayland lets no program listen to keys."
    shortcuts = GlobalShortcuts(RecordingBackend(Availability(False, reason)))
    shortcuts.apply(DEFAULT_BINDINGS)
    dialog = open_settings(qtbot, shortcuts)
    assert dialog.availability.text() == reason
    assert dialog.availability.objectName() == "problemLine"
    assert "call app" in dialog.shortcuts_page.findChild(QWidget, "muted").text()
    dialog.global_enabled.setChecked(False)
    dialog.accept()
    assert load_settings().global_hotkeys_enabled is False
    without = open_settings(qtbot, None)
    assert "restart Poise" in without.availability.text()


def test_settings_pause_cue_and_markdown_folder(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    dialog = open_settings(qtbot, None)
    assert not dialog.pause_cue.isChecked() and not dialog.pause_seconds.isEnabled()
    dialog.pause_cue.setChecked(True)
    dialog.pause_seconds.setValue(7)
    dialog.tabs.setCurrentWidget(dialog.export_page)
    assert dialog.markdown_folder.text() == "" and not dialog.clear_folder.isEnabled()
    folder = tmp_path / "notes"
    folder.mkdir()
    qtbot.mouseClick(dialog.choose_folder, Qt.MouseButton.LeftButton)
    chooser = dialog.folder_dialog
    assert chooser is not None and chooser.isVisible()
    with qtbot.waitSignal(chooser.fileSelected, timeout=WAIT_MS):
        chooser.setDirectory(str(folder))
        chooser.selectFile(str(folder))
        chooser.accept()
    assert Path(dialog.markdown_folder.text()) == folder
    assert dialog.clear_folder.isEnabled()
    dialog.accept()
    saved = load_settings()
    assert Path(saved.markdown_folder) == folder
    assert saved.pause_cue_enabled is True and saved.pause_cue_seconds == 7

    again = open_settings(qtbot, None)
    assert Path(again.markdown_folder.text()) == folder
    qtbot.mouseClick(again.clear_folder, Qt.MouseButton.LeftButton)
    assert again.markdown_folder.text() == ""
    again.accept()
    assert load_settings().markdown_folder == ""
