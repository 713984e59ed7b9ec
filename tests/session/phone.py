"""The partner's phone for the real-session test: Debian's Chromium at a phone's size.

The test process runs no Qt of its own, so Playwright's blocking API runs right here.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest

from tests.session.desktop import PoiseProcess, wait_until

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE_SIZE = {
    "viewport": {"width": 390, "height": 760},
    "device_scale_factor": 2,
    "is_mobile": True,
}
EXPECT_TIMEOUT_MS = 15_000


def pairing_address(app: PoiseProcess, timeout: float = 10) -> str:
    """The address the pairing window offers the phone, once the link is listening."""
    address: str = wait_until(
        lambda: (
            (field := app.find("pairingWindow", name="pairingUrl"))
            and field.text.startswith("http://127.0.0.1")
            and field.text
        ),
        timeout,
        "the pairing address",
    )
    return address


class Phone:
    """A phone page opened on the pairing address, with the taps a partner makes."""

    def __init__(self, url: str, screens_dir: Path) -> None:
        if not CHROMIUM.exists():
            if os.environ.get("CI"):
                pytest.fail("/usr/bin/chromium is missing; ./test.sh installs it")
            pytest.skip("/usr/bin/chromium is not installed")
        self.url = url
        self.screens_dir = screens_dir
        self._playwright: Any = None
        self._browser: Any = None
        self.page: Any = None

    def __enter__(self) -> Phone:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        self.page = self._browser.new_page(**PHONE_SIZE)
        self.page.goto(self.url)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._playwright is not None:
            self._playwright.stop()

    def expect_text(self, selector: str, text: str) -> None:
        from playwright.sync_api import expect

        expect(self.page.locator(selector)).to_have_text(text, timeout=EXPECT_TIMEOUT_MS)

    def expect_state(self, selector: str, state: str) -> None:
        from playwright.sync_api import expect

        expect(self.page.locator(selector)).to_have_attribute(
            "data-state", state, timeout=EXPECT_TIMEOUT_MS
        )

    def read_brief(self) -> None:
        """The partner reads the brief that opens as they connect, then taps "Got it"."""
        from playwright.sync_api import expect

        expect(self.page.locator("#brief")).to_be_visible(timeout=EXPECT_TIMEOUT_MS)
        self.page.locator("#briefClose").click()
        expect(self.page.locator("#brief")).to_be_hidden(timeout=EXPECT_TIMEOUT_MS)

    def tap_cue(self, index: int) -> None:
        self.page.locator("button.cue").nth(index).click()

    def answer_request(self) -> None:
        from playwright.sync_api import expect

        request = self.page.locator("#request")
        expect(request).to_be_visible(timeout=EXPECT_TIMEOUT_MS)
        request.get_by_role("button").first.click()
        expect(request).to_have_attribute("data-state", "acknowledged", timeout=EXPECT_TIMEOUT_MS)

    def answer_debrief(self, answer: str) -> None:
        """The meeting ended: the first question answered, sent, and thanked for."""
        from playwright.sync_api import expect

        expect(self.page.locator("#debrief")).to_be_visible(timeout=EXPECT_TIMEOUT_MS)
        self.page.locator("#answer0").fill(answer)
        self.page.locator("#debriefSend").click()
        self.expect_state("#debriefState", "thanked")

    def shot(self, name: str) -> Path:
        path = self.screens_dir / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path
