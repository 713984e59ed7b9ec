"""One meeting from start to finish: prepare → live window → summary, and into the store.

``MeetingFlow`` owns the windows of the meeting in progress and is where other features
attach: ``sessionStarted`` hands over the ``LiveSession`` and its window (the partner link,
issue 5), ``summaryShown`` the summary (the review, issue 6).

A meeting never waits for the database. "New meeting" works before the store is open
(the client list joins the dialog when it arrives), and Start opens the live window at
once while the meeting is written in the background: the session keeps its writes until
the meeting is in the store (see ``LiveSession.attach_meeting``). If the database cannot
take the meeting (locked, unavailable), the live window says so and the flow tries again;
if the store cannot be opened at all, the meeting goes on and its notes are written to a
Markdown file in the data folder when it ends, so nothing typed is lost.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app.domain.library import PlaybookLibrary
from app.domain.meeting_session import Clock, MeetingRecap, utc_now
from app.settings import shared_settings
from app.ui.live.live_window import LiveWindow
from app.ui.live.prepare_dialog import MeetingPlan, PrepareDialog
from app.ui.live.session import LiveSession
from app.ui.live.summary import SummaryWindow
from app.ui.live.writer_bridge import WriterBridge

if TYPE_CHECKING:
    from app.store.records import ClientRecord, MeetingRecord

_log = logging.getLogger(__name__)

# How soon a meeting the database refused is offered to it again.
STORE_RETRY_MS = 3000
# How long a meeting may wait for a store that is still opening before the user is told
# (a team database on a slow network, say); normally the store is open within a second.
STORE_SLOW_MS = 5000


@dataclass(frozen=True, slots=True, eq=False)  # each one is itself: compared by identity
class _UnstoredMeeting:
    """A meeting on screen (or just ended) whose row the store has not written yet."""

    session: LiveSession
    plan: MeetingPlan
    started_at: datetime


class MeetingFlow(QObject):
    """Runs the "New meeting" path; one meeting at a time."""

    prepareOpened = Signal(object)  # noqa: N815 (Qt signal naming) -- PrepareDialog
    sessionStarted = Signal(object, object)  # noqa: N815 -- LiveSession, LiveWindow
    summaryShown = Signal(object)  # noqa: N815 -- SummaryWindow
    meetingStored = Signal(int)  # noqa: N815 -- meeting id, once its end is written
    unsavedCopyWritten = Signal(object)  # noqa: N815 -- Path of a meeting the store never took

    def __init__(
        self,
        store: Any | None,
        library: PlaybookLibrary,
        *,
        parent_window: QWidget | None = None,
        clock: Clock = utc_now,
        cue_fade: timedelta | None = None,
    ) -> None:
        super().__init__(parent_window)
        self.store: Any = None
        self.bridge: WriterBridge | None = None
        self.library = library
        self.clock = clock
        self.cue_fade = cue_fade
        self.parent_window = parent_window
        self.prepare: PrepareDialog | None = None
        self.session: LiveSession | None = None
        self.live_window: LiveWindow | None = None
        self.summary: SummaryWindow | None = None
        # Usually one, for a moment; more only if meetings end before the store opens.
        self._unstored: list[_UnstoredMeeting] = []
        # Those whose row is on its way to the writer: never sent twice, or it is written twice.
        self._writing: list[_UnstoredMeeting] = []
        # Why the store cannot take meetings right now ("" while all is well).
        self._store_problem = ""
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(STORE_RETRY_MS)
        self._retry.timeout.connect(self._store_waiting_meetings)
        self._slow_store = QTimer(self)
        self._slow_store.setSingleShot(True)
        self._slow_store.setInterval(STORE_SLOW_MS)
        self._slow_store.timeout.connect(self._say_store_is_slow)
        self.unsavedCopyWritten.connect(self._show_unsaved_copy)
        if store is not None:
            self.attach_store(store)

    @property
    def busy(self) -> bool:
        return self.prepare is not None or (
            self.session is not None and self.session.domain.is_running
        )

    # -- the store arrives (or never does) -------------------------------------------------

    def attach_store(self, store: Any) -> None:
        """The store is open: offer its clients, and write the meeting that waited for it."""
        self.store = store
        self.bridge = WriterBridge(store.writer, self)
        self._store_problem = ""
        if self.prepare is not None:
            self._fetch_clients()
        self._store_waiting_meetings()

    @property
    def has_unstored_meeting(self) -> bool:
        """A meeting (running or ended) whose notes are not in the store yet."""
        return bool(self._unstored)

    def store_failed(self, error: BaseException) -> None:
        """The store could not be opened: a running meeting goes on, an ended one is filed."""
        self._store_problem = str(error)
        for waiting in list(self._unstored):
            if waiting.session.domain.is_running:
                waiting.session.problem.emit(self._unsaved_message())
            else:
                self._write_unsaved_copy(waiting, waiting.session.domain.recap())

    def _unsaved_message(self) -> str:
        return (
            f"{self._store_problem}\n\nThis meeting goes on: its notes stay in this window "
            "and are written to a file in Poise's data folder when it ends."
        )

    # -- prepare ---------------------------------------------------------------------------

    def new_meeting(self) -> None:
        """Open the prepare dialog at once; the store's clients join it when they arrive."""
        if self.live_window is not None and self.session and self.session.domain.is_running:
            self.live_window.activateWindow()
            return
        if self.prepare is not None:
            self.prepare.raise_()
            return
        dialog = PrepareDialog(self.library, [], shared_settings().current, self.parent_window)
        dialog.accepted.connect(lambda: self._start(dialog))
        dialog.finished.connect(self._prepare_closed)
        self.prepare = dialog
        dialog.open()
        self.prepareOpened.emit(dialog)
        if self.bridge is not None:
            self._fetch_clients()

    def _fetch_clients(self) -> None:
        assert self.bridge is not None
        self.bridge.submit(
            self.store.service.list_clients,
            on_done=self._offer_clients,
            on_error=lambda error: _log.warning("could not list the clients: %s", error),
        )

    def _offer_clients(self, clients: list[ClientRecord]) -> None:
        if self.prepare is not None:
            self.prepare.add_client_names([client.name for client in clients])

    def _prepare_closed(self, _result: int) -> None:
        self.prepare = None

    # -- live ------------------------------------------------------------------------------

    def _start(self, dialog: PrepareDialog) -> None:
        plan = dialog.plan
        if plan is None:
            return
        # Never raises: settings that cannot be written stay in memory (told once).
        settings = shared_settings().update(
            last_cues=plan.cues,
            last_partner_name=plan.partner_name,
            last_playbook_id=plan.playbook.id,
        )
        # Once the dialog has closed, so that the live window is the one that gets the keys.
        QTimer.singleShot(0, lambda: self._go_live(plan, settings))

    def _go_live(self, plan: MeetingPlan, settings: Any) -> None:
        session = self._open_live(plan, settings)
        # The meeting starts when its first step is on screen, and the store says the same.
        started_at = session.domain.started_at
        assert started_at is not None
        waiting = _UnstoredMeeting(session, plan, started_at)
        self._unstored.append(waiting)
        if self.store is not None:
            self._store_meeting(waiting)
        elif self._store_problem:
            session.problem.emit(self._unsaved_message())
        else:
            self._slow_store.start()

    def _say_store_is_slow(self) -> None:
        if self.store is not None or self._store_problem:
            return
        for waiting in self._unstored:
            if waiting.session.domain.is_running:
                waiting.session.problem.emit(
                    "Poise is still opening your notes database. What you type is kept in "
                    "this window and saved as soon as the database opens."
                )

    def _store_waiting_meetings(self) -> None:
        for waiting in list(self._unstored):
            self._store_meeting(waiting)

    def _store_meeting(self, waiting: _UnstoredMeeting) -> None:
        """Write a meeting's row; its session then sends what it kept meanwhile."""
        if self.bridge is None or waiting in self._writing:
            return
        self._writing.append(waiting)
        service = self.store.service
        plan, started_at = waiting.plan, waiting.started_at

        def start_meeting() -> MeetingRecord:
            # Imported here, on the writer thread: the store's modules stay off the GUI's.
            from app.store.records import MeetingDraft

            draft = MeetingDraft(
                client_name=plan.client_name,
                title=plan.title,
                mode=plan.mode,
                playbook_id=plan.playbook.id,
                playbook_version=str(plan.playbook.version),
                partner_name=plan.partner_name,
                cues=plan.cues,
                started_at=started_at,
            )
            record: MeetingRecord = service.start_meeting(draft)
            return record

        self.bridge.submit(
            start_meeting,
            on_done=lambda meeting: self._meeting_stored(waiting, meeting),
            on_error=lambda error: self._meeting_refused(waiting, error),
        )

    def _meeting_stored(self, waiting: _UnstoredMeeting, meeting: MeetingRecord) -> None:
        self._writing.remove(waiting)
        if waiting not in self._unstored:
            return  # filed as an unsaved copy meanwhile
        self._unstored.remove(waiting)
        session = waiting.session
        session.attach_meeting(self.store, meeting.id)
        session.problemResolved.emit()
        if session is self.session and self.summary is not None:
            self.summary.set_meeting_id(meeting.id)

    def _meeting_refused(self, waiting: _UnstoredMeeting, error: object) -> None:
        self._writing.remove(waiting)
        if waiting not in self._unstored:
            return
        if waiting.session.domain.is_running:
            waiting.session.problem.emit(
                f"{error}\n\nThe meeting goes on; Poise keeps its notes and tries again."
            )
        self._retry.start()

    def _open_live(self, plan: MeetingPlan, settings: Any) -> LiveSession:
        fade = self.cue_fade or timedelta(seconds=settings.cue_fade_seconds)
        session = LiveSession(
            None,
            None,
            plan.playbook,
            plan.cues,
            clock=self.clock,
            cue_fade=fade,
            parent=self,  # outlives the window: the end may still be on its way to the disk
        )
        if self.session is not None and self.session.stored:
            # One still waiting for the store is kept (a child of the flow) until it is in.
            self.session.deleteLater()
        if self.live_window is not None:
            self.live_window.deleteLater()
        window = LiveWindow(
            session, client_name=plan.client_name, meeting_title=plan.title, settings=settings
        )
        window.ended.connect(lambda recap: self._show_summary(session, plan, recap))
        session.storedEnd.connect(lambda: self._ended_in_store(session))
        self.session = session
        self.live_window = window
        window.show()
        window.begin()
        self.sessionStarted.emit(session, window)
        return session

    def _ended_in_store(self, session: LiveSession) -> None:
        if session.meeting_id is not None:
            self.meetingStored.emit(session.meeting_id)

    def _show_summary(self, session: LiveSession, plan: MeetingPlan, recap: MeetingRecap) -> None:
        if self.live_window is not None:
            # Kept (hidden) until the next meeting replaces it; its geometry is saved on close.
            self.live_window.close()
        summary = SummaryWindow(
            recap,
            meeting_id=session.meeting_id,
            client_name=plan.client_name,
            meeting_title=plan.title,
        )
        self.summary = summary
        summary.show()
        self.summaryShown.emit(summary)
        waiting = next((w for w in self._unstored if w.session is session), None)
        if waiting is not None and self._store_problem:
            self._write_unsaved_copy(waiting, recap)

    def _write_unsaved_copy(self, waiting: _UnstoredMeeting, recap: MeetingRecap) -> None:
        """The store never opened: put the meeting in a Markdown file, off the GUI thread."""
        from app import paths
        from app.export.unsaved import unsaved_meeting_markdown, write_unsaved_copy

        self._unstored.remove(waiting)
        session, plan, started_at = waiting.session, waiting.plan, waiting.started_at
        text = unsaved_meeting_markdown(
            client_name=plan.client_name,
            title=plan.title,
            started_at=started_at,
            notes=session.held_notes,
            lines=session.held_lines,
            recap=recap,
        )
        folder = paths.data_dir() / "unsaved-meetings"

        def write() -> None:
            try:
                path = write_unsaved_copy(folder, started_at, text)
            except OSError as error:
                _log.error("could not write the meeting's notes to %s: %s", folder, error)
                path = None
            self.unsavedCopyWritten.emit(path)

        threading.Thread(target=write, name="poise-unsaved-copy", daemon=True).start()

    def _show_unsaved_copy(self, path: Path | None) -> None:
        if self.summary is not None:
            self.summary.show_unsaved_copy(path)
