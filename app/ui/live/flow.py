"""One meeting from start to finish: prepare → store the meeting → live window → summary.

``MeetingFlow`` owns the windows of the meeting in progress and is where other features
attach: ``sessionStarted`` hands over the ``LiveSession`` and its window (the partner link,
issue 5), ``summaryShown`` the summary (the review, issue 6).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.library import PlaybookLibrary
from app.domain.meeting_session import Clock, MeetingRecap, utc_now
from app.settings import load_settings, save_settings
from app.ui.live.live_window import LiveWindow
from app.ui.live.prepare_dialog import MeetingPlan, PrepareDialog
from app.ui.live.session import LiveSession
from app.ui.live.summary import SummaryWindow
from app.ui.live.writer_bridge import WriterBridge

if TYPE_CHECKING:
    from app.store.records import ClientRecord, MeetingRecord


class MeetingFlow(QObject):
    """Runs the "New meeting" path; one meeting at a time."""

    prepareOpened = Signal(object)  # noqa: N815 (Qt signal naming) -- PrepareDialog
    sessionStarted = Signal(object, object)  # noqa: N815 -- LiveSession, LiveWindow
    summaryShown = Signal(object)  # noqa: N815 -- SummaryWindow
    meetingStored = Signal(int)  # noqa: N815 -- meeting id, once its end is written

    def __init__(
        self,
        store: Any,
        library: PlaybookLibrary,
        *,
        parent_window: QWidget | None = None,
        clock: Clock = utc_now,
        cue_fade: timedelta | None = None,
    ) -> None:
        super().__init__(parent_window)
        self.store = store
        self.library = library
        self.clock = clock
        self.cue_fade = cue_fade
        self.parent_window = parent_window
        self.bridge = WriterBridge(store.writer, self)
        self.prepare: PrepareDialog | None = None
        self.session: LiveSession | None = None
        self.live_window: LiveWindow | None = None
        self.summary: SummaryWindow | None = None
        self._plan: MeetingPlan | None = None

    @property
    def busy(self) -> bool:
        return self.prepare is not None or (
            self.session is not None and self.session.domain.is_running
        )

    def new_meeting(self) -> None:
        """Open the prepare dialog (once the client list has arrived from the store)."""
        if self.live_window is not None and self.session and self.session.domain.is_running:
            self.live_window.activateWindow()
            return
        if self.prepare is not None:
            self.prepare.raise_()
            return
        self.bridge.submit(
            self.store.service.list_clients, on_done=self._open_prepare, on_error=self._failed
        )

    def _open_prepare(self, clients: list[ClientRecord]) -> None:
        dialog = PrepareDialog(
            self.library, [c.name for c in clients], load_settings(), self.parent_window
        )
        dialog.accepted.connect(lambda: self._start(dialog))
        dialog.finished.connect(self._prepare_closed)
        self.prepare = dialog
        dialog.open()
        self.prepareOpened.emit(dialog)

    def _prepare_closed(self, _result: int) -> None:
        self.prepare = None

    def _start(self, dialog: PrepareDialog) -> None:
        plan = dialog.plan
        if plan is None:
            return
        self._plan = plan
        settings = load_settings()
        save_settings(
            replace(
                settings,
                last_cues=plan.cues,
                last_partner_name=plan.partner_name,
                last_playbook_id=plan.playbook.id,
            )
        )
        from app.store.records import MeetingDraft

        draft = MeetingDraft(
            client_name=plan.client_name,
            title=plan.title,
            mode=plan.mode,
            playbook_id=plan.playbook.id,
            playbook_version=str(plan.playbook.version),
            partner_name=plan.partner_name,
            cues=plan.cues,
            started_at=self.clock(),
        )
        self.bridge.submit(
            self.store.service.start_meeting, draft, on_done=self._open_live, on_error=self._failed
        )

    def _open_live(self, meeting: MeetingRecord) -> None:
        plan = self._plan
        assert plan is not None
        settings = load_settings()
        fade = self.cue_fade or timedelta(seconds=settings.cue_fade_seconds)
        session = LiveSession(
            self.store,
            meeting.id,
            plan.playbook,
            plan.cues,
            clock=self.clock,
            cue_fade=fade,
            parent=self,  # outlives the window: the end may still be on its way to the disk
        )
        if self.session is not None:
            self.session.deleteLater()
        if self.live_window is not None:
            self.live_window.deleteLater()
        window = LiveWindow(
            session, client_name=meeting.client_name, meeting_title=meeting.title, settings=settings
        )
        window.ended.connect(lambda recap: self._show_summary(meeting, recap))
        session.storedEnd.connect(lambda: self.meetingStored.emit(meeting.id))
        self.session = session
        self.live_window = window
        window.show()
        window.begin()
        self.sessionStarted.emit(session, window)

    def _show_summary(self, meeting: MeetingRecord, recap: MeetingRecap) -> None:
        if self.live_window is not None:
            # Kept (hidden) until the next meeting replaces it; its geometry is saved on close.
            self.live_window.close()
        summary = SummaryWindow(
            recap,
            meeting_id=meeting.id,
            client_name=meeting.client_name,
            meeting_title=meeting.title,
        )
        self.summary = summary
        summary.show()
        self.summaryShown.emit(summary)

    def _failed(self, error: object) -> None:
        QMessageBox.warning(
            self.parent_window,
            "Poise could not start the meeting",
            f"{error}\n\nNothing was lost; try again when the problem is fixed.",
        )
