"""The one-screen summary after a meeting: how long, which steps, the cues and how fast
they were acknowledged, the action items, the follow-up date, and what to do next.

It also gives back the notes (a few lines per field), the stamped lines and flagged
moments, the requests to the partner with their answers, and buttons for the recap
draft (made here from what the meeting holds) and each export (``exportRequested``:
the flow loads the stored meeting and writes the file).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.domain.meeting_session import CueState, MeetingRecap, format_elapsed
from app.domain.meeting_terms import FLAG_TEXT, NoteField
from app.domain.partner_requests import RequestToPartner
from app.export.file_names import export_file_name
from app.export.recap import RecapStep, recap_draft_from
from app.settings import shared_settings
from app.ui.common.export_folders import ExportFolders
from app.ui.common.meeting_export import EXPORT_KINDS
from app.ui.recap.recap_dialog import Background, RecapDialog

NOTE_LINES = 4  # lines of each note field the summary shows


def _seconds(span: timedelta) -> str:
    seconds = span.total_seconds()
    return f"{seconds:.0f} s" if seconds < 90 else format_elapsed(span)


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _loop_backs(count: int) -> str:
    if count == 0:
        return ""
    return ", 1 loop-back" if count == 1 else f", {count} loop-backs"


class SummaryWindow(QWidget):
    """Shown when a meeting ends; ``reviewRequested`` is for the review window (issue 6)."""

    reviewRequested = Signal(int)  # noqa: N815 (Qt signal naming) -- meeting id
    exportRequested = Signal(str, object)  # noqa: N815 -- 'md'/'pdf'/'ics', Path

    def __init__(
        self,
        recap: MeetingRecap,
        *,
        meeting_id: int | None,
        client_name: str,
        meeting_title: str,
        parent: QWidget | None = None,
        started_at: datetime | None = None,
        notes: dict[NoteField, str] | None = None,
        lines: Sequence[tuple[datetime, str]] = (),
        requests: Sequence[RequestToPartner] = (),
        export_folders: ExportFolders | None = None,
        background: Background | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("summaryWindow")
        # Like the live window's: the client is named in the title only if the user asked.
        named = f"{client_name} · " if shared_settings().current.client_name_in_title else ""
        self.setWindowTitle(f"Summary · {named}{APP_NAME}")
        self.meeting_id = meeting_id
        self._review_available = False
        self.recap = recap
        self.client_name = client_name
        self.meeting_title = meeting_title
        self.started_at = started_at
        self.notes = dict(notes or {})
        self.export_folders = export_folders or ExportFolders()
        self._background = background  # the app's store client, for the recap's file
        # Overridable in tests; the default asks with a file dialog in the last folder.
        self.ask_export_path: Callable[[str, str], Path | None] = self._ask_export_path
        self.recap_dialog: RecapDialog | None = None

        heading = QLabel("Meeting ended")
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        heading.setFont(font)
        who = QLabel(f"{client_name} · {meeting_title}")
        who.setObjectName("muted")
        who.setWordWrap(True)

        facts = QGridLayout()
        facts.setHorizontalSpacing(18)
        facts.setVerticalSpacing(4)
        seen = len(recap.steps_seen)
        acknowledged = recap.acknowledged_cues
        average = recap.average_time_to_acknowledge
        signals_text = (
            f"{len(recap.cues)} · {acknowledged} acknowledged"
            + (f", in {_seconds(average)} on average" if average is not None else "")
            if recap.cues
            else "none"
        )
        follow_up = long_date(recap.follow_up) if recap.follow_up else "not set"
        rows = [
            ("Duration", format_elapsed(recap.duration)),
            ("Steps", f"{seen} of {recap.steps_total} visited{_loop_backs(recap.loop_backs)}"),
            ("Cues", signals_text),
            ("Follow-up", follow_up),
        ]
        self.fact_labels: dict[str, QLabel] = {}
        for row, (name, value) in enumerate(rows):
            label = QLabel(name)
            label.setObjectName("muted")
            shown = QLabel(value)
            shown.setObjectName(f"fact_{name.lower().replace('-', '_')}")
            shown.setWordWrap(True)
            facts.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(shown, row, 1)
            self.fact_labels[name] = shown
        facts.setColumnStretch(1, 1)

        body = QVBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(6)
        body.addWidget(self._section("STEPS"))
        for step, spent in recap.steps_seen:
            body.addWidget(self._line(f"{step.title}", format_elapsed(spent)))
        if recap.cues:
            body.addWidget(self._section("CUES"))
            for cue in recap.cues:
                at = cue.shown_at.astimezone().strftime("%H:%M")
                if cue.state is CueState.ACKNOWLEDGED and cue.time_to_acknowledge is not None:
                    outcome = f"acknowledged in {_seconds(cue.time_to_acknowledge)}"
                else:
                    outcome = "faded unacknowledged"
                body.addWidget(
                    self._line(f"{at}  {cue.cue.label} · from {cue.source.label}", outcome)
                )
        body.addWidget(self._section("ACTION ITEMS"))
        if recap.action_items:
            for item in recap.action_items:
                details = " · ".join(
                    part
                    for part in (item.owner, f"due {item.due:%a %d %b}" if item.due else "")
                    if part
                )
                body.addWidget(self._line(item.text, details))
        else:
            body.addWidget(self._line("None noted", ""))
        self._add_notes(body)
        self._add_lines(body, lines)
        self._add_requests(body, requests)
        if recap.after_steps:
            body.addWidget(self._section("NEXT"))
            for step in recap.after_steps:
                next_line = QLabel(f"<b>{escape(step.title)}</b><br>{escape(step.do)}")
                next_line.setWordWrap(True)
                body.addWidget(next_line)
        body.addStretch(1)
        inner = QWidget()
        inner.setLayout(body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)

        self.review_button = QPushButton("Open in review")
        self.review_button.setObjectName("openReviewButton")
        self.review_button.setToolTip("Opens once Poise has opened your notes")
        self.review_button.setEnabled(False)
        self._deleted = False  # deleted in the review while this window stayed open
        self.review_button.clicked.connect(lambda: self.reviewRequested.emit(self.meeting_id))
        done = QPushButton("Done")
        done.setObjectName("primaryButton")
        done.setDefault(True)
        done.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)
        buttons.addWidget(done)
        self.recap_button = QPushButton("Recap draft…")
        self.recap_button.setObjectName("recapDraftButton")
        self.recap_button.setToolTip("A recap message for the client, to edit and send yourself")
        self.recap_button.clicked.connect(self.open_recap)
        self.export_buttons: dict[str, QPushButton] = {}
        follow_through = QHBoxLayout()
        follow_through.addWidget(self.recap_button)
        follow_through.addStretch(1)
        for kind, text in (("md", "Markdown…"), ("pdf", "PDF…"), ("ics", "Calendar…")):
            button = QPushButton(text)
            button.setObjectName(f"export_{kind}")
            button.clicked.connect(self._export_clicked)
            button.setProperty("exportKind", kind)
            follow_through.addWidget(button)
            self.export_buttons[kind] = button
        self._refresh_export_buttons()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(who)
        layout.addLayout(facts)
        layout.addWidget(scroll, 1)
        self.unsaved_line = QLabel()
        self.unsaved_line.setObjectName("problemLine")
        self.unsaved_line.setWordWrap(True)
        self.unsaved_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unsaved_line.hide()
        layout.addWidget(self.unsaved_line)
        self.message_line = QLabel()
        self.message_line.setObjectName("muted")
        self.message_line.setWordWrap(True)
        self.message_line.hide()
        layout.addWidget(self.message_line)
        layout.addLayout(follow_through)
        layout.addLayout(buttons)
        self.resize(460, 620)

    def enable_review(self) -> None:
        """Issue 6 hook: the review window exists; let the button open it."""
        self._review_available = True
        self._refresh_review_button()

    def set_meeting_id(self, meeting_id: int) -> None:
        """The meeting reached the store after the summary opened."""
        self.meeting_id = meeting_id
        self._refresh_review_button()
        self._refresh_export_buttons()

    def meeting_deleted(self, meeting_id: int) -> None:
        """The review deleted a meeting: if it is this one, nothing here may open it now."""
        if meeting_id != self.meeting_id:
            return
        self._deleted = True
        for button in (self.review_button, *self.export_buttons.values()):
            button.setEnabled(False)
            button.setToolTip("This meeting was deleted")
        self.show_message("This meeting was deleted in the review: it is no longer in Poise.")

    def _refresh_export_buttons(self) -> None:
        if self._deleted:
            return
        stored = self.meeting_id is not None
        for button in self.export_buttons.values():
            button.setEnabled(stored)
            button.setToolTip(
                "Export this meeting as it is stored"
                if stored
                else "Exports open once the meeting is in your notes database"
            )

    def show_message(self, text: str) -> None:
        self.message_line.setText(text)
        self.message_line.show()

    # -- the recap and the exports ---------------------------------------------------------

    def open_recap(self) -> RecapDialog:
        draft = recap_draft_from(
            started_at=self.started_at or datetime.now().astimezone(),
            title=self.meeting_title,
            notes=self.notes,
            steps=[RecapStep(i.text, i.owner, i.due) for i in self.recap.action_items],
            follow_up=self.recap.follow_up,
        )
        dialog = RecapDialog(
            draft,
            self,
            export_folders=self.export_folders,
            background=self._background,
        )
        self.recap_dialog = dialog
        dialog.open()
        return dialog

    def _export_clicked(self) -> None:
        button = self.sender()
        kind = str(button.property("exportKind")) if button is not None else ""
        if kind in EXPORT_KINDS:
            self.request_export(kind)

    def request_export(self, kind: str) -> None:
        day = f"{(self.started_at or datetime.now()).astimezone():%Y-%m-%d}"
        suggested = export_file_name([f"{day} {self.client_name}", self.meeting_title], kind)
        path = self.ask_export_path(kind, suggested)
        if path is not None and self.meeting_id is not None:
            self.exportRequested.emit(kind, path)

    def _ask_export_path(self, kind: str, suggested: str) -> Path | None:
        return self.export_folders.ask_save_path(
            self, "Export meeting", suggested, EXPORT_KINDS[kind]
        )

    # -- what the meeting holds ------------------------------------------------------------

    def _offset(self, at: datetime) -> str:
        if self.started_at is None:
            return at.astimezone().strftime("%H:%M")
        return format_elapsed(max(timedelta(), at - self.started_at))

    def _add_notes(self, body: QVBoxLayout) -> None:
        filled = [(f, self.notes.get(f, "").strip()) for f in NoteField]
        filled = [(f, text) for f, text in filled if text]
        if not filled:
            return
        body.addWidget(self._section("YOUR NOTES"))
        for note_field, text in filled:
            shown = text.splitlines()
            more = len(shown) - NOTE_LINES
            excerpt = "\n".join(shown[:NOTE_LINES]) + (f"\n… {more} more lines" if more > 0 else "")
            name = QLabel(note_field.label)
            name.setObjectName("muted")
            label = QLabel(excerpt)
            label.setObjectName(f"summaryNote_{note_field.value}")
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            body.addWidget(name)
            body.addWidget(label)

    def _add_lines(self, body: QVBoxLayout, lines: Sequence[tuple[datetime, str]]) -> None:
        if not lines:
            return
        flags = sum(1 for _, text in lines if text == FLAG_TEXT)
        heading = "STAMPED LINES AND FLAGS" if flags else "STAMPED LINES"
        body.addWidget(self._section(heading))
        for at, text in sorted(lines):
            shown = "⚑ Flagged moment" if text == FLAG_TEXT else f"✎ {text}"
            body.addWidget(self._line(shown, self._offset(at)))

    def _add_requests(self, body: QVBoxLayout, requests: Sequence[RequestToPartner]) -> None:
        if not requests:
            return
        body.addWidget(self._section("REQUESTS TO YOUR PARTNER"))
        for request in requests:
            if request.answered_at is not None:
                after = _seconds(request.answered_at - request.asked_at)
                outcome = f"{request.answer_words}, after {after}"
            else:
                outcome = "no answer"
            body.addWidget(
                self._line(f"{self._offset(request.asked_at)}  {request.label}", outcome)
            )

    def _refresh_review_button(self) -> None:
        if not self._review_available or self._deleted:
            return
        stored = self.meeting_id is not None
        self.review_button.setEnabled(stored)
        self.review_button.setToolTip(
            "See the whole meeting, notes and timeline"
            if stored
            else "This meeting is not in your notes database"
        )

    def show_unsaved_copy(self, path: Path | None) -> None:
        """The store never took this meeting: say where its notes went instead."""
        if path is None:
            text = (
                "Poise could not write this meeting anywhere. Copy what you need from "
                "this summary before closing it."
            )
        else:
            text = f"Your notes database could not be opened. This meeting is saved in {path}"
        self.unsaved_line.setText(text)
        self.unsaved_line.show()

    @staticmethod
    def _section(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionLabel")
        label.setContentsMargins(0, 8, 0, 0)
        return label

    @staticmethod
    def _line(text: str, right: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        left = QLabel(text)
        left.setWordWrap(True)
        layout.addWidget(left, 1)
        if right:
            value = QLabel(right)
            value.setObjectName("muted")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            layout.addWidget(value)
        return row
