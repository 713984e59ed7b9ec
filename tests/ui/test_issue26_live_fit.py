"""Issue 26 on the live window at its default size (360 x 720): every field of the notes
and its inline forms readable, with and without "Larger step text"; the note editor keeps
the most room. Real store, the shipped playbooks, real widgets offscreen, real keys."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.library import Origin, load_library
from app.settings import DEFAULTS, Settings
from app.store import Store
from app.ui.common.fit_checks import window_fit_problems
from app.ui.common.theme import apply_look
from app.ui.live.live_window import LiveWindow
from tests.conftest import REPO_ROOT, SCREENS_DIR
from tests.ui.live_windows import live_window_on

SHOTS = SCREENS_DIR / "issue26"


def open_shipped_live(
    qtbot: QtBot, store: Store, settings: Settings, playbook_id: str = "client-lashes-out"
) -> LiveWindow:
    apply_look(QApplication.instance(), False)  # type: ignore[arg-type]
    library = load_library([(Origin.SHIPPED, REPO_ROOT / "playbooks")])
    playbook = library.get(playbook_id)
    assert playbook is not None
    window = live_window_on(store, playbook, settings)
    qtbot.addWidget(window)
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
    # The thing typed into most keeps real room: three whole lines while a form is open,
    # more than any one-line field; two once it is closed, the card taking back its room.
    assert editor.viewport().height() >= 3 * line, editor.viewport().height()
    for item in (notes.quick_line, notes.follow_up_form.when):
        assert editor.height() > item.height()
    qtbot.keyClick(notes.follow_up_form.when, Qt.Key.Key_Return)
    settle()
    assert not notes.follow_up_form.isVisible()
    assert editor.viewport().height() >= 2 * line
    assert not window_fit_problems(live), window_fit_problems(live)


@pytest.fixture
def normal_live(qtbot: QtBot, store: Store) -> Iterator[LiveWindow]:
    window = open_shipped_live(qtbot, store, DEFAULTS)
    yield window
    if window.session.domain.is_running:
        window.session.end(None)
    assert store.writer.flush(5)


def overlaps(first: QWidget, second: QWidget) -> bool:
    window = first.window()
    one = first.geometry().translated(first.parentWidget().mapTo(window, QPoint(0, 0)))
    two = second.geometry().translated(second.parentWidget().mapTo(window, QPoint(0, 0)))
    return second.isVisible() and one.intersects(two)


def test_a_wrong_date_is_said_in_the_form_and_next_tuesday_is_read(
    qtbot: QtBot, normal_live: LiveWindow
) -> None:
    live = normal_live
    form = live.notes.follow_up_form
    qtbot.keyClick(live, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    type_keys(qtbot, "someday")
    qtbot.keyClick(form.when, Qt.Key.Key_Return)
    settle()
    assert form.isVisible() and form.error.isVisible()
    assert "'someday' is not a date" in form.error.text()
    assert form.when.text() == "someday"  # kept to be mended
    assert not window_fit_problems(live), window_fit_problems(live)
    shoot(live, "follow-up-wrong-date")
    form.when.selectAll()
    type_keys(qtbot, "next tuesday")
    qtbot.keyClick(form.when, Qt.Key.Key_Return)
    follow_up = live.session.domain.follow_up
    assert follow_up is not None and follow_up.weekday() == 1
    assert not form.isVisible()


def test_returning_to_a_note_starts_a_new_line_and_undo_goes_back_one_burst(
    qtbot: QtBot, normal_live: LiveWindow
) -> None:
    live = normal_live
    editor = live.notes.editors[live.notes.current_field]
    qtbot.keyClick(live, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    type_keys(qtbot, "They ordered pineapple.")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not live.typing
    # A letter while not typing goes back to the note, and on a line of its own.
    qtbot.keyClicks(live.card, "R")
    assert live.focusWidget() is editor
    type_keys(qtbot, "eal concern")
    assert editor.toPlainText() == "They ordered pineapple.\nReal concern"
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText().rstrip() == "They ordered pineapple."
    while editor.toPlainText() != "They ordered pineapple.":
        qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert editor.toPlainText().startswith("They ordered pineapple.")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == ""


def test_larger_step_text_applies_during_the_meeting(qtbot: QtBot, normal_live: LiveWindow) -> None:
    from PySide6.QtGui import QFontInfo

    from app.settings import shared_settings
    from app.ui.live.step_card import LARGE_TEXT_FACTOR, TITLE_PX

    live = normal_live
    assert QFontInfo(live.card.title.font()).pixelSize() == TITLE_PX
    shared_settings().update(large_step_text=True)
    larger = round(TITLE_PX * LARGE_TEXT_FACTOR)
    qtbot.waitUntil(lambda: QFontInfo(live.card.title.font()).pixelSize() == larger)
    settle()
    assert not window_fit_problems(live), window_fit_problems(live)
    shoot(live, "larger-text-live")
    # The words to say shorten last, and never inside a word.
    for line in live.card.say_lines:
        if line.elided:
            last = line.text().splitlines()[-1].rstrip("…").split()[-1]
            assert last in line.full_text.split(), line.text()


def test_whole_step_leaves_a_way_back_where_the_notes_were(
    qtbot: QtBot, normal_live: LiveWindow
) -> None:
    live = normal_live
    qtbot.keyClick(live, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    settle()
    column = live.step_column
    hint = column.notes_hint
    assert column.whole_step and not live.notes.isVisible() and hint.isVisible()
    assert "Back to the notes" in hint.text()
    nav = live.previous_button.parentWidget()
    # Right below Back / Next, no empty band between the step and the way back.
    assert 0 <= hint.y() - nav.geometry().bottom() <= column.SPACING + 1
    assert nav.y() - column.card_view.geometry().bottom() <= column.SPACING + 1
    shoot(live, "whole-step-hint")
    hint.linkActivated.emit("notes")
    assert not column.whole_step and live.notes.isVisible() and not hint.isVisible()


def test_toasts_and_the_cue_band_hide_nothing_needed(qtbot: QtBot, store: Store) -> None:
    from app.domain.meeting_terms import SignalSource

    live = open_shipped_live(qtbot, store, DEFAULTS, "client-crisis")
    needed = [
        live.meeting_clock,
        live.step_clock,
        live.position,
        live.card.next_step,
        live.loop_back_button,
        live.previous_button,
        live.next_button,
    ]
    for _ in range(8):
        if live.loop_back_button.isVisible():
            break
        live.session.next_step()
    live.flag_moment()
    settle()
    assert live.toast.isVisible()
    covered = [w.objectName() for w in needed if overlaps(live.toast, w)]
    assert not covered, covered
    live.show_partner_answer("Your partner is stepping in")
    settle()
    covered = [w.objectName() for w in needed if overlaps(live.toast, w)]
    assert not covered, covered
    qtbot.waitUntil(lambda: live.toast.opacity >= 1.0)
    shoot(live, "toast")
    live.session.trigger_cue("calm", SignalSource.PHONE, "msg-1")
    settle()
    assert live.overlay.band.isVisible()
    covered = [
        w.objectName()
        for w in (live.meeting_clock, live.step_clock, live.position)
        if overlaps(live.overlay.band, w)
    ]
    assert not covered, covered
    qtbot.waitUntil(lambda: live.overlay.band.opacity.opacity() >= 1.0)
    shoot(live, "cue-band")
    live.session.end(None)


def test_the_loop_back_offer_is_shortened_only_at_its_end(qtbot: QtBot, store: Store) -> None:
    live = open_shipped_live(qtbot, store, DEFAULTS, "client-crisis")
    live.resize(300, 720)
    for _ in range(8):
        if live.loop_back_button.isVisible():
            break
        live.session.next_step()
    settle()
    button = live.loop_back_button
    assert button.isVisible()
    loop = live.session.domain.offered_loop_back
    assert loop is not None
    text = button.text()
    assert "…" not in text[:-1], text
    assert loop.when in button.toolTip()
    assert text.startswith(f"↺  {loop.when[:12]}"), text
    live.session.end(None)
