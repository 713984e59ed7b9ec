"""The phone page in Debian's Chromium against a real meeting: the app's own flow, live
window and SQLite store, with the partner link turned on as the user does.

A tap shows the cue in the Qt live window, the user's Esc comes back as "Acknowledged",
and the signal is in the store with its source and times. The other way round, the user
asks the partner to step in: the page shows it, buzzes, and one tap answers.

Playwright's blocking API runs on a worker thread while the test's thread keeps Qt's
event loop turning (``in_thread``); steps that touch Qt are handed back to that thread.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import SignalSource
from tests.link.conftest import QtThreadCalls, RealMeeting, in_thread

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
# Chromium has navigator.vibrate; a headless one cannot buzz, so the page's calls are recorded.
RECORD_VIBRATION = (
    "window.__buzzes = []; navigator.vibrate = (p) => { window.__buzzes.push(p); return true; };"
)
SLOW_DOWN = ("Slow down", "Slower. Let a silence sit.")

pytestmark = pytest.mark.browser


@pytest.fixture
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("/usr/bin/chromium is missing; the browser tests must run in CI")
        pytest.skip("/usr/bin/chromium is not installed")
    return CHROMIUM


def test_the_phone_page_in_a_real_meeting(
    qtbot: QtBot, chromium_path: Path, real_meeting: RealMeeting, screens_dir: Path
) -> None:
    session, window = real_meeting.start(extra_cue=SLOW_DOWN)
    server = real_meeting.link_on()
    url = server.pairing_url()
    cue_labels = [cue.label for cue in session.cues]
    assert cue_labels == ["Calm down", "Slow down"]
    answers: list[str] = []
    session.partnerAnswered.connect(lambda message_id, _state: answers.append(message_id))
    qt = QtThreadCalls()

    def shoot_live_window(name: str) -> None:
        QApplication.sendPostedEvents()
        QApplication.processEvents()
        assert window.grab().save(str(screens_dir / name))

    def on_the_phone() -> list[str]:
        from playwright.sync_api import expect, sync_playwright

        seen: list[str] = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(chromium_path), headless=True, args=CHROMIUM_ARGS
            )
            try:
                page = browser.new_page(**PHONE)
                page.add_init_script(RECORD_VIBRATION)
                page.clock.install()
                page.goto(url)
                link = page.locator("#link")
                delivery = page.locator("#delivery")
                expect(link).to_have_text("Connected")
                qt.call(lambda: qtbot.waitUntil(lambda: window.partner_status.count == 1))
                buttons = page.locator("button.cue")
                expect(buttons).to_have_text(cue_labels)
                page.screenshot(path=screens_dir / "partner_page_connected.png")

                # The tap shows the cue in the live window; the user's Esc acknowledges it.
                buttons.first.click()
                expect(delivery).to_have_attribute("data-state", "shown")
                seen.append(delivery.inner_text())
                page.screenshot(path=screens_dir / "partner_page_shown.png")
                seen.append(qt.call(lambda: window.overlay.band.words.text()))
                qt.call(
                    lambda: qtbot.waitUntil(lambda: window.overlay.band.opacity.opacity() >= 1.0)
                )
                qt.call(lambda: shoot_live_window("partner_cue.png"))
                qt.call(lambda: qtbot.keyClick(window, Qt.Key.Key_Escape))
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

                # The user asks the partner to step in: plain to see, a buzz, one tap.
                request = page.locator("#request")
                expect(request).to_be_hidden()
                qt.call(lambda: window.ask_partner("step_in"))
                expect(request).to_be_visible()
                expect(request).to_have_attribute("data-state", "open")
                expect(request.locator(".label")).to_have_text("Step in")
                expect(request.locator(".words")).to_have_text("Please take over for a moment")
                answer = request.get_by_role("button", name="OK, stepping in")
                expect(answer).to_be_visible()
                seen.append(str(page.evaluate("window.__buzzes")))
                page.screenshot(path=screens_dir / "partner_page_request.png")
                answer.click()
                expect(request).to_have_attribute("data-state", "acknowledged")
                seen.append(request.inner_text())
                qt.call(lambda: qtbot.waitUntil(lambda: len(answers) == 1))
                seen.append(qt.call(lambda: window.toast.text))
                page.screenshot(path=screens_dir / "partner_page_request_answered.png")
                page.clock.fast_forward(21_000)
                expect(request).to_be_hidden()
            finally:
                browser.close()
        return seen

    seen = in_thread(qtbot, on_the_phone, timeout_ms=60000, qt_calls=qt)
    assert seen == [
        "Shown on their screen",
        "Breathe. Listen. Don't defend.",
        "Acknowledged",
        "Offline — will send when back",
        "Did not get through",
        "[[180, 90, 180]]",
        "Acknowledged — they know you're stepping in",
        "Partner is stepping in",
    ]

    real_meeting.end()
    assert real_meeting.store.writer.flush(5)
    detail = real_meeting.store.service.load_meeting(session.meeting_id)
    signals = [(s.cue_key, s.source) for s in detail.signals]
    slow_key = session.cues[1].key
    assert signals == [("calm", SignalSource.PHONE), (slow_key, SignalSource.PHONE)]
    for signal in detail.signals:
        assert signal.shown_at is not None and signal.acknowledged_at is not None
        assert signal.sent_at <= signal.shown_at <= signal.acknowledged_at
    assert [line.text for line in detail.stamped_lines] == [
        "You asked your partner to step in",
        "Your partner is stepping in",
    ]
