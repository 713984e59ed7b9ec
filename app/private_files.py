"""Files that hold the user's words, created readable by the user alone (0600).

Meeting notes are private: an export, a crash report or the data folder itself must not
be readable by other accounts on the same computer, whatever the umask says. On Windows
a new file inherits the folder's access list (the user's profile is already private), so
only the POSIX modes are set here.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import sys
import tempfile
from pathlib import Path

from app import paths

PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700

_log = logging.getLogger(__name__)


def write_private(path: Path, data: bytes) -> None:
    """Create or overwrite ``path`` with ``data``, user-only even if it existed wider."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, PRIVATE_FILE_MODE)
    with os.fdopen(descriptor, "wb") as handle:
        if sys.platform != "win32":
            # The mode given to open() only applies to a new file.
            os.fchmod(handle.fileno(), PRIVATE_FILE_MODE)
        handle.write(data)


def replace_private(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all, user-only, and durable before returning.

    The data goes to a temporary file beside it (0600), is fsync'd and renamed over
    ``path``; the folder is fsync'd too where the system allows it (not Windows), so the
    rename survives a power cut. A failure leaves ``path`` as it was and no temporary file.
    """
    path.parent.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            folder = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)


def tighten_data_folder(folder: Path | None = None) -> str:
    """Make an existing data folder the user's alone (0700); what to tell them, or ``""``.

    A folder made by an older Poise, by hand or by a sync tool may be readable by others;
    it is tightened once, at start, and the user is told that once (the next start finds
    it tight already).
    """
    if sys.platform == "win32":
        return ""
    folder = folder or paths.data_dir()
    try:
        mode = stat.S_IMODE(folder.stat().st_mode)
    except OSError:
        return ""  # not made yet: it will be made 0700
    if not mode & 0o077:
        return ""
    try:
        folder.chmod(PRIVATE_FOLDER_MODE)
    except OSError as error:
        message = (
            f"Other accounts on this computer can open Poise's data folder {folder}, "
            f"and Poise could not change that ({error.strerror or error})."
        )
    else:
        message = (
            f"Poise's data folder {folder} was open to other accounts on this computer; "
            "it is now yours alone."
        )
    _log.warning("%s (its mode was %o)", message, mode)
    return message


__all__ = ["PRIVATE_FILE_MODE", "tighten_data_folder", "write_private"]
