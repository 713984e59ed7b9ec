"""Where Poise keeps the user's data.

One place decides the data folder: ``--data-dir`` on the command line, then the
``POISE_DATA_DIR`` environment variable, then the platform's user data folder
(platformdirs). Tests point it at a temporary folder through the environment.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from app import APP_NAME

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
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def user_playbooks_dir() -> Path:
    """Folder where the user drops playbooks of their own."""
    return data_dir() / USER_PLAYBOOKS_FOLDER


def database_file() -> Path:
    """The embedded SQLite database file."""
    return data_dir() / DATABASE_FILE_NAME
