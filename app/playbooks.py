"""Loads the playbooks a user can pick: the shipped folder, then the user's own folder."""

from __future__ import annotations

from app import paths
from app.domain.library import Origin, PlaybookLibrary, load_library
from app.resources import shipped_playbooks_dir


def load_all_playbooks(language: str | None = None) -> PlaybookLibrary:
    """Every playbook; in ``language`` ("de", "de_DE") where it has it, None: in its own."""
    library = load_library(
        [(Origin.SHIPPED, shipped_playbooks_dir()), (Origin.USER, paths.user_playbooks_dir())]
    )
    return library if language is None else library.in_language(language)
