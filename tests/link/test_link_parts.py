"""The small parts of the link: secret, rate limiter, request heads, LAN address guess,
and the RFC 6455 checks on raw WebSocket bytes."""

from __future__ import annotations

import pytest

from app.domain.signal_protocol import DropReason, ProtocolError
from app.link.http_head import MAX_HEAD_BYTES, head_length, parse_head
from app.link.lan_address import FALLBACK_ADDRESS, Candidate, guess_lan_address, pick_lan_address
from app.link.rate_limit import TokenBucket
from app.link.secret import new_secret, secret_matches
from app.link.websocket_rules import MaskedFrames, is_valid_key


def test_secrets_are_long_and_compared_exactly() -> None:
    secret = new_secret()
    assert len(secret) >= 43  # 256 bits
    assert secret_matches(secret, secret)
    assert secret_matches(secret.encode(), secret)
    assert not secret_matches(secret[:-1], secret)
    assert not secret_matches(secret + "A", secret)
    assert not secret_matches("", secret)
    assert not secret_matches("é" * 43, secret)
    assert not secret_matches(secret, None)
    assert new_secret() != secret


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_bucket_allows_a_burst_then_refills_at_its_rate() -> None:
    clock = FakeClock()
    bucket = TokenBucket(capacity=3, per_second=0.5, clock=clock)
    assert [bucket.try_take() for _ in range(4)] == [True, True, True, False]
    clock.now += 1.0
    assert not bucket.try_take()
    clock.now += 1.0
    assert bucket.try_take()
    clock.now += 3600
    assert [bucket.try_take() for _ in range(4)] == [True, True, True, False]
    clock.now -= 50  # a clock going backwards grants nothing
    assert not bucket.try_take()


def test_a_bucket_needs_positive_numbers() -> None:
    with pytest.raises(ValueError):
        TokenBucket(capacity=0, per_second=1)


def test_request_heads_are_read_strictly() -> None:
    raw = b"GET /p/abc?x=1 HTTP/1.1\r\nHost: 127.0.0.1:5000\r\nUpgrade: websocket\r\n"
    raw += b"Connection: keep-alive, Upgrade\r\nHost: evil\r\n\r\nleftover"
    length = head_length(raw)
    assert length == len(raw) - len(b"leftover")
    head = parse_head(raw[:length])
    assert (head.method, head.target) == ("GET", "/p/abc?x=1")
    assert head.header("HOST") == "127.0.0.1:5000"  # the first of a repeated header
    assert head.wants_websocket
    assert head_length(b"GET / HTTP/1.1\r\nHost: x\r\n") is None


@pytest.mark.parametrize(
    "raw",
    [
        b"GET /p/abc\r\n\r\n",
        b"GET p/abc HTTP/1.1\r\n\r\n",
        b"GET /p/abc HTTP/2\r\n\r\n",
        b"GET /p/abc HTTP/1.1\r\nno colon\r\n\r\n",
        b"GET /p/abc HTTP/1.1\r\n Host: folded\r\n\r\n",
        b"GET /p/\xff HTTP/1.1\r\n\r\n",
        b"GET / HTTP/1.1\r\n" + b"X: y\r\n" * 41 + b"\r\n",
        b"GET / HTTP/1.1\r\nX: " + b"y" * MAX_HEAD_BYTES + b"\r\n\r\n",
    ],
)
def test_odd_request_heads_are_refused(raw: bytes) -> None:
    with pytest.raises(ProtocolError) as refused:
        parse_head(raw)
    assert refused.value.reason in (DropReason.BAD_REQUEST, DropReason.TOO_LARGE)


def test_the_lan_guess_prefers_a_private_address_on_a_real_interface() -> None:
    candidates = [
        Candidate("docker0", "172.17.0.1"),
        Candidate("tun0", "10.8.0.2"),
        Candidate("eth0", "203.0.113.9"),
        Candidate("wlan0", "192.168.1.23"),
        Candidate("lo", "127.0.0.1"),
    ]
    assert pick_lan_address(candidates) == "192.168.1.23"
    assert pick_lan_address(candidates[:3]) == "203.0.113.9"
    assert pick_lan_address([Candidate("docker0", "172.17.0.1")]) == "172.17.0.1"
    assert pick_lan_address([Candidate("eth0", "169.254.3.3"), Candidate("x", "bad")]) == (
        FALLBACK_ADDRESS
    )
    assert pick_lan_address([]) == FALLBACK_ADDRESS


def test_the_lan_guess_on_this_machine_is_an_ipv4_address() -> None:
    parts = guess_lan_address().split(".")
    assert len(parts) == 4 and all(part.isdigit() for part in parts)


def masked_frame(payload: bytes, *, masked: bool = True) -> bytes:
    """A client text frame as a browser writes it (RFC 6455 5.2), lengths of every size."""
    size = len(payload)
    mask_bit = 0x80 if masked else 0
    if size < 126:
        head = bytes([0x81, mask_bit | size])
    elif size < 65536:
        head = bytes([0x81, mask_bit | 126]) + size.to_bytes(2, "big")
    else:
        head = bytes([0x81, mask_bit | 127]) + size.to_bytes(8, "big")
    key = b"\x01\x02\x03\x04" if masked else b""
    body = bytes(byte ^ key[at % 4] for at, byte in enumerate(payload)) if masked else payload
    return head + key + body


def test_websocket_keys_must_be_sixteen_bytes_of_base64() -> None:
    assert is_valid_key("dGhlIHNhbXBsZSBub25jZQ==")  # the RFC's own example
    for bad in ("", "dGhlIHNhbXBsZSBub25jZQ", "not base64 at all!", "A" * 24, "é" * 24):
        assert not is_valid_key(bad), bad


@pytest.mark.parametrize("size", [0, 5, 125, 126, 300, 65535, 65536])
def test_masked_frames_of_every_length_pass_even_split_byte_by_byte(size: int) -> None:
    stream = masked_frame(b"x" * size) + masked_frame(b'{"type":"ping","n":1}')
    whole = MaskedFrames()
    assert whole.feed(stream)
    dripped = MaskedFrames()
    assert all(dripped.feed(stream[at : at + 1]) for at in range(min(len(stream), 300)))
    assert dripped.feed(stream[300:])


def test_an_unmasked_frame_after_masked_ones_is_caught() -> None:
    frames = MaskedFrames()
    assert frames.feed(masked_frame(b"a" * 200))
    assert not frames.feed(masked_frame(b"b", masked=False))
    assert not frames.feed(masked_frame(b"c"))  # once broken, the stream stays refused
