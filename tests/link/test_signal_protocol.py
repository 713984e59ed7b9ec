"""The wire protocol: valid messages round-trip, anything else is one ProtocolError."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.signal_protocol import (
    MAX_MESSAGE_BYTES,
    ClientKind,
    CueButton,
    DeliveryState,
    DropCounters,
    DropReason,
    Ended,
    Hello,
    Ping,
    Pong,
    Press,
    ProtocolError,
    Query,
    Request,
    RequestAck,
    Status,
    Welcome,
    encode,
    is_valid_message_id,
    new_message_id,
    parse_client_message,
    parse_server_message,
)

MESSAGE_ID = "a1b2c3d4e5f60718"


@pytest.mark.parametrize(
    "message",
    [
        Hello(ClientKind.PHONE),
        Hello(ClientKind.PARTNER_APP),
        Press(MESSAGE_ID, "calm"),
        Query(MESSAGE_ID),
        RequestAck(MESSAGE_ID),
        Ping(0),
        Ping(2**31 - 1),
    ],
)
def test_client_messages_round_trip(message: object) -> None:
    assert parse_client_message(encode(message)) == message  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "message",
    [
        Welcome((CueButton("calm", "Calm down"), CueButton("slow", "Slow down")), partners=2),
        Status(MESSAGE_ID, DeliveryState.ACKNOWLEDGED),
        Request(MESSAGE_ID, "step_in", "Step in", "Please take over for a moment"),
        Request(MESSAGE_ID, "moment", "I need a moment", "Keep going", "OK", "They know"),
        Pong(7),
        Ended(),
    ],
)
def test_server_messages_round_trip(message: object) -> None:
    assert parse_server_message(encode(message)) == message  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b'{"type":"ping","n":1}', DropReason.NOT_TEXT),
        ("x" * (MAX_MESSAGE_BYTES + 1), DropReason.TOO_LARGE),
        (
            '{"type":"press","id":"' + "é" * (MAX_MESSAGE_BYTES // 2 + 100) + '"}',
            DropReason.TOO_LARGE,
        ),
        ("{not json", DropReason.NOT_JSON),
        ('{"type":"ping","n":NaN}', DropReason.NOT_JSON),
        ("[1,2]", DropReason.NOT_OBJECT),
        ('"press"', DropReason.NOT_OBJECT),
        ('{"type":"shutdown"}', DropReason.UNKNOWN_TYPE),
        ("{}", DropReason.UNKNOWN_TYPE),
        ('{"type":"press","id":"short","cue":"calm"}', DropReason.BAD_FIELD),
        ('{"type":"press","id":"a1b2c3d4e5f60718","cue":"Calm Down"}', DropReason.BAD_FIELD),
        ('{"type":"press","id":"a1b2c3d4e5f60718"}', DropReason.BAD_FIELD),
        ('{"type":"press","id":"a1b2c3d4e5f60718","cue":"calm","x":1}', DropReason.BAD_FIELD),
        ('{"type":"press","type":"ping","id":"a1b2c3d4e5f60718","cue":"c"}', DropReason.BAD_FIELD),
        ('{"type":"ping","n":true}', DropReason.BAD_FIELD),
        ('{"type":"ping","n":-1}', DropReason.BAD_FIELD),
        ('{"type":"ping","n":1e3}', DropReason.BAD_FIELD),
        ('{"type":"hello","client":"admin"}', DropReason.BAD_FIELD),
        ('{"type":"request_ack"}', DropReason.BAD_FIELD),
        ('{"type":"request_ack","id":"a1b2c3d4e5f60718","key":"step_in"}', DropReason.BAD_FIELD),
        ('{"type":"request_ack","id":"<script>alert(1)</script>"}', DropReason.BAD_FIELD),
        # Only Poise sends requests; a partner cannot ask the user for anything.
        ('{"type":"request","id":"a1b2c3d4e5f60718","key":"step_in"}', DropReason.UNKNOWN_TYPE),
        ("[" * 900 + "]" * 90, DropReason.NOT_JSON),
    ],
)
def test_bad_frames_are_refused_with_a_reason(raw: str | bytes, reason: DropReason) -> None:
    with pytest.raises(ProtocolError) as refused:
        parse_client_message(raw)
    assert refused.value.reason is reason


@pytest.mark.parametrize(
    "raw",
    [
        '{"type":"request","id":"a1b2c3d4e5f60718","key":"step_in","label":"Step in"}',
        '{"type":"request","id":"a1b2c3d4e5f60718","key":"Step In","label":"x","words":"y"}',
        '{"type":"request","id":"a1b2c3d4e5f60718","key":"step_in","label":"","words":"y"}',
        '{"type":"request","id":"a1b2c3d4e5f60718","key":"step_in","label":"x","words":'
        + '"'
        + "w" * 121
        + '"}',
        '{"type":"request","id":"a1b2c3d4e5f60718","key":"step_in","label":"x","words":7}',
    ],
)
def test_a_partner_refuses_a_malformed_request(raw: str) -> None:
    with pytest.raises(ProtocolError) as refused:
        parse_server_message(raw)
    assert refused.value.reason is DropReason.BAD_FIELD


def test_a_frame_at_the_size_limit_is_still_read() -> None:
    padding = MAX_MESSAGE_BYTES - len('{"type":"ping","n":1}')
    raw = '{"type":"ping",' + " " * padding + '"n":1}'
    assert len(raw.encode()) == MAX_MESSAGE_BYTES
    assert parse_client_message(raw) == Ping(1)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=1500), st.binary(max_size=64)))
def test_arbitrary_text_only_ever_raises_protocol_error(raw: str | bytes) -> None:
    for parse in (parse_client_message, parse_server_message):
        with contextlib.suppress(ProtocolError):
            parse(raw)


FIELD_NAMES = ("type", "id", "cue", "n", "client", "state", "cues", "v", "partners")
FIELD_NAMES += ("key", "label", "words")
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(FIELD_NAMES),
        json_values
        | st.sampled_from(["press", "ping", "hello", "query", "status", "welcome"])
        | st.sampled_from(["request", "request_ack", "a1b2c3d4e5f60718", "step_in"]),
    )
)
def test_arbitrary_json_objects_only_ever_raise_protocol_error(fields: dict) -> None:
    raw = json.dumps(fields)
    for parse in (parse_client_message, parse_server_message):
        try:
            message = parse(raw)
        except ProtocolError:
            continue
        assert parse(encode(message)) == message


def test_message_ids_are_fresh_and_valid() -> None:
    ids = {new_message_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(is_valid_message_id(value) and len(value) == 32 for value in ids)


def test_states_only_move_forward() -> None:
    assert DeliveryState.SHOWN.rank > DeliveryState.RECEIVED.rank
    assert DeliveryState.ACKNOWLEDGED.rank > DeliveryState.SHOWN.rank
    assert DeliveryState.ACKNOWLEDGED.is_final and not DeliveryState.SHOWN.is_final


def test_drop_counters_count_by_reason() -> None:
    counters = DropCounters()
    counters.add(DropReason.NOT_JSON)
    counters.add(DropReason.NOT_JSON)
    counters.add(DropReason.TOO_LARGE, 5)
    assert counters[DropReason.NOT_JSON] == 2
    assert counters[DropReason.WRONG_SECRET] == 0
    assert counters.total == 7
    assert counters.snapshot() == {"not_json": 2, "too_large": 5}


def test_the_meeting_ended_message_is_one_small_frame_a_client_cannot_send() -> None:
    assert encode(Ended()) == '{"type":"ended"}'
    # Only Poise ends a meeting: from a partner it is an unknown type, counted and dropped.
    with pytest.raises(ProtocolError) as refused:
        parse_client_message('{"type":"ended"}')
    assert refused.value.reason is DropReason.UNKNOWN_TYPE
