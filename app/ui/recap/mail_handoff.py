"""Handing a ``mailto:`` link to the user's mail program, and knowing whether it took it.

``QDesktopServices.openUrl`` says True on Linux as soon as ``xdg-open`` could be started,
even when no mail program is set up and ``xdg-open`` fails a moment later (and it lets
``xdg-open`` print the whole link, the recap's words, to the terminal). So on Linux Poise
runs ``xdg-open`` itself, with its output thrown away, and reads its exit status; elsewhere
the system's answer is all there is.
"""

from __future__ import annotations

import shutil
import sys

from PySide6.QtCore import QObject, QProcess, QUrl, Signal
from PySide6.QtGui import QDesktopServices


class MailHandoff(QObject):
    """``hand_over(url)``; then ``opened`` or ``failed(reason)``, once, on the GUI thread."""

    opened = Signal()
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: QProcess | None = None

    @property
    def busy(self) -> bool:
        return self._process is not None

    def hand_over(self, url: str) -> None:
        opener = shutil.which("xdg-open") if sys.platform.startswith("linux") else None
        if opener is None:
            if QDesktopServices.openUrl(QUrl(url)):
                self.opened.emit()
            else:
                self.failed.emit(self.tr("no mail program answered"))
            return
        process = QProcess(self)
        # Its messages would repeat the link, the client's words, wherever stderr goes.
        process.setStandardOutputFile(QProcess.nullDevice())
        process.setStandardErrorFile(QProcess.nullDevice())
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._not_started)
        self._process = process
        process.start(opener, [url])

    def _finished(self, exit_code: int, status: QProcess.ExitStatus) -> None:
        self._done()
        if status == QProcess.ExitStatus.NormalExit and exit_code == 0:
            self.opened.emit()
        elif exit_code == 3:  # xdg-open: "a required tool could not be found"
            self.failed.emit(self.tr("no mail program is set up on this computer"))
        else:
            failure = self.tr("the system's opener (xdg-open) failed with code {code}")
            self.failed.emit(failure.format(code=exit_code))

    def _not_started(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._done()
            self.failed.emit(self.tr("the system's opener (xdg-open) could not be started"))

    def _done(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.deleteLater()
