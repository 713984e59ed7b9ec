"""Playbooks in more than one language: old files unchanged, a language chosen field by field,
every mistake in a translation named with file, line and field, and the built-ins in German."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.domain.meeting_terms import MeetingMode
from app.domain.playbook import Playbook, PlaybookError
from app.domain.playbook_checker import DO_MAX_CHARS, TITLE_MAX_CHARS
from app.domain.playbook_file import load_playbook
from app.domain.playbook_parser import parse_playbook
from app.playbooks import load_all_playbooks

from .conftest import REPO_ROOT
from .test_cli import run_poise
from .test_playbooks import GLANCE_CHARS, VALID

SHIPPED_FILES = sorted((REPO_ROOT / "playbooks").glob("*.toml"))

GERMAN = """\
format = 1
id = "missed-deadline"
title = "A missed deadline"
summary = "Own the slip, hear the impact, agree a new date."

[video]
summary = "Cameras on: own the slip, agree a new date."

[de]
title = "Eine verpasste Frist"
summary = "Zum Verzug stehen, die Folgen anhören, einen neuen Termin finden."
video.summary = "Kameras an: zum Verzug stehen, neuen Termin finden."

[[source]]
title = "A source"
author = "An author"

[[during]]
key = "listen"
title = "Listen first"
do = "Let them describe the impact."
say = ["Tell me what this has cost you."]
avoid = ["Well, the reason was…"]
detail = "They need to be heard first."

[during.video]
do = "Look at the camera; let them describe the impact."

[during.de]
title = "Erst zuhören"
do = "Die Folgen schildern lassen."
say = ["Was hat Sie das gekostet?"]
avoid = ["Na ja, der Grund war…"]
detail = "Erst müssen sie sich gehört fühlen."

[during.de.video]
do = "In die Kamera schauen; die Folgen schildern lassen."

[[during]]
key = "agree-date"
title = "Agree the new date"
do = "Ask what date would work for them."
say = ["What date would work on your side?"]
loop_back = { when = "They reject every date", to = "listen" }

[during.de]
title = "Neuen Termin vereinbaren"
do = "Fragen, welcher Termin für sie passt."
say = ["Welcher Termin passt bei Ihnen?"]
loop_back = { when = "Jeder Termin wird abgelehnt" }
"""


def parse(text: str, name: str = "book.toml") -> Playbook:
    return parse_playbook(text, Path(name))


def problems_of(text: str) -> list[tuple[str, str, int | None]]:
    with pytest.raises(PlaybookError) as raised:
        parse(text)
    return [(p.field, p.message, p.line) for p in raised.value.problems]


def line_of(text: str, fragment: str, after: str = "") -> int:
    start = text.index(after) if after else 0
    return text[: text.index(fragment, start)].count("\n") + 1


# --- old files ------------------------------------------------------------------------------


def test_a_file_without_languages_loads_as_before_and_reads_the_same_in_any_language() -> None:
    book = parse(VALID)
    assert book.language == "en" and book.languages == ("en",)
    assert book.warnings == () and book.texts == ()
    for code in ("de", "en", "fr_FR.UTF-8", ""):
        shown = book.in_language(code)
        assert shown == book, code
        assert shown.fell_back == ()


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.stem)
def test_the_english_of_a_built_in_is_what_it_was(path: Path) -> None:
    book = load_playbook(path)
    english = book.in_language("en")
    assert (english.title, english.summary) == (book.title, book.summary)
    for mine, theirs in zip(english.all_steps, book.all_steps, strict=True):
        assert (mine.title, mine.do, mine.say, mine.avoid, mine.detail, mine.video) == (
            theirs.title,
            theirs.do,
            theirs.say,
            theirs.avoid,
            theirs.detail,
            theirs.video,
        )


# --- choosing a language -------------------------------------------------------------------


@pytest.mark.parametrize("code", ["de", "de_DE.UTF-8", "de-AT", "de-Latn-DE", "DE"])
def test_german_is_chosen_for_a_german_code(code: str) -> None:
    german = parse(GERMAN).in_language(code)
    assert german.language == "de"
    assert german.title == "Eine verpasste Frist"
    assert german.summary.startswith("Zum Verzug stehen")
    listen, agree = german.during
    assert (listen.title, listen.do) == ("Erst zuhören", "Die Folgen schildern lassen.")
    assert listen.say == ("Was hat Sie das gekostet?",)
    assert listen.avoid == ("Na ja, der Grund war…",)
    assert listen.detail == "Erst müssen sie sich gehört fühlen."
    assert agree.loop_back is not None
    assert (agree.loop_back.when, agree.loop_back.to) == ("Jeder Termin wird abgelehnt", "listen")
    assert german.fell_back == ()
    assert german.texts == () and all(step.texts == () for step in german.all_steps)


@pytest.mark.parametrize("code", ["en", "en_GB.UTF-8", "fr", "xx", "C", "POSIX", ""])
def test_english_is_chosen_for_english_or_a_language_the_playbook_lacks(code: str) -> None:
    book = parse(GERMAN)
    shown = book.in_language(code)
    assert shown.language == "en"
    assert shown.title == "A missed deadline"
    assert [step.title for step in shown.during] == ["Listen first", "Agree the new date"]
    assert shown.fell_back == ()


def test_the_video_words_follow_the_language_in_either_order() -> None:
    book = parse(GERMAN)
    for video in (
        book.in_language("de").for_mode(MeetingMode.VIDEO),
        book.for_mode(MeetingMode.VIDEO).in_language("de"),
    ):
        assert video.summary == "Kameras an: zum Verzug stehen, neuen Termin finden."
        assert video.during[0].do == "In die Kamera schauen; die Folgen schildern lassen."
        assert video.during[0].title == "Erst zuhören"
    person = book.in_language("de").for_mode(MeetingMode.IN_PERSON)
    assert person.during[0].do == "Die Folgen schildern lassen."


def test_each_field_german_lacks_falls_back_to_english_and_is_named() -> None:
    text = (
        GERMAN.replace('do = "Die Folgen schildern lassen."\n', "")
        .replace('detail = "Erst müssen sie sich gehört fühlen."\n', "")
        .replace('loop_back = { when = "Jeder Termin wird abgelehnt" }\n', "")
        .replace(
            '[during.de.video]\ndo = "In die Kamera schauen; die Folgen schildern lassen."\n', ""
        )
    )
    book = parse(text)
    german = book.in_language("de")
    listen, agree = german.during
    assert listen.title == "Erst zuhören"  # what German has, it shows
    assert listen.do == "Let them describe the impact."
    assert listen.detail == "They need to be heard first."
    assert agree.loop_back is not None and agree.loop_back.when == "They reject every date"
    assert listen.video is not None
    assert listen.video.do == "Look at the camera; let them describe the impact."
    assert set(german.fell_back) == {
        "during[listen].do",
        "during[listen].detail",
        "during[listen].video.do",
        "during[agree-date].loop_back.when",
    }
    video = german.for_mode(MeetingMode.VIDEO)
    assert video.during[0].do == "Look at the camera; let them describe the impact."
    # The checker names the same gaps, with the words shown instead, as warnings.
    warned = {(w.field, w.line) for w in book.warnings}
    assert ("during[listen].de.do", line_of(text, "[during.de]")) in warned
    assert {w.field for w in book.warnings} == {
        "during[listen].de.do",
        "during[listen].de.detail",
        "during[listen].de.video.do",
        "during[agree-date].de.loop_back.when",
    }
    do = next(w for w in book.warnings if w.field == "during[listen].de.do")
    assert do.message == "no German text: shows the English 'Let them describe the impact.'"


def test_a_step_without_any_german_table_is_warned_field_by_field_at_its_header() -> None:
    start = GERMAN.index("[during.de]", GERMAN.index('key = "agree-date"'))
    text = GERMAN[:start]
    book = parse(text)
    header = line_of(text, '[[during]]\nkey = "agree-date"')
    assert {(w.field, w.line) for w in book.warnings} == {
        (f"during[agree-date].de.{name}", header)
        for name in ("title", "do", "say", "loop_back.when")
    }
    assert book.in_language("de").during[1].title == "Agree the new date"


# --- every mistake in a translation, with file, line and field ------------------------------


BROKEN_GERMAN = [
    pytest.param(
        GERMAN.replace('[during.de]\ntitle = "Erst', '[during.dx]\ntitle = "Erst'),
        "during[listen].dx",
        "unknown language code 'dx'",
        "[during.dx]",
        id="unknown-code",
    ),
    pytest.param(
        GERMAN.replace("[de]\n", "[zz]\n"),
        "zz",
        "unknown language code 'zz'",
        "[zz]",
        id="unknown-code-top",
    ),
    pytest.param(
        GERMAN.replace("format = 1\n", 'format = 1\nlanguage = "english"\n'),
        "language",
        "unknown language code 'english'",
        'language = "english"',
        id="own-language-unknown",
    ),
    pytest.param(
        GERMAN.replace('title = "Erst zuhören"', 'title = "' + "Zuhören" * 10 + '"'),
        "during[listen].de.title",
        f"is 70 characters; keep it under {TITLE_MAX_CHARS}",
        'title = "Zuhören',
        id="title-too-long",
    ),
    pytest.param(
        GERMAN.replace(
            'do = "Die Folgen schildern lassen."', 'do = "' + "x" * (DO_MAX_CHARS + 1) + '"'
        ),
        "during[listen].de.do",
        f"is {DO_MAX_CHARS + 1} characters",
        'do = "xxx',
        id="do-too-long",
    ),
    pytest.param(
        GERMAN.replace(
            'say = ["Welcher Termin passt bei Ihnen?"]',
            'say = ["Welcher Termin?"]\navoid = ["Nie"]',
        ),
        "during[agree-date].de.avoid",
        "translates 'avoid', which this step does not have",
        'avoid = ["Nie"]',
        id="field-the-step-lacks",
    ),
    pytest.param(
        GERMAN.replace('say = ["Welcher Termin passt bei Ihnen?"]', 'video.do = "Kamera an."'),
        "during[agree-date].de.video",
        "translates 'video', which this step does not have",
        'video.do = "Kamera an."',
        id="video-the-step-lacks",
    ),
    pytest.param(
        GERMAN.replace(
            'do = "In die Kamera schauen; die Folgen schildern lassen."',
            'title = "Kamera an"',
        ),
        "during[listen].de.video.title",
        "translates 'title', which this step's video words do not change",
        'title = "Kamera an"',
        id="video-field-the-step-lacks",
    ),
    pytest.param(
        GERMAN.replace(
            'loop_back = { when = "Jeder Termin wird abgelehnt" }',
            'loop_back = { when = "Jeder Termin wird abgelehnt", to = "agree-date" }',
        ),
        "during[agree-date].de.loop_back.to",
        "the step it goes back to is the same in every language",
        'loop_back = { when = "Jeder',
        id="loop-back-target",
    ),
    pytest.param(
        GERMAN.replace('[during.de]\ntitle = "Erst', '[during.de]\ntilte = "Erst'),
        "during[listen].de.tilte",
        "unknown field (did you mean 'title'?)",
        'tilte = "Erst',
        id="typo-in-a-german-field",
    ),
    pytest.param(
        GERMAN.replace('[during.de]\ntitle = "Erst', '[during.en]\ntitle = "Erst'),
        "during[listen].en",
        "is the playbook's own language (en)",
        "[during.en]",
        id="own-language-table",
    ),
    pytest.param(
        GERMAN[: GERMAN.index("[during.de]", GERMAN.index('key = "agree-date"'))]
        + '[[after]]\nkey = "write-up"\ntitle = "Write it up"\ndo = "Send notes."\n\n'
        + '[during.de]\ntitle = "Aufschreiben"\n',
        "during.de",
        "follows [[after]], so it would translate the last [[during]] step",
        '[during.de]\ntitle = "Aufschreiben"',
        id="table-under-another-phase",
    ),
]


@pytest.mark.parametrize(("text", "field", "message", "at"), BROKEN_GERMAN)
def test_each_mistake_in_german_names_file_line_and_field(
    text: str, field: str, message: str, at: str
) -> None:
    with pytest.raises(PlaybookError) as raised:
        parse(text, "deadline.toml")
    matching = [p for p in raised.value.problems if p.field == field]
    assert matching, [str(p) for p in raised.value.problems]
    problem = matching[0]
    assert message in problem.message
    assert problem.line == line_of(text, at), str(problem)
    assert str(problem).startswith(f"deadline.toml:{problem.line}: {field}: ")


# --- poise playbook check, as a user runs it --------------------------------------------------


def run_check(*files: Path, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return run_poise("playbook", "check", *(str(f) for f in files), data_dir=data_dir)


def check_german(
    text: str, tmp_path: Path, data_dir: Path
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    path = tmp_path / "deadline.toml"
    path.write_text(text, encoding="utf-8")
    return path, run_check(path, data_dir=data_dir)


def test_check_warns_about_german_gaps_and_still_passes(tmp_path: Path, data_dir: Path) -> None:
    text = GERMAN.replace('detail = "Erst müssen sie sich gehört fühlen."\n', "")
    path, result = check_german(text, tmp_path, data_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{path}: ok (missed-deadline, 2 steps, with video-call words, in en, de)"
    assert lines[1:] == [
        f"warning: {path}:{line_of(text, '[during.de]')}: during[listen].de.detail: "
        "no German text: shows the English 'They need to be heard first.'"
    ]


def test_check_fails_on_a_broken_german_part(tmp_path: Path, data_dir: Path) -> None:
    text = GERMAN.replace('[during.de]\ntitle = "Erst', '[during.dx]\ntitle = "Erst')
    path, result = check_german(text, tmp_path, data_dir)
    assert result.returncode == 1, result.stdout + result.stderr
    assert (
        f"{path}:{line_of(text, '[during.dx]')}: during[listen].dx: unknown language code 'dx'"
        in (result.stdout)
    )


def test_the_built_ins_check_clean_in_english_and_german(data_dir: Path) -> None:
    result = run_check(*SHIPPED_FILES, data_dir=data_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" not in result.stdout + result.stderr
    assert result.stdout.count(", in en, de)") == len(SHIPPED_FILES) >= 4


# --- the built-ins in German -------------------------------------------------------------------


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.stem)
def test_a_built_in_is_wholly_german_and_reads_at_a_glance(path: Path) -> None:
    book = load_playbook(path)
    assert book.languages == ("en", "de") and book.warnings == ()
    for mode in MeetingMode:
        english = book.for_mode(mode)
        german = book.in_language("de").for_mode(mode)
        assert german.fell_back == ()
        assert german.sources == book.sources, "the credits stay as the articles are titled"
        assert german.title != english.title and german.summary != english.summary
        assert [s.key for s in german.all_steps] == [s.key for s in english.all_steps]
        for mine, theirs in zip(german.all_steps, english.all_steps, strict=True):
            assert mine.title != theirs.title and mine.do != theirs.do, mine.key
            assert len(mine.say) == len(theirs.say) and len(mine.avoid) == len(theirs.avoid)
            assert bool(mine.detail) == bool(theirs.detail)
            assert len(mine.title) <= TITLE_MAX_CHARS
        for step, own in zip(german.during, english.during, strict=True):
            # The same glance as the English: a live "do" line reads in about a second.
            assert len(step.do) <= GLANCE_CHARS, f"{step.key}: {step.do!r}"
            if own.loop_back is not None:
                assert step.loop_back is not None and step.loop_back.when != own.loop_back.when


def test_the_library_shows_german_when_asked() -> None:
    german = load_all_playbooks("de_DE.UTF-8")
    english = load_all_playbooks()
    assert german.titles()["client-crisis"] == "Eine Kundenkrise"
    assert english.titles()["client-crisis"] == "A client crisis"
    assert german.problems == english.problems
