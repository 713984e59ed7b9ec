"""A playbook's own debrief questions: read from the file in each of its languages, kept
through the meeting's mode, and checked by ``poise playbook check`` (run as a user runs
it, in a child process) with the file and the field named."""

from __future__ import annotations

from pathlib import Path

from app.domain.meeting_terms import MeetingMode
from app.domain.partner_watch import (
    MAX_DEBRIEF_QUESTION_CHARS,
    MAX_DEBRIEF_QUESTIONS,
    debrief_questions_for,
)
from app.domain.playbook_file import load_playbook

from .conftest import REPO_ROOT
from .test_cli import run_poise

HEAD = (
    'format = 1\nid = "x"\ntitle = "X"\nsummary = "s"\n'
    "{debrief}"
    '[de]\ntitle = "X"\nsummary = "s"\n{de_debrief}'
    '[[source]]\ntitle = "T"\nauthor = "A"\n'
    '[[during]]\nkey = "listen"\ntitle = "Listen"\ndo = "Listen."\n'
    '[during.de]\ntitle = "Zuhören"\ndo = "Zuhören."\n'
)


def playbook_file(tmp_path: Path, debrief: str, de_debrief: str = "") -> Path:
    path = tmp_path / "debrief.toml"
    path.write_text(HEAD.format(debrief=debrief, de_debrief=de_debrief), encoding="utf-8")
    return path


def test_the_shipped_playbook_asks_its_own_questions_in_english_and_german() -> None:
    playbook = load_playbook(REPO_ROOT / "playbooks" / "client-lashes-out.toml")
    assert playbook.after[-1].key == "debrief-partner"
    assert playbook.debrief_questions[0] == "When did they tense up, and what gave it away?"
    video = playbook.for_mode(MeetingMode.VIDEO)
    assert debrief_questions_for(video) == playbook.debrief_questions
    german = playbook.in_language("de").for_mode(MeetingMode.IN_PERSON)
    assert german.debrief_questions[1] == "Kam das Signal rechtzeitig an, und hat es gewirkt?"
    assert len(german.debrief_questions) == len(playbook.debrief_questions)
    assert playbook.for_mode(MeetingMode.VIDEO).in_language("de").debrief_questions == (
        german.debrief_questions
    )


def test_a_language_without_the_questions_falls_back_and_check_warns(tmp_path: Path) -> None:
    path = playbook_file(tmp_path, 'debrief_questions = ["Did I rush?"]\n')
    playbook = load_playbook(path)
    assert playbook.in_language("de").debrief_questions == ("Did I rush?",)
    assert "debrief_questions" in playbook.in_language("de").fell_back
    assert [w.field for w in playbook.warnings] == ["de.debrief_questions"]


def test_check_names_the_file_and_field_of_too_many_or_too_long_questions(
    tmp_path: Path, data_dir: Path
) -> None:
    many = ", ".join(f'"Question {n}?"' for n in range(MAX_DEBRIEF_QUESTIONS + 1))
    long = "W" * (MAX_DEBRIEF_QUESTION_CHARS + 1)
    path = playbook_file(
        tmp_path, f"debrief_questions = [{many}]\n", f'debrief_questions = ["Gut?", "{long}"]\n'
    )
    result = run_poise("playbook", "check", str(path), data_dir=data_dir)
    assert result.returncode == 1, result.stdout
    assert sorted(result.stdout.strip().splitlines()) == [
        f"{path}:5: debrief_questions: has {MAX_DEBRIEF_QUESTIONS + 1} questions;"
        f" a partner is asked at most {MAX_DEBRIEF_QUESTIONS}",
        f"{path}:9: de.debrief_questions: question 2 is {MAX_DEBRIEF_QUESTION_CHARS + 1}"
        f" characters; the limit is {MAX_DEBRIEF_QUESTION_CHARS}",
    ]


def test_check_refuses_questions_that_are_not_a_list_of_text(
    tmp_path: Path, data_dir: Path
) -> None:
    path = playbook_file(tmp_path, "debrief_questions = [1, 2]\n")
    result = run_poise("playbook", "check", str(path), data_dir=data_dir)
    assert result.returncode == 1
    assert result.stdout.strip() == f"{path}:5: debrief_questions: must be a list of text lines"
