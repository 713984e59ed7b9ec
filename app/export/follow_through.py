"""A client across meetings: what was promised, what is done, which dates were kept.

Plain Python over the store's ``ClientHistory``: the client page shows ``ClientReport``,
the prepare dialog shows ``briefing_lines`` before the next meeting with the same client,
and the reminders read ``due_reminders``. A follow-up date counts as kept when a later
meeting with the client began on or before it, missed when it passed without one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from app.export.formatting import format_day, local
from app.store.records import ActionItemRecord, ClientHistory, ClientMeeting, MeetingSummary
from app.translation import TranslationContext, translate

BRIEFING_LINES = 5
_SNIPPET_CHARS = 110


class FollowUpOutcome:
    KEPT = "kept"
    MISSED = "missed"
    TODAY = "today"
    UPCOMING = "upcoming"
    NONE = ""


@dataclass(frozen=True, slots=True)
class ItemState:
    item: ActionItemRecord
    meeting_id: int
    state: str  # 'done', 'overdue', 'today', 'open'

    @property
    def head(self) -> str:
        """'Send the plan (Sam, due Tue 4 Mar 2025)': the item, its owner and due date."""
        due = (
            translate("Report", "due {day}").format(day=format_day(self.item.due))
            if self.item.due
            else ""
        )
        details = ", ".join(p for p in (self.item.owner, due) if p)
        return f"{self.item.text} ({details})" if details else self.item.text

    @property
    def sentence(self) -> str:
        """'Send the plan (Sam, due Tue 4 Mar 2025): overdue'."""
        if self.state == "done":
            when = self.item.done_at
            if when is None:
                return translate("FollowThrough", "{item}: done").format(item=self.head)
            line = translate("FollowThrough", "{item}: done {day}")
            return line.format(item=self.head, day=format_day(local(when).date()))
        line = {
            "overdue": translate("FollowThrough", "{item}: overdue"),
            "today": translate("FollowThrough", "{item}: due today"),
        }.get(self.state) or translate("FollowThrough", "{item}: open")
        return line.format(item=self.head)


@dataclass(frozen=True, slots=True)
class ClientMeetingView:
    meeting: ClientMeeting
    follow_up_outcome: str
    kept_by: MeetingSummary | None  # the later meeting that kept the follow-up date
    items: tuple[ItemState, ...]

    @property
    def follow_up_sentence(self) -> str:
        follow_up = self.meeting.meeting.follow_up
        if follow_up is None:
            return ""
        day = format_day(follow_up)
        if self.follow_up_outcome == FollowUpOutcome.KEPT and self.kept_by is not None:
            met = format_day(local(self.kept_by.started_at).date())
            line = translate("FollowThrough", "Follow-up {day}: kept (met again {met})")
            return line.format(day=day, met=met)
        line = {
            FollowUpOutcome.MISSED: translate(
                "FollowThrough", "Follow-up {day}: missed, no meeting by then"
            ),
            FollowUpOutcome.TODAY: translate("FollowThrough", "Follow-up {day}: today"),
        }.get(self.follow_up_outcome) or translate("FollowThrough", "Follow-up {day}: not due yet")
        return line.format(day=day)


@dataclass(frozen=True, slots=True)
class ClientReport:
    client_id: int
    client_name: str
    meetings: tuple[ClientMeetingView, ...]  # newest first, as the page lists them

    @property
    def open_items(self) -> list[ItemState]:
        return [state for view in self.meetings for state in view.items if state.state != "done"]

    @property
    def overdue_items(self) -> list[ItemState]:
        """Most overdue first."""
        overdue = [state for state in self.open_items if state.state == "overdue"]
        return sorted(overdue, key=lambda state: state.item.due or date.max)

    @property
    def kept(self) -> int:
        return sum(1 for v in self.meetings if v.follow_up_outcome == FollowUpOutcome.KEPT)

    @property
    def missed(self) -> int:
        return sum(1 for v in self.meetings if v.follow_up_outcome == FollowUpOutcome.MISSED)


def item_state(item: ActionItemRecord, today: date) -> str:
    if item.done:
        return "done"
    if item.due is not None and item.due < today:
        return "overdue"
    if item.due == today:
        return "today"
    return "open"


def follow_up_outcome(
    meeting: MeetingSummary, later: Sequence[MeetingSummary], today: date
) -> tuple[str, MeetingSummary | None]:
    """Kept when a later meeting began on or before the date; else missed once it passed."""
    follow_up = meeting.follow_up
    if follow_up is None:
        return FollowUpOutcome.NONE, None
    for other in later:
        if local(other.started_at).date() <= follow_up:
            return FollowUpOutcome.KEPT, other
    if follow_up < today:
        return FollowUpOutcome.MISSED, None
    if follow_up == today:
        return FollowUpOutcome.TODAY, None
    return FollowUpOutcome.UPCOMING, None


def client_report(history: ClientHistory, today: date) -> ClientReport:
    oldest_first = list(history.meetings)
    views: list[ClientMeetingView] = []
    for index, entry in enumerate(oldest_first):
        later = [m.meeting for m in oldest_first[index + 1 :]]
        outcome, kept_by = follow_up_outcome(entry.meeting, later, today)
        items = tuple(
            ItemState(item, entry.meeting.id, item_state(item, today))
            for item in entry.action_items
        )
        views.append(ClientMeetingView(entry, outcome, kept_by, items))
    return ClientReport(history.client.id, history.client.name, tuple(reversed(views)))


def _first_words(text: str) -> str:
    """The note's lines joined, cut at a word near ``_SNIPPET_CHARS``."""
    joined = "; ".join(line.strip(" -•*\t") for line in text.strip().splitlines() if line.strip())
    if len(joined) <= _SNIPPET_CHARS:
        return joined
    cut = joined[:_SNIPPET_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


class FollowThroughWords(TranslationContext):
    """The follow-through's counted words."""


def briefing_lines(report: ClientReport, limit: int = BRIEFING_LINES) -> list[str]:
    """A few lines to read before meeting the client again: last promises, what is open."""
    ended = [view for view in report.meetings if view.meeting.meeting.ended_at is not None]
    if not ended:
        return []
    last = ended[0]
    summary = last.meeting.meeting
    day = format_day(local(summary.started_at).date())
    last_line = (
        translate("FollowThrough", "Last meeting: {day}, {title}")
        if summary.title
        else translate("FollowThrough", "Last meeting: {day}")
    )
    lines = [last_line.format(day=day, title=summary.title)]
    if last.meeting.commitments.strip():
        promised = translate("FollowThrough", "Promised then: {words}")
        lines.append(promised.format(words=_first_words(last.meeting.commitments)))
    elif last.meeting.real_concern.strip():
        concern = translate("FollowThrough", "Their real concern: {words}")
        lines.append(concern.format(words=_first_words(last.meeting.real_concern)))
    if last.follow_up_sentence:
        lines.append(last.follow_up_sentence)
    overdue = report.overdue_items
    still_open = [s for s in report.open_items if s.state != "overdue"]
    for state in overdue[:2]:
        lines.append(translate("FollowThrough", "Overdue: {item}").format(item=state.head))
    if len(overdue) > 2:
        lines.append(FollowThroughWords.tr("…and %n more overdue", "", len(overdue) - 2))
    if still_open:
        first = still_open[0].head
        others = len(still_open) - 1
        line = (
            FollowThroughWords.tr("Still open: {item} (+%n more)", "", others)
            if others
            else translate("FollowThrough", "Still open: {item}")
        )
        lines.append(line.format(item=first))
    return lines[:limit]


@dataclass(frozen=True, slots=True)
class Reminder:
    """One thing due: a follow-up date or an action item, with its meeting to open."""

    meeting_id: int
    day: date
    text: str


def due_reminders(
    follow_ups: Iterable[MeetingSummary],
    open_items: Iterable[tuple[ActionItemRecord, MeetingSummary]],
    today: date,
) -> list[Reminder]:
    """Follow-ups due today or overdue, and open action items due by today, oldest first."""
    found: list[Reminder] = []
    for meeting in follow_ups:
        if meeting.follow_up is not None and meeting.follow_up <= today:
            line = (
                translate("FollowThrough", "Follow up with {client} (today)")
                if meeting.follow_up == today
                else translate("FollowThrough", "Follow up with {client} (since {day})")
            )
            text = line.format(client=meeting.client_name, day=format_day(meeting.follow_up))
            found.append(Reminder(meeting.id, meeting.follow_up, text))
    for item, meeting in open_items:
        if item.done or item.due is None or item.due > today:
            continue
        who = f"{meeting.client_name}, {item.owner}" if item.owner else meeting.client_name
        line = (
            translate("FollowThrough", "{item} ({who}, due today)")
            if item.due == today
            else translate("FollowThrough", "{item} ({who}, due since {day})")
        )
        text = line.format(item=item.text, who=who, day=format_day(item.due))
        found.append(Reminder(meeting.id, item.due, text))
    found.sort(key=lambda reminder: reminder.day)
    return found
