"""Meetings a crash left open, offered on the home window: resume, or end at the last activity.

One quiet line under the status, never a dialog: "Your meeting with Acme (Tue 14:05) was
left open. [Resume] [End at last activity]". Resume reopens the live window on it with its
notes (``MeetingFlow.resume_meeting``); ending stamps the end at the time of the
meeting's last recorded write. The same line names any meeting journal the store could
not apply at start (the file is kept; ``app.journal.replay``). The store is only reached
through the app's ``StoreClient``, never from the GUI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.export.formatting import format_recent
from app.ui.common.store_client import StoreClient

if TYPE_CHECKING:
    from app.ui.live.flow import MeetingFlow


class FlowOwner(Protocol):
    """Who holds the meeting flow (the composition root)."""

    @property
    def flow(self) -> MeetingFlow | None: ...
    def ensure_flow(self) -> MeetingFlow: ...


class LeftOpenOffer(QFrame):
    """The line on the home window; ``offer()`` looks for meetings left open."""

    def __init__(
        self, client: StoreClient, flows: FlowOwner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("leftOpenOffer")
        self.client = client
        self.flows = flows
        self._waiting: list[Any] = []  # MeetingSummary, newest first
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.resume_button = QPushButton(self.tr("Resume"))
        self.resume_button.setObjectName("resumeMeeting")
        self.resume_button.clicked.connect(self._resume)
        self.end_button = QPushButton(self.tr("End at last activity"))
        self.end_button.setObjectName("endLeftOpenMeeting")
        self.end_button.clicked.connect(self._end)
        self.journal_problems = QLabel()
        self.journal_problems.setObjectName("problemLine")
        self.journal_problems.setWordWrap(True)
        self.journal_problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.journal_problems.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.resume_button)
        row.addWidget(self.end_button)
        self._row = QWidget()
        self._row.setLayout(row)
        self._row.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._row)
        layout.addWidget(self.journal_problems)
        self.hide()

    def offer(self) -> None:
        problems = getattr(getattr(self.client.store, "journals", None), "problems", [])
        self.journal_problems.setText("\n".join(problems))
        self.journal_problems.setVisible(bool(problems))
        self._update_visibility()
        self.client.read(self.client.service.unended_meetings, on_done=self._found)

    def _found(self, meetings: list[Any]) -> None:
        self._waiting = [meeting for meeting in meetings if not self._is_running(meeting)]
        self._show_first()

    def _is_running(self, meeting: Any) -> bool:
        flow = self.flows.flow
        session = flow.session if flow is not None else None
        if session is None or not session.domain.is_running:
            return False
        return bool(
            session.meeting_id == meeting.id or session.domain.started_at == meeting.started_at
        )

    def _show_first(self) -> None:
        if self._waiting:
            meeting = self._waiting[0]
            when = format_recent(meeting.started_at)  # as the recent list writes it
            others = len(self._waiting) - 1
            line = (
                self.tr(
                    "Your meeting with {client} ({when}) was left open (and %n more).", "", others
                )
                if others
                else self.tr("Your meeting with {client} ({when}) was left open.")
            )
            self.label.setText(line.format(client=meeting.client_name, when=when))
            self.resume_button.setEnabled(True)
            self.end_button.setEnabled(True)
        self._row.setVisible(bool(self._waiting))
        self._update_visibility()

    def _update_visibility(self) -> None:
        self.setVisible(bool(self._waiting) or bool(self.journal_problems.text()))

    def _resume(self) -> None:
        if not self._waiting:
            return
        self.resume_button.setEnabled(False)
        self.client.read(
            self.client.service.load_meeting, self._waiting[0].id, on_done=self._loaded
        )

    def _loaded(self, detail: Any) -> None:
        flow = self.flows.ensure_flow()
        if flow.resume_meeting(detail) is None:
            self.resume_button.setEnabled(True)
            self.label.setText(
                self.tr("A meeting is running: end it first.")
                if flow.busy
                else self.tr(
                    "The playbook of that meeting ({playbook}) is not installed, so it cannot "
                    "be resumed; it can be ended."
                ).format(playbook=detail.meeting.playbook_id)
            )
            return
        self._waiting.pop(0)
        self._show_first()

    def _end(self) -> None:
        if not self._waiting:
            return
        self.end_button.setEnabled(False)
        service, meeting_id = self.client.service, self._waiting[0].id

        def end_at_last_activity() -> int:
            service.end_meeting(meeting_id, service.last_activity(meeting_id))
            return meeting_id

        self.client.write(end_at_last_activity, on_done=self._ended)

    def _ended(self, meeting_id: int) -> None:
        self._waiting.pop(0)
        self._show_first()
        self.client.announce_ended(meeting_id)  # the recent list and the review follow


def offer_meetings_left_open(window: Any, client: StoreClient, flows: FlowOwner) -> LeftOpenOffer:
    """Put the line under the home window's status and look for meetings left open."""
    offer = LeftOpenOffer(client, flows, window)
    layout = window.centralWidget().layout()
    layout.insertWidget(layout.indexOf(window.status) + 1, offer)
    offer.offer()
    return offer
