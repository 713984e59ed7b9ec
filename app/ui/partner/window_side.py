"""The live window's half of the partner link: "ask the partner" out, the answer shown.

Light on purpose (no networking): a meeting whose link is still off gets it at once, so
the live window's "ask partner" stamps the request on the timeline as it always did, and
the link made later (``partner_wiring``, ``link_on_demand``) finds it already there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.domain.meeting_terms import SignalSource

if TYPE_CHECKING:
    from app.ui.live.live_window import LiveWindow
    from app.ui.live.session import LiveSession


class PartnerWindowSide(QObject):
    """A child of the live window, so it goes with it."""

    def __init__(self, session: LiveSession, window: LiveWindow) -> None:
        super().__init__(window)
        self._session = session
        self._window = window
        self._window.askPartnerRequested.connect(self.ask_partner)
        session.partnerAnswered.connect(self.show_answer)

    def ask_partner(self, key: str) -> None:
        self._session.ask_partner(key, SignalSource.WINDOW)

    def show_answer(self, message_id: str, _state: str) -> None:
        self._window.show_partner_answer(self._session.answer_text(message_id))


def give_window_its_side(session: LiveSession, window: LiveWindow) -> None:
    """Once per live window, however many times its link is followed."""
    if window.findChild(PartnerWindowSide) is None:
        PartnerWindowSide(session, window)
