"""Loads the playbooks a user can pick: the shipped folder, the team's, the user's own.

Earlier folders win when two playbooks share an id (``load_library``): the shipped ones,
then the team's (the administrator's managed folder, ``app.managed_settings``), then the
user's; ``poise playbook list`` shows which file each id came from and what was skipped.
"""

from __future__ import annotations

from pathlib import Path

from app import paths
from app.domain.library import Origin, PlaybookLibrary, load_library
from app.managed_settings import team_playbooks_dir
from app.resources import shipped_playbooks_dir


def load_all_playbooks(language: str | None = None) -> PlaybookLibrary:
    """Every playbook: shipped, the team's, the person's; in ``language`` ("de", "de_DE")
    where it has it, None: in its own."""
    sources: list[tuple[Origin, Path]] = [(Origin.SHIPPED, shipped_playbooks_dir())]
    team = team_playbooks_dir()
    if team is not None:
        sources.append((Origin.TEAM, team))
    sources.append((Origin.USER, paths.user_playbooks_dir()))
    library = load_library(sources)
    return library if language is None else library.in_language(language)
