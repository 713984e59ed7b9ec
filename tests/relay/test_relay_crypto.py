"""The relay's sealing and pairing book, as plain Python: keys, topics, refusals, the file."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from app.link.pairing import (
    PAIRING_FILE_NAME,
    PairingBook,
    PairingError,
    pairing_link,
    parse_relay_link,
)
from app.link.relay_crypto import (
    FRESH_WITHIN_MS,
    MAX_SEALED_BYTES,
    SEALED_SIZES,
    Opener,
    RelayDrop,
    Sealer,
    decode_secret,
    derive_channels,
    new_meeting_id,
    new_pairing_secret,
    now_ms,
    pairing_rooms,
    seal_body,
)


def test_each_meeting_and_direction_has_its_own_key_in_the_pairings_four_rooms() -> None:
    secret = decode_secret(new_pairing_secret())
    lobby = derive_channels(secret)
    first = derive_channels(secret, new_meeting_id())
    second = derive_channels(secret, new_meeting_id())
    channels = [lobby.up, lobby.down, first.up, first.down, second.up, second.down]
    # The broker grants a partner pass exactly these rooms, whatever the meeting.
    assert {channel.topic for channel in channels} == set(pairing_rooms(secret))
    assert len(set(pairing_rooms(secret))) == 4
    assert (first.up.topic, first.down.topic) == (second.up.topic, second.down.topic)
    assert len({channel.key for channel in channels}) == 6
    assert all(
        channel.topic.startswith("poise/r/") and len(channel.topic) == 40 for channel in channels
    )
    assert derive_channels(secret) == lobby  # both sides derive the same from the secret alone


def test_a_sealed_message_opens_once_and_only_with_its_key_and_topic() -> None:
    secret = decode_secret(new_pairing_secret())
    meeting = new_meeting_id()
    channels = derive_channels(secret, meeting)
    sealer, opener = Sealer(), Opener()
    opener.listen(channels.up)
    sealed = sealer.seal(
        channels.up, "signal", msg='{"type":"press","id":"abcdefgh12","cue":"calm"}'
    )
    assert b"calm" not in sealed and channels.up.key not in sealed

    opened = opener.open(channels.up.topic, sealed)
    assert opened is not None and opened.kind == "signal" and opened.sender == sealer.sender
    assert opener.open(channels.up.topic, sealed) is None  # the same message again
    tampered = bytearray(sealer.seal(channels.up, "signal", msg="x"))
    tampered[-1] ^= 1
    assert opener.open(channels.up.topic, bytes(tampered)) is None
    other_meeting = derive_channels(secret, new_meeting_id())
    assert opener.open(channels.up.topic, sealer.seal(other_meeting.up, "signal", msg="x")) is None
    stale = sealer.seal(channels.up, "signal", msg="x", at_ms=now_ms() - FRESH_WITHIN_MS - 1000)
    assert opener.open(channels.up.topic, stale) is None
    assert opener.open(channels.down.topic, sealer.seal(channels.down, "signal")) is None
    assert opener.open(channels.up.topic, seal_body(channels.up, b"[1, 2]")) is None
    assert opener.open(channels.up.topic, os.urandom(MAX_SEALED_BYTES + 1)) is None
    assert opener.drop_counts() == {
        "bad_body": 1,
        "failed_auth": 2,
        "replayed": 1,
        "stale": 1,
        "too_large": 1,
        "unknown_topic": 1,
    }
    # Same sender and sequence number under a new message id: still a replay.
    body = {"kind": "signal", "sender": sealer.sender, "seq": 1, "time": now_ms(), "id": "f" * 32}
    assert opener.open(channels.up.topic, seal_body(channels.up, json.dumps(body).encode())) is None
    assert opener.dropped(RelayDrop.REPLAYED) == 2


def test_paired_partners_persist_in_a_file_only_the_user_can_read(data_dir: Path) -> None:
    book = PairingBook(data_dir / PAIRING_FILE_NAME)
    alex = book.pair("  Alex   Moreau ")
    sam = book.pair("Sam")
    book.touch(sam.partner_id)
    book.revoke(alex.partner_id)
    book.flush()
    again = PairingBook(data_dir / PAIRING_FILE_NAME)
    assert [(p.name, p.secret) for p in again.partners] == [("Sam", sam.secret)]
    assert again.partners[0].last_seen is not None
    if sys.platform != "win32":
        assert stat.S_IMODE((data_dir / PAIRING_FILE_NAME).stat().st_mode) == 0o600
    with pytest.raises(PairingError, match="give the partner a name"):
        book.pair("   ")
    (data_dir / PAIRING_FILE_NAME).write_text("{not json", encoding="utf-8")
    assert PairingBook(data_dir / PAIRING_FILE_NAME).partners == ()


def test_the_pairing_link_carries_the_secret_only_in_its_fragment(data_dir: Path) -> None:
    book = PairingBook(data_dir / PAIRING_FILE_NAME)
    partner = book.pair("Alex")
    own_origin = pairing_link(partner, "wss://relay.example.org/mqtt")
    assert own_origin == f"https://relay.example.org/#k={partner.secret}"
    elsewhere = pairing_link(partner, "ws://127.0.0.1:4000/mqtt", "http://127.0.0.1:5000/")
    assert elsewhere.split("#")[0] == "http://127.0.0.1:5000/"
    parsed = parse_relay_link(elsewhere)
    assert parsed.broker_url == "ws://127.0.0.1:4000/mqtt"
    assert parsed.secret == decode_secret(partner.secret)
    with pytest.raises(PairingError, match="incomplete"):
        parse_relay_link(own_origin[:-3])
    with pytest.raises(PairingError, match="no pairing key"):
        parse_relay_link("https://relay.example.org/")


def test_the_longest_brief_and_answer_seal_and_open_within_the_padding() -> None:
    from app.domain.partner_watch import MAX_DEBRIEF_ANSWER_CHARS
    from app.domain.signal_protocol import DebriefAnswer, encode
    from tests.domain.test_watch_messages import WIDE, _worst_brief

    channels = derive_channels(decode_secret(new_pairing_secret()), new_meeting_id())
    sealer, opener = Sealer(), Opener()
    opener.listen(channels.down)
    opener.listen(channels.up)
    brief = encode(_worst_brief())
    sealed = sealer.seal(channels.down, "signal", msg=brief)
    assert len(sealed) == SEALED_SIZES[-1]
    opened = opener.open(channels.down.topic, sealed)
    assert opened is not None and opened.msg == brief
    answer = encode(DebriefAnswer("f" * 64, 4, WIDE * MAX_DEBRIEF_ANSWER_CHARS))
    sealed = sealer.seal(channels.up, "signal", msg=answer)
    assert len(sealed) == 2048  # a long answer in four-byte characters still fits 2 KiB
    opened = opener.open(channels.up.topic, sealed)
    assert opened is not None and opened.msg == answer
