"""One meeting as the user reads it: the view shared by the meeting page and the exports.

``build_report`` turns the store's ``MeetingDetail`` into display-ready values (labels,
local times, offsets from the start, one sentence per timeline event). The meeting page,
the Markdown, the PDF and the calendar file all read this one object, so an export holds
exactly what the page shows and nothing of any other meeting.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from app.domain.meeting_terms import FLAG_TEXT, NoteField, SignalSource
from app.export.formatting import (
    format_clock,
    format_day,
    format_duration,
    format_offset,
    format_seconds,
    format_when,
)
from app.export.ics import CalendarEntry
from app.store.records import MeetingDetail, TimelineKind
from app.translation import translate


@dataclass(frozen=True, slots=True)
class ReportNote:
    field: NoteField
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class ReportEvent:
    """One line of the timeline: ``kind`` is 'step', 'signal', 'stamp', 'flag' or
    'observation'.

    A flag is the stamped line the live window's "Flag this moment" writes; an
    observation is the partner's, and its text says so.
    """

    kind: str
    at: datetime
    offset: str
    clock: str
    text: str


@dataclass(frozen=True, slots=True)
class ReportStep:
    at: datetime
    title: str


@dataclass(frozen=True, slots=True)
class ReportSignal:
    sent_at: datetime
    acknowledged_at: datetime | None
    label: str
    source: SignalSource
    shown_at: datetime | None = None

    @property
    def sentence(self) -> str:
        delay = self.delay_seconds
        if delay is None:
            sentence = translate("Report", "Signal “{cue}” from {source}, not acknowledged")
            return sentence.format(cue=self.label, source=self.source.label)
        sentence = translate("Report", "Signal “{cue}” from {source}, acknowledged after {delay}")
        return sentence.format(
            cue=self.label, source=self.source.label, delay=format_seconds(delay)
        )

    @property
    def delay_seconds(self) -> float | None:
        if self.acknowledged_at is None:
            return None
        return (self.acknowledged_at - self.sent_at).total_seconds()


@dataclass(frozen=True, slots=True)
class ReportDebriefAnswer:
    """One answer of the partner's debrief, after the meeting."""

    at: datetime
    clock: str
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class ReportAction:
    item_id: int
    done: bool
    text: str
    owner: str
    due: date | None

    @property
    def due_text(self) -> str:
        return format_day(self.due) if self.due else ""

    @property
    def details(self) -> str:
        """'Sam, due Tue 4 Mar 2025': owner and due date, whichever are set."""
        due = translate("Report", "due {day}").format(day=self.due_text) if self.due else ""
        parts = (self.owner, due)
        return ", ".join(part for part in parts if part)


@dataclass(frozen=True, slots=True)
class MeetingReport:
    meeting_id: int
    title: str
    client_name: str
    started_at: datetime
    ended_at: datetime | None
    when: str
    duration: str
    playbook: str
    mode: str
    partner: str
    follow_up: date | None
    notes: tuple[ReportNote, ...]
    stamped_lines: tuple[ReportEvent, ...]
    timeline: tuple[ReportEvent, ...]
    action_items: tuple[ReportAction, ...]
    steps: tuple[ReportStep, ...]
    signals: tuple[ReportSignal, ...]
    uuid: str = ""  # the meeting's own name outside Poise: ids of deleted meetings come back
    # The partner's (issue 25): what they noticed (also in ``timeline``), their debrief.
    observations: tuple[ReportEvent, ...] = ()
    debrief: tuple[ReportDebriefAnswer, ...] = ()

    @property
    def calendar_key(self) -> str:
        """What the calendar's UIDs are made of: the uuid, else (no store yet) the id."""
        return self.uuid or f"{self.meeting_id}"

    @property
    def heading(self) -> str:
        return f"{self.title} — {self.client_name}" if self.title else self.client_name

    @property
    def follow_up_text(self) -> str:
        return format_day(self.follow_up) if self.follow_up else ""

    @property
    def facts(self) -> tuple[tuple[str, str], ...]:
        """The meeting's facts as (name, value), in reading order; empty ones left out."""
        named = (
            (translate("Report", "When"), self.when),
            (translate("Report", "Duration"), self.duration),
            (translate("Report", "Client"), self.client_name),
            (translate("Report", "Playbook"), self.playbook),
            (translate("Report", "How"), self.mode),
            (translate("Report", "Partner"), self.partner),
            (translate("Report", "Follow-up"), self.follow_up_text),
        )
        return tuple((name, value) for name, value in named if value)


def playbook_title(playbook_id: str, titles: Mapping[str, str] | None) -> str:
    """The playbook's title as the user knows it; its id when the playbook is gone."""
    if not playbook_id:
        return ""
    return (titles or {}).get(playbook_id) or playbook_id


def build_report(
    detail: MeetingDetail, playbook_titles: Mapping[str, str] | None = None
) -> MeetingReport:
    """``playbook_titles`` maps playbook ids to titles (``PlaybookLibrary.titles()``)."""
    meeting = detail.meeting
    start = meeting.started_at
    cue_labels = {cue.key: cue.label for cue in meeting.cues}

    def event(kind: str, at: datetime, text: str) -> ReportEvent:
        return ReportEvent(kind, at, format_offset(at - start), format_clock(at), text)

    notes = tuple(
        ReportNote(field, field.label, detail.notes.get(field, ""))
        for field in NoteField
        if detail.notes.get(field, "").strip()
    )
    steps = tuple(
        ReportStep(item.at, item.step_title or item.step_key or "")
        for item in detail.timeline
        if item.kind == TimelineKind.STEP
    )
    signals = tuple(
        ReportSignal(
            signal.sent_at,
            signal.acknowledged_at,
            cue_labels.get(signal.cue_key, signal.cue_key),
            signal.source,
            signal.shown_at,
        )
        for signal in sorted(detail.signals, key=lambda s: s.sent_at)
    )
    stamped = tuple(
        event("flag" if line.text == FLAG_TEXT else "stamp", line.at, line.text)
        for line in sorted(detail.stamped_lines, key=lambda line: line.at)
    )
    step_line = translate("Report", "Step: {title}")
    timeline = [event("step", step.at, step_line.format(title=step.title)) for step in steps]
    timeline += [event("signal", signal.sent_at, signal.sentence) for signal in signals]
    timeline += stamped
    noticed = translate("Report", "Your partner noticed: {words}")
    observations = tuple(
        event("observation", seen.at, noticed.format(words=seen.text))
        for seen in sorted(detail.observations, key=lambda seen: (seen.at, seen.id))
    )
    timeline += observations
    timeline.sort(key=lambda entry: entry.at)
    debrief = tuple(
        ReportDebriefAnswer(answer.at, format_clock(answer.at), answer.question, answer.answer)
        for answer in detail.debrief
    )
    actions = tuple(
        ReportAction(item.id, item.done, item.text, item.owner or "", item.due)
        for item in detail.action_items
    )
    end = meeting.ended_at
    return MeetingReport(
        meeting_id=meeting.id,
        uuid=meeting.uuid,
        title=meeting.title,
        client_name=meeting.client_name,
        started_at=start,
        ended_at=end,
        when=format_when(start),
        duration=format_duration(end - start if end else None),
        playbook=playbook_title(meeting.playbook_id or "", playbook_titles),
        mode=meeting.mode.label,
        partner=meeting.partner_name or "",
        follow_up=detail.follow_up,
        notes=notes,
        stamped_lines=stamped,
        timeline=tuple(timeline),
        action_items=actions,
        steps=steps,
        signals=signals,
        observations=observations,
        debrief=debrief,
    )


def calendar_entries(report: MeetingReport) -> list[CalendarEntry]:
    """The follow-up date and every open action item's due date of this one meeting."""
    entries: list[CalendarEntry] = []
    about = (
        translate("Report", "Meeting {when} with {client}: {title}")
        if report.title
        else translate("Report", "Meeting {when} with {client}")
    ).format(when=report.when, client=report.client_name, title=report.title)

    def entry(what: str, day: date, summary: str) -> CalendarEntry:
        # The UID stays the same for the same date of the same meeting: a re-import updates.
        return CalendarEntry(f"meeting-{report.calendar_key}-{what}", day, summary, about)

    if report.follow_up is not None:
        summary = translate("Report", "Follow up with {client}").format(client=report.client_name)
        entries.append(entry("follow-up", report.follow_up, summary))
    for action in report.action_items:
        if action.due is None or action.done:
            continue
        summary = (
            translate("Report", "Due: {item} ({owner})")
            if action.owner
            else translate("Report", "Due: {item}")
        ).format(item=action.text, owner=action.owner)
        entries.append(entry(f"action-{action.item_id}", action.due, summary))
    return entries
