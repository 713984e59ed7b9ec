"""Joins the relay (issue 15) to a live meeting, and says on the live window how it goes.

``follow_relay`` gives a meeting its :class:`RelayMeeting` when the user has set a
team broker in Settings: every paired partner hears "Meeting live" and may send
cues through the broker, by the same path into the session as the LAN link's
(``attach_partner_link``). :class:`RelayStatusLine` is one quiet line on the live
window: per partner, which way they reach this meeting, and one sentence when the
broker cannot be reached.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from app.link.mqtt_link import BrokerStatus, RelayError
from app.link.pairing import pairing_book
from app.link.relay import PartnerPath, RelayMeeting
from app.link.relay_account import load_relay_account
from app.settings import Settings
from app.translation import QT_TRANSLATE_NOOP

_log = logging.getLogger(__name__)

_PATH_WORDS = {
    PartnerPath.RELAY: QT_TRANSLATE_NOOP("RelayStatusLine", "{partner} via relay"),
    PartnerPath.WAITING: QT_TRANSLATE_NOOP("RelayStatusLine", "{partner} not here yet"),
}
UNREACHABLE_TEXT = QT_TRANSLATE_NOOP(
    "RelayStatusLine",
    "Relay unreachable — distant partners cannot send cues; the LAN link still works",
)


class RelayStatusLine(QLabel):
    """Per partner, its path (relay, LAN); one line when the broker cannot be reached."""

    def __init__(self, relay: RelayMeeting, lan: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relayStatus")
        self.setWordWrap(False)
        self.setStyleSheet("color: palette(placeholder-text); font-size: 11px;")
        self._relay = relay
        self._lan_count = 0
        relay.pathsChanged.connect(self.refresh)
        if lan is not None:
            lan.partnerCountChanged.connect(self.set_lan_count)
        self.refresh()

    def set_lan_count(self, count: int) -> None:
        self._lan_count = count
        self.refresh()

    def refresh(self) -> None:
        paths = self._relay.paths()
        if self._relay.has_ended:
            self.hide()
            return
        if self._relay.broker_status is BrokerStatus.REFUSED:
            self.setText(
                self.tr(
                    "The team relay refused your relay account — check it in Settings, "
                    "Partners; the LAN link still works"
                )
            )
        elif any(path is PartnerPath.UNREACHABLE for _, path in paths) or (
            not paths and self._relay.broker_status.value == "unreachable"
        ):
            self.setText(self.tr(UNREACHABLE_TEXT))
        else:
            parts = [self.tr(_PATH_WORDS[path]).format(partner=name) for name, path in paths]
            if self._lan_count == 1:
                parts.append(self.tr("Partner connected on this network"))
            elif self._lan_count:
                parts.append(self.tr("%n partners connected on this network", "", self._lan_count))
            self.setText(" · ".join(parts))
        self.setToolTip(self.text())
        self.setVisible(bool(self.text()))


def follow_relay(
    session: Any,
    window: Any,
    lan: Any,
    settings: Settings,
    attach: Callable[[Any, RelayMeeting], None],
) -> RelayMeeting | None:
    """Start this meeting's relay when a broker is set; None when there is none.

    ``attach`` joins it to the session (``partner_wiring.attach_partner_link``, handed in
    by its caller so that neither module imports the other).
    """
    if not settings.relay_broker_url:
        return None
    try:
        relay = RelayMeeting(
            session.cues,
            pairing_book(),
            settings.relay_broker_url,
            credentials=load_relay_account(),
            parent=session,
        )
    except RelayError:
        # Settings refuses such an address; a hand-edited file gets the LAN link only.
        _log.warning("the relay address in settings cannot be used: %r", settings.relay_broker_url)
        return None
    attach(session, relay)
    line = RelayStatusLine(relay, lan)
    window.add_status_line(line)
    relay.start()
    return relay
