"""Fixtures for the partner link tests: a loopback server, a stand-in live session,
and a way to run a blocking client in a thread while Qt's event loop keeps turning."""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import Cue, SignalSource
from app.domain.signal_protocol import new_message_id
from app.link.server import BIND_ENV, PartnerLinkServer

T = TypeVar("T")

TWO_CUES = (
    Cue("calm", "Calm down", "Breathe. Listen. Don't defend."),
    Cue("slow", "Slow down", "Slower. Let a silence sit."),
)


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests bind and connect to 127.0.0.1 only, even when a test forgets the argument."""
    monkeypatch.setenv(BIND_ENV, "127.0.0.1")


@pytest.fixture
def link_server(qtbot: QtBot) -> Iterator[PartnerLinkServer]:
    server = PartnerLinkServer(TWO_CUES, bind_address="127.0.0.1")
    server.start()
    yield server
    server.end()


class QtThreadCalls:
    """Lets a worker thread have something done on the test's Qt thread, and wait for it."""

    def __init__(self) -> None:
        self.pending: queue.Queue[tuple[Callable[[], object], dict[str, object], threading.Event]]
        self.pending = queue.Queue()

    def call(self, work: Callable[[], T], timeout_s: float = 15) -> T:
        outcome: dict[str, object] = {}
        done = threading.Event()
        self.pending.put((work, outcome, done))
        if not done.wait(timeout_s):
            raise TimeoutError("the Qt thread did not get to the call")
        if "error" in outcome:
            raise outcome["error"]  # type: ignore[misc]
        return outcome["value"]  # type: ignore[return-value]

    def run_pending(self) -> None:
        while not self.pending.empty():
            work, outcome, done = self.pending.get()
            try:
                outcome["value"] = work()
            except BaseException as error:
                outcome["error"] = error
            done.set()


def in_thread(
    qtbot: QtBot,
    work: Callable[[], T],
    timeout_ms: int = 15000,
    qt_calls: QtThreadCalls | None = None,
) -> T:
    """Run blocking ``work`` on a worker thread while the Qt loop keeps serving.

    With ``qt_calls``, the worker may also have steps run on the Qt thread.
    """
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:
            outcome["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    deadline = time.monotonic() + timeout_ms / 1000
    calls = qt_calls or QtThreadCalls()
    while worker.is_alive():
        left_ms = max(1, int((deadline - time.monotonic()) * 1000))
        qtbot.waitUntil(lambda: not worker.is_alive() or not calls.pending.empty(), timeout=left_ms)
        calls.run_pending()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


class CueLabel(QLabel):
    """Says when it has really been painted, which is what 'shown' means."""

    painted = Signal()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        self.painted.emit()


class StandInSession(QObject):
    """The live session's contract (notes/LIVE_LINK_CONTRACT.md), reduced to what the link uses."""

    cueShown = Signal(str)  # noqa: N815 (Qt signal naming)
    cueAcknowledged = Signal(str)  # noqa: N815 (Qt signal naming)
    cueExpired = Signal(str)  # noqa: N815 (Qt signal naming)
    meetingEnded = Signal()  # noqa: N815 (Qt signal naming)

    def __init__(self, cues: tuple[Cue, ...] = TWO_CUES) -> None:
        super().__init__()
        self.cues = cues
        self.recorded: list[tuple[str, SignalSource, str]] = []
        self.window = QWidget()
        self.window.resize(360, 160)
        self.cue_label = CueLabel(self.window)
        self.cue_label.resize(360, 160)
        self.cue_label.painted.connect(self._on_painted)
        self._showing: str | None = None
        self._painted_for: str | None = None

    def trigger_cue(self, cue_key: str, source: SignalSource, message_id: str | None = None) -> str:
        message_id = message_id or new_message_id()
        if any(seen == message_id for _, _, seen in self.recorded):
            return message_id
        self.recorded.append((cue_key, source, message_id))
        words = next(cue.words for cue in self.cues if cue.key == cue_key)
        self._showing = message_id
        self.cue_label.setText(words)
        if self.window.isVisible():
            self.cue_label.update()  # cueShown follows the real paint
        else:
            QTimer.singleShot(0, lambda: self._on_painted())
        return message_id

    def _on_painted(self) -> None:
        if self._showing is not None and self._painted_for != self._showing:
            self._painted_for = self._showing
            self.cueShown.emit(self._showing)

    def acknowledge_cue(self) -> None:
        if self._showing is not None:
            showing, self._showing = self._showing, None
            self.cue_label.setText("")
            self.cueAcknowledged.emit(showing)

    def expire_cue(self) -> None:
        if self._showing is not None:
            showing, self._showing = self._showing, None
            self.cue_label.setText("")
            self.cueExpired.emit(showing)
