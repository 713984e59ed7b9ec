"""Joins the partner link server to the live session (see notes/LIVE_LINK_CONTRACT.md).

A partner's press takes the same path as the live window's own cue button:
``session.trigger_cue`` with the partner's source, so it is shown and recorded
alike. The session's reports go back to the partner, and the link stops and
forgets its secret when the meeting ends.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from app.domain.meeting_terms import SignalSource
from app.link.server import PartnerLinkServer

_log = logging.getLogger(__name__)


class CueSession(Protocol):
    """What the wiring needs of a live session (``app.ui.live.session.LiveSession``)."""

    cueShown: Any  # noqa: N815 (Qt signal naming)
    cueAcknowledged: Any  # noqa: N815 (Qt signal naming)
    cueExpired: Any  # noqa: N815 (Qt signal naming)
    meetingEnded: Any  # noqa: N815 (Qt signal naming)

    def trigger_cue(
        self, cue_key: str, source: SignalSource, message_id: str | None = None
    ) -> str: ...


def attach_partner_link(session: CueSession, server: PartnerLinkServer) -> None:
    """Route partner presses into the session and the session's answers back out."""

    def on_cue_requested(cue_key: str, source: str, message_id: str) -> None:
        try:
            session.trigger_cue(cue_key, SignalSource(source), message_id)
        except Exception:
            # The partner must hear "not accepted" rather than wait; the user sees nothing.
            _log.exception("a partner's cue %r could not be shown", cue_key)
            server.report_rejected(message_id)

    # Python callables throughout: PLATFORM.md warns about binding C++ slots across objects.
    server.cueRequested.connect(on_cue_requested)
    session.cueShown.connect(lambda message_id: server.report_shown(message_id))
    session.cueAcknowledged.connect(lambda message_id: server.report_acknowledged(message_id))
    session.cueExpired.connect(lambda message_id: server.report_expired(message_id))
    session.meetingEnded.connect(lambda: server.end())
