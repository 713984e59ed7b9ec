"""Where the review's save dialogs open: the folder the user last saved an export into.

One folder shared by every export (Markdown, PDF, calendar, CSV, recap), kept for the
session and written to the settings (``last_export_folder``) off the GUI thread, so the
next start opens there too. A folder that has gone falls back to the home folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Saver = Callable[[Path], None]


class ExportFolders:
    def __init__(self, initial: str = "", save: Saver | None = None) -> None:
        self._folder = Path(initial) if initial else None
        self._save = save

    def folder(self) -> Path:
        if self._folder is not None and self._folder.is_dir():
            return self._folder
        return Path.home()

    def remember(self, folder: Path) -> None:
        if folder == self._folder:
            return
        self._folder = folder
        if self._save is not None:
            self._save(folder)
