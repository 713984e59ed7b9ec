"""The one-screen summary after a meeting: how long, which steps, the cues and how fast
they were acknowledged, the action items, the follow-up date, and what to do next.

It also gives back the notes (a few lines per field), the stamped lines and flagged
moments, the requests to the partner with their answers, what the partner noticed and
their debrief (``app.ui.live.partner_summary``, answers added as they come), and buttons
for the recap draft (made here from what the meeting holds) and each export
(``exportRequested``: the flow loads the stored meeting and writes the file).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
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
from app.ui.common.accessible_roles import call_a_window
from app.ui.common.export_folders import ExportFolders
from app.ui.common.meeting_export import EXPORT_KINDS
from app.ui.common.scroll_fit import grow_to_scrolled_content
from app.ui.live.day_words import long_day, short_day
from app.ui.live.partner_arrivals import PartnerArrivals
from app.ui.live.partner_summary import PartnerSummary
from app.ui.live.summary_rows import section_label, summary_line, time_into
from app.ui.recap.recap_dialog import Background, RecapDialog

NOTE_LINES = 4  # lines of each note field the summary shows


def _seconds(span: timedelta) -> str:
    seconds = span.total_seconds()
    if seconds >= 90:
        return format_elapsed(span)
    return QCoreApplication.translate("SummaryWindow", "{seconds} s").format(
        seconds=f"{seconds:.0f}"
    )


def long_date(day: date) -> str:
    return long_day(day)


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
        partner: PartnerArrivals | None = None,
        export_folders: ExportFolders | None = None,
        background: Background | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("summaryWindow")
        call_a_window(self)
        # Like the live window's: the client is named in the title only if the user asked.
        if shared_settings().current.client_name_in_title:
            title = self.tr("Summary · {client} · {app}").format(client=client_name, app=APP_NAME)
        else:
            title = self.tr("Summary · {app}").format(app=APP_NAME)
        self.setWindowTitle(title)
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

        heading = QLabel(self.tr("Meeting ended"))
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
        if not recap.cues:
            signals_text = self.tr("none")
        elif average is None:
            signals_text = self.tr("{count} · {acknowledged} acknowledged")
        else:
            signals_text = self.tr("{count} · {acknowledged} acknowledged, in {time} on average")
        signals_text = signals_text.format(
            count=len(recap.cues),
            acknowledged=acknowledged,
            time=_seconds(average) if average is not None else "",
        )
        follow_up = long_date(recap.follow_up) if recap.follow_up else self.tr("not set")
        # The English name keys the label (its object name, the tests); the shown one is translated.
        rows = [
            ("Duration", self.tr("Duration"), format_elapsed(recap.duration)),
            (
                "Steps",
                self.tr("Steps"),
                self._steps_text(seen, recap.steps_total, recap.loop_backs),
            ),
            ("Cues", self.tr("Cues"), signals_text),
            ("Follow-up", self.tr("Follow-up"), follow_up),
        ]
        self.fact_labels: dict[str, QLabel] = {}
        for row, (name, shown_name, value) in enumerate(rows):
            label = QLabel(shown_name)
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
        body.addWidget(section_label(self.tr("STEPS")))
        for step, spent in recap.steps_seen:
            body.addWidget(summary_line(f"{step.title}", format_elapsed(spent)))
        if recap.cues:
            body.addWidget(section_label(self.tr("CUES")))
            for cue in recap.cues:
                at = cue.shown_at.astimezone().strftime("%H:%M")
                if cue.state is CueState.ACKNOWLEDGED and cue.time_to_acknowledge is not None:
                    outcome = self.tr("acknowledged in {time}")
                    outcome = outcome.format(time=_seconds(cue.time_to_acknowledge))
                else:
                    outcome = self.tr("faded unacknowledged")
                said = self.tr("{time}  {cue} · from {source}")
                said = said.format(time=at, cue=cue.cue.label, source=cue.source.label)
                body.addWidget(summary_line(said, outcome))
        body.addWidget(section_label(self.tr("ACTION ITEMS")))
        if recap.action_items:
            for item in recap.action_items:
                due = ""
                if item.due:
                    due = self.tr("due {date}").format(date=short_day(item.due))
                details = " · ".join(part for part in (item.owner, due) if part)
                body.addWidget(summary_line(item.text, details))
        else:
            body.addWidget(summary_line(self.tr("None noted"), ""))
        self._add_notes(body)
        self._add_lines(body, lines)
        self._add_requests(body, requests)
        if partner is not None:
            # What the partner saw, and their debrief as it comes after the end.
            self.partner_section = PartnerSummary(partner, started_at)
            body.addWidget(self.partner_section)
        if recap.after_steps:
            body.addWidget(section_label(self.tr("NEXT")))
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

        self.review_button = QPushButton(self.tr("Open in review"))
        self.review_button.setObjectName("openReviewButton")
        self.review_button.setToolTip(self.tr("Opens once Poise has opened your notes"))
        self.review_button.setEnabled(False)
        self._deleted = False  # deleted in the review while this window stayed open
        self.review_button.clicked.connect(lambda: self.reviewRequested.emit(self.meeting_id))
        done = QPushButton(self.tr("Done"))
        done.setObjectName("primaryButton")
        done.setDefault(True)
        done.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)
        buttons.addWidget(done)
        self.recap_button = QPushButton(self.tr("Recap draft…"))
        self.recap_button.setObjectName("recapDraftButton")
        self.recap_button.setToolTip(
            self.tr("A recap message for the client, to edit and send yourself")
        )
        self.recap_button.clicked.connect(self.open_recap)
        self.export_buttons: dict[str, QPushButton] = {}
        follow_through = QHBoxLayout()
        follow_through.addWidget(self.recap_button)
        follow_through.addStretch(1)
        for kind, text in (
            ("md", self.tr("Markdown…")),
            ("pdf", self.tr("PDF…")),
            ("ics", self.tr("Calendar…")),
        ):
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
        grow_to_scrolled_content(self)  # a 200 % system font needs more width

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
            button.setToolTip(self.tr("This meeting was deleted"))
        self.show_message(
            self.tr("This meeting was deleted in the review: it is no longer in Poise.")
        )

    def _refresh_export_buttons(self) -> None:
        if self._deleted:
            return
        stored = self.meeting_id is not None
        for button in self.export_buttons.values():
            button.setEnabled(stored)
            button.setToolTip(
                self.tr("Export this meeting as it is stored")
                if stored
                else self.tr("Exports open once the meeting is in your notes database")
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
            self, self.tr("Export meeting"), suggested, EXPORT_KINDS[kind]
        )

    # -- what the meeting holds ------------------------------------------------------------

    def _offset(self, at: datetime) -> str:
        return time_into(self.started_at, at)

    def _add_notes(self, body: QVBoxLayout) -> None:
        filled = [(f, self.notes.get(f, "").strip()) for f in NoteField]
        filled = [(f, text) for f, text in filled if text]
        if not filled:
            return
        body.addWidget(section_label(self.tr("YOUR NOTES")))
        for note_field, text in filled:
            shown = text.splitlines()
            more = len(shown) - NOTE_LINES
            excerpt = "\n".join(shown[:NOTE_LINES])
            if more > 0:
                excerpt += "\n" + self.tr("… %n more lines", "", more)
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
        heading = self.tr("STAMPED LINES AND FLAGS") if flags else self.tr("STAMPED LINES")
        body.addWidget(section_label(heading))
        for at, text in sorted(lines):
            shown = self.tr("⚑ Flagged moment") if text == FLAG_TEXT else f"✎ {text}"
            body.addWidget(summary_line(shown, self._offset(at)))

    def _add_requests(self, body: QVBoxLayout, requests: Sequence[RequestToPartner]) -> None:
        if not requests:
            return
        body.addWidget(section_label(self.tr("REQUESTS TO YOUR PARTNER")))
        for request in requests:
            if request.answered_at is not None:
                after = _seconds(request.answered_at - request.asked_at)
                outcome = self.tr("{answer}, after {time}")
                outcome = outcome.format(answer=request.answer_words, time=after)
            else:
                outcome = self.tr("no answer")
            body.addWidget(
                summary_line(f"{self._offset(request.asked_at)}  {request.label}", outcome)
            )

    def _refresh_review_button(self) -> None:
        if not self._review_available or self._deleted:
            return
        stored = self.meeting_id is not None
        self.review_button.setEnabled(stored)
        self.review_button.setToolTip(
            self.tr("See the whole meeting, notes and timeline")
            if stored
            else self.tr("This meeting is not in your notes database")
        )

    def show_unsaved_copy(self, path: Path | None) -> None:
        """The store never took this meeting: say where its notes went instead."""
        if path is None:
            text = self.tr(
                "Poise could not write this meeting anywhere. Copy what you need from "
                "this summary before closing it."
            )
        else:
            text = self.tr(
                "Your notes database could not be opened. This meeting is saved in {path}"
            )
            text = text.format(path=path)
        self.unsaved_line.setText(text)
        self.unsaved_line.show()

    def _steps_text(self, seen: int, total: int, loop_backs: int) -> str:
        if loop_backs == 0:
            said = self.tr("{seen} of {total} visited")
        else:
            said = self.tr("{seen} of {total} visited, %n loop-backs", "", loop_backs)
        return said.format(seen=seen, total=total)
