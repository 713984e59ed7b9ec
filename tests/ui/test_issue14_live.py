"""Issue 14 on the live window: discretion in the title, one time format, "New meeting…"
during a meeting, the keyboard model that cannot edit a note by accident, and the whole
step at a glance. Real store, real widgets offscreen, real key events."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.domain.meeting_terms import Cue, MeetingMode
from app.settings import DEFAULTS, Settings
from app.store import Store
from app.store.records import MeetingDraft
from app.ui.live.flow import MeetingFlow
from app.ui.live.live_window import MEETING_RUNNING_TEXT, LiveWindow
from app.ui.live.session import LiveSession

from .test_live_flow import fill_and_start

WAIT_MS = 5000
CUES = (Cue("calm", "Calm down", "Breathe. Listen. Don't defend."),)


def shoot(widget: QWidget, screens_dir: Path, name: str) -> None:
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    path = screens_dir / f"live-{name}.png"
    assert widget.grab().save(str(path)), path


def open_live(
    qtbot: QtBot, store: Store, library: PlaybookLibrary, settings: Settings = DEFAULTS
) -> LiveWindow:
    playbook = library.get("ui-test")
    assert playbook is not None
    meeting = store.service.start_meeting(
        MeetingDraft(
            "Harbor & Sons",
            "Missed launch date",
            MeetingMode.IN_PERSON,
            playbook.id,
            str(playbook.version),
            "Dana",
            CUES,
            datetime.now(UTC),
        )
    )
    session = LiveSession(store, meeting.id, playbook, CUES)
    window = LiveWindow(
        session, client_name="Harbor & Sons", meeting_title="Missed launch date", settings=settings
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.begin()
    return window


@pytest.fixture
def live(qtbot: QtBot, store: Store, library: PlaybookLibrary) -> Iterator[LiveWindow]:
    window = open_live(qtbot, store, library)
    yield window
    if window.session.domain.is_running:
        window.session.end(None)
    assert store.writer.flush(5)


def position(window: LiveWindow) -> tuple[int, int]:
    return window.session.domain.position


# -- discretion and one time format --------------------------------------------------------


def test_title_names_no_client_unless_asked(
    qtbot: QtBot, store: Store, library: PlaybookLibrary
) -> None:
    quiet = open_live(qtbot, store, library)
    assert "Harbor" not in quiet.windowTitle()
    assert quiet.windowTitle() == "Meeting · Poise"
    named = open_live(qtbot, store, library, Settings(client_name_in_title=True))
    assert named.windowTitle() == "Harbor & Sons · Poise"
    for window in (quiet, named):
        window.session.end(None)
    assert store.writer.flush(5)


def test_stamped_lines_show_meeting_time(qtbot: QtBot, live: LiveWindow) -> None:
    quick = live.notes.quick_line
    quick.setFocus()
    qtbot.keyClicks(quick, "Budget is the real issue")
    qtbot.keyClick(quick, Qt.Key.Key_Return)
    # Stamped within a second of the start: 0:00, the same format as the meeting clock.
    assert live.notes.recent.text() == "0:00  Budget is the real issue"
    assert live.meeting_clock.text() == "0:00"


# -- "New meeting…" during a meeting -------------------------------------------------------


def test_new_meeting_during_a_meeting_brings_the_live_window_forward(
    qtbot: QtBot, store: Store, library: PlaybookLibrary
) -> None:
    flow = MeetingFlow(store, library)
    window = fill_and_start(qtbot, flow)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized, timeout=WAIT_MS)
    flow.new_meeting()
    assert flow.prepare is None  # no second prepare dialog
    assert not window.isMinimized()
    assert window.toast.isVisible() and window.toast.text == MEETING_RUNNING_TEXT
    window.session.end(None)
    assert store.writer.flush(5)
