"""Playbooks: the steps of a difficult meeting, kept as TOML data files.

``load_playbook`` reads one file and returns an immutable ``Playbook`` or raises
``PlaybookError`` carrying every problem found, each naming the file, the
field, the line where one can be told, and what is wrong. The format is
documented in ``playbooks/README.md``.

A step's own words are for a meeting in person; its optional ``video`` table says what
changes on a video call (title, do, say, avoid, detail), and ``only`` keeps a step to one
kind of meeting. ``Playbook.for_mode`` gives the playbook as a meeting of one mode reads
it, once, before any window sees it.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.domain.meeting_terms import MeetingMode

FORMAT_VERSION = 1
MAX_FILE_BYTES = 256 * 1024
PLAYBOOK_SUFFIX = ".toml"
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class Phase(StrEnum):
    PREPARE = "prepare"
    DURING = "during"
    AFTER = "after"

    @property
    def label(self) -> str:
        return {"prepare": "Before", "during": "During", "after": "After"}[self.value]


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    author: str
    year: int | None = None


@dataclass(frozen=True, slots=True)
class LoopBack:
    """ "If this happens, go back to step ``to``"."""

    when: str
    to: str


@dataclass(frozen=True, slots=True)
class StepVariant:
    """What a step says differently on a video call; ``None`` keeps the in-person words."""

    title: str | None = None
    do: str | None = None
    say: tuple[str, ...] | None = None
    avoid: tuple[str, ...] | None = None
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Step:
    key: str
    phase: Phase
    title: str
    do: str
    say: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    detail: str = ""
    loop_back: LoopBack | None = None
    video: StepVariant | None = None
    only: MeetingMode | None = None  # a step for one kind of meeting; None: for both

    def applies_to(self, mode: MeetingMode) -> bool:
        return self.only is None or self.only is mode

    def for_mode(self, mode: MeetingMode) -> Step:
        """This step as a meeting in ``mode`` shows it (with no variant left to apply)."""
        variant = self.video
        if mode is not MeetingMode.VIDEO or variant is None:
            return self
        return Step(
            key=self.key,
            phase=self.phase,
            title=self.title if variant.title is None else variant.title,
            do=self.do if variant.do is None else variant.do,
            say=self.say if variant.say is None else variant.say,
            avoid=self.avoid if variant.avoid is None else variant.avoid,
            detail=self.detail if variant.detail is None else variant.detail,
            loop_back=self.loop_back,
            only=self.only,
        )


@dataclass(frozen=True, slots=True)
class Playbook:
    id: str
    version: int
    title: str
    summary: str
    sources: tuple[Source, ...]
    prepare: tuple[Step, ...]
    during: tuple[Step, ...]
    after: tuple[Step, ...]
    origin: Path | None = field(default=None, compare=False)
    video_summary: str = ""  # the summary for a video call, when it differs

    def for_mode(self, mode: MeetingMode) -> Playbook:
        """The playbook as a meeting in ``mode`` reads it: its steps and summary resolved.

        Resolve once, from the loaded playbook: the result has no variants left.
        """

        def steps(phase: tuple[Step, ...]) -> tuple[Step, ...]:
            return tuple(step.for_mode(mode) for step in phase if step.applies_to(mode))

        video = mode is MeetingMode.VIDEO
        return Playbook(
            id=self.id,
            version=self.version,
            title=self.title,
            summary=self.video_summary if video and self.video_summary else self.summary,
            sources=self.sources,
            prepare=steps(self.prepare),
            during=steps(self.during),
            after=steps(self.after),
            origin=self.origin,
        )

    @property
    def has_video_variant(self) -> bool:
        return bool(self.video_summary) or any(
            step.video is not None or step.only is not None for step in self.all_steps
        )

    @property
    def all_steps(self) -> tuple[Step, ...]:
        return self.prepare + self.during + self.after

    def step(self, key: str) -> Step:
        for candidate in self.all_steps:
            if candidate.key == key:
                return candidate
        raise KeyError(key)

    @property
    def credit(self) -> str:
        """Sources as one line, for screens and exports."""
        return "; ".join(
            f"{s.title}, {s.author}" + (f" ({s.year})" if s.year else "") for s in self.sources
        )


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a playbook file."""

    path: Path
    field: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class PlaybookError(ValueError):
    """A playbook file that cannot be used; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


_VIDEO = "video"
_TOP_FIELDS = {"format", "id", "version", "title", "summary", "source", _VIDEO, *Phase}
_TOP_VIDEO_FIELDS = {"summary"}
_SOURCE_FIELDS = {"title", "author", "year"}
_STEP_FIELDS = {"key", "title", "do", "say", "avoid", "detail", "loop_back", "only", _VIDEO}
_VARIANT_FIELDS = {"title", "do", "say", "avoid", "detail"}
_LOOP_BACK_FIELDS = {"when", "to"}
_DO_MAX_CHARS = 90
_TITLE_MAX_CHARS = 60


_TABLE_HEADER = re.compile(r"^\s*\[\[?\s*[A-Za-z0-9_.\"' -]+\]\]?\s*(#.*)?$")


class _LineFinder:
    """Best-effort line numbers for fields; ``tomllib`` gives them only for syntax errors."""

    def __init__(self, text: str) -> None:
        self._lines = text.splitlines()
        # Every field of every step asks for its table's header: find each name's once.
        self._tables: dict[str, list[int]] = {}

    def top_level(self, name: str) -> int | None:
        header = re.compile(rf"^\s*\[\[?\s*{re.escape(name)}\s*\]\]?")
        assignment = re.compile(rf"^\s*{re.escape(name)}\s*=")
        in_tables = False
        for number, line in enumerate(self._lines, start=1):
            if header.match(line):
                return number
            # After the first table header, "title = ..." belongs to that table, not the top.
            if _TABLE_HEADER.match(line):
                in_tables = True
            elif not in_tables and assignment.match(line):
                return number
        return None

    def table(self, name: str, index: int) -> int | None:
        """Line of the ``index``-th ``[[name]]`` header."""
        headers = self._tables.get(name)
        if headers is None:
            pattern = re.compile(rf"^\s*\[\[\s*{re.escape(name)}\s*\]\]")
            headers = [
                number for number, line in enumerate(self._lines, start=1) if pattern.match(line)
            ]
            self._tables[name] = headers
        return headers[index] if 0 <= index < len(headers) else None

    def field_in_table(self, name: str, index: int, key: str) -> int | None:
        start = self.table(name, index)
        if start is None:
            return None
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for number in range(start, len(self._lines)):
            line = self._lines[number]
            # Any header ends the step's own fields: [[next]] or its [during.video] table.
            if _TABLE_HEADER.match(line):
                break
            if pattern.match(line):
                return number + 1
        return start

    def field_in_variant(self, name: str, index: int, variant: str, key: str) -> int | None:
        """Line of ``key`` in the step's ``[name.variant]`` table (or ``variant.key = …``)."""
        start = self.table(name, index)
        if start is None:
            return None
        header = re.compile(rf"^\s*\[\s*{re.escape(name)}\s*\.\s*{re.escape(variant)}\s*\]")
        dotted = re.compile(rf"^\s*{re.escape(variant)}\s*\.\s*{re.escape(key)}\s*=")
        assignment = re.compile(rf"^\s*{re.escape(key)}\s*=")
        in_variant: int | None = None
        for number in range(start, len(self._lines)):
            line = self._lines[number]
            if line.lstrip().startswith("[["):
                break
            if header.match(line):
                in_variant = number + 1
            elif _TABLE_HEADER.match(line):
                in_variant = None
            elif dotted.match(line) or (in_variant is not None and assignment.match(line)):
                return number + 1
        return in_variant or self.field_in_table(name, index, variant)


class _Checker:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = _LineFinder(text)
        self.problems: list[Problem] = []

    def report(self, field_name: str, message: str, line: int | None) -> None:
        self.problems.append(Problem(self.path, field_name, message, line))

    def unknown_fields(
        self,
        table: Mapping[str, Any],
        allowed: set[str],
        prefix: str,
        line: int | Callable[[str], int | None] | None,
    ) -> None:
        for name in table:
            if name not in allowed:
                hint = _closest(name, allowed)
                extra = f" (did you mean '{hint}'?)" if hint else ""
                where = line(name) if callable(line) else line
                self.report(f"{prefix}{name}", f"unknown field{extra}", where)

    def text(
        self,
        table: Mapping[str, Any],
        name: str,
        prefix: str,
        line: int | None,
        *,
        required: bool = True,
        max_chars: int | None = None,
    ) -> str:
        value = table.get(name)
        if value is None:
            if required:
                self.report(f"{prefix}{name}", "missing field", line)
            return ""
        if not isinstance(value, str):
            self.report(f"{prefix}{name}", f"must be text, not {_type_name(value)}", line)
            return ""
        value = value.strip()
        if required and not value:
            self.report(f"{prefix}{name}", "must not be empty", line)
        if max_chars is not None and len(value) > max_chars:
            self.report(
                f"{prefix}{name}",
                f"is {len(value)} characters; keep it under {max_chars} so it reads at a glance",
                line,
            )
        return value

    def text_list(
        self, table: Mapping[str, Any], name: str, prefix: str, line: int | None
    ) -> tuple[str, ...]:
        value = table.get(name, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.report(f"{prefix}{name}", "must be a list of text lines", line)
            return ()
        return tuple(v.strip() for v in value if v.strip())

    def slug(self, table: Mapping[str, Any], name: str, prefix: str, line: int | None) -> str:
        value = self.text(table, name, prefix, line)
        if value and not _SLUG.match(value):
            self.report(
                f"{prefix}{name}",
                f"'{value}' must be lower-case letters, digits and hyphens",
                line,
            )
        return value

    def integer(
        self, table: Mapping[str, Any], name: str, prefix: str, line: int | None, *, required: bool
    ) -> int | None:
        value = table.get(name)
        if value is None:
            if required:
                self.report(f"{prefix}{name}", "missing field", line)
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.report(f"{prefix}{name}", f"must be a whole number, not {_type_name(value)}", line)
            return None
        if value < 0:
            self.report(f"{prefix}{name}", "must not be negative", line)
        return value


def _type_name(value: object) -> str:
    return {
        str: "text",
        int: "a number",
        float: "a number",
        bool: "true/false",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _closest(name: str, allowed: Iterable[str]) -> str | None:
    import difflib

    candidates = sorted(allowed)
    # Two swapped letters ("sya") is the commonest typo, yet difflib scores short ones low.
    for candidate in candidates:
        if any(
            name[:i] + name[i + 1] + name[i] + name[i + 2 :] == candidate
            for i in range(len(name) - 1)
        ):
            return candidate
    matches = difflib.get_close_matches(name, candidates, n=1, cutoff=0.7)
    return matches[0] if matches else None


def read_playbook_text(path: Path) -> str:
    """Read a playbook file, refusing what is not a regular file, too large or not UTF-8."""
    try:
        raw, size = _read_regular_file(path, MAX_FILE_BYTES)
    except OSError as error:
        raise PlaybookError([Problem(path, "", f"cannot read file: {error.strerror}")]) from None
    except _NotAPlainFileError as odd:
        raise PlaybookError([Problem(path, "", f"is {odd.kind}, not a playbook file")]) from None
    if len(raw) > MAX_FILE_BYTES:
        size = max(size, len(raw))
        raise PlaybookError(
            [Problem(path, "", f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")]
        )
    # Some Windows editors begin UTF-8 files with a byte-order mark, which TOML does not allow.
    body = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        offset = error.start + len(raw) - len(body)
        line = raw[:offset].count(b"\n") + 1
        raise PlaybookError(
            [Problem(path, "", f"file is not UTF-8 (bad byte at offset {offset})", line)]
        ) from None


class _NotAPlainFileError(Exception):
    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "something other than a file"


def _read_regular_file(path: Path, limit: int) -> tuple[bytes, int]:
    """At most ``limit + 1`` bytes of a regular file, and its size on disk.

    Anything but a regular file raises ``_NotAPlainFileError``, and reading stops one byte past
    the limit, so neither a pipe nor a file that keeps growing can stall the check.

    The kind is checked before opening (opening a FIFO waits for a writer) and again on
    the open file, opened without waiting in case something else took the name between.
    """
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        raise _NotAPlainFileError(_file_kind(mode))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode):
            raise _NotAPlainFileError(_file_kind(status.st_mode))
        return stream.read(limit + 1), status.st_size


def load_playbook(path: Path) -> Playbook:
    """Load and validate one playbook file."""
    return parse_playbook(read_playbook_text(path), path)


def parse_playbook(text: str, path: Path) -> Playbook:
    """Validate playbook TOML ``text``; ``path`` is used in error messages and kept as origin."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message, line = _syntax_error_place(error, text)
        raise PlaybookError([Problem(path, "", f"not valid TOML: {message}", line)]) from None
    except RecursionError:
        # tomllib recurses once per nested array or inline table; a hostile file can exhaust it.
        raise PlaybookError([Problem(path, "", "not valid TOML: nested too deeply")]) from None

    check = _Checker(path, text)
    top = check.lines.top_level
    check.unknown_fields(data, _TOP_FIELDS, "", top)

    file_format = check.integer(data, "format", "", top("format"), required=True)
    if file_format is not None and file_format != FORMAT_VERSION:
        check.report(
            "format",
            f"format {file_format} is not supported; this Poise reads format {FORMAT_VERSION}",
            top("format"),
        )
    playbook_id = check.slug(data, "id", "", top("id"))
    version = check.integer(data, "version", "", top("version"), required=False) or 1
    title = check.text(data, "title", "", top("title"), max_chars=_TITLE_MAX_CHARS)
    summary = check.text(data, "summary", "", top("summary"), max_chars=200)
    sources = tuple(_sources(check, data.get("source")))
    video_summary = _video_summary(check, data.get(_VIDEO))

    phases: dict[Phase, tuple[Step, ...]] = {}
    for phase in Phase:
        phases[phase] = tuple(_steps(check, phase, data.get(phase.value)))
    if Phase.DURING.value not in data:
        check.report("during", "missing field: a playbook needs at least one [[during]] step", None)

    _check_keys(check, phases)
    _check_modes(check, phases)

    if check.problems:
        raise PlaybookError(check.problems)
    return Playbook(
        id=playbook_id,
        version=version,
        title=title,
        summary=summary,
        sources=sources,
        prepare=phases[Phase.PREPARE],
        during=phases[Phase.DURING],
        after=phases[Phase.AFTER],
        origin=path,
        video_summary=video_summary,
    )


_SYNTAX_ERROR_PLACE = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)$")


def _syntax_error_place(error: tomllib.TOMLDecodeError, text: str) -> tuple[str, int | None]:
    """The message and line of a TOML syntax error.

    Python 3.14 gives ``msg`` and ``lineno``; older versions only append
    "(at line N, column M)" or "(at end of document)" to the message.
    """
    line = getattr(error, "lineno", None)
    message = getattr(error, "msg", None)
    if isinstance(line, int) and isinstance(message, str):
        return message, line
    message = str(error)
    place = _SYNTAX_ERROR_PLACE.search(message)
    if place is None:
        return message, None
    last_line = max(1, len(text.splitlines()))
    return message[: place.start()], int(place.group(1)) if place.group(1) else last_line


def _sources(check: _Checker, value: object) -> Iterator[Source]:
    if value is None:
        check.report("source", "missing field: credit at least one source", None)
        return
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        check.report("source", "must be [[source]] tables", check.lines.top_level("source"))
        return
    if not value:
        check.report("source", "must not be empty", check.lines.top_level("source"))
    for index, table in enumerate(value):
        prefix = f"source[{index + 1}]."

        def line_of(field_name: str, index: int = index) -> int | None:
            return check.lines.field_in_table("source", index, field_name)

        check.unknown_fields(table, _SOURCE_FIELDS, prefix, line_of)
        title = check.text(table, "title", prefix, line_of("title"))
        author = check.text(table, "author", prefix, line_of("author"))
        year = check.integer(table, "year", prefix, line_of("year"), required=False)
        yield Source(title=title, author=author, year=year)


def _steps(check: _Checker, phase: Phase, value: object) -> Iterator[Step]:
    name = phase.value
    if value is None:
        return
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        check.report(name, f"must be [[{name}]] tables", check.lines.top_level(name))
        return
    if not value:
        check.report(
            name, "phase is empty: give it steps or leave it out", check.lines.top_level(name)
        )
        return
    for index, table in enumerate(value):
        key_hint = table.get("key") if isinstance(table.get("key"), str) else index + 1
        prefix = f"{name}[{key_hint}]."

        def line_of(field_name: str, index: int = index) -> int | None:
            return check.lines.field_in_table(name, index, field_name)

        check.unknown_fields(table, _STEP_FIELDS, prefix, line_of)
        key = check.slug(table, "key", prefix, line_of("key"))
        title = check.text(table, "title", prefix, line_of("title"), max_chars=_TITLE_MAX_CHARS)
        do = check.text(table, "do", prefix, line_of("do"), max_chars=_DO_MAX_CHARS)
        say = check.text_list(table, "say", prefix, line_of("say"))
        avoid = check.text_list(table, "avoid", prefix, line_of("avoid"))
        detail = check.text(table, "detail", prefix, line_of("detail"), required=False)
        loop_back = _loop_back(check, table.get("loop_back"), prefix, line_of("loop_back"))
        video = _variant(check, table.get(_VIDEO), name, index, f"{prefix}{_VIDEO}.")
        only = _only(check, table.get("only"), f"{prefix}only", line_of("only"))
        if only is MeetingMode.IN_PERSON and video is not None:
            check.report(
                f"{prefix}{_VIDEO}",
                "a step only for meetings in person has no video words",
                line_of("only"),
            )
        yield Step(
            key=key,
            phase=phase,
            title=title,
            do=do,
            say=say,
            avoid=avoid,
            detail=detail,
            loop_back=loop_back,
            video=video,
            only=only,
        )


def _only(check: _Checker, value: object, field_name: str, line: int | None) -> MeetingMode | None:
    if value is None:
        return None
    choices = ", ".join(f"'{mode.value}'" for mode in MeetingMode)
    if isinstance(value, str) and value in MeetingMode._value2member_map_:
        return MeetingMode(value)
    check.report(field_name, f"must be one of {choices}, not {value!r}", line)
    return None


def _variant(
    check: _Checker, value: object, phase: str, index: int, prefix: str
) -> StepVariant | None:
    """A step's ``video`` table, checked as strictly as the step itself."""
    if value is None:
        return None

    def line_of(field_name: str) -> int | None:
        return check.lines.field_in_variant(phase, index, _VIDEO, field_name)

    if not isinstance(value, dict):
        check.report(prefix.rstrip("."), f"must be a [{phase}.video] table", line_of(""))
        return None
    if not value:
        check.report(
            prefix.rstrip("."),
            "is empty: say what changes on a video call, or leave it out",
            line_of(""),
        )
        return None
    check.unknown_fields(value, _VARIANT_FIELDS, prefix, line_of)

    def text(name: str, max_chars: int | None) -> str | None:
        if name not in value:
            return None
        return check.text(value, name, prefix, line_of(name), max_chars=max_chars)

    def lines(name: str) -> tuple[str, ...] | None:
        if name not in value:
            return None
        return check.text_list(value, name, prefix, line_of(name))

    detail = (
        check.text(value, "detail", prefix, line_of("detail"), required=False)
        if "detail" in value
        else None
    )
    return StepVariant(
        title=text("title", _TITLE_MAX_CHARS),
        do=text("do", _DO_MAX_CHARS),
        say=lines("say"),
        avoid=lines("avoid"),
        detail=detail,
    )


def _video_summary(check: _Checker, value: object) -> str:
    if value is None:
        return ""
    line = check.lines.top_level(_VIDEO)
    if not isinstance(value, dict):
        check.report(_VIDEO, "must be a [video] table", line)
        return ""
    check.unknown_fields(value, _TOP_VIDEO_FIELDS, f"{_VIDEO}.", line)
    return check.text(value, "summary", f"{_VIDEO}.", line, required=False, max_chars=200)


def _loop_back(check: _Checker, value: object, prefix: str, line: int | None) -> LoopBack | None:
    if value is None:
        return None
    field_name = f"{prefix}loop_back"
    if not isinstance(value, dict):
        check.report(field_name, "must be a table with 'when' and 'to'", line)
        return None
    check.unknown_fields(value, _LOOP_BACK_FIELDS, f"{field_name}.", line)
    when = check.text(value, "when", f"{field_name}.", line)
    to = check.slug(value, "to", f"{field_name}.", line)
    return LoopBack(when=when, to=to)


def _check_modes(check: _Checker, phases: Mapping[Phase, tuple[Step, ...]]) -> None:
    """Each kind of meeting still has live steps, and no loop-back leaves its kind."""
    during = phases[Phase.DURING]
    for mode in MeetingMode:
        if during and not any(step.applies_to(mode) for step in during):
            check.report(
                "during",
                f"no [[during]] step is left for a meeting {_MODE_WORDS[mode]}",
                check.lines.top_level("during"),
            )
    for phase, steps in phases.items():
        by_key = {step.key: step for step in steps}
        for index, step in enumerate(steps):
            target = by_key.get(step.loop_back.to) if step.loop_back else None
            if target is None:
                continue
            for mode in MeetingMode:
                if step.applies_to(mode) and not target.applies_to(mode):
                    check.report(
                        f"{phase.value}[{step.key}].loop_back.to",
                        f"goes back to step '{target.key}', which a meeting "
                        f"{_MODE_WORDS[mode]} does not have",
                        check.lines.field_in_table(phase.value, index, "loop_back"),
                    )


_MODE_WORDS = {MeetingMode.IN_PERSON: "in person", MeetingMode.VIDEO: "on a video call"}


def _check_keys(check: _Checker, phases: Mapping[Phase, tuple[Step, ...]]) -> None:
    seen: dict[str, Phase] = {}
    for phase, steps in phases.items():
        for index, step in enumerate(steps):
            if not step.key:
                continue
            if step.key in seen:
                check.report(
                    f"{phase.value}[{step.key}].key",
                    f"duplicate step key '{step.key}' (already used in [[{seen[step.key].value}]])",
                    check.lines.field_in_table(phase.value, index, "key"),
                )
            else:
                seen[step.key] = phase
    for phase, steps in phases.items():
        for index, step in enumerate(steps):
            if step.loop_back is None or not step.loop_back.to:
                continue
            line = check.lines.field_in_table(phase.value, index, "loop_back")
            target = step.loop_back.to
            if target not in seen:
                check.report(
                    f"{phase.value}[{step.key}].loop_back.to",
                    f"goes back to step '{target}', which does not exist",
                    line,
                )
            elif seen[target] is not phase:
                check.report(
                    f"{phase.value}[{step.key}].loop_back.to",
                    f"goes back to step '{target}' in [[{seen[target].value}]]; "
                    "a loop-back stays in its own phase",
                    line,
                )
            elif target == step.key:
                check.report(
                    f"{phase.value}[{step.key}].loop_back.to",
                    "a step cannot loop back to itself",
                    line,
                )
