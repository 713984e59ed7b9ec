"""The end-of-meeting summary worth keeping (issue 16): the notes given back, stamped lines
and flags, requests to the partner with their answers, the recap draft and each export,
through a real meeting with a real SQLite store; screens in light and dark."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.domain.library import PlaybookLibrary
from app.domain.meeting_terms import NoteField
from app.store import Store
from app.ui.live.end_dialog import EndMeetingDialog
from app.ui.live.flow import MeetingFlow
from tests.ui.test_live_flow import WAIT_MS, fill_and_start, shoot


def test_summary_gives_back_notes_lines_requests_recap_and_exports(
    qtbot: QtBot,
    store: Store,
    library: PlaybookLibrary,
    screens_dir: Path,
    look: str,
    tmp_path: Path,
) -> None:
    flow = MeetingFlow(store, library)
    window = fill_and_start(qtbot, flow)
    session = window.session
    window.notes.editors[NoteField.WHAT_THEY_SAY].setPlainText(
        "Three late deliveries\nNo call back"
    )
    window.notes.editors[NoteField.NOT_SAYING].setPlainText("Their boss is on their back")
    window.notes.editors[NoteField.COMMITMENTS].setPlainText("A named contact by Friday")
    session.stamp_line("They want one person to call")
    window.flag_moment()
    asked = session.ask_partner("step_in")
    session.record_partner_answer(asked)
    session.ask_partner("moment")  # never answered
    assert session.add_action_item("Send the revised plan", "Sam", None)

    window.end_button.click()
    dialog = window.findChild(EndMeetingDialog, "endMeetingDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.when.setText("")
    qtbot.keyClicks(dialog.when, "+7")
    with qtbot.waitSignal(flow.summaryShown, timeout=WAIT_MS) as shown:
        dialog.end_button.click()
    summary = shown.args[0]
    qtbot.addWidget(summary)
    qtbot.waitExposed(summary)

    texts = [label.text() for label in summary.findChildren(QLabel)]
    assert "Three late deliveries\nNo call back" in texts and "What they say" in texts
    assert "A named contact by Friday" in texts and "Commitments" in texts
    assert "STAMPED LINES AND FLAGS" in texts
    assert "✎ They want one person to call" in texts and "⚑ Flagged moment" in texts
    assert "REQUESTS TO YOUR PARTNER" in texts
    assert any(t.startswith("Your partner is stepping in, after") for t in texts)
    assert "no answer" in texts
    # The requests are not repeated among the stamped lines.
    assert not any(t.startswith("✎ You asked your partner") for t in texts)
    shoot(summary, screens_dir, "summary-follow-through", look)

    recap = summary.open_recap()
    qtbot.waitExposed(recap)
    body = recap.body()
    assert "You told us:\n- Three late deliveries\n- No call back" in body
    assert "What we will do:\n- A named contact by Friday" in body
    assert "- Send the revised plan (Sam)" in body
    assert "boss" not in body  # what they are not saying stays private
    assert "I will be back in touch by" in body
    shoot(recap, screens_dir, "summary-recap", look)
    recap.close()

    qtbot.waitUntil(lambda: summary.export_buttons["pdf"].isEnabled(), timeout=WAIT_MS)
    summary.ask_export_path = lambda kind, suggested: tmp_path / suggested
    summary.export_buttons["pdf"].click()
    qtbot.waitUntil(lambda: summary.message_line.text().startswith("Saved"), timeout=WAIT_MS)
    written = tmp_path / summary.message_line.text().removeprefix("Saved ").split(" in ")[0]
    assert summary.message_line.text().endswith(f" in {tmp_path}")  # says where
    assert written.name.endswith("Harbor & Sons - Missed launch date.pdf")
    text = subprocess.run(
        ["pdftotext", str(written), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Three late deliveries" in text
    assert "Page 1 of " in text
    summary.export_buttons["ics"].click()
    qtbot.waitUntil(lambda: ".ics in " in summary.message_line.text(), timeout=WAIT_MS)
    name = summary.message_line.text().removeprefix("Saved ").split(" in ")[0]
    assert (tmp_path / name).read_bytes().startswith(b"BEGIN:VCALENDAR")
    summary.close()
