"""The phone page through the relay, in Debian's Chromium, against a real meeting and a real
Mosquitto from deploy/relay. The page is served from http://127.0.0.1 (a secure context, so
WebCrypto works) by a plain file server standing in for the team's HTTPS front.

Pair once; the page then hears of every meeting by itself: "Meeting live" and the cue
buttons, a tap shown in the live window through the broker alone (the LAN link is off), the
user's Esc back as "Acknowledged", "Meeting ended" at the end. A broker restart loses no
cue and shows none twice; a revoked partner is told the pairing ended and keeps no buttons;
a tap Poise never answers says it did not get through.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import SignalSource
from app.link.pairing import PairedPartner, PairingBook
from app.link.relay_account import load_relay_account, revoke_partner_pass
from app.resources import resource_path
from app.settings import shared_settings
from app.ui.settings.settings_dialog import SettingsDialog
from tests.link.conftest import QtThreadCalls, RealMeeting, in_thread
from tests.link.test_partner_page_browser import CHROMIUM_ARGS, PHONE, SLOW_DOWN, chromium_path
from tests.relay.conftest import link_for
from tests.relay.local_broker import LocalBroker

__all__ = ["chromium_path"]

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]


class _QuietFiles(SimpleHTTPRequestHandler):
    requested: list[str]

    def log_message(self, format: str, *args: object) -> None:
        self.requested.append(self.path)


@pytest.fixture
def page_server() -> Iterator[tuple[str, list[str]]]:
    """The partner page and mqtt.min.js from resources/partner, on 127.0.0.1; what was asked."""
    requested: list[str] = []
    handler = functools.partial(
        type("Files", (_QuietFiles,), {"requested": requested}),
        directory=str(resource_path("partner")),
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", requested
    server.shutdown()
    server.server_close()


def test_paired_once_the_phone_sends_cues_in_later_meetings_through_the_broker(
    qtbot: QtBot,
    chromium_path: Path,
    relay_meeting: RealMeeting,
    broker: LocalBroker,
    book: PairingBook,
    page_server: tuple[str, list[str]],
    screens_dir: Path,
) -> None:
    page_url, requested = page_server
    # Pairing, as the user does it: Settings, Partners, the relay's address, a name, Pair.
    shared_settings().update(relay_page_url=page_url)  # as Settings keeps it
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.partners_page.broker_field.setText(broker.ws_url)
    qtbot.keyClicks(dialog.partners_page.name_field, "Alex")
    qtbot.mouseClick(dialog.partners_page.pair_button, Qt.MouseButton.LeftButton)
    # The team's relay admits only the team: the link waits for the partner's pass.
    qtbot.waitUntil(lambda: bool(dialog.partners_page.link_field.text()), timeout=10000)
    link = dialog.partners_page.link_field.text()
    assert "&u=partner-" in link and "&p=" in link
    dialog.accept()
    (alex,) = book.partners
    assert link.startswith(page_url + "#k=")
    qt = QtThreadCalls()
    shown: list[str] = []
    meetings: list[object] = []

    def start_meeting(client: str) -> None:
        # The second meeting's dialog remembers the first one's cues.
        extra = SLOW_DOWN if not meetings else None
        session, window = relay_meeting.start(client=client, extra_cue=extra)
        session.cueDisplayRequested.connect(lambda event: shown.append(event.message_id))
        meetings.append((session, window))

    def on_the_phone() -> dict[str, object]:
        from playwright.sync_api import expect, sync_playwright

        seen: dict[str, object] = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(chromium_path), headless=True, args=CHROMIUM_ARGS
            )
            try:
                page = browser.new_page(**PHONE)
                page.goto(link)  # the scan: once
                status = page.locator("#link")
                delivery = page.locator("#delivery")
                buttons = page.locator("button.cue")
                expect(status).to_have_text("Paired — waiting for a meeting")

                # A first meeting comes and goes.
                qt.call(lambda: start_meeting("Harbor & Sons"))
                expect(status).to_have_text("Meeting live")
                expect(buttons).to_have_count(2)
                qt.call(relay_meeting.end)
                expect(status).to_have_text("Meeting ended")
                expect(buttons).to_have_count(0)
                page.screenshot(path=screens_dir / "relay_page_meeting_ended.png")

                # A later meeting: no new scan, the LAN link never turned on.
                qt.call(lambda: start_meeting("Northwind"))
                expect(status).to_have_text("Meeting live")
                session, window = meetings[-1]
                assert qt.call(lambda: relay_meeting.link.server.is_running) is False
                labels = [cue.label for cue in session.cues]
                expect(buttons).to_have_text(labels)
                assert labels == ["Calm down", "Slow down"]
                page.screenshot(path=screens_dir / "relay_page_live.png")
                buttons.first.click()
                expect(delivery).to_have_attribute("data-state", "shown")
                seen["words"] = qt.call(lambda: window.overlay.band.words.text())
                qt.call(lambda: qtbot.keyClick(window, Qt.Key.Key_Escape))
                expect(delivery).to_have_attribute("data-state", "acknowledged")
                seen["first"] = qt.call(lambda: list(shown))

                # The broker restarts mid-meeting: a tap meanwhile goes once it is back.
                qt.call(broker.stop)
                expect(status).to_have_text("Offline — reconnecting…")
                buttons.nth(1).click()
                expect(delivery).to_have_attribute("data-state", "pending")
                qt.call(broker.start)
                expect(status).to_have_text("Meeting live", timeout=15000)
                expect(delivery).to_have_attribute("data-state", "shown", timeout=15000)
                qt.call(lambda: qtbot.keyClick(window, Qt.Key.Key_Escape))
                expect(delivery).to_have_attribute("data-state", "acknowledged")
                seen["after_restart"] = qt.call(lambda: list(shown))

                # Revoked in Settings: the phone is told, and has nothing left to tap.
                qt.call(lambda: book.revoke(alex.partner_id))
                expect(status).to_have_text("This pairing was ended")
                expect(buttons).to_have_count(0)
                expect(delivery).not_to_have_text("Sending…")
                page.screenshot(path=screens_dir / "relay_page_revoked.png")
                page.wait_for_timeout(1000)  # only waiting can show that nothing arrives
                seen["after_revoke"] = qt.call(lambda: list(shown))
                seen["dropped"] = page.evaluate("window.__relayDropped")
            finally:
                browser.close()
        return seen

    seen = in_thread(qtbot, on_the_phone, timeout_ms=100000, qt_calls=qt)
    session, _window = meetings[-1]
    assert seen["words"] == session.cues[0].words
    first = seen["first"]
    assert isinstance(first, list) and len(first) == 1
    assert session.domain.tracker.seen(first[0]).source is SignalSource.PHONE
    assert isinstance(seen["after_restart"], list) and len(seen["after_restart"]) == 2
    assert seen["after_revoke"] == seen["after_restart"]
    assert all(alex.secret not in path for path in requested)  # the fragment stayed home
    assert "/mqtt.min.js" in requested


def test_a_tap_poise_never_answers_says_it_did_not_get_through(
    qtbot: QtBot,
    chromium_path: Path,
    relay_meeting: RealMeeting,
    broker: LocalBroker,
    alex: PairedPartner,
    page_server: tuple[str, list[str]],
    screens_dir: Path,
) -> None:
    link = link_for(alex, broker, page_server[0])
    qt = QtThreadCalls()

    def on_the_phone() -> str:
        from playwright.sync_api import expect, sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(chromium_path), headless=True, args=CHROMIUM_ARGS
            )
            try:
                page = browser.new_page(**PHONE)
                page.clock.install()
                page.goto(link)
                expect(page.locator("#link")).to_have_text("Paired — waiting for a meeting")
                qt.call(lambda: relay_meeting.start())
                expect(page.locator("#link")).to_have_text("Meeting live")
                # Poise stops hearing this partner without a word (a revoke the phone missed).
                relay = qt.call(lambda: relay_meeting.link.relay)
                qt.call(lambda: [relay.opener.forget(topic) for topic in list(relay._by_topic)])
                page.locator("button.cue").first.click()
                delivery = page.locator("#delivery")
                expect(delivery).to_have_attribute("data-state", "sent")
                expect(delivery).to_have_text("Sending…")  # not "Sent": nothing answered it
                page.screenshot(path=screens_dir / "relay_page_sending.png")
                expect(page.locator(".steps span.on")).to_have_count(0)  # nothing reached yet
                page.clock.fast_forward(9000)
                expect(delivery).to_have_attribute("data-state", "undelivered")
                page.screenshot(path=screens_dir / "relay_page_not_through.png")
                return str(delivery.inner_text())
            finally:
                browser.close()

    assert in_thread(qtbot, on_the_phone, timeout_ms=60000, qt_calls=qt) == "Did not get through"


def test_a_page_whose_pass_was_revoked_while_no_meeting_was_live_says_the_pairing_ended(
    chromium_path: Path,
    broker: LocalBroker,
    alex: PairedPartner,
    page_server: tuple[str, list[str]],
) -> None:
    """No meeting is live, so no sealed "revoked" reaches the page: the broker drops it,
    refuses it when it knocks again, and the page says so instead of knocking for ever."""
    from playwright.sync_api import expect, sync_playwright

    account = load_relay_account()
    assert account is not None and alex.broker_pass is not None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium_path), headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page(**PHONE)
            page.goto(link_for(alex, broker, page_server[0]))
            expect(page.locator("#link")).to_have_text("Paired — waiting for a meeting")
            revoke_partner_pass(broker.ws_url, account, alex.broker_pass.username)
            expect(page.locator("#link")).to_have_text("This pairing was ended")
            assert page.locator("button.cue").count() == 0
        finally:
            browser.close()
