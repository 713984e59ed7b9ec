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

Poise to partner::

    {"type": "welcome", "v": 1, "cues": [{"key": ..., "label": ...}], "partners": <int>}
    {"type": "status", "id": "<message id>", "state": "<DeliveryState>"}
    {"type": "request", "id": "<request id>", "key": ..., "label": ..., "words": ...}
    {"type": "pong", "n": <int>}
    {"type": "ended"}                             # the meeting is over: stop reconnecting

A ``request`` goes the other way from a press: the user asks the partner to step
in (issue 8). Its id is chosen by Poise; the partner answers with ``request_ack``,
and every partner then gets ``status`` "acknowledged" for that id, so a second
phone stops asking too. Message ids of presses are chosen by the partner, so that
a press repeated after a reconnect is recognised and delivered once. Parsing never
raises anything but :class:`ProtocolError`, whose ``reason`` says which
:class:`DropReason` counter to bump: a hostile or broken partner costs a counter,
never a crash.
"""

from __future__ import annotations

import json
import re
import secrets
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

PROTOCOL_VERSION = 1
MAX_MESSAGE_BYTES = 1024
"""Largest frame a partner may send; real messages are under 120 bytes."""
MAX_CUES_ON_WIRE = 8
MAX_LABEL_CHARS = 40
MAX_WORDS_CHARS = 120

_MESSAGE_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
_CUE_KEY = re.compile(r"[a-z0-9_-]{1,32}")
_MAX_PING = 2**31


class DropReason(StrEnum):
    """Why a request, connection or message was refused; each has a counter."""

    TOO_LARGE = "too_large"
    NOT_TEXT = "not_text"
    NOT_JSON = "not_json"
    NOT_OBJECT = "not_object"
    UNKNOWN_TYPE = "unknown_type"
    BAD_FIELD = "bad_field"
    UNKNOWN_CUE = "unknown_cue"
    UNKNOWN_REQUEST = "unknown_request"
    RATE_LIMITED = "rate_limited"
    FLOODING = "flooding"
    BAD_REQUEST = "bad_request"
    WRONG_SECRET = "wrong_secret"
    BAD_ORIGIN = "bad_origin"
    TOO_MANY_CONNECTIONS = "too_many_connections"
    TIMED_OUT = "timed_out"


class ProtocolError(ValueError):
    """A message that must be dropped; ``reason`` names the counter it goes to."""

    def __init__(self, reason: DropReason, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason


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


ClientMessage = Hello | Press | Query | RequestAck | Ping


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


ServerMessage = Welcome | Status | Request | Pong | Ended


def new_message_id() -> str:
    """A fresh random message id (128 bits, hex)."""
    return secrets.token_hex(16)


def is_valid_message_id(value: object) -> bool:
    return isinstance(value, str) and _MESSAGE_ID.fullmatch(value) is not None


def is_valid_cue_key(value: object) -> bool:
    return isinstance(value, str) and _CUE_KEY.fullmatch(value) is not None


def parse_client_message(raw: str | bytes) -> ClientMessage:
    """Read one frame from a partner; raises :class:`ProtocolError` and nothing else."""
    try:
        fields = _load_object(raw)
        kind = fields.get("type")
        if kind == "press":
            _expect_keys(fields, {"type", "id", "cue"})
            return Press(_message_id(fields), _cue_key(fields.get("cue")))
        if kind == "ping":
            _expect_keys(fields, {"type", "n"})
            return Ping(_small_int(fields.get("n")))
        if kind == "query":
            _expect_keys(fields, {"type", "id"})
            return Query(_message_id(fields))
        if kind == "request_ack":
            _expect_keys(fields, {"type", "id"})
            return RequestAck(_message_id(fields))
        if kind == "hello":
            _expect_keys(fields, {"type", "client"})
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
        fields = _load_object(raw)
        kind = fields.get("type")
        if kind == "status":
            state = fields.get("state")
            if not isinstance(state, str) or state not in DeliveryState.__members__.values():
                raise ProtocolError(DropReason.BAD_FIELD, "state")
            return Status(_message_id(fields), DeliveryState(state))
        if kind == "pong":
            return Pong(_small_int(fields.get("n")))
        if kind == "ended":
            return Ended()
        if kind == "request":
            return Request(
                _message_id(fields),
                _cue_key(fields.get("key")),
                _text(fields.get("label"), MAX_LABEL_CHARS, "label"),
                _text(fields.get("words"), MAX_WORDS_CHARS, "words"),
                _optional_text(fields.get("answer"), MAX_LABEL_CHARS, "answer"),
                _optional_text(fields.get("answered"), MAX_WORDS_CHARS, "answered"),
            )
        if kind == "welcome":
            cues = fields.get("cues")
            partners = fields.get("partners")
            if not isinstance(cues, list) or len(cues) > MAX_CUES_ON_WIRE:
                raise ProtocolError(DropReason.BAD_FIELD, "cues")
            buttons = tuple(_cue_button(item) for item in cues)
            return Welcome(buttons, _small_int(partners), _small_int(fields.get("v")))
        raise ProtocolError(DropReason.UNKNOWN_TYPE)
    except ProtocolError:
        raise
    except Exception as unexpected:
        raise ProtocolError(DropReason.BAD_FIELD, type(unexpected).__name__) from None


def encode(message: ClientMessage | ServerMessage) -> str:
    """The compact JSON frame for one message."""
    fields: dict[str, Any]
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


# --- helpers ------------------------------------------------------------------------------


def _load_object(raw: str | bytes) -> dict[str, Any]:
    if isinstance(raw, bytes):
        raise ProtocolError(DropReason.NOT_TEXT)
    if not isinstance(raw, str):
        raise ProtocolError(DropReason.NOT_TEXT)
    # Characters first (cheap), then the encoded size the limit is really about.
    if len(raw) > MAX_MESSAGE_BYTES or len(raw.encode("utf-8", "surrogatepass")) > (
        MAX_MESSAGE_BYTES
    ):
        raise ProtocolError(DropReason.TOO_LARGE)
    try:
        value = json.loads(raw, parse_constant=_refuse_constant, object_pairs_hook=_unique_keys)
    except ProtocolError:
        raise
    except (ValueError, RecursionError) as broken:
        raise ProtocolError(DropReason.NOT_JSON, type(broken).__name__) from None
    if not isinstance(value, dict):
        raise ProtocolError(DropReason.NOT_OBJECT)
    return value


def _refuse_constant(name: str) -> Any:
    raise ProtocolError(DropReason.NOT_JSON, name)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    fields = dict(pairs)
    if len(fields) != len(pairs):
        raise ProtocolError(DropReason.BAD_FIELD, "duplicate key")
    return fields


def _expect_keys(fields: dict[str, Any], allowed: set[str]) -> None:
    if not fields.keys() <= allowed:
        raise ProtocolError(DropReason.BAD_FIELD, "unexpected key")


def _message_id(fields: dict[str, Any]) -> str:
    value = fields.get("id")
    if not is_valid_message_id(value):
        raise ProtocolError(DropReason.BAD_FIELD, "id")
    return str(value)


def _cue_key(value: object) -> str:
    if not is_valid_cue_key(value):
        raise ProtocolError(DropReason.BAD_FIELD, "cue")
    return str(value)


def _small_int(value: object) -> int:
    # bool is an int in Python; on the wire it is not a number.
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < _MAX_PING:
        raise ProtocolError(DropReason.BAD_FIELD, "number")
    return value


def _text(value: object, max_chars: int, name: str) -> str:
    if not isinstance(value, str) or not 0 < len(value) <= max_chars:
        raise ProtocolError(DropReason.BAD_FIELD, name)
    return value


def _optional_text(value: object, max_chars: int, name: str) -> str:
    """A text field an older Poise does not send: missing or empty reads as ''."""
    if value is None or value == "":
        return ""
    return _text(value, max_chars, name)


def _cue_button(item: object) -> CueButton:
    if not isinstance(item, dict):
        raise ProtocolError(DropReason.BAD_FIELD, "cue")
    return CueButton(_cue_key(item.get("key")), _text(item.get("label"), MAX_LABEL_CHARS, "label"))
