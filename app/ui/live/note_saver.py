"""From a note editor to the session: every keystroke, without copying a long note each time.

``QPlainTextEdit.toPlainText()`` copies the whole note: about 5 ms for 1 MB and 50 ms for
5 MB on the GUI thread (profiled: it, not the writer or the journal, was what stalled
typing after a big paste). A short note is handed to the session at every keystroke, as
before; a long one at most every ``LONG_NOTE_EVERY_MS`` (the timer is never pushed back,
so a keystroke still reaches disk well within 300 ms). Whatever waits is handed over
before the meeting ends and when Poise is asked to quit (``flush_all``).
"""

from __future__ import annotations

import contextlib
import weakref

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QPlainTextEdit

from app.domain.meeting_terms import NoteField
from app.ui.live.session import LiveSession

LONG_NOTE_CHARS = 100_000
LONG_NOTE_EVERY_MS = 120

_savers: weakref.WeakSet[NoteSaver] = weakref.WeakSet()


class NoteSaver(QObject):
    """Saves one editor's text into its note field."""

    def __init__(self, session: LiveSession, field: NoteField, editor: QPlainTextEdit) -> None:
        super().__init__(editor)
        self._session = session
        self._field = field
        self._editor = editor
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LONG_NOTE_EVERY_MS)
        self._timer.timeout.connect(self._save)
        editor.textChanged.connect(self._changed)
        session.aboutToEnd.connect(self.flush)
        _savers.add(self)

    def _changed(self) -> None:
        if self._editor.document().characterCount() < LONG_NOTE_CHARS:
            self._timer.stop()
            self._save()
        elif not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Hand over the text now if a long note's change is waiting."""
        if self._timer.isActive():
            self._timer.stop()
            self._save()

    def _save(self) -> None:
        self._session.save_note(self._field, self._editor.toPlainText())


def flush_all() -> None:
    """Every editor's waiting change goes to its session (Poise is about to quit)."""
    for saver in list(_savers):
        # An editor whose window is gone has nothing waiting (its Qt side is deleted).
        with contextlib.suppress(RuntimeError):
            saver.flush()
