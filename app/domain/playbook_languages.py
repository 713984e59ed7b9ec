"""The other languages of a playbook file: their tables checked, and what each one leaves out.

A language's words sit beside the words they translate: ``[de]`` after the top fields,
``[during.de]`` right after its ``[[during]]`` step, ``[during.de.video]`` for the step on
a video call (``playbooks/README.md``). ``playbook_parser`` hands each table here:
``split_languages`` takes the language tables out of a table (naming unknown codes),
``step_text`` and ``playbook_text`` check them as strictly as the playbook's own words, and
``language_gaps`` lists, as warnings, every field a language leaves to the fallback.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from app.domain.language_codes import LANGUAGE_CODES
from app.domain.partner_watch import MAX_DEBRIEF_QUESTION_CHARS, MAX_DEBRIEF_QUESTIONS
from app.domain.playbook import (
    DEFAULT_LANGUAGE,
    Phase,
    Playbook,
    PlaybookText,
    Problem,
    Step,
    StepText,
    StepVariant,
)
from app.domain.playbook_checker import (
    DO_MAX_CHARS,
    SUMMARY_MAX_CHARS,
    TITLE_MAX_CHARS,
    FieldChecker,
)
from app.translation import QT_TRANSLATE_NOOP, TranslationContext

_VIDEO = "video"
_LANGUAGE_NAME = re.compile(r"^[A-Za-z]{2}(?:[-_][A-Za-z]{2,4})?$")
_STEP_TEXT_FIELDS = {"title", "do", "say", "avoid", "detail", "loop_back", _VIDEO}
_VIDEO_TEXT_FIELDS = {"title", "do", "say", "avoid", "detail"}
_DEBRIEF = "debrief_questions"
_TOP_TEXT_FIELDS = {"title", "summary", _VIDEO, _DEBRIEF}
_LANGUAGE_NAMES = {
    "de": QT_TRANSLATE_NOOP("PlaybookCheck", "German"),
    "en": QT_TRANSLATE_NOOP("PlaybookCheck", "English"),
    "es": QT_TRANSLATE_NOOP("PlaybookCheck", "Spanish"),
    "fr": QT_TRANSLATE_NOOP("PlaybookCheck", "French"),
    "it": QT_TRANSLATE_NOOP("PlaybookCheck", "Italian"),
    "nl": QT_TRANSLATE_NOOP("PlaybookCheck", "Dutch"),
    "pl": QT_TRANSLATE_NOOP("PlaybookCheck", "Polish"),
    "pt": QT_TRANSLATE_NOOP("PlaybookCheck", "Portuguese"),
}


class PlaybookCheck(TranslationContext):
    """The context of the check's messages about a playbook's languages."""


def language_name(code: str) -> str:
    """The language's name in the person's language ("Deutsch"), else its code."""
    name = _LANGUAGE_NAMES.get(code)
    return PlaybookCheck.tr(name) if name else code


def own_language(check: FieldChecker, data: Mapping[str, Any]) -> str:
    """The top ``language`` field: the language of the playbook's own words ("en" if absent)."""
    line = check.lines.top_level("language")
    value = check.text(data, "language", "", line, required=False)
    if not value:
        return DEFAULT_LANGUAGE
    if value not in LANGUAGE_CODES:
        check.report("language", _unknown_code(value), line)
        return DEFAULT_LANGUAGE
    return value


def split_languages(
    check: FieldChecker,
    table: Mapping[str, Any],
    fields: set[str],
    prefix: str,
    line_of: Callable[[str], int | None],
    own: str,
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """``table`` without its language tables, and those tables by language code.

    A table named like a language code that names none is reported here, so the general
    check does not call it an unknown field.
    """
    rest: dict[str, Any] = {}
    languages: dict[str, dict[str, Any]] = {}
    for name, value in table.items():
        if name in fields or not isinstance(value, dict) or not _LANGUAGE_NAME.match(name):
            rest[name] = value
        elif name not in LANGUAGE_CODES:
            check.report(f"{prefix}{name}", _unknown_code(name), line_of(name))
        elif name == own:
            message = PlaybookCheck.tr(
                "is the playbook's own language ({code}): write these words above"
            ).format(code=own)
            check.report(f"{prefix}{name}", message, line_of(name))
        else:
            languages[name] = value
    return rest, languages


def _unknown_code(code: str) -> str:
    return PlaybookCheck.tr(
        "unknown language code '{code}'; name a language by its two-letter ISO 639-1 code, "
        "such as 'de'",
    ).format(code=code)


def step_text(
    check: FieldChecker,
    value: Mapping[str, Any],
    step: Step,
    index: int,
    language: str,
) -> StepText:
    """A step's ``[PHASE.LANG]`` table: the fields it translates, each one the step has."""
    phase = step.phase.value
    prefix = f"{phase}[{step.key or index + 1}].{language}."

    def line_of(name: str) -> int | None:
        return check.lines.field_in_variant(phase, index, language, name)

    check.unknown_fields(value, _STEP_TEXT_FIELDS, prefix, line_of)
    has = {
        "title": True,
        "do": True,
        "say": bool(step.say),
        "avoid": bool(step.avoid),
        "detail": bool(step.detail),
        "loop_back": step.loop_back is not None,
        _VIDEO: step.video is not None,
    }
    for name in _STEP_TEXT_FIELDS & value.keys():
        if not has[name]:
            message = PlaybookCheck.tr(
                "translates '{field}', which this step does not have"
            ).format(field=name)
            check.report(f"{prefix}{name}", message, line_of(name))
    words = _texts(check, value, prefix, line_of).words()
    return StepText(
        title=words.title,
        do=words.do,
        say=words.say,
        avoid=words.avoid,
        detail=words.detail,
        loop_back_when=_loop_back_when(check, value.get("loop_back"), prefix, line_of),
        video=_video_text(check, value.get(_VIDEO), step, index, language, prefix),
    )


def _video_text(
    check: FieldChecker, value: object, step: Step, index: int, language: str, prefix: str
) -> StepVariant | None:
    if value is None or step.video is None:
        return None
    phase = step.phase.value
    prefix = f"{prefix}{_VIDEO}."

    def line_of(name: str) -> int | None:
        return check.lines.field_in_variant(phase, index, f"{language}.{_VIDEO}", name)

    if not isinstance(value, dict):
        message = PlaybookCheck.tr("must be a [{table}] table").format(
            table=f"{phase}.{language}.{_VIDEO}"
        )
        check.report(prefix.rstrip("."), message, line_of(""))
        return None
    check.unknown_fields(value, _VIDEO_TEXT_FIELDS, prefix, line_of)
    for name in _VIDEO_TEXT_FIELDS & value.keys():
        if getattr(step.video, name) is None:
            message = PlaybookCheck.tr(
                "translates '{field}', which this step's video words do not change"
            ).format(field=name)
            check.report(f"{prefix}{name}", message, line_of(name))
    return _texts(check, value, prefix, line_of).words()


def _loop_back_when(
    check: FieldChecker, value: object, prefix: str, line_of: Callable[[str], int | None]
) -> str | None:
    if value is None:
        return None
    field_name = f"{prefix}loop_back"
    line = line_of("loop_back")
    if not isinstance(value, dict):
        message = PlaybookCheck.tr("must be a table with 'when', as in {example}").format(
            example='loop_back = { when = "…" }'
        )
        check.report(field_name, message, line)
        return None
    if "to" in value:
        message = PlaybookCheck.tr(
            "the step it goes back to is the same in every language: leave 'to' out"
        )
        check.report(f"{field_name}.to", message, line)
    check.unknown_fields(value, {"when", "to"}, f"{field_name}.", line)
    return check.text(value, "when", f"{field_name}.", line) or None


def playbook_text(check: FieldChecker, value: Mapping[str, Any], language: str) -> PlaybookText:
    """The top ``[LANG]`` table: the playbook's title, summary and video summary."""

    def line_of(name: str) -> int | None:
        return check.lines.field_in_top_table(language, name)

    prefix = f"{language}."
    check.unknown_fields(value, _TOP_TEXT_FIELDS, prefix, line_of)
    texts = _texts(check, value, prefix, line_of)
    video_summary: str | None = None
    video = value.get(_VIDEO)
    if video is not None:
        line = line_of(_VIDEO)
        if isinstance(video, dict):
            check.unknown_fields(video, {"summary"}, f"{prefix}{_VIDEO}.", line)
            video_summary = _texts(check, video, f"{prefix}{_VIDEO}.", lambda _: line).text(
                "summary", SUMMARY_MAX_CHARS
            )
        else:
            message = PlaybookCheck.tr("must be a table with 'summary'")
            check.report(f"{prefix}{_VIDEO}", message, line)
    return PlaybookText(
        title=texts.text("title", TITLE_MAX_CHARS),
        summary=texts.text("summary", SUMMARY_MAX_CHARS),
        video_summary=video_summary,
        debrief_questions=debrief_questions_in(check, value, prefix, line_of(_DEBRIEF)),
    )


def debrief_questions_in(
    check: FieldChecker, table: Mapping[str, Any], prefix: str, line: int | None
) -> tuple[str, ...] | None:
    """The playbook's debrief questions in one table (its own words or a language's),
    checked against what a partner is asked at most; None when the table has none."""
    if _DEBRIEF not in table:
        return None
    return check.question_list(
        table,
        _DEBRIEF,
        prefix,
        line,
        most=MAX_DEBRIEF_QUESTIONS,
        max_chars=MAX_DEBRIEF_QUESTION_CHARS,
    )


class _texts:  # noqa: N801 - reads as a phrase: _texts(check, ...).text("title", 60)
    """The fields of one language table, each checked only when it is there."""

    def __init__(
        self,
        check: FieldChecker,
        table: Mapping[str, Any],
        prefix: str,
        line_of: Callable[[str], int | None],
    ) -> None:
        self._check, self._table, self._prefix, self._line_of = check, table, prefix, line_of

    def text(self, name: str, max_chars: int | None) -> str | None:
        if name not in self._table:
            return None
        return self._check.text(
            self._table, name, self._prefix, self._line_of(name), max_chars=max_chars
        )

    def lines(self, name: str) -> tuple[str, ...] | None:
        if name not in self._table:
            return None
        return self._check.text_list(self._table, name, self._prefix, self._line_of(name))

    def words(self) -> StepVariant:
        """A step's words, each field checked with the same limit as the own words'."""
        return StepVariant(
            title=self.text("title", TITLE_MAX_CHARS),
            do=self.text("do", DO_MAX_CHARS),
            say=self.lines("say"),
            avoid=self.lines("avoid"),
            detail=self.text("detail", None),
        )


def misplaced_language_tables(check: FieldChecker, text: str, languages: set[str]) -> None:
    """A ``[during.de]`` written under a ``[[prepare]]`` step would translate another step.

    TOML attaches it to the last ``[[during]]`` step, wherever that is, so say so instead.
    """
    phase_names = "|".join(phase.value for phase in Phase)
    language_header = re.compile(rf"^\s*\[\s*({phase_names})\s*\.\s*([A-Za-z_-]+)\s*[.\]]")
    step_header = re.compile(rf"^\s*\[\[\s*({phase_names})\s*\]\]")
    last_step: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if step := step_header.match(line):
            last_step = step.group(1)
            continue
        table = language_header.match(line)
        if table is None or table.group(2) not in languages:
            continue
        phase, language = table.group(1), table.group(2)
        if last_step != phase:
            after = f"[[{last_step}]]" if last_step else PlaybookCheck.tr("the top fields")
            message = PlaybookCheck.tr(
                "follows {after}, so it would translate the last [[{phase}]] step; "
                "write it right after the step it translates",
            ).format(after=after, phase=phase)
            check.report(f"{phase}.{language}", message, number)


def language_gaps(check: FieldChecker, playbook: Playbook) -> list[Problem]:
    """A warning for every field a language leaves in the playbook's own words."""
    warnings: list[Problem] = []
    own = playbook.language
    top_texts = dict(playbook.texts)
    for language in playbook.languages[1:]:

        def warn(
            field_name: str,
            fallback: str | tuple[str, ...],
            line: int | None,
            language: str = language,
        ) -> None:
            shown = fallback if isinstance(fallback, str) else " / ".join(fallback)
            if len(shown) > 48:
                shown = shown[:47].rstrip() + "…"
            message = PlaybookCheck.tr("no {language} text: shows the {own} '{fallback}'").format(
                language=language_name(language), own=language_name(own), fallback=shown
            )
            warnings.append(Problem(check.path, f"{field_name}", message, line))

        top = top_texts.get(language, PlaybookText())
        for name, translated, fallback in (
            ("title", top.title, playbook.title),
            ("summary", top.summary, playbook.summary),
            ("video.summary", top.video_summary, playbook.video_summary),
        ):
            if fallback and translated is None:
                warn(
                    f"{language}.{name}",
                    fallback,
                    check.lines.field_in_top_table(language, name.split(".")[0]),
                )
        if playbook.debrief_questions and top.debrief_questions is None:
            warn(f"{language}.{_DEBRIEF}", playbook.debrief_questions, None)
        for phase in Phase:
            for index, step in enumerate(_steps_of(playbook, phase)):
                for name, own_words in _missing_in(step, language):
                    line = check.lines.field_in_variant(phase.value, index, language, "") or None
                    warn(f"{phase.value}[{step.key}].{language}.{name}", own_words, line)
    return warnings


def _steps_of(playbook: Playbook, phase: Phase) -> tuple[Step, ...]:
    return {Phase.PREPARE: playbook.prepare, Phase.DURING: playbook.during}.get(
        phase, playbook.after
    )


def _missing_in(step: Step, language: str) -> Iterator[tuple[str, str | tuple[str, ...]]]:
    text = dict(step.texts).get(language, StepText())
    for name, translated, own in (
        ("title", text.title, step.title),
        ("do", text.do, step.do),
        ("say", text.say, step.say),
        ("avoid", text.avoid, step.avoid),
        ("detail", text.detail, step.detail),
    ):
        if own and translated is None:
            yield name, own
    if step.loop_back is not None and text.loop_back_when is None:
        yield "loop_back.when", step.loop_back.when
    if step.video is not None:
        words = text.video or StepVariant()
        for name in sorted(_VIDEO_TEXT_FIELDS):
            own = getattr(step.video, name)
            if own is not None and getattr(words, name) is None:
                yield f"{_VIDEO}.{name}", own
