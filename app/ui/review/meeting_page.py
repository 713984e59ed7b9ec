"""One meeting, after the fact: facts, follow-up, timeline strip, notes, the partner's
debrief, action items.

Everything here stays editable: note fields save through the store's background writer
(which keeps the revision history), each field's history can be browsed and restored,
action items can be ticked, edited, added and removed, and the follow-up date set.
The page also exports this one meeting (Markdown, PDF, calendar) and deletes it.
The page never queries: it asks ``ReviewContext`` to run service calls off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.due_dates import LATEST_DUE_DAY
from app.domain.meeting_session import parse_due_date
from app.domain.meeting_terms import NoteField
from app.export.formatting import follow_up_status
from app.export.recap import recap_draft
from app.export.report import MeetingReport, build_report
from app.store.api import ActionItemRecord, MeetingDetail, NoteRevisionRecord
from app.ui.common.bold_label import bold_label
from app.ui.common.export_folders import ExportFolders
from app.ui.common.meeting_export import EXPORT_KINDS, suggested_file_name, write_meeting_export
from app.ui.recap.recap_dialog import RecapDialog
from app.ui.review.action_items_editor import ActionItemsEditor
from app.ui.review.context import ReviewContext
from app.ui.review.date_field import DateField
from app.ui.review.delete_question import confirm_meeting_delete
from app.ui.review.headings import section_title
from app.ui.review.local_dates import day_pattern, day_text
from app.ui.review.meeting_facts import meeting_facts
from app.ui.review.meeting_notes_panel import MeetingNotesPanel
from app.ui.review.models import ActionItemEdit, TimelineModel
from app.ui.review.partner_debrief_panel import PartnerDebriefPanel
from app.ui.review.revision_dialog import RevisionDialog
from app.ui.review.share_dialog import ShareDialog, shared_line, show_shared_lock
from app.ui.review.timeline_legend import timeline_legend
from app.ui.review.timeline_strip import TimelineStrip, strip_data_from
from app.ui.review.wheel_guard import PageWheelGuard

NOTE_SAVE_DELAY_MS = 400


class MeetingPage(QWidget):
    """Shows one ``MeetingDetail``; emits requests the review window answers."""

    back_requested = Signal()
    step_requested = Signal(int)  # -1 newer, +1 older
    deleted = Signal(int)  # meeting id, once really gone
    changed = Signal(int)  # meeting id: follow-up or items changed, lists should refresh
    client_requested = Signal(int)  # client id: show the client page
    message = Signal(str)  # short status for the window's status bar
    exported = Signal(str)  # where an export went, or why not: stays until the next one

    def __init__(
        self,
        context: ReviewContext,
        parent: QWidget | None = None,
        *,
        playbook_titles: Mapping[str, str] | None = None,
        cue_fade_seconds: float = 20.0,
        export_folders: ExportFolders | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meetingPage")
        self._context = context
        self._playbook_titles = dict(playbook_titles or {})
        self._cue_fade_seconds = cue_fade_seconds
        self.export_folders = export_folders or ExportFolders()
        self._detail: MeetingDetail | None = None
        self._report: MeetingReport | None = None
        self._highlight = ""
        # Overridable in tests; the defaults ask the user with a dialog.
        self.ask_save_path: Callable[[str, str], Path | None] = self._ask_save_path
        self.confirm_delete: Callable[[str], bool] = self._confirm_delete

        self.back_button = QPushButton(self.tr("← All meetings"))
        self.back_button.setToolTip(self.tr("Back to the list (Esc or Alt+Left)"))
        self.newer_button = QPushButton(self.tr("↑ Newer"))
        self.newer_button.setToolTip(self.tr("Newer meeting in the list (Ctrl+PgUp)"))
        self.older_button = QPushButton(self.tr("↓ Older"))
        self.older_button.setToolTip(self.tr("Older meeting in the list (Ctrl+PgDown)"))
        self.markdown_button = QPushButton(self.tr("Markdown…"))
        self.pdf_button = QPushButton(self.tr("PDF…"))
        self.calendar_button = QPushButton(self.tr("Calendar…"))
        self.calendar_button.setToolTip(
            self.tr("Follow-up and due dates as an .ics file for calendars")
        )
        self.recap_button = QPushButton(self.tr("Recap…"))
        self.recap_button.setObjectName("recapButton")
        self.recap_button.setToolTip(
            self.tr("A recap message for the client, to edit and send yourself")
        )
        self.client_button = QPushButton(self.tr("Client…"))
        self.client_button.setObjectName("clientButton")
        self.client_button.setToolTip(
            self.tr("Every meeting with this client and what was promised")
        )
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setObjectName("deleteMeeting")
        self.share_button = QPushButton(self.tr("Share…"))
        self.share_button.setObjectName("shareMeeting")
        self.share_button.setToolTip(self.tr("Let a colleague or the whole team read this meeting"))
        self.share_button.setVisible(context.service.sharing_available)  # a team's database
        self.share_button.clicked.connect(self.open_share_dialog)
        self.shared_line = shared_line()
        self.back_button.clicked.connect(self.back_requested)
        self.newer_button.clicked.connect(lambda: self.step_requested.emit(-1))
        self.older_button.clicked.connect(lambda: self.step_requested.emit(1))
        self.markdown_button.clicked.connect(lambda: self._export_with_dialog("md"))
        self.pdf_button.clicked.connect(lambda: self._export_with_dialog("pdf"))
        self.calendar_button.clicked.connect(lambda: self._export_with_dialog("ics"))
        self.delete_button.clicked.connect(self.request_delete)
        self.recap_button.clicked.connect(self.open_recap)
        self.client_button.clicked.connect(self._client_clicked)

        bar = QHBoxLayout()
        bar.addWidget(self.back_button)
        bar.addWidget(self.newer_button)
        bar.addWidget(self.older_button)
        bar.addStretch(1)
        bar.addWidget(self.client_button)
        bar.addWidget(self.share_button)
        bar.addWidget(self.recap_button)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Export:")))
        bar.addWidget(self.markdown_button)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.calendar_button)
        bar.addSpacing(12)
        bar.addWidget(self.delete_button)

        # Plain text: a client called "Harbor & Finch" must read so, not "&amp;".
        self.heading = bold_label(scale=1.5, name="meetingHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setObjectName("meetingFacts")
        self.facts.setWordWrap(True)
        self.facts.setStyleSheet("color: #57606a;")

        self.follow_up_edit = DateField()
        self.follow_up_edit.setCalendarPopup(True)
        self.follow_up_edit.setDisplayFormat(day_pattern())
        last = QDate(LATEST_DUE_DAY.year, LATEST_DUE_DAY.month, LATEST_DUE_DAY.day)
        self.follow_up_edit.setDateRange(QDate(2000, 1, 1), last)
        self.follow_up_edit.setSpecialValueText(self.tr("none"))
        self.follow_up_edit.setToolTip(self.tr("Follow-up date; set it to the first date to clear"))
        self.follow_up_status = QLabel()
        self.follow_up_status.setObjectName("followUpStatus")
        self.clear_follow_up_button = QPushButton(self.tr("Clear"))
        self.follow_up_edit.dateChanged.connect(self._follow_up_edited)
        self.clear_follow_up_button.clicked.connect(self.clear_follow_up)
        follow_row = QHBoxLayout()
        follow_label = QLabel(self.tr("&Follow-up:"))
        follow_label.setBuddy(self.follow_up_edit)
        follow_row.addWidget(follow_label)
        follow_row.addWidget(self.follow_up_edit)
        follow_row.addWidget(self.clear_follow_up_button)
        follow_row.addWidget(self.follow_up_status)
        follow_row.addStretch(1)

        self.strip = TimelineStrip()
        self.debrief_panel = PartnerDebriefPanel()

        self.notes_panel = MeetingNotesPanel()
        self.note_editors = self.notes_panel.editors
        self.notes_panel.typed.connect(self._note_typed)
        self.notes_panel.history_requested.connect(self.show_history)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.save_notes)
        self._dirty_fields: set[NoteField] = set()

        self.action_items = ActionItemsEditor(context.today)
        self.action_model = self.action_items.action_model
        self.action_model.edited.connect(self._save_action_edit)
        self.action_view = self.action_items.action_view
        self.new_action_text = self.action_items.new_action_text
        self.new_action_owner = self.action_items.new_action_owner
        self.new_action_due = self.action_items.new_action_due
        self.add_action_button = self.action_items.add_action_button
        self.remove_action_button = self.action_items.remove_action_button
        self.add_action_button.clicked.connect(self.add_action_from_inputs)
        self.new_action_text.returnPressed.connect(self.add_action_from_inputs)
        self.remove_action_button.clicked.connect(self.remove_selected_action)
        self.timeline_model = TimelineModel(self)
        self.timeline_view = QListView()
        self.timeline_view.setObjectName("timelineList")
        self.timeline_view.setAccessibleName(self.tr("Timeline"))
        self.timeline_view.setModel(self.timeline_model)
        self.timeline_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        mono = self.timeline_view.font()
        mono.setFamily("DejaVu Sans Mono")
        self.timeline_view.setFont(mono)

        content = QWidget()
        content.setObjectName("meetingContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(18, 12, 18, 18)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.shared_line)
        layout.addLayout(follow_row)
        layout.addSpacing(6)
        layout.addWidget(section_title(self.tr("Timeline")))
        layout.addWidget(self.strip)
        layout.addWidget(timeline_legend())
        layout.addSpacing(6)
        layout.addWidget(section_title(self.tr("Notes")))
        layout.addWidget(self.notes_panel)
        layout.addWidget(self.debrief_panel)
        layout.addSpacing(6)
        layout.addWidget(section_title(self.tr("Action items")))
        layout.addWidget(self.action_items)
        layout.addSpacing(6)
        layout.addWidget(section_title(self.tr("Steps, signals and stamped lines")))
        layout.addWidget(self.timeline_view)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.scroll_area = scroll
        self.wheel_guard = PageWheelGuard(scroll)
        for entry in self.note_editors.values():
            self.wheel_guard.guard(entry.editor)
        self.wheel_guard.guard(self.action_view)
        self.wheel_guard.guard(self.timeline_view)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        bar_holder = QWidget()
        bar_holder.setObjectName("meetingBar")
        bar_holder.setLayout(bar)
        bar.setContentsMargins(12, 8, 12, 8)
        outer.addWidget(bar_holder)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        outer.addWidget(rule)
        outer.addWidget(scroll, 1)

        for keys, slot in (
            ("Alt+Left", self.back_requested.emit),
            ("Ctrl+PgUp", lambda: self.step_requested.emit(-1)),
            ("Ctrl+PgDown", lambda: self.step_requested.emit(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back_requested.emit)

    # Showing ---------------------------------------------------------------------------
    @property
    def meeting_id(self) -> int | None:
        return self._detail.meeting.id if self._detail else None

    @property
    def report(self) -> MeetingReport | None:
        return self._report

    def show_detail(self, detail: MeetingDetail, highlight: str = "") -> None:
        self.save_notes()
        self._detail = detail
        self._report = build_report(detail, self._playbook_titles)
        self._highlight = highlight
        report = self._report
        self.heading.setText(report.heading)
        signals = self.tr("%n signal(s)", "", len(report.signals))
        self.facts.setText(meeting_facts(report, signals))
        self._show_follow_up(detail.follow_up)
        self.strip.set_data(strip_data_from(report, self._cue_fade_seconds))
        self.notes_panel.show_notes(detail.notes)
        self._dirty_fields.clear()
        self.action_model.set_items(detail.action_items)
        self.timeline_model.set_events(report.timeline)
        self.debrief_panel.show_debrief(report.debrief)
        self._fit_tables()
        self.apply_highlight(highlight)
        self.scroll_area.verticalScrollBar().setValue(0)
        self._show_shared_lock(detail.meeting.shared_by)

    def _show_shared_lock(self, shared_by: str) -> None:
        editors = [entry.editor for entry in self.note_editors.values()]
        history = [entry.history_button for entry in self.note_editors.values()]
        own = [self.action_items, self.follow_up_edit, self.delete_button, *history]
        show_shared_lock(shared_by, self.shared_line, editors, own, [self.clear_follow_up_button])
        self.share_button.setVisible(self._context.service.sharing_available and not shared_by)

    def open_share_dialog(self) -> ShareDialog | None:
        if self._detail is None or self._report is None:
            return None
        meeting_id, what = self._detail.meeting.id, self._report.heading
        self.share_dialog = ShareDialog(self._context, what, meeting_id=meeting_id, parent=self)
        self.share_dialog.open()
        return self.share_dialog

    def _fit_tables(self) -> None:
        # The page scrolls as a whole; the small lists show every row instead of scrolling.
        self.action_items.fit_table()
        line = self.timeline_view.sizeHintForRow(0) if self.timeline_model.rowCount() else 20
        visible = min(max(1, self.timeline_model.rowCount()), 14)
        self.timeline_view.setFixedHeight(line * visible + 6)

    def apply_highlight(self, query: str) -> None:
        """Mark every occurrence of the searched words in the note fields."""
        self.notes_panel.apply_highlight(query)

    def highlighted_count(self) -> int:
        return self.notes_panel.highlighted_count()

    def _show_follow_up(self, follow_up: date | None) -> None:
        self.follow_up_edit.blockSignals(True)
        if follow_up is None:
            self.follow_up_edit.setDate(self.follow_up_edit.minimumDate())
        else:
            self.follow_up_edit.setDate(QDate(follow_up.year, follow_up.month, follow_up.day))
        self.follow_up_edit.blockSignals(False)
        status = follow_up_status(follow_up, self._context.today())
        text, style = {
            "overdue": (self.tr("⚠ Overdue"), "color: white; background: #b42318;"),
            "today": (self.tr("● Today"), "color: white; background: #b54708;"),
            "upcoming": ("", ""),
            "": (self.tr("No follow-up set"), "color: #57606a;"),
        }[status]
        self.follow_up_status.setText(text)
        self.follow_up_status.setStyleSheet(
            f"{style} padding: 2px 8px; border-radius: 4px;" if style and status else style
        )
        self.clear_follow_up_button.setEnabled(follow_up is not None)

    # Follow-up ---------------------------------------------------------------------------
    def _follow_up_edited(self, value: QDate) -> None:
        if value == self.follow_up_edit.minimumDate():
            self.set_follow_up(None)
        else:
            self.set_follow_up(date(value.year(), value.month(), value.day()))

    def clear_follow_up(self) -> None:
        self.set_follow_up(None)

    def set_follow_up(self, follow_up: date | None) -> None:
        if self._detail is None:
            return
        meeting_id = self._detail.meeting.id
        self._show_follow_up(follow_up)
        self._replace_detail(follow_up=follow_up)

        def done(_: object) -> None:
            self.changed.emit(meeting_id)
            if follow_up:
                self.message.emit(self.tr("Follow-up {day}").format(day=day_text(follow_up)))
            else:
                self.message.emit(self.tr("Follow-up cleared"))

        self._context.write(
            lambda: self._context.service.set_follow_up(meeting_id, follow_up), done
        )

    def _replace_detail(self, **changes: Any) -> None:
        if self._detail is None:
            return
        self._detail = replace(self._detail, **changes)
        self._report = build_report(self._detail, self._playbook_titles)

    # Notes -------------------------------------------------------------------------------
    def _note_typed(self, note_field: NoteField) -> None:
        self._dirty_fields.add(note_field)
        self._note_timer.start()

    def save_notes(self) -> None:
        """Hand every changed field to the background writer (which keeps the history)."""
        self._note_timer.stop()
        if self._detail is None or not self._dirty_fields:
            return
        meeting_id = self._detail.meeting.id
        notes = dict(self._detail.notes)
        for note_field in sorted(self._dirty_fields):
            entry = self.note_editors[note_field]
            text = entry.editor.toPlainText()
            if text == entry.saved_text:
                continue
            entry.saved_text = text
            notes[note_field] = text
            self._context.save_note(meeting_id, note_field, text)
        self._dirty_fields.clear()
        self._replace_detail(notes=notes)
        self.timeline_model.set_events(self._report.timeline if self._report else ())
        self.changed.emit(meeting_id)

    def show_history(self, note_field: NoteField) -> None:
        if self._detail is None:
            return
        self.save_notes()
        meeting_id = self._detail.meeting.id
        self._context.run(
            lambda: self._context.service.note_revisions(meeting_id, note_field),
            lambda revisions: self._open_history(note_field, revisions),
        )

    def _open_history(self, note_field: NoteField, revisions: list[NoteRevisionRecord]) -> None:
        current = self.note_editors[note_field].editor.toPlainText()
        dialog = RevisionDialog(note_field, revisions, self, current_text=current)
        self.history_dialog = dialog
        dialog.restore_requested.connect(lambda revision_id: self.restore(note_field, revision_id))
        dialog.open()

    def restore(self, note_field: NoteField, revision_id: int) -> None:
        if self._detail is None:
            return
        meeting_id = self._detail.meeting.id
        service = self._context.service

        def work() -> MeetingDetail:
            service.restore_revision(revision_id, datetime.now(UTC))
            return service.load_meeting(meeting_id)

        def done(detail: MeetingDetail) -> None:
            if self.meeting_id == meeting_id:
                self.show_detail(detail, self._highlight)
                self.message.emit(
                    self.tr("Restored an earlier “{field}”").format(field=note_field.label)
                )
                self.changed.emit(meeting_id)

        self._context.write(work, done)

    # Action items ------------------------------------------------------------------------
    def _save_action_edit(self, edit: ActionItemEdit) -> None:
        service = self._context.service
        changes: dict[str, Any] = {}
        if edit.text is not None:
            changes["text"] = edit.text
        if edit.owner is not None:
            changes["owner"] = edit.owner
        if edit.due_changed:
            changes["due"] = edit.due
        if edit.done is not None:
            changes["done"] = edit.done

        def done(_record: ActionItemRecord) -> None:
            # The row already shows the edit; a later edit may be queued behind this one,
            # so the answer of this one must not overwrite it.
            self._replace_detail(action_items=tuple(self.action_model.items()))
            if self._detail is not None:
                self.changed.emit(self._detail.meeting.id)

        self._context.write(lambda: service.update_action_item(edit.item_id, **changes), done)

    def add_action_from_inputs(self) -> None:
        text = self.new_action_text.text().strip()
        if not text or self._detail is None:
            return
        raw_due = self.new_action_due.text().strip()
        try:
            due = parse_due_date(raw_due, self._context.today())
        except ValueError as problem:
            self.new_action_due.setFocus()
            self.new_action_due.selectAll()
            self.message.emit(str(problem))
            return
        self.add_action(text, self.new_action_owner.text().strip(), due)
        self.action_items.clear_inputs()

    def add_action(self, text: str, owner: str, due: date | None) -> None:
        if self._detail is None:
            return
        meeting_id = self._detail.meeting.id
        service = self._context.service
        self._context.write(
            lambda: service.add_action_item(meeting_id, text, owner, due),
            lambda record: self._action_added(meeting_id, record),
        )

    def _action_added(self, meeting_id: int, record: ActionItemRecord) -> None:
        if self.meeting_id != meeting_id:
            return
        items = (*self.action_model.items(), record)
        self.action_model.set_items(items)
        self._replace_detail(action_items=items)
        self._fit_tables()
        self.changed.emit(meeting_id)

    def remove_selected_action(self) -> None:
        rows = sorted({index.row() for index in self.action_view.selectedIndexes()})
        if not rows or self._detail is None:
            return
        doomed = [self.action_model.item(row).id for row in rows]
        meeting_id = self._detail.meeting.id
        service = self._context.service

        def work() -> None:
            for item_id in doomed:
                service.delete_action_item(item_id)

        def done(_: object) -> None:
            items = tuple(i for i in self.action_model.items() if i.id not in doomed)
            self.action_model.set_items(items)
            self._replace_detail(action_items=items)
            self._fit_tables()
            self.changed.emit(meeting_id)

        self._context.write(work, done)

    # Export ------------------------------------------------------------------------------
    def suggested_file_name(self, suffix: str) -> str:
        return suggested_file_name(self._report, suffix)

    def _export_with_dialog(self, suffix: str) -> None:
        self.save_notes()
        path = self.ask_save_path(suffix, self.suggested_file_name(suffix))
        if path is not None:
            self.export(suffix, path)

    def export(self, suffix: str, path: Path) -> None:
        """Write this meeting as shown now: 'md', 'pdf' or 'ics'."""
        self.save_notes()
        if (report := self._report) is not None:
            self.exported.emit(write_meeting_export(suffix, path, report, self._cue_fade_seconds))

    def _ask_save_path(self, suffix: str, suggested: str) -> Path | None:
        return self.export_folders.ask_save_path(
            self, self.tr("Export meeting"), suggested, EXPORT_KINDS[suffix]
        )

    # Recap and client --------------------------------------------------------------------
    def open_recap(self) -> RecapDialog | None:
        """The recap draft of this meeting as shown now (typed notes included)."""
        self.save_notes()
        if self._report is None:
            return None
        dialog = RecapDialog(
            recap_draft(self._report),
            self,
            export_folders=self.export_folders,
            background=self._context.client.background,
        )
        self.recap_dialog = dialog
        dialog.open()
        return dialog

    def _client_clicked(self) -> None:
        if self._detail is not None:
            self.client_requested.emit(self._detail.meeting.client_id)

    # Delete ------------------------------------------------------------------------------
    def request_delete(self) -> None:
        if self._report is None or self._detail is None:
            return
        if not self.confirm_delete(self._report.heading):
            return
        meeting_id = self._detail.meeting.id
        # Pending note edits must not resurrect the meeting after it is gone.
        self._dirty_fields.clear()
        self._note_timer.stop()
        self._context.write(
            lambda: self._context.service.delete_meeting(meeting_id),
            lambda _: self._deleted(meeting_id),
        )

    def _deleted(self, meeting_id: int) -> None:
        if self.meeting_id == meeting_id:
            self._detail = None
            self._report = None
        self.message.emit(self.tr("Meeting deleted"))
        self.deleted.emit(meeting_id)

    def _confirm_delete(self, heading: str) -> bool:
        return confirm_meeting_delete(self, heading)
