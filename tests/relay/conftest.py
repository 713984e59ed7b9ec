"""Fixtures for the relay tests: a real Mosquitto from deploy/relay, a paired partner and a
real meeting (store, flow, live window) whose settings name that broker."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.link.broker_pass import BrokerPass
from app.link.pairing import PairedPartner, PairingBook, pairing_book, pairing_link
from app.link.relay_account import load_relay_account, mint_partner_pass, save_relay_account
from app.link.relay_crypto import decode_secret
from app.playbooks import load_all_playbooks
from app.settings import load_settings
from app.store import Store
from app.ui.common.theme import apply_look
from app.ui.live.flow import MeetingFlow
from app.ui.partner.partner_wiring import attach_partner_link_to_flow
from tests.link.conftest import RealMeeting, free_port, loopback_only
from tests.relay.local_broker import LocalBroker, dynamic_security_plugin, mosquitto_program

__all__ = ["loopback_only"]


@pytest.fixture
def broker(tmp_path: Path, data_dir: Path) -> Iterator[LocalBroker]:
    """The team's broker, and the user (Ana) with the account its administrator made her,
    saved in her Poise as she enters it in Settings."""
    if mosquitto_program() is None or dynamic_security_plugin() is None:
        pytest.fail("mosquitto is not installed: packaging/install-system-deps.sh test installs it")
    folder = tmp_path / "broker"
    folder.mkdir()
    running = LocalBroker(folder, lowest_priority=True)
    running.start()
    save_relay_account(BrokerPass(USER, running.add_person(USER)))
    yield running
    running.stop(with_agent=True)


USER = "ana"


@pytest.fixture
def book(data_dir: Path) -> PairingBook:
    return pairing_book()


def pair_with_pass(book: PairingBook, broker: LocalBroker, name: str) -> PairedPartner:
    """Pairs as the Partners page does: the relay agent mints the partner's pass."""
    partner = book.pair(name)
    account = load_relay_account()
    assert account is not None
    minted = mint_partner_pass(broker.ws_url, account, decode_secret(partner.secret))
    given = book.give_pass(partner.partner_id, minted)
    assert given is not None
    return given


@pytest.fixture
def alex(book: PairingBook, broker: LocalBroker) -> PairedPartner:
    return pair_with_pass(book, broker, "Alex")


def link_for(partner: PairedPartner, broker: LocalBroker, page_url: str = "") -> str:
    return pairing_link(partner, broker.ws_url, page_url or "http://127.0.0.1:9/")


@pytest.fixture
def relay_meeting(
    qtbot: QtBot, qapp: QApplication, store: Store, broker: LocalBroker
) -> Iterator[RealMeeting]:
    """The app's meeting path with a team broker set, as the user sets it in Settings."""
    apply_look(qapp, False)
    port = free_port()
    settings = replace(load_settings(), partner_link_port=port, relay_broker_url=broker.ws_url)
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
