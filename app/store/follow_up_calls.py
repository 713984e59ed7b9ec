"""The meeting service's follow-ups: action items, follow-up dates, and what is due.

Action items are added, changed and ticked done from the review; the home window's
reminders ask for the follow-ups set and the items due, and the CSV export for each
meeting's items and acknowledge times. Part of ``MeetingService`` (``app.store.service``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete, select

from app.store.models import ActionItem, Meeting, SearchDocument, Signal
from app.store.partner_calls import partner_debrief_of, partner_observations_of
from app.store.records import ActionItemRecord, MeetingActivity, MeetingSummary
from app.store.row_records import action_record, get_row, summary_from_row, summary_query
from app.store.search_queries import KIND_ITEM, index_text
from app.store.service_sessions import ServiceSessions
from app.store.viewer import own_rows

_UNSET: Any = object()


class FollowUpCalls(ServiceSessions):
    """What was promised after a meeting, and when it is due."""

    def add_action_item(
        self, meeting_id: int, text: str, owner: str, due: date | None = None
    ) -> ActionItemRecord:
        with self._writing() as session:
            get_row(session, Meeting, meeting_id)
            item = ActionItem(meeting_id=meeting_id, text=text, owner=owner, due=due, done=False)
            session.add(item)
            session.flush()
            index_text(session, meeting_id, KIND_ITEM, str(item.id), text)
            return action_record(item)

    def update_action_item(
        self,
        item_id: int,
        *,
        text: str | None = None,
        owner: str | None = None,
        due: date | None = _UNSET,
        done: bool | None = None,
        done_at: datetime | None = None,
    ) -> ActionItemRecord:
        """Change the given parts; ``due=None`` clears the date, leaving it out keeps it.

        Ticking an item done records when (``done_at``, else now); unticking forgets it.
        """
        with self._writing() as session:
            item = get_row(session, ActionItem, item_id)
            if text is not None:
                item.text = text
                index_text(session, item.meeting_id, KIND_ITEM, str(item.id), text)
            if owner is not None:
                item.owner = owner
            if due is not _UNSET:
                item.due = due
            if done is not None:
                if done and not item.done:
                    item.done_at = done_at or datetime.now(UTC)
                elif not done:
                    item.done_at = None
                item.done = done
            return action_record(item)

    def delete_action_item(self, item_id: int) -> None:
        with self._writing() as session:
            item = get_row(session, ActionItem, item_id)
            session.execute(
                delete(SearchDocument).where(
                    SearchDocument.meeting_id == item.meeting_id,
                    SearchDocument.kind == KIND_ITEM,
                    SearchDocument.ref_key == str(item_id),
                )
            )
            session.delete(item)

    def set_follow_up(self, meeting_id: int, follow_up: date | None) -> None:
        with self._writing() as session:
            get_row(session, Meeting, meeting_id).follow_up = follow_up

    def open_follow_ups(self, today: date | None = None) -> list[MeetingSummary]:
        """Meetings with a follow-up date set, oldest date first (so overdue ones lead).

        ``today`` is accepted so a caller can say which day it is; every set follow-up is
        open until the user clears it, whether it is overdue or still ahead. One's own only:
        a colleague's shared meeting is theirs to follow up.
        """
        query = (
            summary_query()
            .where(Meeting.follow_up.is_not(None), own_rows(Meeting.owner_role))
            .order_by(Meeting.follow_up.asc(), Meeting.started_at.asc())
        )
        with self._reading() as session:
            return [summary_from_row(row) for row in session.execute(query)]

    def meeting_activity(self, meeting_ids: list[int]) -> dict[int, MeetingActivity]:
        """Action items, acknowledge times and the partner's record of many meetings in four
        queries (for the CSV)."""
        if not meeting_ids:
            return {}
        items: dict[int, list[ActionItemRecord]] = {i: [] for i in meeting_ids}
        acks: dict[int, list[float]] = {i: [] for i in meeting_ids}
        missed = dict.fromkeys(meeting_ids, 0)
        with self._reading() as session:
            for item in session.scalars(
                select(ActionItem)
                .where(ActionItem.meeting_id.in_(meeting_ids))
                .order_by(ActionItem.id)
            ):
                items[item.meeting_id].append(action_record(item))
            for signal in session.scalars(
                select(Signal).where(Signal.meeting_id.in_(meeting_ids)).order_by(Signal.sent_at)
            ):
                if signal.acknowledged_at is None:
                    missed[signal.meeting_id] += 1
                else:
                    delay = (signal.acknowledged_at - signal.sent_at).total_seconds()
                    acks[signal.meeting_id].append(delay)
            seen = partner_observations_of(session, meeting_ids)
            debrief = partner_debrief_of(session, meeting_ids)
        return {
            meeting_id: MeetingActivity(
                meeting_id,
                tuple(items[meeting_id]),
                tuple(acks[meeting_id]),
                missed[meeting_id],
                observations=tuple(seen[meeting_id]),
                debrief=tuple(debrief[meeting_id]),
            )
            for meeting_id in meeting_ids
        }

    def due_action_items(self, today: date) -> list[tuple[ActionItemRecord, MeetingSummary]]:
        """Open action items due on or before ``today``, each with its meeting's list row."""
        with self._reading() as session:
            items = list(
                session.scalars(
                    select(ActionItem)
                    .where(
                        ActionItem.done.is_(False),
                        ActionItem.due.is_not(None),
                        ActionItem.due <= today,
                        own_rows(ActionItem.owner_role),
                    )
                    .order_by(ActionItem.due, ActionItem.id)
                )
            )
            ids = sorted({item.meeting_id for item in items})
            meetings = (
                {
                    row[0]: summary_from_row(row)
                    for row in session.execute(summary_query().where(Meeting.id.in_(ids)))
                }
                if ids
                else {}
            )
            return [(action_record(item), meetings[item.meeting_id]) for item in items]
