"""Small builders shared by the store tests."""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain.meeting_terms import DEFAULT_CUES, MeetingMode
from app.store.records import MeetingDraft


def draft(
    client: str = "Acme Ltd",
    title: str = "Invoice dispute",
    started_at: datetime | None = None,
    **changes: object,
) -> MeetingDraft:
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
    return MeetingDraft(**values)  # type: ignore[arg-type]
