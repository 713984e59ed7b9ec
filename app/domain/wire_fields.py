"""The partner link's field checks: why a frame is refused, and how each field is read.

Shared by the wire protocol's two halves, :mod:`app.domain.signal_protocol` (presses,
queries, the cue buttons) and :mod:`app.domain.watch_messages` (the brief, where the
meeting is, observations and the debrief). Every check raises :class:`ProtocolError`
and nothing else, its ``reason`` the :class:`DropReason` counter the frame goes to.
"""

from __future__ import annotations

import json
import re
from enum import StrEnum
from typing import Any

MAX_MESSAGE_BYTES = 2048
"""Largest frame a partner may send: a press is under 120 bytes, a debrief answer of
400 four-byte characters under 1.7 KiB."""
MAX_SERVER_MESSAGE_BYTES = 15 * 1024
"""Largest frame Poise sends: a full brief in four-byte characters is under 14 KiB."""

_MESSAGE_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
_CUE_KEY = re.compile(r"[a-z0-9_-]{1,32}")
_MAX_NUMBER = 2**31


class DropReason(StrEnum):
    """Why a request, connection or message was refused; each has a counter."""

    TOO_LARGE = "too_large"
    NOT_TEXT = "not_text"
    NOT_JSON = "not_json"
    NOT_OBJECT = "not_object"
    UNKNOWN_TYPE = "unknown_type"
    BAD_FIELD = "bad_field"
    TOO_LONG = "too_long"  # a text field over its limit (observation words, an answer)
    UNKNOWN_CUE = "unknown_cue"
    UNKNOWN_KIND = "unknown_kind"  # an observation kind Poise does not know
    UNKNOWN_REQUEST = "unknown_request"
    UNKNOWN_QUESTION = "unknown_question"  # a debrief answer to a question never asked
    NOT_NOW = "not_now"  # an observation after the meeting, an answer before its debrief
    RATE_LIMITED = "rate_limited"
    FLOODING = "flooding"
    BAD_REQUEST = "bad_request"
    WRONG_SECRET = "wrong_secret"
    BAD_ORIGIN = "bad_origin"
    TOO_MANY_CONNECTIONS = "too_many_connections"
    TIMED_OUT = "timed_out"


class ProtocolError(ValueError):
    """A message that must be dropped; ``reason`` names the counter it goes to.

    ``message_id`` is the refused message's own id when it had a valid one, so the
    partner can be told which of its messages was refused."""

    def __init__(self, reason: DropReason, detail: str = "", message_id: str | None = None) -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason
        self.message_id = message_id


def is_valid_message_id(value: object) -> bool:
    return isinstance(value, str) and _MESSAGE_ID.fullmatch(value) is not None


def is_valid_cue_key(value: object) -> bool:
    return isinstance(value, str) and _CUE_KEY.fullmatch(value) is not None


def load_object(raw: str | bytes, max_bytes: int = MAX_MESSAGE_BYTES) -> dict[str, Any]:
    """One frame's JSON object, refused when binary, too large, not JSON or not an object."""
    if isinstance(raw, bytes):
        raise ProtocolError(DropReason.NOT_TEXT)
    if not isinstance(raw, str):
        raise ProtocolError(DropReason.NOT_TEXT)
    # Characters first (cheap), then the encoded size the limit is really about.
    if len(raw) > max_bytes or len(raw.encode("utf-8", "surrogatepass")) > max_bytes:
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


def expect_keys(fields: dict[str, Any], allowed: set[str]) -> None:
    if not fields.keys() <= allowed:
        raise ProtocolError(DropReason.BAD_FIELD, "unexpected key")


def message_id_field(fields: dict[str, Any]) -> str:
    value = fields.get("id")
    if not is_valid_message_id(value):
        raise ProtocolError(DropReason.BAD_FIELD, "id")
    return str(value)


def cue_key_field(value: object, name: str = "cue") -> str:
    if not is_valid_cue_key(value):
        raise ProtocolError(DropReason.BAD_FIELD, name)
    return str(value)


def small_int(value: object, name: str = "number") -> int:
    # bool is an int in Python; on the wire it is not a number.
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < _MAX_NUMBER:
        raise ProtocolError(DropReason.BAD_FIELD, name)
    return value


def text_field(value: object, max_chars: int, name: str) -> str:
    """A non-empty string of at most ``max_chars``; too long is BAD_FIELD (see limited_text)."""
    if not isinstance(value, str) or not 0 < len(value) <= max_chars or _has_lone_surrogate(value):
        raise ProtocolError(DropReason.BAD_FIELD, name)
    return value


def optional_text(value: object, max_chars: int, name: str) -> str:
    """A text field an older Poise does not send: missing or empty reads as ''."""
    if value is None or value == "":
        return ""
    return text_field(value, max_chars, name)


def limited_text(value: object, max_chars: int, name: str, *, may_be_empty: bool) -> str:
    """What a partner typed: a string, refused as TOO_LONG over ``max_chars`` (the partner is
    told so), BAD_FIELD when not a string, empty where it may not be, or not encodable."""
    if not isinstance(value, str) or _has_lone_surrogate(value):
        raise ProtocolError(DropReason.BAD_FIELD, name)
    if len(value) > max_chars:
        raise ProtocolError(DropReason.TOO_LONG, name)
    if not value.strip() and not (may_be_empty and value == ""):
        raise ProtocolError(DropReason.BAD_FIELD, f"{name} is empty")
    return value


def text_list(value: object, max_items: int, max_chars: int, name: str) -> tuple[str, ...]:
    if not isinstance(value, list) or len(value) > max_items:
        raise ProtocolError(DropReason.BAD_FIELD, name)
    return tuple(text_field(item, max_chars, name) for item in value)


def _has_lone_surrogate(value: str) -> bool:
    # "\ud800" is valid JSON but no text: it could not be stored or shown.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
