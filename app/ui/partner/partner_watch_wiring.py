"""Joins the partner's second pair of eyes (issue 25) to a live meeting, on either path.

``attach_partner_watch`` gives the link (the LAN's ``PartnerLinkServer`` or the relay's
``RelayMeeting``) the brief the user prepared and the step the meeting is on, then a new
step on every ``stepChanged``; it hands what the partner saw and their debrief answers to
``session.from_partner``, which stamps them with Poise's clock and the step; and when the
meeting ends it opens the debrief instead of ending the link. The link ends when the
summary closes (:class:`EndLinksWithSummary`) or after the debrief window
(``app.link.partner_session.DEBRIEF_WINDOW_MS``), whichever comes first.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, QObject

from app.domain.meeting_session import StepChange
from app.domain.partner_watch import QuickObservation, debrief_questions_for
from app.domain.watch_messages import Brief, Where, brief_for_partner, where_for_partner

if TYPE_CHECKING:
    from app.ui.live.session import LiveSession

_log = logging.getLogger(__name__)


class WatchLink(Protocol):
    """What the wiring needs of a partner path beside the cues (``SessionReports``)."""

    observationReceived: Any  # noqa: N815 (Qt signal naming)
    debriefAnswerReceived: Any  # noqa: N815 (Qt signal naming)

    @property
    def has_ended(self) -> bool: ...
    def set_brief(self, brief: Brief | None) -> None: ...
    def set_where(self, where: Where) -> None: ...
    def begin_debrief(self, questions: tuple[str, ...]) -> None: ...
    def end(self) -> None: ...


def attach_partner_watch(session: LiveSession, link: WatchLink) -> None:
    """Brief and step out, observations and answers in, the debrief after the meeting."""
    brief = session.partner_brief
    if brief is not None and not brief.is_empty:
        problem = brief.problem()
        if problem is None:
            link.set_brief(brief_for_partner(brief, session.partner_brief_changes))
        else:  # the prepare dialog refuses such a brief; a partner is never sent a broken one
            _log.warning("the partner's brief was not sent: %s", problem)
    if session.domain.is_running:
        link.set_where(_where_now(session))
    session.stepChanged.connect(lambda change: link.set_where(_where_at(session, change)))
    link.observationReceived.connect(
        lambda message_id, kind, words: session.from_partner.receive_observation(
            message_id, QuickObservation(kind) if kind else None, words
        )
    )
    questions = debrief_questions_for(session.domain.playbook)

    def on_answer(message_id: str, index: int, answer: str) -> None:
        # The link refuses an index beyond the questions it asked: these same ones.
        session.from_partner.receive_debrief_answer(message_id, questions[index], answer)

    link.debriefAnswerReceived.connect(on_answer)
    session.meetingEnded.connect(lambda: link.begin_debrief(questions))


def _where_now(session: LiveSession) -> Where:
    domain = session.domain
    return where_for_partner(
        domain.index,
        len(domain.steps),
        domain.current_step.title,
        domain.meeting_elapsed().total_seconds(),
    )


def _where_at(session: LiveSession, change: StepChange) -> Where:
    elapsed = session.domain.meeting_elapsed(change.at).total_seconds()
    return where_for_partner(change.index, change.count, change.step.title, elapsed)


class EndLinksWithSummary(QObject):
    """Ends the meeting's partner links (the debrief is over) when its summary closes."""

    def __init__(self, summary: QObject, links: list[WatchLink]) -> None:
        super().__init__(summary)
        self._links = links  # that meeting's, whatever meeting is live when it closes
        summary.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Close:
            for link in self._links:
                if not link.has_ended:
                    link.end()
        return False
