"""The recap in German: the notes are quoted as written (German's "sie"/"ihr" cannot be
turned to "Sie"/"Ihr" by rules), no English rule touches them, and the dialog says so."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import NoteField
from app.export.recap import RecapDraft, recap_draft_from
from app.ui.common.fit_checks import window_fit_problems
from app.ui.recap.recap_dialog import RecapDialog

STARTED = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)
SAID = "sie fürchten, vor ihrem Finanzchef das Gesicht zu verlieren\nsie will den Plan bis Freitag"
PROMISED = "Wir rufen jeden Freitag an\nwe send the deck on Monday"


def _german_draft() -> RecapDraft:
    return recap_draft_from(
        started_at=STARTED,
        title="",
        notes={NoteField.WHAT_THEY_SAY: SAID, NoteField.COMMITMENTS: PROMISED},
        steps=[],
        follow_up=None,
    )


def test_a_german_recap_quotes_the_notes_as_written(german: None) -> None:
    body = _german_draft().body
    assert (
        "Sie haben uns gesagt:\n"
        "- sie fürchten, vor ihrem Finanzchef das Gesicht zu verlieren\n"
        "- sie will den Plan bis Freitag"
    ) in body
    # No English rule writes into a German letter (a line a colleague typed in English).
    assert "Was wir tun werden:\n- Wir rufen jeden Freitag an\n- we send the deck" in body


def test_the_german_recap_dialog_says_the_notes_are_as_written(german: None, qtbot: QtBot) -> None:
    dialog = RecapDialog(_german_draft())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    hint = dialog.findChild(QLabel, "recapNotesAsWritten")
    assert hint is not None and hint.isVisible()
    assert hint.text().startswith("Ihre Notizen stehen so im Text, wie Sie sie geschrieben haben")
    assert window_fit_problems(dialog) == []


def test_an_english_recap_turns_they_to_you_and_needs_no_such_hint(qtbot: QtBot) -> None:
    draft = recap_draft_from(
        started_at=STARTED,
        title="",
        notes={NoteField.WHAT_THEY_SAY: "They fear their CFO"},
        steps=[],
        follow_up=None,
    )
    assert "- You fear your CFO" in draft.body
    dialog = RecapDialog(draft)
    qtbot.addWidget(dialog)
    dialog.show()
    hint = dialog.findChild(QLabel, "recapNotesAsWritten")
    assert hint is not None and not hint.isVisible()
