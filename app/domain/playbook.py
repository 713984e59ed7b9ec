"""Playbooks: the steps of a difficult meeting, kept as TOML data files.

This module holds the model: an immutable ``Playbook`` of ``Step``s, and the ``Problem``s a
``PlaybookError`` carries, each naming the file, the field, the line where one can be told,
and what is wrong. ``playbook_file.load_playbook`` reads a file and ``playbook_parser``
checks it. The format is documented in ``playbooks/README.md``.

A step's own words are for a meeting in person; its optional ``video`` table says what
changes on a video call (title, do, say, avoid, detail), and ``only`` keeps a step to one
kind of meeting. ``Playbook.for_mode`` gives the playbook as a meeting of one mode reads
it, once, before any window sees it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from app.domain.meeting_terms import MeetingMode

PLAYBOOK_SUFFIX = ".toml"


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
