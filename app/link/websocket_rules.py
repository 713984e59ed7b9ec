"""RFC 6455 rules Qt's WebSocket server does not enforce, checked on the raw bytes.

Qt (6.12) upgrades a request whose ``Sec-WebSocket-Key`` is not the base64 of 16 bytes,
and answers a client frame that is not masked. The RFC says: a bad key gets HTTP 400
(section 4.2.1), and a server closes the connection on an unmasked client frame, with
1002 "protocol error" (section 5.1). The LAN server applies both with these helpers.
"""

from __future__ import annotations

import base64
import binascii

KEY_BYTES = 16
_MASK_BIT = 0x80
_LENGTH_BITS = 0x7F


def is_valid_key(key: str) -> bool:
    """Whether ``key`` is the base64 of exactly 16 bytes, as section 4.1 requires."""
    try:
        return len(base64.b64decode(key.encode("ascii"), validate=True)) == KEY_BYTES
    except (binascii.Error, UnicodeEncodeError):
        return False


class MaskedFrames:
    """Follows the frame headers in a client's byte stream, fed as it arrives.

    Only the headers are read (two to fourteen bytes a frame); payloads are skipped
    whole, so a flood costs little more than its length arithmetic.
    """

    def __init__(self) -> None:
        self._header = bytearray()
        self._payload_left = 0
        self.unmasked = False

    def feed(self, data: bytes) -> bool:
        """Takes the next bytes of the stream; False once any frame came unmasked."""
        at = 0
        while at < len(data) and not self.unmasked:
            if self._payload_left:
                step = min(self._payload_left, len(data) - at)
                self._payload_left -= step
                at += step
                continue
            self._header.append(data[at])
            at += 1
            self._read_header()
        return not self.unmasked

    def _read_header(self) -> None:
        header = self._header
        if len(header) < 2:
            return
        if not header[1] & _MASK_BIT:
            self.unmasked = True
            return
        short = header[1] & _LENGTH_BITS
        extended = 2 if short == 126 else 8 if short == 127 else 0
        if len(header) < 2 + extended + 4:  # the length, then the four-byte mask key
            return
        length = int.from_bytes(header[2 : 2 + extended], "big") if extended else short
        self._payload_left = length
        header.clear()
