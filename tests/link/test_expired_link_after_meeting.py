"""A link from a meeting that ended, opened again while Poise runs: the real meeting path
and partner link, plain HTTP and Debian's Chromium. The old address says "This link has
expired" (never the browser's "connection refused"), and a later meeting on the same fixed
port gets its port back."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.link.expired_link import answering_ports
from tests.link.conftest import QtThreadCalls, RealMeeting, in_thread
from tests.link.test_partner_page_browser import CHROMIUM_ARGS, PHONE, chromium_path

__all__ = ["chromium_path"]

pytestmark = pytest.mark.timeout(60)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read().decode()


def test_an_ended_meetings_link_says_it_expired_and_the_next_meeting_gets_the_port(
    qtbot: QtBot, real_meeting: RealMeeting
) -> None:
    real_meeting.start()
    server = real_meeting.link_on()
    url = server.pairing_url("127.0.0.1")
    assert in_thread(qtbot, lambda: get(url), timeout_ms=10000)[0] == 200
    real_meeting.end()

    def ask() -> tuple[int, str]:
        return get(url)

    status, page = in_thread(qtbot, ask, timeout_ms=10000)
    assert status == 404 and "This link has expired" in page
    assert real_meeting.port in answering_ports()

    # The next meeting on the same fixed port: it listens there, with a new secret.
    real_meeting.start(client="Northwind")
    again = real_meeting.link_on()
    assert again.port == real_meeting.port
    assert real_meeting.port not in answering_ports()
    assert in_thread(qtbot, ask, timeout_ms=10000)[0] == 404  # the old secret opens nothing
    assert in_thread(qtbot, lambda: get(again.pairing_url("127.0.0.1")), timeout_ms=10000)[0] == 200


def test_the_phone_reopening_an_old_link_reads_this_link_has_expired(
    qtbot: QtBot, real_meeting: RealMeeting, chromium_path: Path
) -> None:
    real_meeting.start()
    url = real_meeting.link_on().pairing_url("127.0.0.1")
    real_meeting.end()
    qt = QtThreadCalls()

    def on_the_phone() -> str:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=str(chromium_path), headless=True, args=CHROMIUM_ARGS
            )
            try:
                page = browser.new_page(**PHONE)
                page.goto(url)
                return str(page.locator("body").inner_text())
            finally:
                browser.close()

    assert in_thread(qtbot, on_the_phone, timeout_ms=30000, qt_calls=qt) == "This link has expired"
