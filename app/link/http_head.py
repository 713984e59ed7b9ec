"""Reads the head of one HTTP/1.1 request, strictly, before anything is served.

The partner server looks at the request line and headers (still in the socket's
buffer, by peeking) to decide: the page, the WebSocket upgrade, or a refusal.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.signal_protocol import DropReason, ProtocolError

MAX_HEAD_BYTES = 4096
MAX_HEADERS = 40
HEAD_END = b"\r\n\r\n"


@dataclass(frozen=True, slots=True)
class RequestHead:
    method: str
    target: str
    headers: dict[str, str]  # names lower-cased; a repeated header keeps its first value

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")

    @property
    def wants_websocket(self) -> bool:
        return self.header("upgrade").lower() == "websocket" and "upgrade" in (
            self.header("connection").lower()
        )


def head_length(buffer: bytes) -> int | None:
    """Length of the complete head in ``buffer`` (with its blank line), or None if incomplete."""
    end = buffer.find(HEAD_END)
    return None if end < 0 else end + len(HEAD_END)


def parse_head(head: bytes) -> RequestHead:
    """Parses a complete head; anything unusual raises ProtocolError(BAD_REQUEST)."""
    if len(head) > MAX_HEAD_BYTES:
        raise ProtocolError(DropReason.TOO_LARGE, "request head")
    try:
        text = head.decode("ascii")
    except UnicodeDecodeError:
        raise ProtocolError(DropReason.BAD_REQUEST, "not ascii") from None
    lines = text.split("\r\n")
    parts = lines[0].split(" ")
    if len(parts) != 3 or parts[2] not in ("HTTP/1.1", "HTTP/1.0") or not parts[1].startswith("/"):
        raise ProtocolError(DropReason.BAD_REQUEST, "request line")
    headers: dict[str, str] = {}
    header_lines = [line for line in lines[1:] if line]
    if len(header_lines) > MAX_HEADERS:
        raise ProtocolError(DropReason.BAD_REQUEST, "too many headers")
    for line in header_lines:
        name, colon, value = line.partition(":")
        if not colon or not name or name != name.strip():
            raise ProtocolError(DropReason.BAD_REQUEST, "header line")
        headers.setdefault(name.lower(), value.strip())
    return RequestHead(parts[0], parts[1], headers)
