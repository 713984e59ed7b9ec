"""Parsing playbook TOML into a ``Playbook``, with every problem found named.

``parse_playbook`` checks the top fields, the sources and each phase's steps (their video
variants, ``only`` and loop-backs), then that keys are unique and that loop-backs stay
possible in each kind of meeting; it raises one ``PlaybookError`` listing them all.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path

from app.domain.meeting_terms import MeetingMode
from app.domain.playbook import (
    LoopBack,
    Phase,
    Playbook,
    PlaybookError,
    Problem,
    Source,
    Step,
    StepVariant,
)
from app.domain.playbook_checker import (
    DO_MAX_CHARS,
    SUMMARY_MAX_CHARS,
    TITLE_MAX_CHARS,
    FieldChecker,
)
from app.domain.playbook_languages import (
    debrief_questions_in,
    language_gaps,
    misplaced_language_tables,
    own_language,
    playbook_text,
    split_languages,
    step_text,
)
from app.translation import QT_TRANSLATE_NOOP, translate

FORMAT_VERSION = 1

_VIDEO = "video"
_DEBRIEF = "debrief_questions"
_TOP_FIELDS = {
    "format",
    "id",
    "version",
    "language",
    "title",
    "summary",
    "source",
    _VIDEO,
    _DEBRIEF,
    *Phase,
}
_TOP_VIDEO_FIELDS = {"summary"}
_SOURCE_FIELDS = {"title", "author", "year"}
_STEP_FIELDS = {"key", "title", "do", "say", "avoid", "detail", "loop_back", "only", _VIDEO}
_VARIANT_FIELDS = {"title", "do", "say", "avoid", "detail"}
_LOOP_BACK_FIELDS = {"when", "to"}


def parse_playbook(text: str, path: Path) -> Playbook:
    """Validate playbook TOML ``text``; ``path`` is used in error messages and kept as origin."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message, line = _syntax_error_place(error, text)
        raise PlaybookError(
            [
                Problem(
                    path,
                    "",
                    translate("PlaybookParser", "not valid TOML: {message}").format(
                        message=message
                    ),
                    line,
                )
            ]
        ) from None
    except RecursionError:
        # tomllib recurses once per nested array or inline table; a hostile file can exhaust it.
        raise PlaybookError(
            [Problem(path, "", translate("PlaybookParser", "not valid TOML: nested too deeply"))]
        ) from None

    check = FieldChecker(path, text)
    top = check.lines.top_level
    language = own_language(check, data)
    data, top_languages = split_languages(check, data, _TOP_FIELDS, "", top, language)
    check.unknown_fields(data, _TOP_FIELDS, "", top)
    texts = tuple(
        (code, playbook_text(check, table, code)) for code, table in sorted(top_languages.items())
    )

    file_format = check.integer(data, "format", "", top("format"), required=True)
    if file_format is not None and file_format != FORMAT_VERSION:
        check.report(
            "format",
            translate(
                "PlaybookParser",
                "format {found} is not supported; this Poise reads format {supported}",
            ).format(found=file_format, supported=FORMAT_VERSION),
            top("format"),
        )
    playbook_id = check.slug(data, "id", "", top("id"))
    version = check.integer(data, "version", "", top("version"), required=False) or 1
    title = check.text(data, "title", "", top("title"), max_chars=TITLE_MAX_CHARS)
    summary = check.text(data, "summary", "", top("summary"), max_chars=SUMMARY_MAX_CHARS)
    sources = tuple(_sources(check, data.get("source")))
    video_summary = _video_summary(check, data.get(_VIDEO))
    debrief_questions = debrief_questions_in(check, data, "", top(_DEBRIEF)) or ()

    phases: dict[Phase, tuple[Step, ...]] = {}
    for phase in Phase:
        phases[phase] = tuple(_steps(check, phase, data.get(phase.value), language))
    if Phase.DURING.value not in data:
        check.report(
            "during",
            translate(
                "PlaybookParser", "missing field: a playbook needs at least one [[during]] step"
            ),
            None,
        )

    _check_keys(check, phases)
    _check_modes(check, phases)
    languages = {code for code, _ in texts} | {
        code for steps in phases.values() for step in steps for code, _ in step.texts
    }
    misplaced_language_tables(check, text, languages)

    if check.problems:
        raise PlaybookError(check.problems)
    playbook = Playbook(
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
        language=language,
        texts=texts,
        debrief_questions=debrief_questions,
    )
    return replace(playbook, warnings=tuple(language_gaps(check, playbook)))


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


def _sources(check: FieldChecker, value: object) -> Iterator[Source]:
    if value is None:
        check.report(
            "source", translate("PlaybookParser", "missing field: credit at least one source"), None
        )
        return
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        check.report(
            "source",
            translate("PlaybookParser", "must be [[source]] tables"),
            check.lines.top_level("source"),
        )
        return
    if not value:
        check.report(
            "source",
            translate("PlaybookParser", "must not be empty"),
            check.lines.top_level("source"),
        )
    for index, table in enumerate(value):
        prefix = f"source[{index + 1}]."

        def line_of(field_name: str, index: int = index) -> int | None:
            return check.lines.field_in_table("source", index, field_name)

        check.unknown_fields(table, _SOURCE_FIELDS, prefix, line_of)
        title = check.text(table, "title", prefix, line_of("title"))
        author = check.text(table, "author", prefix, line_of("author"))
        year = check.integer(table, "year", prefix, line_of("year"), required=False)
        yield Source(title=title, author=author, year=year)


def _steps(check: FieldChecker, phase: Phase, value: object, language: str) -> Iterator[Step]:
    name = phase.value
    if value is None:
        return
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        check.report(
            name,
            translate("PlaybookParser", "must be [[{name}]] tables").format(name=name),
            check.lines.top_level(name),
        )
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

        def table_line(code: str, index: int = index) -> int | None:
            return check.lines.field_in_variant(name, index, code, "")

        table, languages = split_languages(check, table, _STEP_FIELDS, prefix, table_line, language)
        check.unknown_fields(table, _STEP_FIELDS, prefix, line_of)
        key = check.slug(table, "key", prefix, line_of("key"))
        title = check.text(table, "title", prefix, line_of("title"), max_chars=TITLE_MAX_CHARS)
        do = check.text(table, "do", prefix, line_of("do"), max_chars=DO_MAX_CHARS)
        say = check.text_list(table, "say", prefix, line_of("say"))
        avoid = check.text_list(table, "avoid", prefix, line_of("avoid"))
        detail = check.text(table, "detail", prefix, line_of("detail"), required=False)
        loop_back = _loop_back(check, table.get("loop_back"), prefix, line_of("loop_back"))
        video = _variant(check, table.get(_VIDEO), name, index, f"{prefix}{_VIDEO}.")
        only = _only(check, table.get("only"), f"{prefix}only", line_of("only"))
        if only is MeetingMode.IN_PERSON and video is not None:
            check.report(
                f"{prefix}{_VIDEO}",
                translate(
                    "PlaybookParser", "a step only for meetings in person has no video words"
                ),
                line_of("only"),
            )
        step = Step(
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
        yield replace(
            step,
            texts=tuple(
                (code, step_text(check, words, step, index, code))
                for code, words in sorted(languages.items())
            ),
        )


def _only(
    check: FieldChecker, value: object, field_name: str, line: int | None
) -> MeetingMode | None:
    if value is None:
        return None
    choices = ", ".join(f"'{mode.value}'" for mode in MeetingMode)
    if isinstance(value, str) and value in MeetingMode._value2member_map_:
        return MeetingMode(value)
    check.report(
        field_name,
        translate("PlaybookParser", "must be one of {choices}, not {value}").format(
            choices=choices, value=repr(value)
        ),
        line,
    )
    return None


def _variant(
    check: FieldChecker, value: object, phase: str, index: int, prefix: str
) -> StepVariant | None:
    """A step's ``video`` table, checked as strictly as the step itself."""
    if value is None:
        return None

    def line_of(field_name: str) -> int | None:
        return check.lines.field_in_variant(phase, index, _VIDEO, field_name)

    if not isinstance(value, dict):
        check.report(
            prefix.rstrip("."),
            translate("PlaybookParser", "must be a [{phase}.video] table").format(phase=phase),
            line_of(""),
        )
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
        title=text("title", TITLE_MAX_CHARS),
        do=text("do", DO_MAX_CHARS),
        say=lines("say"),
        avoid=lines("avoid"),
        detail=detail,
    )


def _video_summary(check: FieldChecker, value: object) -> str:
    if value is None:
        return ""
    line = check.lines.top_level(_VIDEO)
    if not isinstance(value, dict):
        check.report(_VIDEO, translate("PlaybookParser", "must be a [video] table"), line)
        return ""
    check.unknown_fields(value, _TOP_VIDEO_FIELDS, f"{_VIDEO}.", line)
    return check.text(
        value, "summary", f"{_VIDEO}.", line, required=False, max_chars=SUMMARY_MAX_CHARS
    )


def _loop_back(
    check: FieldChecker, value: object, prefix: str, line: int | None
) -> LoopBack | None:
    if value is None:
        return None
    field_name = f"{prefix}loop_back"
    if not isinstance(value, dict):
        check.report(
            field_name, translate("PlaybookParser", "must be a table with 'when' and 'to'"), line
        )
        return None
    check.unknown_fields(value, _LOOP_BACK_FIELDS, f"{field_name}.", line)
    when = check.text(value, "when", f"{field_name}.", line)
    to = check.slug(value, "to", f"{field_name}.", line)
    return LoopBack(when=when, to=to)


def _check_modes(check: FieldChecker, phases: Mapping[Phase, tuple[Step, ...]]) -> None:
    """Each kind of meeting still has live steps, and no loop-back leaves its kind."""
    during = phases[Phase.DURING]
    for mode in MeetingMode:
        if during and not any(step.applies_to(mode) for step in during):
            check.report(
                "during",
                translate("PlaybookParser", _NO_STEP_LEFT[mode]),
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
                        translate("PlaybookParser", _STEP_MISSING_IN_MODE[mode]).format(
                            target=target.key
                        ),
                        check.lines.field_in_table(phase.value, index, "loop_back"),
                    )


_NO_STEP_LEFT = {
    MeetingMode.IN_PERSON: QT_TRANSLATE_NOOP(
        "PlaybookParser", "no [[during]] step is left for a meeting in person"
    ),
    MeetingMode.VIDEO: QT_TRANSLATE_NOOP(
        "PlaybookParser", "no [[during]] step is left for a meeting on a video call"
    ),
}
_STEP_MISSING_IN_MODE = {
    MeetingMode.IN_PERSON: QT_TRANSLATE_NOOP(
        "PlaybookParser", "goes back to step '{target}', which a meeting in person does not have"
    ),
    MeetingMode.VIDEO: QT_TRANSLATE_NOOP(
        "PlaybookParser",
        "goes back to step '{target}', which a meeting on a video call does not have",
    ),
}


def _check_keys(check: FieldChecker, phases: Mapping[Phase, tuple[Step, ...]]) -> None:
    seen: dict[str, Phase] = {}
    for phase, steps in phases.items():
        for index, step in enumerate(steps):
            if not step.key:
                continue
            if step.key in seen:
                check.report(
                    f"{phase.value}[{step.key}].key",
                    translate(
                        "PlaybookParser", "duplicate step key '{key}' (already used in [[{phase}]])"
                    ).format(key=step.key, phase=seen[step.key].value),
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
                    translate(
                        "PlaybookParser", "goes back to step '{target}', which does not exist"
                    ).format(target=target),
                    line,
                )
            elif seen[target] is not phase:
                check.report(
                    f"{phase.value}[{step.key}].loop_back.to",
                    translate(
                        "PlaybookParser",
                        "goes back to step '{target}' in [[{phase}]]; "
                        "a loop-back stays in its own phase",
                    ).format(target=target, phase=seen[target].value),
                    line,
                )
            elif target == step.key:
                check.report(
                    f"{phase.value}[{step.key}].loop_back.to",
                    translate("PlaybookParser", "a step cannot loop back to itself"),
                    line,
                )
