"""Reading a playbook file from disk: only a regular UTF-8 file, and not too large.

``load_playbook`` reads one file and hands its text to ``parse_playbook``; whatever the
file itself is wrong about (a folder, a pipe, too large, not UTF-8) is a ``PlaybookError``
before any TOML is read. The library (``app.domain.library``) and ``poise playbook
check`` load through here.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from app.domain.playbook import Playbook, PlaybookError, Problem
from app.domain.playbook_parser import parse_playbook
from app.translation import translate

MAX_FILE_BYTES = 256 * 1024


def read_playbook_text(path: Path) -> str:
    """Read a playbook file, refusing what is not a regular file, too large or not UTF-8."""
    try:
        raw, size = _read_regular_file(path, MAX_FILE_BYTES)
    except OSError as error:
        raise PlaybookError(
            [
                Problem(
                    path,
                    "",
                    translate("PlaybookFile", "cannot read file: {reason}").format(
                        reason=error.strerror
                    ),
                )
            ]
        ) from None
    except _NotAPlainFileError as odd:
        raise PlaybookError(
            [
                Problem(
                    path,
                    "",
                    translate("PlaybookFile", "is {kind}, not a playbook file").format(
                        kind=odd.kind
                    ),
                )
            ]
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        size = max(size, len(raw))
        raise PlaybookError(
            [
                Problem(
                    path,
                    "",
                    translate(
                        "PlaybookFile", "file is {size:,} bytes; the limit is {limit:,}"
                    ).format(size=size, limit=MAX_FILE_BYTES),
                )
            ]
        )
    # Some Windows editors begin UTF-8 files with a byte-order mark, which TOML does not allow.
    body = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + len(raw) - len(body)
        line = raw[:offset].count(b"\n") + 1
        raise PlaybookError(
            [
                Problem(
                    path,
                    "",
                    translate(
                        "PlaybookFile", "file is not UTF-8 (bad byte at offset {offset})"
                    ).format(offset=offset),
                    line,
                )
            ]
        ) from None


class _NotAPlainFileError(Exception):
    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "something other than a file"


def _read_regular_file(path: Path, limit: int) -> tuple[bytes, int]:
    """At most ``limit + 1`` bytes of a regular file, and its size on disk.

    Anything but a regular file raises ``_NotAPlainFileError``, and reading stops one byte past
    the limit, so neither a pipe nor a file that keeps growing can stall the check.

    The kind is checked before opening (opening a FIFO waits for a writer) and again on
    the open file, opened without waiting in case something else took the name between.
    """
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        raise _NotAPlainFileError(_file_kind(mode))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise _NotAPlainFileError(_file_kind(status.st_mode))
        return stream.read(limit + 1), status.st_size


def load_playbook(path: Path) -> Playbook:
    """Load and validate one playbook file."""
    return parse_playbook(read_playbook_text(path), path)
