"""The brief for the partner in the prepare dialog, as a person fills it: the real dialog
clicked and typed, the brief reaching the plan and the live session, the role and signs
remembered through the real settings file, what the partner noticed last time read from a
real SQLite store, and a store that fails leaving the dialog usable."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.domain.partner_watch import (
    CueMeaning,
    Observation,
    PartnerBrief,
    QuickObservation,
    WarningSign,
)
from app.settings import load_settings, settings_file, shared_settings
from app.store import Store
from app.store.errors import DatabaseUnavailable
from app.ui.live.flow import MeetingFlow
from app.ui.live.live_window import LiveWindow
from app.ui.prepare.partner_brief_editor import default_role
from app.ui.prepare.prepare_dialog import PrepareDialog
from tests.meeting_factory import draft
from tests.ui.test_live_flow import open_prepare

WAIT_MS = 5000


def click(qtbot: QtBot, widget: QWidget) -> None:
    """A click where a person sees the control: once it is laid out on screen."""
    qtbot.waitUntil(lambda: widget.isVisible() and not widget.rect().isEmpty(), timeout=WAIT_MS)
    # A check box takes a click on its box or words: near its left end.
    where = (
        QPoint(8, widget.height() // 2) if isinstance(widget, QCheckBox) else widget.rect().center()
    )
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=where)


def fill_details(qtbot: QtBot, dialog: PrepareDialog, partner: str) -> None:
    qtbot.keyClicks(dialog.client.lineEdit(), "Harbor & Sons")
    qtbot.keyClicks(dialog.title, "Missed launch date")
    dialog.partner.clear()
    qtbot.keyClicks(dialog.partner, partner)


def start(qtbot: QtBot, flow: MeetingFlow, dialog: PrepareDialog) -> LiveWindow:
    click(qtbot, dialog.next_button)
    assert dialog.pages.currentIndex() == 1, dialog.error.text()
    with qtbot.waitSignal(flow.sessionStarted, timeout=WAIT_MS) as started:
        click(qtbot, dialog.start_button)
    window = started.args[1]
    assert isinstance(window, LiveWindow)
    qtbot.addWidget(window)
    return window


def test_the_brief_typed_reaches_the_plan_and_the_live_session_and_is_remembered(
    qtbot: QtBot, store: Store, library: PlaybookLibrary
) -> None:
    flow = MeetingFlow(store, library)
    dialog = open_prepare(qtbot, flow)
    brief = dialog.brief
    assert not brief.isVisibleTo(dialog)  # no partner named: nothing to brief
    fill_details(qtbot, dialog, "Dana")
    assert brief.isVisibleTo(dialog)
    assert brief.role.text() == default_role()
    click(qtbot, brief.sign_boxes[WarningSign.YES_BUT])
    click(qtbot, brief.sign_boxes[WarningSign.RAISED_VOICE])
    qtbot.keyClicks(brief.own, "talking fast, tapping the pen,  talking fast")
    assert len(brief.meaning_lines) == len(dialog.cue_rows) == 1
    qtbot.keyClicks(brief.meaning_lines[0].meaning, "when I interrupt")
    click(qtbot, dialog.add_cue)  # a second cue: its meaning line follows
    assert len(brief.meaning_lines) == 2
    second = dialog.cue_rows[1]
    assert brief.meaning_lines[1].meaning.accessibleName() == (
        f"What “{second.label.text()}” means"
    )
    second.label.setText("Wrap up")
    assert brief.meaning_lines[1].name.text() == "“Wrap up” means"
    qtbot.keyClicks(brief.meaning_lines[1].meaning, "when we run over")
    window = start(qtbot, flow, dialog)

    plan = dialog.plan
    assert plan is not None and plan.partner_brief is not None
    first_cue, second_cue = plan.cues
    expected = PartnerBrief(
        partner_name="Dana",
        role=default_role(),
        signs=("yes_but", "raised_voice", "talking fast", "tapping the pen"),
        cue_meanings=(
            CueMeaning(first_cue.key, first_cue.label, "when I interrupt"),
            CueMeaning(second_cue.key, "Wrap up", "when we run over"),
        ),
    )
    assert plan.partner_brief == expected
    assert plan.partner_brief_changes is None  # Dana was never briefed before
    assert window.session.partner_brief == expected
    # Remembered in the real settings file, as the next meeting's starting point; the
    # default role is kept as "" so it follows the user's language.
    qtbot.waitUntil(
        lambda: (
            settings_file().is_file()
            and "last_warning_signs" in settings_file().read_text(encoding="utf-8")
        ),
        timeout=WAIT_MS,
    )
    saved = json.loads(settings_file().read_text(encoding="utf-8"))
    assert saved["last_warning_signs"] == list(expected.signs)
    assert saved["last_partner_role"] == ""
    again = load_settings(settings_file())
    assert again.last_warning_signs == expected.signs


def test_the_next_prepare_starts_from_the_remembered_brief(
    qtbot: QtBot, store: Store, library: PlaybookLibrary, data_dir: Path
) -> None:
    shared_settings().update(
        last_partner_name="Dana",
        last_partner_role="Watch my hands",
        last_warning_signs=("over_explaining", "tapping the pen"),
    )
    flow = MeetingFlow(store, library)
    dialog = open_prepare(qtbot, flow)
    brief = dialog.brief
    assert brief.isVisibleTo(dialog)
    assert brief.role.text() == "Watch my hands"
    ticked = [sign for sign, box in brief.sign_boxes.items() if box.isChecked()]
    assert ticked == [WarningSign.OVER_EXPLAINING]
    assert brief.own.text() == "tapping the pen"
    # Nothing typed yet: Esc closes without asking.
    dialog.reject()
    assert not dialog.isVisible()


def test_a_damaged_remembered_sign_list_is_set_aside_for_the_default(data_dir: Path) -> None:
    path = data_dir / "settings.json"
    data_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({"last_warning_signs": ["x" * 500], "last_partner_role": "Keep score"}),
        encoding="utf-8",
    )
    settings = load_settings(path)
    assert settings.last_warning_signs == ()
    assert settings.last_partner_role == "Keep score"


def _met_before(store: Store) -> None:
    """Two earlier meetings with Dana: her brief, and what she noticed in each."""
    old_brief = PartnerBrief(
        "Dana",
        "Keep me calm",
        ("interrupting",),
        (CueMeaning("calm", "Calm down", "when I get loud"),),
    )
    for day, words in ((3, "crossed arms"), (5, "asked twice about the refund")):
        at = datetime(2025, 3, day, 9, 30, tzinfo=UTC)
        meeting = store.service.start_meeting(
            draft(started_at=at, partner_name="Dana", partner_brief=old_brief)
        )
        for number, kind in enumerate((QuickObservation.YOU_TENSED_UP, None)):
            store.service.record_observation(
                meeting.id,
                Observation(f"{day}-{number}", at, "listen", "Listen", kind, "" if kind else words),
            )
        store.service.end_meeting(meeting.id, at)


def test_what_the_partner_noticed_last_time_shows_and_gives_what_changed(
    qtbot: QtBot, store: Store, library: PlaybookLibrary
) -> None:
    _met_before(store)
    flow = MeetingFlow(store, library)
    dialog = open_prepare(qtbot, flow)
    fill_details(qtbot, dialog, "dana ")
    brief = dialog.brief
    qtbot.waitUntil(lambda: brief.history.isVisibleTo(dialog), timeout=WAIT_MS)
    lines = brief.history.text().splitlines()
    assert lines[0] == "Last time dana noticed: You tensed up; asked twice about the refund"
    assert lines[1] == "Seen most often: You tensed up (2×)"
    # What was said of a cue before is offered again.
    assert dialog.cue_rows[0].original_key == "calm"
    assert brief.meaning_lines[0].meaning.text() == "when I get loud"
    click(qtbot, brief.sign_boxes[WarningSign.PROMISING_A_DATE])
    brief.role.setText("Keep me calm")
    window = start(qtbot, flow, dialog)
    changes = window.session.partner_brief_changes
    assert changes is not None
    assert changes.signs_added == ("promising_a_date",)
    assert changes.signs_removed == ("interrupting",)
    assert not changes.role_changed and changes.cues_changed == ()


def test_another_partner_clears_the_lines_and_claims_no_changes(
    qtbot: QtBot, store: Store, library: PlaybookLibrary
) -> None:
    _met_before(store)
    flow = MeetingFlow(store, library)
    dialog = open_prepare(qtbot, flow)
    fill_details(qtbot, dialog, "Dana")
    brief = dialog.brief
    qtbot.waitUntil(lambda: brief.history.isVisibleTo(dialog), timeout=WAIT_MS)
    dialog.partner.clear()
    qtbot.keyClicks(dialog.partner, "Robin")
    qtbot.waitUntil(lambda: not brief.history.isVisibleTo(dialog), timeout=WAIT_MS)
    assert brief.history_partner == "Robin" and brief.last_brief is None
    window = start(qtbot, flow, dialog)
    assert window.session.partner_brief_changes is None
    assert window.session.partner_brief is not None


def test_a_store_not_open_or_failing_leaves_the_lines_out_and_the_dialog_usable(
    qtbot: QtBot, store: Store, library: PlaybookLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    closed_flow = MeetingFlow(None, library)
    dialog = open_prepare(qtbot, closed_flow)
    fill_details(qtbot, dialog, "Dana")
    qtbot.wait(2 * dialog.brief.SETTLE_DELAY_MS)  # the name settles; nothing is asked
    assert not dialog.brief.history.isVisibleTo(dialog)
    click(qtbot, dialog.next_button)
    assert dialog.pages.currentIndex() == 1
    dialog.done(0)

    _met_before(store)
    asked: list[str] = []

    def refuse(partner_name: str) -> None:
        asked.append(partner_name)
        raise DatabaseUnavailable("The database cannot be reached.", location="test")

    monkeypatch.setattr(store.service, "partner_history", refuse)
    flow = MeetingFlow(store, library)
    dialog = open_prepare(qtbot, flow)
    fill_details(qtbot, dialog, "Dana")
    qtbot.waitUntil(lambda: asked == ["Dana"], timeout=WAIT_MS)
    qtbot.waitUntil(lambda: flow.client.pending == 0, timeout=WAIT_MS)
    assert not dialog.brief.history.isVisibleTo(dialog)
    assert not dialog.error.isVisible()
    window = start(qtbot, flow, dialog)
    assert window.session.partner_brief_changes is None


def test_tab_walks_the_brief_in_reading_order_and_every_control_is_named(
    qtbot: QtBot, store: Store, library: PlaybookLibrary
) -> None:
    flow = MeetingFlow(store, library)
    dialog = open_prepare(qtbot, flow)
    fill_details(qtbot, dialog, "Dana")
    click(qtbot, dialog.add_cue)  # a row added after the brief was built comes before it
    brief = dialog.brief
    qtbot.waitUntil(lambda: dialog.cue_rows[-1].label.isVisible(), timeout=WAIT_MS)
    dialog.partner.setFocus()
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.partner, timeout=WAIT_MS)
    reached: list[QWidget] = []
    for _ in range(30):
        widget = dialog.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        now = dialog.focusWidget()
        assert now is not None
        if now is dialog.next_button or now in reached:
            break
        reached.append(now)
    rows = dialog.cue_rows
    expected: list[QWidget] = []
    for row in rows:
        expected += [row.label, row.words, row.style_picker]
        if row.remove.isVisible():
            expected.append(row.remove)
    expected += [dialog.add_cue, *brief.focus_chain()]
    assert reached[: len(expected)] == expected
    for control in brief.focus_chain():
        said = control.accessibleName() or getattr(control, "text", lambda: "")()
        assert said.strip(), f"{type(control).__name__} {control.objectName()!r} has no name"
    assert brief.meaning_lines[1].meaning.accessibleName().startswith("What “")


def test_too_many_signs_are_refused_in_german_and_nothing_typed_is_lost(
    qtbot: QtBot, german: None, library: PlaybookLibrary, data_dir: Path
) -> None:
    dialog = PrepareDialog(library, [], load_settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fill_details(qtbot, dialog, "Maximiliane")
    brief = dialog.brief
    for box in brief.sign_boxes.values():
        click(qtbot, box)
    typed = "schnell reden, mit dem Stift klopfen, seufzen, Arme kreuzen"
    qtbot.keyClicks(brief.own, typed)
    click(qtbot, dialog.next_button)
    assert dialog.pages.currentIndex() == 0
    assert dialog.error.text() == "Höchstens 8 Warnzeichen sind möglich."
    assert brief.own.text() == typed
    assert brief.meaning_lines[0].name.text() == "„Ruhig bleiben“ bedeutet"
