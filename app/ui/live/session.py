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
hands it the store and the meeting's id, its writes wait in order in memory; then they go
to the writer exactly as if they had been sent at once, each with the time it happened.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.domain.meeting_session import (
    DEFAULT_CUE_FADE,
    Clock,
    CueEvent,
    CueOutcome,
    CueState,
    MeetingRecap,
    MeetingSession,
    StepChange,
    utc_now,
)
from app.domain.meeting_terms import Cue, NoteField, SignalSource, partner_request
from app.domain.playbook import Playbook
from app.ui.live.writer_bridge import WriterBridge

# A store write of the session's: called on the writer thread with the service and the id.
StoreJob = Callable[[Any, int], Any]


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
    storedEnd = Signal()  # noqa: N815 -- the end of the meeting is written to the store
    problem = Signal(str)
    problemResolved = Signal()  # noqa: N815 (Qt signal naming)
    meetingStored = Signal(int)  # noqa: N815 -- the meeting is in the store, with this id

    def __init__(
        self,
        store: Any | None,
        meeting_id: int | None,
        playbook: Playbook,
        cues: tuple[Cue, ...],
        *,
        clock: Clock = utc_now,
        cue_fade: timedelta = DEFAULT_CUE_FADE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.meeting_id: int | None = None
        self.domain = MeetingSession(playbook, cues, clock=clock, cue_fade=cue_fade)
        self._service: Any = None
        self._bridge: WriterBridge | None = None
        # Writes made before the meeting is in the store, oldest first; note text is kept
        # apart, newest per field, as the writer itself would coalesce it.
        self._held: list[Callable[[], None]] = []
        self._held_notes: dict[NoteField, str] = {}
        self._held_lines: list[tuple[datetime, str]] = []
        # message id -> store signal id; written and read only on the writer thread, whose
        # queue runs in order, so "shown"/"acknowledged" always find the id "sent" stored.
        self._signal_ids: dict[str, int] = {}
        self._painted: set[str] = set()
        self._asks: dict[str, str] = {}  # request message id -> request key
        self._answered_asks: set[str] = set()
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

    def attach_meeting(self, store: Any, meeting_id: int) -> None:
        """The meeting is in the store: send what waited, in order, then write directly."""
        if self.meeting_id is not None:
            return
        self._service = store.service
        self._bridge = WriterBridge(store.writer, self)
        self._bridge.problem.connect(self.problem)
        self._bridge.resolved.connect(self.problemResolved)
        self._bridge.watch_problems()
        self.meeting_id = meeting_id
        bridge = self._bridge
        for field, text in self._held_notes.items():
            bridge.save_note(meeting_id, field, text)
        self._held_notes.clear()
        self._held_lines.clear()
        held, self._held = self._held, []
        for write in held:
            write()
        self.meetingStored.emit(meeting_id)

    def _write(self, write: Callable[[], None]) -> None:
        """Run a store write now, or keep it for ``attach_meeting`` (it reads the id then)."""
        if self._bridge is None:
            self._held.append(write)
        else:
            write()

    def _submit(self, job: StoreJob, **callbacks: Any) -> None:
        """Run ``job(service, meeting_id)`` on the writer thread, now or once stored."""

        def write() -> None:
            assert self._bridge is not None
            self._bridge.submit(job, self._service, self.meeting_id, **callbacks)

        self._write(write)

    # -- what the window reads ---------------------------------------------------------

    @property
    def cues(self) -> tuple[Cue, ...]:
        return self.domain.cues

    @property
    def playbook(self) -> Playbook:
        return self.domain.playbook

    def now(self) -> datetime:
        return self.domain.clock()

    # -- navigation ----------------------------------------------------------------------

    def start(self) -> StepChange:
        change = self.domain.start()
        self._stamp_step(change)
        return change

    def next_step(self) -> StepChange | None:
        return self._stamp_step(self.domain.next())

    def previous_step(self) -> StepChange | None:
        return self._stamp_step(self.domain.previous())

    def follow_loop_back(self) -> StepChange | None:
        return self._stamp_step(self.domain.follow_loop_back())

    def _stamp_step(self, change: StepChange | None) -> StepChange | None:
        if change is None:
            return None
        step = change.step
        self._submit(
            lambda service, meeting: service.enter_step(meeting, step.key, step.title, change.at),
            on_error=self._report,
        )
        self.stepChanged.emit(change)
        return change

    # -- notes ---------------------------------------------------------------------------

    def save_note(self, field: NoteField, text: str) -> None:
        """Returns at once; the writer coalesces bursts of typing to the newest text."""
        if not self.domain.is_running:
            return
        if self._bridge is None:
            self._held_notes[NoteField(field)] = text
        else:
            assert self.meeting_id is not None  # set together with the bridge
            self._bridge.save_note(self.meeting_id, field, text)

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
            assert self._bridge is not None and self.meeting_id is not None
            self._bridge.add_stamped_line(self.meeting_id, text, step_key, at)

        if self._bridge is None:
            self._held_lines.append((at, text))
        self._write(write)
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
            on_error=self._report,
        )
        self.actionItemAdded.emit(item)
        return True

    def set_follow_up(self, follow_up: date | None) -> None:
        self.domain.set_follow_up(follow_up)
        self._submit(
            lambda service, meeting: service.set_follow_up(meeting, follow_up),
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

        def record_sent(service: Any, meeting: int) -> int:
            signal_id: int = service.record_signal_sent(
                meeting, cue_key, source, event.sent_at, message_id
            )
            ids[message_id] = signal_id
            return signal_id

        self._submit(record_sent, on_error=self._report)
        self._fade_timer.start(max(1, int(self.domain.cue_fade.total_seconds() * 1000)))
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
        at = self.now()
        ids = self._signal_ids
        self._submit(
            lambda service, _meeting: service.record_signal_shown(ids[message_id], at),
            on_error=self._report,
        )
        self.cueShown.emit(message_id)

    def acknowledge_cue(self) -> None:
        """The user's one key or click; does nothing when no cue is on screen."""
        event = self.domain.acknowledge_cue()
        if event is None:
            return
        self._fade_timer.stop()
        at = event.ended_at or self.now()
        ids = self._signal_ids
        message_id = event.message_id
        self._submit(
            lambda service, _meeting: service.record_signal_acknowledged(ids[message_id], at),
            on_error=self._report,
        )
        self.cueWithdrawn.emit(event)
        self.cueAcknowledged.emit(message_id)

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
        words = partner_request(key)
        message_id = uuid.uuid4().hex
        if not self.domain.is_running:
            return message_id
        self._asks[message_id] = key
        self._stamp(words.asked)
        self.partnerAsked.emit(message_id, key)
        return message_id

    def record_partner_answer(self, message_id: str) -> None:
        """A partner acknowledged the request: stamp it once and say so."""
        key = self._asks.get(message_id)
        if key is None or message_id in self._answered_asks or not self.domain.is_running:
            return
        self._answered_asks.add(message_id)
        self._stamp(partner_request(key).acknowledged)
        self.partnerAnswered.emit(message_id, "acknowledged")

    def answer_text(self, message_id: str) -> str:
        """What the live window shows when the partner answered this request."""
        key = self._asks.get(message_id)
        return partner_request(key).acknowledged_short if key is not None else "Your partner got it"

    # -- the end -------------------------------------------------------------------------

    def end(self, follow_up: date | None) -> MeetingRecap:
        """End the meeting: stored through the writer; ``storedEnd`` when it is written."""
        withdrawn = self.domain.tracker.current
        self._fade_timer.stop()
        self.domain.set_follow_up(follow_up)
        ended_at = self.domain.end()
        if withdrawn is not None:
            self.cueWithdrawn.emit(withdrawn)
            self.cueExpired.emit(withdrawn.message_id)
        self._submit(
            lambda service, meeting: service.set_follow_up(meeting, follow_up),
            on_error=self._report,
        )
        self._submit(
            lambda service, meeting: service.end_meeting(meeting, ended_at),
            on_done=self._stored_end,
            on_error=self._report,
        )
        self.meetingEnded.emit()
        return self.domain.recap()

    def _stored_end(self, _result: object) -> None:
        assert self._bridge is not None
        self._bridge.stop_watching()
        self.storedEnd.emit()

    def _report(self, error: object) -> None:
        self.problem.emit(str(error))
