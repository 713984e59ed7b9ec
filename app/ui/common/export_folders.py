"""Where the review's save dialogs open: the folder the user last saved an export into.

One folder shared by every export (Markdown, PDF, calendar, CSV, recap), kept for the
session and handed to ``save`` (the settings' ``last_export_folder``), so the next start
opens there too. A folder that has gone falls back to the home folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

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

    def ask_save_path(
        self, parent: QWidget, title: str, suggested: str, file_filter: str
    ) -> Path | None:
        """The save dialog, opened in this folder; the folder chosen is remembered."""
        chosen, _ = QFileDialog.getSaveFileName(
            parent, title, str(self.folder() / suggested), file_filter
        )
        if not chosen:
            return None
        self.remember(Path(chosen).parent)
        return Path(chosen)
