"""The home window: start a new meeting, see recent meetings, reach the review and settings.

It opens before the store is ready (the store opens off the GUI thread) and owns no
part of it: the composition root (``app.ui.app_controller``) makes the meeting flow on
"New meeting" (``newMeetingRequested``), tells the window when the store is ready
(``store_ready``) or cannot be opened (``show_store_problem``, one line with a Retry:
``retryRequested``), and hands it the recent meetings (``show_recent``). The review and
partner mode plug in through ``set_review_handler`` and ``set_partner_handler``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.translation import TranslationContext
from app.ui.common.bold_label import bold_label
from app.ui.common.rows_list_model import RowsListModel

if TYPE_CHECKING:
    from app.playbooks import PlaybookOverview
    from app.store.api import MeetingSummary
    from app.ui.common.global_shortcuts import GlobalShortcuts

RECENT_LIMIT = 30
_Index = QModelIndex | QPersistentModelIndex


class RecentMeetings(TranslationContext):
    """The words of the recent meetings' lines."""


def describe_meeting(meeting: MeetingSummary) -> str:
    """One line for the recent list: when, who, what, how long, how many cues."""
    # Here, not at the top: the first paint shows no meeting (they come from the store).
    from app.domain.meeting_session import format_elapsed
    from app.export.formatting import format_recent

    when = format_recent(meeting.started_at)
    parts = [f"{when} · {meeting.client_name}", meeting.title]
    if meeting.duration is not None:
        parts.append(format_elapsed(meeting.duration))
    else:
        parts.append(RecentMeetings.tr("not ended"))
    if meeting.signal_count:
        parts.append(RecentMeetings.tr("%n cue(s)", "", meeting.signal_count))
    return "\n".join([parts[0], " · ".join(parts[1:])])


class RecentMeetingsModel(RowsListModel["MeetingSummary"]):  # store.api: for types only
    """The newest meetings, as plain summaries from the store."""

    def set_meetings(self, meetings: list[MeetingSummary]) -> None:
        self.reset_rows(meetings)

    def shown(self, meeting: MeetingSummary, index: _Index, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return describe_meeting(meeting)
        if role == Qt.ItemDataRole.UserRole:
            return meeting.id
        return None


class MainWindow(QMainWindow):
    reviewRequested = Signal(object)  # noqa: N815 (Qt signal naming) -- meeting id or None
    newMeetingRequested = Signal()  # noqa: N815
    retryRequested = Signal()  # noqa: N815 -- the user asks to open the store again

    def __init__(self, playbooks: PlaybookOverview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setObjectName("mainWindow")
        self._playbook_count = playbooks.count
        self._review_handler: Callable[[int | None], None] | None = None
        self.shortcuts: GlobalShortcuts | None = None  # set by the app controller
        # Asked before the window closes (the app quits with it); False keeps it open.
        self.close_guard: Callable[[], bool] | None = None

        heading = bold_label(APP_NAME, scale=1.8, name="heading")
        tagline = QLabel(self.tr("A quiet companion for the meeting with an upset client."))
        tagline.setObjectName("muted")
        tagline.setWordWrap(True)

        self.new_meeting_button = QPushButton(self.tr("New meeting…"))
        self.new_meeting_button.setObjectName("primaryButton")
        self.new_meeting_button.setToolTip(self.tr("Prepare and start a meeting (Ctrl+N)"))
        self.new_meeting_button.setMinimumHeight(40)
        self.new_meeting_button.clicked.connect(self.new_meeting)
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self).activated.connect(
            self.new_meeting
        )

        self.status = QLabel(self.tr("Opening your notes…"))
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setObjectName("retryStoreButton")
        self.retry_button.setToolTip(self.tr("Try to open your notes database again"))
        self.retry_button.clicked.connect(self.retryRequested)
        self.retry_button.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.retry_button)

        recent_heading = QLabel(self.tr("RECENT MEETINGS"))
        recent_heading.setObjectName("sectionLabel")
        self.recent_model = RecentMeetingsModel(self)
        self.recent_list = QListView()
        self.recent_list.setObjectName("recentMeetings")
        self.recent_list.setAccessibleName(self.tr("Recent meetings"))
        self.recent_list.setModel(self.recent_model)
        self.recent_list.setWordWrap(True)
        self.recent_list.setSpacing(2)
        self.recent_list.activated.connect(self._open_recent)
        self.empty_hint = QLabel(
            self.tr("No meetings yet. Your meetings appear here when they end.")
        )
        self.empty_hint.setObjectName("muted")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.hide()  # until the store has said there are none

        # The review and partner mode open once the store is (see set_review_handler).
        self.review_button = QPushButton(self.tr("Review…"))
        self.review_button.setObjectName("reviewButton")
        self.review_button.setEnabled(False)
        self.review_button.setToolTip(self.tr("Opens once Poise has opened your notes"))
        self.review_button.clicked.connect(lambda: self.request_review(self._selected_id()))
        self.partner_button = QPushButton(self.tr("Partner mode…"))
        self.partner_button.setObjectName("partnerButton")
        self.partner_button.setEnabled(False)
        self.partner_button.setToolTip(self.tr("Opens once Poise has opened your notes"))
        self.settings_button = QPushButton(self.tr("Settings…"))
        self.settings_button.setObjectName("settingsButton")
        self.settings_button.clicked.connect(self.open_settings)
        buttons = QHBoxLayout()
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.partner_button)
        buttons.addStretch(1)
        buttons.addWidget(self.settings_button)

        self.problems_label = QLabel()
        self.problems_label.setObjectName("problemLine")
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_playbooks(playbooks)

        layout = QVBoxLayout()
        layout.setContentsMargins(18, 18, 18, 18)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(tagline)
        layout.addWidget(self.new_meeting_button)
        layout.addLayout(status_row)
        layout.addSpacing(6)
        layout.addWidget(recent_heading)
        layout.addWidget(self.recent_list, 1)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.problems_label)
        layout.addLayout(buttons)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.resize(520, 560)

    def show_playbooks(self, playbooks: PlaybookOverview) -> None:
        """How many playbooks there are (a meeting needs one) and why any were skipped."""
        self._playbook_count = playbooks.count
        self.new_meeting_button.setEnabled(playbooks.count > 0)
        if playbooks.problems:
            from html import escape  # only for a broken playbook's lines

            lines = "<br>".join(escape(problem) for problem in playbooks.problems)
            heading_text = escape(self.tr("Playbooks skipped because of errors:"))
            self.problems_label.setText(f"<b>{heading_text}</b><br>{lines}")
        self.problems_label.setVisible(bool(playbooks.problems))

    # -- the store arrives -------------------------------------------------------------------

    def store_ready(self) -> None:
        """The store is open: say how many playbooks are ready (the list follows)."""
        self.retry_button.hide()
        self.status.setToolTip("")
        self.status.setObjectName("muted")
        self._restyle(self.status)
        playbooks = self._playbook_count
        self.status.setText(
            self.tr("%n playbook(s) ready.", "", playbooks)
            if playbooks
            else self.tr("No playbook could be loaded.")
        )

    def show_store_problem(self, line: str, details: str, *, can_retry: bool) -> None:
        """The store cannot be opened: one line saying why (the details, naming the file
        and what to do, on hover), with Retry when it may help."""
        self.status.setObjectName("problemLine")
        self._restyle(self.status)
        self.status.setText(line)
        self.status.setToolTip(details)
        self.retry_button.setVisible(can_retry)
        self.retry_button.setEnabled(True)

    def show_retrying(self) -> None:
        self.retry_button.setEnabled(False)
        self.status.setText(self.tr("Opening your notes…"))

    def show_recent(self, meetings: list[MeetingSummary]) -> None:
        self.recent_model.set_meetings(meetings)
        self.empty_hint.setVisible(not meetings)

    def new_meeting(self) -> None:
        if self.new_meeting_button.isEnabled():
            self.newMeetingRequested.emit()

    @staticmethod
    def _restyle(label: QLabel) -> None:
        label.style().unpolish(label)
        label.style().polish(label)

    # -- what the app controller plugs in -----------------------------------------------------

    def set_review_handler(self, handler: Callable[[int | None], None]) -> None:
        """Issue 6: ``handler(meeting_id or None)`` opens the review window."""
        self._review_handler = handler
        self.review_button.setEnabled(True)
        self.review_button.setToolTip(self.tr("Look back at past meetings"))

    def set_partner_handler(self, handler: Callable[[], None]) -> None:
        """Issue 5: ``handler()`` opens partner mode."""
        self.partner_button.clicked.connect(handler)
        self.partner_button.setEnabled(True)
        self.partner_button.setToolTip(self.tr("Support someone else's meeting as their partner"))

    @property
    def can_review(self) -> bool:
        return self._review_handler is not None

    def _selected_id(self) -> int | None:
        index = self.recent_list.currentIndex()
        return index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None

    def _open_recent(self, index: QModelIndex) -> None:
        self.request_review(index.data(Qt.ItemDataRole.UserRole))

    def request_review(self, meeting_id: int | None) -> None:
        self.reviewRequested.emit(meeting_id)
        if self._review_handler is not None:
            self._review_handler(meeting_id)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        super().closeEvent(event)

    def open_settings(self) -> None:
        from app.ui.settings.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self, shortcuts=self.shortcuts)
        dialog.open()


__all__ = ["MainWindow", "RecentMeetingsModel", "describe_meeting"]
