"""The phone page knows the meeting (issue 14), in Debian's Chromium on a phone-sized
viewport against the app's real meeting flow and live window.

The tapped cue stays marked until acknowledged; the page asks to keep the screen on and
says so quietly where it cannot; when the meeting ends it says "Meeting ended" and stops
knocking; a link from an earlier meeting only ever says "This link has expired".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.link.conftest import QtThreadCalls, RealMeeting, in_thread
from tests.link.test_partner_page_browser import CHROMIUM_ARGS, PHONE, chromium_path

__all__ = ["chromium_path"]  # the fixture, imported for this module's tests

pytestmark = pytest.mark.browser

# Counts the page's WebSocket attempts, so "stops reconnecting" can be seen.
COUNT_SOCKETS = """
window.__sockets = 0;
const RealWebSocket = window.WebSocket;
window.WebSocket = function (...args) { window.__sockets += 1; return new RealWebSocket(...args); };
window.WebSocket.prototype = RealWebSocket.prototype;
"""
# Headless Chromium has no screen to keep on: a stand-in records what the page asks for.
FAKE_WAKE_LOCK = """
window.__wakeRequests = [];
Object.defineProperty(navigator, "wakeLock", { configurable: true, value: {
  request: (kind) => { window.__wakeRequests.push(kind);
    return Promise.resolve({ release: () => Promise.resolve(), addEventListener: () => {} }); },
} });
"""
# A LAN http:// page is not a secure context (127.0.0.1 is, for Chromium): as on a phone.
NOT_SECURE = "Object.defineProperty(window, 'isSecureContext', { value: false });"


def test_the_page_marks_the_tap_keeps_the_screen_on_and_knows_when_it_is_over(
    qtbot: QtBot, chromium_path: Path, real_meeting: RealMeeting, screens_dir: Path
) -> None:
    session, window = real_meeting.start()
    first_url = real_meeting.link_on().pairing_url()
    qt = QtThreadCalls()

    def second_meeting_link() -> str:
        real_meeting.end()
        real_meeting.start(client="Second client")
        return real_meeting.link_on().pairing_url()

    def stop_and_end_then_third_meeting() -> None:
        assert real_meeting.link is not None and real_meeting.link.server is not None
        real_meeting.link.server.stop()  # the phone is out of reach when the meeting ends
        real_meeting.end()
        real_meeting.start(client="Third client")
        real_meeting.link_on()  # same port: the old page's knock reaches a new meeting

    def on_the_phone() -> dict[str, object]:
        from playwright.sync_api import expect, sync_playwright

        seen: dict[str, object] = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(chromium_path), headless=True, args=CHROMIUM_ARGS
            )
            try:
                page = browser.new_page(**PHONE)
                page.add_init_script(COUNT_SOCKETS + FAKE_WAKE_LOCK)
                page.clock.install()
                page.goto(first_url)
                expect(page.locator("#link")).to_have_text("Connected")
                awake = page.locator("#awake")
                expect(awake).to_be_hidden()
                seen["wake requests"] = page.evaluate("window.__wakeRequests")

                # The tapped cue stays marked until the user acknowledges it.
                button = page.locator("button.cue").first
                button.click()
                expect(page.locator("#delivery")).to_have_attribute("data-state", "shown")
                expect(button).to_have_class("cue tapped")
                expect(button).to_have_attribute("aria-pressed", "true")
                page.screenshot(path=screens_dir / "partner_page_tapped.png")
                qt.call(lambda: qtbot.keyClick(window, Qt.Key.Key_Escape))
                expect(page.locator("#delivery")).to_have_attribute("data-state", "acknowledged")
                expect(button).to_have_class("cue")
                expect(button).to_have_attribute("aria-pressed", "false")

                # On a LAN http:// page the browser cannot keep the screen on: it says so.
                lan_page = browser.new_page(**PHONE)
                lan_page.add_init_script(NOT_SECURE)
                lan_page.goto(first_url)
                expect(lan_page.locator("#link")).to_have_text("Connected")
                expect(lan_page.locator("#awake")).to_be_visible()
                seen["awake note"] = lan_page.locator("#awake").inner_text()
                lan_page.screenshot(path=screens_dir / "partner_page_screen_note.png")
                lan_page.close()

                # The meeting ends: told before the link closes, the page stops knocking.
                second_url = qt.call(second_meeting_link, timeout_s=30)
                expect(page.locator("#link")).to_have_text("Meeting ended")
                expect(page.locator("#cues")).to_have_text(
                    "The meeting has ended. You can close this page."
                )
                sockets_at_end = page.evaluate("window.__sockets")
                page.clock.fast_forward(60_000)  # a minute of back-offs, had it kept trying
                expect(page.locator("#link")).to_have_text("Meeting ended")
                seen["sockets after the end"] = page.evaluate("window.__sockets") - sockets_at_end
                page.screenshot(path=screens_dir / "partner_page_meeting_ended.png")

                # An old meeting's link, opened again: the same small page as any wrong one.
                old = browser.new_page(**PHONE)
                response = old.goto(first_url)
                seen["old link"] = (response.status if response else 0, old.inner_text("body"))
                old.screenshot(path=screens_dir / "partner_page_link_expired.png")
                wrong = old.goto(first_url.rsplit("/", 1)[0] + "/" + "A" * 43)
                seen["wrong link"] = (wrong.status if wrong else 0, old.inner_text("body"))
                old.close()

                # A page that missed the end (out of reach) learns it when it is back.
                missed = browser.new_page(**PHONE)
                missed.clock.install()
                missed.goto(second_url)
                expect(missed.locator("#link")).to_have_text("Connected")
                qt.call(stop_and_end_then_third_meeting, timeout_s=30)
                # Offline for a moment (how long depends on the machine's load), then back.
                expect(missed.locator("#link")).not_to_have_text("Connected")
                missed.clock.fast_forward(6000)  # past the longest back-off
                expect(missed.locator("#link")).to_have_text("This link has expired")
                seen["missed the end"] = missed.locator("#cues").inner_text()
                missed.screenshot(path=screens_dir / "partner_page_missed_end.png")
            finally:
                browser.close()
        return seen

    seen = in_thread(qtbot, on_the_phone, timeout_ms=90_000, qt_calls=qt)
    assert seen == {
        "wake requests": ["screen"],
        "awake note": (
            "This page cannot keep your screen on (a local http:// page). "
            "Turn off auto-lock on your phone for the meeting."
        ),
        "sockets after the end": 0,
        "old link": (404, "This link has expired"),
        "wrong link": (404, "This link has expired"),
        "missed the end": "This link has expired. Ask for the new code if you need one.",
    }
    del session
