"""Files that hold the user's words, created readable by the user alone (0600).

Meeting notes are private: an export, a crash report or the data folder itself must not
be readable by other accounts on the same computer, whatever the umask says.

Windows has no modes: a new file takes its folder's access list. So what stands for 0700
there is the data folder's list itself, cut down by ``icacls`` (Windows' own tool) to the
user and SYSTEM (which backups and the indexer run as), inheritable by everything made
inside it, with the entries inherited from above dropped. The default folder, in the
user's profile, is private already; a ``--data-dir`` elsewhere (``D:\\Meetings``) is not,
and this is what closes it. A file exported outside the data folder keeps the list of the
folder the user chose, as any Windows program's file does.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from app import paths

if TYPE_CHECKING:
    import subprocess

PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700

# Windows' own account that services, backups and the search indexer run as.
WINDOWS_SYSTEM_ACCOUNT = "*S-1-5-18"
# (OI)(CI): files and folders made inside inherit the entry; F: full control.
WINDOWS_OWNER_ONLY_RIGHTS = "(OI)(CI)F"

Runner = Callable[..., "subprocess.CompletedProcess[str]"]

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


def tighten_data_folder(
    folder: Path | None = None,
    *,
    platform: str = sys.platform,
    run: Runner | None = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """Make an existing data folder the user's alone (0700); what to tell them, or ``""``.

    A folder made by an older Poise, by hand or by a sync tool may be readable by others;
    it is tightened once, at start, and the user is told that once (the next start finds
    it tight already). On Windows its access list is set at each start instead (see the
    module's note); only a failure is told. ``platform``, ``run`` and ``environ`` let a
    test drive the Windows branch with a fake ``icacls``.
    """
    folder = folder or paths.data_dir()
    if platform == "win32":
        return _tighten_windows_folder(folder, run, os.environ if environ is None else environ)
    try:
        status = folder.stat()
    except OSError:
        return ""  # not made yet: it will be made 0700
    mode = stat.S_IMODE(status.st_mode)
    if not stat.S_ISDIR(status.st_mode) or not mode & 0o077:
        return ""  # a file in its place is the store's to report, not a folder to tighten
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


def windows_owner_only_command(folder: Path, account: str) -> list[str]:
    """``icacls``: drop inherited entries, leave the user and SYSTEM full control."""
    return [
        "icacls",
        str(folder),
        "/inheritance:r",
        "/grant:r",
        f"{account}:{WINDOWS_OWNER_ONLY_RIGHTS}",
        f"{WINDOWS_SYSTEM_ACCOUNT}:{WINDOWS_OWNER_ONLY_RIGHTS}",
        "/Q",
    ]


def windows_account(environ: Mapping[str, str]) -> str | None:
    """The signed-in account as icacls names it: DOMAIN\\user (the computer's name when local)."""
    user = environ.get("USERNAME")
    if not user:
        return None
    domain = environ.get("USERDOMAIN")
    return f"{domain}\\{user}" if domain else user


def _tighten_windows_folder(folder: Path, run: Runner | None, environ: Mapping[str, str]) -> str:
    # Here, not at the top: every start imports this module, and only Windows runs icacls
    # (subprocess is 4 ms of the home window's imports, -X importtime).
    import subprocess

    run = run or subprocess.run
    if not folder.is_dir():
        return ""  # not made yet: the next start closes it
    account = windows_account(environ)
    if account is None:
        problem = "Windows did not say which account is signed in (no USERNAME)"
    else:
        try:
            completed = run(
                windows_owner_only_command(folder, account),
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
                # A console would flash up over the window at each start.
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except (OSError, subprocess.SubprocessError) as error:
            problem = f"icacls could not run: {error}"
        else:
            if completed.returncode == 0:
                return ""
            said = " ".join((completed.stderr or completed.stdout or "").split())
            problem = f"icacls said: {said or f'exit {completed.returncode}'}"
    message = (
        f"Other accounts on this computer may be able to open Poise's data folder {folder}, "
        f"and Poise could not change that ({problem})."
    )
    _log.warning("%s", message)
    return message


__all__ = [
    "PRIVATE_FILE_MODE",
    "tighten_data_folder",
    "windows_account",
    "windows_owner_only_command",
    "write_private",
]
