"""The brief, where the meeting is, observations and the debrief on the wire (issue 25):
valid messages round-trip, every bad field is one ProtocolError naming its counter."""

from __future__ import annotations

import json

import pytest

from app.domain import partner_watch as limits
from app.domain.partner_watch import (
    BriefChanges,
    CueMeaning,
    PartnerBrief,
    QuickObservation,
    WarningSign,
)
from app.domain.signal_protocol import (
    MAX_MESSAGE_BYTES,
    MAX_SERVER_MESSAGE_BYTES,
    Brief,
    DebriefAnswer,
    DebriefQuestions,
    DropReason,
    Observe,
    ProtocolError,
    Where,
    encode,
    parse_client_message,
    parse_server_message,
)
from app.domain.watch_messages import (
    MAX_BRIEF_CUES,
    MAX_CUE_LABEL_CHARS,
    MAX_STEP_TITLE_CHARS,
    brief_for_partner,
    where_for_partner,
)

MESSAGE_ID = "a1b2c3d4e5f60718"
WIDE = "\U0001f600"  # four bytes in UTF-8: the worst case for a frame's size


def _client(fields: dict[str, object]) -> str:
    return json.dumps(fields)


def _observe(**fields: object) -> str:
    return _client({"type": "observe", "id": MESSAGE_ID, "kind": None, "words": "", **fields})


def _answer(**fields: object) -> str:
    return _client({"type": "debrief_answer", "id": MESSAGE_ID, "q": 0, "a": "Early", **fields})


@pytest.mark.parametrize(
    "message",
    [
        Observe(MESSAGE_ID, QuickObservation.YOU_TENSED_UP, ""),
        Observe(MESSAGE_ID, None, "Arms folded since the price came up"),
        Observe(MESSAGE_ID, QuickObservation.REAL_DRIVER, "Budget, not the delay?"),
        DebriefAnswer(MESSAGE_ID, 2, "When they mentioned the invoice \u2014 gleich am Anfang"),
    ],
)
def test_partner_messages_round_trip(message: Observe | DebriefAnswer) -> None:
    assert parse_client_message(encode(message)) == message


@pytest.mark.parametrize(
    "message",
    [
        Brief("Keep me calm", ("Interrupting the client",), (CueMeaning("calm", "Calm", ""),)),
        Brief(
            "",
            (),
            (CueMeaning("slow", "Slow down", "When I talk too fast"),),
            BriefChanges(("Promising a date",), ("Tapping",), True, ("slow",)),
        ),
        Where(0, 5, "Listen without interrupting", 0),
        Where(4, 5, "Agree the next step", 1834),
        DebriefQuestions(("When did they tense up?", "Did the signal reach them in time?")),
    ],
)
def test_poise_messages_round_trip(message: Brief | Where | DebriefQuestions) -> None:
    assert parse_server_message(encode(message)) == message


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        # observe: the kind
        (_observe(kind="shouting"), DropReason.UNKNOWN_KIND),
        (_observe(kind=""), DropReason.UNKNOWN_KIND),
        (_observe(kind=3), DropReason.BAD_FIELD),
        (_observe(kind=["you_tensed_up"]), DropReason.BAD_FIELD),
        # observe: the words
        (_observe(words="x" * (limits.MAX_OBSERVATION_CHARS + 1)), DropReason.TOO_LONG),
        (_observe(kind="you_tensed_up", words=7), DropReason.BAD_FIELD),
        (_observe(words=None), DropReason.BAD_FIELD),
        (_observe(words="\ud800 broken"), DropReason.BAD_FIELD),
        (_observe(kind="you_tensed_up", words="   "), DropReason.BAD_FIELD),
        # observe: neither, or no id, or more than the message has
        (_observe(), DropReason.BAD_FIELD),
        (_observe(words="seen", id="short"), DropReason.BAD_FIELD),
        (_observe(words="seen", id=None), DropReason.BAD_FIELD),
        (_observe(words="seen", step="forged"), DropReason.BAD_FIELD),
        (_observe(words="seen", at="2020-01-01"), DropReason.BAD_FIELD),
        # debrief_answer: the question
        (_answer(q=limits.MAX_DEBRIEF_QUESTIONS), DropReason.UNKNOWN_QUESTION),
        (_answer(q=-1), DropReason.BAD_FIELD),
        (_answer(q="0"), DropReason.BAD_FIELD),
        (_answer(q=True), DropReason.BAD_FIELD),
        (_answer(q=1.5), DropReason.BAD_FIELD),
        # debrief_answer: the answer
        (_answer(a=""), DropReason.BAD_FIELD),
        (_answer(a=" \n "), DropReason.BAD_FIELD),
        (_answer(a=None), DropReason.BAD_FIELD),
        (_answer(a=["Early"]), DropReason.BAD_FIELD),
        (_answer(a="x" * (limits.MAX_DEBRIEF_ANSWER_CHARS + 1)), DropReason.TOO_LONG),
        (_answer(id="not an id!"), DropReason.BAD_FIELD),
        (_answer(question="When?"), DropReason.BAD_FIELD),
        # either: too large as a frame, whatever the fields
        (_observe(words="x" * MAX_MESSAGE_BYTES), DropReason.TOO_LARGE),
        (_client({"type": "observe_all", "id": MESSAGE_ID}), DropReason.UNKNOWN_TYPE),
    ],
)
def test_bad_partner_fields_name_their_counter(raw: str, reason: DropReason) -> None:
    with pytest.raises(ProtocolError) as refused:
        parse_client_message(raw)
    assert refused.value.reason is reason, refused.value


def test_the_longest_answer_in_four_byte_characters_fits_one_frame() -> None:
    answer = DebriefAnswer(
        "f" * 64, limits.MAX_DEBRIEF_QUESTIONS - 1, WIDE * limits.MAX_DEBRIEF_ANSWER_CHARS
    )
    frame = encode(answer)
    assert len(frame.encode("utf-8")) <= MAX_MESSAGE_BYTES
    assert parse_client_message(frame) == answer
    words = Observe(
        "f" * 64, QuickObservation.BODY_LANGUAGE_CLOSED, WIDE * limits.MAX_OBSERVATION_CHARS
    )
    assert parse_client_message(encode(words)) == words


def _worst_brief() -> Brief:
    sign = WIDE * limits.MAX_SIGN_CHARS
    return Brief(
        WIDE * limits.MAX_ROLE_CHARS,
        (sign,) * limits.MAX_SIGNS,
        tuple(
            CueMeaning(
                f"{n}" + "k" * 31, WIDE * MAX_CUE_LABEL_CHARS, WIDE * limits.MAX_CUE_MEANING_CHARS
            )
            for n in range(MAX_BRIEF_CUES)
        ),
        BriefChanges(
            (sign,) * limits.MAX_SIGNS,
            (sign,) * limits.MAX_SIGNS,
            True,
            ("k" * 32,) * MAX_BRIEF_CUES,
        ),
    )


def test_the_longest_brief_and_debrief_fit_the_frame_poise_may_send() -> None:
    brief = _worst_brief()
    frame = encode(brief)
    assert len(frame.encode("utf-8")) <= MAX_SERVER_MESSAGE_BYTES
    assert parse_server_message(frame) == brief
    questions = DebriefQuestions(
        (WIDE * limits.MAX_DEBRIEF_QUESTION_CHARS,) * limits.MAX_DEBRIEF_QUESTIONS
    )
    assert parse_server_message(encode(questions)) == questions


def _brief(**fields: object) -> str:
    base: dict[str, object] = {"type": "brief", "role": "", "signs": [], "cues": []}
    return json.dumps({**base, **fields, "changed": fields.get("changed")})


def _where(**fields: object) -> str:
    return json.dumps(
        {"type": "where", "index": 0, "of": 3, "title": "Open", "elapsed": 5, **fields}
    )


@pytest.mark.parametrize(
    "raw",
    [
        _brief(role="x" * (limits.MAX_ROLE_CHARS + 1)),
        _brief(role=5),
        _brief(signs="Interrupting"),
        _brief(signs=["x"] * (limits.MAX_SIGNS + 1)),
        _brief(signs=[""]),
        _brief(signs=["x" * (limits.MAX_SIGN_CHARS + 1)]),
        _brief(cues=[{"key": "Calm!", "label": "Calm", "meaning": ""}]),
        _brief(cues=[{"key": "calm", "label": "", "meaning": ""}]),
        _brief(cues=[{"key": "calm", "label": "Calm", "meaning": "x" * 121}]),
        _brief(cues=[{"key": f"c{n}", "label": "C", "meaning": ""} for n in range(9)]),
        _brief(cues=["calm"]),
        _brief(changed={"signs_added": [], "signs_removed": [], "role": "yes", "cues": []}),
        _brief(changed={"signs_added": "x", "signs_removed": [], "role": True, "cues": []}),
        _brief(changed={"signs_added": [], "signs_removed": [], "role": True, "cues": ["A B"]}),
        _brief(changed=[]),
        _where(index=3),
        _where(of=0, index=0),
        _where(index=-1),
        _where(title=""),
        _where(title="x" * (MAX_STEP_TITLE_CHARS + 1)),
        _where(elapsed=None),
        _where(elapsed=2.5),
        json.dumps({"type": "debrief", "questions": []}),
        json.dumps({"type": "debrief", "questions": ["Q?"] * (limits.MAX_DEBRIEF_QUESTIONS + 1)}),
        json.dumps(
            {"type": "debrief", "questions": ["x" * (limits.MAX_DEBRIEF_QUESTION_CHARS + 1)]}
        ),
        json.dumps({"type": "debrief", "questions": "When?"}),
        json.dumps({"type": "brief", "role": "x" * (MAX_SERVER_MESSAGE_BYTES + 1)}),
    ],
)
def test_bad_poise_fields_are_refused(raw: str) -> None:
    with pytest.raises(ProtocolError):
        parse_server_message(raw)


def test_the_brief_is_sent_in_the_users_words() -> None:
    plan = PartnerBrief(
        "Sam",
        "Keep me calm",
        (WarningSign.YES_BUT, "Tapping the pen"),
        (CueMeaning("calm", "Calm", "When my voice rises"),),
    )
    changes = BriefChanges((WarningSign.YES_BUT,), (WarningSign.RAISED_VOICE,), False, ())
    sent = brief_for_partner(plan, changes)
    assert sent.signs == ("Saying \u201cyes, but\u201d", "Tapping the pen")
    assert sent.changed == BriefChanges(("Saying \u201cyes, but\u201d",), ("A raised voice",))
    assert brief_for_partner(plan, BriefChanges()).changed is None
    assert parse_server_message(encode(sent)) == sent


def test_a_long_step_title_is_cut_to_fit() -> None:
    where = where_for_partner(1, 4, "Listen " * 40, 61.9)
    assert len(where.title) <= MAX_STEP_TITLE_CHARS and where.title.endswith("n\u2026")
    assert where.elapsed == 61
    assert parse_server_message(encode(where)) == where


def test_a_refused_observation_or_answer_names_its_message_id() -> None:
    for raw in (_observe(kind="shouting"), _answer(a=""), _answer(q=99)):
        with pytest.raises(ProtocolError) as refused:
            parse_client_message(raw)
        assert refused.value.message_id == MESSAGE_ID
    with pytest.raises(ProtocolError) as no_id:
        parse_client_message(_observe(id="bad id", words="seen"))
    assert no_id.value.message_id is None
