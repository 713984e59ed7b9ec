"""What one meeting's partner link is, whatever carries it: the LAN server or the relay.

Both transports (``app.link.server`` over sockets and HTTP, ``app.link.relay`` over MQTT
topics and sealing) keep one :class:`PartnerSession`. It holds the meeting's side of the
conversation: which presses were received and how far each got (received, shown,
acknowledged...), the user's open request and the ones already answered, and how fast
partners may press (:class:`RateLimits`, per partner and overall). It answers every
client message the same way on both paths, so a fix here holds for both. A transport
hands it the peers to talk to and a way to send one frame to one of them; it keeps for
itself only what differs: connections, pings at the socket level, topics, keys.
"""

from __future__ import annotations

from abc import abstractmethod
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar, cast

from PySide6.QtCore import QObject, QTimer

from app.domain.meeting_terms import Cue, SignalSource, partner_request
from app.domain.signal_protocol import (
    Brief,
    ClientKind,
    CueButton,
    DebriefAnswer,
    DeliveryState,
    DropCounters,
    DropReason,
    Hello,
    Observe,
    Ping,
    Pong,
    Press,
    ProtocolError,
    Query,
    Request,
    RequestAck,
    ServerMessage,
    Status,
    Welcome,
    Where,
    encode,
    parse_client_message,
)
from app.link.partner_watch_link import (
    AnswerHandler,
    MeetingPhase,
    ObservationHandler,
    PartnerWatchLink,
    WatchAllowance,
    WatchLimits,
)
from app.link.rate_limit import TokenBucket

REMEMBERED_PRESSES = 512
REMEMBERED_REQUESTS = 64
DEBRIEF_WINDOW_MS = 15 * 60 * 1000
"""How long the link stays open for the debrief after the meeting, unless ended sooner."""
IN_THE_DEBRIEF = (DebriefAnswer, Ping, Hello, Query)
"""What a partner may still say once the meeting ended (a query only reads a state)."""

SOURCE_OF = {
    ClientKind.PHONE: SignalSource.PHONE,
    ClientKind.PARTNER_APP: SignalSource.PARTNER_APP,
}


DEFAULT_WATCH_LIMITS = WatchLimits()


@dataclass(frozen=True, slots=True)
class RateLimits:
    """Allowances: frames of any kind per connection, presses per connection and overall.

    A partner presses a handful of times per meeting; a phone pings every 5 s. The relay
    uses the press allowances only (its frames are the broker's to limit).
    """

    frames_burst: int = 40
    frames_per_second: float = 20
    presses_burst: int = 3
    presses_per_second: float = 0.5
    all_presses_burst: int = 6
    all_presses_per_second: float = 1
    # Every byte a partner sends, WebSocket pings and pongs included (Qt answers those
    # itself, unseen by the frame allowance above): a phone sends about 20 bytes a second.
    bytes_burst: int = 16384
    bytes_per_second: float = 2048
    # Observations and debrief answers (issue 25), on both paths.
    watch: WatchLimits = DEFAULT_WATCH_LIMITS


DEFAULT_RATE_LIMITS = RateLimits()
"""Frozen: one shared default is safe."""


class SessionPeer(Protocol):
    """A partner as the session sees it: what it said it is, and its own press allowance."""

    kind: ClientKind
    presses: TokenBucket
    watch: WatchAllowance


PeerT = TypeVar("PeerT", bound=SessionPeer)


class PartnerSession(Generic[PeerT]):
    """One meeting's partner bookkeeping; the transport says who to reach and how.

    ``peers`` gives the partners a broadcast reaches now, ``send`` writes one encoded frame
    to one partner; ``on_cue`` (cue key, SignalSource value, message id) and
    ``on_request_acknowledged`` (request id) are the meeting's news, and so are
    ``on_observation`` and ``on_debrief_answer`` (``app.link.partner_watch_link``);
    ``on_hello`` (peer, whether its kind changed) lets a transport follow up on a partner
    saying what it is.
    """

    def __init__(
        self,
        cues: Sequence[Cue],
        limits: RateLimits,
        *,
        peers: Callable[[], Iterable[PeerT]],
        send: Callable[[PeerT, str], None],
        on_cue: Callable[[str, str, str], None],
        on_request_acknowledged: Callable[[str], None],
        on_hello: Callable[[PeerT, bool], None] = lambda _peer, _changed: None,
        on_observation: ObservationHandler = lambda _id, _kind, _words: None,
        on_debrief_answer: AnswerHandler = lambda _id, _question, _answer: None,
    ) -> None:
        self.buttons = tuple(CueButton(cue.key, cue.label) for cue in cues)
        self._cue_keys = frozenset(cue.key for cue in cues)
        self.limits = limits
        self._all_presses = TokenBucket(limits.all_presses_burst, limits.all_presses_per_second)
        # The transport's part: who to reach, how, and who hears the meeting's news.
        self._peers, self._send = peers, send
        self._on_cue, self._on_hello = on_cue, on_hello
        self._on_request_acknowledged = on_request_acknowledged
        self._deliveries: OrderedDict[str, DeliveryState] = OrderedDict()
        self.open_request: Request | None = None
        self._answered_requests: OrderedDict[str, None] = OrderedDict()
        self.dropped = DropCounters()
        self.watch: PartnerWatchLink[PeerT] = PartnerWatchLink(
            limits.watch,
            self.dropped,
            broadcast=self._broadcast,
            send=send,
            on_observation=on_observation,
            on_debrief_answer=on_debrief_answer,
        )

    def new_press_allowance(self) -> TokenBucket:
        """A joining partner's own press allowance."""
        return TokenBucket(self.limits.presses_burst, self.limits.presses_per_second)

    def new_watch_allowance(self) -> WatchAllowance:
        """A joining partner's own observation and answer allowance."""
        return self.watch.new_allowance()

    def welcome(self, partner_count: int) -> str:
        return encode(Welcome(self.buttons, partner_count))

    def greet(self, peer: PeerT) -> None:
        """Tell a partner who just joined the brief and the step (or the debrief)."""
        for frame in self.watch.greeting():
            self._send(peer, frame)

    def forget(self) -> None:
        """The meeting ended: nothing it knew is answered any more."""
        self._deliveries.clear()
        self.open_request = None
        self._answered_requests.clear()

    # --- what partners say ------------------------------------------------------------

    def receive(self, peer: PeerT, frame: str) -> None:
        """One text frame from ``peer``; anything malformed is only counted."""
        try:
            message = parse_client_message(frame)
        except ProtocolError as bad:
            self.dropped.add(bad.reason)
            if bad.message_id is not None:
                self.watch.refuse(peer, bad.message_id)
            return
        if self.watch.phase is MeetingPhase.DEBRIEF and not isinstance(message, IN_THE_DEBRIEF):
            self._refuse_after_the_meeting(peer, message)
            return
        match message:
            case Press():
                self._on_press(peer, message)
            case Ping(number):
                self._send(peer, encode(Pong(number)))
            case Query(message_id):
                self._send(peer, encode(Status(message_id, self.delivery_state(message_id))))
            case RequestAck(message_id):
                self._on_request_ack(peer, message_id)
            case Hello(kind):
                changed = peer.kind is not kind
                peer.kind = kind
                self._on_hello(peer, changed)
            case Observe() | DebriefAnswer():
                self.watch.receive(peer, message)

    def _refuse_after_the_meeting(self, peer: PeerT, message: object) -> None:
        if isinstance(message, Observe):
            self.watch.receive(peer, message)  # counted and answered there
            return
        self.dropped.add(DropReason.NOT_NOW)
        if isinstance(message, Press):
            self._send(peer, encode(Status(message.message_id, DeliveryState.REJECTED)))

    def _on_press(self, peer: PeerT, press: Press) -> None:
        known = self._deliveries.get(press.message_id)
        if known is not None:
            # A press repeated after a reconnect: say where it got to, never show it twice.
            self._send(peer, encode(Status(press.message_id, known)))
            return
        if press.cue_key not in self._cue_keys:
            self.dropped.add(DropReason.UNKNOWN_CUE)
            self._send(peer, encode(Status(press.message_id, DeliveryState.REJECTED)))
            return
        if not (peer.presses.try_take() and self._all_presses.try_take()):
            self.dropped.add(DropReason.RATE_LIMITED)
            self._send(peer, encode(Status(press.message_id, DeliveryState.REJECTED)))
            return
        self._deliveries[press.message_id] = DeliveryState.RECEIVED
        while len(self._deliveries) > REMEMBERED_PRESSES:
            self._deliveries.popitem(last=False)
        self._broadcast(Status(press.message_id, DeliveryState.RECEIVED))
        self._on_cue(press.cue_key, SOURCE_OF[peer.kind].value, press.message_id)

    def _on_request_ack(self, peer: PeerT, message_id: str) -> None:
        answered = Status(message_id, DeliveryState.ACKNOWLEDGED)
        if message_id in self._answered_requests:
            # A second phone, or a repeat after a reconnect: tell it, announce nothing.
            self._send(peer, encode(answered))
            return
        if self.open_request is None or self.open_request.message_id != message_id:
            self.dropped.add(DropReason.UNKNOWN_REQUEST)
            return
        self.open_request = None
        self._answered_requests[message_id] = None
        while len(self._answered_requests) > REMEMBERED_REQUESTS:
            self._answered_requests.popitem(last=False)
        self._broadcast(answered)
        self._on_request_acknowledged(message_id)

    def _broadcast(self, message: ServerMessage) -> int:
        frame = encode(message)
        reached = 0
        for peer in self._peers():
            self._send(peer, frame)
            reached += 1
        return reached

    # --- the user's side ----------------------------------------------------------------

    def delivery_state(self, message_id: str) -> DeliveryState:
        return self._deliveries.get(message_id, DeliveryState.UNKNOWN)

    def advance(self, message_id: str, state: DeliveryState) -> None:
        """A received press got further (shown, acknowledged...); every partner hears it."""
        current = self._deliveries.get(message_id)
        # Cues from the user's own window are not ours to report; states never go back.
        if current is None or state.rank <= current.rank:
            return
        self._deliveries[message_id] = state
        self._broadcast(Status(message_id, state))

    def send_request(self, message_id: str, key: str) -> int:
        """Ask every partner for help (a newer request replaces an unanswered one).

        Returns how many partners it reached now; the transport gives it to partners
        who come later. ``key`` is one of ``USER_REQUESTS``, else KeyError.
        """
        wanted = partner_request(key)
        self.open_request = Request(
            message_id,
            wanted.key,
            wanted.label,
            wanted.words,
            wanted.answer_button,
            wanted.answered,
        )
        return self._broadcast(self.open_request)


class SessionReports:
    """The user's side of a :class:`PartnerSession`, as both transports offer it.

    Mixed into ``PartnerLinkServer`` and ``RelayMeeting`` (after QObject), so the session
    joins either to the live meeting alike (``attach_partner_link``).
    """

    _session: PartnerSession[Any]

    @property
    @abstractmethod
    def has_ended(self) -> bool:
        """Whether the meeting's link is over; only the transport knows when it ended."""

    @abstractmethod
    def end(self) -> None:
        """Tell every partner the meeting ended, and close the link for good."""

    # --- the second pair of eyes (issue 25) ----------------------------------------------

    def set_brief(self, brief: Brief | None) -> None:
        """What the partner watches for: every partner hears it now, later ones on joining."""
        self._session.watch.set_brief(brief)

    def set_where(self, where: Where) -> None:
        """The step the meeting is on now (told to every partner while the meeting runs)."""
        self._session.watch.set_where(where)

    @property
    def in_debrief(self) -> bool:
        return not self.has_ended and self._session.watch.phase is MeetingPhase.DEBRIEF

    def begin_debrief(self, questions: tuple[str, ...]) -> None:
        """The meeting ended: ask the debrief ``questions`` and take only answers (and pings)
        until :meth:`end`, called by the user's side or by itself after the debrief window."""
        if self.has_ended or self._session.watch.phase is MeetingPhase.DEBRIEF:
            return
        self._session.watch.begin_debrief(questions)
        QTimer.singleShot(DEBRIEF_WINDOW_MS, cast(QObject, self), self._debrief_over)

    def _debrief_over(self) -> None:
        if not self.has_ended:
            self.end()

    def delivery_state(self, message_id: str) -> DeliveryState:
        return self._session.delivery_state(message_id)

    def report_shown(self, message_id: str) -> None:
        self._session.advance(message_id, DeliveryState.SHOWN)

    def report_acknowledged(self, message_id: str) -> None:
        self._session.advance(message_id, DeliveryState.ACKNOWLEDGED)

    def report_expired(self, message_id: str) -> None:
        self._session.advance(message_id, DeliveryState.EXPIRED)

    def report_rejected(self, message_id: str) -> None:
        self._session.advance(message_id, DeliveryState.REJECTED)

    @property
    def open_request(self) -> Request | None:
        """The request no partner has answered yet; partners who join later get it too."""
        return self._session.open_request

    def send_request(self, message_id: str, key: str) -> int:
        """Ask every partner for help (a newer request replaces an unanswered one).

        Returns how many partners it reached now; with none (or the link off) it waits
        for the next partner. ``key`` is one of ``USER_REQUESTS``, else KeyError.
        """
        partner_request(key)  # KeyError for an unknown key, even after the end
        if self.has_ended:
            return 0
        return self._session.send_request(message_id, key)
