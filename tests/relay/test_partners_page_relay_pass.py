"""Pairing and revoking from Settings on a relay that admits only the team: the real dialog,
the real Mosquitto from deploy/relay with its agent, and a partner's real Poise."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.link.pairing import PairingBook, parse_relay_link
from app.link.relay_account import save_relay_account
from app.link.relay_partner import MeetingState, RelayPartnerClient
from app.ui.settings.settings_dialog import SettingsDialog
from tests.relay.local_broker import LocalBroker
from tests.relay.test_relay_accounts import BrokerPass, RawClient

pytestmark = pytest.mark.timeout(60)


def partners_page(qtbot: QtBot, broker: LocalBroker) -> SettingsDialog:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentWidget(dialog.partners_page)
    dialog.partners_page.broker_field.setText(broker.ws_url)
    return dialog


def pair(qtbot: QtBot, dialog: SettingsDialog, name: str) -> None:
    page = dialog.partners_page
    qtbot.keyClicks(page.name_field, name)
    qtbot.mouseClick(page.pair_button, Qt.MouseButton.LeftButton)


def test_revoking_in_settings_makes_the_broker_drop_a_partner_waiting_for_a_meeting(
    qtbot: QtBot, broker: LocalBroker, book: PairingBook
) -> None:
    dialog = partners_page(qtbot, broker)
    page = dialog.partners_page
    assert page.account_field.text() == "ana"  # the account saved in her Poise
    pair(qtbot, dialog, "Alex")
    qtbot.waitUntil(lambda: bool(page.link_field.text()), timeout=10000)
    link = parse_relay_link(page.link_field.text())
    assert link.broker_pass is not None and link.broker_pass.username.startswith("partner-")
    client = RelayPartnerClient(page.link_field.text())
    client.start()
    try:
        qtbot.waitUntil(lambda: client.link.status.value == "connected", timeout=5000)
        (alex,) = book.partners
        revoke = page.findChild(QPushButton, f"revoke-{alex.partner_id}")
        qtbot.mouseClick(revoke, Qt.MouseButton.LeftButton)
        question = page.revoke_question
        assert question is not None
        qtbot.mouseClick(
            question.findChild(QPushButton, "confirmRevoke"), Qt.MouseButton.LeftButton
        )
        # No meeting is live, so no sealed "revoked" reaches it: the broker drops it, and
        # refuses it when it knocks again; its Poise says the pairing ended.
        qtbot.waitUntil(lambda: client.meeting_state is MeetingState.REVOKED, timeout=10000)
        assert not RawClient(broker, link.broker_pass).admitted
    finally:
        client.stop()
    dialog.reject()


def test_a_wrong_relay_account_says_so_and_leaves_no_half_paired_partner(
    qtbot: QtBot, broker: LocalBroker, book: PairingBook
) -> None:
    save_relay_account(BrokerPass("ana", "not her password"))
    dialog = partners_page(qtbot, broker)
    page = dialog.partners_page
    pair(qtbot, dialog, "Alex")
    assert "Asking the team relay for Alex's pass" in page.link_hint.text()
    qtbot.waitUntil(page.pair_problem.isVisible, timeout=15000)
    assert page.pair_problem.text() == (
        "Alex is not paired: the team relay refused your relay account: check its name and password"
    )
    assert book.partners == ()
    assert not page.link_box.isVisible() and page.link_field.text() == ""
    dialog.reject()
