"""Managed defaults, layer by layer: the built-in defaults, the administrator's file in
the system's configuration folder, the person's own settings, and the locks. Real files in
temporary folders, XDG_CONFIG_DIRS pointing at the administrator's, a fresh data folder."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from app import managed_settings
from app.domain.library import Origin
from app.domain.meeting_terms import CueStyle
from app.managed_settings import NO_LAYER, system_managed_dirs
from app.playbooks import load_all_playbooks
from app.settings import DEFAULTS, SettingsOwner, Theme, settings_file, shared_settings
from app.store.db import resolve_location

from ..conftest import REPO_ROOT
from ..test_cli import run_poise
from .conftest import write_admin_file

ADMIN_FILE = """\
organisation = "Northwind Support"
database_url = "postgresql+psycopg://db.northwind.example/poise"
locked = ["relay_broker_url", "cue_sound"]

[settings]
relay_broker_url = "wss://relay.northwind.example/mqtt"
cue_sound = true
cue_fade_seconds = 45
theme = "dark"

[[settings.cues]]
key = "breathe"
label = "Breathe"
words = "Slow down and breathe"
style = "glow"
"""


def _person_file(values: dict[str, object]) -> None:
    settings_file().parent.mkdir(parents=True, exist_ok=True)
    settings_file().write_text(json.dumps(values), encoding="utf-8")


def _saved() -> dict[str, object]:
    return dict(json.loads(settings_file().read_text(encoding="utf-8")))


def test_alone_on_sqlite_nothing_changes(admin_folder: Path) -> None:
    admin_folder.rmdir()  # no administrator's folder anywhere
    owner = shared_settings()
    assert owner.managed is NO_LAYER
    assert owner.current == DEFAULTS
    owner.update(cue_fade_seconds=30)
    assert set(_saved()) == set(DEFAULTS.__dataclass_fields__)
    assert resolve_location().sqlite_file is not None


def test_the_administrators_values_take_effect_on_a_fresh_data_folder(
    admin_folder: Path, data_dir: Path
) -> None:
    write_admin_file(admin_folder, ADMIN_FILE)
    assert not data_dir.exists()
    current = shared_settings().current
    assert current.relay_broker_url == "wss://relay.northwind.example/mqtt"
    assert current.cue_fade_seconds == 45
    assert current.theme is Theme.DARK
    assert current.cue_sound is True
    (cue,) = current.last_cues
    assert (cue.key, cue.words, cue.style) == ("breathe", "Slow down and breathe", CueStyle.GLOW)
    assert shared_settings().managed.problems == ()
    assert not settings_file().exists()  # reading writes nothing into the person's folder


def test_the_person_overrides_what_is_not_locked(admin_folder: Path) -> None:
    write_admin_file(admin_folder, ADMIN_FILE)
    _person_file({"cue_fade_seconds": 30, "theme": "light"})
    current = shared_settings().current
    assert current.cue_fade_seconds == 30
    assert current.theme is Theme.LIGHT
    assert current.relay_broker_url == "wss://relay.northwind.example/mqtt"


def test_a_locked_setting_wins_and_is_never_written_into_the_persons_file(
    admin_folder: Path,
) -> None:
    write_admin_file(admin_folder, ADMIN_FILE)
    _person_file({"cue_sound": False, "relay_broker_url": "wss://elsewhere.example/mqtt"})
    owner = shared_settings()
    assert owner.current.cue_sound is True
    assert owner.current.relay_broker_url == "wss://relay.northwind.example/mqtt"

    owner.update(cue_sound=False, relay_broker_url="wss://mine.example/mqtt", live_width=400)
    assert owner.current.cue_sound is True
    assert owner.current.relay_broker_url == "wss://relay.northwind.example/mqtt"
    saved = _saved()
    assert saved["live_width"] == 400
    assert "cue_sound" not in saved and "relay_broker_url" not in saved


def test_a_later_change_by_the_administrator_reaches_a_person_who_saved(
    admin_folder: Path, data_dir: Path
) -> None:
    write_admin_file(admin_folder, ADMIN_FILE)
    shared_settings().update(live_width=400)  # writes the whole file, at the admin's values
    assert "cue_fade_seconds" not in _saved()
    later = ADMIN_FILE.replace("cue_fade_seconds = 45", "cue_fade_seconds = 60")
    write_admin_file(admin_folder, later)
    again = SettingsOwner(settings_file())
    assert again.current.cue_fade_seconds == 60
    assert again.current.live_width == 400


def test_a_file_that_is_not_toml_names_file_and_line_and_is_left_alone(
    admin_folder: Path,
) -> None:
    broken = ADMIN_FILE.replace("cue_fade_seconds = 45", "cue_fade_seconds = = 45")
    path = write_admin_file(admin_folder, broken)
    before = path.stat()
    _person_file({"cue_fade_seconds": 30})
    owner = shared_settings()
    assert owner.current.cue_fade_seconds == 30  # the person's layer still holds
    assert owner.current.relay_broker_url == ""  # the administrator's is skipped whole
    (problem,) = owner.managed.problems
    assert f"{path}, line 8 cannot be read (Invalid value)" in problem
    assert path.read_text(encoding="utf-8") == broken
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    assert list(admin_folder.iterdir()) == [path]  # nothing moved or added beside it


def test_a_bad_entry_names_its_line_and_the_rest_is_used(admin_folder: Path) -> None:
    path = write_admin_file(
        admin_folder,
        ADMIN_FILE.replace('theme = "dark"', 'theme = "purple"\nwindow_colour = "red"'),
    )
    owner = shared_settings()
    assert owner.current.theme is DEFAULTS.theme
    assert owner.current.cue_fade_seconds == 45
    assert owner.current.cue_sound is True
    first, second = owner.managed.problems
    assert f"{path}, line 9: 'theme' has a value Poise cannot use" in first
    assert f"{path}, line 10: 'window_colour' is not a setting" in second


def test_a_database_url_with_a_password_is_refused_naming_file_and_line(
    admin_folder: Path,
) -> None:
    path = write_admin_file(
        admin_folder,
        ADMIN_FILE.replace("//db.northwind", "//poise:hunter2@db.northwind"),
    )
    owner = shared_settings()
    (problem,) = owner.managed.problems
    assert f"{path}, line 2: 'database_url' holds a password" in problem
    assert "hunter2" not in problem
    assert owner.managed.database_url == ""
    assert resolve_location().sqlite_file is not None  # the person's own SQLite, not a guess
    assert owner.current.relay_broker_url == "wss://relay.northwind.example/mqtt"


def test_the_administrators_database_is_used_unless_the_person_names_one(
    admin_folder: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    write_admin_file(admin_folder, ADMIN_FILE)
    location = resolve_location()
    assert location.sqlite_file is None
    assert location.url.host == "db.northwind.example"
    mine = tmp_path / "mine.sqlite3"
    monkeypatch.setenv("POISE_DATABASE_URL", f"sqlite:///{mine}")
    assert resolve_location().sqlite_file == mine


def test_locking_a_setting_without_a_value_is_said(admin_folder: Path) -> None:
    path = write_admin_file(admin_folder, 'locked = ["theme"]\n')
    layer = shared_settings().managed
    assert layer.locked == frozenset()
    (problem,) = layer.problems
    assert f"{path}, line 1: 'theme' is locked but has no value under [settings]" in problem


def _playbook_with_id(playbook_id: str, title: str) -> str:
    text = (REPO_ROOT / "playbooks" / "tough-call-prep.toml").read_text(encoding="utf-8")
    text = text.replace('id = "tough-call-prep"', f'id = "{playbook_id}"')
    return text.replace('title = "Preparing for a tough call"', f'title = "{title}"', 1)


def test_team_playbooks_load_after_the_shipped_and_before_the_persons(
    admin_folder: Path, data_dir: Path
) -> None:
    team = admin_folder / "playbooks"
    team.mkdir()
    (team / "escalation.toml").write_text(
        _playbook_with_id("northwind-escalation", "Northwind escalation"), encoding="utf-8"
    )
    (team / "clash.toml").write_text(
        _playbook_with_id("tough-call-prep", "A team copy"), encoding="utf-8"
    )
    mine = data_dir / "playbooks"
    mine.mkdir(parents=True)
    (mine / "mine.toml").write_text(
        _playbook_with_id("northwind-escalation", "My copy"), encoding="utf-8"
    )

    library = load_all_playbooks()
    origins = {entry.playbook.id: entry.origin for entry in library.entries}
    assert origins["northwind-escalation"] is Origin.TEAM
    assert origins["tough-call-prep"] is Origin.SHIPPED
    assert library.get("northwind-escalation").title == "Northwind escalation"
    said = [str(problem) for problem in library.problems]
    assert any("clash.toml" in line and "tough-call-prep.toml" in line for line in said)
    assert any("mine.toml" in line and "escalation.toml" in line for line in said)

    listed = run_poise("playbook", "list", data_dir=data_dir)
    assert listed.returncode == 0
    (team_line,) = [line for line in listed.stdout.splitlines() if " team " in line]
    assert team_line.startswith("northwind-escalation") and str(team) in team_line
    assert "mine.toml" in listed.stderr and "skipped" in listed.stderr


def test_the_system_folder_on_each_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROGRAMDATA", r"D:\Shared")
    assert system_managed_dirs("win32") == [Path(r"D:\Shared") / "Poise"]
    assert system_managed_dirs("darwin") == [Path("/Library/Application Support/Poise")]
    monkeypatch.delenv("XDG_CONFIG_DIRS", raising=False)
    assert system_managed_dirs("linux") == [Path("/etc/xdg/poise")]
    monkeypatch.setenv("XDG_CONFIG_DIRS", "/opt/a:/opt/b")
    assert system_managed_dirs("linux") == [Path("/opt/a/poise"), Path("/opt/b/poise")]


def test_the_first_system_folder_that_exists_is_the_one(
    admin_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    later = tmp_path / "later" / "poise"
    later.mkdir(parents=True)
    write_admin_file(later, 'organisation = "Later"\n')
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{tmp_path / 'none'}:{tmp_path / 'later'}")
    assert managed_settings.managed_dir() == later
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{admin_folder.parent}:{tmp_path / 'later'}")
    assert managed_settings.managed_dir() == admin_folder


def test_the_documented_example_reads_without_a_problem(admin_folder: Path) -> None:
    example = REPO_ROOT / "deploy" / "managed" / "settings.toml"
    write_admin_file(admin_folder, example.read_text(encoding="utf-8"))
    owner = shared_settings()
    assert owner.managed.problems == ()
    assert owner.managed.locked == {"relay_broker_url", "relay_page_url", "cue_sound"}
    assert [cue.key for cue in owner.current.last_cues] == ["slow", "listen", "breathe"]
    assert owner.current.last_playbook_id == "client-lashes-out"
    assert owner.managed.database_url.startswith("postgresql+psycopg://db.northwind.example/")


def test_an_installed_bundle_reads_the_folder_beside_it_when_the_system_has_none(
    admin_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin_folder.rmdir()
    beside = tmp_path / "Poise" / "managed"
    beside.mkdir(parents=True)
    write_admin_file(beside, 'organisation = "Installer"\n')
    assert managed_settings.managed_dir() is None  # from source: no folder beside the app
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "Poise" / "poise"))
    assert managed_settings.managed_dir() == beside
    assert shared_settings().managed.set_by == "Set by Installer"
