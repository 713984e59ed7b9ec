"""The checks a playbook's fields go through, and the lines they are found on.

``FieldChecker`` collects a ``Problem`` for every field that is missing, of the wrong kind,
too long or unknown (suggesting the closest known name); ``FieldLines`` finds the line a
field is on, since ``tomllib`` gives lines only for syntax errors. The parser
(``playbook_parser``) walks the file's tables with them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from app.domain.playbook import Problem
from app.translation import QT_TRANSLATE_NOOP, translate

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")

# What reads at a glance in the live window, in every language the playbook has.
TITLE_MAX_CHARS = 60
DO_MAX_CHARS = 90
SUMMARY_MAX_CHARS = 200


_TABLE_HEADER = re.compile(r"^\s*\[\[?\s*[A-Za-z0-9_.\"' -]+\]\]?\s*(#.*)?$")


class FieldLines:
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
        dotted = re.compile(rf"^\s*{re.escape(variant)}\s*\.\s*{re.escape(key)}\s*[=.]")
        # "video.do = …" inside a [during.de] table is where its 'video' is told.
        assignment = re.compile(rf"^\s*{re.escape(key)}\s*[=.]")
        in_variant: int | None = None
        variant_header: int | None = None  # a [name.variant.video] table may follow it
        for number in range(start, len(self._lines)):
            line = self._lines[number]
            if line.lstrip().startswith("[["):
                break
            if header.match(line):
                in_variant = variant_header = number + 1
            elif _TABLE_HEADER.match(line):
                in_variant = None
            elif dotted.match(line) or (in_variant is not None and assignment.match(line)):
                return number + 1
        return variant_header or self.field_in_table(name, index, variant)

    def field_in_top_table(self, name: str, key: str) -> int | None:
        """Line of ``key`` in the top ``[name]`` table, or of ``name.key = …`` before any table."""
        header = re.compile(rf"^\s*\[\s*{re.escape(name)}\s*\]")
        dotted = re.compile(rf"^\s*{re.escape(name)}\s*\.\s*{re.escape(key)}\s*=")
        assignment = re.compile(rf"^\s*{re.escape(key)}\s*=")
        in_table: int | None = None
        for number, line in enumerate(self._lines, start=1):
            if header.match(line):
                in_table = number
            elif _TABLE_HEADER.match(line):
                if in_table is not None:
                    break
            elif assignment.match(line) if in_table is not None else dotted.match(line):
                return number
        return in_table or self.top_level(name)


class FieldChecker:
    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.lines = FieldLines(text)
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
                message = (
                    translate("PlaybookChecker", "unknown field (did you mean '{hint}'?)").format(
                        hint=hint
                    )
                    if hint
                    else translate("PlaybookChecker", "unknown field")
                )
                where = line(name) if callable(line) else line
                self.report(f"{prefix}{name}", message, where)

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
                self.report(f"{prefix}{name}", translate("PlaybookChecker", "missing field"), line)
            return ""
        if not isinstance(value, str):
            self.report(
                f"{prefix}{name}",
                translate("PlaybookChecker", "must be text, not {kind}").format(
                    kind=_type_name(value)
                ),
                line,
            )
            return ""
        value = value.strip()
        if required and not value:
            self.report(f"{prefix}{name}", translate("PlaybookChecker", "must not be empty"), line)
        if max_chars is not None and len(value) > max_chars:
            self.report(
                f"{prefix}{name}",
                translate(
                    "PlaybookChecker",
                    "is {count} characters; keep it under {limit} so it reads at a glance",
                ).format(count=len(value), limit=max_chars),
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
            self.report(
                f"{prefix}{name}",
                translate("PlaybookChecker", "must be a list of text lines"),
                line,
            )
            return ()
        return tuple(v.strip() for v in value if v.strip())

    def question_list(
        self,
        table: Mapping[str, Any],
        name: str,
        prefix: str,
        line: int | None,
        *,
        most: int,
        max_chars: int,
    ) -> tuple[str, ...]:
        """A short list of short questions (a playbook's debrief): each problem named."""
        questions = self.text_list(table, name, prefix, line)
        if len(questions) > most:
            self.report(
                f"{prefix}{name}",
                translate(
                    "PlaybookChecker", "has {count} questions; a partner is asked at most {most}"
                ).format(count=len(questions), most=most),
                line,
            )
        for number, question in enumerate(questions, start=1):
            if len(question) > max_chars:
                self.report(
                    f"{prefix}{name}",
                    translate(
                        "PlaybookChecker",
                        "question {number} is {count} characters; the limit is {limit}",
                    ).format(number=number, count=len(question), limit=max_chars),
                    line,
                )
        return questions

    def slug(self, table: Mapping[str, Any], name: str, prefix: str, line: int | None) -> str:
        value = self.text(table, name, prefix, line)
        if value and not _SLUG.match(value):
            self.report(
                f"{prefix}{name}",
                translate(
                    "PlaybookChecker", "'{value}' must be lower-case letters, digits and hyphens"
                ).format(value=value),
                line,
            )
        return value

    def integer(
        self, table: Mapping[str, Any], name: str, prefix: str, line: int | None, *, required: bool
    ) -> int | None:
        value = table.get(name)
        if value is None:
            if required:
                self.report(f"{prefix}{name}", translate("PlaybookChecker", "missing field"), line)
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.report(
                f"{prefix}{name}",
                translate("PlaybookChecker", "must be a whole number, not {kind}").format(
                    kind=_type_name(value)
                ),
                line,
            )
            return None
        if value < 0:
            self.report(
                f"{prefix}{name}", translate("PlaybookChecker", "must not be negative"), line
            )
        return value


def _type_name(value: object) -> str:
    names = {
        str: QT_TRANSLATE_NOOP("PlaybookChecker", "text"),
        int: QT_TRANSLATE_NOOP("PlaybookChecker", "a number"),
        float: QT_TRANSLATE_NOOP("PlaybookChecker", "a number"),
        bool: QT_TRANSLATE_NOOP("PlaybookChecker", "true/false"),
        list: QT_TRANSLATE_NOOP("PlaybookChecker", "a list"),
        dict: QT_TRANSLATE_NOOP("PlaybookChecker", "a table"),
    }
    name = names.get(type(value))
    return translate("PlaybookChecker", name) if name else type(value).__name__


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
