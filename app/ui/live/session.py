"""``LiveSession``: the one object that drives a live meeting, between widgets and the store.

Widgets call it (next step, save a note, show a cue) and listen to its signals; it keeps
the plain-Python ``MeetingSession`` for the rules and sends every change to the store
through the background writer, so the GUI thread never waits for the disk. It is also
the one path for calm-down cues, whoever sends them: the window's own button, a hotkey,
or the partner link (see docs/architecture.md), and for the other direction:
the user asking the partner to step in (``ask_partner``), stamped on the timeline with
the partner's answer.

A meeting never waits for the database: a session can start before its meeting is in the
store (the store may still be opening, or be locked for a moment). Until ``attach_meeting``
hands it the store and the meeting's id, its writes wait in order in memory and in the
meeting's journal on disk (``app.journal``: on disk within milliseconds, so a crash loses
nothing); then they go to the writer exactly as if they had been sent at once, each with
the time it happened, and the journal is removed once the store has them all.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.cue_display import fade_timer_ms
from app.domain.meeting_session import (
    DEFAULT_CUE_FADE,
    Clock,
    CueEvent,
    CueOutcome,
    CueState,
    MeetingRecap,
    MeetingSession,
    MeetingSoFar,
    StepChange,
    utc_now,
)
from app.domain.meeting_terms import (
    Cue,
    NoteField,
    SignalSource,
)
from app.domain.partner_requests import PartnerRequests, RequestToPartner, spoken_request
from app.domain.partner_watch import BriefChanges, PartnerBrief
from app.domain.playbook import Playbook, Step
from app.journal.writer import MeetingJournal
from app.store.api import OpenStore, StoreService
from app.ui.common.store_client import StoreClient
from app.ui.live.partner_arrivals import PartnerArrivals

# A store write of the session's: called on the writer thread with the service and the id.
StoreJob = Callable[[StoreService, int], Any]


def _record_shown(service: StoreService, signal_id: int, at: datetime) -> None:
    service.record_signal_shown(signal_id, at)


def _record_acknowledged(service: StoreService, signal_id: int, at: datetime) -> None:
    service.record_signal_acknowledged(signal_id, at)


class LiveSession(QObject):
    """One running meeting: ``start()`` it, with or without its meeting in the store yet."""

    stepChanged = Signal(object)  # noqa: N815 -- StepChange
    cueDisplayRequested = Signal(object)  # noqa: N815 -- CueEvent: the window should show it now
    cueWithdrawn = Signal(object)  # noqa: N815 -- CueEvent: acknowledged or faded, take it away
    cueShown = Signal(str)  # noqa: N815 -- message_id: painted on the user's screen
    cueAcknowledged = Signal(str)  # noqa: N815 (Qt signal naming)
    cueExpired = Signal(str)  # noqa: N815 (Qt signal naming)
    followUpChanged = Signal(object)  # noqa: N815 -- date | None
    actionItemAdded = Signal(object)  # noqa: N815 -- ActionItemNote
    lineStamped = Signal(str, object)  # noqa: N815 -- text, at
    partnerAsked = Signal(str, str)  # noqa: N815 -- message id, request key: for the link
    partnerAnswered = Signal(str, str)  # noqa: N815 -- message id, "acknowledged"
    meetingEnded = Signal()  # noqa: N815 (Qt signal naming)
    aboutToEnd = Signal()  # noqa: N815 -- last chance for editors to hand over their text
    storedEnd = Signal()  # noqa: N815 -- the end of the meeting is written to the store
    problem = Signal(str)
    problemResolved = Signal()  # noqa: N815 (Qt signal naming)
    meetingStored = Signal(int)  # noqa: N815 -- the meeting is in the store, with this id

    def __init__(
        self,
        store: StoreClient | OpenStore | None,
        meeting_id: int | None,
        playbook: Playbook,
        cues: tuple[Cue, ...],
        *,
        clock: Clock = utc_now,
        cue_fade: timedelta = DEFAULT_CUE_FADE,
        journal: MeetingJournal | None = None,
        partner_brief: PartnerBrief | None = None,
        partner_brief_changes: BriefChanges | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.meeting_id: int | None = None
        # What the user told the partner before the meeting (None: no brief given).
        self.partner_brief = partner_brief
        # What changed since the last brief given to the same partner (None: first time).
        self.partner_brief_changes = partner_brief_changes
        # Every write made before the meeting is in the store, on disk (None: memory only).
        self.journal = journal
        self._journal_replay_failed = False
        self.domain = MeetingSession(playbook, cues, clock=clock, cue_fade=cue_fade)
        # The partner's observations and debrief, stamped on arrival (issue 25).
        self.from_partner = PartnerArrivals(self.now, self._current_step, self)
        # A meeting a crash left open: set before ``start``, which then goes on from it.
        self.resuming: MeetingSoFar | None = None
        self._service: StoreService | None = None
        self._client: StoreClient | None = None
        # Writes made before the meeting is in the store, oldest first; note text is kept
        # apart, newest per field, as the writer itself would coalesce it.
        self._held: list[Callable[[], None]] = []
        self._held_notes: dict[NoteField, str] = {}
        self._held_lines: list[tuple[datetime, str]] = []
        # What the summary shows at the end, kept whether or not the store has it yet.
        self._notes_now: dict[NoteField, str] = {}
        self._lines_all: list[tuple[datetime, str]] = []
        self._requests = PartnerRequests()
        # message id -> store signal id; written and read only on the writer thread, whose
        # queue runs in order, so "shown"/"acknowledged" always find the id "sent" stored.
        self._signal_ids: dict[str, int] = {}
        self._painted: set[str] = set()
        self._fade_timer = QTimer(self)
        self._fade_timer.setSingleShot(True)
        self._fade_timer.timeout.connect(self._fade_due)
        if store is not None and meeting_id is not None:
            self.attach_meeting(store, meeting_id)

    # -- the meeting in the store ----------------------------------------------------------

    @property
    def stored(self) -> bool:
        """True once the meeting is in the store and writes go straight to it."""
        return self.meeting_id is not None

    @property
    def held_notes(self) -> dict[NoteField, str]:
        """Note text typed before the meeting was in the store (empty once it is)."""
        return dict(self._held_notes)

    @property
    def held_lines(self) -> list[tuple[datetime, str]]:
        """Stamped lines (time, text) made before the meeting was in the store."""
        return list(self._held_lines)

    @property
    def notes(self) -> dict[NoteField, str]:
        """Every note field as last typed in this meeting."""
        return dict(self._notes_now)

    @property
    def lines(self) -> list[tuple[datetime, str]]:
        """Every stamped line (time, text), flags included; requests to the partner not."""
        of_requests = self._requests.timeline_lines()
        return [line for line in self._lines_all if line not in of_requests]

    @property
    def requests(self) -> list[RequestToPartner]:
        """What the user asked the partner, in order, with when (if) the partner answered."""
        return self._requests.in_order()

    def attach_meeting(self, store: StoreClient | OpenStore, meeting_id: int) -> None:
        """The meeting is in the store: send what waited, in order, then write directly.

        ``store`` is the app's ``StoreClient``; a store opened elsewhere (a test's, a
        tool's) gets a client of its own, owned by this session.
        """
        if self.meeting_id is not None:
            return
        if not isinstance(store, StoreClient):
            own = StoreClient(parent=self)
            own.attach(store)
            store = own
        self._service = store.service
        self._client = store
        store.problem.connect(self.problem)
        store.resolved.connect(self.problemResolved)
        self.meeting_id = meeting_id
        client = self._client
        for field, text in self._held_notes.items():
            client.save_note(meeting_id, field, text)
        self._held_notes.clear()
        self._held_lines.clear()
        held, self._held = self._held, []
        for write in held:
            write()
        if self.journal is not None:
            # After everything that waited: the journal goes once the store has it all.
            assert client.store is not None  # it gave the meeting its id
            writer = client.store.writer
            client.write(lambda: writer.problem is None, on_done=self._held_writes_stored)
        self.meetingStored.emit(meeting_id)

    def _held_writes_stored(self, all_in_store: object) -> None:
        journal, self.journal = self.journal, None
        if journal is None:
            return
        if all_in_store and not self._journal_replay_failed:
            journal.discard()
        else:
            # The next start applies it (applying twice adds nothing twice).
            journal.close()

    def _write(self, write: Callable[[], None], kind: str, **values: Any) -> None:
        """Run a store write now, or keep it (in memory and the journal) for ``attach_meeting``."""
        if self._client is None:
            self._held.append(write)
            if self.journal is not None:
                self.journal.record(kind, **values)
        else:
            write()

    def _submit(self, job: StoreJob, kind: str, values: dict[str, Any], **callbacks: Any) -> None:
        """Run ``job(service, meeting_id)`` on the writer thread, now or once stored.

        ``kind`` and ``values`` are the same write as the journal keeps it.
        """

        def write() -> None:
            assert self._client is not None
            self._client.write(job, self._service, self.meeting_id, **callbacks)

        self._write(write, kind, **values)

    def write_kept(
        self, job: StoreJob, kind: str, values: dict[str, Any], **callbacks: Any
    ) -> None:
        """A write of this meeting's made elsewhere (the partner's record): kept like the
        session's own, in order and in the journal until the meeting is in the store.
        ``on_error`` replaces the session's own report of a refusal (see ``report``)."""
        self._submit(job, kind, values, **{"on_error": self._report, **callbacks})

    def report(self, error: object) -> None:
        """Say that a write of this meeting's was refused (the journal, if any, is kept)."""
        self._report(error)

    # -- what the window reads ---------------------------------------------------------

    @property
    def cues(self) -> tuple[Cue, ...]:
        return self.domain.cues

    @property
    def playbook(self) -> Playbook:
        return self.domain.playbook

    def now(self) -> datetime:
        return self.domain.clock()

    def _current_step(self) -> Step:
        return self.domain.current_step

    # -- navigation ----------------------------------------------------------------------

    def start(self) -> StepChange:
        if self.resuming is not None:
            return self._resume(self.resuming)
        change = self.domain.start()
        if self.journal is not None and self._client is None:
            self.journal.start(change.at)
        self._stamp_step(change)
        return change

    def _resume(self, so_far: MeetingSoFar) -> StepChange:
        # What the store holds is not written again: only a first step never entered is.
        change, new = self.domain.resume(so_far)
        self._lines_all[:0] = so_far.stamped
        if new:
            self._stamp_step(change)
        else:
            self.stepChanged.emit(change)
        for at, text in so_far.stamped:
            self.lineStamped.emit(text, at)
        if so_far.action_items:
            self.actionItemAdded.emit(so_far.action_items[-1])
        if so_far.follow_up is not None:
            self.followUpChanged.emit(so_far.follow_up)
        return change

    def next_step(self) -> StepChange | None:
        return self._stamp_step(self.domain.next())

    def previous_step(self) -> StepChange | None:
        return self._stamp_step(self.domain.previous())

    def follow_loop_back(self) -> StepChange | None:
        return self._stamp_step(self.domain.follow_loop_back())

    def go_to(self, step_key: str) -> StepChange | None:
        """Jump to a step by key (a resumed meeting goes back to where it was)."""
        return self._stamp_step(self.domain.go_to(step_key))

    def _stamp_step(self, change: StepChange | None) -> StepChange | None:
        if change is None:
            return None
        step = change.step
        self._submit(
            lambda service, meeting: service.enter_step(meeting, step.key, step.title, change.at),
            "step",
            {"step_key": step.key, "step_title": step.title, "at": change.at},
            on_error=self._report,
        )
        self.stepChanged.emit(change)
        return change

    # -- notes ---------------------------------------------------------------------------

    def save_note(self, field: NoteField, text: str) -> None:
        """Returns at once; the writer coalesces bursts of typing to the newest text."""
        if not self.domain.is_running:
            return
        self._notes_now[NoteField(field)] = text
        if self._client is None:
            self._held_notes[NoteField(field)] = text
            if self.journal is not None:
                self.journal.note(NoteField(field).value, text, self.now())
        else:
            assert self.meeting_id is not None  # set together with the client
            self._client.save_note(self.meeting_id, field, text)

    def stamp_line(self, text: str) -> datetime | None:
        text = text.strip()
        if not text or not self.domain.is_running:
            return None
        return self._stamp(text)

    def _stamp(self, text: str) -> datetime:
        at = self.now()
        self.domain.note_stamped_line()
        step_key = self.domain.current_step.key

        def write() -> None:
            assert self._client is not None and self.meeting_id is not None
            self._client.add_stamped_line(self.meeting_id, text, step_key, at)

        if self._client is None:
            self._held_lines.append((at, text))
        self._lines_all.append((at, text))
        self._write(write, "line", text=text, step_key=step_key, at=at)
        self.lineStamped.emit(text, at)
        return at

    def add_action_item(self, text: str, owner: str, due: date | None) -> bool:
        if not text.strip():
            return False
        item = self.domain.note_action_item(text, owner, due)
        self._submit(
            lambda service, meeting: service.add_action_item(
                meeting, item.text, item.owner, item.due
            ),
            "action_item",
            {"text": item.text, "owner": item.owner, "due": item.due},
            on_error=self._report,
        )
        self.actionItemAdded.emit(item)
        return True

    def set_follow_up(self, follow_up: date | None) -> None:
        self.domain.set_follow_up(follow_up)
        self._submit(
            lambda service, meeting: service.set_follow_up(meeting, follow_up),
            "follow_up",
            {"date": follow_up},
            on_error=self._report,
        )
        self.followUpChanged.emit(follow_up)

    # -- cues ----------------------------------------------------------------------------

    def trigger_cue(self, cue_key: str, source: SignalSource, message_id: str | None = None) -> str:
        """Show an agreed cue; never steals focus, raises the window or makes a sound.

        A message id already seen re-emits that cue's current state and records nothing.
        An unknown cue key raises ``KeyError``.
        """
        message_id = message_id or uuid.uuid4().hex
        if not self.domain.is_running:
            return message_id
        receipt = self.domain.receive_cue(message_id, cue_key, source)
        event = receipt.event
        if receipt.outcome is CueOutcome.DUPLICATE:
            self._reemit(event)
            return message_id
        if receipt.replaced is not None:
            self._fade_timer.stop()
            self.cueWithdrawn.emit(receipt.replaced)
            self.cueExpired.emit(receipt.replaced.message_id)
        ids = self._signal_ids

        def record_sent(service: StoreService, meeting: int) -> int:
            signal_id: int = service.record_signal_sent(
                meeting, cue_key, source, event.sent_at, message_id
            )
            ids[message_id] = signal_id
            return signal_id

        self._submit(
            record_sent,
            "cue_sent",
            {"cue_key": cue_key, "source": source, "at": event.sent_at, "message_id": message_id},
            on_error=self._report,
        )
        self._fade_timer.start(fade_timer_ms(self.domain.cue_fade))
        self.cueDisplayRequested.emit(event)
        return message_id

    def confirm_cue_painted(self, message_id: str) -> None:
        """The window calls this once the cue is really on screen: that is "shown"."""
        if message_id in self._painted:
            return
        event = self.domain.tracker.seen(message_id)
        if event is None:
            return
        self._painted.add(message_id)
        self._record_cue_moment(_record_shown, "cue_shown", message_id, self.now())
        self.cueShown.emit(message_id)

    def acknowledge_cue(self) -> None:
        """The user's one key or click; does nothing when no cue is on screen."""
        event = self.domain.acknowledge_cue()
        if event is None:
            return
        self._fade_timer.stop()
        at = event.ended_at or self.now()
        self._record_cue_moment(_record_acknowledged, "cue_acknowledged", event.message_id, at)
        self.cueWithdrawn.emit(event)
        self.cueAcknowledged.emit(event.message_id)

    def _record_cue_moment(
        self,
        record: Callable[[StoreService, int, datetime], object],
        kind: str,
        message_id: str,
        at: datetime,
    ) -> None:
        """Write when a cue was shown or acknowledged, once the store has its signal's id."""
        ids = self._signal_ids
        self._submit(
            lambda service, _meeting: record(service, ids[message_id], at),
            kind,
            {"message_id": message_id, "at": at},
            on_error=self._report,
        )

    def _fade_due(self) -> None:
        event = self.domain.tracker.current
        if event is None:
            return
        # The Qt timer is the authority on fading: the session clock may be a test's.
        self.domain.tracker.expire_due(max(self.now(), event.expires_at))
        self.cueWithdrawn.emit(event)
        self.cueExpired.emit(event.message_id)

    def _reemit(self, event: CueEvent) -> None:
        if event.state is CueState.SHOWN:
            if event.message_id in self._painted:
                self.cueShown.emit(event.message_id)
        elif event.state is CueState.ACKNOWLEDGED:
            self.cueAcknowledged.emit(event.message_id)
        else:
            self.cueExpired.emit(event.message_id)

    # -- asking the partner (issue 8) ----------------------------------------------------

    def ask_partner(self, key: str = "step_in", source: SignalSource = SignalSource.WINDOW) -> str:
        """Ask the partner for help (``key`` from ``USER_REQUESTS``); returns the message id.

        Stamped on the timeline at once; ``partnerAsked`` hands it to the partner link, and
        ``partnerAnswered`` follows when a partner says OK. An unknown key raises KeyError.
        ``source`` (window or hotkey) changes nothing the timeline or the partner reads.
        """
        words = spoken_request(key)
        message_id = uuid.uuid4().hex
        if not self.domain.is_running:
            return message_id
        self._requests.asked(message_id, key, self._stamp(words.asked))
        self.partnerAsked.emit(message_id, key)
        return message_id

    def record_partner_answer(self, message_id: str) -> None:
        """A partner acknowledged the request: stamp it once and say so."""
        words = self._requests.awaiting_answer(message_id)
        if words is None or not self.domain.is_running:
            return
        self._requests.answered(message_id, self._stamp(words.acknowledged))
        self.partnerAnswered.emit(message_id, "acknowledged")

    def answer_text(self, message_id: str) -> str:
        """What the live window shows when the partner answered this request."""
        return self._requests.answer_text(message_id)

    # -- the end -------------------------------------------------------------------------

    def end(self, follow_up: date | None) -> MeetingRecap:
        """End the meeting: stored through the writer; ``storedEnd`` when it is written."""
        self.aboutToEnd.emit()
        withdrawn = self.domain.tracker.current
        self._fade_timer.stop()
        self.domain.set_follow_up(follow_up)
        ended_at = self.domain.end()
        if withdrawn is not None:
            self.cueWithdrawn.emit(withdrawn)
            self.cueExpired.emit(withdrawn.message_id)
        self._submit(
            lambda service, meeting: service.set_follow_up(meeting, follow_up),
            "follow_up",
            {"date": follow_up},
            on_error=self._report,
        )
        self._submit(
            lambda service, meeting: service.end_meeting(meeting, ended_at),
            "end",
            {"at": ended_at},
            on_done=self._stored_end,
            on_error=self._report,
        )
        self.meetingEnded.emit()
        return self.domain.recap()

    def _stored_end(self, _result: object) -> None:
        assert self._client is not None
        # The store's problems are no longer this meeting's to show.
        self._client.problem.disconnect(self.problem)
        self._client.resolved.disconnect(self.problemResolved)
        self.storedEnd.emit()

    def _report(self, error: object) -> None:
        if self.journal is not None:
            # A write that waited was refused: the journal stays for the next start.
            self._journal_replay_failed = True
        self.problem.emit(str(error))
