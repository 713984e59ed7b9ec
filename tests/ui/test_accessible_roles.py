"""What Qt tells a screen reader about the live window's parts, asked in-process as the
AT-SPI, UIA and macOS bridges ask (test_screen_reader_session reads the real AT-SPI tree)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.domain.meeting_terms import SignalSource
from app.settings import DEFAULTS
from app.store import Store
from app.ui.common.accessible_roles import install_role_factory
from tests.ui.live_windows import live_window_on

NAME = QAccessible.Text.Name
DESCRIPTION = QAccessible.Text.Description


def said(widget: QWidget) -> tuple[QAccessible.Role, str]:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid()
    return interface.role(), interface.text(NAME)


def test_the_live_window_its_step_notes_and_cue_say_what_they_are(
    qtbot: QtBot, store: Store, library: PlaybookLibrary, english: None
) -> None:
    install_role_factory()  # as create_application does
    window = live_window_on(store, library.playbooks[0], DEFAULTS)
    qtbot.addWidget(window)
    window.show()
    window.begin()
    qtbot.waitExposed(window)
    step = window.session.domain.steps[0]
    assert said(window)[0] == QAccessible.Role.Window
    assert said(window.card) == (QAccessible.Role.Grouping, f"Current step: {step.title}")
    card = QAccessible.queryAccessibleInterface(window.card)
    assert card is not None and card.text(DESCRIPTION) == step.do
    assert said(window.notes) == (QAccessible.Role.Grouping, "Meeting notes")
    window.session.next_step()
    assert said(window.card)[1] == f"Current step: {window.session.domain.steps[1].title}"

    with qtbot.waitSignal(window.session.cueShown, timeout=5000):
        window.session.trigger_cue("calm", SignalSource.PHONE, "roles-1")
    assert said(window.overlay.band)[1] == "Cue: Breathe. Listen. Don't defend."
    window.session.end(None)
    window.close()
