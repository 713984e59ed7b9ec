"""The partner link inside real meetings: the app's own flow, live window and SQLite store.

Issue 5's promise is checked on a real port: nothing listens unless a meeting is live and
the link is on, it stops when the meeting ends, and the secret dies with the meeting.
Issue 8's request goes out over a real WebSocket and the partner's "OK" comes back.
"""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from websockets.exceptions import ConnectionClosed

from app.domain.signal_protocol import DropReason
from app.link.expired_link import answering_ports
from app.link.server import LinkError
from app.store.records import TimelineKind
from tests.link.conftest import QtThreadCalls, RealMeeting, in_thread, is_listening
from tests.link.test_link_server import http_get, partner, receive


def shoot(widget: object, path: Path) -> None:
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    assert widget.grab().save(str(path)), path  # type: ignore[attr-defined]


def test_the_link_listens_only_while_a_meeting_is_live_and_the_link_is_on(
    qtbot: QtBot, real_meeting: RealMeeting, screens_dir: Path
) -> None:
    port = real_meeting.port
    assert not is_listening(port)  # no meeting yet

    session, window = real_meeting.start()
    server = real_meeting.link.server
    assert server is not None and not server.is_running
    assert not is_listening(port)  # a live meeting, but the link is off
    assert window.partner_link_action.isVisible()

    real_meeting.link_on()  # one step: on, and the panel beside the live window
    pairing = real_meeting.link.pairing_window
    assert pairing is not None and pairing.isVisible()
    assert not pairing.isModal()
    assert pairing.panel.toggle.isChecked()
    assert is_listening(port)
    url = server.pairing_url()
    assert url.startswith(f"http://127.0.0.1:{port}/p/")
    status, _headers, _body = in_thread(qtbot, lambda: http_get(url))
    assert status == 200
    shoot(pairing, screens_dir / "pairing_window_on.png")

    # A partner joins: the live window says so, discreetly.
    def join_and_leave() -> None:
        with partner(url) as connection:
            connection.send(json.dumps({"type": "hello", "client": "phone"}))
            assert receive(connection)["type"] == "welcome"
            qt.call(lambda: qtbot.waitUntil(lambda: window.partner_status.count == 1))

    qt = QtThreadCalls()
    in_thread(qtbot, join_and_leave, qt_calls=qt)
    qtbot.waitUntil(lambda: window.partner_status.count == 0)

    # Off and on again keeps the address (a partner's open page keeps working).
    pairing.panel.toggle.click()
    assert not is_listening(port)
    pairing.panel.toggle.click()
    assert is_listening(port) and server.pairing_url() == url

    real_meeting.end()
    # Only the "This link has expired" answer is left there (app.link.expired_link).
    assert port in answering_ports()
    status, _headers, body = in_thread(qtbot, lambda: http_get(url))
    assert status == 404 and b"This link has expired" in body
    assert server.has_ended and not server.is_running
    with pytest.raises(LinkError):
        server.pairing_url()
    with pytest.raises(LinkError):
        server.start()  # the secret is gone: this meeting's address can never work again
    assert real_meeting.link.pairing_window is None
    assert not session.domain.is_running

    # The next meeting has a new link with a new secret, off again until turned on.
    real_meeting.start(client="Acme")
    next_server = real_meeting.link.server
    assert next_server is not None and next_server is not server
    assert not next_server.is_running and not is_listening(port)
    real_meeting.link_on()
    assert next_server.pairing_url() != url
    status, _headers, _body = in_thread(qtbot, lambda: http_get(url))
    assert status == 404
    real_meeting.end()
    assert port in answering_ports()


def test_asking_the_partner_to_step_in_over_a_real_websocket(
    qtbot: QtBot, real_meeting: RealMeeting, screens_dir: Path
) -> None:
    session, window = real_meeting.start()
    server = real_meeting.link_on()
    url = server.pairing_url()
    answers: list[tuple[str, str]] = []
    session.partnerAnswered.connect(lambda message_id, state: answers.append((message_id, state)))

    # Asked before any partner is there: the next partner to join still gets it.
    with qtbot.waitSignal(session.partnerAsked, timeout=5000) as asked:
        window.ask_partner("step_in")
    request_id, key = asked.args
    assert key == "step_in"
    assert server.open_request is not None and server.open_request.message_id == request_id
    qt = QtThreadCalls()
    told: list[str] = []

    def on_the_phone() -> list[dict]:
        heard: list[dict] = []
        with partner(url) as connection:
            connection.send(json.dumps({"type": "hello", "client": "phone"}))
            heard.append(receive(connection))  # welcome
            heard.append(receive(connection))  # the open request
            heard.append(receive(connection))  # where the meeting is (issue 25)
            # An "OK" to a request that does not exist is only counted.
            connection.send(json.dumps({"type": "request_ack", "id": "0" * 32}))
            connection.send(json.dumps({"type": "request_ack", "id": request_id}))
            heard.append(receive(connection))
            qt.call(lambda: qtbot.waitUntil(lambda: len(answers) == 1))
            told.append(qt.call(lambda: window.toast.text))
            qt.call(lambda: qtbot.waitUntil(lambda: window.toast.opacity >= 1.0))
            qt.call(lambda: shoot(window, screens_dir / "live_window_partner_answer.png"))
            # Said twice (a second tap, a reconnect): answered again, stamped once.
            connection.send(json.dumps({"type": "request_ack", "id": request_id}))
            heard.append(receive(connection))
            # A new request reaches the partner already connected, straight away.
            qt.call(lambda: window.ask_partner("moment"))
            heard.append(receive(connection))
        return heard

    welcome, request, where, answered, answered_again, second = in_thread(
        qtbot, on_the_phone, qt_calls=qt
    )
    assert welcome["type"] == "welcome"
    assert where["type"] == "where" and where["index"] == 0
    assert request == {
        "type": "request",
        "id": request_id,
        "key": "step_in",
        "label": "Step in",
        "words": "Please take over for a moment",
        "answer": "OK, stepping in",
        "answered": "Acknowledged — they know you're stepping in",
    }
    assert answered == {"type": "status", "id": request_id, "state": "acknowledged"}
    assert answered_again == answered
    assert second["type"] == "request" and second["key"] == "moment"
    assert second["words"] == "Keep things going while I collect myself"
    assert answers == [(request_id, "acknowledged")]
    assert server.dropped[DropReason.UNKNOWN_REQUEST] == 1
    assert told == ["Partner is stepping in"]

    real_meeting.end()
    assert real_meeting.store.writer.flush(5)
    detail = real_meeting.store.service.load_meeting(session.meeting_id)
    stamps = [(line.text, line.at) for line in detail.stamped_lines]
    assert [text for text, _ in stamps] == [
        "You asked your partner to step in",
        "Your partner is stepping in",
        "You asked your partner for a moment",
    ]
    assert stamps[0][1] <= stamps[1][1] <= stamps[2][1]
    stamped = [e for e in detail.timeline if e.kind is TimelineKind.STAMP]
    assert len(stamped) == 3


def test_an_answer_after_the_meeting_ended_changes_nothing(
    qtbot: QtBot, real_meeting: RealMeeting
) -> None:
    session, window = real_meeting.start()
    real_meeting.link_on()
    with qtbot.waitSignal(session.partnerAsked, timeout=5000) as asked:
        window.ask_partner("step_in")
    real_meeting.end()
    with qtbot.assertNotEmitted(session.partnerAnswered):
        session.record_partner_answer(asked.args[0])
    assert session.ask_partner("step_in")  # an id, and nothing else happens
    with pytest.raises(KeyError):
        session.ask_partner("dance")
    assert real_meeting.store.writer.flush(5)
    lines = real_meeting.store.service.load_meeting(session.meeting_id).stamped_lines
    assert [line.text for line in lines] == ["You asked your partner to step in"]


def test_ending_a_meeting_with_two_partners_connected_raises_nothing(
    qtbot: QtBot, real_meeting: RealMeeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The link server outlives the pairing window it feeds: when the meeting ends, its
    partners leave one by one after the window is gone. Any exception fails the test."""
    raised: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _kind, error, _trace: raised.append(error))
    monkeypatch.setattr(threading, "excepthook", lambda failed: raised.append(failed.exc_value))
    session, window = real_meeting.start()
    server = real_meeting.link_on()
    pairing = real_meeting.link.pairing_window
    assert pairing is not None
    url = server.pairing_url()
    qt = QtThreadCalls()

    def two_partners_until_the_end() -> list[str]:
        closed: list[str] = []
        with partner(url) as first, partner(url) as second:
            for connection in (first, second):
                connection.send(json.dumps({"type": "hello", "client": "phone"}))
                assert receive(connection)["type"] == "welcome"
            qt.call(lambda: qtbot.waitUntil(lambda: window.partner_status.count == 2))
            qt.call(real_meeting.end)
            for name, connection in (("first", first), ("second", second)):
                with pytest.raises(ConnectionClosed):
                    while True:
                        connection.recv(timeout=5)
                closed.append(name)
        return closed

    assert in_thread(qtbot, two_partners_until_the_end, qt_calls=qt) == ["first", "second"]
    qtbot.waitUntil(lambda: server.partner_count == 0)
    # The pairing window goes with the meeting; the partners' goodbyes come after it.
    qtbot.waitUntil(lambda: not shiboken6.isValid(pairing))
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    assert not session.domain.is_running and server.has_ended
    assert raised == []
