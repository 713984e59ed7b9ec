"""The state of one live meeting, in plain Python: where the user is in the playbook, how
long each part has taken, and what each calm-down cue is doing.

The live window asks this module what to show and tells it what happened; the store
records it. Nothing here knows about Qt or the database, so every rule (navigation at
the ends of the playbook, loop-backs, the cue's shown → acknowledged/expired life,
duplicate message ids from a partner reconnecting) is tested without a window.

Time comes from an injectable clock (a callable returning an aware UTC ``datetime``) so
tests and the startup bench can run a meeting faster than real time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

from app.domain.due_dates import out_of_range, read_typed_day, within_due_range
from app.domain.meeting_terms import Cue, SignalSource
from app.domain.playbook import LoopBack, Playbook, Step

Clock = Callable[[], datetime]

DEFAULT_CUE_FADE = timedelta(seconds=20)


def utc_now() -> datetime:
    return datetime.now(UTC)


class SessionError(RuntimeError):
    """The session was asked for something its state does not allow (a bug in the caller)."""


def format_elapsed(span: timedelta) -> str:
    """``m:ss`` under an hour, ``h:mm:ss`` beyond; negative spans read as zero."""
    total = max(0, int(span.total_seconds()))
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


@dataclass(frozen=True, slots=True)
class StepVisit:
    """One stay on a step; ``left_at`` is ``None`` while the user is still there."""

    step: Step
    index: int
    entered_at: datetime
    left_at: datetime | None = None
    via_loop_back: bool = False

    def duration(self, now: datetime) -> timedelta:
        return (self.left_at or now) - self.entered_at


@dataclass(frozen=True, slots=True)
class StepChange:
    """What the window needs after a move: the new step, where it sits, and when."""

    step: Step
    index: int
    count: int
    at: datetime
    via_loop_back: bool = False


class CueState(StrEnum):
    SHOWN = "shown"
    ACKNOWLEDGED = "acknowledged"
    EXPIRED = "expired"


@dataclass(slots=True)
class CueEvent:
    """One cue received: sent by someone, shown here, then acknowledged or faded."""

    message_id: str
    cue: Cue
    source: SignalSource
    sent_at: datetime
    shown_at: datetime
    expires_at: datetime
    state: CueState = CueState.SHOWN
    ended_at: datetime | None = None

    @property
    def time_to_acknowledge(self) -> timedelta | None:
        if self.state is CueState.ACKNOWLEDGED and self.ended_at is not None:
            return self.ended_at - self.shown_at
        return None


class CueOutcome(StrEnum):
    """What ``CueTracker.receive`` did with a message."""

    SHOWN = "shown"  # new message: now on screen
    DUPLICATE = "duplicate"  # already seen: nothing recorded again; re-report its state


@dataclass(frozen=True, slots=True)
class CueReceipt:
    outcome: CueOutcome
    event: CueEvent
    replaced: CueEvent | None = None  # a cue still on screen that this one took over from


class CueTracker:
    """The cue state machine: at most one cue on screen; shown → acknowledged or expired.

    A second cue arriving while one is shown replaces it on screen; the first one ends as
    expired (the user never acknowledged it). A message id seen before never shows or
    records twice: a partner re-sending after a reconnect gets the current state back.
    """

    def __init__(self, cues: tuple[Cue, ...], fade_after: timedelta = DEFAULT_CUE_FADE) -> None:
        if not cues:
            raise SessionError("a meeting needs at least one agreed cue")
        self.cues = cues
        self.fade_after = fade_after
        self.events: list[CueEvent] = []
        self._by_message: dict[str, CueEvent] = {}
        self.current: CueEvent | None = None

    def cue(self, cue_key: str) -> Cue:
        for cue in self.cues:
            if cue.key == cue_key:
                return cue
        raise KeyError(cue_key)

    def seen(self, message_id: str) -> CueEvent | None:
        return self._by_message.get(message_id)

    def receive(
        self,
        message_id: str,
        cue_key: str,
        source: SignalSource,
        at: datetime,
        sent_at: datetime | None = None,
    ) -> CueReceipt:
        """Show cue ``cue_key`` (``KeyError`` for an unknown key)."""
        earlier = self._by_message.get(message_id)
        if earlier is not None:
            return CueReceipt(CueOutcome.DUPLICATE, earlier)
        cue = self.cue(cue_key)
        replaced = self.current
        if replaced is not None:
            replaced.state = CueState.EXPIRED
            replaced.ended_at = at
        event = CueEvent(
            message_id=message_id,
            cue=cue,
            source=source,
            sent_at=sent_at or at,
            shown_at=at,
            expires_at=at + self.fade_after,
        )
        self.events.append(event)
        self._by_message[message_id] = event
        self.current = event
        return CueReceipt(CueOutcome.SHOWN, event, replaced)

    def restore(self, events: tuple[CueEvent, ...]) -> None:
        """Cues from before a crash (a resumed meeting): in the recap, and never shown twice."""
        for event in events:
            if event.message_id in self._by_message:
                continue
            self.events.append(event)
            self._by_message[event.message_id] = event
        self.events.sort(key=lambda event: event.shown_at)

    def acknowledge(self, at: datetime) -> CueEvent | None:
        """The user's one key or click; ``None`` when no cue is on screen."""
        event = self.current
        if event is None:
            return None
        event.state = CueState.ACKNOWLEDGED
        event.ended_at = at
        self.current = None
        return event

    def withdraw(self, at: datetime) -> CueEvent | None:
        """Take the cue on screen away unacknowledged (the meeting ended); ends as expired."""
        event = self.current
        if event is None:
            return None
        event.state = CueState.EXPIRED
        event.ended_at = min(at, event.expires_at)
        self.current = None
        return event

    def expire_due(self, now: datetime) -> CueEvent | None:
        """End the cue on screen if its time is up; returns it, or ``None``."""
        event = self.current
        if event is None or now < event.expires_at:
            return None
        event.state = CueState.EXPIRED
        event.ended_at = event.expires_at
        self.current = None
        return event


@dataclass(frozen=True, slots=True)
class ActionItemNote:
    """An action item as the session remembers it for the summary."""

    text: str
    owner: str
    due: date | None


@dataclass(frozen=True, slots=True)
class MeetingSoFar:
    """What the store holds of a meeting a crash left open, to go on from where it was."""

    started_at: datetime
    steps_entered: tuple[tuple[str, datetime], ...]  # (step key, when), oldest first
    cues: tuple[CueEvent, ...] = ()
    action_items: tuple[ActionItemNote, ...] = ()
    stamped: tuple[tuple[datetime, str], ...] = ()  # (when, text) of each stamped line
    follow_up: date | None = None


@dataclass(frozen=True, slots=True)
class MeetingRecap:
    """The one-screen summary at the end of a meeting."""

    duration: timedelta
    steps_total: int
    steps_seen: tuple[tuple[Step, timedelta], ...]  # first-visit order, total time per step
    step_changes: int
    loop_backs: int
    cues: tuple[CueEvent, ...]
    action_items: tuple[ActionItemNote, ...]
    stamped_lines: int
    follow_up: date | None
    after_steps: tuple[Step, ...]

    @property
    def acknowledged_cues(self) -> int:
        return sum(1 for c in self.cues if c.state is CueState.ACKNOWLEDGED)

    @property
    def average_time_to_acknowledge(self) -> timedelta | None:
        spans = [c.time_to_acknowledge for c in self.cues if c.time_to_acknowledge is not None]
        if not spans:
            return None
        return sum(spans, timedelta()) / len(spans)


@dataclass(slots=True)
class MeetingSession:
    """Navigation through the playbook's ``during`` steps, with timers and the cue tracker.

    ``start`` enters the first step; ``next``/``previous``/``follow_loop_back`` move and
    return a ``StepChange`` to stamp on the timeline, or ``None`` when there is nowhere to
    go (first/last step, no loop-back here), so a clicker pressed once too often is harmless.
    """

    playbook: Playbook
    cues: tuple[Cue, ...]
    clock: Clock = utc_now
    cue_fade: timedelta = DEFAULT_CUE_FADE
    started_at: datetime | None = None
    ended_at: datetime | None = None
    visits: list[StepVisit] = field(default_factory=list)
    action_items: list[ActionItemNote] = field(default_factory=list)
    stamped_lines: int = 0
    follow_up: date | None = None
    tracker: CueTracker = field(init=False)
    _index: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        if not self.playbook.during:
            raise SessionError(f"playbook '{self.playbook.id}' has no live steps")
        self.tracker = CueTracker(self.cues, self.cue_fade)

    # -- life -------------------------------------------------------------------------

    @property
    def steps(self) -> tuple[Step, ...]:
        return self.playbook.during

    @property
    def is_running(self) -> bool:
        return self.started_at is not None and self.ended_at is None

    def start(self) -> StepChange:
        if self.started_at is not None:
            raise SessionError("the meeting has already started")
        now = self.clock()
        self.started_at = now
        return self._enter(0, now, via_loop_back=False)

    def resume(self, so_far: MeetingSoFar) -> tuple[StepChange, bool]:
        """Go on with a meeting a crash left open: its clock, steps, cues and items come back.

        The step it was on stays open (the time away counts to it, as in the review).
        Returns the step it is on and whether that is new (no known step was entered
        before, so the first one is entered now and is the caller's to record).
        """
        if self.started_at is not None:
            raise SessionError("the meeting has already started")
        self.started_at = so_far.started_at
        index_of = {step.key: index for index, step in enumerate(self.steps)}
        entered = [(index_of[key], at) for key, at in so_far.steps_entered if key in index_of]
        for (index, at), following in zip(entered, [*entered[1:], None], strict=True):
            left = following[1] if following is not None else None
            self.visits.append(StepVisit(self.steps[index], index, at, left))
        self.tracker.restore(so_far.cues)
        self.action_items.extend(so_far.action_items)
        self.stamped_lines += len(so_far.stamped)
        self.follow_up = so_far.follow_up
        if not entered:
            return self._enter(0, self.clock(), via_loop_back=False), True
        self._index = entered[-1][0]
        last = self.visits[-1]
        return StepChange(last.step, last.index, len(self.steps), last.entered_at), False

    def end(self) -> datetime:
        self._require_running()
        now = self.clock()
        self._close_visit(now)
        # A cue still on screen when the meeting ends was never acknowledged.
        self.tracker.withdraw(now)
        self.ended_at = now
        return now

    # -- navigation -------------------------------------------------------------------

    @property
    def index(self) -> int:
        return self._index

    @property
    def current_step(self) -> Step:
        return self.steps[self._index]

    @property
    def position(self) -> tuple[int, int]:
        """``(n, N)``: step n of N, counted from one."""
        return self._index + 1, len(self.steps)

    @property
    def can_go_next(self) -> bool:
        return self.is_running and self._index < len(self.steps) - 1

    @property
    def can_go_previous(self) -> bool:
        return self.is_running and self._index > 0

    @property
    def offered_loop_back(self) -> LoopBack | None:
        """The current step's loop-back, offered once the user has reached that step."""
        if not self.is_running:
            return None
        return self.current_step.loop_back

    def loop_back_target(self) -> Step | None:
        loop = self.offered_loop_back
        return self.playbook.step(loop.to) if loop is not None else None

    def next(self) -> StepChange | None:
        if not self.can_go_next:
            return None
        return self._move_to(self._index + 1, via_loop_back=False)

    def previous(self) -> StepChange | None:
        if not self.can_go_previous:
            return None
        return self._move_to(self._index - 1, via_loop_back=False)

    def follow_loop_back(self) -> StepChange | None:
        loop = self.offered_loop_back
        if loop is None:
            return None
        target = next(i for i, s in enumerate(self.steps) if s.key == loop.to)
        return self._move_to(target, via_loop_back=True)

    def go_to(self, step_key: str) -> StepChange | None:
        """Jump to a live step by key (from an overview list); ``None`` if already there."""
        self._require_running()
        for index, step in enumerate(self.steps):
            if step.key == step_key:
                return None if index == self._index else self._move_to(index, False)
        raise KeyError(step_key)

    # -- timers -----------------------------------------------------------------------

    def meeting_elapsed(self, now: datetime | None = None) -> timedelta:
        if self.started_at is None:
            return timedelta()
        return (self.ended_at or now or self.clock()) - self.started_at

    def step_elapsed(self, now: datetime | None = None) -> timedelta:
        if not self.visits:
            return timedelta()
        return self.visits[-1].duration(self.ended_at or now or self.clock())

    # -- notes the summary needs ----------------------------------------------------------

    def note_action_item(self, text: str, owner: str, due: date | None) -> ActionItemNote:
        item = ActionItemNote(text.strip(), owner.strip(), due)
        self.action_items.append(item)
        return item

    def note_stamped_line(self) -> None:
        self.stamped_lines += 1

    def set_follow_up(self, follow_up: date | None) -> None:
        self.follow_up = follow_up

    # -- cues -------------------------------------------------------------------------

    def receive_cue(
        self,
        message_id: str,
        cue_key: str,
        source: SignalSource,
        sent_at: datetime | None = None,
    ) -> CueReceipt:
        return self.tracker.receive(message_id, cue_key, source, self.clock(), sent_at)

    def acknowledge_cue(self) -> CueEvent | None:
        return self.tracker.acknowledge(self.clock())

    def expire_cue_if_due(self) -> CueEvent | None:
        return self.tracker.expire_due(self.clock())

    # -- summary ----------------------------------------------------------------------

    def recap(self) -> MeetingRecap:
        now = self.ended_at or self.clock()
        totals: dict[str, timedelta] = {}
        order: list[Step] = []
        for visit in self.visits:
            if visit.step.key not in totals:
                totals[visit.step.key] = timedelta()
                order.append(visit.step)
            totals[visit.step.key] += visit.duration(now)
        return MeetingRecap(
            duration=self.meeting_elapsed(now),
            steps_total=len(self.steps),
            steps_seen=tuple((step, totals[step.key]) for step in order),
            step_changes=max(0, len(self.visits) - 1),
            loop_backs=sum(1 for v in self.visits if v.via_loop_back),
            cues=tuple(self.tracker.events),
            action_items=tuple(self.action_items),
            stamped_lines=self.stamped_lines,
            follow_up=self.follow_up,
            after_steps=self.playbook.after,
        )

    # -- internals --------------------------------------------------------------------

    def _require_running(self) -> None:
        if not self.is_running:
            raise SessionError("the meeting is not running")

    def _move_to(self, index: int, via_loop_back: bool) -> StepChange:
        now = self.clock()
        self._close_visit(now)
        return self._enter(index, now, via_loop_back)

    def _close_visit(self, now: datetime) -> None:
        if self.visits and self.visits[-1].left_at is None:
            last = self.visits[-1]
            self.visits[-1] = StepVisit(
                last.step, last.index, last.entered_at, now, last.via_loop_back
            )

    def _enter(self, index: int, now: datetime, via_loop_back: bool) -> StepChange:
        self._index = index
        step = self.steps[index]
        self.visits.append(StepVisit(step, index, now, None, via_loop_back))
        return StepChange(step, index, len(self.steps), now, via_loop_back)


def parse_due_date(text: str, today: date) -> date | None:
    """A date typed in a couple of keystrokes, in English or German: ``+3`` or ``3d``
    (days), ``2w`` (weeks), ``tomorrow``/``morgen``, a weekday (``fri``, ``next fri``,
    ``fr``, ``nächsten do``: the coming one, never today), ``2025-03-14`` or ``14.3.``,
    within ``app.domain.due_dates``' range (read by ``app.domain.due_dates.read_typed_day``).

    Empty text means no date; anything else unreadable raises ``ValueError`` with a hint.
    """
    try:
        return within_due_range(read_typed_day(text, today), text)
    except OverflowError:
        raise out_of_range(text) from None
