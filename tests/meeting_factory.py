"""The tests' one meeting factory: a meeting's draft, one whole meeting written through the
real service, and generated meetings for the review's tests and benchmark.

Generation is deterministic for a given seed: clients, titles, steps, signals (some never
acknowledged), notes, stamped lines, action items and follow-up dates around ``today``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from app.domain.meeting_terms import DEFAULT_CUES, Cue, MeetingMode, NoteField, SignalSource
from app.store.records import MeetingDraft

CLIENTS = ("Acme Logistics", "Birchwood Dental", "Calder & Sons", "Dunmore Hotels", "Eriksen AB")
TOPICS = ("invoice dispute", "missed deadline", "quality complaint", "renewal", "outage")
STEPS = (
    ("listen", "Let them speak"),
    ("acknowledge", "Acknowledge the feeling"),
    ("clarify", "Ask what matters most"),
    ("agree", "Agree next steps"),
)
WORDS = [
    "delivery",
    "late",
    "again",
    "pallets",
    "warehouse",
    "invoice",
    "credit",
    "refund",
    "manager",
    "escalate",
    "weekend",
    "shipment",
    "tracking",
    "apology",
    "budget",
    "contract",
    "penalty",
    "quarter",
    "frustrated",
    "promise",
    "call",
]


def draft(
    client: str = "Acme Ltd",
    title: str = "Invoice dispute",
    started_at: datetime | None = None,
    **changes: object,
) -> MeetingDraft:
    """A meeting's draft; any field of ``MeetingDraft`` can be changed by name."""
    values: dict[str, object] = {
        "client_name": client,
        "title": title,
        "mode": MeetingMode.IN_PERSON,
        "playbook_id": "de-escalation",
        "playbook_version": "1",
        "partner_name": "Sam",
        "cues": DEFAULT_CUES,
        "started_at": started_at or datetime(2025, 3, 4, 9, 30, tzinfo=UTC),
    }
    values.update(changes)
    return MeetingDraft(**values)  # type: ignore[arg-type]  # the test names the fields


@dataclass(frozen=True)
class GeneratedMeeting:
    meeting_id: int
    client_name: str
    title: str
    started_at: datetime
    signal_count: int
    follow_up: date | None


def make_meeting(
    service: Any,
    *,
    client_name: str,
    title: str,
    started_at: datetime,
    minutes: float = 45,
    signals: tuple[tuple[int, int | None], ...] = ((12, 5), (20, None)),
    notes: dict[NoteField, str] | None = None,
    stamps: tuple[tuple[int, str], ...] = ((5, "They mentioned the pallets twice"),),
    actions: tuple[tuple[str, str, date | None], ...] = (),
    follow_up: date | None = None,
    steps: tuple[tuple[int, str, str], ...] | None = None,
    playbook_id: str = "upset-client",
    end: bool = True,
) -> GeneratedMeeting:
    """One meeting; signal offsets in minutes from the start, acknowledgement in seconds."""
    meeting = service.start_meeting(
        draft(
            client_name,
            title,
            started_at,
            mode=MeetingMode.VIDEO,
            playbook_id=playbook_id,
            playbook_version="1",
            partner_name="Robin",
        )
    )
    step_plan = (
        steps
        if steps is not None
        else tuple(
            (index * minutes // len(STEPS), key, name) for index, (key, name) in enumerate(STEPS)
        )
    )
    for offset, key, name in step_plan:
        service.enter_step(meeting.id, key, name, started_at + timedelta(minutes=offset))
    for offset, ack_after in signals:
        sent = started_at + timedelta(minutes=offset)
        signal_id = service.record_signal_sent(meeting.id, "calm", SignalSource.PHONE, sent)
        if ack_after is not None:
            service.record_signal_shown(signal_id, sent + timedelta(seconds=1))
            service.record_signal_acknowledged(signal_id, sent + timedelta(seconds=ack_after))
    for note_field, text in (notes or {}).items():
        service.save_note(meeting.id, note_field, text, started_at + timedelta(minutes=2))
    for offset, text in stamps:
        service.add_stamped_line(meeting.id, text, started_at + timedelta(minutes=offset))
    for text, owner, due in actions:
        service.add_action_item(meeting.id, text, owner, due)
    if follow_up is not None:
        service.set_follow_up(meeting.id, follow_up)
    if end:
        service.end_meeting(meeting.id, started_at + timedelta(minutes=minutes))
    return GeneratedMeeting(meeting.id, client_name, title, started_at, len(signals), follow_up)


def fill(
    service: Any, count: int, *, today: date, seed: int = 7, rich: bool = True
) -> list[GeneratedMeeting]:
    """``count`` meetings, one every ~2 days back from ``today``; newest last in the list.

    Signals get fewer and quicker to acknowledge in recent meetings, so the trend is calm.
    ``rich=False`` writes fewer rows per meeting (for the 10,000-meeting benchmark).
    """
    rng = random.Random(seed)
    made: list[GeneratedMeeting] = []
    start_day = datetime.combine(today, datetime.min.time(), tzinfo=UTC) - timedelta(days=2 * count)
    for index in range(count):
        started = start_day + timedelta(days=2 * index, hours=9 + rng.randint(0, 7))
        client = CLIENTS[rng.randrange(len(CLIENTS))]
        topic = TOPICS[rng.randrange(len(TOPICS))]
        calm = index / max(1, count - 1)  # 0 = oldest, 1 = newest
        signal_total = max(0, round((1 - calm) * 4 + rng.random()))
        signals = tuple(
            (rng.randint(1, 40), None if rng.random() < 0.15 else int(4 + (1 - calm) * 20))
            for _ in range(signal_total if rich else min(signal_total, 1))
        )
        text = " ".join(rng.choice(WORDS) for _ in range(24 if rich else 10))
        notes = {NoteField.WHAT_THEY_SAY: f"{topic}: {text}"}
        if rich:
            notes[NoteField.REAL_CONCERN] = " ".join(rng.choice(WORDS) for _ in range(8))
        follow_up = None
        if rng.random() < 0.12:
            follow_up = today + timedelta(days=rng.randint(-6, 10))
        actions = (("Send revised delivery plan", "me", follow_up),) if rich and follow_up else ()
        made.append(
            make_meeting(
                service,
                client_name=client,
                title=f"{topic.capitalize()} #{index + 1}",
                started_at=started,
                minutes=30 + rng.randint(0, 40),
                signals=signals,
                notes=notes,
                stamps=((3, f"Stamp {index}: {rng.choice(WORDS)}"),) if rich else (),
                actions=actions,
                follow_up=follow_up,
                steps=None if rich else ((0, "listen", "Let them speak"),),
            )
        )
    return made


def live_meeting_draft(
    playbook: Any, cues: tuple[Cue, ...], client_name: str = "Harbor & Finch Logistics"
) -> MeetingDraft:
    """What the prepare dialog hands the store for a live window's tests: an in-person
    meeting about a missed launch date, with Dana as the partner, starting now."""
    return MeetingDraft(
        client_name,
        "Missed launch date",
        MeetingMode.IN_PERSON,
        playbook.id,
        str(playbook.version),
        "Dana",
        cues,
        datetime.now(UTC),
    )
