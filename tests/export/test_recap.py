"""The recap message, as plain Python: what it says, what it leaves out, and how it travels
(a mailto: link parsed back, an .eml parsed back with the standard library)."""

from __future__ import annotations

import email
import stat
import sys
from datetime import UTC, date, datetime
from email import policy
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from app.domain.meeting_terms import NoteField
from app.export.recap import RecapStep, eml_bytes, mailto_url, recap_draft_from

STARTED = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
NOTES = {
    NoteField.WHAT_THEY_SAY: "- Three late deliveries in March\n- Nobody called back",
    NoteField.NOT_SAYING: "Worried about their own boss",
    NoteField.REAL_CONCERN: "Their Easter promotion depends on us",
    NoteField.COMMITMENTS: "We name one contact; they send the Easter volumes",
    NoteField.FREE: "Sam looked tired",
}
STEPS = [
    RecapStep("Send the revised delivery plan", "Sam", date(2025, 3, 14)),
    RecapStep("Share the Easter volumes", "Harbor & Finch", None),
    RecapStep("Credit the late fee", "", None, done=True),
]


def test_the_recap_restates_thanks_lists_steps_and_says_when_we_are_back():
    draft = recap_draft_from(
        started_at=STARTED,
        title="Missed pallets",
        notes=NOTES,
        steps=STEPS,
        follow_up=date(2025, 3, 17),
    )
    assert draft.subject == "Our meeting on Mon 10 Mar 2025: Missed pallets"
    body = draft.body
    assert body.startswith("Hello,\n\nThank you for meeting with me on Mon 10 Mar 2025.")
    assert "You told us:\n- Three late deliveries in March\n- Nobody called back" in body
    # Commitments as promises, spoken to the client.
    assert "What we will do:\n- We will name one contact; you send the Easter volumes" in body
    assert (
        "Next steps:\n- Send the revised delivery plan (Sam, by Fri 14 Mar 2025)\n"
        "- Share the Easter volumes (Harbor & Finch)"
    ) in body
    assert "Already done:\n- Credit the late fee" in body
    assert "I will be back in touch by Mon 17 Mar 2025." in body
    # The user's private reading of the room never goes into a message to the client:
    # neither what they are not saying, nor the real concern, nor the free notes.
    assert "boss" not in body and "tired" not in body and "Easter promotion" not in body
    assert "they" not in body.lower().replace("thank", "")


def test_empty_fields_are_left_out_and_nothing_is_invented():
    draft = recap_draft_from(started_at=STARTED, title="", notes={}, steps=[], follow_up=None)
    assert draft.subject == "Our meeting on Mon 10 Mar 2025"
    for absent in ("told us", "will do", "Next steps", "back in touch", "done"):
        assert absent not in draft.body
    assert draft.body.count("\n\n") == 2  # hello, thanks for meeting, thanks again


def test_the_mailto_link_parses_back_to_the_same_words():
    draft = recap_draft_from(
        started_at=STARTED, title="R&D: 50% off?", notes=NOTES, steps=STEPS, follow_up=None
    )
    url = mailto_url(draft.subject, draft.body, to="ops@harbor-finch.example")
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and unquote(parts.path) == "ops@harbor-finch.example"
    assert " " not in url and "\n" not in url and "&D" not in url
    query = parse_qs(parts.query, keep_blank_values=True)
    assert query["subject"] == [draft.subject]
    assert query["body"] == [draft.body.replace("\n", "\r\n")]


def test_the_eml_parses_back_as_an_unsent_draft():
    draft = recap_draft_from(
        started_at=STARTED, title="Crème brûlée", notes=NOTES, steps=STEPS, follow_up=None
    )
    data = eml_bytes(draft.subject, draft.body, to="ops@harbor-finch.example")
    message = email.message_from_bytes(data, policy=policy.default)
    assert message["Subject"] == draft.subject
    assert message["To"] == "ops@harbor-finch.example"
    assert message["X-Unsent"] == "1"
    assert message.get_content_type() == "text/plain"
    assert message.get_content().replace("\r\n", "\n") == draft.body
    assert b"\r\n" in data  # mail files use CRLF line ends


def test_what_they_said_is_told_back_to_them_in_the_second_person():
    draft = recap_draft_from(
        started_at=STARTED,
        title="",
        notes={
            NoteField.WHAT_THEY_SAY: (
                "They fear losing face with their CFO\nThey're tired of waiting"
            ),
            NoteField.COMMITMENTS: "we call every Friday\nI'll send the plan",
        },
        steps=[],
        follow_up=None,
    )
    assert "You told us:\n- You fear losing face with your CFO\n- You're tired of waiting" in (
        draft.body
    )
    assert "What we will do:\n- We will call every Friday\n- I'll send the plan" in draft.body


def _saved_through_the_dialog(qtbot, tmp_path, subject: str, to: str) -> Path:
    from PySide6.QtCore import Qt

    from app.export.recap import RecapDraft
    from app.ui.recap.recap_dialog import RecapDialog

    dialog = RecapDialog(RecapDraft(subject="", body="Hello,\n\nThank you.\n"))
    qtbot.addWidget(dialog)
    # As pasted: QLineEdit keeps the line break a paste brings.
    dialog.subject_edit.setText(subject)
    dialog.to_edit.setText(to)
    path = tmp_path / "recap.eml"
    dialog.ask_eml_path = lambda suggested: path
    qtbot.mouseClick(dialog.eml_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text() != "")
    assert dialog.status.text().startswith(f"Saved {path}"), dialog.status.text()
    return path


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_saved_eml_is_readable_by_the_user_alone(qtbot, tmp_path):
    path = _saved_through_the_dialog(qtbot, tmp_path, "Our meeting", "ops@harbor-finch.example")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_line_break_pasted_into_the_subject_or_to_still_saves_on_one_line(qtbot, tmp_path):
    path = _saved_through_the_dialog(
        qtbot, tmp_path, "Our meeting\nwith Harbor Finch\r\n", "ops@harbor-finch.example\n"
    )
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["Subject"] == "Our meeting with Harbor Finch"
    assert message["To"] == "ops@harbor-finch.example"


@pytest.mark.parametrize(
    "title",
    [
        "=?utf-8?b?SGVsbG8=?=",
        "Budget =?utf-8?q?x?= and " + "a long tail of words, é and 😀, " * 4,
    ],
)
def test_an_encoded_word_typed_in_a_title_reaches_the_reader_as_typed(title):
    draft = recap_draft_from(
        started_at=STARTED, title=title + "\nsecond line", notes=NOTES, steps=STEPS, follow_up=None
    )
    assert draft.subject.endswith(f": {title.strip()} second line")
    message = email.message_from_bytes(eml_bytes(draft.subject, draft.body), policy=policy.default)
    assert message["Subject"] == draft.subject
    assert all(len(line) <= 78 for line in eml_bytes(draft.subject, "").split(b"\r\n"))
