"""Loads the playbooks a user can pick: the shipped folder, the team's, the user's own.

Earlier folders win when two playbooks share an id (``load_library``): the shipped ones,
then the team's (the administrator's managed folder, ``app.managed_settings``), then the
user's; ``poise playbook list`` shows which file each id came from and what was skipped.

A starting app reads them through ``StartPlaybooks``: parsing every playbook (TOML, the
checker, the languages: ~65 ms with their modules) came before the home window's first
paint, which shows only whether a meeting can be started and which playbooks were
skipped. With no playbook of the team's or the person's there is nothing to skip (the
shipped ones are checked by the tests), so the home window paints first and the library
is parsed right after that paint, or at its first use if that comes sooner. A folder
holding playbooks of the team's or the person's is parsed before the paint, as ever,
so a broken one's errors are in the first paint exactly as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app import paths
from app.domain.playbook_folders import Origin, playbook_files
from app.managed_settings import team_playbooks_dir
from app.resources import shipped_playbooks_dir

if TYPE_CHECKING:
    from app.domain.library import PlaybookLibrary

__all__ = ["PlaybookOverview", "StartPlaybooks", "load_all_playbooks", "playbook_sources"]


def playbook_sources() -> list[tuple[Origin, Path]]:
    """The folders playbooks are read from, the first winning on an id clash."""
    sources: list[tuple[Origin, Path]] = [(Origin.SHIPPED, shipped_playbooks_dir())]
    team = team_playbooks_dir()
    if team is not None:
        sources.append((Origin.TEAM, team))
    sources.append((Origin.USER, paths.user_playbooks_dir()))
    return sources


def load_all_playbooks(language: str | None = None) -> PlaybookLibrary:
    """Every playbook: shipped, the team's, the person's; in ``language`` ("de", "de_DE")
    where it has it, None: in its own."""
    from app.domain.library import load_library

    library = load_library(playbook_sources())
    return library if language is None else library.in_language(language)


@dataclass(frozen=True, slots=True)
class PlaybookOverview:
    """What the home window shows of the playbooks: how many, and why any were skipped."""

    count: int
    problems: tuple[str, ...] = ()

    @classmethod
    def of(cls, library: PlaybookLibrary) -> PlaybookOverview:
        return cls(len(library.entries), tuple(str(problem) for problem in library.problems))


class StartPlaybooks:
    """The playbooks of a starting app: its overview at once, the library when first asked."""

    def __init__(
        self, language: str | None = None, *, library: PlaybookLibrary | None = None
    ) -> None:
        """``library``: one already read (a test's, a command's), used as it is."""
        self._language = language
        self._library = library
        if library is not None:
            self.overview = PlaybookOverview.of(library)
            return
        sources = playbook_sources()
        if any(playbook_files(folder) for origin, folder in sources if origin != Origin.SHIPPED):
            # The team's or the person's own: any may be broken, and says so in the paint.
            self.overview = PlaybookOverview.of(self.library())
        else:
            self.overview = PlaybookOverview(len(playbook_files(sources[0][1])))

    @property
    def is_parsed(self) -> bool:
        return self._library is not None

    def library(self) -> PlaybookLibrary:
        """Every playbook, parsed on the first call."""
        if self._library is None:
            self._library = load_all_playbooks(self._language)
        return self._library
