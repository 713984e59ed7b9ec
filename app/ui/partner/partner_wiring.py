"""Joins the partner link to live meetings (see docs/architecture.md).

``attach_partner_link`` joins one session to one server: a partner's press takes the
same path as the live window's own cue button (``session.trigger_cue`` with the
partner's source), so it is shown and recorded alike; the session's reports go back to
the partner; the user's "step in" goes out and the partner's "OK" comes back; the link
stops and forgets its secret when the meeting ends, or, for a meeting's own link
(``watch=True``, ``app.ui.partner.partner_watch_wiring``), once the partner's debrief
after it is over (the summary closed, or 15 minutes).

``attach_partner_link_to_flow`` does that for every meeting a ``MeetingFlow`` starts:
a server per meeting, off until the user turns it on, and ended after the meeting's
debrief, so nothing listens unless a meeting is live (or its summary open) and the link
is on. One step turns it on: "Partner link" in the live window's menu (Ctrl+P) switches
the link on and shows the
pairing panel docked beside the live window, on the side with room, inside the
screen and never over the live window's step or cue; the same key hides it again.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QFrame, QLayout, QPushButton, QVBoxLayout, QWidget

from app import APP_NAME
from app.domain.meeting_terms import SignalSource
from app.link.expired_link import keep_answering_expired, release_port
from app.link.server import PartnerLinkServer
from app.settings import Settings, shared_settings
from app.ui.common.accessible_roles import call_a_window
from app.ui.common.key_names import shown_shortcut
from app.ui.partner.partner_watch_wiring import EndLinksWithSummary, attach_partner_watch
from app.ui.partner.window_side import give_window_its_side

PAIRING_KEY = "Ctrl+P"
"""Shows and hides the pairing panel; also the live window's "Partner link" action."""
DOCK_GAP_PX = 6

if TYPE_CHECKING:
    from app.ui.live.flow import MeetingFlow
    from app.ui.live.live_window import LiveWindow
    from app.ui.live.session import LiveSession
    from app.ui.partner.relay_wiring import RelayMeeting

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


class CueLink(Protocol):
    """A partner path: the LAN link (``PartnerLinkServer``) or the relay (``RelayMeeting``)."""

    cueRequested: Any  # noqa: N815 (Qt signal naming)
    requestAcknowledged: Any  # noqa: N815 (Qt signal naming)

    def report_shown(self, message_id: str) -> None: ...
    def report_acknowledged(self, message_id: str) -> None: ...
    def report_expired(self, message_id: str) -> None: ...
    def report_rejected(self, message_id: str) -> None: ...
    def send_request(self, message_id: str, key: str) -> int: ...
    def end(self) -> None: ...


def attach_partner_link(session: CueSession, server: CueLink, *, watch: bool = False) -> None:
    """Route partner presses into the session and the session's answers back out.

    ``watch``: also the brief, the step, observations and the debrief (a ``LiveSession``
    and a link with ``SessionReports``); the link then ends after the debrief, not with
    the meeting.
    """

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
    if watch:
        attach_partner_watch(session, server)  # type: ignore[arg-type]
    else:
        session.meetingEnded.connect(lambda: server.end())


def attach_watching_partner_link(session: CueSession, server: CueLink) -> None:
    attach_partner_link(session, server, watch=True)


def dock_beside(live: QRect, size: QSize, area: QRect, gap: int = DOCK_GAP_PX) -> QPoint:
    """Where a panel of ``size`` goes beside the live window's frame ``live`` on ``area``.

    The side with more room, top edges level, always inside ``area``. Only when neither
    side has room (a maximised live window) does it sit at the bottom of the screen,
    over the notes, the part of the live window that gives way first.
    """
    room_right = area.right() - live.right() - gap
    room_left = live.left() - area.left() - gap
    top = max(area.top(), min(live.top(), area.bottom() - size.height() + 1))
    if room_right >= size.width() and room_right >= room_left:
        return QPoint(live.right() + 1 + gap, top)
    if room_left >= size.width():
        return QPoint(live.left() - gap - size.width(), top)
    left = max(area.left(), min(live.right() - size.width() + 1, area.right() - size.width() + 1))
    return QPoint(left, max(area.top(), area.bottom() - size.height() + 1))


class PairingWindow(QWidget):
    """The pairing panel docked beside the live window, following it; never modal.

    Frameless, so no title bar can end up off-screen, and shown without taking the focus,
    so the caret stays in the note.
    """

    def __init__(self, server: PartnerLinkServer, live_window: QWidget | None = None) -> None:
        super().__init__(live_window, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("pairingWindow")
        call_a_window(self)
        self.setWindowTitle(self.tr("Partner link · {app}").format(app=APP_NAME))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self._live_window = live_window
        frame = QFrame(self)
        frame.setObjectName("pairingFrame")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        # The QR code's library loads with the first panel: a meeting whose link stays
        # off never pays for it.
        from app.ui.partner.pairing_panel import PairingPanel

        self.panel = PairingPanel(server, frame)
        self.panel.setFixedWidth(320)
        key = shown_shortcut(PAIRING_KEY)
        self.hide_button = QPushButton(self.tr("Hide ({key})").format(key=key))
        self.hide_button.setObjectName("pairingHide")
        self.hide_button.setToolTip(
            self.tr("The link stays as it is; the same key shows this again")
        )
        self.hide_button.clicked.connect(self.hide)
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(0, 0, 0, 8)
        inner.setSpacing(0)
        inner.addWidget(self.panel)
        inner.addWidget(self.hide_button, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(frame)
        # The window follows its content: short while off, tall enough for the QR when on.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        # No shortcut of its own: Qt lets a tool window use its parent window's shortcuts,
        # so the live window's Ctrl+P hides this too (a second one would be ambiguous).
        if live_window is not None:
            live_window.installEventFilter(self)
            # Shown without the focus, the window needs a key to reach it: F6 goes between
            # panes in most programs. The live window's shortcut works here too (see above).
            hop = QShortcut(QKeySequence(Qt.Key.Key_F6), live_window)
            hop.activated.connect(self.hop)
        self.setAccessibleDescription(self.tr("F6: back to the meeting window"))

    def hop(self) -> None:
        """F6: from the live window into this one, and back to where the caret was."""
        if self._live_window is None or not self.isVisible():
            return
        if self.isActiveWindow():
            self._live_window.activateWindow()  # Qt gives the focus back to the note
            return
        self.activateWindow()
        self.panel.toggle.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def place(self) -> None:
        """Dock beside the live window (again): it moved, or the panel changed size."""
        live = self._live_window
        if live is None:
            return
        screen = live.screen()
        if screen is None:
            return
        self.adjustSize()
        self.move(dock_beside(live.frameGeometry(), self.size(), screen.availableGeometry()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (
            watched is self._live_window
            and self.isVisible()
            and event.type() in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show)
        ):
            self.place()
        return False

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if self.isVisible():
            self.place()  # the QR appeared or left: the top edge stays level, inside the screen

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.place()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        # Closing the panel hides it; the link stays as the toggle left it.
        event.accept()
        self.hide()


class PartnerLinkForFlow(QObject):
    """The partner link of whichever meeting a ``MeetingFlow`` has live."""

    # PartnerLinkServer of the meeting that just started (still off)
    serverCreated = Signal(object)  # noqa: N815 (Qt signal naming)

    def __init__(
        self, flow: MeetingFlow, settings: Settings | None = None, *, follow_flow: bool = True
    ) -> None:
        """``follow_flow=False``: the owner calls ``follow`` for each meeting itself."""
        super().__init__(flow)
        self._settings = settings
        self.server: PartnerLinkServer | None = None
        self.pairing_window: PairingWindow | None = None
        self.relay: RelayMeeting | None = None
        self._window: LiveWindow | None = None
        self._session: LiveSession | None = None
        self._listened: tuple[str, int] | None = None  # this meeting's link's address and port
        # A relay set (by pairing) while a meeting is live serves that meeting at once.
        owner = shared_settings()  # the one it subscribed to, even if the data folder moves
        listener = self._on_settings_changed
        owner.subscribe(listener)
        self.destroyed.connect(lambda: owner.unsubscribe(listener))
        if follow_flow:
            flow.sessionStarted.connect(self.follow)
        flow.summaryShown.connect(self._end_links_with_summary)

    def follow(self, session: LiveSession, window: LiveWindow) -> None:
        """Give this meeting its own link (off until turned on), ended with the meeting."""
        self._forget_meeting()
        settings = self._settings if self._settings is not None else shared_settings().current
        release_port(settings.partner_link_port)  # an old meeting's "expired" answer steps aside
        server = PartnerLinkServer(
            session.cues,
            bind_address=settings.link_bind_address,
            port=settings.partner_link_port,
            parent=session,  # the session outlives its window, and so must the link's end
        )
        attach_watching_partner_link(session, server)
        # The session and its server outlive the live window: they reach it through bound
        # methods of the window or of a child of it, which Qt disconnects when it goes.
        server.partnerCountChanged.connect(window.set_partner_status)
        server.runningChanged.connect(self._remember_address)
        give_window_its_side(session, window)
        session.meetingEnded.connect(self._on_meeting_ended)
        self.server = server
        self._window = window
        self._session = session
        window.enable_partner_link(self.toggle_pairing)
        self.relay = None
        if settings.relay_broker_url:  # issue 15: paho and cryptography load only for it
            from app.ui.partner.relay_wiring import follow_relay

            self.relay = follow_relay(
                session, window, server, settings, attach_watching_partner_link
            )
        self.serverCreated.emit(server)

    def toggle_pairing(self) -> PairingWindow | None:
        """The live window's "Partner link" (Ctrl+P): link on and panel shown, or panel hidden.

        Hiding leaves the link as it is; the panel's own switch turns it off.
        """
        if self.pairing_window is not None and self.pairing_window.isVisible():
            self.pairing_window.hide()
            return self.pairing_window
        return self.open_pairing()

    def open_pairing(self) -> PairingWindow | None:
        """Turn the live meeting's link on and show its pairing panel beside the live window."""
        if self.server is None or self.server.has_ended:
            return None
        if self.pairing_window is None:
            self.pairing_window = PairingWindow(self.server, self._window)
            self.pairing_window.panel.bindAddressChosen.connect(self._save_bind_address)
        panel = self.pairing_window.panel
        if not self.server.is_running:
            panel.toggle.setChecked(True)  # as a click would; a failure is shown in the panel
        self.pairing_window.show()
        self.pairing_window.raise_()
        return self.pairing_window

    def _save_bind_address(self, address: str) -> None:
        if self._settings is not None:
            self._settings = replace(self._settings, partner_link_bind_address=address)
        try:
            shared_settings().update(partner_link_bind_address=address)
        except OSError:
            # The link already moved; only the next start forgets the choice.
            _log.warning("could not save the partner link's address", exc_info=True)

    def _remember_address(self) -> None:
        server = self.server
        if server is not None and server.is_running:
            self._listened = (server.bind_address, server.port)
        elif server is not None and server.has_ended and self._listened is not None:
            # The debrief is over too: an old link now says "This link has expired",
            # never "connection refused".
            keep_answering_expired(*self._listened)
            self._listened = None

    def _end_links_with_summary(self, summary: QObject) -> None:
        links = [link for link in (self.server, self.relay) if link is not None]
        EndLinksWithSummary(summary, links)  # type: ignore[arg-type]

    def _on_settings_changed(self, settings: Settings, changed: frozenset[str]) -> None:
        if "relay_broker_url" not in changed or not settings.relay_broker_url:
            return
        if not shiboken6.isValid(self):
            return  # gone with its flow; the owner has not heard yet
        session, window, server = self._session, self._window, self.server
        if session is None or window is None or server is None or server.has_ended:
            return  # no meeting live: the next one starts its relay itself
        if self.relay is not None and not self.relay.has_ended:
            return  # this meeting's relay keeps its broker; the next meeting takes the new one
        if self._settings is not None:
            self._settings = replace(self._settings, relay_broker_url=settings.relay_broker_url)
        from app.ui.partner.relay_wiring import follow_relay  # a broker is set only now

        self.relay = follow_relay(
            session, window, server, self._settings or settings, attach_watching_partner_link
        )

    def _on_meeting_ended(self) -> None:
        self._session = None
        # The link stays for the debrief (answers only), and ends with the summary.
        if self.pairing_window is not None:
            self.pairing_window.hide()
            self.pairing_window.deleteLater()
            self.pairing_window = None

    def _forget_meeting(self) -> None:
        for link in (self.server, self.relay):
            if link is not None and not link.has_ended:
                link.end()  # never two meetings' links at once, nor an old debrief
        self._on_meeting_ended()
        self.server = None
        self._window = None
        self.relay = None


def attach_partner_link_to_flow(
    flow: MeetingFlow, settings: Settings | None = None
) -> PartnerLinkForFlow:
    """Give every meeting ``flow`` starts its own partner link (off until turned on).

    ``settings`` supplies ``link_bind_address`` (env ``POISE_LINK_BIND`` wins) and
    ``partner_link_port``; without it they are read afresh for each meeting.
    """
    return PartnerLinkForFlow(flow, settings)
