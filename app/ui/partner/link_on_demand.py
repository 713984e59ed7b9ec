"""A meeting's partner link, made when it is first asked for rather than at the start.

Made at every meeting's start, the link (``partner_wiring``: the LAN server, its sockets and
the page it serves) was the longest stall of a meeting's start: 45-150 ms on the GUI thread
just after the live window's first paint (cProfile of bench/stalls.py), spent importing
modules when the store had not opened yet to load them off the GUI thread, for a link that
most meetings leave off. So with no relay set up the live window gets the link's menu entry
(Ctrl+P) and its "ask partner" path at once, and the link itself is made at the first
Ctrl+P; its modules are usually loaded by then (``warm_up_partner_link``). A relay needs
the link at once, since a phone reaches the meeting through it with no key pressed: set up
at the start, the owner makes the link then; set up during the meeting (pairing from the
home window), the link is made the moment it is saved, as the link itself would do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject

from app.settings import Settings, shared_settings
from app.ui.partner.window_side import give_window_its_side

if TYPE_CHECKING:
    from app.ui.live.live_window import LiveWindow
    from app.ui.live.session import LiveSession
    from app.ui.partner.partner_wiring import PartnerLinkForFlow

MakeLink = Callable[["LiveSession", "LiveWindow"], "PartnerLinkForFlow"]


class LinkOnDemand(QObject):
    """Stands in for one meeting's link until it is asked for; a child of the live window."""

    def __init__(self, session: LiveSession, window: LiveWindow, make_link: MakeLink) -> None:
        super().__init__(window)
        give_window_its_side(session, window)
        window.enable_partner_link(self.turn_on)
        self._meeting = (session, window)
        self._make_link = make_link
        self.link: PartnerLinkForFlow | None = None
        owner = shared_settings()  # the one it subscribed to, even if the data folder moves
        listener = self._on_settings_changed
        owner.subscribe(listener)
        self._unsubscribe = lambda: owner.unsubscribe(listener)
        self.destroyed.connect(self._unsubscribe)

    def turn_on(self) -> None:
        """The first Ctrl+P: make the link (it takes over the menu entry) and turn it on."""
        link = self._made()
        if link is not None:
            link.toggle_pairing()

    def _made(self) -> PartnerLinkForFlow | None:
        session, window = self._meeting
        if self.link is None and session.domain.is_running:
            self._unsubscribe()
            self.link = self._make_link(session, window)
        return self.link

    def _on_settings_changed(self, settings: Settings, changed: frozenset[str]) -> None:
        if "relay_broker_url" not in changed or not settings.relay_broker_url:
            return
        if shiboken6.isValid(self):  # else gone with its window; the owner has not heard yet
            self._made()  # the link starts the meeting's relay with the new broker
