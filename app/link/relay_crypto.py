"""Sealing for the relay path: keys and topics from a pairing secret, and sealed messages.

Plain Python on ``cryptography``; the phone page does the same with WebCrypto
(``resources/partner/index.html``, functions ``relay…``), byte for byte.

From one pairing secret (32 random bytes, made when the user pairs a partner)
HKDF-SHA256 derives everything, so nothing else needs to be agreed:

- the *lobby*, with an empty salt: the topics and keys on which Poise says "Meeting
  live" (with that meeting's random id and the cue buttons) or "Meeting ended", and
  on which the partner says "hello" when it comes online;
- a *meeting*, with the meeting's random id as the salt: the keys for the presses and
  their answers. A meeting's keys are useless in the next meeting. Its topics are the
  pairing's (no salt), so a broker can grant a pairing's pass its four rooms at once.

Each direction (``up``: partner to Poise, ``down``: Poise to partner) has its own
AES-256-GCM key and topic. A topic is ``poise/r/`` and 32 hex digits: an opaque room
id that says nothing of who or what.

A sealed message is a random 96-bit nonce followed by AES-GCM of a small JSON body
(kind, sender, sequence number, time, message id, and for a signal the partner
link's own frame from ``app.domain.signal_protocol``), with the topic as associated
data, so a message copied to another topic fails too. :class:`Opener` drops, and
counts by :class:`RelayDrop`, anything on a topic it has no key for, too large, not
authentic, badly formed, older (or newer) than :data:`FRESH_WITHIN_MS`, or repeating
a (sender, sequence number) or a message id seen before.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import secrets
import threading
import time
from collections import Counter, OrderedDict
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.domain.signal_protocol import MAX_SERVER_MESSAGE_BYTES
from app.translation import translate

SECRET_BYTES = 32
MEETING_ID_BYTES = 16
NONCE_BYTES = 12
TAG_BYTES = 16
TOPIC_PREFIX = "poise/r/"
MAX_SEALED_BYTES = 16 * 1024
"""Largest payload opened at all (the broker caps packets too): the longest brief fits."""
SEALED_SIZES = (512, 1024, 2048, 4096, MAX_SEALED_BYTES)
"""Every sealed message is one of these long: a hello, a press, a status and a "live" with a
few cue buttons are all 512 bytes; a "live" with many long cue labels, an observation or a
debrief answer with many words is longer, and only a long brief needs the largest."""
MAX_SEALED_FRAME_CHARS = MAX_SERVER_MESSAGE_BYTES
"""Longest link frame (``msg``) a sealed body may carry."""
FRESH_WITHIN_MS = 30_000
"""A message older than this, or this far in the future (a wrong clock), is dropped."""
REMEMBERED_MESSAGES = 4096
_VERSION_LABEL = "poise relay v1"
_SENDER_CHARS = frozenset("0123456789abcdef")
KINDS = frozenset({"hello", "live", "ended", "revoked", "signal"})


class PairingSecretError(ValueError):
    """Not a pairing secret (wrong length or characters); the message says what."""


class RelayDrop(StrEnum):
    """Why the relay dropped a message; each has a counter."""

    UNKNOWN_TOPIC = "unknown_topic"
    TOO_LARGE = "too_large"
    FAILED_AUTH = "failed_auth"
    BAD_BODY = "bad_body"
    STALE = "stale"
    REPLAYED = "replayed"


def new_pairing_secret() -> str:
    """A fresh pairing secret, URL-safe base64 without padding (43 characters)."""
    return encode_secret(secrets.token_bytes(SECRET_BYTES))


def encode_secret(secret: bytes) -> str:
    return base64.urlsafe_b64encode(secret).rstrip(b"=").decode("ascii")


def _incomplete_key() -> str:
    return translate("PairingKey", "the pairing key is incomplete: copy the whole link again")


def decode_secret(text: str) -> bytes:
    """The 32 bytes of a pairing secret as written in a link; PairingSecretError otherwise."""
    cleaned = text.strip()
    if len(cleaned) != 43:
        raise PairingSecretError(_incomplete_key())
    try:
        raw = base64.urlsafe_b64decode(cleaned + "=")
    except (binascii.Error, ValueError):
        raise PairingSecretError(
            translate("PairingKey", "the pairing key has characters a link never has")
        ) from None
    if len(raw) != SECRET_BYTES:
        raise PairingSecretError(_incomplete_key())
    return raw


def _derive(secret: bytes, salt: bytes, label: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=label.encode("ascii")).derive(
        secret
    )


@dataclass(frozen=True, slots=True)
class Channel:
    """One direction of one scope: where to publish or listen, and its key."""

    topic: str
    key: bytes


@dataclass(frozen=True, slots=True)
class Channels:
    up: Channel  # partner to Poise
    down: Channel  # Poise to partner


def derive_channels(secret: bytes, meeting_id: str | None = None) -> Channels:
    """The lobby's channels (``meeting_id`` None) or one meeting's."""
    if meeting_id is None:
        scope, salt = "lobby", b""
    else:
        scope, salt = "meeting", bytes.fromhex(meeting_id)
        if len(salt) != MEETING_ID_BYTES:
            raise ValueError("a meeting id is 16 bytes")

    def channel(direction: str) -> Channel:
        # A room is the pairing's, whatever the meeting (the broker grants a partner pass
        # exactly these: deploy/relay/README.md); the keys are the meeting's own.
        topic = _derive(secret, b"", f"{_VERSION_LABEL} {scope} {direction} topic")
        key = _derive(secret, salt, f"{_VERSION_LABEL} {scope} {direction} key")
        return Channel(TOPIC_PREFIX + topic[:16].hex(), key)

    return Channels(channel("up"), channel("down"))


def pairing_rooms(secret: bytes) -> tuple[str, ...]:
    """The four room topics of one pairing: the lobby's and the meetings', each way."""
    meeting = derive_channels(secret, "0" * (2 * MEETING_ID_BYTES))
    lobby = derive_channels(secret)
    return (lobby.up.topic, lobby.down.topic, meeting.up.topic, meeting.down.topic)


def new_meeting_id() -> str:
    return secrets.token_hex(MEETING_ID_BYTES)


@dataclass(frozen=True, slots=True)
class Envelope:
    """An opened message: what the JSON body says."""

    kind: str
    sender: str
    seq: int
    time_ms: int
    message_id: str
    meeting: str | None = None
    msg: str | None = None  # a frame of app.domain.signal_protocol


def now_ms() -> int:
    return int(time.time() * 1000)


class Sealer:
    """Seals this side's messages: one random sender id, sequence numbers counting up."""

    def __init__(self) -> None:
        self.sender = secrets.token_hex(8)
        self._seq = 0
        self._lock = threading.Lock()

    def seal(
        self,
        channel: Channel,
        kind: str,
        *,
        msg: str | None = None,
        meeting: str | None = None,
        at_ms: int | None = None,
    ) -> bytes:
        with self._lock:
            self._seq += 1
            seq = self._seq
        body: dict[str, Any] = {
            "kind": kind,
            "sender": self.sender,
            "seq": seq,
            "time": now_ms() if at_ms is None else at_ms,
            "id": secrets.token_hex(16),
        }
        if meeting is not None:
            body["meeting"] = meeting
        if msg is not None:
            body["msg"] = msg
        # UTF-8, not \u escapes: a brief or an answer in any language keeps its size.
        plaintext = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        return seal_body(channel, plaintext)


def seal_body(channel: Channel, plaintext: bytes) -> bytes:
    """Nonce + AES-GCM(plaintext padded to a fixed size), the topic as associated data."""
    nonce = os.urandom(NONCE_BYTES)
    padded = pad_to_fixed_size(plaintext)
    return nonce + AESGCM(channel.key).encrypt(nonce, padded, channel.topic.encode("ascii"))


def pad_to_fixed_size(plaintext: bytes) -> bytes:
    """Spaces after the JSON (which every JSON reader skips) up to the smallest of
    :data:`SEALED_SIZES` it fits, so a sealed message's length does not tell its kind."""
    for size in SEALED_SIZES:
        room = size - NONCE_BYTES - TAG_BYTES
        if len(plaintext) <= room:
            return plaintext + b" " * (room - len(plaintext))
    return plaintext  # larger than any real message: refused as too large when opened


class Opener:
    """Opens what arrives on the topics it holds keys for; safe to call from any thread.

    Everything refused is counted in :attr:`dropped` (read with :meth:`drop_counts`).
    """

    def __init__(
        self, fresh_within_ms: int = FRESH_WITHIN_MS, memory: ReplayMemory | None = None
    ) -> None:
        """``memory``: what was heard before, shared when it must outlive this opener."""
        self._fresh_within_ms = fresh_within_ms
        self._lock = threading.Lock()
        self._keys: dict[str, AESGCM] = {}
        self._memory = ReplayMemory(fresh_within_ms) if memory is None else memory
        self._dropped: Counter[RelayDrop] = Counter()

    def listen(self, channel: Channel) -> None:
        with self._lock:
            self._keys[channel.topic] = AESGCM(channel.key)

    def forget(self, topic: str) -> None:
        with self._lock:
            self._keys.pop(topic, None)

    def drop_counts(self) -> dict[str, int]:
        with self._lock:
            return {reason.value: count for reason, count in sorted(self._dropped.items())}

    def dropped(self, reason: RelayDrop) -> int:
        with self._lock:
            return self._dropped[reason]

    def open(self, topic: str, payload: bytes, at_ms: int | None = None) -> Envelope | None:
        """The envelope, or None after counting why it was dropped."""
        at_ms = now_ms() if at_ms is None else at_ms
        with self._lock:
            cipher = self._keys.get(topic)
        # Decrypting holds no lock: the GUI thread reading the counters never waits for it.
        opened = _unseal(cipher, topic, payload, at_ms, self._fresh_within_ms)
        if isinstance(opened, Envelope) and not self._memory.first_time(opened, at_ms):
            opened = RelayDrop.REPLAYED
        with self._lock:
            if isinstance(opened, RelayDrop):
                self._dropped[opened] += 1
                return None
            return opened


class ReplayMemory:
    """The messages heard within the freshness window, by (sender, sequence) and by id.

    One per :class:`Opener` unless it is given one to share: Poise's meetings share one, so
    a message captured in one meeting and replayed into the next is heard twice, and dropped.
    """

    def __init__(self, fresh_within_ms: int = FRESH_WITHIN_MS) -> None:
        self._fresh_within_ms = fresh_within_ms
        self._lock = threading.Lock()
        self._seen: OrderedDict[tuple[str, str], int] = OrderedDict()  # -> time seen (ms)

    def first_time(self, envelope: Envelope, at_ms: int) -> bool:
        """Whether ``envelope`` is new, remembering it if so."""
        by_seq = ("seq", f"{envelope.sender}:{envelope.seq}")
        by_id = ("id", envelope.message_id)
        with self._lock:
            self._forget_old(at_ms)
            if by_seq in self._seen or by_id in self._seen:
                return False
            self._seen[by_seq] = at_ms
            self._seen[by_id] = at_ms
            while len(self._seen) > REMEMBERED_MESSAGES:
                self._seen.popitem(last=False)
            return True

    def _forget_old(self, at_ms: int) -> None:
        # Anything older than twice the window is refused as stale anyway.
        horizon = at_ms - 2 * self._fresh_within_ms
        while self._seen:
            first = next(iter(self._seen.values()))
            if first >= horizon:
                break
            self._seen.popitem(last=False)


def _unseal(
    cipher: AESGCM | None, topic: str, payload: bytes, at_ms: int, fresh_within_ms: int
) -> Envelope | RelayDrop:
    if cipher is None:
        return RelayDrop.UNKNOWN_TOPIC
    if len(payload) > MAX_SEALED_BYTES:
        return RelayDrop.TOO_LARGE
    if len(payload) < NONCE_BYTES + TAG_BYTES:
        return RelayDrop.FAILED_AUTH
    try:
        plaintext = cipher.decrypt(
            payload[:NONCE_BYTES], payload[NONCE_BYTES:], topic.encode("ascii")
        )
    except InvalidTag:
        return RelayDrop.FAILED_AUTH
    envelope = _parse_body(plaintext)
    if envelope is None:
        return RelayDrop.BAD_BODY
    if abs(at_ms - envelope.time_ms) > fresh_within_ms:
        return RelayDrop.STALE
    return envelope


def _parse_body(plaintext: bytes) -> Envelope | None:
    try:
        fields = json.loads(plaintext.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    if not isinstance(fields, dict):
        return None
    kind, sender, seq = fields.get("kind"), fields.get("sender"), fields.get("seq")
    at, message_id = fields.get("time"), fields.get("id")
    meeting, msg = fields.get("meeting"), fields.get("msg")
    valid = (
        kind in KINDS
        and isinstance(sender, str)
        and 8 <= len(sender) <= 32
        and set(sender) <= _SENDER_CHARS
        and _is_count(seq)
        and _is_count(at)
        and isinstance(message_id, str)
        and 8 <= len(message_id) <= 64
        and (meeting is None or (isinstance(meeting, str) and _is_meeting_id(meeting)))
        and (msg is None or (isinstance(msg, str) and len(msg) <= MAX_SEALED_FRAME_CHARS))
    )
    if not valid or not isinstance(seq, int) or not isinstance(at, int):
        return None
    return Envelope(str(kind), str(sender), seq, at, str(message_id), meeting, msg)


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**53


def _is_meeting_id(value: str) -> bool:
    return len(value) == 2 * MEETING_ID_BYTES and set(value) <= _SENDER_CHARS
