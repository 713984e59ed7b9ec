"""Pairing a partner while a meeting is live, in Settings' real Partners page, with a real
Mosquitto from deploy/relay and a partner's Poise (``RelayPartnerClient``): the partner joins
the live meeting at once, whether the team relay was set before the meeting or only now."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.link.pairing import PairingBook
from app.link.relay_partner import MeetingState, RelayPartnerClient
from app.playbooks import load_all_playbooks
from app.settings import shared_settings
from app.store import Store
from app.ui.common.theme import apply_look
from app.ui.live.flow import MeetingFlow
from app.ui.partner.partner_wiring import attach_partner_link_to_flow
from app.ui.settings.settings_dialog import SettingsDialog
from tests.link.conftest import RealMeeting, free_port
from tests.relay.local_broker import LocalBroker

pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def meeting_without_relay(
    qtbot: QtBot, qapp: QApplication, store: Store, broker: LocalBroker
) -> Iterator[RealMeeting]:
    """The app's meeting path reading the shared settings, which name no relay yet."""
    apply_look(qapp, False)
    port = free_port()
    shared_settings().update(partner_link_port=port, relay_broker_url="")
    flow = MeetingFlow(store, load_all_playbooks())
    link = attach_partner_link_to_flow(flow)
    yield RealMeeting(qtbot, store, flow, link, port)
    if flow.session is not None and flow.session.domain.is_running:
        flow.session.end(None)
    for window in (flow.live_window, flow.summary):
        if window is not None and shiboken6.isValid(window):
            window.close()
            window.deleteLater()
    assert store.writer.flush(5)


def pair_with_enter(qtbot: QtBot, broker_url: str, name: str) -> SettingsDialog:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentWidget(dialog.partners_page)
    page = dialog.partners_page
    if page.broker_field.text() != broker_url:
        page.broker_field.setText(broker_url)
    page.name_field.setFocus()
    qtbot.keyClicks(page.name_field, name)
    qtbot.keyClick(page.name_field, Qt.Key.Key_Return)
    # The team's relay mints the partner's pass first; the link shows when it has come.
    qtbot.waitUntil(lambda: bool(page.link_field.text()), timeout=10000)
    return dialog


def joins_the_live_meeting(qtbot: QtBot, dialog: SettingsDialog, name: str) -> None:
    page = dialog.partners_page
    assert dialog.isVisible(), "Enter in the name field closed Settings"
    assert page.link_box.isVisible() and page.qr_label.pixmap() is not None
    assert "meeting that is live now" in page.link_hint.text()
    client = RelayPartnerClient(page.link_field.text())
    client.start()
    try:
        qtbot.waitUntil(lambda: client.meeting_state is MeetingState.LIVE, timeout=8000)
        assert client.cues
    finally:
        client.stop()
    dialog.reject()


def test_a_partner_paired_during_a_meeting_joins_it_at_once(
    qtbot: QtBot, relay_meeting: RealMeeting, broker: LocalBroker, book: PairingBook
) -> None:
    shared_settings().update(relay_broker_url=broker.ws_url)
    relay_meeting.start()
    dialog = pair_with_enter(qtbot, broker.ws_url, "Alex")
    assert [partner.name for partner in book.partners] == ["Alex"]
    joins_the_live_meeting(qtbot, dialog, "Alex")


def test_a_relay_set_and_paired_during_a_meeting_joins_it_at_once(
    qtbot: QtBot, meeting_without_relay: RealMeeting, broker: LocalBroker, book: PairingBook
) -> None:
    meeting_without_relay.start()
    link = meeting_without_relay.link
    assert link is not None and link.relay is None
    dialog = pair_with_enter(qtbot, broker.ws_url, "Sam")
    assert replace(shared_settings().current).relay_broker_url == broker.ws_url
    joins_the_live_meeting(qtbot, dialog, "Sam")


def test_a_relay_paired_during_a_meeting_whose_link_was_never_asked_for_joins_it(
    qtbot: QtBot, qapp: QApplication, store: Store, broker: LocalBroker, book: PairingBook
) -> None:
    """The app's own path: with no relay the link is made only when asked for (Ctrl+P),
    so the relay saved during the meeting must make it, and the partner still joins."""
    from app.ui.app_controller import AppController

    apply_look(qapp, False)
    port = free_port()
    shared_settings().update(partner_link_port=port, relay_broker_url="")
    controller = AppController(qapp, load_all_playbooks())
    controller.window.close_guard = None
    controller.attach_store(store)
    meeting = RealMeeting(qtbot, store, controller.ensure_flow(), None, port)
    session, window = meeting.start()
    qtbot.waitUntil(window.partner_link_action.isVisible, timeout=5000)
    assert controller.partner_link is None  # never asked for
    try:
        dialog = pair_with_enter(qtbot, broker.ws_url, "Kim")
        link = controller.partner_link
        assert link is not None and link.relay is not None
        joins_the_live_meeting(qtbot, dialog, "Kim")
    finally:
        session.end(None)
        for shown in (window, controller.flow and controller.flow.summary, controller.window):
            if shown is not None and shiboken6.isValid(shown):
                shown.close()
                shown.deleteLater()
        assert store.writer.flush(5)
        controller.client.finish_calls()
