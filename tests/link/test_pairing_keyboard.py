"""The pairing window with the keyboard alone: Tab reaches the address, its Copy button,
the code and the link's off switch, in the real meeting path with the link on."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.link.conftest import RealMeeting
from tests.ui.keyboard_walk import chain_names, tab_chain, unreached


def test_pairing_window_by_keyboard(qtbot: QtBot, real_meeting: RealMeeting) -> None:
    real_meeting.start()
    real_meeting.link_on()
    assert real_meeting.link is not None
    pairing = real_meeting.link.pairing_window
    assert pairing is not None
    chain = tab_chain(qtbot, pairing)
    missing = unreached(pairing, chain)
    assert not missing, f"not reached by Tab {chain_names(chain)}: {missing}"
    assert pairing.panel.url_copy.field in chain
    real_meeting.end()
