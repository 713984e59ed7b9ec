"""The partner's second pair of eyes over the LAN link (issue 25): the brief and the step
reach a phone, its observations reach ``session.from_partner`` with the step, once each,
hostile ones change nothing, and the debrief is taken after the meeting until the link
ends. A real live session, the real server, a real WebSocket client on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection

from app.domain.meeting_terms import Cue
from app.domain.partner_watch import (
    MAX_OBSERVATION_CHARS,
    CueMeaning,
    PartnerBrief,
    QuickObservation,
    WarningSign,
    debrief_questions_for,
)
from app.domain.signal_protocol import DropReason
from app.link.server import PartnerLinkServer
from app.ui.live.session import LiveSession
from app.ui.partner.partner_wiring import attach_partner_link
from tests.link.conftest import QtThreadCalls, in_thread
from tests.link.test_link_server import partner, receive
from tests.ui.test_issue14_live import shipped_library

CUES = (Cue("calm", "Calm down", "Breathe."), Cue("slow", "Slow down", "Slower."))
BRIEF = PartnerBrief(
    "Sam",
    "Keep me calm and on the agenda",
    (WarningSign.YES_BUT, "Tapping the pen"),
    (CueMeaning("calm", "Calm down", "When my voice rises"),),
)


@pytest.fixture
def watched_meeting(qtbot: QtBot) -> Iterator[tuple[LiveSession, PartnerLinkServer]]:
    playbook = shipped_library().get("client-lashes-out")
    assert playbook is not None
    session = LiveSession(None, None, playbook, CUES, partner_brief=BRIEF)
    session.start()
    server = PartnerLinkServer(CUES, bind_address="127.0.0.1", parent=session)
    attach_partner_link(session, server, watch=True)
    server.start()
    yield session, server
    if not server.has_ended:
        server.end()


def _observe(message_id: str, kind: str | None = None, words: str = "") -> str:
    return json.dumps({"type": "observe", "id": message_id, "kind": kind, "words": words})


def _answer(message_id: str, question: int, answer: str) -> str:
    return json.dumps({"type": "debrief_answer", "id": message_id, "q": question, "a": answer})


def _until(connection: ClientConnection, kind: str) -> dict:
    """The next message of type ``kind``, skipping others (a status, a where)."""
    while True:
        message = receive(connection)
        if message["type"] == kind:
            return message


def test_a_partner_is_briefed_told_the_step_and_its_observation_is_kept_once(
    qtbot: QtBot, watched_meeting: tuple[LiveSession, PartnerLinkServer]
) -> None:
    session, server = watched_meeting
    url = server.pairing_url()
    qt = QtThreadCalls()

    def on_the_phone() -> dict[str, object]:
        heard: dict[str, object] = {}
        with partner(url) as phone:
            heard["welcome"] = receive(phone)
            heard["brief"] = receive(phone)
            heard["where"] = receive(phone)
            qt.call(session.next_step)
            heard["next"] = receive(phone)
            phone.send(_observe("obs-0000000001", "you_tensed_up", "at the invoice"))
            heard["received"] = receive(phone)
            # Resent after a reconnect: answered again, kept once.
            phone.send(_observe("obs-0000000001", "you_tensed_up", "at the invoice"))
            heard["again"] = receive(phone)
        return heard

    heard = in_thread(qtbot, on_the_phone, qt_calls=qt)
    assert heard["welcome"]["type"] == "welcome"  # type: ignore[index]
    assert heard["brief"] == {
        "type": "brief",
        "role": "Keep me calm and on the agenda",
        "signs": ["Saying \u201cyes, but\u201d", "Tapping the pen"],
        "cues": [{"key": "calm", "label": "Calm down", "meaning": "When my voice rises"}],
        "changed": None,
    }
    steps = session.domain.steps
    assert heard["where"] == {
        "type": "where",
        "index": 0,
        "of": len(steps),
        "title": steps[0].title,
        "elapsed": 0,
    }
    assert heard["next"]["index"] == 1 and heard["next"]["title"] == steps[1].title  # type: ignore[index]
    received = {"type": "status", "id": "obs-0000000001", "state": "received"}
    assert heard["received"] == received and heard["again"] == received
    [observation] = session.from_partner.observations
    assert observation.kind is QuickObservation.YOU_TENSED_UP
    assert observation.words == "at the invoice"
    assert observation.step_key == steps[1].key and observation.step_title == steps[1].title


def test_hostile_observations_change_nothing_and_are_counted(
    qtbot: QtBot, watched_meeting: tuple[LiveSession, PartnerLinkServer]
) -> None:
    session, server = watched_meeting
    url = server.pairing_url()

    def on_the_phone() -> list[dict]:
        answers: list[dict] = []
        with partner(url) as phone:
            _until(phone, "where")
            phone.send(_observe("obs-long000001", None, "x" * (MAX_OBSERVATION_CHARS + 1)))
            answers.append(receive(phone))
            phone.send(_observe("obs-kind000001", "shouting", "loud"))
            answers.append(receive(phone))
            phone.send('{"type":"observe","id":"obs-junk000001","kind":null}')  # nothing said
            answers.append(receive(phone))
            phone.send('{"type":"observe","kind":"you_tensed_up"}')  # no id: only counted
            phone.send(_answer("deb-early00001", 0, "too early"))  # the meeting still runs
            answers.append(receive(phone))
            # The flood: a burst of 5, then one per 3 s.
            for number in range(8):
                phone.send(_observe(f"obs-flood{number:05d}", "real_driver"))
                answers.append(receive(phone))
        return answers

    answers = in_thread(qtbot, on_the_phone)
    states = [(answer["id"], answer["state"]) for answer in answers]
    assert states[:4] == [
        ("obs-long000001", "rejected"),
        ("obs-kind000001", "rejected"),
        ("obs-junk000001", "rejected"),
        ("deb-early00001", "rejected"),
    ]
    assert [state for _, state in states[4:]] == ["received"] * 5 + ["rejected"] * 3
    assert server.dropped[DropReason.TOO_LONG] == 1
    assert server.dropped[DropReason.UNKNOWN_KIND] == 1
    assert server.dropped[DropReason.BAD_FIELD] == 2
    assert server.dropped[DropReason.NOT_NOW] == 1
    assert server.dropped[DropReason.RATE_LIMITED] == 3
    kept = [observation.message_id for observation in session.from_partner.observations]
    assert kept == [f"obs-flood{number:05d}" for number in range(5)]
    assert session.from_partner.debrief == []


def test_the_debrief_is_taken_after_the_meeting_and_refused_once_the_link_ended(
    qtbot: QtBot, watched_meeting: tuple[LiveSession, PartnerLinkServer]
) -> None:
    session, server = watched_meeting
    url = server.pairing_url()
    questions = debrief_questions_for(session.domain.playbook)
    qt = QtThreadCalls()

    def on_the_phone() -> dict[str, object]:
        heard: dict[str, object] = {}
        with partner(url) as phone:
            _until(phone, "where")
            qt.call(lambda: session.end(None))
            heard["debrief"] = _until(phone, "debrief")
            phone.send(_answer("deb-0000000001", 0, "When the invoice came up"))
            heard["answered"] = receive(phone)
            phone.send(_answer("deb-0000000001", 0, "When the invoice came up"))
            heard["again"] = receive(phone)
            phone.send(_answer("deb-0000000002", len(questions), "no such question"))
            heard["unknown"] = receive(phone)
            phone.send(_observe("obs-late000001", "you_tensed_up"))  # the meeting is over
            heard["late"] = receive(phone)
            phone.send('{"type":"press","id":"press-late0001","cue":"calm"}')
            heard["press"] = receive(phone)
            phone.send('{"type":"ping","n":3}')
            heard["pong"] = receive(phone)
        # A partner who (re)joins during the debrief is asked the questions too.
        with partner(url) as second:
            receive(second)
            heard["second"] = _until(second, "debrief")
            qt.call(server.end)  # the summary closed: the debrief is over
            heard["ended"] = _until(second, "ended")
            try:
                second.send(_answer("deb-0000000003", 1, "too late"))
                second.recv(timeout=5)
                heard["after"] = "answered"
            except ConnectionClosed:
                heard["after"] = "closed"
        return heard

    heard = in_thread(qtbot, on_the_phone, qt_calls=qt)
    assert heard["debrief"] == {"type": "debrief", "questions": list(questions)}
    assert heard["second"] == heard["debrief"]
    received = {"type": "status", "id": "deb-0000000001", "state": "received"}
    assert heard["answered"] == received and heard["again"] == received
    assert heard["unknown"] == {"type": "status", "id": "deb-0000000002", "state": "rejected"}
    assert heard["late"] == {"type": "status", "id": "obs-late000001", "state": "rejected"}
    assert heard["press"] == {"type": "status", "id": "press-late0001", "state": "rejected"}
    assert heard["pong"] == {"type": "pong", "n": 3}
    assert heard["after"] == "closed"
    [answer] = session.from_partner.debrief
    assert (answer.question, answer.answer) == (questions[0], "When the invoice came up")
    assert session.from_partner.observations == []
    assert server.dropped[DropReason.UNKNOWN_QUESTION] == 1
    assert server.dropped[DropReason.NOT_NOW] == 2
    assert server.has_ended and not server.is_running
