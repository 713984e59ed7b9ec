"""The set of playbooks a user can pick from: the shipped ones plus their own.

A broken user playbook never stops the app: it is skipped, and its problems are
kept in ``PlaybookLibrary.problems`` for the UI and ``poise playbook list`` to show.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.playbook import Playbook, PlaybookError, Problem
from app.domain.playbook_file import load_playbook
from app.domain.playbook_folders import Origin, playbook_files

__all__ = ["LoadedPlaybook", "Origin", "PlaybookLibrary", "load_library", "playbook_files"]


@dataclass(frozen=True, slots=True)
class LoadedPlaybook:
    playbook: Playbook
    origin: Origin
    path: Path


@dataclass(slots=True)
class PlaybookLibrary:
    entries: list[LoadedPlaybook] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def playbooks(self) -> list[Playbook]:
        return [entry.playbook for entry in self.entries]

    def get(self, playbook_id: str) -> Playbook | None:
        for entry in self.entries:
            if entry.playbook.id == playbook_id:
                return entry.playbook
        return None

    def titles(self) -> dict[str, str]:
        """Each playbook's id and the title the user reads, for the review and the exports."""
        return {entry.playbook.id: entry.playbook.title for entry in self.entries}

    def __contains__(self, playbook_id: object) -> bool:
        return isinstance(playbook_id, str) and self.get(playbook_id) is not None

    def in_language(self, code: str) -> PlaybookLibrary:
        """Every playbook in the language ``code`` where it has it, else in its own."""
        return PlaybookLibrary(
            entries=[
                LoadedPlaybook(entry.playbook.in_language(code), entry.origin, entry.path)
                for entry in self.entries
            ],
            problems=list(self.problems),
        )


def load_library(sources: Iterable[tuple[Origin, Path]]) -> PlaybookLibrary:
    """Load every playbook from each ``(origin, folder)``, earlier folders winning on id clashes."""
    library = PlaybookLibrary()
    claimed: dict[str, Path] = {}
    for origin, folder in sources:
        for path in playbook_files(folder):
            try:
                playbook = load_playbook(path)
            except PlaybookError as invalid:
                library.problems.extend(invalid.problems)
                continue
            if playbook.id in claimed:
                library.problems.append(
                    Problem(
                        path,
                        "id",
                        f"id '{playbook.id}' is already used by {claimed[playbook.id]}; "
                        "give this playbook an id of its own",
                    )
                )
                continue
            claimed[playbook.id] = path
            library.entries.append(LoadedPlaybook(playbook, origin, path))
    return library
