"""What happens when Poise meets a bug: the notes stay safe and the user is told quietly.

An unexpected exception in a slot does not end the app (Qt carries on), but it
must not go unseen either. The hook writes the details to a crash report in the
data folder, asks the store's writer to save what it holds, and shows a short,
non-modal message that takes no focus — a meeting may be going on, and the
client must not see a dialog jump up.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app import __version__, paths
from app.private_files import write_private
from app.store.api import TextWriter
from app.translation import TranslationContext

CRASH_FOLDER = "crash-reports"
_FLUSH_SECONDS = 2.0

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], Any]


def write_crash_report(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> Path | None:
    folder = paths.data_dir() / CRASH_FOLDER
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        report = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S-%f}.txt"
        details = "".join(traceback.format_exception(kind, error, trace))
        write_private(report, f"Poise {__version__}\n\n{details}".encode())
    except OSError:
        return None
    return report


class CrashHandler:
    """Installed as ``sys.excepthook`` while the app runs."""

    def __init__(
        self, writer: Callable[[], TextWriter | None], parent: Callable[[], QWidget | None]
    ) -> None:
        self._writer = writer
        self._parent = parent
        self.last_report: Path | None = None
        self.message: QMessageBox | None = None

    def __call__(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        traceback.print_exception(kind, error, trace)
        self.last_report = write_crash_report(kind, error, trace)
        writer = self._writer()
        # No writer yet: the store is still opening, and a meeting keeps its notes meanwhile.
        saved = writer.flush(_FLUSH_SECONDS) if writer is not None else None
        recovery = writer.recovery_file if writer is not None and not saved else None
        self._tell(saved, recovery)

    def report(self, error: BaseException) -> None:
        """A bug the store client caught on a worker thread: reported like any other."""
        self(type(error), error, error.__traceback__)

    def _tell(self, saved: bool | None, recovery: Path | None = None) -> None:
        # "Saved" only for what the store holds; "kept" only for what is on disk.
        # Imported here: only a crash needs it, and start-up does not pay for it.
        from app.ui.common.journal_words import unsaved_journal_words

        in_journal = unsaved_journal_words()
        if saved is None:
            notes = in_journal or CrashWords.tr("No notes are waiting to be saved.")
        elif saved:
            notes = in_journal or CrashWords.tr("Your notes are saved.")
        elif recovery is not None:
            notes = CrashWords.tr("Your notes are kept in {file} and will be saved when possible.")
            notes = notes.format(file=recovery)
        else:
            notes = CrashWords.tr(
                "Some of your notes could not be written to disk yet: keep Poise open while "
                "it tries again."
            )
        text = CrashWords.tr("Something went wrong inside Poise. {notes}").format(notes=notes)
        if self.last_report:
            details = CrashWords.tr("Details: {file}").format(file=self.last_report)
            text = f"{text}\n\n{details}"
        message = QMessageBox(self._parent())
        message.setIcon(QMessageBox.Icon.Warning)
        message.setWindowTitle(CrashWords.tr("Poise hit a problem"))
        message.setText(text)
        message.setWindowModality(Qt.WindowModality.NonModal)
        # A meeting may be on: never take the keyboard from the note being typed.
        message.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        message.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        message.show()
        self.message = message


class CrashWords(TranslationContext):
    """The words of the message after a crash."""


def install_crash_handler(handler: CrashHandler) -> ExceptHook:
    """Make ``handler`` the excepthook; returns the previous one, to put back."""
    previous = sys.excepthook
    sys.excepthook = handler
    return previous
