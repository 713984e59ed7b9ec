"""The partner link's wire protocol: what a partner may send, what Poise answers.

Plain Python, shared by the server (``app.link.server``), the partner client
(``app.link.client``) and, by hand, the phone page (``resources/partner``).
Every message is one small JSON object in one WebSocket text frame.

Partner to Poise::

    {"type": "hello", "client": "phone" | "partner_app"}
    {"type": "press", "id": "<message id>", "cue": "<cue key>"}
    {"type": "query", "id": "<message id>"}       # what became of an earlier press?
    {"type": "request_ack", "id": "<request id>"} # "OK, stepping in"
    {"type": "ping", "n": <int>}
    {"type": "observe", ...}, {"type": "debrief_answer", ...}  # app.domain.watch_messages

Poise to partner::

    {"type": "welcome", "v": 1, "cues": [{"key": ..., "label": ...}], "partners": <int>}
    {"type": "status", "id": "<message id>", "state": "<DeliveryState>"}
    {"type": "request", "id": "<request id>", "key": ..., "label": ..., "words": ...}
    {"type": "pong", "n": <int>}
    {"type": "ended"}                             # the meeting is over: stop reconnecting
    {"type": "brief", ...}, {"type": "where", ...}, {"type": "debrief", ...}  # watch_messages

A ``request`` goes the other way from a press: the user asks the partner to step
in (issue 8). Its id is chosen by Poise; the partner answers with ``request_ack``,
and every partner then gets ``status`` "acknowledged" for that id, so a second
phone stops asking too. Message ids of presses are chosen by the partner, so that
a press repeated after a reconnect is recognised and delivered once. Parsing never
raises anything but :class:`ProtocolError`, whose ``reason`` says which
:class:`DropReason` counter to bump: a hostile or broken partner costs a counter,
never a crash. The field checks and drop reasons live in ``app.domain.wire_fields``;
this module passes them on, so the link needs only this one.
"""

from __future__ import annotations

import json
import secrets
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.domain.watch_messages import (
    Brief,
    DebriefAnswer,
    DebriefQuestions,
    Observe,
    Where,
    parse_watch_client,
    parse_watch_server,
    watch_fields,
)
from app.domain.wire_fields import (
    MAX_MESSAGE_BYTES,
    MAX_SERVER_MESSAGE_BYTES,
    DropReason,
    ProtocolError,
    cue_key_field,
    expect_keys,
    is_valid_cue_key,
    is_valid_message_id,
    load_object,
    message_id_field,
    optional_text,
    small_int,
    text_field,
)

PROTOCOL_VERSION = 1
MAX_CUES_ON_WIRE = 8
MAX_LABEL_CHARS = 40
MAX_WORDS_CHARS = 120


class ClientKind(StrEnum):
    """What kind of partner is on the other end; becomes the signal's source."""

    PHONE = "phone"
    PARTNER_APP = "partner_app"


class DeliveryState(StrEnum):
    """How far a press got, as the partner sees it."""

    RECEIVED = "received"  # Poise has it and is showing it
    SHOWN = "shown"  # painted on the user's screen
    ACKNOWLEDGED = "acknowledged"  # the user acknowledged it
    EXPIRED = "expired"  # faded without acknowledgement
    REJECTED = "rejected"  # refused (rate limit, unknown cue, meeting not live)
    UNKNOWN = "unknown"  # answer to a query: Poise never got that press

    @property
    def is_final(self) -> bool:
        return self in _FINAL_STATES

    @property
    def rank(self) -> int:
        """States only move forward; a late ``shown`` never hides ``acknowledged``."""
        return _STATE_RANK[self]


_FINAL_STATES = frozenset(
    {
        DeliveryState.ACKNOWLEDGED,
        DeliveryState.EXPIRED,
        DeliveryState.REJECTED,
        DeliveryState.UNKNOWN,
    }
)
_STATE_RANK = {
    DeliveryState.UNKNOWN: 0,
    DeliveryState.RECEIVED: 1,
    DeliveryState.SHOWN: 2,
    DeliveryState.ACKNOWLEDGED: 3,
    DeliveryState.EXPIRED: 3,
    DeliveryState.REJECTED: 3,
}


# --- messages from the partner ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hello:
    client: ClientKind


@dataclass(frozen=True, slots=True)
class Press:
    message_id: str
    cue_key: str


@dataclass(frozen=True, slots=True)
class Query:
    message_id: str


@dataclass(frozen=True, slots=True)
class RequestAck:
    """The partner's "OK, stepping in" to one of the user's requests."""

    message_id: str


@dataclass(frozen=True, slots=True)
class Ping:
    number: int


ClientMessage = Hello | Press | Query | RequestAck | Ping | Observe | DebriefAnswer


# --- messages from Poise ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CueButton:
    """A cue as the partner sees it: its key and button label, never the user's words."""

    key: str
    label: str


@dataclass(frozen=True, slots=True)
class Welcome:
    cues: tuple[CueButton, ...]
    partners: int
    version: int = PROTOCOL_VERSION


@dataclass(frozen=True, slots=True)
class Status:
    message_id: str
    state: DeliveryState


@dataclass(frozen=True, slots=True)
class Request:
    """The user asks the partner for help: ``label`` as a heading, ``words`` to read,
    ``answer`` on the partner's button and ``answered`` once they pressed it (both sent
    so the window and the phone page say what Poise says; empty from an older Poise)."""

    message_id: str
    key: str
    label: str
    words: str
    answer: str = ""
    answered: str = ""


@dataclass(frozen=True, slots=True)
class Pong:
    number: int


@dataclass(frozen=True, slots=True)
class Ended:
    """Sent to every partner just before the link closes for good (the meeting ended).

    Added after version 1 without a new version: an older partner counts it as an
    unknown type and simply sees the connection close, as before.
    """


ServerMessage = Welcome | Status | Request | Pong | Ended | Brief | Where | DebriefQuestions


def new_message_id() -> str:
    """A fresh random message id (128 bits, hex)."""
    return secrets.token_hex(16)


def parse_client_message(raw: str | bytes) -> ClientMessage:
    """Read one frame from a partner; raises :class:`ProtocolError` and nothing else."""
    try:
        fields = load_object(raw)
        kind = fields.get("type")
        watched = parse_watch_client(kind, fields)
        if watched is not None:
            return watched
        if kind == "press":
            expect_keys(fields, {"type", "id", "cue"})
            return Press(message_id_field(fields), cue_key_field(fields.get("cue")))
        if kind == "ping":
            expect_keys(fields, {"type", "n"})
            return Ping(small_int(fields.get("n")))
        if kind == "query":
            expect_keys(fields, {"type", "id"})
            return Query(message_id_field(fields))
        if kind == "request_ack":
            expect_keys(fields, {"type", "id"})
            return RequestAck(message_id_field(fields))
        if kind == "hello":
            expect_keys(fields, {"type", "client"})
            client = fields.get("client")
            if not isinstance(client, str) or client not in ClientKind.__members__.values():
                raise ProtocolError(DropReason.BAD_FIELD, "client")
            return Hello(ClientKind(client))
        raise ProtocolError(DropReason.UNKNOWN_TYPE)
    except ProtocolError:
        raise
    except Exception as unexpected:  # the promise: a bad frame never escapes as anything else
        raise ProtocolError(DropReason.BAD_FIELD, type(unexpected).__name__) from None


def parse_server_message(raw: str | bytes) -> ServerMessage:
    """Read one frame from Poise (the partner client's side); raises only ProtocolError."""
    try:
        fields = load_object(raw, MAX_SERVER_MESSAGE_BYTES)
        kind = fields.get("type")
        watched = parse_watch_server(kind, fields)
        if watched is not None:
            return watched
        if kind == "status":
            state = fields.get("state")
            if not isinstance(state, str) or state not in DeliveryState.__members__.values():
                raise ProtocolError(DropReason.BAD_FIELD, "state")
            return Status(message_id_field(fields), DeliveryState(state))
        if kind == "pong":
            return Pong(small_int(fields.get("n")))
        if kind == "ended":
            return Ended()
        if kind == "request":
            return Request(
                message_id_field(fields),
                cue_key_field(fields.get("key")),
                text_field(fields.get("label"), MAX_LABEL_CHARS, "label"),
                text_field(fields.get("words"), MAX_WORDS_CHARS, "words"),
                optional_text(fields.get("answer"), MAX_LABEL_CHARS, "answer"),
                optional_text(fields.get("answered"), MAX_WORDS_CHARS, "answered"),
            )
        if kind == "welcome":
            cues = fields.get("cues")
            partners = fields.get("partners")
            if not isinstance(cues, list) or len(cues) > MAX_CUES_ON_WIRE:
                raise ProtocolError(DropReason.BAD_FIELD, "cues")
            buttons = tuple(_cue_button(item) for item in cues)
            return Welcome(buttons, small_int(partners), small_int(fields.get("v")))
        raise ProtocolError(DropReason.UNKNOWN_TYPE)
    except ProtocolError:
        raise
    except Exception as unexpected:
        raise ProtocolError(DropReason.BAD_FIELD, type(unexpected).__name__) from None


def encode(message: ClientMessage | ServerMessage) -> str:
    """The compact JSON frame for one message."""
    fields: dict[str, Any] | None = watch_fields(message)
    if fields is not None:
        # Words a partner or the user typed stay UTF-8, so a long answer fits one frame.
        return json.dumps(fields, separators=(",", ":"), ensure_ascii=False)
    match message:
        case Hello(client):
            fields = {"type": "hello", "client": client.value}
        case Press(message_id, cue_key):
            fields = {"type": "press", "id": message_id, "cue": cue_key}
        case Query(message_id):
            fields = {"type": "query", "id": message_id}
        case RequestAck(message_id):
            fields = {"type": "request_ack", "id": message_id}
        case Ping(number):
            fields = {"type": "ping", "n": number}
        case Welcome(cues, partners, version):
            fields = {
                "type": "welcome",
                "v": version,
                "cues": [{"key": cue.key, "label": cue.label} for cue in cues],
                "partners": partners,
            }
        case Status(message_id, state):
            fields = {"type": "status", "id": message_id, "state": state.value}
        case Request(message_id, key, label, words, answer, answered):
            fields = {
                "type": "request",
                "id": message_id,
                "key": key,
                "label": label,
                "words": words,
                "answer": answer,
                "answered": answered,
            }
        case Pong(number):
            fields = {"type": "pong", "n": number}
        case Ended():
            fields = {"type": "ended"}
        case _:
            raise TypeError(f"not a protocol message: {message!r}")
    return json.dumps(fields, separators=(",", ":"), ensure_ascii=True)


class DropCounters:
    """How many things were refused, by reason: evidence that hostile traffic went nowhere."""

    def __init__(self) -> None:
        self._counts: Counter[DropReason] = Counter()

    def add(self, reason: DropReason, amount: int = 1) -> None:
        self._counts[reason] += amount

    def __getitem__(self, reason: DropReason) -> int:
        return self._counts[reason]

    @property
    def total(self) -> int:
        return sum(self._counts.values())

    def snapshot(self) -> dict[str, int]:
        return {reason.value: count for reason, count in sorted(self._counts.items())}


def _cue_button(item: object) -> CueButton:
    if not isinstance(item, dict):
        raise ProtocolError(DropReason.BAD_FIELD, "cue")
    label = text_field(item.get("label"), MAX_LABEL_CHARS, "label")
    return CueButton(cue_key_field(item.get("key")), label)


# The wire's whole vocabulary, including what its two halves (wire_fields, watch_messages) hold.
__all__ = [
    "MAX_CUES_ON_WIRE",
    "MAX_LABEL_CHARS",
    "MAX_MESSAGE_BYTES",
    "MAX_SERVER_MESSAGE_BYTES",
    "MAX_WORDS_CHARS",
    "PROTOCOL_VERSION",
    "Brief",
    "ClientKind",
    "ClientMessage",
    "CueButton",
    "DebriefAnswer",
    "DebriefQuestions",
    "DeliveryState",
    "DropCounters",
    "DropReason",
    "Ended",
    "Hello",
    "Observe",
    "Ping",
    "Pong",
    "Press",
    "ProtocolError",
    "Query",
    "Request",
    "RequestAck",
    "ServerMessage",
    "Status",
    "Welcome",
    "Where",
    "encode",
    "is_valid_cue_key",
    "is_valid_message_id",
    "new_message_id",
    "parse_client_message",
    "parse_server_message",
]
