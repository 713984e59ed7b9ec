"""Where playbooks come from and which files in a folder are playbooks, without reading them.

Light on purpose: the home window's first paint needs to know the playbook files there
are (``app.playbooks.StartPlaybooks``) before anything parses them (``app.domain.library``).
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

PLAYBOOK_SUFFIX = ".toml"


class Origin(StrEnum):
    SHIPPED = "shipped"
    TEAM = "team"  # the administrator's folder (app.managed_settings)
    USER = "user"


def playbook_files(folder: Path) -> list[Path]:
    """Playbook files in ``folder``, in a stable order; a missing folder has none."""
    if not folder.is_dir():
        return []
    return sorted(
        (p for p in folder.iterdir() if p.suffix == PLAYBOOK_SUFFIX and p.is_file()),
        key=lambda p: p.name,
    )
