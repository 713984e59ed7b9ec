"""Where Poise keeps the user's data.

One place decides the data folder: ``--data-dir`` on the command line, then the
``POISE_DATA_DIR`` environment variable, then the platform's user data folder
(platformdirs). Tests point it at a temporary folder through the environment.

The system's folder, per system (``system_data_dir``): Windows keeps it in the roaming
profile (``%APPDATA%\\Poise``, so it follows a user between the office's computers),
macOS in ``~/Library/Application Support/Poise``, Linux in ``$XDG_DATA_HOME/Poise``
(``~/.local/share/Poise``). The system is a parameter, so each branch is tested on Linux.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app import APP_NAME

if TYPE_CHECKING:
    from platformdirs.api import PlatformDirsABC

DATA_DIR_ENV = "POISE_DATA_DIR"
DATABASE_URL_ENV = "POISE_DATABASE_URL"
DATABASE_FILE_NAME = "poise.sqlite3"
USER_PLAYBOOKS_FOLDER = "playbooks"

_override: Path | None = None


def set_data_dir(path: Path | None) -> None:
    """Pin the data folder for this process (``--data-dir``); ``None`` forgets the pin."""
    global _override
    _override = path.expanduser().resolve() if path is not None else None


def data_dir() -> Path:
    """The user's data folder; not created here."""
    if _override is not None:
        return _override
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser().resolve()
    return system_data_dir()


def system_data_dir(platform: str = sys.platform) -> Path:
    """The data folder the system gives Poise (``sys.platform`` names the system)."""
    folders = _system_folders(platform)(APP_NAME, appauthor=False, roaming=True)
    return Path(folders.user_data_dir)


def _system_folders(platform: str) -> type[PlatformDirsABC]:
    # Only the asked system's: Windows' module loads ctypes and macOS' its own, 3-4 ms of
    # every start on the others (-X importtime).
    if platform == "win32":
        from platformdirs.windows import Windows

        return Windows
    if platform == "darwin":
        from platformdirs.macos import MacOS

        return MacOS
    from platformdirs.unix import Unix

    return Unix


def user_playbooks_dir() -> Path:
    """Folder where the user drops playbooks of their own."""
    return data_dir() / USER_PLAYBOOKS_FOLDER


def database_file() -> Path:
    """The embedded SQLite database file."""
    return data_dir() / DATABASE_FILE_NAME
