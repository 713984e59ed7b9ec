"""The small parts of the link: secret, rate limiter, request heads, LAN address guess."""

from __future__ import annotations

import pytest

from app.domain.signal_protocol import DropReason, ProtocolError
from app.link.http_head import MAX_HEAD_BYTES, head_length, parse_head
from app.link.lan_address import FALLBACK_ADDRESS, Candidate, guess_lan_address, pick_lan_address
from app.link.rate_limit import TokenBucket
from app.link.secret import new_secret, secret_matches


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
