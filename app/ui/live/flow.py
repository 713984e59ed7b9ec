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
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app import paths
from app.domain.awaiting_store import AwaitingStore
from app.domain.library import PlaybookLibrary
from app.domain.meeting_session import Clock, MeetingRecap, MeetingSoFar, utc_now
from app.domain.partner_watch import brief_as_dict
from app.export.follow_through import briefing_lines, client_report
from app.export.report import MeetingReport, build_report
from app.journal.writer import MeetingJournal
from app.settings import Settings, shared_settings
from app.ui.common.export_folders import ExportFolders
from app.ui.common.gui_thread_gc import freeze_before_first_meeting
from app.ui.common.imports_give_way import give_way, go_on_once_painted
from app.ui.common.journal_words import kept_words
from app.ui.common.meeting_export import write_meeting_export
from app.ui.common.store_client import StoreClient
from app.ui.live.live_warm_up import warm_up_live_window_soon
from app.ui.live.live_window import LiveWindow
from app.ui.live.partner_record import keep_partner_record
from app.ui.live.resume import meeting_so_far, show_notes_as_they_were
from app.ui.live.session import LiveSession
from app.ui.live.summary import SummaryWindow
from app.ui.prepare.partner_brief_editor import remembering_brief
from app.ui.prepare.partner_history_lines import PartnerHistoryReader
from app.ui.prepare.prepare_dialog import MeetingPlan, PrepareDialog

if TYPE_CHECKING:
    from app.store.api import ClientRecord, MeetingDetail, MeetingRecord, OpenStore

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


def _remember_export_folder(folder: Path) -> None:
    """The summary's save dialogs open here next time (the settings owner saves it)."""
    shared_settings().update(last_export_folder=str(folder))


def _with_choices_of(settings: Settings, plan: MeetingPlan) -> Settings:
    """``settings`` remembering what the prepare dialog chose, for its next opening."""
    chosen = replace(
        settings,
        last_cues=plan.cues,
        last_partner_name=plan.partner_name,
        last_playbook_id=plan.playbook.id,
    )
    return remembering_brief(chosen, plan.partner_brief)


def _remember_choices_of(plan: MeetingPlan) -> None:
    owner = shared_settings()
    owner.replace_all(_with_choices_of(owner.current, plan))


def journal_for(plan: MeetingPlan) -> MeetingJournal:
    """The journal of a meeting about to start, in the data folder."""
    return MeetingJournal(
        paths.data_dir(),
        {
            "client_name": plan.client_name,
            "title": plan.title,
            "mode": plan.mode.value,
            "playbook_id": plan.playbook.id,
            "playbook_version": str(plan.playbook.version),
            "partner_name": plan.partner_name,
            "cues": [{**asdict(cue), "style": cue.style.value} for cue in plan.cues],
            "partner_brief": brief_as_dict(plan.partner_brief) if plan.partner_brief else None,
        },
    )


class MeetingFlow(QObject):
    """Runs the "New meeting" path; one meeting at a time."""

    prepareOpened = Signal(object)  # noqa: N815 (Qt signal naming) -- PrepareDialog
    sessionStarted = Signal(object, object)  # noqa: N815 -- LiveSession, LiveWindow
    summaryShown = Signal(object)  # noqa: N815 -- SummaryWindow
    meetingStored = Signal(int)  # noqa: N815 -- meeting id, once its end is written
    unsavedCopyWritten = Signal(object)  # noqa: N815 -- Path of a meeting the store never took

    def __init__(
        self,
        store: StoreClient | OpenStore | None,
        library: PlaybookLibrary,
        *,
        parent_window: QWidget | None = None,
        clock: Clock = utc_now,
        cue_fade: timedelta | None = None,
    ) -> None:
        super().__init__(parent_window)
        # The application's client; a flow made without one (a test) gets its own.
        self.client = store if isinstance(store, StoreClient) else StoreClient(parent=self)
        self.library = library
        self.clock = clock
        self.cue_fade = cue_fade
        self.parent_window = parent_window
        self.prepare: PrepareDialog | None = None
        self.session: LiveSession | None = None
        self.live_window: LiveWindow | None = None
        self.summary: SummaryWindow | None = None
        # Which day it is, for what is overdue (tests set it).
        self.today: Callable[[], date] = date.today
        self._awaiting: AwaitingStore[_UnstoredMeeting] = AwaitingStore()
        self._unsaved_folder: Path | None = None
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(STORE_RETRY_MS)
        self._retry.timeout.connect(self._store_waiting_meetings)
        self._slow_store = QTimer(self)
        self._slow_store.setSingleShot(True)
        self._slow_store.setInterval(STORE_SLOW_MS)
        self._slow_store.timeout.connect(self._say_store_is_slow)
        self.unsavedCopyWritten.connect(self._show_unsaved_copy)
        self.client.storeOpened.connect(self._store_opened)
        self.client.storeFailed.connect(self.store_failed)
        if store is not None and not isinstance(store, StoreClient):
            self.client.attach(store)
        elif self.client.is_open:
            self._store_opened()

    @property
    def store(self) -> OpenStore | None:
        return self.client.store

    @property
    def busy(self) -> bool:
        return self.prepare is not None or (
            self.session is not None and self.session.domain.is_running
        )

    # -- the store arrives (or never does) -------------------------------------------------

    def attach_store(self, store: OpenStore) -> None:
        """Hand the flow's client an open store (``storeOpened`` does the rest)."""
        self.client.attach(store)

    def _store_opened(self, _store: object = None) -> None:
        """The store is open: offer its clients, and write the meeting that waited for it."""
        self._awaiting.store_opened()
        if self.prepare is not None:
            self._fetch_clients()
        self._store_waiting_meetings()

    @property
    def has_unstored_meeting(self) -> bool:
        """A meeting (running or ended) whose notes are not in the store yet."""
        return bool(self._awaiting)

    def store_failed(self, error: BaseException) -> None:
        """The store could not be opened: a running meeting goes on, an ended one is filed."""
        # A passing problem (locked, full, unreachable) may clear: the meetings keep
        # waiting for the store as well as being filed.
        self._awaiting.store_failed(str(error), transient=bool(getattr(error, "transient", False)))
        for waiting in self._awaiting.waiting:
            if waiting.session.domain.is_running:
                waiting.session.problem.emit(self._unsaved_message(waiting.session))
            elif not self._awaiting.is_filed(waiting):
                self._write_unsaved_copy(waiting, waiting.session.domain.recap())

    def _unsaved_message(self, session: LiveSession) -> str:
        said = self.tr(
            "{problem}\n\nThis meeting goes on: {kept} "
            "When it ends they are also written to a file in Poise's data folder."
        )
        return said.format(problem=self._awaiting.problem, kept=kept_words(session.journal))

    # -- prepare ---------------------------------------------------------------------------

    def new_meeting(self) -> None:
        """Open the prepare dialog at once; the store's clients join it when they arrive."""
        if self.live_window is not None and self.session and self.session.domain.is_running:
            self.live_window.bring_forward_as_running()
            return
        if self.prepare is not None:
            self.prepare.raise_()
            return
        dialog = PrepareDialog(self.library, [], shared_settings().current, self.parent_window)
        dialog.accepted.connect(lambda: self._start(dialog))
        dialog.finished.connect(self._prepare_closed)
        dialog.clientSettled.connect(self._fetch_briefing)
        PartnerHistoryReader(dialog.brief, self.client)
        self.prepare = dialog
        dialog.open()
        warm_up_live_window_soon(self.library, dialog)
        self.prepareOpened.emit(dialog)
        if self.client.is_open:
            self._fetch_clients()

    def _fetch_clients(self) -> None:
        self.client.read(
            self.client.service.list_clients,
            on_done=self._offer_clients,
            on_error=self._clients_unavailable,
        )

    @staticmethod
    def _clients_unavailable(error: object) -> None:
        _log.warning("could not list the clients: %s", error)

    def _offer_clients(self, clients: list[ClientRecord]) -> None:
        if self.prepare is not None:
            self.prepare.add_client_names([client.name for client in clients])

    def _fetch_briefing(self, client_name: str) -> None:
        """Read what was promised to this client last time, off the GUI thread.

        A read on the client's pool, not the writer's queue: it must never delay the
        meeting's own row, which the user may start any moment.
        """
        if not self.client.is_open or self.prepare is None:
            return
        service = self.client.service
        today = self.today()
        with_client = self.tr("With {client} so far:")  # read here, on the GUI thread

        def work() -> tuple[str, list[str]]:
            client = service.find_client(client_name)
            lines = (
                briefing_lines(client_report(service.client_history(client.id), today))
                if client is not None
                else []
            )
            heading = (
                [with_client.format(client=client.name)] if client is not None and lines else []
            )
            return client_name, [*heading, *lines]

        self.client.read(work, on_done=self._offer_briefing, on_error=self._briefing_unavailable)

    @staticmethod
    def _briefing_unavailable(error: object) -> None:
        # A read for a hint: log it, never disturb the meeting.
        _log.warning("could not read the client's history: %s", error)

    def _offer_briefing(self, answer: tuple[str, list[str]]) -> None:
        # The answer can come after the dialog is gone (Start pressed on a busy machine).
        if self.prepare is not None and shiboken6.isValid(self.prepare):
            self.prepare.show_briefing(*answer)

    def _prepare_closed(self, _result: int) -> None:
        self.prepare = None

    # -- live ------------------------------------------------------------------------------

    def _start(self, dialog: PrepareDialog) -> None:
        plan = dialog.plan
        if plan is None:
            return
        settings = _with_choices_of(shared_settings().current, plan)
        give_way()  # the store's thread may still be importing: the live window paints first
        # Once the dialog has closed, so that the live window is the one that gets the keys.
        QTimer.singleShot(0, lambda: self._go_live(plan, settings))

    def _go_live(self, plan: MeetingPlan, settings: Settings) -> None:
        session = self._open_live(plan, settings)
        # Written once the live window is up: the file is synced to the disk, 3-60 ms on
        # the GUI thread (cProfile of the Start path; the most on a busy disk), and the
        # live window needs the choices, not the file. Never raises: settings that
        # cannot be written stay in memory (told once).
        QTimer.singleShot(0, partial(_remember_choices_of, plan))
        # The meeting starts when its first step is on screen, and the store says the same.
        started_at = session.domain.started_at
        assert started_at is not None
        waiting = _UnstoredMeeting(session, plan, started_at)
        self._awaiting.add(waiting)
        if self.client.is_open:
            self._store_meeting(waiting)
        elif self._awaiting.problem:
            session.problem.emit(self._unsaved_message(session))
        else:
            self._slow_store.start()

    def _say_store_is_slow(self) -> None:
        if self.client.is_open or self._awaiting.problem:
            return
        for waiting in self._awaiting.waiting:
            if waiting.session.domain.is_running:
                said = self.tr(
                    "Poise is still opening your notes database. {kept} They are saved in "
                    "the database as soon as it opens."
                )
                waiting.session.problem.emit(said.format(kept=kept_words(waiting.session.journal)))

    def _store_waiting_meetings(self) -> None:
        for waiting in self._awaiting.waiting:
            self._store_meeting(waiting)

    def _store_meeting(self, waiting: _UnstoredMeeting) -> None:
        """Write a meeting's row; its session then sends what it kept meanwhile."""
        if not self.client.is_open or not self._awaiting.begin_write(waiting):
            return
        service = self.client.service
        plan, started_at = waiting.plan, waiting.started_at

        def start_meeting() -> MeetingRecord:
            from app.store.api import MeetingDraft

            draft = MeetingDraft(
                client_name=plan.client_name,
                title=plan.title,
                mode=plan.mode,
                playbook_id=plan.playbook.id,
                playbook_version=str(plan.playbook.version),
                partner_name=plan.partner_name,
                cues=plan.cues,
                started_at=started_at,
                partner_brief=plan.partner_brief,
            )
            record: MeetingRecord = service.start_meeting(draft)
            return record

        self.client.write(
            start_meeting,
            on_done=partial(self._meeting_stored, waiting),
            on_error=partial(self._meeting_refused, waiting),
        )

    def _meeting_stored(self, waiting: _UnstoredMeeting, meeting: MeetingRecord) -> None:
        if not self._awaiting.written(waiting):
            return  # filed as an unsaved copy meanwhile, by a store that never opens
        session = waiting.session
        session.attach_meeting(self.client, meeting.id)
        self.client.announce_stored(meeting.id)
        session.problemResolved.emit()
        if session is self.session and self.summary is not None:
            self.summary.set_meeting_id(meeting.id)

    def _meeting_refused(self, waiting: _UnstoredMeeting, error: object) -> None:
        if not self._awaiting.refused(waiting):
            return
        if waiting.session.domain.is_running:
            said = self.tr(
                "{problem}\n\nThe meeting goes on: {kept} Poise tries the database again."
            )
            waiting.session.problem.emit(
                said.format(problem=error, kept=kept_words(waiting.session.journal))
            )
        self._retry.start()

    def resume_meeting(self, detail: MeetingDetail) -> LiveWindow | None:
        """Reopen the live window on a meeting a crash left open (issue 14), notes and all.

        None if a meeting is running (it is brought forward) or the playbook is gone.
        """
        if self.busy:
            if self.live_window is not None:
                self.live_window.raise_()
                self.live_window.activateWindow()
            return None
        meeting = detail.meeting
        playbook = self.library.get(meeting.playbook_id)
        if playbook is None or self.store is None:
            return None
        plan = MeetingPlan(
            meeting.client_name,
            meeting.title,
            meeting.mode,
            playbook.for_mode(meeting.mode),
            meeting.partner_name,
            meeting.cues,
            partner_brief=meeting.partner_brief,
        )
        settings = shared_settings().current
        so_far = meeting_so_far(detail, self._cue_fade(settings))
        self._open_live(plan, settings, stored_id=meeting.id, resuming=so_far)
        assert self.live_window is not None
        show_notes_as_they_were(self.live_window, detail)
        return self.live_window

    def _open_live(
        self,
        plan: MeetingPlan,
        settings: Settings,
        *,
        stored_id: int | None = None,
        resuming: MeetingSoFar | None = None,
    ) -> LiveSession:
        """``stored_id``: a meeting already in the store, resumed from ``resuming``."""
        freeze_before_first_meeting()
        fade = self._cue_fade(settings)
        session = LiveSession(
            self.client if stored_id is not None else None,
            stored_id,
            plan.playbook,
            plan.cues,
            clock=self.clock,
            cue_fade=fade,
            journal=journal_for(plan) if stored_id is None else None,
            partner_brief=plan.partner_brief,
            partner_brief_changes=plan.partner_brief_changes,
            parent=self,  # outlives the window: the end may still be on its way to the disk
        )
        session.resuming = resuming
        keep_partner_record(session)
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
        go_on_once_painted(window)
        window.begin()
        self.sessionStarted.emit(session, window)
        return session

    def _cue_fade(self, settings: Settings) -> timedelta:
        """How long a cue stays on screen: the flow's own (a test's), else the settings'."""
        return self.cue_fade or timedelta(seconds=settings.cue_fade_seconds)

    def _ended_in_store(self, session: LiveSession) -> None:
        if session.meeting_id is not None:
            self.meetingStored.emit(session.meeting_id)
            self.client.announce_ended(session.meeting_id)

    def _show_summary(self, session: LiveSession, plan: MeetingPlan, recap: MeetingRecap) -> None:
        if self.live_window is not None:
            # Kept (hidden) until the next meeting replaces it; its geometry is saved on close.
            self.live_window.close()
        summary = SummaryWindow(
            recap,
            meeting_id=session.meeting_id,
            client_name=plan.client_name,
            meeting_title=plan.title,
            started_at=session.domain.started_at,
            notes=session.notes,
            lines=session.lines,
            requests=session.requests,
            partner=session.from_partner,
            export_folders=ExportFolders(
                shared_settings().current.last_export_folder, _remember_export_folder
            ),
            background=self.client.background,
        )
        summary.exportRequested.connect(self._export_from_summary)
        self.client.meetingDeleted.connect(summary.meeting_deleted)
        self.summary = summary
        summary.show()
        self.summaryShown.emit(summary)
        waiting = next((w for w in self._awaiting.waiting if w.session is session), None)
        if waiting is not None and self._awaiting.problem:
            self._write_unsaved_copy(waiting, recap)

    def _export_from_summary(self, kind: str, path: Path) -> None:
        """Load the stored meeting (after its last writes) and write the export."""
        summary = self.summary
        if not self.client.is_open or summary is None or summary.meeting_id is None:
            return
        service = self.client.service
        meeting_id = summary.meeting_id
        titles = self.library.titles()
        fade = self._cue_fade(shared_settings().current).total_seconds()

        def written(report: MeetingReport) -> None:
            if self.summary is not None:
                self.summary.show_message(write_meeting_export(kind, path, report, fade))

        self.client.read(
            lambda: build_report(service.load_meeting(meeting_id), titles),
            on_done=written,
            on_error=self._summary_export_failed,
        )

    def _summary_export_failed(self, error: object) -> None:
        if self.summary is not None:
            said = self.tr("Could not read the meeting to export it: {problem}")
            self.summary.show_message(said.format(problem=error))

    def _write_unsaved_copy(self, waiting: _UnstoredMeeting, recap: MeetingRecap) -> None:
        """The store never opened: put the meeting in a Markdown file, off the GUI thread."""
        from app import paths
        from app.export.unsaved import unsaved_meeting_markdown, write_unsaved_copy

        self._unsaved_folder = paths.data_dir() / "unsaved-meetings"
        self._awaiting.file(waiting)
        session, plan, started_at = waiting.session, waiting.plan, waiting.started_at
        text = unsaved_meeting_markdown(
            client_name=plan.client_name,
            title=plan.title,
            started_at=started_at,
            notes=session.held_notes,
            lines=session.held_lines,
            recap=recap,
            observations=session.from_partner.observations,
            debrief=session.from_partner.debrief,
        )
        self.client.background(
            write_unsaved_copy,
            self._unsaved_folder,
            started_at,
            text,
            on_done=self.unsavedCopyWritten.emit,
            on_error=self._unsaved_copy_failed,
        )

    def _unsaved_copy_failed(self, error: object) -> None:
        _log.error("could not write the meeting's notes to %s: %s", self._unsaved_folder, error)
        self.unsavedCopyWritten.emit(None)

    def file_unstored_meetings(self) -> list[Path]:
        """The app is quitting before the store took these meetings: write them now.

        On the GUI thread, because nothing comes after it; returns the files written.
        """
        from app import paths
        from app.export.unsaved import unsaved_meeting_markdown, write_unsaved_copy

        folder = paths.data_dir() / "unsaved-meetings"
        written: list[Path] = []
        for waiting in self._awaiting.let_go_unfiled():
            session, plan = waiting.session, waiting.plan
            text = unsaved_meeting_markdown(
                client_name=plan.client_name,
                title=plan.title,
                started_at=waiting.started_at,
                notes=session.held_notes,
                lines=session.held_lines,
                recap=session.domain.recap(),
            )
            try:
                written.append(write_unsaved_copy(folder, waiting.started_at, text))
            except OSError as error:
                _log.error("could not write the meeting's notes to %s: %s", folder, error)
        return written

    def _show_unsaved_copy(self, path: Path | None) -> None:
        if self.summary is not None:
            self.summary.show_unsaved_copy(path)
