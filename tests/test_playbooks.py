"""Playbooks: the shipped files, every kind of error a user can make, fuzzing, the library."""

from __future__ import annotations

import codecs
import json
import re
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.library import Origin
from app.domain.playbook import Phase, Playbook, PlaybookError, Problem, Step
from app.domain.playbook_file import MAX_FILE_BYTES, load_playbook
from app.domain.playbook_parser import parse_playbook
from app.playbooks import load_all_playbooks

from .conftest import REPO_ROOT

SHIPPED_DIR = REPO_ROOT / "playbooks"
SHIPPED_FILES = sorted(SHIPPED_DIR.glob("*.toml"))
SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"
GLANCE_CHARS = 60  # a live "do" line must read in about a second


def shipped(playbook_id: str) -> Playbook:
    return load_playbook(SHIPPED_DIR / f"{playbook_id}.toml")


def keys(steps: tuple[Step, ...]) -> list[str]:
    return [step.key for step in steps]


# --- (a) the shipped playbooks -------------------------------------------------------------


def test_four_playbooks_ship() -> None:
    assert {p.stem for p in SHIPPED_FILES} >= {
        "client-lashes-out",
        "best-at-their-worst",
        "client-crisis",
        "tough-call-prep",
    }


@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.stem)
def test_shipped_playbook_is_valid_and_usable_live(path: Path) -> None:
    book = load_playbook(path)
    assert book.id == path.stem, "file name and id should match so users can find it"
    assert book.sources and all(s.title and s.author for s in book.sources)
    assert book.during
    for step in book.during:
        assert len(step.do) <= GLANCE_CHARS, f"{step.key}: do line too long for a glance"
        assert step.say or step.avoid, f"{step.key}: a live step needs phrases to say or avoid"
    for step in book.prepare:
        assert step.detail, f"{step.key}: preparation steps explain themselves"


def test_shipped_ids_are_unique() -> None:
    ids = [load_playbook(path).id for path in SHIPPED_FILES]
    assert len(ids) == len(set(ids))


def test_client_lashes_out_is_bobkas_ten_steps() -> None:
    book = shipped("client-lashes-out")
    assert [(s.title, s.author, s.year) for s in book.sources] == [
        ("When Clients Lash Out", "Carla Bobka", 2009)
    ]
    # Step 1 (in person), step 10 (partner and signal) and the phone happen before the meeting.
    assert keys(book.prepare) == ["meet-in-person", "bring-a-partner", "phone-away"]
    partner = book.step("bring-a-partner").detail.lower()
    assert all(word in partner for word in ("role", "signal", "gesture", "phrase"))
    assert keys(book.during) == [
        "listen",
        "nod-not-defend",
        "watch-body-language",
        "hear-the-subtext",
        "inquire",
        "restate",
        "explore",
        "agree-next-contact",
    ]
    assert book.after and book.after[0].key == "send-update"


def test_best_at_their_worst_loops_back_to_listening() -> None:
    book = shipped("best-at-their-worst")
    assert book.sources[0].author == "JP Kantor Consulting"
    assert keys(book.during) == [
        "listen-until-heard",
        "accept",
        "empathize",
        "speak-calmly",
        "propose",
        "agree-together",
    ]
    agree = book.step("agree-together")
    assert agree.loop_back is not None and agree.loop_back.to == "listen-until-heard"
    assert any("satisf" in line for line in agree.say)
    calm = book.step("speak-calmly")
    assert calm.loop_back is not None and calm.loop_back.to == "listen-until-heard"
    assert "repeat" in calm.loop_back.when
    assert any("calm down" in line.lower() for line in calm.avoid)


def test_client_crisis_follows_sobel() -> None:
    book = shipped("client-crisis")
    assert {s.author for s in book.sources} == {"Andrew Sobel", "Audrey Sellers"}
    assert keys(book.prepare)[0] == "respond-rapidly"
    assert keys(book.during)[:2] == ["listen", "apologize"]
    assert {"no-excuses", "get-it-in-the-open", "collaborate", "offer-amends"} <= set(
        keys(book.during)
    )
    assert keys(book.after) == ["small-steps", "anticipate-crisis"]


def test_tough_call_prep_is_mostly_preparation() -> None:
    book = shipped("tough-call-prep")
    assert [(s.author, s.year) for s in book.sources] == [("Brian Secrist", 2016)]
    assert keys(book.prepare)[:2] == ["adjust-perspective", "why-upset"]
    assert len(book.prepare) >= len(book.during)
    assert keys(book.during) == ["stay-calm", "let-them-talk", "empathize", "unpack-expectations"]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)


@pytest.mark.skipif(not SEEDS_DIR.is_dir(), reason="source articles are not on this machine")
@pytest.mark.parametrize("path", SHIPPED_FILES, ids=lambda p: p.stem)
def test_shipped_playbook_does_not_copy_the_articles(path: Path) -> None:
    run = 6
    article_runs: set[tuple[str, ...]] = set()
    for article in SEEDS_DIR.glob("*.txt"):
        words = _words(article.read_text(encoding="utf-8"))
        article_runs |= {tuple(words[i : i + run]) for i in range(len(words) - run + 1)}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    data.pop("source")  # credits quote the article titles on purpose
    copied = []
    for text in _strings(data):
        words = _words(text)
        copied += [
            " ".join(words[i : i + run])
            for i in range(len(words) - run + 1)
            if tuple(words[i : i + run]) in article_runs
        ]
    assert copied == []


# --- (b) one test per kind of mistake -------------------------------------------------------

VALID = """\
format = 1
id = "broken-example"
title = "Broken example"
summary = "A playbook for testing."

[[source]]
title = "A source"
author = "An author"

[[during]]
key = "listen"
title = "Listen"
do = "Let them talk."

[[during]]
key = "agree"
title = "Agree"
do = "Agree the next step."
loop_back = { when = "They push back", to = "listen" }
"""


def line_of(text: str, fragment: str) -> int:
    """1-based line of the only line containing ``fragment``."""
    found = [n for n, line in enumerate(text.splitlines(), start=1) if fragment in line]
    assert len(found) == 1, fragment
    return found[0]


def only_problem(path: Path) -> Problem:
    with pytest.raises(PlaybookError) as caught:
        load_playbook(path)
    assert len(caught.value.problems) == 1, caught.value.problems
    problem = caught.value.problems[0]
    assert problem.path == path
    assert str(problem).startswith(str(path))
    return problem


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_base_example_is_valid(tmp_path: Path) -> None:
    book = load_playbook(write(tmp_path, VALID))
    assert keys(book.during) == ["listen", "agree"]


def test_missing_field(tmp_path: Path) -> None:
    text = VALID.replace('do = "Let them talk."\n', "")
    problem = only_problem(write(tmp_path, text))
    assert (problem.field, problem.message) == ("during[listen].do", "missing field")
    # The field is absent, so the line is the step's header.
    assert problem.line == line_of(text, 'key = "listen"') - 1


def test_missing_top_level_field_does_not_point_into_a_table(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace('title = "Broken example"\n', ""))
    problem = only_problem(path)
    assert (problem.field, problem.message, problem.line) == ("title", "missing field", None)
    assert str(problem) == f"{path}: title: missing field"


@pytest.mark.parametrize(
    ("typo_line", "after", "field_name", "hint"),
    [
        ('sya = ["Go on."]', 'do = "Let them talk."', "during[listen].sya", "say"),
        ('summry = "x"', 'summary = "A playbook for testing."', "summry", "summary"),
        ('auther = "x"', 'author = "An author"', "source[1].auther", "author"),
    ],
)
def test_unknown_field_suggests_the_right_name(
    tmp_path: Path, typo_line: str, after: str, field_name: str, hint: str
) -> None:
    text = VALID.replace(after + "\n", f"{after}\n{typo_line}\n")
    path = write(tmp_path, text)
    problem = only_problem(path)
    line = line_of(text, typo_line)
    assert str(problem) == (f"{path}:{line}: {field_name}: unknown field (did you mean '{hint}'?)")


def test_unknown_field_without_a_close_match(tmp_path: Path) -> None:
    text = VALID.replace('do = "Let them talk."\n', 'do = "Let them talk."\ncolour = "red"\n')
    problem = only_problem(write(tmp_path, text))
    assert (problem.field, problem.message) == ("during[listen].colour", "unknown field")


def test_duplicate_step_key(tmp_path: Path) -> None:
    text = VALID + '\n[[after]]\nkey = "listen"\ntitle = "Write it up"\ndo = "Send notes."\n'
    problem = only_problem(write(tmp_path, text))
    assert problem.field == "after[listen].key"
    assert problem.message == "duplicate step key 'listen' (already used in [[during]])"
    assert problem.line == len(text.splitlines()) - 2


def test_loop_back_to_a_missing_step(tmp_path: Path) -> None:
    text = VALID.replace('to = "listen"', 'to = "lisen"')
    path = write(tmp_path, text)
    problem = only_problem(path)
    assert str(problem) == (
        f"{path}:{line_of(text, 'loop_back')}: during[agree].loop_back.to: "
        "goes back to step 'lisen', which does not exist"
    )


def test_loop_back_into_another_phase(tmp_path: Path) -> None:
    text = VALID.replace('[[during]]\nkey = "listen"', '[[prepare]]\nkey = "listen"')
    problem = only_problem(write(tmp_path, text))
    assert problem.field == "during[agree].loop_back.to"
    assert "a loop-back stays in its own phase" in problem.message


def test_empty_phase(tmp_path: Path) -> None:
    text = VALID.replace("\n[[source]]", "after = []\n\n[[source]]", 1)
    problem = only_problem(write(tmp_path, text))
    assert problem.field == "after"
    assert problem.message == "phase is empty: give it steps or leave it out"
    assert problem.line == line_of(text, "after = []")


def test_playbook_without_during_steps(tmp_path: Path) -> None:
    text = VALID.split("[[during]]")[0]
    problem = only_problem(write(tmp_path, text))
    assert problem.field == "during"
    assert problem.message.startswith("missing field")


@pytest.mark.parametrize(
    ("old", "new", "field_name", "message"),
    [
        ('do = "Let them talk."', "do = 3", "during[listen].do", "must be text, not a number"),
        ("format = 1", 'format = "1"', "format", "must be a whole number, not text"),
        (
            'do = "Let them talk."',
            'do = "Let them talk."\nsay = [1, 2]',
            "during[listen].say",
            "must be a list of text lines",
        ),
        (
            'loop_back = { when = "They push back", to = "listen" }',
            'loop_back = "listen"',
            "during[agree].loop_back",
            "must be a table with 'when' and 'to'",
        ),
    ],
)
def test_wrong_type(tmp_path: Path, old: str, new: str, field_name: str, message: str) -> None:
    text = VALID.replace(old, new)
    path = write(tmp_path, text)
    problem = only_problem(path)
    line = line_of(text, new.splitlines()[-1])
    assert str(problem) == f"{path}:{line}: {field_name}: {message}"


def test_do_line_too_long_to_read_at_a_glance(tmp_path: Path) -> None:
    long_do = "word " * 20
    text = VALID.replace('do = "Let them talk."', f'do = "{long_do}"')
    problem = only_problem(write(tmp_path, text))
    assert problem.field == "during[listen].do"
    assert "keep it under 90" in problem.message


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(VALID.replace("Broken example", "Caf\u00e9 example").encode("latin-1"))
    problem = only_problem(path)
    assert problem.field == ""
    assert problem.line == 3
    offset = VALID.index("Broken example") + len("Caf")
    assert problem.message == f"file is not UTF-8 (bad byte at offset {offset})"


def test_utf8_with_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    # Notepad on older Windows saves UTF-8 this way; TOML itself forbids the mark.
    path = tmp_path / "bom.toml"
    path.write_bytes(codecs.BOM_UTF8 + VALID.encode("utf-8"))
    assert load_playbook(path).id == "broken-example"


def test_file_too_large(tmp_path: Path) -> None:
    padding = "# padding\n" * (MAX_FILE_BYTES // 10 + 1)
    path = write(tmp_path, VALID + padding)
    problem = only_problem(path)
    size = path.stat().st_size
    assert problem.line is None
    assert problem.message == f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    text = VALID.replace('title = "Listen"', 'title = "Listen')
    path = write(tmp_path, text)
    problem = only_problem(path)
    assert problem.line == line_of(text, 'title = "Listen')
    assert problem.message.startswith("not valid TOML: ")
    assert "(at line" not in problem.message  # the line is told once, in front
    assert str(problem).startswith(f"{path}:{problem.line}: not valid TOML")


def test_invalid_toml_at_the_end_of_the_file(tmp_path: Path) -> None:
    text = VALID + "say = [\n"
    problem = only_problem(write(tmp_path, text))
    assert problem.line == len(text.splitlines())


def test_deeply_nested_toml_is_refused_not_crashed(tmp_path: Path) -> None:
    problem = only_problem(write(tmp_path, "x = " + "[" * 5000))
    assert problem.message == "not valid TOML: nested too deeply"


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    text = VALID.replace('do = "Let them talk."', "do = 3").replace('to = "listen"', 'to = "x"')
    with pytest.raises(PlaybookError) as caught:
        load_playbook(write(tmp_path, text))
    assert {p.field for p in caught.value.problems} == {
        "during[listen].do",
        "during[agree].loop_back.to",
    }


def test_unreadable_file(tmp_path: Path) -> None:
    problem = only_problem(tmp_path / "nowhere.toml")
    assert problem.message.startswith("cannot read file")


# --- (c) fuzzing: load either works or says what is wrong ------------------------------------

FUZZ = settings(
    max_examples=150,
    deadline=None,
    database=None,  # keep .hypothesis/ out of the repository
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

TOML_FRAGMENTS = [
    "format = 1",
    'id = "x"',
    'title = "T"',
    'summary = "S"',
    "[[source]]",
    'author = "A"',
    "year = 2009",
    "[[prepare]]",
    "[[during]]",
    "[[after]]",
    "[during]",
    'key = "listen"',
    'key = "agree"',
    'do = "Do it."',
    'say = ["a", "b"]',
    'avoid = "one"',
    'loop_back = { when = "w", to = "listen" }',
    "loop_back = {}",
    "during = []",
    "version = -1",
    "format = 2",
    "=",
    '"',
    "'''",
    "[",
    "{",
    "# comment",
    "",
]


def assert_loads_or_explains(text: str) -> None:
    path = Path("fuzz.toml")
    try:
        book = parse_playbook(text, path)
    except PlaybookError as error:
        assert error.problems
        assert all(p.path == path and p.message for p in error.problems)
        return
    check_invariants(book)


def check_invariants(book: Playbook) -> None:
    assert book.during and book.sources
    all_keys = [step.key for step in book.all_steps]
    assert len(all_keys) == len(set(all_keys))
    for step in book.all_steps:
        assert step.title and step.do and len(step.do) <= 90
        if step.loop_back is not None:
            target = book.step(step.loop_back.to)
            assert target.phase is step.phase and target.key != step.key


@FUZZ
@given(st.text())
def test_fuzz_any_text(text: str) -> None:
    assert_loads_or_explains(text)


@FUZZ
@given(st.lists(st.sampled_from(TOML_FRAGMENTS), max_size=40))
def test_fuzz_toml_like_lines(lines: list[str]) -> None:
    assert_loads_or_explains("\n".join(lines))


@FUZZ
@given(st.binary(max_size=2000))
def test_fuzz_any_bytes_from_a_file(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.toml"
        path.write_bytes(raw)
        try:
            check_invariants(load_playbook(path))
        except PlaybookError as error:
            assert error.problems


# Values a careless or hurried author might write, valid and not.
_plain_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
_slug = st.sampled_from(["listen", "agree", "restate", "Listen", "lisen", "", "a b"])
_scalar = st.one_of(
    _plain_text,
    _slug,
    st.integers(-3, 3000),
    st.booleans(),
    st.floats(allow_nan=False, allow_infinity=False),
)
_value = st.recursive(
    _scalar,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["when", "to", "x"]), inner, max_size=2)
    ),
    max_leaves=6,
)
_step = st.fixed_dictionaries(
    {},
    optional={
        "key": _slug | _value,
        "title": _plain_text | _value,
        "do": _plain_text | _value,
        "say": st.lists(_plain_text, max_size=3) | _value,
        "avoid": st.lists(_plain_text, max_size=3) | _value,
        "detail": _plain_text,
        "loop_back": st.fixed_dictionaries({"when": _plain_text, "to": _slug}) | _value,
        "sya": _value,
    },
)
_source = st.fixed_dictionaries(
    {},
    optional={"title": _plain_text | _value, "author": _plain_text, "year": _value},
)
_playbook_dict = st.fixed_dictionaries(
    {},
    optional={
        "format": st.just(1) | _value,
        "id": _slug | _value,
        "version": st.integers(-1, 5) | _value,
        "title": _plain_text | _value,
        "summary": _plain_text,
        "source": st.lists(_source, max_size=2) | _value,
        "prepare": st.lists(_step, max_size=3),
        "during": st.lists(_step, max_size=4) | _value,
        "after": st.lists(_step, max_size=2),
        "titel": _value,
    },
)


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        pairs = (f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items())
        return "{" + ", ".join(pairs) + "}"
    raise TypeError(value)


def to_toml(document: dict[str, object]) -> str:
    """Write a dict the way a person would: plain fields first, then [[tables]]."""
    tables = {
        k: v
        for k, v in document.items()
        if isinstance(v, list) and v and all(isinstance(t, dict) for t in v)
    }
    lines = [f"{k} = {toml_value(v)}" for k, v in document.items() if k not in tables]
    for name, items in tables.items():
        for table in items:
            lines += ["", f"[[{name}]]"]
            lines += [f"{k} = {toml_value(v)}" for k, v in table.items()]
    return "\n".join(lines) + "\n"


_short_text = st.text("abcdefgh XYZ'é…?", min_size=1, max_size=40).filter(str.strip)
_STEP_KEYS = ["listen", "agree", "restate", "explore", "phone-away", "send-update"]


@st.composite
def _valid_playbook(draw: st.DrawFn) -> dict[str, object]:
    """A playbook that must load: unique keys, loop-backs inside their own phase."""
    step_keys = draw(st.lists(st.sampled_from(_STEP_KEYS), min_size=1, max_size=6, unique=True))
    during_start = draw(st.integers(0, len(step_keys) - 1))
    after_start = draw(st.integers(during_start + 1, len(step_keys)))
    phases = {
        "prepare": step_keys[:during_start],
        "during": step_keys[during_start:after_start],
        "after": step_keys[after_start:],
    }
    document: dict[str, object] = {
        "format": 1,
        "id": draw(st.sampled_from(["a", "client-crisis", "x-1"])),
        "title": draw(_short_text),
        "summary": draw(_short_text),
        "source": [{"title": draw(_short_text), "author": draw(_short_text)}],
    }
    for phase, phase_keys in phases.items():
        if not phase_keys:
            continue
        steps = []
        for key in phase_keys:
            step: dict[str, object] = {
                "key": key,
                "title": draw(_short_text),
                "do": draw(_short_text),
            }
            if draw(st.booleans()):
                step["say"] = draw(st.lists(_short_text, max_size=2))
            others = [k for k in phase_keys if k != key]
            if others and draw(st.booleans()):
                step["loop_back"] = {"when": draw(_short_text), "to": draw(st.sampled_from(others))}
            steps.append(step)
        document[phase] = steps
    return document


@st.composite
def _playbook_document(draw: st.DrawFn) -> tuple[dict[str, object], bool]:
    """A valid playbook with up to three careless edits, and whether any was made."""
    document = draw(_valid_playbook())
    edits = draw(st.integers(0, 3))
    for _ in range(edits):
        tables: list[dict[str, object]] = [document]
        for name in ("source", *Phase):
            items = document.get(name)
            if isinstance(items, list):
                tables += [item for item in items if isinstance(item, dict)]
        table = draw(st.sampled_from(tables))
        name = draw(st.sampled_from([*sorted(table), "sya", "titel", "loop_back", "year"]))
        if name in table and draw(st.booleans()):
            del table[name]
        else:
            table[name] = draw(_value)
    return document, edits > 0


@FUZZ
@given(_playbook_document() | _playbook_dict.map(lambda document: (document, True)))
def test_fuzz_playbook_shaped_documents(case: tuple[dict[str, object], bool]) -> None:
    document, edited = case
    text = to_toml(document)
    assert tomllib.loads(text) is not None  # the generator itself writes valid TOML
    if not edited:
        check_invariants(parse_playbook(text, Path("fuzz.toml")))
    else:
        assert_loads_or_explains(text)


def test_fuzz_generator_can_produce_a_valid_playbook() -> None:
    # Guards the fuzz test above against only ever exercising the error paths.
    document = {
        "format": 1,
        "id": "listen",
        "title": "t",
        "summary": "s",
        "source": [{"title": "t", "author": "a"}],
        "during": [{"key": "listen", "title": "t", "do": "d"}],
    }
    assert parse_playbook(to_toml(document), Path("ok.toml")).id == "listen"


# --- (d) the library: shipped plus the user's own ------------------------------------------


def user_folder(data_dir: Path) -> Path:
    folder = data_dir / "playbooks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_library_loads_the_shipped_playbooks(data_dir: Path) -> None:
    library = load_all_playbooks()
    assert library.problems == []  # the README beside them is not mistaken for a playbook
    assert {e.playbook.id for e in library.entries if e.origin is Origin.SHIPPED} == {
        p.stem for p in SHIPPED_FILES
    }


def test_broken_user_playbook_is_skipped_with_its_problem_kept(data_dir: Path) -> None:
    folder = user_folder(data_dir)
    broken = folder / "broken.toml"
    broken.write_text(VALID.replace('do = "Let them talk."', 'sya = "x"'), encoding="utf-8")
    (folder / "mine.toml").write_text(VALID.replace("broken-example", "mine"), encoding="utf-8")
    (folder / "notes.txt").write_text("not a playbook", encoding="utf-8")

    library = load_all_playbooks()

    assert "broken-example" not in library
    assert library.get("mine") is not None
    mine = next(e for e in library.entries if e.playbook.id == "mine")
    assert mine.origin is Origin.USER and mine.path == folder / "mine.toml"
    assert {(p.path, p.field) for p in library.problems} == {
        (broken, "during[listen].sya"),
        (broken, "during[listen].do"),
    }
    for path in SHIPPED_FILES:
        assert path.stem in library


def test_duplicate_id_is_reported_and_the_shipped_one_wins(data_dir: Path) -> None:
    copy = user_folder(data_dir) / "my-copy.toml"
    original = SHIPPED_DIR / "client-crisis.toml"
    copy.write_text(
        original.read_text(encoding="utf-8").replace('title = "A client crisis"', 'title = "Mine"'),
        encoding="utf-8",
    )

    library = load_all_playbooks()

    [problem] = library.problems
    assert (problem.path, problem.field) == (copy, "id")
    assert f"id 'client-crisis' is already used by {original};" in problem.message
    winner = next(e for e in library.entries if e.playbook.id == "client-crisis")
    assert winner.origin is Origin.SHIPPED and winner.playbook.title == "A client crisis"


def test_duplicate_id_between_two_user_files_keeps_the_first_by_name(data_dir: Path) -> None:
    folder = user_folder(data_dir)
    (folder / "a.toml").write_text(VALID, encoding="utf-8")
    (folder / "b.toml").write_text(VALID.replace("Broken example", "Other"), encoding="utf-8")

    library = load_all_playbooks()

    assert library.get("broken-example") is not None
    assert library.get("broken-example").title == "Broken example"  # type: ignore[union-attr]
    assert [(p.path.name, p.field) for p in library.problems] == [("b.toml", "id")]


def test_phase_labels_cover_every_phase() -> None:
    assert [phase.label for phase in Phase] == ["Before", "During", "After"]
