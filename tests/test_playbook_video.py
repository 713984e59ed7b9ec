"""Playbooks for video calls: the ``video`` words of a step and steps ``only`` for one kind
of meeting, checked like the rest, and the shipped playbooks' video words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.meeting_terms import MeetingMode
from app.domain.playbook import Playbook, PlaybookError
from app.domain.playbook_file import load_playbook
from app.domain.playbook_parser import parse_playbook

from .conftest import REPO_ROOT

SHIPPED_FILES = sorted((REPO_ROOT / "playbooks").glob("*.toml"))
GLANCE_CHARS = 60  # as for the in-person words: a live "do" line reads in about a second

BASE = """\
format = 1
id = "video-example"
title = "Video example"
summary = "In the same room."

[video]
summary = "On a call."

[[source]]
title = "A source"
author = "An author"

[[prepare]]
key = "phone-away"
title = "Leave your phone behind"
do = "Phone off, in your bag."
detail = "Nothing competes with the client."

[prepare.video]
title = "Notifications off"
do = "Silence every banner."

[[prepare]]
key = "camera"
only = "video"
title = "Camera at eye level"
do = "Raise the camera."

[[during]]
key = "listen"
title = "Listen"
do = "Let them talk."
say = ["Go on."]
avoid = ["Interrupting"]

[during.video]
avoid = ["Reading mail while they talk"]

[[during]]
key = "agree"
title = "Agree"
do = "Agree the next step."
video.do = "Agree the next step; put it in the chat."
loop_back = { when = "They push back", to = "listen" }
"""


def parse(text: str) -> Playbook:
    return parse_playbook(text, Path("video.toml"))


def problems(text: str) -> list[str]:
    with pytest.raises(PlaybookError) as caught:
        parse(text)
    return [str(problem) for problem in caught.value.problems]


def line_of(text: str, fragment: str, after: int = 0) -> int:
    lines = text.splitlines()
    for number in range(after, len(lines)):
        if fragment in lines[number]:
            return number + 1
    raise AssertionError(fragment)


def test_each_mode_reads_its_own_words() -> None:
    book = parse(BASE)
    person = book.for_mode(MeetingMode.IN_PERSON)
    video = book.for_mode(MeetingMode.VIDEO)

    assert person.summary == "In the same room." and video.summary == "On a call."
    assert [s.title for s in person.prepare] == ["Leave your phone behind"]
    assert [s.title for s in video.prepare] == ["Notifications off", "Camera at eye level"]
    # A video table replaces only what it names.
    assert video.prepare[0].do == "Silence every banner."
    assert video.prepare[0].detail == "Nothing competes with the client."
    assert video.during[0].do == "Let them talk." and video.during[0].say == ("Go on.",)
    assert video.during[0].avoid == ("Reading mail while they talk",)
    assert person.during[0].avoid == ("Interrupting",)
    # The dotted form is the same table.
    assert video.during[1].do == "Agree the next step; put it in the chat."
    assert video.during[1].loop_back == person.during[1].loop_back
    assert book.has_video_variant
    assert all(step.video is None for step in video.all_steps)


def test_a_typo_in_a_video_table_names_file_line_and_field() -> None:
    text = BASE.replace('title = "Notifications off"', 'tilte = "Notifications off"')
    line = line_of(text, "tilte =")
    assert problems(text) == [
        f"video.toml:{line}: prepare[phone-away].video.tilte: unknown field (did you mean 'title'?)"
    ]


def test_video_words_have_the_same_limits() -> None:
    long_do = "x" * 91
    text = BASE.replace("Silence every banner.", long_do)
    line = line_of(text, long_do)
    assert problems(text) == [
        f"video.toml:{line}: prepare[phone-away].video.do: is 91 characters; "
        "keep it under 90 so it reads at a glance"
    ]


def test_a_dotted_video_field_of_the_wrong_type_is_found_on_its_line() -> None:
    text = BASE.replace('video.do = "Agree the next step; put it in the chat."', "video.do = 3")
    assert problems(text) == [
        f"video.toml:{line_of(text, 'video.do = 3')}: during[agree].video.do: "
        "must be text, not a number"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            '[during.video]\navoid = ["Reading mail while they talk"]\n',
            "[during.video]\n",
            "during[listen].video: is empty: say what changes on a video call, or leave it out",
        ),
        (
            'only = "video"',
            'only = "zoom"',
            "prepare[camera].only: must be one of 'in_person', 'video', not 'zoom'",
        ),
        (
            'summary = "On a call."',
            'summry = "On a call."',
            "video.summry: unknown field (did you mean 'summary'?)",
        ),
        (
            '[[during]]\nkey = "listen"\n',
            '[[during]]\nkey = "listen"\nonly = "in_person"\n',
            "during[listen].video: a step only for meetings in person has no video words",
        ),
    ],
)
def test_each_video_mistake_is_named(old: str, new: str, expected: str) -> None:
    text = BASE.replace(old, new)
    assert text != BASE
    found = problems(text)
    assert any(problem.endswith(expected) for problem in found), found


def test_a_loop_back_may_not_lead_to_a_step_the_meeting_does_not_have() -> None:
    text = BASE.replace(
        '[[during]]\nkey = "listen"\n', '[[during]]\nkey = "listen"\nonly = "video"\n'
    ).replace('[during.video]\navoid = ["Reading mail while they talk"]\n', "")
    found = problems(text)
    assert found == [
        f"video.toml:{line_of(text, 'loop_back')}: during[agree].loop_back.to: goes back to "
        "step 'listen', which a meeting in person does not have"
    ]


def test_each_kind_of_meeting_keeps_a_live_step() -> None:
    text = BASE.replace(
        '[[during]]\nkey = "listen"\n', '[[during]]\nkey = "listen"\nonly = "video"\n'
    ).replace('do = "Agree the next step."\n', 'do = "Agree the next step."\nonly = "video"\n')
    text = text.replace('loop_back = { when = "They push back", to = "listen" }\n', "")
    text = text.replace('[during.video]\navoid = ["Reading mail while they talk"]\n', "")
    assert any(
        p.endswith("no [[during]] step is left for a meeting in person") for p in problems(text)
    )


# No control characters: raw DEL is not valid TOML, and JSON leaves it raw.
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=120)
_FIELD_VALUES = {
    "title": _TEXT,
    "do": _TEXT,
    "detail": _TEXT,
    "say": st.lists(_TEXT, max_size=3),
    "avoid": st.lists(_TEXT, max_size=3),
    "key": _TEXT,
    "sya": _TEXT,
    "loop_back": _TEXT,
}


def _toml_value(value: object) -> str:
    import json

    # JSON strings and arrays of strings are valid TOML basic strings and arrays.
    return json.dumps(value, ensure_ascii=False)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.dictionaries(st.sampled_from(sorted(_FIELD_VALUES)), st.just(None), max_size=5).flatmap(
        lambda chosen: st.fixed_dictionaries({name: _FIELD_VALUES[name] for name in chosen})
    )
)
def test_fuzz_video_tables(variant: dict[str, object]) -> None:
    """Any video table either loads with exactly its words, or is refused naming it."""
    body = "".join(f"{name} = {_toml_value(value)}\n" for name, value in variant.items())
    text = BASE.replace(
        '[during.video]\navoid = ["Reading mail while they talk"]\n', f"[during.video]\n{body}"
    )
    try:
        book = parse(text)
    except PlaybookError as refused:
        assert refused.problems
        assert all("during[listen].video" in str(problem) for problem in refused.problems)
        return
    step = book.for_mode(MeetingMode.VIDEO).during[0]
    person = book.for_mode(MeetingMode.IN_PERSON).during[0]
    for name in ("title", "do", "detail"):
        expected = variant[name].strip() if name in variant else getattr(person, name)  # type: ignore[union-attr]
        assert getattr(step, name) == expected
    for name in ("say", "avoid"):
        if name in variant:
            lines = tuple(line.strip() for line in variant[name] if line.strip())  # type: ignore[union-attr]
            assert getattr(step, name) == lines
        else:
            assert getattr(step, name) == getattr(person, name)
    assert step.key == "listen"


# --- the shipped playbooks ---------------------------------------------------------------

IN_PERSON_ONLY_WORDS = (
    "in person",
    "face-to-face",
    "in the car",
    "leave your phone",
    "go to them",
)


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.stem)
def test_each_shipped_playbook_reads_right_on_a_video_call(path: Path) -> None:
    book = load_playbook(path)
    assert book.has_video_variant
    video = book.for_mode(MeetingMode.VIDEO)
    person = book.for_mode(MeetingMode.IN_PERSON)
    assert [s.key for s in person.all_steps] == [
        s.key for s in book.all_steps if s.only is not MeetingMode.VIDEO
    ]
    assert person.during == book.during  # in person, nothing changes
    words = " ".join(
        [video.summary]
        + [
            f"{s.title} {s.do} {s.detail} {' '.join(s.say)} {' '.join(s.avoid)}"
            for s in video.all_steps
        ]
    ).lower()
    for phrase in IN_PERSON_ONLY_WORDS:
        assert phrase not in words, f"{path.stem}: '{phrase}' on a video call"
    assert "camera" in words and "notification" in words
    for step in video.during:
        assert len(step.do) <= GLANCE_CHARS, f"{step.key}: video do line too long for a glance"
        assert step.say or step.avoid
    for step in video.prepare:
        assert step.detail, f"{step.key}: preparation steps explain themselves"
    assert video.sources == book.sources  # credit stays by title and author


def test_the_partner_is_on_the_call_and_signals_through_the_phone_page() -> None:
    book = load_playbook(REPO_ROOT / "playbooks" / "client-lashes-out.toml")
    partner = book.for_mode(MeetingMode.VIDEO).step("bring-a-partner")
    assert "call" in partner.title.lower()
    assert "phone page" in partner.do and "chat" in partner.detail


def test_check_names_a_video_mistake_with_file_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    text = BASE.replace('do = "Silence every banner."', 'sya = ["typo"]')
    broken.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "app",
            "--data-dir",
            str(tmp_path / "d"),
            "playbook",
            "check",
            str(broken),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO_ROOT,
        check=False,
    )
    assert result.returncode == 1
    assert result.stdout.strip() == (
        f"{broken}:{line_of(text, 'sya =')}: prepare[phone-away].video.sya: "
        "unknown field (did you mean 'say'?)"
    )
