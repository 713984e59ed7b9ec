"""Defaults an administrator ships: a settings file and a folder of team playbooks.

Three layers make the settings a person runs with, later ones winning:
1. the built-in defaults (``app.settings.Settings``);
2. the administrator's ``settings.toml`` in the managed folder;
3. the person's own ``settings.json`` in the data folder,
except that a setting the administrator *locked* keeps the administrator's value,
whatever the person's file says, and is never written into it.

The managed folder is the first that exists of:
- the system's configuration folder: each ``$XDG_CONFIG_DIRS`` entry + ``/poise`` on
  Linux (``/etc/xdg/poise`` by default), ``%PROGRAMDATA%\\Poise`` on Windows,
  ``/Library/Application Support/Poise`` on macOS;
- ``managed`` beside the installed app (a frozen bundle only), so an installer can carry it.
One folder is used, never a mix of two. It may hold ``settings.toml`` and
``playbooks/`` (team playbooks, loaded after the shipped ones and before the person's).

The file is the administrator's, not the person's: a broken one is read as far as it can
be (a broken value is skipped, a file that is not TOML is skipped whole), each problem is
said with the file and line, and the file is never moved or written. Qt-free: the command
line and the store read it too. deploy/managed/README.md documents the format.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import stat
import sys
import tomllib
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit

from app.translation import translate

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    Layered = TypeVar("Layered", bound=DataclassInstance)
else:
    Layered = TypeVar("Layered")

MANAGED_FILE_NAME = "settings.toml"
TEAM_PLAYBOOKS_FOLDER = "playbooks"
BESIDE_APP_FOLDER = "managed"
MAX_MANAGED_BYTES = 256 * 1024
# Names an administrator writes that read better than the settings' own.
ALIASES = {"cues": "last_cues", "default_playbook": "last_playbook_id"}
# The person's own state, never a default to ship: the window's place, what was last seen.
NOT_MANAGED = frozenset(
    {
        "live_geometry",
        "window_place_note_read",
        "reminders_shown_on",
        "last_partner_name",
        "last_export_folder",
    }
)
TOP_LEVEL_KEYS = frozenset({"organisation", "database_url", "locked", "settings"})

_log = logging.getLogger(__name__)

# Parses one value for a setting's name; None when the value cannot be used.
ValueParser = Callable[[str, Any], Any]


def system_managed_dirs(platform: str = sys.platform) -> list[Path]:
    """The system's configuration folders for Poise, first wins (``platform``: sys.platform)."""
    if platform == "win32":
        program_data = os.environ.get("PROGRAMDATA") or r"C:\ProgramData"
        return [Path(program_data) / "Poise"]
    if platform == "darwin":
        return [Path("/Library/Application Support/Poise")]
    config_dirs = os.environ.get("XDG_CONFIG_DIRS", "").strip() or "/etc/xdg"
    return [Path(entry) / "poise" for entry in config_dirs.split(os.pathsep) if entry.strip()]


def managed_dir_candidates() -> list[Path]:
    candidates = system_managed_dirs()
    if getattr(sys, "frozen", False):  # an installed bundle: the folder beside the app
        candidates.append(Path(sys.executable).resolve().parent / BESIDE_APP_FOLDER)
    return candidates


def managed_dir() -> Path | None:
    """The administrator's folder this machine has, or None (a person alone)."""
    for folder in managed_dir_candidates():
        if folder.is_dir():
            return folder
    return None


def team_playbooks_dir() -> Path | None:
    folder = managed_dir()
    return folder / TEAM_PLAYBOOKS_FOLDER if folder is not None else None


@dataclass(frozen=True, slots=True)
class ManagedLayer:
    """What the administrator's file says, already checked. Empty for a person alone."""

    source: Path | None = None
    organisation: str = ""
    values: Mapping[str, Any] = field(default_factory=dict)
    locked: frozenset[str] = frozenset()
    database_url: str = ""
    problems: tuple[str, ...] = ()

    @property
    def set_by(self) -> str:
        """ "Set by …" for a locked setting, naming the organisation when the file does."""
        if self.organisation:
            return translate("ManagedSettings", "Set by {organisation}").format(
                organisation=self.organisation
            )
        return translate("ManagedSettings", "Set by your administrator")

    def under(self, defaults: Layered) -> Layered:
        """``defaults`` with the administrator's values in place: the person's starting point."""
        return dataclasses.replace(defaults, **self.values)

    def enforce(self, settings: Layered) -> Layered:
        """``settings`` with every locked value back to the administrator's."""
        held = {name: self.values[name] for name in self.locked if name in self.values}
        if not held or all(getattr(settings, name) == value for name, value in held.items()):
            return settings
        return dataclasses.replace(settings, **held)

    def left_out(self, settings: object) -> frozenset[str]:
        """Keys the person's file must not hold: locked ones, and those still at the
        administrator's value (so a later change by the administrator reaches them)."""
        return self.locked | frozenset(
            name for name, value in self.values.items() if getattr(settings, name) == value
        )


NO_LAYER = ManagedLayer()


def load_managed_layer(names: Collection[str], parse: ValueParser) -> ManagedLayer:
    """The administrator's layer from this machine's managed folder (``NO_LAYER`` if none).

    ``names`` are the settings there are; ``parse`` turns a file's value into a setting's
    (``app.settings`` gives both, so this module knows no setting of its own).
    """
    folder = managed_dir()
    if folder is None:
        return NO_LAYER
    path = folder / MANAGED_FILE_NAME
    if not path.exists():
        return NO_LAYER
    layer = read_managed_file(path, names, parse)
    for problem in layer.problems:
        _log.warning("%s", problem)
    return layer


def read_managed_file(path: Path, names: Collection[str], parse: ValueParser) -> ManagedLayer:
    """Read ``path`` as far as it can be read; every problem names the file and the line."""
    try:
        text = _read_text(path)
        data = tomllib.loads(text)
    except _UnreadableError as unreadable:
        return ManagedLayer(
            source=path, problems=(_whole_file_problem(str(path), str(unreadable)),)
        )
    except tomllib.TOMLDecodeError as error:
        # tomllib says "Invalid value (at line 8, column 20)": the line goes beside the file.
        found = re.fullmatch(r"(.*) \(at line (\d+), column \d+\)", str(error))
        where = f"{path}, line {found.group(2)}" if found else str(path)
        reason = found.group(1) if found else str(error)
        return ManagedLayer(source=path, problems=(_whole_file_problem(where, reason),))
    return _Reader(path, text, frozenset(names) - NOT_MANAGED, parse).layer(data)


class _UnreadableError(Exception):
    pass


def _read_text(path: Path) -> str:
    try:
        with path.open("rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                raise _UnreadableError(translate("ManagedSettings", "it is not a plain file"))
            raw = stream.read(MAX_MANAGED_BYTES + 1)
    except OSError as error:
        raise _UnreadableError(error.strerror or str(error)) from None
    if len(raw) > MAX_MANAGED_BYTES:
        raise _UnreadableError(translate("ManagedSettings", "it is far larger than settings take"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _UnreadableError(
            translate("ManagedSettings", "it is not UTF-8 text (byte {number})").format(
                number=error.start + 1
            )
        ) from None


def _whole_file_problem(where: str, reason: str) -> str:
    return translate(
        "ManagedSettings",
        "The administrator's settings in {file} cannot be read ({reason}), so Poise uses "
        "its own defaults and yours. The file is left as it is.",
    ).format(file=where, reason=reason)


class _Reader:
    """Checks one parsed file, key by key, keeping every problem with its line."""

    def __init__(self, path: Path, text: str, names: frozenset[str], parse: ValueParser) -> None:
        self.path = path
        self.lines = text.splitlines()
        self.names = names
        self.parse = parse
        self.problems: list[str] = []

    def layer(self, data: dict[str, Any]) -> ManagedLayer:
        for key in data:
            if key not in TOP_LEVEL_KEYS:
                self.problem(key, translate("ManagedSettings", "'{key}' is not a known entry"))
        organisation = data.get("organisation", "")
        if not isinstance(organisation, str):
            self.problem("organisation", translate("ManagedSettings", "'{key}' must be text"))
            organisation = ""
        raw_settings = data.get("settings", {})
        if not isinstance(raw_settings, dict):
            self.problem("settings", translate("ManagedSettings", "'{key}' must be a table"))
            raw_settings = {}
        values = self.values(raw_settings)
        return ManagedLayer(
            source=self.path,
            organisation=organisation.strip(),
            values=values,
            locked=self.locked(data.get("locked", []), values),
            database_url=self.database_url(data.get("database_url", "")),
            problems=tuple(self.problems),
        )

    def values(self, raw_settings: dict[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, raw in raw_settings.items():
            name = ALIASES.get(key, key)
            if name not in self.names:
                self.problem(key, translate("ManagedSettings", "'{key}' is not a setting"))
                continue
            parsed = self.parse(name, raw)
            if parsed is None:
                self.problem(
                    key, translate("ManagedSettings", "'{key}' has a value Poise cannot use")
                )
                continue
            values[name] = parsed
        return values

    def locked(self, raw: Any, values: Mapping[str, Any]) -> frozenset[str]:
        if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
            self.problem("locked", translate("ManagedSettings", "'{key}' must be a list of names"))
            return frozenset()
        locked: set[str] = set()
        for key in map(str, raw):
            name = ALIASES.get(key, key)
            if name not in values:
                # Locking a setting the file gives no value would lock the built-in one
                # silently; say it instead.
                self.problem(
                    "locked",
                    translate(
                        "ManagedSettings",
                        "'{name}' is locked but has no value under [settings]",
                    ).replace("{name}", key),
                )
                continue
            locked.add(name)
        return frozenset(locked)

    def database_url(self, raw: Any) -> str:
        if not isinstance(raw, str):
            self.problem("database_url", translate("ManagedSettings", "'{key}' must be text"))
            return ""
        url = raw.strip()
        try:
            password = urlsplit(url).password
        except ValueError:
            self.problem("database_url", translate("ManagedSettings", "'{key}' is not a URL"))
            return ""
        if password is not None:
            # A file every account on the machine can read must not carry a password.
            self.problem(
                "database_url",
                translate(
                    "ManagedSettings",
                    "'{key}' holds a password; give each person their own (for example "
                    "in ~/.pgpass) and write the URL without it",
                ),
            )
            return ""
        return url

    def problem(self, key: str, reason: str) -> None:
        self.problems.append(
            translate(
                "ManagedSettings",
                "The administrator's settings in {file}, line {line}: {reason}. Poise "
                "leaves that entry out and uses the rest.",
            ).format(file=self.path, line=self.line_of(key), reason=reason.format(key=key))
        )

    def line_of(self, key: str) -> int:
        """The line where ``key`` is written (the first one found), 1 if it is not found."""
        pattern = re.compile(rf"^\s*(\[\[?\s*)?(\w+\.)*[\"']?{re.escape(key)}[\"']?\s*(=|\]|\.)")
        for number, line in enumerate(self.lines, start=1):
            if pattern.match(line):
                return number
        return 1


def managed_database_url() -> str:
    """The team database the administrator's file names ("" when none, or unusable).

    Used by the store when neither ``--database-url`` nor ``POISE_DATABASE_URL`` says one;
    its problems are said by the settings' own reading of the file.
    """
    folder = managed_dir()
    path = folder / MANAGED_FILE_NAME if folder is not None else None
    if path is None or not path.exists():
        return ""
    try:
        data = tomllib.loads(_read_text(path))
    except (_UnreadableError, tomllib.TOMLDecodeError):
        return ""
    return _Reader(path, "", frozenset(), lambda _name, _raw: None).database_url(
        data.get("database_url", "")
    )
