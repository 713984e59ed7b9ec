"""The user's preferences, with every default declared once, in ``Settings`` below.

Kept as a small JSON file (``settings.json``) in the data folder rather than in
QSettings, because:
- it lives beside the database, so ``--data-dir``/``POISE_DATA_DIR`` moves both together
  and every test gets fresh settings from the data-folder fixture, with no registry
  (Windows) or plist (macOS) left behind;
- it needs no Qt, so the command line and the partner link can read it;
- a person can read and fix it by hand.

Reading is forgiving: a missing, unreadable or damaged file, an unknown key or a value
of the wrong type falls back to the default for that key alone. Writing is atomic
(temporary file, then rename), so a crash never leaves half a file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import tempfile
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from app import paths
from app.domain.hotkeys import DEFAULT_BINDINGS, HotkeyAction, HotkeyError, validate_bindings
from app.domain.meeting_terms import DEFAULT_CUES, MAX_CUES, Cue, CueStyle

SETTINGS_FILE_NAME = "settings.json"
LINK_BIND_ENV = "POISE_LINK_BIND"


def default_hotkeys() -> dict[str, str]:
    """Every system-wide shortcut action with its default combination."""
    return {action.value: combo for action, combo in DEFAULT_BINDINGS.items()}


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


class DockSide(StrEnum):
    NONE = "none"
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every preference and its default. Add a field here and it is read, written, defaulted."""

    theme: Theme = Theme.SYSTEM
    # The live window
    live_width: int = 360
    live_height: int = 720
    live_geometry: str = ""  # QWidget.saveGeometry() as base64, empty until first closed
    stay_on_top: bool = False
    dock_side: DockSide = DockSide.NONE
    exclude_from_capture: bool = True
    # The calm-down cue
    cue_fade_seconds: int = 20
    cue_sound: bool = False  # no sound by default: the client must not notice
    last_cues: tuple[Cue, ...] = DEFAULT_CUES
    last_partner_name: str = ""
    last_playbook_id: str = ""
    # The partner link (issue 5): where the partner page listens; env POISE_LINK_BIND wins
    partner_link_bind_address: str = "0.0.0.0"
    partner_link_port: int = 0  # 0: any free port
    # System-wide shortcuts (issue 8): HotkeyAction value -> canonical combo ("" = none)
    hotkeys: dict[str, str] = field(default_factory=default_hotkeys)
    global_hotkeys_enabled: bool = True
    # A short silent countdown after a partner's cue, before answering the client
    pause_cue_enabled: bool = False
    pause_cue_seconds: int = 5
    # Also write every ended meeting as Markdown into this folder ("" = off)
    markdown_folder: str = ""
    # After the meeting (issue 16): where export dialogs open, and the daily reminders
    last_export_folder: str = ""
    reminders_enabled: bool = True
    reminders_shown_on: str = ""  # ISO date of the last day the reminders were shown

    @property
    def link_bind_address(self) -> str:
        return os.environ.get(LINK_BIND_ENV) or self.partner_link_bind_address


DEFAULTS = Settings()

_LIMITS: dict[str, tuple[int, int]] = {
    "live_width": (260, 1600),
    "live_height": (320, 2400),
    "cue_fade_seconds": (3, 600),
    "partner_link_port": (0, 65535),
    "pause_cue_seconds": (2, 30),
}


def settings_file() -> Path:
    return paths.data_dir() / SETTINGS_FILE_NAME


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings; anything missing or wrong reads as its default."""
    path = path or settings_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return DEFAULTS
    if not isinstance(data, dict):
        return DEFAULTS
    values: dict[str, Any] = {}
    for spec in fields(Settings):
        if spec.name in data:
            parsed = _parse(spec.name, data[spec.name])
            if parsed is not None:
                values[spec.name] = parsed
    return replace(DEFAULTS, **values)


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically; the data folder is created if needed."""
    path = path or settings_file()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    data = {spec.name: _dump(getattr(settings, spec.name)) for spec in fields(Settings)}
    handle, temporary = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, indent=2, sort_keys=True)
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise


def update_settings(**changes: Any) -> Settings:
    """Load, change some keys, save, return the new settings."""
    settings = replace(load_settings(), **changes)
    save_settings(settings)
    return settings


def _dump(value: Any) -> Any:
    if isinstance(value, tuple):
        return [dataclasses.asdict(cue) for cue in value]
    return value


def _parse(name: str, raw: Any) -> Any:
    """The value for ``name`` from JSON, or ``None`` to keep the default."""
    default = getattr(DEFAULTS, name)
    if name == "last_cues":
        return _parse_cues(raw)
    if name == "hotkeys":
        return _parse_hotkeys(raw)
    if isinstance(default, StrEnum):
        try:
            return type(default)(raw)
        except ValueError:
            return None
    if isinstance(default, bool):
        return raw if isinstance(raw, bool) else None
    if isinstance(default, int):
        if isinstance(raw, bool) or not isinstance(raw, int):
            return None
        low, high = _LIMITS.get(name, (raw, raw))
        return min(max(raw, low), high)
    if isinstance(default, str):
        return raw if isinstance(raw, str) else None
    return None


def _parse_hotkeys(raw: Any) -> dict[str, str] | None:
    """The saved shortcuts over the defaults, in canonical form; damaged or clashing: defaults."""
    if not isinstance(raw, dict):
        return None
    chosen = {action: DEFAULT_BINDINGS[action] for action in HotkeyAction}
    for name, combo in raw.items():
        if name in HotkeyAction._value2member_map_ and isinstance(combo, str):
            chosen[HotkeyAction(name)] = combo
    try:
        parsed = validate_bindings(chosen)
    except HotkeyError:
        return None
    return {action.value: str(parsed[action]) if action in parsed else "" for action in chosen}


def _parse_cues(raw: Any) -> tuple[Cue, ...] | None:
    if not isinstance(raw, list):
        return None
    cues: list[Cue] = []
    for item in raw[:MAX_CUES]:
        if not isinstance(item, dict):
            return None
        try:
            cue = Cue(
                key=str(item["key"]),
                label=str(item["label"]),
                words=str(item["words"]),
                style=CueStyle(item.get("style", CueStyle.GLOW)),
            )
        except (KeyError, ValueError):
            return None
        if not cue.key or not cue.words.strip():
            return None
        cues.append(cue)
    return tuple(cues) or None


__all__ = [
    "DEFAULTS",
    "DockSide",
    "Settings",
    "Theme",
    "default_hotkeys",
    "load_settings",
    "save_settings",
    "settings_file",
    "update_settings",
]
