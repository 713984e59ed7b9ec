"""Plain frozen records the meeting service hands to the UI.

Nothing here knows SQLAlchemy: widgets and the review read these, never ORM
objects or sessions, so a record can cross threads and outlive its transaction.
All datetimes are timezone-aware UTC; follow-up and due dates are plain dates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from app.domain.meeting_terms import Cue, MeetingMode, NoteField, SignalSource
from app.domain.partner_watch import (
    PartnerBrief,
    QuickObservation,
    observation_text,
    spoken_observation,
)


@dataclass(frozen=True, slots=True)
class ClientRecord:
    id: int
    name: str
    shared_by: str = ""  # the colleague who shared it (their role); '' for one's own


@dataclass(frozen=True, slots=True)
class MeetingDraft:
    """What the user sets before a meeting starts."""

    client_name: str
    title: str
    mode: MeetingMode
    playbook_id: str
    playbook_version: str
    partner_name: str
    cues: tuple[Cue, ...]
    started_at: datetime
    # What the user told the partner before the meeting (None: no brief was given).
    partner_brief: PartnerBrief | None = field(default=None, kw_only=True)


@dataclass(frozen=True, slots=True)
class MeetingRecord(MeetingDraft):
    """A meeting the store holds: what was set before it started, and what the store adds."""

    id: int
    client_id: int
    ended_at: datetime | None
    follow_up: date | None
    uuid: str = ""  # names the meeting outside Poise (calendar UIDs); never another's
    # The colleague (their database role) who shared the meeting; '' for one's own.
    shared_by: str = ""


class TimelineKind(StrEnum):
    STEP = "step"
    SIGNAL = "signal"
    STAMP = "stamp"


@dataclass(frozen=True, slots=True)
class TimelineEventRecord:
    """One moment of the meeting; which fields are set depends on ``kind``.

    ``step``: step_key, step_title, at. ``signal``: id, cue_key, source, at (= sent),
    shown_at, acknowledged_at. ``stamp``: id, text, at, step_key.
    """

    kind: TimelineKind
    id: int
    at: datetime
    step_key: str | None = None
    step_title: str | None = None
    cue_key: str | None = None
    source: SignalSource | None = None
    message_id: str | None = None
    shown_at: datetime | None = None
    acknowledged_at: datetime | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class StampedLineRecord:
    id: int
    meeting_id: int
    text: str
    at: datetime
    step_key: str | None


@dataclass(frozen=True, slots=True)
class SignalRecord:
    id: int
    meeting_id: int
    cue_key: str
    source: SignalSource
    message_id: str | None
    sent_at: datetime
    shown_at: datetime | None
    acknowledged_at: datetime | None


@dataclass(frozen=True, slots=True)
class NoteRevisionRecord:
    id: int
    meeting_id: int
    field: NoteField
    text: str
    started_at: datetime
    saved_at: datetime


@dataclass(frozen=True, slots=True)
class ActionItemRecord:
    id: int
    meeting_id: int
    text: str
    owner: str
    due: date | None
    done: bool
    done_at: datetime | None = None  # when it was ticked; None if never or before 0004


@dataclass(frozen=True, slots=True)
class MeetingActivity:
    """What the CSV of all meetings adds to a list row: items and reaction times."""

    meeting_id: int
    action_items: tuple[ActionItemRecord, ...] = ()
    ack_seconds: tuple[float, ...] = ()  # each acknowledged signal, in the order sent
    unacknowledged: int = 0
    # The partner's, in the order they came (issue 25).
    observations: tuple[ObservationRecord, ...] = ()
    debrief: tuple[DebriefAnswerRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class ClientMeeting:
    """One meeting on the client page, with what was agreed in it."""

    meeting: MeetingSummary
    commitments: str
    real_concern: str
    what_they_say: str
    action_items: tuple[ActionItemRecord, ...]


@dataclass(frozen=True, slots=True)
class ClientHistory:
    """Every meeting with one client, oldest first."""

    client: ClientRecord
    meetings: tuple[ClientMeeting, ...]


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    """One line of the meeting list."""

    id: int
    started_at: datetime
    ended_at: datetime | None
    client_name: str
    title: str
    playbook_id: str
    signal_count: int
    follow_up: date | None
    shared_by: str = ""  # the colleague who shared it (their role); '' for one's own

    @property
    def duration(self) -> timedelta | None:
        """How long the meeting lasted; ``None`` while it is still open."""
        return None if self.ended_at is None else self.ended_at - self.started_at


@dataclass(frozen=True, slots=True)
class ObservationRecord:
    """One thing the partner saw, as the store keeps it (``partner_watch.Observation``)."""

    id: int
    meeting_id: int
    message_id: str
    at: datetime
    step_key: str
    step_title: str
    kind: QuickObservation | None
    words: str

    @property
    def text(self) -> str:
        """The one-tap words in the person's language, then the partner's own."""
        return observation_text(self.kind, self.words)


@dataclass(frozen=True, slots=True)
class DebriefAnswerRecord:
    """The partner's answer to one debrief question, as the store keeps it."""

    id: int
    meeting_id: int
    message_id: str
    at: datetime
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class NotedOften:
    """What a partner noted in several recent meetings: a one-tap kind, or the same words."""

    kind: QuickObservation | None
    words: str
    times: int  # how many observations said it
    meetings: int  # in how many of the meetings counted

    @property
    def text(self) -> str:
        return spoken_observation(self.kind) if self.kind is not None else self.words


@dataclass(frozen=True, slots=True)
class PartnerHistory:
    """What the next prepare shows of a partner the user met with before.

    ``last_brief`` is the brief given to them last; ``last_observations`` what they noticed
    in ``last_meeting``, the latest meeting with them in which they noted anything;
    ``noted_most`` what they noted most over the ``meetings_counted`` latest meetings
    with them, most often first. Empty (``known`` False) for a partner never met with.
    """

    partner_name: str
    last_brief: PartnerBrief | None = None
    last_meeting: MeetingSummary | None = None
    last_observations: tuple[ObservationRecord, ...] = ()
    noted_most: tuple[NotedOften, ...] = ()
    meetings_counted: int = 0

    @property
    def known(self) -> bool:
        return self.meetings_counted > 0


@dataclass(frozen=True, slots=True)
class MeetingDetail:
    """Everything about one meeting, for the review."""

    meeting: MeetingRecord
    notes: dict[NoteField, str]
    stamped_lines: tuple[StampedLineRecord, ...]
    signals: tuple[SignalRecord, ...]
    timeline: tuple[TimelineEventRecord, ...]
    action_items: tuple[ActionItemRecord, ...]
    follow_up: date | None = field(default=None)
    # The partner's, in the order they came (issue 25); the debrief came after the end.
    observations: tuple[ObservationRecord, ...] = ()
    debrief: tuple[DebriefAnswerRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class SearchHit:
    meeting_id: int
    client_name: str
    title: str
    started_at: datetime
    where: str
    snippet: str


@dataclass(frozen=True, slots=True)
class ShareRecord:
    """One meeting (``meeting_id``) or one client's history (``client_id``) opened, read-only,
    to a colleague's role or the team's group role."""

    id: int
    meeting_id: int | None
    client_id: int | None
    with_role: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class TeamRoster:
    """Whom the viewer may share with: the team's group roles and their members."""

    groups: tuple[str, ...]
    members: tuple[str, ...]
