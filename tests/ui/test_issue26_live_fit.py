"""Issue 26 on the live window at its default size (360 x 720): every field of the notes
and its inline forms readable, with and without "Larger step text"; the note editor keeps
the most room. Real store, the shipped playbooks, real widgets offscreen, real keys."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.library import Origin, load_library
from app.domain.meeting_terms import Cue, MeetingMode
from app.settings import DEFAULTS, Settings
from app.store import Store
from app.store.records import MeetingDraft
from app.ui.fit_checks import window_fit_problems
from app.ui.live.live_window import LiveWindow
from app.ui.live.session import LiveSession
from app.ui.live.theme import apply_look
from tests.conftest import REPO_ROOT, SCREENS_DIR

CUES = (Cue("calm", "Calm down", "Breathe. Listen. Don't defend."),)
SHOTS = SCREENS_DIR / "issue26"


def open_shipped_live(qtbot: QtBot, store: Store, settings: Settings) -> LiveWindow:
    apply_look(QApplication.instance(), False)  # type: ignore[arg-type]
    library = load_library([(Origin.SHIPPED, REPO_ROOT / "playbooks")])
    playbook = library.get("client-lashes-out") or library.playbooks()[0]
    meeting = store.service.start_meeting(
        MeetingDraft(
            "Harbor & Finch Logistics",
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
        session,
        client_name="Harbor & Finch Logistics",
        meeting_title="Missed launch date",
        settings=settings,
    )
    qtbot.addWidget(window)
    window.resize(DEFAULTS.live_width, DEFAULTS.live_height)
    window.show()
    qtbot.waitExposed(window)
    window.begin()
    return window


@pytest.fixture(params=[False, True], ids=["normal-text", "larger-text"])
def live(request: pytest.FixtureRequest, qtbot: QtBot, store: Store) -> Iterator[LiveWindow]:
    settings = dataclasses.replace(DEFAULTS, large_step_text=request.param)
    window = open_shipped_live(qtbot, store, settings)
    yield window
    if window.session.domain.is_running:
        window.session.end(None)
    assert store.writer.flush(5)


def settle() -> None:
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def shoot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    settle()
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


def type_keys(qtbot: QtBot, text: str) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClicks(focus, text)


def test_forms_and_stamps_keep_their_room_at_the_default_size(
    qtbot: QtBot, live: LiveWindow, request: pytest.FixtureRequest
) -> None:
    suffix = request.node.callspec.id
    notes = live.notes
    qtbot.keyClick(live, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    type_keys(qtbot, "They want one contact person")
    qtbot.keyClick(notes.quick_line, Qt.Key.Key_Return)
    qtbot.keyClick(live, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(notes.action_form.isVisible)
    type_keys(qtbot, "Send revised launch plan")
    settle()
    shoot(live, f"action-form-{suffix}")
    assert not window_fit_problems(live), window_fit_problems(live)
    qtbot.keyClick(notes.action_form.text, Qt.Key.Key_Return)
    qtbot.keyClick(live, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(notes.follow_up_form.isVisible)
    type_keys(qtbot, "next tuesday")
    settle()
    shoot(live, f"follow-up-form-{suffix}")
    assert not window_fit_problems(live), window_fit_problems(live)
    editor = notes.editors[notes.current_field]
    line = editor.fontMetrics().lineSpacing()
    # The thing typed into most keeps real room: two whole lines at least, with a form open,
    # and more than any one-line field.
    assert editor.viewport().height() >= 2 * line, editor.viewport().height()
    for item in (notes.quick_line, notes.follow_up_form.when):
        assert editor.height() > item.height()
