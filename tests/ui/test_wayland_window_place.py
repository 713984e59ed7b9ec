"""Native Wayland on the live window and in Settings: said once, the desktop's own way,
and the XWayland choice for the next start. Real widgets offscreen; the session is what
``detect_window_session`` would read on a Wayland desktop (the one seam faked here)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.domain.meeting_terms import Cue
from app.platform.window_session import Desktop, SessionKind, WindowSession
from app.settings import DEFAULTS, shared_settings
from app.store import Store
from app.ui.common.store_client import StoreClient
from app.ui.live import window_placement
from app.ui.live.live_window import LiveWindow
from app.ui.live.session import LiveSession
from app.ui.settings import xwayland_section
from app.ui.settings.settings_dialog import SettingsDialog
from tests.meeting_factory import draft

NATIVE_GNOME = WindowSession(SessionKind.WAYLAND, Desktop.GNOME, "wayland")
NATIVE_KDE = WindowSession(SessionKind.WAYLAND, Desktop.KDE, "wayland")
THROUGH_XWAYLAND = WindowSession(SessionKind.XWAYLAND, Desktop.GNOME, "xcb")
CUES = (Cue("calm", "Calm down", "Breathe."),)
PLAIN_X11 = WindowSession(SessionKind.X11, Desktop.OTHER, "xcb")


def on_session(monkeypatch: pytest.MonkeyPatch, session: WindowSession) -> None:
    for module in (window_placement, xwayland_section):
        monkeypatch.setattr(module, "detect_window_session", lambda _name: session)


def open_live(qtbot: QtBot, store: Store, library: PlaybookLibrary) -> Iterator[LiveWindow]:
    """The live window of a meeting just started, shown (the line needs no step yet)."""
    playbook = library.get("ui-test")
    assert playbook is not None
    started = datetime.now(UTC)
    meeting_id = store.service.start_meeting(
        draft("Northwind", "Invoice", started, playbook_id=playbook.id, cues=CUES)
    ).id
    live = LiveWindow(
        LiveSession(StoreClient(store), meeting_id, playbook, CUES),
        client_name="Northwind",
        meeting_title="Invoice",
        settings=DEFAULTS,
    )
    qtbot.addWidget(live)
    with qtbot.waitExposed(live):
        live.show()
    yield live
    assert store.writer.flush(5)


@pytest.fixture
def live_on_gnome(
    qtbot: QtBot, store: Store, library: PlaybookLibrary, monkeypatch: pytest.MonkeyPatch
) -> Iterator[LiveWindow]:
    on_session(monkeypatch, NATIVE_GNOME)
    yield from open_live(qtbot, store, library)


def test_native_wayland_says_once_what_cannot_work_and_gnomes_way(
    qtbot: QtBot, live_on_gnome: LiveWindow
) -> None:
    line = live_on_gnome.window_place_line
    assert line.isVisible()
    assert "cannot keep this window on top or dock it" in line.text()
    assert "right-click the title bar › Always on Top" in line.text()
    assert "Run through XWayland" in line.toolTip()
    line.linkActivated.emit("dismiss")  # its "OK"
    assert not line.isVisible()
    assert shared_settings().current.window_place_note_read
    # Asking for what cannot work here brings the word back, not silence.
    live_on_gnome.stay_on_top_action.trigger()
    qtbot.waitUntil(line.isVisible, timeout=2000)
    # The flag is not set: on Wayland it would only remake the window, never keep it above.
    assert not live_on_gnome.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert shared_settings().current.stay_on_top  # kept for a start through XWayland
    line.linkActivated.emit("dismiss")
    dock = live_on_gnome.findChild(QAction, "dock_left")
    assert dock is not None
    dock.trigger()
    qtbot.waitUntil(line.isVisible, timeout=2000)


def test_once_read_the_next_meeting_starts_without_it(
    qtbot: QtBot, store: Store, library: PlaybookLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_session(monkeypatch, NATIVE_GNOME)
    shared_settings().update(window_place_note_read=True)
    for live in open_live(qtbot, store, library):
        assert not live.window_place_line.isVisible()
        live.stay_on_top_action.trigger()
        qtbot.waitUntil(live.window_place_line.isVisible, timeout=2000)


def test_kde_gets_its_window_menu(
    qtbot: QtBot, store: Store, library: PlaybookLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_session(monkeypatch, NATIVE_KDE)
    for live in open_live(qtbot, store, library):
        assert "More Actions › Keep Above Others" in live.window_place_line.text()


@pytest.mark.parametrize("session", [PLAIN_X11, THROUGH_XWAYLAND])
def test_where_windows_can_be_placed_nothing_is_said(
    qtbot: QtBot,
    store: Store,
    library: PlaybookLibrary,
    monkeypatch: pytest.MonkeyPatch,
    session: WindowSession,
) -> None:
    on_session(monkeypatch, session)
    for live in open_live(qtbot, store, library):
        live.stay_on_top_action.trigger()
        assert live.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
        assert not live.window_place_line.isVisible()


def save(qtbot: QtBot, dialog: SettingsDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save_button, Qt.MouseButton.LeftButton)


def test_settings_offers_xwayland_for_the_next_start(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_session(monkeypatch, NATIVE_GNOME)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")  # XWayland beside the compositor
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    section = dialog.xwayland
    assert section.isVisible()
    assert section.choice.text() == "Run through XWayland (X11) at the next start"
    assert section.now.text() == "Poise runs natively on Wayland now."
    qtbot.mouseClick(section.choice, Qt.MouseButton.LeftButton)
    save(qtbot, dialog)
    assert shared_settings().current.run_through_xwayland


def test_settings_says_when_there_is_no_xwayland(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_session(monkeypatch, NATIVE_GNOME)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert "this session has no XWayland" in dialog.xwayland.now.text()


def test_settings_says_when_the_users_platform_wins(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_session(monkeypatch, NATIVE_GNOME)
    monkeypatch.setenv("QT_QPA_PLATFORM", "wayland")
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.xwayland.now.text().startswith("QT_QPA_PLATFORM=wayland is set")


def test_outside_wayland_the_choice_is_hidden_and_kept(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared_settings().update(run_through_xwayland=True)
    on_session(monkeypatch, PLAIN_X11)
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.xwayland.isVisible()
    save(qtbot, dialog)
    assert shared_settings().current.run_through_xwayland
