"""Fixtures for the partner link tests: a loopback server, a stand-in live session, a real
meeting (store, flow, live window, per-meeting link), and a way to run a blocking client in
a thread while Qt's event loop keeps turning."""

from __future__ import annotations

import queue
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import TypeVar

import pytest
import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import Cue, SignalSource
from app.domain.signal_protocol import new_message_id
from app.link.server import BIND_ENV, PartnerLinkServer
from app.playbooks import load_all_playbooks
from app.settings import load_settings
from app.store import Store
from app.ui.common.theme import apply_look
from app.ui.live.end_dialog import EndMeetingDialog
from app.ui.live.flow import MeetingFlow
from app.ui.live.live_window import LiveWindow
from app.ui.live.session import LiveSession
from app.ui.partner.partner_wiring import PartnerLinkForFlow, attach_partner_link_to_flow

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


def free_port() -> int:
    """A loopback port nobody listens on (the kernel's pick, released at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def is_listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


@dataclass
class RealMeeting:
    """The app's own meeting path with the partner link attached, as application.py does."""

    qtbot: QtBot
    store: Store
    flow: MeetingFlow
    link: PartnerLinkForFlow | None
    port: int

    def start(
        self, client: str = "Harbor & Sons", extra_cue: tuple[str, str] | None = None
    ) -> tuple[LiveSession, LiveWindow]:
        """Through the prepare dialog, as the user does; ``extra_cue`` (label, words) adds one."""
        with self.qtbot.waitSignal(self.flow.prepareOpened, timeout=5000) as opened:
            self.flow.new_meeting()
        dialog = opened.args[0]
        self.qtbot.addWidget(dialog)
        self.qtbot.keyClicks(dialog.client.lineEdit(), client)
        if extra_cue is not None:
            self.qtbot.mouseClick(dialog.add_cue, Qt.MouseButton.LeftButton)
            row = dialog.cue_rows[-1]
            row.label.setText(extra_cue[0])
            row.words.setText(extra_cue[1])
        self.qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
        with self.qtbot.waitSignal(self.flow.sessionStarted, timeout=5000) as started:
            self.qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        session, window = started.args
        # Not qtbot.addWidget: the flow itself deletes a meeting's window when the next starts.
        self.qtbot.waitExposed(window)
        # The window opens at once; the meeting reaches the store a moment later.
        self.qtbot.waitUntil(lambda: session.stored, timeout=5000)
        return session, window

    def link_on(self) -> PartnerLinkServer:
        """What the user does: "Partner link" in the live window's menu turns it on."""
        window = self.flow.live_window
        assert window is not None
        window.partner_link_action.trigger()
        assert self.link is not None
        pairing = self.link.pairing_window
        assert pairing is not None and pairing.isVisible()
        assert self.link.server is not None and self.link.server.is_running
        return self.link.server

    def end(self) -> None:
        window = self.flow.live_window
        assert window is not None
        self.qtbot.mouseClick(window.end_button, Qt.MouseButton.LeftButton)
        dialog = window.findChild(EndMeetingDialog, "endMeetingDialog")
        assert dialog is not None
        with (
            self.qtbot.waitSignal(self.flow.meetingStored, timeout=5000),
            self.qtbot.waitSignal(self.flow.summaryShown, timeout=5000) as shown,
        ):
            self.qtbot.mouseClick(dialog.end_button, Qt.MouseButton.LeftButton)
        shown.args[0].close()


@pytest.fixture
def real_meeting(qtbot: QtBot, qapp: QApplication, store: Store) -> Iterator[RealMeeting]:
    apply_look(qapp, False)  # the app's own look, as at start-up
    port = free_port()
    settings = replace(load_settings(), partner_link_port=port)
    flow = MeetingFlow(store, load_all_playbooks())
    link = attach_partner_link_to_flow(flow, settings)
    yield RealMeeting(qtbot, store, flow, link, port)
    if flow.session is not None and flow.session.domain.is_running:
        flow.session.end(None)
    for window in (flow.live_window, flow.summary):
        if window is not None and shiboken6.isValid(window):
            window.close()
            window.deleteLater()
    assert store.writer.flush(5)


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
    """The live session's contract (docs/architecture.md), reduced to what the link uses."""

    cueShown = Signal(str)  # noqa: N815 (Qt signal naming)
    cueAcknowledged = Signal(str)  # noqa: N815 (Qt signal naming)
    cueExpired = Signal(str)  # noqa: N815 (Qt signal naming)
    meetingEnded = Signal()  # noqa: N815 (Qt signal naming)
    partnerAsked = Signal(str, str)  # noqa: N815 (Qt signal naming)

    def __init__(self, cues: tuple[Cue, ...] = TWO_CUES) -> None:
        super().__init__()
        self.cues = cues
        self.recorded: list[tuple[str, SignalSource, str]] = []
        self.answered: list[str] = []
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

    def ask_partner(self, key: str = "step_in") -> str:
        message_id = new_message_id()
        self.partnerAsked.emit(message_id, key)
        return message_id

    def record_partner_answer(self, message_id: str) -> None:
        self.answered.append(message_id)

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
