"""Issue 23: system-wide keys on Wayland through the desktop's GlobalShortcuts portal.

A private session bus (its own dbus-daemon), a stand-in portal on it
(``tests/platform/fake_portal_service.py``), the real backend, the real app controller,
a real live window and the real Settings dialog. The portal binds, activates, refuses,
vanishes mid-meeting or answers late; Poise must say so plainly and keep working.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QThread, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.hotkeys import DEFAULT_BINDINGS, HotkeyAction
from app.domain.library import PlaybookLibrary
from app.platform.portal_shortcuts import (
    BOUND,
    DECLINED,
    GONE,
    NO_ANSWER,
    NO_PORTAL,
    PortalShortcutsBackend,
)
from app.store import Store
from app.ui.app_controller import AppController
from app.ui.common.global_shortcuts import GlobalShortcuts
from app.ui.live.live_window import LiveWindow
from app.ui.settings.settings_dialog import SettingsDialog
from tests.platform.private_bus import ServiceProcess, needs_dbus_daemon, private_session_bus
from tests.ui.test_live_flow import fill_and_start, position

PORTAL = Path(__file__).resolve().parent.parent / "platform" / "fake_portal_service.py"
WAIT_MS = 5000
NO_PARTNER = "No partner is connected to see it"  # what "ask partner" says with none

pytestmark = needs_dbus_daemon


@pytest.fixture
def bus() -> Iterator[str]:
    with private_session_bus() as address:
        yield address


@pytest.fixture
def portal(bus: str) -> Iterator[Callable[..., ServiceProcess]]:
    started: list[ServiceProcess] = []

    def start(*options: str) -> ServiceProcess:
        started.append(ServiceProcess(PORTAL, bus, *options))
        return started[-1]

    yield start
    for service in started:
        service.stop()


def calls(qtbot: QtBot, service: ServiceProcess, member: str) -> list[dict[str, Any]]:
    """The calls of ``member`` the service has had, once it has had one."""

    def made() -> list[dict[str, Any]]:
        service.received()
        return [call for call in service.history if call["member"] == member]

    qtbot.waitUntil(lambda: bool(made()), timeout=WAIT_MS)
    return made()


Meeting = tuple[GlobalShortcuts, LiveWindow]


@pytest.fixture
def meeting_on(
    qtbot: QtBot, bus: str, library: PlaybookLibrary, store: Store
) -> Iterator[Callable[..., Meeting]]:
    """Starts the app on the portal backend (given these options) and a meeting through
    Prepare; ends the meeting and stops the keys afterwards."""
    started: list[Meeting] = []

    def start(**backend_options: float) -> Meeting:
        shortcuts = GlobalShortcuts(PortalShortcutsBackend(bus, **backend_options))
        application = QApplication.instance()
        assert isinstance(application, QApplication)
        controller = AppController(application, library, shortcuts=shortcuts)
        qtbot.addWidget(controller.window)
        controller.window.close_guard = None  # closed by the test's teardown, never asked
        controller.attach_store(store)
        started.append((shortcuts, fill_and_start(qtbot, controller.ensure_flow())))
        return started[-1]

    yield start
    for shortcuts, window in started:
        window.session.end(None)
        assert store.writer.flush(5)
        shortcuts.stop()


def says_only_in_poise(qtbot: QtBot, window: LiveWindow, why: str) -> None:
    """The live window's keys line says the keys work only in Poise, and why."""
    line = window.keys_line
    qtbot.waitUntil(lambda: f"Why: {why}" in line.toolTip(), timeout=WAIT_MS)
    assert line.isVisible() and line.text().startswith("System-wide keys: only in Poise")


def settings_text(
    qtbot: QtBot, shortcuts: GlobalShortcuts, screen: Path | None = None
) -> tuple[str, str]:
    """What Settings' keys section says about them (and its style), as the user sees it."""
    dialog = SettingsDialog(shortcuts=shortcuts)
    qtbot.addWidget(dialog)
    if screen is not None:
        dialog.tabs.setCurrentWidget(dialog.shortcuts_page)
        dialog.show()
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        assert dialog.grab().save(str(screen))
    said = dialog.availability.text(), dialog.availability.objectName()
    dialog.close()
    return said


def test_poise_binds_its_actions_with_their_ids_descriptions_and_preferred_triggers(
    qtbot: QtBot, bus: str, portal: Callable[..., ServiceProcess], screens_dir: Path
) -> None:
    service = portal()
    shortcuts = GlobalShortcuts(PortalShortcutsBackend(bus))
    assert not shortcuts.apply(DEFAULT_BINDINGS)  # nothing is heard before the desktop says
    qtbot.waitUntil(lambda: len(shortcuts.active) == len(DEFAULT_BINDINGS), timeout=WAIT_MS)

    [register] = calls(qtbot, service, "Register")  # Poise names itself to the portal first
    assert register["args"] == ["app.poise.Poise", {}]
    [create] = calls(qtbot, service, "CreateSession")
    assert service.history.index(register) < service.history.index(create)
    assert set(create["args"][0]) == {"handle_token", "session_handle_token"}
    [bind] = calls(qtbot, service, "BindShortcuts")
    session, shortcuts_asked, _parent, options = bind["args"]
    assert session.startswith("/org/freedesktop/portal/desktop/session/")
    assert "handle_token" in options
    asked = dict(shortcuts_asked)
    assert {a: p["preferred_trigger"][1] for a, p in asked.items()} == {
        "next_step": "CTRL+ALT+Next",
        "previous_step": "CTRL+ALT+Prior",
        "acknowledge_cue": "CTRL+ALT+space",
        "flag_moment": "CTRL+ALT+SHIFT+f",
        "toggle_hidden": "CTRL+ALT+h",
        "ask_partner": "CTRL+ALT+p",
    }
    assert asked["ask_partner"]["description"][1] == "Ask partner to step in"
    calls(qtbot, service, "ListShortcuts")
    assert shortcuts.desktop_keys[HotkeyAction.NEXT_STEP] == "Ctrl+Alt+Page Down"
    text, style = settings_text(qtbot, shortcuts, screens_dir / "portal-keys-settings.png")
    assert (text, style) == (BOUND, "muted")  # each key as asked: nothing more to say

    # A press reaches the GUI thread; a key changed in the desktop's settings is followed.
    pressed: list[tuple[str, bool]] = []
    shortcuts.triggered.connect(
        lambda action: pressed.append((action, QThread.currentThread() is shortcuts.thread()))
    )
    service.tell("activate flag_moment")
    qtbot.waitUntil(lambda: pressed == [("flag_moment", True)], timeout=WAIT_MS)
    service.tell("change next_step Ctrl+Alt+N")
    qtbot.waitUntil(
        lambda: shortcuts.desktop_keys[HotkeyAction.NEXT_STEP] == "Ctrl+Alt+N", timeout=WAIT_MS
    )
    changed = "Next step: Ctrl+Alt+N, as your desktop set it"
    assert settings_text(qtbot, shortcuts) == (f"{BOUND}\n{changed}", "muted")

    shortcuts.stop()
    [close] = calls(qtbot, service, "Close")
    assert close["args"] == []


def test_the_send_me_a_signal_key_from_the_desktop_reaches_the_live_window(
    qtbot: QtBot,
    portal: Callable[..., ServiceProcess],
    meeting_on: Callable[..., Meeting],
    screens_dir: Path,
) -> None:
    service = portal("--rebind", "ask_partner=Ctrl+Alt+J")  # the user chose J in the dialog
    shortcuts, window = meeting_on()
    line = window.keys_line
    said = "Ask partner to step in: Ctrl+Alt+J, as your desktop set it"
    qtbot.waitUntil(lambda: line.isVisible() and line.toolTip() == said, timeout=WAIT_MS)
    assert line.text().startswith("Desktop key Ctrl+Alt+J: Ask partner to step in <a")
    assert settings_text(qtbot, shortcuts) == (f"{BOUND}\n{said}", "muted")
    shoot_window(window, screens_dir, "portal-keys-bound")

    service.tell("activate ask_partner")
    qtbot.waitUntil(lambda: window.toast.is_showing, timeout=WAIT_MS)
    assert window.toast.text == NO_PARTNER
    start = position(window)[0]
    service.tell("activate next_step")
    qtbot.waitUntil(lambda: position(window)[0] == start + 1, timeout=WAIT_MS)


def shoot_window(window: LiveWindow, screens_dir: Path, name: str) -> None:
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    assert window.grab().save(str(screens_dir / f"{name}.png"))


def window_key_still_works(qtbot: QtBot, window: LiveWindow) -> None:
    """The keys work while Poise's window has the focus: Ctrl+Alt+P asks the partner."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(window.card, Qt.Key.Key_P, modifiers)
    assert window.toast.is_showing and window.toast.text == NO_PARTNER


@pytest.mark.parametrize("desktop", ["refuses", "has no portal", "has an older portal"])
def test_a_refusing_or_absent_portal_is_said_plainly_and_the_window_works(
    qtbot: QtBot,
    portal: Callable[..., ServiceProcess],
    meeting_on: Callable[..., Meeting],
    screens_dir: Path,
    desktop: str,
) -> None:
    if desktop == "refuses":
        portal("--refuse")
    elif desktop == "has an older portal":
        portal("--no-shortcuts")
    expected = DECLINED if desktop == "refuses" else NO_PORTAL
    shortcuts, window = meeting_on()
    says_only_in_poise(qtbot, window, expected)
    screen = screens_dir / f"portal-keys-{desktop.replace(' ', '-')}.png"
    assert settings_text(qtbot, shortcuts, screen) == (expected, "problemLine")
    window_key_still_works(qtbot, window)


def test_a_portal_that_vanishes_mid_meeting_is_said_and_the_window_works(
    qtbot: QtBot,
    portal: Callable[..., ServiceProcess],
    meeting_on: Callable[..., Meeting],
) -> None:
    service = portal()
    shortcuts, window = meeting_on()
    qtbot.waitUntil(lambda: len(shortcuts.active) == len(DEFAULT_BINDINGS), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not window.keys_line.isVisible(), timeout=WAIT_MS)

    service.tell("exit")
    says_only_in_poise(qtbot, window, GONE)
    assert shortcuts.active == {}
    assert settings_text(qtbot, shortcuts) == (GONE, "problemLine")
    window_key_still_works(qtbot, window)


def test_a_late_answer_says_so_without_holding_the_window_and_binds_when_it_comes(
    qtbot: QtBot, portal: Callable[..., ServiceProcess], meeting_on: Callable[..., Meeting]
) -> None:
    portal("--late", "2.5")
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(lambda: ticks.append(1))
    shortcuts, window = meeting_on(answer_seconds=0.5)
    timer.start()
    says_only_in_poise(qtbot, window, NO_ANSWER)
    line = window.keys_line
    assert settings_text(qtbot, shortcuts) == (NO_ANSWER, "problemLine")
    window_key_still_works(qtbot, window)
    # The answer comes after all: the keys are heard, and the line goes.
    qtbot.waitUntil(lambda: len(shortcuts.active) == len(DEFAULT_BINDINGS), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not line.isVisible(), timeout=WAIT_MS)
    timer.stop()
    assert len(ticks) >= 20, "the GUI thread was held while the desktop took its time"
