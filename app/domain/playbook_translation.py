"""A playbook in one language: which codes name a language, and the words chosen field by field.

``playbook_in_language`` gives the same ``Playbook`` with one language's words in place and no
other languages left; a field that language lacks keeps the playbook's own words and is named
in ``Playbook.fell_back``. ``Playbook.in_language`` calls it; ``playbook_languages`` (the
parser's part for languages) checks codes with ``LANGUAGE_CODES``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TypeVar

from app.domain.playbook import LoopBack, Playbook, PlaybookText, Step, StepText, StepVariant

# ISO 639-1: the two-letter codes a language table may be named by ("de", "fr", ...).
LANGUAGE_CODES = frozenset(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr
    ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw
    ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv
    ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr
    ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi
    yo za zh zu
    """.split()  # noqa: SIM905 - a list of 184 quoted codes reads worse
)

_LOCALE_LANGUAGE = re.compile(r"^([A-Za-z]{2})(?:$|[-_.@])")

_T = TypeVar("_T")


def language_of(code: str) -> str:
    """The two-letter language of a code or locale name: "de_DE.UTF-8", "de-AT" -> "de".

    Anything that names no known language ("C", "POSIX", "") gives "".
    """
    match = _LOCALE_LANGUAGE.match(code.strip())
    language = match.group(1).lower() if match else ""
    return language if language in LANGUAGE_CODES else ""


def playbook_in_language(playbook: Playbook, code: str) -> Playbook:
    language = language_of(code)
    if language == playbook.language or language not in playbook.languages:
        return replace(
            playbook,
            texts=(),
            prepare=_own(playbook.prepare),
            during=_own(playbook.during),
            after=_own(playbook.after),
        )
    fell_back: list[str] = []

    def chosen(translated: _T | None, own: _T, where: str) -> _T:
        if translated is not None:
            return translated
        if own:  # an empty field has nothing to fall back to
            fell_back.append(where)
        return own

    top = dict(playbook.texts).get(language, PlaybookText())
    title = chosen(top.title, playbook.title, "title")
    summary = chosen(top.summary, playbook.summary, "summary")
    video_summary = chosen(top.video_summary, playbook.video_summary, "video.summary")

    def step_in(step: Step) -> Step:
        text = dict(step.texts).get(language, StepText())
        where = f"{step.phase.value}[{step.key}]."
        loop_back = step.loop_back
        if loop_back is not None:
            when = chosen(text.loop_back_when, loop_back.when, f"{where}loop_back.when")
            loop_back = LoopBack(when=when, to=loop_back.to)
        video = step.video
        if video is not None:
            words = text.video or StepVariant()
            video_where = f"{where}video."
            video = StepVariant(
                title=_optional(words.title, video.title, f"{video_where}title", fell_back),
                do=_optional(words.do, video.do, f"{video_where}do", fell_back),
                say=_optional(words.say, video.say, f"{video_where}say", fell_back),
                avoid=_optional(words.avoid, video.avoid, f"{video_where}avoid", fell_back),
                detail=_optional(words.detail, video.detail, f"{video_where}detail", fell_back),
            )
        return replace(
            step,
            title=chosen(text.title, step.title, f"{where}title"),
            do=chosen(text.do, step.do, f"{where}do"),
            say=chosen(text.say, step.say, f"{where}say"),
            avoid=chosen(text.avoid, step.avoid, f"{where}avoid"),
            detail=chosen(text.detail, step.detail, f"{where}detail"),
            loop_back=loop_back,
            video=video,
            texts=(),
        )

    return replace(
        playbook,
        title=title,
        summary=summary,
        video_summary=video_summary,
        prepare=tuple(step_in(step) for step in playbook.prepare),
        during=tuple(step_in(step) for step in playbook.during),
        after=tuple(step_in(step) for step in playbook.after),
        language=language,
        texts=(),
        fell_back=tuple(fell_back),
    )


def _optional(translated: _T | None, own: _T | None, where: str, fell_back: list[str]) -> _T | None:
    """A video field: only what the own video words change needs a translation."""
    if own is None or translated is not None:
        return translated if own is not None else None
    fell_back.append(where)
    return own


def _own(steps: tuple[Step, ...]) -> tuple[Step, ...]:
    return tuple(replace(step, texts=()) for step in steps)
