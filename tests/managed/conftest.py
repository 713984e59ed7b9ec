"""The administrator's folder for these tests: a real folder that XDG_CONFIG_DIRS names,
as /etc/xdg is named on a real Linux machine (platformdirs' rule)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def admin_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``<xdg>/poise``, empty; the second XDG entry has nothing, as on a real system."""
    xdg = tmp_path / "xdg-system"
    folder = xdg / "poise"
    folder.mkdir(parents=True)
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{xdg}:{tmp_path / 'xdg-empty'}")
    return folder


def write_admin_file(folder: Path, text: str) -> Path:
    path = folder / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path
