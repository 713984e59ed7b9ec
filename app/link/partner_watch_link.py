"""The partner as a second pair of eyes, on the link: the brief and the step out, what the
partner saw and their debrief in (issue 25).

Part of one meeting's :class:`~app.link.partner_session.PartnerSession`, so the LAN link
and the relay answer alike. Poise sends every partner the brief (when one was given) and
the step the meeting is on, right after it joins and again on every change; when the
meeting ends it sends the debrief questions and accepts only answers (and pings) until
the transport ends the link. A partner's observation or answer is answered "received",
kept once per message id (a resend after a reconnect is answered, never announced twice)
and rate-limited per partner (:class:`WatchLimits`): a refusal is counted by its
:class:`~app.domain.signal_protocol.DropReason` and answered "rejected".
"""

from __future__ import annotations

import time
from collections import Counter, OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Generic, Protocol, TypeVar

from app.domain.signal_protocol import (
    Brief,
    DebriefAnswer,
    DebriefQuestions,
    DeliveryState,
    DropCounters,
    DropReason,
    Observe,
    ServerMessage,
    Status,
    Where,
    encode,
)
from app.link.rate_limit import TokenBucket

REMEMBERED_WATCH_MESSAGES = 512


@dataclass(frozen=True, slots=True)
class WatchLimits:
    """Per partner: observations in a burst of 5, then one per 3 s, at most 60 a meeting;
    at most 3 answers to each debrief question. Across partners (a LAN partner who
    reconnects is a new one): at most 120 observations and 6 answers a question."""

    observations_burst: int = 5
    observations_per_second: float = 1 / 3
    observations_per_meeting: int = 60
    all_observations_per_meeting: int = 120
    answers_per_question: int = 3
    all_answers_per_question: int = 6


class WatchAllowance:
    """One partner's observation allowance and what it has used of it this meeting."""

    def __init__(self, limits: WatchLimits) -> None:
        self.observations = TokenBucket(limits.observations_burst, limits.observations_per_second)
        self.observed = 0
        self.answered: Counter[int] = Counter()


class WatchPeer(Protocol):
    watch: WatchAllowance


PeerT = TypeVar("PeerT", bound=WatchPeer)

ObservationHandler = Callable[[str, str, str], None]
"""message id, QuickObservation value ("" for words alone), words."""
AnswerHandler = Callable[[str, int, str], None]
"""message id, question index (from 0), answer."""


class MeetingPhase(StrEnum):
    LIVE = "live"  # cues, observations
    DEBRIEF = "debrief"  # the meeting ended: answers and pings only


class PartnerWatchLink(Generic[PeerT]):
    """One meeting's brief, step and debrief, and what partners said of them."""

    def __init__(
        self,
        limits: WatchLimits,
        dropped: DropCounters,
        *,
        broadcast: Callable[[ServerMessage], int],
        send: Callable[[PeerT, str], None],
        on_observation: ObservationHandler,
        on_debrief_answer: AnswerHandler,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limits = limits
        self.phase = MeetingPhase.LIVE
        self.brief: Brief | None = None
        self.questions: DebriefQuestions | None = None
        self._where: Where | None = None
        self._where_since = 0.0
        self._dropped = dropped
        self._broadcast, self._send, self._clock = broadcast, send, clock
        self._on_observation, self._on_debrief_answer = on_observation, on_debrief_answer
        self._kept: OrderedDict[str, None] = OrderedDict()
        self._observed = 0
        self._answered: Counter[int] = Counter()

    def new_allowance(self) -> WatchAllowance:
        return WatchAllowance(self.limits)

    # --- Poise's side -------------------------------------------------------------------

    def set_brief(self, brief: Brief | None) -> None:
        self.brief = brief
        if brief is not None:
            self._broadcast(brief)

    def set_where(self, where: Where) -> None:
        self._where, self._where_since = where, self._clock()
        if self.phase is MeetingPhase.LIVE:
            self._broadcast(where)

    @property
    def where(self) -> Where | None:
        """The step now, its elapsed time counted on to this moment."""
        if self._where is None:
            return None
        later = int(self._clock() - self._where_since)
        return replace(self._where, elapsed=self._where.elapsed + max(0, later))

    def begin_debrief(self, questions: tuple[str, ...]) -> None:
        self.phase = MeetingPhase.DEBRIEF
        self.questions = DebriefQuestions(questions) if questions else None
        if self.questions is not None:
            self._broadcast(self.questions)

    def greeting(self) -> list[str]:
        """What a partner who just joined is told: the brief, then the step or the debrief."""
        frames = [] if self.brief is None else [encode(self.brief)]
        where = self.where
        if self.phase is MeetingPhase.LIVE and where is not None:
            frames.append(encode(where))
        if self.phase is MeetingPhase.DEBRIEF and self.questions is not None:
            frames.append(encode(self.questions))
        return frames

    # --- what partners say --------------------------------------------------------------

    def receive(self, peer: PeerT, message: Observe | DebriefAnswer) -> None:
        if message.message_id in self._kept:
            # Resent after a reconnect: say it arrived, announce nothing.
            self._answer(peer, message.message_id, DeliveryState.RECEIVED)
            return
        refusal = (
            self._refuse_observation(peer)
            if isinstance(message, Observe)
            else self._refuse_answer(peer, message.question)
        )
        if refusal is not None:
            self._dropped.add(refusal)
            self._answer(peer, message.message_id, DeliveryState.REJECTED)
            return
        self._kept[message.message_id] = None
        while len(self._kept) > REMEMBERED_WATCH_MESSAGES:
            self._kept.popitem(last=False)
        self._answer(peer, message.message_id, DeliveryState.RECEIVED)
        if isinstance(message, Observe):
            kind = "" if message.kind is None else message.kind.value
            self._on_observation(message.message_id, kind, message.words)
        else:
            self._on_debrief_answer(message.message_id, message.question, message.answer)

    def refuse(self, peer: PeerT, message_id: str) -> None:
        """A message of ``peer``'s that could not be read: it hears "rejected"."""
        self._answer(peer, message_id, DeliveryState.REJECTED)

    def _refuse_observation(self, peer: PeerT) -> DropReason | None:
        allowance = peer.watch
        if self.phase is not MeetingPhase.LIVE:
            return DropReason.NOT_NOW
        if (
            allowance.observed >= self.limits.observations_per_meeting
            or self._observed >= self.limits.all_observations_per_meeting
            or not allowance.observations.try_take()
        ):
            return DropReason.RATE_LIMITED
        allowance.observed += 1
        self._observed += 1
        return None

    def _refuse_answer(self, peer: PeerT, question: int) -> DropReason | None:
        allowance = peer.watch
        if self.phase is not MeetingPhase.DEBRIEF or self.questions is None:
            return DropReason.NOT_NOW
        if question >= len(self.questions.questions):
            return DropReason.UNKNOWN_QUESTION
        if (
            allowance.answered[question] >= self.limits.answers_per_question
            or self._answered[question] >= self.limits.all_answers_per_question
        ):
            return DropReason.RATE_LIMITED
        allowance.answered[question] += 1
        self._answered[question] += 1
        return None

    def _answer(self, peer: PeerT, message_id: str, state: DeliveryState) -> None:
        self._send(peer, encode(Status(message_id, state)))
