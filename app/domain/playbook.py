"""Playbooks: the steps of a difficult meeting, kept as TOML data files.

This module holds the model: an immutable ``Playbook`` of ``Step``s, and the ``Problem``s a
``PlaybookError`` carries, each naming the file, the field, the line where one can be told,
and what is wrong. ``playbook_file.load_playbook`` reads a file and ``playbook_parser``
checks it. The format is documented in ``playbooks/README.md``.

A step's own words are for a meeting in person; its optional ``video`` table says what
changes on a video call (title, do, say, avoid, detail), and ``only`` keeps a step to one
kind of meeting. ``Playbook.for_mode`` gives the playbook as a meeting of one mode reads
it, once, before any window sees it.

A playbook's own words are in its ``language``; ``texts`` (on the playbook and on each step)
carry the same fields in other languages, and ``Playbook.in_language`` picks one, falling
back field by field to the playbook's own words (``language_codes`` says which codes name one).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from app.domain.language_codes import language_of
from app.domain.meeting_terms import MeetingMode

DEFAULT_LANGUAGE = "en"

_T = TypeVar("_T")


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
class StepText:
    """A step's words in one more language; ``None``: that field shows the playbook's own."""

    title: str | None = None
    do: str | None = None
    say: tuple[str, ...] | None = None
    avoid: tuple[str, ...] | None = None
    detail: str | None = None
    loop_back_when: str | None = None
    video: StepVariant | None = None


@dataclass(frozen=True, slots=True)
class PlaybookText:
    """The playbook's own title and summaries in one more language."""

    title: str | None = None
    summary: str | None = None
    video_summary: str | None = None
    debrief_questions: tuple[str, ...] | None = None


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
    texts: tuple[tuple[str, StepText], ...] = ()  # (language code, words) in other languages

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
            texts=tuple((language, video_text(text, variant)) for language, text in self.texts),
        )


def video_text(text: StepText, variant: StepVariant) -> StepText:
    """A language's words for a step on a video call, resolved as ``Step.for_mode`` does."""
    own = text.video or StepVariant()

    def pick(name: str) -> Any:
        translated = getattr(own, name)
        if translated is not None:
            return translated
        # The own words change on a video call and this language does not say how: fall back.
        return None if getattr(variant, name) is not None else getattr(text, name)

    return StepText(
        title=pick("title"),
        do=pick("do"),
        say=pick("say"),
        avoid=pick("avoid"),
        detail=pick("detail"),
        loop_back_when=text.loop_back_when,
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
    language: str = DEFAULT_LANGUAGE  # the language of the words above
    texts: tuple[tuple[str, PlaybookText], ...] = ()  # (language code, words) in others
    # What the partner is asked after the meeting; empty: partner_watch's default questions.
    debrief_questions: tuple[str, ...] = ()
    # What ``poise playbook check`` warns about: fields a language leaves to the fallback.
    warnings: tuple[Problem, ...] = field(default=(), compare=False)
    # After ``in_language``: the fields that kept the playbook's own words, e.g. "during[x].say".
    fell_back: tuple[str, ...] = field(default=(), compare=False)

    def in_language(self, code: str) -> Playbook:
        """The playbook in the language ``code`` ("de", "de_DE.UTF-8", "de-AT"), where it has it.

        Each field this language lacks keeps the playbook's own words and is named in
        ``fell_back``; a language the playbook does not have gives it in its own language.
        """
        return _playbook_in_language(self, code)

    @property
    def languages(self) -> tuple[str, ...]:
        """The playbook's own language first, then every other one it has words in."""
        others = {language for language, _ in self.texts}
        for step in self.all_steps:
            others.update(language for language, _ in step.texts)
        return (self.language, *sorted(others - {self.language}))

    def for_mode(self, mode: MeetingMode) -> Playbook:
        """The playbook as a meeting in ``mode`` reads it: its steps and summary resolved.

        Resolve once, from the loaded playbook: the result has no variants left.
        """

        def steps(phase: tuple[Step, ...]) -> tuple[Step, ...]:
            return tuple(step.for_mode(mode) for step in phase if step.applies_to(mode))

        video = mode is MeetingMode.VIDEO

        def summary_for(text: PlaybookText) -> str | None:
            if not video:
                return text.summary
            if text.video_summary is not None:
                return text.video_summary
            # The own words have a video summary this language lacks: that one shows.
            return None if self.video_summary else text.summary

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
            language=self.language,
            texts=tuple(
                (
                    language,
                    PlaybookText(text.title, summary_for(text), None, text.debrief_questions),
                )
                for language, text in self.texts
            ),
            debrief_questions=self.debrief_questions,
            warnings=self.warnings,
            fell_back=self.fell_back,
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


def _playbook_in_language(playbook: Playbook, code: str) -> Playbook:
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
    debrief = chosen(top.debrief_questions, playbook.debrief_questions, "debrief_questions")

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
        debrief_questions=debrief,
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
