"""Joins the partner link to live meetings (see docs/architecture.md).

``attach_partner_link`` joins one session to one server: a partner's press takes the
same path as the live window's own cue button (``session.trigger_cue`` with the
partner's source), so it is shown and recorded alike; the session's reports go back to
the partner; the user's "step in" goes out and the partner's "OK" comes back; the link
stops and forgets its secret when the meeting ends.

``attach_partner_link_to_flow`` does that for every meeting a ``MeetingFlow`` starts:
a server per meeting, off until the user turns it on in the pairing panel (a small
tool window opened from the live window's menu), and ended with the meeting, so
nothing listens unless a meeting is live and the link is on.
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

from app import APP_NAME
from app.domain.meeting_terms import SignalSource
from app.link.server import PartnerLinkServer
from app.settings import Settings, shared_settings
from app.ui.pairing_panel import PairingPanel

_log = logging.getLogger(__name__)


class CueSession(Protocol):
    """What the wiring needs of a live session (``app.ui.live.session.LiveSession``)."""

    cueShown: Any  # noqa: N815 (Qt signal naming)
    cueAcknowledged: Any  # noqa: N815 (Qt signal naming)
    cueExpired: Any  # noqa: N815 (Qt signal naming)
    meetingEnded: Any  # noqa: N815 (Qt signal naming)
    partnerAsked: Any  # noqa: N815 (Qt signal naming)

    def trigger_cue(
        self, cue_key: str, source: SignalSource, message_id: str | None = None
    ) -> str: ...

    def record_partner_answer(self, message_id: str) -> None: ...


def attach_partner_link(session: CueSession, server: PartnerLinkServer) -> None:
    """Route partner presses into the session and the session's answers back out."""

    def on_cue_requested(cue_key: str, source: str, message_id: str) -> None:
        try:
            session.trigger_cue(cue_key, SignalSource(source), message_id)
        except Exception:
            # The partner must hear "not accepted" rather than wait; the user sees nothing.
            _log.exception("a partner's cue %r could not be shown", cue_key)
            server.report_rejected(message_id)

    # Python callables throughout: PLATFORM.md warns about binding C++ slots across objects.
    server.cueRequested.connect(on_cue_requested)
    session.cueShown.connect(lambda message_id: server.report_shown(message_id))
    session.cueAcknowledged.connect(lambda message_id: server.report_acknowledged(message_id))
    session.cueExpired.connect(lambda message_id: server.report_expired(message_id))
    session.partnerAsked.connect(lambda message_id, key: server.send_request(message_id, key))
    server.requestAcknowledged.connect(lambda message_id: session.record_partner_answer(message_id))
    session.meetingEnded.connect(lambda: server.end())


class PairingWindow(QWidget):
    """The pairing panel in a small tool window beside the live window; never modal."""

    def __init__(self, server: PartnerLinkServer, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool)
        self.setObjectName("pairingWindow")
        self.setWindowTitle(f"Partner link · {APP_NAME}")
        self.panel = PairingPanel(server, self)
        self.panel.setFixedWidth(320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.panel)
        # The window follows its content: short while off, tall enough for the QR when on.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        # Closing the panel hides it; the link stays as the toggle left it.
        event.accept()
        self.hide()


class PartnerLinkForFlow(QObject):
    """The partner link of whichever meeting a ``MeetingFlow`` has live."""

    # PartnerLinkServer of the meeting that just started (still off)
    serverCreated = Signal(object)  # noqa: N815 (Qt signal naming)

    def __init__(
        self, flow: Any, settings: Settings | None = None, *, follow_flow: bool = True
    ) -> None:
        """``follow_flow=False``: the owner calls ``follow`` for each meeting itself."""
        super().__init__(flow)
        self._settings = settings
        self.server: PartnerLinkServer | None = None
        self.pairing_window: PairingWindow | None = None
        self._window: Any = None
        if follow_flow:
            flow.sessionStarted.connect(self.follow)

    def follow(self, session: Any, window: Any) -> None:
        """Give this meeting its own link (off until turned on), ended with the meeting."""
        self._forget_meeting()
        settings = self._settings if self._settings is not None else shared_settings().current
        server = PartnerLinkServer(
            session.cues,
            bind_address=settings.link_bind_address,
            port=settings.partner_link_port,
            parent=session,  # the session outlives its window, and so must the link's end
        )
        attach_partner_link(session, server)
        server.partnerCountChanged.connect(lambda count: window.set_partner_status(count))
        window.askPartnerRequested.connect(
            lambda key: session.ask_partner(key, SignalSource.WINDOW)
        )
        session.partnerAnswered.connect(
            lambda message_id, _state: window.show_partner_answer(session.answer_text(message_id))
        )
        session.meetingEnded.connect(self._on_meeting_ended)
        self.server = server
        self._window = window
        window.enable_partner_link(self.open_pairing)
        self.serverCreated.emit(server)

    def open_pairing(self) -> PairingWindow | None:
        """Show the pairing panel of the live meeting (the live window's "Partner link…")."""
        if self.server is None or self.server.has_ended:
            return None
        if self.pairing_window is None:
            self.pairing_window = PairingWindow(self.server, self._window)
            self._place_beside_live_window(self.pairing_window)
        self.pairing_window.show()
        self.pairing_window.raise_()
        return self.pairing_window

    def _place_beside_live_window(self, pairing: PairingWindow) -> None:
        window = self._window
        if window is None:
            return
        frame = window.frameGeometry()
        screen = window.screen().availableGeometry()
        x = frame.left() - pairing.width() - 8
        if x < screen.left():
            x = min(frame.right() + 8, screen.right() - pairing.width())
        pairing.move(x, max(screen.top(), frame.top()))

    def _on_meeting_ended(self) -> None:
        # attach_partner_link has already ended the server: no listening, secret gone.
        if self.pairing_window is not None:
            self.pairing_window.hide()
            self.pairing_window.deleteLater()
            self.pairing_window = None

    def _forget_meeting(self) -> None:
        if self.server is not None and not self.server.has_ended:
            self.server.end()  # never two meetings' links at once
        self._on_meeting_ended()
        self.server = None
        self._window = None


def attach_partner_link_to_flow(flow: Any, settings: Settings | None = None) -> PartnerLinkForFlow:
    """Give every meeting ``flow`` starts its own partner link (off until turned on).

    ``settings`` supplies ``link_bind_address`` (env ``POISE_LINK_BIND`` wins) and
    ``partner_link_port``; without it they are read afresh for each meeting.
    """
    return PartnerLinkForFlow(flow, settings)
