"""A second Poise as the partner: the client over loopback and the partner window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.cli import EXIT_USAGE, main
from app.domain.meeting_terms import SignalSource
from app.link.client import PairingUrlError, PartnerLinkClient, parse_pairing_url
from app.link.partner_end import PressState
from app.link.server import PartnerLinkServer
from app.ui.partner.partner_window import PartnerWindow
from app.ui.partner.partner_wiring import attach_partner_link
from tests.link.conftest import StandInSession

SECRET = "Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4"


@pytest.fixture
def meeting(qtbot: QtBot) -> Iterator[tuple[StandInSession, PartnerLinkServer]]:
    session = StandInSession()
    qtbot.addWidget(session.window)
    server = PartnerLinkServer(session.cues, bind_address="127.0.0.1")
    attach_partner_link(session, server)
    server.start()
    yield session, server
    server.end()


def test_pairing_urls_are_checked() -> None:
    address = parse_pairing_url(f"  http://192.168.1.20:40123/p/{SECRET}\n")
    assert address.socket_url == f"ws://192.168.1.20:40123/ws/{SECRET}"
    assert address.origin == "http://192.168.1.20:40123"
    for bad in [
        "",
        "hello",
        f"https://192.168.1.20:40123/p/{SECRET}",
        f"http://192.168.1.20/p/{SECRET}",
        "http://192.168.1.20:40123/p/short",
        f"http://192.168.1.20:40123/notes/{SECRET}",
        f"http://192.168.1.20:99999/p/{SECRET}",
    ]:
        with pytest.raises(PairingUrlError):
            parse_pairing_url(bad)


def test_poise_partner_refuses_a_bad_address(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["partner", "http://example.org/"]) == EXIT_USAGE
    assert "pairing address" in capsys.readouterr().err


def test_the_partner_window_sends_a_cue_and_follows_it(
    qtbot: QtBot, meeting: tuple[StandInSession, PartnerLinkServer], screens_dir: Path
) -> None:
    session, server = meeting
    window = PartnerWindow(server.pairing_url())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.link_label.text() == "Connected")
    qtbot.waitUntil(lambda: list(window.cue_buttons) == ["calm", "slow"])
    assert window.pairing_box.isHidden()
    window.grab().save(str(screens_dir / "partner_window_connected.png"))

    qtbot.mouseClick(window.cue_buttons["slow"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.press_label.text() == "Shown on their screen")
    assert [(cue, source) for cue, source, _ in session.recorded] == [
        ("slow", SignalSource.PARTNER_APP)
    ]
    window.grab().save(str(screens_dir / "partner_window_shown.png"))
    session.acknowledge_cue()
    qtbot.waitUntil(lambda: window.press_label.text() == "Acknowledged")
    window.grab().save(str(screens_dir / "partner_window_acknowledged.png"))


def test_the_partner_window_takes_a_pasted_address(
    qtbot: QtBot, meeting: tuple[StandInSession, PartnerLinkServer], screens_dir: Path
) -> None:
    _, server = meeting
    window = PartnerWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.url_field.setText("http://192.168.1.20/p/oops")
    qtbot.mouseClick(window.connect_button, Qt.MouseButton.LeftButton)
    assert window.problem_label.isVisible()
    assert window.client is None
    window.grab().save(str(screens_dir / "partner_window_paste.png"))

    window.url_field.setText(server.pairing_url())
    qtbot.keyClick(window.url_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.link_label.text() == "Connected")
    assert not window.problem_label.isVisible()


def test_a_press_made_offline_is_delivered_once_when_the_link_returns(
    qtbot: QtBot, meeting: tuple[StandInSession, PartnerLinkServer]
) -> None:
    session, server = meeting
    client = PartnerLinkClient(server.pairing_url())
    client.start()
    try:
        qtbot.waitUntil(lambda: client.link_state == "connected")
        server.stop()
        qtbot.waitUntil(lambda: client.link_state == "offline")
        client.press("calm")
        assert client.last_press_state is PressState.PENDING
        server.start()
        qtbot.waitUntil(lambda: client.last_press_state is PressState.SHOWN, timeout=8000)
        assert len(session.recorded) == 1
        # Reconnecting again asks where it got to; it is not shown a second time.
        server.stop()
        qtbot.waitUntil(lambda: client.link_state == "offline")
        server.start()
        qtbot.waitUntil(lambda: client.link_state == "connected", timeout=8000)
        session.acknowledge_cue()
        qtbot.waitUntil(lambda: client.last_press_state is PressState.ACKNOWLEDGED)
        assert len(session.recorded) == 1
    finally:
        client.stop()


def test_a_press_offline_too_long_is_reported_not_delivered(
    qtbot: QtBot, meeting: tuple[StandInSession, PartnerLinkServer]
) -> None:
    session, server = meeting
    client = PartnerLinkClient(server.pairing_url(), stale_after_ms=300)
    client.start()
    try:
        qtbot.waitUntil(lambda: client.link_state == "connected")
        server.stop()
        qtbot.waitUntil(lambda: client.link_state == "offline")
        client.press("calm")
        qtbot.waitUntil(lambda: client.last_press_state is PressState.UNDELIVERED)
        server.start()
        qtbot.waitUntil(lambda: client.link_state == "connected", timeout=8000)
        assert session.recorded == []
        assert client.last_press_state is PressState.UNDELIVERED
    finally:
        client.stop()


def test_the_partner_window_shows_the_users_request_and_answers_it(
    qtbot: QtBot, meeting: tuple[StandInSession, PartnerLinkServer], screens_dir: Path
) -> None:
    session, server = meeting
    windows = [PartnerWindow(server.pairing_url()) for _ in range(2)]
    for window in windows:
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: server.partner_count == 2)
    first = windows[0]
    assert first.request_box.isHidden()

    request_id = session.ask_partner("step_in")
    for window in windows:
        qtbot.waitUntil(lambda window=window: window.request_box.isVisible())
    assert first.request_label.text() == "Step in"
    assert first.request_words.text() == "Please take over for a moment"
    assert first.answer_button.text() == "OK, stepping in"
    first.grab().save(str(screens_dir / "partner_window_request.png"))

    qtbot.mouseClick(first.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: session.answered == [request_id])
    # Both partners see it answered: the second need not step in as well.
    for window in windows:
        qtbot.waitUntil(
            lambda window=window: window.request_box.property("state") == "acknowledged"
        )
        assert window.answer_button.isHidden()
        assert window.request_label.text() == "Acknowledged — they know you're stepping in"
    first.grab().save(str(screens_dir / "partner_window_request_answered.png"))
    assert server.open_request is None


def test_an_answer_given_offline_is_sent_when_the_link_returns(
    qtbot: QtBot, meeting: tuple[StandInSession, PartnerLinkServer]
) -> None:
    session, server = meeting
    client = PartnerLinkClient(server.pairing_url())
    requests: list[str] = []
    client.requestReceived.connect(lambda request: requests.append(request.message_id))
    client.start()
    try:
        qtbot.waitUntil(lambda: client.link_state == "connected")
        server.stop()
        qtbot.waitUntil(lambda: client.link_state == "offline")
        request_id = session.ask_partner("moment")  # waits in the server for a partner
        server.start()
        qtbot.waitUntil(lambda: requests == [request_id], timeout=8000)
        server.stop()
        qtbot.waitUntil(lambda: client.link_state == "offline")
        client.acknowledge_request(request_id)  # tapped while the Wi-Fi was away
        assert session.answered == []
        server.start()
        qtbot.waitUntil(lambda: session.answered == [request_id], timeout=8000)
        qtbot.waitUntil(lambda: client.open_request is None)
        assert requests == [request_id]  # the repeat on reconnect was not shown again
    finally:
        client.stop()


def test_the_partner_window_says_meeting_ended_and_stops_reconnecting(
    qtbot: QtBot, meeting: tuple[StandInSession, PartnerLinkServer], screens_dir: Path
) -> None:
    session, server = meeting
    window = PartnerWindow(server.pairing_url())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.link_label.text() == "Connected")
    qtbot.waitUntil(lambda: list(window.cue_buttons) == ["calm", "slow"])
    client = window.client
    assert client is not None
    states: list[str] = []
    client.linkStateChanged.connect(states.append)

    port = server.port
    session.meetingEnded.emit()  # attach_partner_link ends the link with the meeting
    qtbot.waitUntil(lambda: window.link_label.text() == "Meeting ended")
    assert states == ["ended"]  # never "offline", never "connecting" again
    assert not any(button.isEnabled() for button in window.cue_buttons.values())
    assert window.press_label.text() == "The meeting has ended. You can close this window."
    window.grab().save(str(screens_dir / "partner_window_meeting_ended.png"))

    # A new meeting on the same port: the ended partner does not knock on its door.
    later = PartnerLinkServer(session.cues, bind_address="127.0.0.1", port=port)
    later.start()
    try:
        qtbot.wait(3000)  # longer than the first few back-offs
        assert later.partner_count == 0 and later.dropped.total == 0
        assert states == ["ended"]
    finally:
        later.end()
