"""The meeting service: the only door through which the UI reads and writes meetings.

Each call is one short transaction on its own session and returns frozen records
from ``app.store.records``, so callers never hold ORM objects or sessions and the
service can be called from any thread. Environment failures come out as
``StoreError``; an unknown id as ``NotFound``. What the windows may call of it is
``app.store.api.StoreService``.

The calls are kept by what they are about, one module each, all on the same sessions
(``app.store.service_sessions``):

- ``app.store.meeting_calls``: clients, a meeting's start and end, its timeline;
- ``app.store.note_calls``: typed notes, their history and their search index;
- ``app.store.follow_up_calls``: action items, follow-up dates, what is due;
- ``app.store.review_reads``: meetings listed, loaded and searched for the review;
- ``app.store.share_calls``: a meeting or a client's history shared with the team;
- ``app.store.partner_calls``: what the partner saw and said, and their history.
"""

from __future__ import annotations

from app.store.follow_up_calls import FollowUpCalls
from app.store.meeting_calls import MeetingCalls
from app.store.note_calls import REVISION_PAUSE, NoteCalls
from app.store.partner_calls import PartnerCalls
from app.store.review_reads import ReviewReads
from app.store.share_calls import ShareCalls

__all__ = ["REVISION_PAUSE", "MeetingService"]


class MeetingService(MeetingCalls, NoteCalls, FollowUpCalls, ReviewReads, ShareCalls, PartnerCalls):
    """Synchronous, thread-safe API over the meeting store (one session per call)."""
