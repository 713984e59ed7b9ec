"""Ending cleanly: every way Poise is asked to stop writes everything first and exits 0.

SIGTERM (a logout, ``kill``, a system shutdown), SIGINT (Ctrl+C in a terminal), the desktop
session ending (Qt's commit-data request) and the last window closing all take the same
path: the running meeting's partner link is ended (its secret dies with it), every
pending write reaches the store or the meeting's journal, and the event loop quits with
0. A meeting still running is left open in the store; the next start offers to resume it.

Signals reach Qt safely: the Python handler does nothing, ``signal.set_wakeup_fd`` makes
the interpreter write the signal's number to a socket, and a ``QSocketNotifier`` on the
GUI thread reads it. No Python work runs inside the handler itself, and the event loop
wakes even while it waits in C++. On Windows, where SIGTERM does not exist, only Ctrl+C
is handled, with a timer that lets the interpreter run its handler now and then.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    import socket

log = logging.getLogger(__name__)

FLUSH_SECONDS = 5.0
EXIT_CLEAN = 0
_SIGNALS = ("SIGTERM", "SIGINT", "SIGHUP")


class CleanShutdown(QObject):
    """Installed once by ``run_app``; ``finish()`` is the one way out."""

    def __init__(
        self,
        application: QGuiApplication,
        writer: Callable[[], Any],
        partner_link: Callable[[], Any],
        *,
        quit_with: Callable[[int], None] | None = None,
    ) -> None:
        """``quit_with`` ends the event loop with an exit code (``application.exit``)."""
        super().__init__(application)
        self._application = application
        self._quit_with = quit_with or application.exit
        self._writer = writer
        self._partner_link = partner_link
        self._finished = False
        self._reader: socket.socket | None = None
        self._writer_end: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._previous: dict[int, Any] = {}
        self._previous_wakeup = -1
        self._poll: QTimer | None = None
        application.commitDataRequest.connect(self._session_ending)
        application.lastWindowClosed.connect(self.finish)
        application.aboutToQuit.connect(self._write_everything)

    # -- signals -----------------------------------------------------------------------

    def listen_for_signals(self) -> None:
        if sys.platform == "win32":
            self._previous[signal.SIGINT] = signal.signal(signal.SIGINT, self._on_console_signal)
            # Python runs a handler only between bytecodes; a timer gives it the chance.
            self._poll = QTimer(self)
            self._poll.timeout.connect(self._nothing)
            self._poll.start(250)
            return
        import socket  # here: the home window's first paint does not wait for it

        self._reader, self._writer_end = socket.socketpair()
        self._reader.setblocking(False)
        self._writer_end.setblocking(False)
        self._previous_wakeup = signal.set_wakeup_fd(self._writer_end.fileno())
        for name in _SIGNALS:
            number = getattr(signal, name)
            self._previous[number] = signal.signal(number, _do_nothing)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._signal_arrived)

    def uninstall(self) -> None:
        """Put back what was there before (tests start several apps in one process)."""
        self._application.commitDataRequest.disconnect(self._session_ending)
        self._application.lastWindowClosed.disconnect(self.finish)
        self._application.aboutToQuit.disconnect(self._write_everything)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        self._previous.clear()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier = None
        if self._reader is not None and self._writer_end is not None:
            signal.set_wakeup_fd(self._previous_wakeup)
            self._reader.close()
            self._writer_end.close()
            self._reader = self._writer_end = None
        if self._poll is not None:
            self._poll.stop()

    def _signal_arrived(self) -> None:
        assert self._reader is not None
        received = b""
        with contextlib.suppress(BlockingIOError, InterruptedError):
            while chunk := self._reader.recv(64):
                received += chunk
        if received:
            names = ", ".join(signal.Signals(number).name for number in set(received))
            log.info("asked to stop (%s): writing everything, then quitting", names)
            self.finish()

    def _on_console_signal(self, _number: int, _frame: object) -> None:
        # Windows: runs on the GUI thread between bytecodes; quitting is queued, not done here.
        QTimer.singleShot(0, self.finish)

    def _nothing(self) -> None:
        """The Windows poll timer's tick: it only lets Python look at pending signals."""

    # -- the way out -------------------------------------------------------------------

    def _session_ending(self, _manager: object) -> None:
        self.finish()

    def finish(self) -> None:
        """End the meeting's link, write everything, quit with 0 (once)."""
        if self._finished:
            return
        self._finished = True
        self._end_partner_link()
        self._write_everything()
        self._quit_with(EXIT_CLEAN)

    def _end_partner_link(self) -> None:
        link = self._partner_link()
        # The relay too: after a meeting it may still be open for the partner's debrief.
        for path in ("server", "relay"):
            ending = getattr(link, path, None) if link is not None else None
            if ending is not None and not ending.has_ended:
                ending.end()

    def _write_everything(self) -> None:
        from app.ui.live.note_saver import flush_all

        flush_all()
        writer = self._writer()
        if writer is not None and not writer.flush(FLUSH_SECONDS):
            log.warning("some writes were still on their way to the store when Poise quit")
        from app.journal.writer import journals_in_use  # on the way out only, not at start

        for journal in journals_in_use():
            if not journal.wait_written(FLUSH_SECONDS):
                log.warning("the meeting journal %s could not be written", journal.location)


def _do_nothing(_number: int, _frame: object) -> None:
    """The Python handler: the wakeup socket carries the signal to the GUI thread."""
