"""The phone page in Debian's Chromium: press, see the cue in the Qt window, see it acknowledged.

Playwright's blocking API runs on a worker thread while the test's thread keeps Qt's
event loop turning (``in_thread``); steps that touch Qt are handed back to that thread.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import SignalSource
from app.link.server import PartnerLinkServer
from app.ui.partner_wiring import attach_partner_link
from tests.link.conftest import QtThreadCalls, StandInSession, in_thread

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"viewport": {"width": 390, "height": 760}, "device_scale_factor": 2, "is_mobile": True}

pytestmark = pytest.mark.browser


@pytest.fixture
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is missing; the browser tests must run in CI")
        pytest.skip("/usr/bin/chromium is not installed")
    return CHROMIUM


@pytest.fixture
def meeting(qtbot: QtBot) -> Iterator[tuple[StandInSession, PartnerLinkServer]]:
    session = StandInSession()
    qtbot.addWidget(session.window)
    session.window.show()
    qtbot.waitExposed(session.window)
    server = PartnerLinkServer(session.cues, bind_address="127.0.0.1")
    attach_partner_link(session, server)
    server.start()
    yield session, server
    server.end()


def test_a_tap_on_the_phone_shows_the_cue_and_comes_back_acknowledged(
    qtbot: QtBot,
    chromium_path: Path,
    meeting: tuple[StandInSession, PartnerLinkServer],
    screens_dir: Path,
) -> None:
    session, server = meeting
    url = server.pairing_url()
    qt = QtThreadCalls()

    def on_the_phone() -> list[str]:
        from playwright.sync_api import expect, sync_playwright

        seen: list[str] = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(chromium_path), headless=True, args=CHROMIUM_ARGS
            )
            try:
                page = browser.new_page(**PHONE)
                page.clock.install()
                page.goto(url)
                link = page.locator("#link")
                delivery = page.locator("#delivery")
                expect(link).to_have_text("Connected")
                buttons = page.locator("button.cue")
                expect(buttons).to_have_text(["Calm down", "Slow down"])
                page.screenshot(path=screens_dir / "partner_page_connected.png")

                buttons.first.click()
                expect(delivery).to_have_attribute("data-state", "shown")
                seen.append(delivery.inner_text())
                page.screenshot(path=screens_dir / "partner_page_shown.png")
                words = qt.call(lambda: session.cue_label.text())
                seen.append(words)
                qt.call(lambda: session.window.grab().save(str(screens_dir / "partner_cue.png")))

                qt.call(session.acknowledge_cue)
                expect(delivery).to_have_attribute("data-state", "acknowledged")
                seen.append(delivery.inner_text())
                page.screenshot(path=screens_dir / "partner_page_acknowledged.png")

                # The Wi-Fi drops: a press made meanwhile waits, then goes once.
                qt.call(server.stop)
                expect(link).to_have_text("Offline — reconnecting…")
                buttons.nth(1).click()
                expect(delivery).to_have_attribute("data-state", "pending")
                seen.append(delivery.inner_text())
                page.screenshot(path=screens_dir / "partner_page_offline.png")
                qt.call(server.start)
                page.clock.fast_forward(6000)  # past the longest back-off
                expect(link).to_have_text("Connected")
                expect(delivery).to_have_attribute("data-state", "shown")
                qt.call(session.acknowledge_cue)
                expect(delivery).to_have_attribute("data-state", "acknowledged")

                # Offline for too long: reported as not delivered, and never shown later.
                qt.call(server.stop)
                expect(link).to_have_text("Offline — reconnecting…")
                buttons.first.click()
                expect(delivery).to_have_attribute("data-state", "pending")
                page.clock.fast_forward(31_000)
                expect(delivery).to_have_attribute("data-state", "undelivered")
                seen.append(delivery.inner_text())
                page.screenshot(path=screens_dir / "partner_page_not_delivered.png")
                qt.call(server.start)
                page.clock.fast_forward(6000)
                expect(link).to_have_text("Connected")
                page.reload()  # even a reloaded page does not send it again
                expect(link).to_have_text("Connected")
                expect(delivery).to_have_attribute("data-state", "undelivered")
            finally:
                browser.close()
        return seen

    seen = in_thread(qtbot, on_the_phone, timeout_ms=60000, qt_calls=qt)
    assert seen == [
        "Shown on their screen",
        "Breathe. Listen. Don't defend.",
        "Acknowledged",
        "Offline — will send when back",
        "Not delivered",
    ]
    assert [(cue, source) for cue, source, _ in session.recorded] == [
        ("calm", SignalSource.PHONE),
        ("slow", SignalSource.PHONE),
    ]
