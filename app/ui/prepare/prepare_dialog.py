"""Preparing a meeting: who, what, which playbook, the partner and the agreed cues, then the
playbook's "before" checklist. Returns a ``MeetingPlan``; nothing is stored until Start.

When the client has met the user before, a few lines say what was promised last time and
what is still open or overdue (``clientSettled`` asks; ``show_briefing`` answers, with
lines the flow reads off the GUI thread), on both pages.

The keyboard starts in the client field; Enter goes on to the next field and, in the last,
to the checklist (``app.ui.prepare.form_keys``); closing with typed details asks first. The
briefing appears without moving any field sideways: the scroll bar's room is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.domain.library import PlaybookLibrary
from app.domain.meeting_terms import MAX_CUES, Cue, MeetingMode
from app.domain.partner_watch import BriefChanges, PartnerBrief
from app.domain.playbook import Playbook
from app.settings import Settings
from app.ui.common.scroll_fit import grow_to_scrolled_content
from app.ui.prepare.cue_rows import CueRow, in_users_language, suggested_cue
from app.ui.prepare.form_keys import EnterMovesOn, ask_before_discarding
from app.ui.prepare.locked_cues import lock_cue_rows
from app.ui.prepare.partner_brief_editor import PartnerBriefEditor
from app.ui.prepare.wrapping_field import WrappingField

# How much of the screen's height the dialog may grow to, to show its page unscrolled.
TALLEST_SHARE_OF_SCREEN = 0.85
# Its size at the usual text size, and the same in characters and lines of its font.
DEFAULT_SIZE = QSize(500, 640)
WIDTH_IN_CHARACTERS = 83
HEIGHT_IN_LINES = 45


@dataclass(frozen=True, slots=True)
class MeetingPlan:
    """What Start begins; ``playbook`` is already as this mode reads it (see ``for_mode``)."""

    client_name: str
    title: str
    mode: MeetingMode
    playbook: Playbook
    partner_name: str
    cues: tuple[Cue, ...]
    partner_brief: PartnerBrief | None = None  # what the partner is told to watch for
    partner_brief_changes: BriefChanges | None = None  # since this partner's last brief


def _page_heading(text: str) -> QLabel:
    """The heading of one of the dialog's two pages: larger, in the text's own weight."""
    heading = QLabel(text)
    heading.setObjectName("heading")
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    heading.setFont(font)
    return heading


def _page(scroll: QWidget, *foot: QWidget | QLayout) -> QWidget:
    """One of the dialog's two pages: its scrolling content, then what stays at its foot."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll, 1)
    for item in foot:
        if isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    return page


class PrepareDialog(QDialog):
    """Two pages: the meeting's details, then the checklist before it starts."""

    clientSettled = Signal(str)  # noqa: N815 -- the client name, once typing pauses
    BRIEFING_DELAY_MS = 350

    def __init__(
        self,
        library: PlaybookLibrary,
        client_names: list[str],
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("prepareDialog")
        self.setWindowTitle(self.tr("New meeting"))
        self.library = library
        self.plan: MeetingPlan | None = None
        self.briefing_client = ""
        self.briefing_lines: list[str] = []
        self.briefing_labels: list[QLabel] = []
        self._briefing_timer = QTimer(self)
        self._briefing_timer.setSingleShot(True)
        self._briefing_timer.setInterval(self.BRIEFING_DELAY_MS)
        self._briefing_timer.timeout.connect(self._client_settled)
        # After the next layout pass, when new rows have their real sizes (scroll_fit).
        self._widen = QTimer(self)
        self._widen.setSingleShot(True)
        self._widen.setInterval(0)
        self._widen.timeout.connect(self._widen_to_show_page)
        self.discard_question: QMessageBox | None = None
        self._discard_confirmed = False
        self._enter_moves_on = EnterMovesOn(self, self._text_fields, self._enter_in_last_field)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._details_page(client_names, settings))
        self.pages.addWidget(self._checklist_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.addWidget(self.pages)
        self.resize(self._size_for_text())
        # A 200 % system font, German or the partner's brief need more room: grown on show
        # and after the rows change (``_widen``), down to most of the screen's height.
        self._grower = grow_to_scrolled_content(self, taller_up_to=TALLEST_SHARE_OF_SCREEN)
        self._order_tabs()
        for field in (self.client, self._client_line, self.title, self.partner):
            self._enter_moves_on.watch(field)
        self._untouched = self._typed()
        self.partner.textChanged.connect(self._widen.start)  # the brief shows or hides

    # -- page 1 ----------------------------------------------------------------------------

    def _details_page(self, client_names: list[str], settings: Settings) -> QWidget:
        heading = _page_heading(self.tr("New meeting"))

        self.client = QComboBox()
        self.client.setObjectName("clientPicker")
        # The picker's own line edit, kept so the typed text is always at hand (an
        # editable QComboBox makes one anyway; this one is ours by name and type).
        self._client_line = QLineEdit()
        self.client.setLineEdit(self._client_line)
        self.client.addItems(sorted(client_names, key=str.casefold))
        self.client.setCurrentIndex(-1)
        self._client_line.setPlaceholderText(self.tr("Pick or type a new client"))
        self._client_line.setAccessibleName(self.tr("Client"))
        self.client.editTextChanged.connect(self._client_typed)
        self.title = QLineEdit()
        self.title.setObjectName("meetingTitle")
        self.title.setPlaceholderText(self.tr("e.g. Missed launch date"))
        self.in_person = QRadioButton(MeetingMode.IN_PERSON.label)
        self.video = QRadioButton(MeetingMode.VIDEO.label)
        self.in_person.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.in_person)
        modes.addButton(self.video)
        mode_row = QHBoxLayout()
        mode_row.setSpacing(16)  # two choices, not one run of words ("Vor Ort ○Video…")
        mode_row.addWidget(self.in_person)
        mode_row.addWidget(self.video)
        mode_row.addStretch(1)
        self.playbook = QComboBox()
        self.playbook.setObjectName("playbookPicker")
        for entry in self.library.entries:
            self.playbook.addItem(entry.playbook.title, entry.playbook.id)
        remembered = self.playbook.findData(settings.last_playbook_id)
        if remembered >= 0:
            self.playbook.setCurrentIndex(remembered)
        self.playbook_summary = QLabel()
        self.playbook_summary.setObjectName("muted")
        self.playbook_summary.setWordWrap(True)
        self.playbook.currentIndexChanged.connect(self._show_summary)
        self.video.toggled.connect(self._show_summary)
        self._show_summary()
        self.partner = QLineEdit(settings.last_partner_name)
        self.partner.setObjectName("partnerName")
        self.partner.setPlaceholderText(self.tr("Who keeps you calm"))

        form = QFormLayout()
        form.setSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Client"), self.client)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Where"), mode_row)
        form.addRow(self.tr("Playbook"), self.playbook)
        form.addRow("", self.playbook_summary)
        form.addRow(self.tr("Partner"), self.partner)

        cues_heading = QLabel(self.tr("AGREED CUES"))
        cues_heading.setObjectName("sectionLabel")
        cues_hint = QLabel(
            self.tr(
                "What your partner can send you. You see the words; nobody else does. Up to three."
            )
        )
        cues_hint.setObjectName("muted")
        cues_hint.setWordWrap(True)
        self.cue_rows: list[CueRow] = []
        self.cue_box = QVBoxLayout()
        self.cue_box.setSpacing(6)
        for cue in settings.last_cues[:MAX_CUES]:
            self._add_cue_row(in_users_language(cue))
        self.add_cue = QPushButton(self.tr("+ Add a cue"))
        self.add_cue.setObjectName("addCueButton")
        self.add_cue.clicked.connect(self._add_suggested_cue)
        self.brief = PartnerBriefEditor(
            settings.last_partner_role, settings.last_warning_signs, parent=self
        )
        self.brief.follow_partner(self.partner)
        self._refresh_cue_buttons()
        lock_cue_rows(self.cue_rows, self.add_cue)

        self.error = QLabel()
        self.error.setObjectName("problemLine")
        self.error.setWordWrap(True)
        self.error.hide()

        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 8, 0)
        inner_layout.setSpacing(10)
        inner_layout.addWidget(heading)
        inner_layout.addLayout(form)
        inner_layout.addWidget(self._briefing_label())
        inner_layout.addSpacing(6)
        inner_layout.addWidget(cues_heading)
        inner_layout.addWidget(cues_hint)
        inner_layout.addLayout(self.cue_box)
        inner_layout.addWidget(self.add_cue, 0, Qt.AlignmentFlag.AlignLeft)
        inner_layout.addSpacing(6)
        inner_layout.addWidget(self.brief)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the first key goes to the client field
        self._details_scroll = scroll
        self._keep_fields_width(scroll, inner_layout)

        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self.next_button = QPushButton(self.tr("Next: before you start"))
        self.next_button.setObjectName("primaryButton")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.go_to_checklist)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.next_button)

        return _page(scroll, self.error, buttons)

    def _size_for_text(self) -> QSize:
        """500 x 640 at the usual text size, as much more as the text is larger (a 200 %
        system font doubles it), never past the screen."""
        metrics = self.fontMetrics()
        width = max(DEFAULT_SIZE.width(), WIDTH_IN_CHARACTERS * metrics.averageCharWidth())
        height = max(DEFAULT_SIZE.height(), HEIGHT_IN_LINES * metrics.lineSpacing())
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            width = min(width, room.width())
            height = min(height, int(room.height() * TALLEST_SHARE_OF_SCREEN))
        return QSize(width, height)

    @staticmethod
    def _keep_fields_width(scroll: QScrollArea, inner_layout: QVBoxLayout) -> None:
        """The scroll bar takes room the margin gave up: a briefing long enough to scroll
        must not narrow (and so shift) every field under the pointer."""
        bar = scroll.verticalScrollBar()
        extent = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)

        def fit(_low: int = 0, high: int = 0) -> None:
            inner_layout.setContentsMargins(0, 0, 8 if high > 0 else 8 + extent, 0)

        bar.rangeChanged.connect(fit)
        fit(0, bar.maximum())

    def _widen_to_show_page(self) -> None:
        self._grower.grow()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self._widen.start()
        if self.pages.currentIndex() == 0 and not self.client.currentText():
            self._client_line.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the keyboard and closing ------------------------------------------------------------

    def _text_fields(self) -> list[QLineEdit | WrappingField]:
        fields: list[QLineEdit | WrappingField] = [self._client_line, self.title, self.partner]
        for row in self.cue_rows:
            fields += [row.label, row.words]
        return fields + self.brief.text_fields()

    def _enter_in_last_field(self) -> None:
        self.go_to_checklist()

    def _typed(self) -> tuple[str, ...]:
        cues = tuple(f"{row.label.text()}\n{row.words.text()}" for row in self.cue_rows)
        brief = self.brief.typed()
        return (self.client.currentText(), self.title.text(), self.partner.text(), *cues, *brief)

    def reject(self) -> None:
        """Esc, Cancel or the close button: typed details are thrown away only when asked."""
        if self._discard_confirmed or self._typed() == self._untouched:
            super().reject()
            return
        if self.discard_question is not None and self.discard_question.isVisible():
            return
        self.discard_question = ask_before_discarding(
            self, self.tr("Discard this meeting's details?"), self._discard
        )

    def _discard(self) -> None:
        self._discard_confirmed = True
        self.reject()

    @property
    def mode(self) -> MeetingMode:
        return MeetingMode.VIDEO if self.video.isChecked() else MeetingMode.IN_PERSON

    # -- what happened last time with this client -------------------------------------------

    def _briefing_label(self) -> QLabel:
        label = QLabel()
        label.setObjectName("clientBriefing")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.hide()
        self.briefing_labels.append(label)
        return label

    def _client_typed(self, _text: str) -> None:
        self._briefing_timer.start()

    def done(self, result: int) -> None:
        # Closed: no more questions about the client's history.
        self._briefing_timer.stop()
        self.brief.stop_following()
        super().done(result)

    def _client_settled(self) -> None:
        name = self.client.currentText().strip()
        if name.casefold() != self.briefing_client.casefold():
            self.show_briefing(name, [])
        if name:
            self.clientSettled.emit(name)

    def show_briefing(self, client_name: str, lines: list[str]) -> None:
        """What was promised to this client and what is open; ignored for an older name.

        ``lines`` is what to show, first line a heading; empty hides the section.
        """
        if client_name.strip().casefold() != self.client.currentText().strip().casefold():
            return
        self.briefing_client = client_name.strip()
        self.briefing_lines = list(lines)
        text = "\n".join(lines)
        for label in self.briefing_labels:
            label.setText(text)
            label.setVisible(bool(lines))

    def _show_summary(self) -> None:
        book = self.selected_playbook()
        self.playbook_summary.setText(
            book.for_mode(self.mode).summary if book else self.tr("No playbook available.")
        )

    def add_client_names(self, names: list[str]) -> None:
        """Offer the store's clients, which may arrive after the dialog opened.

        What the user has typed or picked so far stays as it is.
        """
        typed = self.client.currentText()
        cursor = self._client_line.cursorPosition()
        known = {self.client.itemText(i) for i in range(self.client.count())}
        fresh = [name for name in names if name not in known]
        if not fresh:
            return
        every = sorted([*known, *fresh], key=str.casefold)
        self.client.blockSignals(True)
        self.client.clear()
        self.client.addItems(every)
        self.client.setCurrentIndex(every.index(typed) if typed in every else -1)
        self.client.setEditText(typed)
        self._client_line.setCursorPosition(cursor)
        self.client.blockSignals(False)

    def selected_playbook(self) -> Playbook | None:
        playbook_id = self.playbook.currentData()
        return self.library.get(playbook_id) if playbook_id else None

    def _add_cue_row(self, cue: Cue) -> None:
        row = CueRow(cue, removable=bool(self.cue_rows))
        row.remove.clicked.connect(lambda: self._remove_cue_row(row))
        self.cue_rows.append(row)
        self.cue_box.addWidget(row)
        self._enter_moves_on.watch(row.label)
        self._enter_moves_on.watch(row.words)

    def _add_suggested_cue(self) -> None:
        used = {row.label.text().strip().casefold() for row in self.cue_rows}
        label, words = suggested_cue(used)
        self._add_cue_row(Cue("", label, words))
        self._refresh_cue_buttons()
        self.cue_rows[-1].words.setFocus()

    def _remove_cue_row(self, row: CueRow) -> None:
        self.cue_rows.remove(row)
        row.deleteLater()
        self._refresh_cue_buttons()

    def _refresh_cue_buttons(self) -> None:
        self.add_cue.setEnabled(len(self.cue_rows) < MAX_CUES)
        self.brief.follow_cue_rows(self.cue_rows)
        self._order_tabs()
        self._widen.start()  # a new row may need more room than the dialog has

    def _order_tabs(self) -> None:
        """Tab goes down the page as it reads: rows added later come before the brief."""
        if self.add_cue.window() is not self:
            return  # still being built: ordered once the page is in the dialog
        chain: list[QWidget] = [self.partner]
        for row in self.cue_rows:
            chain += [row.label, row.words, row.style_picker, row.remove]
        chain += [self.add_cue, *self.brief.focus_chain()]
        for earlier, later in pairwise(chain):
            QWidget.setTabOrder(earlier, later)

    def _collect(self) -> MeetingPlan | str:
        """The plan, or a message saying what is missing."""
        client = self.client.currentText().strip()
        if not client:
            return self.tr("Name the client.")
        book = self.selected_playbook()
        if book is None:
            return self.tr("Pick a playbook.")
        taken: set[str] = set()
        cues: list[Cue] = []
        for row in self.cue_rows:
            cue = row.value(taken)
            if cue is None:
                return self.tr("Every cue needs the words it shows (or remove it).")
            taken.add(cue.key)
            cues.append(cue)
        if not cues:
            return self.tr("Agree at least one cue with your partner.")
        partner = self.partner.text().strip()
        brief = self.brief.brief(partner, list(zip(self.cue_rows, cues, strict=True)))
        if partner and (problem := brief.problem()):
            return problem
        return MeetingPlan(
            client_name=client,
            title=self.title.text().strip()
            or self.tr("Meeting with {client}").format(client=client),
            mode=self.mode,
            # Resolved here, once: the checklist, the live steps and the summary follow it.
            playbook=book.for_mode(self.mode),
            partner_name=partner,
            cues=tuple(cues),
            partner_brief=brief if partner and not brief.is_empty else None,
            partner_brief_changes=self.brief.changes(brief) if partner else None,
        )

    def go_to_checklist(self) -> None:
        plan = self._collect()
        if isinstance(plan, str):
            self.error.setText(plan)
            self.error.show()
            return
        self.error.hide()
        self.plan = plan
        self._fill_checklist(plan)
        self.pages.setCurrentIndex(1)
        self.start_button.setFocus()

    # -- page 2 ----------------------------------------------------------------------------

    def _checklist_page(self) -> QWidget:
        heading = _page_heading(self.tr("Before you start"))
        self.checklist_intro = QLabel()
        self.checklist_intro.setObjectName("muted")
        self.checklist_intro.setWordWrap(True)
        self.checklist = QVBoxLayout()
        self.checklist.setSpacing(10)
        self.check_boxes: list[QCheckBox] = []
        self._checklist_widgets: list[QWidget] = []
        self.ready = QLabel()
        self.ready.setObjectName("muted")

        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 8, 0)
        inner_layout.setSpacing(10)
        inner_layout.addWidget(heading)
        inner_layout.addWidget(self._briefing_label())
        inner_layout.addWidget(self.checklist_intro)
        inner_layout.addLayout(self.checklist)
        inner_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        back = QPushButton(self.tr("Back"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(0))
        self.start_button = QPushButton(self.tr("Start the meeting"))
        self.start_button.setObjectName("primaryButton")
        self.start_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.ready)
        buttons.addStretch(1)
        buttons.addWidget(back)
        buttons.addWidget(self.start_button)

        return _page(scroll, buttons)

    def _fill_checklist(self, plan: MeetingPlan) -> None:
        for widget in self._checklist_widgets:
            widget.deleteLater()
        self._checklist_widgets = []
        self.check_boxes = []
        partner = plan.partner_name or self.tr("your partner")
        quoted = self.tr("“{words}”")
        cue_words = " / ".join(quoted.format(words=cue.words) for cue in plan.cues)
        # Words that end a sentence themselves need no second full stop after the quote.
        ending = "" if plan.cues[-1].words.rstrip().endswith((".", "!", "?", "…")) else "."
        intro = self.tr(
            "{playbook}. Agreed with {partner}: {cues}{ending} "
            "Tick what is done; start whenever you are ready."
        )
        self.checklist_intro.setText(
            intro.format(
                playbook=plan.playbook.title, partner=partner, cues=cue_words, ending=ending
            )
        )
        for step in plan.playbook.prepare:
            item = QFrame()
            item.setObjectName("inlineForm")
            box = QCheckBox(step.title)
            box.setObjectName(f"check_{step.key}")
            font = box.font()
            font.setBold(True)
            box.setFont(font)
            box.toggled.connect(self._count_ready)
            text = QLabel(step.do)
            text.setWordWrap(True)
            text.setContentsMargins(26, 0, 0, 0)
            item_layout = QVBoxLayout(item)
            item_layout.setContentsMargins(10, 8, 10, 8)
            item_layout.setSpacing(2)
            item_layout.addWidget(box)
            item_layout.addWidget(text)
            if step.detail:
                detail = QLabel(step.detail)
                detail.setObjectName("muted")
                detail.setWordWrap(True)
                detail.setContentsMargins(26, 0, 0, 0)
                item_layout.addWidget(detail)
            self.checklist.addWidget(item)
            self._checklist_widgets.append(item)
            self.check_boxes.append(box)
        if not plan.playbook.prepare:
            none = QLabel(self.tr("This playbook has no preparation steps."))
            none.setObjectName("muted")
            self.checklist.addWidget(none)
            self._checklist_widgets.append(none)
        self._count_ready()

    def _count_ready(self) -> None:
        done = sum(box.isChecked() for box in self.check_boxes)
        total = len(self.check_boxes)
        self.ready.setText(
            self.tr("{done} of {total} ready").format(done=done, total=total) if total else ""
        )
