"""The partner at a distance, as a person lives it: on a real X server with openbox, XTest
keys and clicks, a real Mosquitto from deploy/relay, and Debian's Chromium as the phone.

During a live meeting the user opens Settings, types the team relay's address and the
partner's name, presses Enter: Settings stays open with the code whole, and the phone that
opens the link joins the meeting that is live now and sends a cue. Then the user revokes
that connected partner: Poise asks first, by name, and the phone says the pairing ended,
with no button left to tap and nothing claiming "Sent".
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.link.broker_pass import BrokerPass
from app.link.pairing import parse_relay_link
from app.resources import resource_path
from app.settings import Settings, save_settings
from tests.relay.local_broker import LocalBroker, dynamic_security_plugin, mosquitto_program
from tests.relay.test_relay_accounts import RawClient
from tests.session.desktop import Desktop, PoiseProcess, Widget, private_desktop, wait_until
from tests.session.meeting_walk import Walk
from tests.session.phone import EXPECT_TIMEOUT_MS, Phone
from tests.session.test_real_session import check_clean

pytestmark = pytest.mark.session

SCREENS = Path(__file__).resolve().parents[1] / "screens" / "session-partners"
PARTNER = "Alex"


@pytest.fixture
def desktop() -> Iterator[Desktop]:
    for old in SCREENS.glob("*.png"):
        old.unlink()
    with private_desktop(SCREENS) as running:
        yield running


@pytest.fixture
def relay_broker(tmp_path: Path) -> Iterator[LocalBroker]:
    if mosquitto_program() is None or dynamic_security_plugin() is None:
        pytest.fail("mosquitto is not installed: packaging/install-system-deps.sh test installs it")
    folder = tmp_path / "broker"
    folder.mkdir()
    broker = LocalBroker(folder, lowest_priority=True)
    broker.start()
    yield broker
    broker.stop(with_agent=True)


class _QuietFiles(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def team_page() -> Iterator[str]:
    """The partner page on 127.0.0.1 (a secure context), standing in for the team's front."""
    handler = functools.partial(_QuietFiles, directory=str(resource_path("partner")))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def knocks(broker: LocalBroker, credentials: BrokerPass) -> bool:
    """Whether the broker admits a new client with these credentials."""
    client = RawClient(broker, credentials)
    client.close()
    return bool(client.admitted)


def widget_named(app: PoiseProcess, window: str, prefix: str) -> Widget | None:
    return next((w for w in app.widgets(window) if w.name.startswith(prefix)), None)


def test_pairing_during_a_live_meeting_then_revoking_the_connected_partner(
    desktop: Desktop, tmp_path: Path, relay_broker: LocalBroker, team_page: str
) -> None:
    data_dir = tmp_path / "poise-data"
    data_dir.mkdir(mode=0o700)
    # Only where the team serves the page: the relay's address is typed during the meeting.
    save_settings(replace(Settings(), relay_page_url=team_page), data_dir / "settings.json")
    home = tmp_path / "home"
    home.mkdir()
    app = PoiseProcess(
        desktop, data_dir, extra_env={"POISE_LINK_BIND": "127.0.0.1", "HOME": str(home)}
    )
    walk = Walk(desktop, app)
    try:
        app.wait_widget("mainWindow", text="playbooks ready", timeout=30)
        desktop.key("ctrl+n")
        app.wait_window("prepareDialog")
        app.click("prepareDialog", name="clientPicker")
        desktop.type_text("Harbor & Finch")
        app.click("prepareDialog", name="primaryButton")
        app.wait_widget("prepareDialog", text="Before you start")
        app.click("prepareDialog", name="primaryButton", text="Start")
        app.wait_widget("liveWindow", name="stepTitle")

        # Settings from the home window, while the meeting runs.
        app.click("mainWindow", name="settingsButton")
        app.wait_window("settingsDialog")
        app.wait_widget("settingsDialog", text="Save")
        desktop.key("ctrl+Tab", "ctrl+Tab", "ctrl+Tab")  # to the last tab, Partners
        app.click("settingsDialog", name="relayBrokerUrl")
        desktop.type_text(relay_broker.ws_url)
        # The team's relay admits only the team: the account its administrator gave her.
        app.click("settingsDialog", name="relayAccount")
        desktop.type_text("ana")
        app.click("settingsDialog", name="relayPassword")
        desktop.type_text(relay_broker.add_person("ana"))
        app.click("settingsDialog", name="newPartnerName")
        desktop.type_text(PARTNER)
        desktop.key("Return")
        link = wait_until(
            lambda: (
                (f := app.find("settingsDialog", name="pairingLink"))
                and f.text.startswith(team_page)
                and f.text
            ),
            10,
            "the pairing link in Settings (Enter pairs, and Settings stays open)",
        )
        code = app.wait_widget("settingsDialog", name="pairingQr")
        walk.look("settings-paired-during-the-meeting")
        assert code.width == code.height, f"the code is cut: {code.width}x{code.height}"
        settings = app.wait_window("settingsDialog")
        assert code.y + code.height <= settings["y"] + settings["height"]
        hint = app.wait_widget("settingsDialog", name="pairingLinkHint")
        assert "live now" in hint.text, hint.text

        with Phone(link, SCREENS) as phone:
            # The phone joins the meeting that is live now, with its cue buttons.
            phone.expect_text("#link", "Meeting live")
            phone.shot("phone-joined-the-live-meeting")
            phone.tap_cue(0)
            wait_until(lambda: app.find("liveWindow", name="cueWords"), 10, "the relay's cue")
            phone.expect_state("#delivery", "shown")
            walk.look("live-cue-through-the-relay")

            # Revoke the connected partner: asked first, by name; then the phone is told.
            revoke = wait_until(
                lambda: widget_named(app, "settingsDialog", "revoke-"), 10, "the Revoke button"
            )
            desktop.click_at(*revoke.center)
            question = app.wait_window("revokeQuestion")
            assert PARTNER in question["title"] + " ".join(
                w.text for w in app.widgets("revokeQuestion")
            )
            walk.look("revoke-question")
            app.click("revokeQuestion", name="confirmRevoke")
            phone.expect_text("#link", "This pairing was ended")
            phone.page.locator("button.cue").first.wait_for(
                state="detached", timeout=EXPECT_TIMEOUT_MS
            )
            assert phone.page.locator("button.cue").count() == 0
            assert "Sent" not in phone.page.locator("#delivery").inner_text()
            phone.shot("phone-pairing-ended")
            walk.look("settings-after-revoke")
            # And the broker refuses the partner's pass from now on, not only Poise.
            partner_pass = parse_relay_link(link).broker_pass
            assert partner_pass is not None
            wait_until(
                lambda: not knocks(relay_broker, partner_pass), 10, "the broker refusing the pass"
            )
    finally:
        app.kill()
    check_clean(app, data_dir)
    assert not walk.clipped, "\n".join(walk.clipped)
