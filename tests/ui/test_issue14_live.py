"""Issue 14 on the live window: discretion in the title, one time format, "New meeting…"
during a meeting, the keyboard model that cannot edit a note by accident, and the whole
step at a glance. Real store, real widgets offscreen, real key events."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.domain.meeting_terms import Cue, NoteField, SignalSource
from app.settings import DEFAULTS, Settings
from app.store import Store
from app.ui.common.theme import apply_look
from app.ui.live.flow import MeetingFlow
from app.ui.live.live_keys import NOT_TYPING_TEXT, TYPING_TEXT
from app.ui.live.live_window import MEETING_RUNNING_TEXT, LiveWindow
from app.ui.live.session import LiveSession
from app.ui.live.step_card import FittedLabel
from tests.meeting_factory import live_meeting_draft

from .test_live_flow import fill_and_start, wait_stored

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
    apply_look(QApplication.instance(), False)  # type: ignore[arg-type]
    playbook = library.get("ui-test")
    assert playbook is not None
    meeting = store.service.start_meeting(live_meeting_draft(playbook, CUES, "Harbor & Sons"))
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
    wait_stored(qtbot, window)
    window.session.end(None)
    assert store.writer.flush(5)


# -- a keyboard model that cannot edit a note by accident ----------------------------------


def press(qtbot: QtBot, window: LiveWindow, key: Qt.Key, text: str = "", **kwargs: object) -> None:
    """A key as the keyboard sends it: to whichever widget has the focus now."""
    target = QApplication.focusWidget() or window
    if text:
        qtbot.keyClicks(target, text)
    else:
        qtbot.keyClick(target, key, **kwargs)  # type: ignore[arg-type]


def type_text(qtbot: QtBot, window: LiveWindow, text: str) -> None:
    for character in text:
        press(qtbot, window, Qt.Key.Key_unknown, character)


def not_typing(window: LiveWindow) -> bool:
    state = window.notes.typing_state
    return (
        not window.typing
        and window.focusWidget() is window.card
        and state.full_text == NOT_TYPING_TEXT
        and window.card.property("steering") == "true"
    )


def test_keys_never_edit_a_note_by_accident(
    qtbot: QtBot, live: LiveWindow, screens_dir: Path
) -> None:
    window = live
    commitments = window.notes.editors[NoteField.COMMITMENTS]
    first = window.notes.editors[NoteField.WHAT_THEY_SAY]
    QApplication.processEvents()
    # The meeting starts not typing: arrows and Space move through the steps.
    assert not_typing(window)
    shoot(window, screens_dir, "keys-not-typing")
    apply_look(QApplication.instance(), True)  # type: ignore[arg-type]
    shoot(window, screens_dir, "keys-not-typing-dark")
    apply_look(QApplication.instance(), False)  # type: ignore[arg-type]
    press(qtbot, window, Qt.Key.Key_Space)
    assert position(window) == (2, 4)
    press(qtbot, window, Qt.Key.Key_Right)
    press(qtbot, window, Qt.Key.Key_Left)
    press(qtbot, window, Qt.Key.Key_Down)
    press(qtbot, window, Qt.Key.Key_Up)
    assert position(window) == (2, 4)
    assert first.toPlainText() == ""

    # A letter returns to the note, and is not lost.
    type_text(qtbot, window, "They feel ignored")
    assert first.toPlainText() == "They feel ignored"
    assert window.focusWidget() is first and window.typing
    QApplication.processEvents()
    assert window.notes.typing_state.full_text == TYPING_TEXT
    assert window.card.property("steering") == "false"
    shoot(window, screens_dir, "keys-typing")
    apply_look(QApplication.instance(), True)  # type: ignore[arg-type]
    shoot(window, screens_dir, "keys-typing-dark")
    apply_look(QApplication.instance(), False)  # type: ignore[arg-type]
    # Typing: Space and arrows are text keys; PageDown still moves on.
    press(qtbot, window, Qt.Key.Key_Space)
    press(qtbot, window, Qt.Key.Key_Left)
    assert first.toPlainText() == "They feel ignored " and position(window) == (2, 4)
    press(qtbot, window, Qt.Key.Key_PageDown)
    assert position(window) == (3, 4) and window.focusWidget() is first

    # Esc leaves the note; Space then moves a step and types nothing.
    press(qtbot, window, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert not_typing(window)
    press(qtbot, window, Qt.Key.Key_Space)
    assert position(window) == (4, 4)
    press(qtbot, window, Qt.Key.Key_PageUp)
    assert position(window) == (3, 4)
    assert first.toPlainText() == "They feel ignored "

    # The case from the issue: Commitments, click Next, then Space.
    press(qtbot, window, Qt.Key.Key_4, modifier=Qt.KeyboardModifier.ControlModifier)
    assert window.focusWidget() is commitments
    type_text(qtbot, window, "Send the plan")
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert position(window) == (4, 4)
    QApplication.processEvents()
    assert not_typing(window)
    press(qtbot, window, Qt.Key.Key_Left)
    assert position(window) == (3, 4)
    assert commitments.toPlainText() == "Send the plan"

    # Enter returns to the note typed in last, without a new line; a click on the card
    # leaves it again.
    press(qtbot, window, Qt.Key.Key_Return)
    assert window.focusWidget() is commitments
    assert commitments.toPlainText() == "Send the plan"
    qtbot.mouseClick(window.card.title, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert not_typing(window)

    # A cue while typing: Esc acknowledges it first and the caret stays in the note.
    press(qtbot, window, Qt.Key.Key_unknown, ".")
    assert window.focusWidget() is commitments
    with qtbot.waitSignal(window.session.cueShown, timeout=WAIT_MS):
        window.session.trigger_cue("calm", SignalSource.PHONE, "msg-1")
    with qtbot.waitSignal(window.session.cueAcknowledged, timeout=WAIT_MS):
        press(qtbot, window, Qt.Key.Key_Escape)
    assert window.focusWidget() is commitments
    press(qtbot, window, Qt.Key.Key_Escape)
    QApplication.processEvents()
    assert not_typing(window)
    assert commitments.toPlainText() == "Send the plan."
    assert window.session.domain.position == (3, 4)


# -- the whole step at a glance -------------------------------------------------------------

SHIPPED = Path(__file__).resolve().parents[2] / "playbooks"
DEFAULT_SIZE = (360, 720)
SMALLEST_SIZE = (280, 420)


def shipped_library() -> PlaybookLibrary:
    from app.domain.library import Origin, load_library

    loaded = load_library([(Origin.SHIPPED, SHIPPED)])
    assert not loaded.problems, loaded.problems
    assert len(loaded.entries) >= 4
    return loaded


def open_playbook(qtbot: QtBot, playbook_id: str, settings: Settings = DEFAULTS) -> LiveWindow:
    apply_look(QApplication.instance(), False)  # type: ignore[arg-type]
    playbook = shipped_library().get(playbook_id)
    assert playbook is not None
    session = LiveSession(None, None, playbook, CUES)
    window = LiveWindow(session, client_name="Acme", meeting_title="", settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.begin()
    return window


def text_labels(card: QWidget) -> list[QLabel]:
    return [label for label in card.findChildren(QLabel) if label.isVisibleTo(card)]


def clipped_text(window: LiveWindow) -> list[str]:
    """Every way the step's text could be cut: outside the card, the card outside its
    view, a line wider than its label, a label shorter than its lines, a scroll bar."""
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    problems: list[str] = []
    card = window.card
    scroll = window.step_column.card_view
    if scroll.verticalScrollBar().maximum() > 0:
        problems.append("the card scrolls")
    viewport = scroll.viewport()
    if card.height() > viewport.height() or card.width() > viewport.width():
        problems.append(f"card {card.size().toTuple()} > its view {viewport.size().toTuple()}")
    inside = card.contentsRect()
    for label in text_labels(card):
        name = label.objectName()
        if not inside.contains(label.geometry()):
            problems.append(f"{name} {label.geometry().getRect()} outside the card")
        if label.sizeHint().height() > label.height():
            problems.append(f"{name}: {label.sizeHint().height()} px of text in {label.height()}")
        metrics = label.fontMetrics()
        for line in label.text().split("\n"):
            if metrics.horizontalAdvance(line) > label.width():
                problems.append(f"{name}: '{line}' wider than {label.width()} px")
        if isinstance(label, FittedLabel) and label.elided and not label.text().endswith("…"):
            problems.append(f"{name} shortened without an ellipsis: {label.text()!r}")
    for label in window.findChildren(QLabel):
        # Any one-line text in the window: shown whole, or shortened with an ellipsis.
        if not label.isVisible() or label.wordWrap() or label.window() is not window:
            continue
        if label.textFormat() == Qt.TextFormat.RichText or label.parent() is card:
            continue
        if label.fontMetrics().horizontalAdvance(label.text()) > label.contentsRect().width():
            problems.append(f"{label.objectName()}: '{label.text()}' cut at {label.width()} px")
    button = window.loop_back_button
    if button.isVisible() and button.fontMetrics().horizontalAdvance(button.text()) > (
        button.width() - 16
    ):
        problems.append(f"loop-back '{button.text()}' wider than its button")
    column = window.step_column
    for part in (column.card_view, window.notes):
        if part.isVisible() and part.geometry().bottom() > column.height():
            problems.append(f"{part.objectName() or type(part).__name__} runs off the window")
    return problems


def whole_step_shown(window: LiveWindow) -> list[str]:
    """What of the step is not on the card word for word (empty: all of it is)."""
    card = window.card
    missing: list[str] = []
    labels = [card.title, card.do, *card.say_lines, *card.avoid_lines]
    for label in labels:
        shown, whole = " ".join(label.text().split()), " ".join(label.full_text.split())
        if not label.isVisibleTo(card) or label.elided or shown != whole:
            missing.append(label.full_text)
    return missing


@pytest.mark.parametrize("playbook_id", sorted(p.stem for p in SHIPPED.glob("*.toml")))
def test_every_shipped_step_fits_at_the_default_and_smallest_size(
    qtbot: QtBot, playbook_id: str, screens_dir: Path
) -> None:
    window = open_playbook(qtbot, playbook_id)
    window.resize(*DEFAULT_SIZE)
    assert window.size().toTuple() == DEFAULT_SIZE
    count = window.session.domain.position[1]
    for index in range(count):
        if index:
            window.session.next_step()
        step = window.session.domain.current_step
        problems = clipped_text(window)
        assert not problems, f"{playbook_id} step {index + 1} at 360 × 720: {problems}"
        assert not whole_step_shown(window), f"{step.title} not whole at 360 × 720"
        assert not window.card.more.isVisibleTo(window.card)
        # The notes keep at least their minimum: three lines of the note being typed.
        assert window.notes.height() >= window.notes.minimumSizeHint().height()
        shoot(window, screens_dir, f"fit-{playbook_id}-{index + 1}")

    window.resize(*SMALLEST_SIZE)
    QApplication.processEvents()
    smallest = window.size().toTuple()
    assert smallest[0] <= 300 and smallest[1] <= 480, smallest
    for index in range(count):
        if index:
            window.session.previous_step()
        problems = clipped_text(window)
        assert not problems, f"{playbook_id} at {smallest}: {problems}"
        if window.card.elided:
            # One key shows it all; Esc goes back to the notes.
            qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
            assert window.step_column.whole_step and not window.notes.isVisible()
            assert not whole_step_shown(window)
            qtbot.keyClick(window, Qt.Key.Key_Escape)
            assert not window.step_column.whole_step and window.notes.isVisible()
    shoot(window, screens_dir, f"fit-{playbook_id}-smallest")
    window.session.end(None)


def test_text_sizes_in_pixels_and_the_larger_setting(qtbot: QtBot, screens_dir: Path) -> None:
    from PySide6.QtGui import QFontInfo

    def pixels(widget: QWidget) -> int:
        return QFontInfo(widget.font()).pixelSize()

    normal = open_playbook(qtbot, "client-lashes-out")
    card = normal.card
    normal.session.next_step()
    assert pixels(card.title) >= 22
    assert pixels(card.do) >= 17
    for label in (*card.say_lines, *card.avoid_lines, card.say_heading, card.next_step):
        assert pixels(label) >= 15, label.objectName()
    assert pixels(normal.meeting_clock) >= 15 and pixels(normal.step_clock) >= 15
    large = open_playbook(qtbot, "client-lashes-out", Settings(large_step_text=True))
    large.session.next_step()
    assert pixels(large.card.title) >= 27 and pixels(large.card.do) >= 21
    assert all(pixels(label) >= 18 for label in large.card.say_lines)
    for index in range(large.session.domain.position[1]):
        if index:
            large.session.next_step()
        assert not clipped_text(large), (index, clipped_text(large))
    shoot(large, screens_dir, "fit-large-text-last")
    for window in (normal, large):
        window.session.end(None)


# -- system-wide keys that work out of the box ---------------------------------------------


def test_former_default_keys_move_to_the_new_ones_unless_chosen(data_dir: Path) -> None:
    import json

    from app.domain.hotkeys import DEFAULT_BINDINGS, FORMER_DEFAULT_BINDINGS, HotkeyAction
    from app.settings import load_settings, save_settings, settings_file

    old = {**DEFAULTS.hotkeys, **{a.value: c for a, c in FORMER_DEFAULT_BINDINGS.items()}}
    save_settings(Settings(hotkeys=old))
    assert json.loads(settings_file().read_text())["hotkeys"]["next_step"] == "ctrl+alt+right"
    # Never changed: every key moves, silently.
    assert load_settings().hotkeys == DEFAULTS.hotkeys
    assert load_settings().hotkeys["next_step"] == "ctrl+alt+page_down"

    # Changed one: that one stays; the ones left at an old default still move.
    chosen = {**old, "previous_step": "ctrl+shift+1"}
    data = json.loads(settings_file().read_text())
    data["hotkeys"] = chosen
    settings_file().write_text(json.dumps(data))
    loaded = load_settings().hotkeys
    assert loaded["previous_step"] == "ctrl+shift+1"
    assert loaded["next_step"] == DEFAULT_BINDINGS[HotkeyAction.NEXT_STEP]
    assert loaded["flag_moment"] == DEFAULT_BINDINGS[HotkeyAction.FLAG_MOMENT]

    # Today's default given to another action meanwhile: the old key stays, no clash.
    data["hotkeys"] = {**old, "ask_partner": "ctrl+alt+page_down"}
    settings_file().write_text(json.dumps(data))
    loaded = load_settings().hotkeys
    assert loaded["next_step"] == "ctrl+alt+right"
    assert loaded["ask_partner"] == "ctrl+alt+page_down"


def test_a_key_another_program_holds_is_said_in_one_line_and_works_in_the_window(
    qtbot: QtBot, store: Store, library: PlaybookLibrary, screens_dir: Path
) -> None:
    from app.ui.app_controller import AppController
    from app.ui.common.global_shortcuts import GlobalShortcuts
    from tests.platform.test_global_shortcuts import FakeHook

    hook = FakeHook(held_elsewhere=("ctrl+alt+page_down", "ctrl+alt+page_up"))
    application = QApplication.instance()
    assert isinstance(application, QApplication)
    controller = AppController(application, library, shortcuts=GlobalShortcuts(hook))
    qtbot.addWidget(controller.window)
    controller.window.close_guard = None  # closed by the test's teardown, never asked
    controller.attach_store(store)
    window = fill_and_start(qtbot, controller.ensure_flow())
    line = window.keys_line
    assert line.isVisible()
    assert line.text().startswith("Ctrl+Alt+PgDown/PgUp: only in Poise <a")  # whole, no "…"
    assert "Ctrl+Alt+PgDown/PgUp: only in Poise" in line.toolTip()
    assert "another program holds them" in line.toolTip()
    assert line.height() < 2 * line.fontMetrics().lineSpacing()  # one line
    shoot(window, screens_dir, "keys-not-heard")
    # The same chord works while the window has the focus, and so does PageDown.
    start = position(window)[0]
    qtbot.keyClick(
        window.card,
        Qt.Key.Key_PageDown,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    assert position(window)[0] == start + 1
    qtbot.keyClick(window.card, Qt.Key.Key_PageDown)
    assert position(window)[0] == start + 2
    # The keys it could have work system-wide, as before.
    hook.press_from_hook_thread("ctrl+alt+space")
    line.linkActivated.emit("dismiss")
    assert not line.isVisible()
    wait_stored(qtbot, window)
    window.session.end(None)
    assert store.writer.flush(5)


def test_settings_offer_larger_text_and_the_client_in_the_title(
    qtbot: QtBot, data_dir: Path
) -> None:
    from app.settings import load_settings
    from app.ui.settings.settings_dialog import SettingsDialog

    dialog = SettingsDialog(shortcuts=None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.large_text.isChecked() and not dialog.client_in_title.isChecked()
    for box in (dialog.large_text, dialog.client_in_title):
        # On the box itself, where a person clicks.
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    dialog.accept()
    saved = load_settings()
    assert saved.large_step_text and saved.client_name_in_title
