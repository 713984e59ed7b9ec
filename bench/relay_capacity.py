"""How many people one Mosquitto serves: connections and messages per second on loopback.

Starts the shipped broker (``deploy/relay``, through tests/relay/local_broker.py: only the
ports and file places change) and measures, with plain MQTT 3.1.1 over TCP sockets (a
Poise client holds one connection and one room subscription; the WebSocket front adds a
frame header, not a different broker):

- connections: how long ``--connections`` clients take to connect and subscribe each to a
  room of its own, and the broker's resident memory before and after (per connection);
- messages: ``--rooms`` rooms, each with one subscriber, get QoS 0 messages of a sealed
  cue's size from one publisher for ``--seconds``; the figure is what the subscribers
  received per second (the publisher is Python on a shared CPU, so this is a floor for
  the broker, not its ceiling), with the broker's CPU share over the same time.

Run: ``python3 bench/relay_capacity.py`` (about 20 s); ``--quick``: 200 connections, 2 s.
The numbers are quoted in docs/scale.md. Budgets: bench/budgets.py (``relay.*``).
"""

from __future__ import annotations

import argparse
import os
import secrets
import selectors
import socket
import struct
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import contextlib

from app.link.broker_pass import BrokerPass
from bench.rows import Row, report
from tests.relay.local_broker import LocalBroker

# A sealed cue on the wire is about 150-250 bytes (nonce, tag, padding): 200 stands for it.
PAYLOAD_BYTES = 200
CLK_TCK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _string(text: str) -> bytes:
    raw = text.encode("utf-8")
    return struct.pack("!H", len(raw)) + raw


def _remaining_length(length: int) -> bytes:
    out = bytearray()
    while True:
        digit, length = length % 128, length // 128
        out.append(digit | (0x80 if length else 0))
        if not length:
            return bytes(out)


def _packet(kind: int, body: bytes) -> bytes:
    return bytes([kind]) + _remaining_length(len(body)) + body


def connect_packet(client_id: str, username: str, password: str) -> bytes:
    # MQTT 3.1.1, clean session, keep-alive 60 s, with a username and password (flags 0xC0):
    # the shipped broker admits no anonymous client.
    return _packet(
        0x10,
        _string("MQTT")
        + bytes([4, 0xC2])
        + struct.pack("!H", 60)
        + _string(client_id)
        + _string(username)
        + _string(password),
    )


def subscribe_packet(topic: str) -> bytes:
    return _packet(0x82, struct.pack("!H", 1) + _string(topic) + bytes([0]))


def publish_packet(topic: str, payload: bytes) -> bytes:
    return _packet(0x30, _string(topic) + payload)


def room_topic() -> str:
    return f"poise/r/{secrets.token_hex(16)}"


def _read_exactly(sock: socket.socket, count: int) -> bytes:
    data = b""
    while len(data) < count:
        chunk = sock.recv(count - len(data))
        if not chunk:
            raise ConnectionError("the broker closed the connection")
        data += chunk
    return data


def open_client(port: int, topic: str, account: BrokerPass) -> socket.socket:
    """A connected client subscribed to ``topic``; raises if the broker refuses either."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(
        connect_packet(f"bench-{secrets.token_hex(6)}", account.username, account.password)
    )
    connack = _read_exactly(sock, 4)
    if connack[0] != 0x20 or connack[3] != 0:
        raise ConnectionError(f"connection refused: {connack!r}")
    sock.sendall(subscribe_packet(topic))
    suback = _read_exactly(sock, 5)
    if suback[0] != 0x90 or suback[4] >= 0x80:
        raise ConnectionError(f"subscription refused: {suback!r}")
    return sock


def broker_pid(broker: LocalBroker) -> int:
    process = broker._process
    assert process is not None
    return process.pid


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def measure_connections(
    broker: LocalBroker, count: int, account: BrokerPass
) -> tuple[list[socket.socket], float, float]:
    """Connect ``count`` clients, each to its own room: seconds taken, MB of broker memory each."""
    pid = broker_pid(broker)
    before = rss_mb(pid)
    started = time.perf_counter()
    clients = [open_client(broker.tcp_port, room_topic(), account) for _ in range(count)]
    seconds = time.perf_counter() - started
    per_connection_kb = (rss_mb(pid) - before) * 1024 / count
    return clients, seconds, per_connection_kb


def measure_messages(
    broker: LocalBroker, rooms: int, seconds: float, account: BrokerPass
) -> tuple[float, float]:
    """Messages per second the rooms' subscribers received, and the broker's CPU share."""
    topics = [room_topic() for _ in range(rooms)]
    subscribers = [open_client(broker.tcp_port, topic, account) for topic in topics]
    publisher = open_client(broker.tcp_port, room_topic(), account)
    packets = [publish_packet(topic, secrets.token_bytes(PAYLOAD_BYTES)) for topic in topics]
    packet_size = len(packets[0])
    batch = b"".join(packets)
    selector = selectors.DefaultSelector()
    for sock in subscribers:
        sock.setblocking(False)
        selector.register(sock, selectors.EVENT_READ)
    publisher.setblocking(False)
    selector.register(publisher, selectors.EVENT_WRITE)
    pid = broker_pid(broker)
    cpu_before = cpu_seconds(pid)
    received = 0
    pending = b""
    started = time.perf_counter()
    deadline = started + seconds
    while time.perf_counter() < deadline:
        for key, events in selector.select(timeout=0.05):
            sock = key.fileobj
            assert isinstance(sock, socket.socket)
            if events & selectors.EVENT_WRITE:
                if not pending:
                    pending = batch * 20
                with contextlib.suppress(BlockingIOError):
                    pending = pending[sock.send(pending) :]
            elif events & selectors.EVENT_READ:
                with contextlib.suppress(BlockingIOError):
                    received += len(sock.recv(1 << 16))
    elapsed = time.perf_counter() - started
    broker_cpu = (cpu_seconds(pid) - cpu_before) / elapsed
    for sock in [*subscribers, publisher]:
        sock.close()
    return received / packet_size / elapsed, broker_cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 connections, 2 s of messages")
    parser.add_argument("--connections", type=int, default=5000)
    parser.add_argument("--rooms", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=8.0)
    args = parser.parse_args(argv)
    connections = 200 if args.quick else args.connections
    seconds = 2.0 if args.quick else args.seconds
    with tempfile.TemporaryDirectory(prefix="poise-relay-capacity-") as folder:
        broker = LocalBroker(Path(folder), uncapped_tcp=True)
        broker.start()
        try:
            # One account reaching every room: the broker's cost per client, not its rules'.
            account = BrokerPass("capacity", broker.add_room_wide_account("capacity"))
            clients, connect_s, per_connection_kb = measure_connections(
                broker, connections, account
            )
            print(
                f"{connections} clients connected and subscribed in {connect_s:.2f} s "
                f"({connections / connect_s:,.0f}/s), {per_connection_kb:.1f} KB of broker "
                f"memory each"
            )
            rate, broker_cpu = measure_messages(broker, args.rooms, seconds, account)
            print(
                f"{rate:,.0f} messages/s delivered to {args.rooms} rooms, {connections} idle "
                f"clients connected, broker CPU {broker_cpu:.0%} of one core"
            )
            for sock in clients:
                sock.close()
        finally:
            broker.stop(with_agent=True)
    report(
        [
            Row(
                "relay.connect_rate",
                "relay: connections made per second",
                connections / connect_s,
                "/s",
            ),
            Row(
                "relay.memory_per_connection",
                "relay: broker memory per connection",
                per_connection_kb,
                "KB",
            ),
            Row(
                "relay.messages_per_second", f"relay: messages/s to {args.rooms} rooms", rate, "/s"
            ),
        ]
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
