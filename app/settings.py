"""The user's preferences: every default declared once, in ``Settings``, and one owner.

Kept as a small JSON file (``settings.json``) in the data folder rather than in
QSettings, because:
- it lives beside the database, so ``--data-dir``/``POISE_DATA_DIR`` moves both together
  and every test gets fresh settings from the data-folder fixture, with no registry
  (Windows) or plist (macOS) left behind;
- it needs no Qt, so the command line and the partner link can read it;
- a person can read and fix it by hand.

``SettingsOwner`` is the only thing that reads or writes the file: it is loaded once
(``shared_settings()`` gives the running app's one instance), changed through
``update``, and tells its listeners what changed. Nothing here may stop a meeting:
- reading is forgiving: a missing, unreadable, oversized (refused before parsing, so a
  deeply nested file cannot exhaust the stack) or damaged file reads as the defaults; an
  unknown key or a bad value falls back to the default for that key alone, logged once;
  a file that is there but damaged is kept aside first (``app.settings_damage``), so the
  next save cannot overwrite what the person had;
- writing is atomic (temporary file, fsync, replace; user-only) and never raises: a
  file that cannot be written keeps the change in memory and the owner's problem
  listeners hear about it once.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import dataclasses
import json
import logging
import os
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from app import managed_settings, paths, settings_damage
from app.domain.hotkeys import (
    DEFAULT_BINDINGS,
    FORMER_DEFAULT_BINDINGS,
    HotkeyAction,
    HotkeyError,
    KeyCombo,
    parse_combo,
    resolve_bindings,
    validate_bindings,
)
from app.domain.meeting_terms import DEFAULT_CUES, MAX_CUES, Cue, CueStyle
from app.private_files import replace_private
from app.translation import QT_TRANSLATE_NOOP, translate

SETTINGS_FILE_NAME = "settings.json"
LINK_BIND_ENV = "POISE_LINK_BIND"
# A full settings file is about 3 KB; anything far larger is not ours, and parsing it
# could take the stack (a 200,000-level nesting) or the memory with it.
MAX_SETTINGS_BYTES = 256 * 1024

_log = logging.getLogger(__name__)


def default_hotkeys() -> dict[str, str]:
    """Every system-wide shortcut action with its default combination."""
    return {action.value: combo for action, combo in DEFAULT_BINDINGS.items()}


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high_contrast"  # white and bright colours on black, WCAG AAA


class DockSide(StrEnum):
    NONE = "none"
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class Settings:
    """Every preference and its default. Add a field here and it is read, written, defaulted."""

    theme: Theme = Theme.SYSTEM
    # Issue 24: the words' language, "system" (the computer's) or a code such as "de"; read
    # once at start (app.ui.common.languages), so a change shows after a restart
    language: str = "system"
    # The live window
    live_width: int = 360
    live_height: int = 720
    live_geometry: str = ""  # QWidget.saveGeometry() as base64, empty until first closed
    stay_on_top: bool = False
    dock_side: DockSide = DockSide.NONE
    exclude_from_capture: bool = True
    # Issue 23: start on Qt's xcb platform (XWayland) in a Wayland session, where a
    # native window can neither stay on top nor dock; read before the QApplication exists
    run_through_xwayland: bool = False
    window_place_note_read: bool = False  # "OK" on the live window's line about Wayland
    # The title shows in the taskbar and on a shared screen: no client name unless asked
    client_name_in_title: bool = False
    # Step card text a size up, to read at arm's length
    large_step_text: bool = False
    # The calm-down cue
    cue_fade_seconds: int = 20
    cue_sound: bool = False  # no sound by default: the client must not notice
    last_cues: tuple[Cue, ...] = DEFAULT_CUES
    last_partner_name: str = ""
    # Issue 25: the brief's starting point (the partner's role, "" = Poise's default in the
    # person's language; the user's warning signs, WarningSign values and their own words)
    last_partner_role: str = ""
    last_warning_signs: tuple[str, ...] = ()
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
    # The relay (issue 15): the team's MQTT broker ("" = off) and, when it is not the
    # broker's own origin, where its front serves the partner page
    relay_broker_url: str = ""
    relay_page_url: str = ""
    # After the meeting (issue 16): where export dialogs open, and the daily reminders
    last_export_folder: str = ""
    reminders_enabled: bool = True
    reminders_shown_on: str = ""  # ISO date of the last day the reminders were shown

    @property
    def link_bind_address(self) -> str:
        return os.environ.get(LINK_BIND_ENV) or self.partner_link_bind_address

    def key_bindings(self) -> dict[HotkeyAction, str]:
        """Every system-wide shortcut action with its combination, defaults filled in."""
        return resolve_bindings(self.hotkeys)

    def key_combo(self, action: HotkeyAction) -> KeyCombo | None:
        """The combination ``action`` is set to; None when it has none or it does not read."""
        try:
            return parse_combo(self.key_bindings()[action])
        except HotkeyError:
            return None


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
    """Read the settings; anything missing or wrong reads as its default (logged once)."""
    return read_settings(path or settings_file())[0]


class DamagedSettingsError(ValueError):
    """The settings file is there but cannot be read as settings; the text says why.

    ``str()`` is the English (for the log); ``words()`` the person's language, asked for
    when shown: the settings are read before the windows install the translators.
    """

    def __init__(self, reason: str, **values: object) -> None:
        super().__init__(reason.format(**values))
        self.reason = reason
        self.values = values

    def words(self) -> str:
        return translate("Settings", self.reason).format(**self.values)


def read_settings(
    path: Path, base: Settings = DEFAULTS
) -> tuple[Settings, DamagedSettingsError | None]:
    """The settings over ``base``, and why the file is damaged when it is unreadable (or None)."""
    try:
        data = _read_json(path)
        if data is not None and not isinstance(data, dict):
            raise DamagedSettingsError(QT_TRANSLATE_NOOP("Settings", "it holds no settings"))
    except DamagedSettingsError as damage:
        _log.warning("%s is damaged (%s); the default settings are used", path, damage)
        return base, damage
    if data is None:
        return base, None
    values: dict[str, Any] = {}
    for spec in fields(Settings):
        if spec.name in data:
            parsed = _parse(spec.name, data[spec.name])
            if parsed is None:
                _log.warning(
                    "settings: %s in %s has a value Poise cannot use; its default is used",
                    spec.name,
                    path,
                )
            else:
                values[spec.name] = parsed
    return replace(base, **values), None


def _read_json(path: Path) -> Any:
    """The parsed file, or ``None`` when it is missing, unreadable or not a plain file.

    Raises ``DamagedSettingsError`` when it is far too big or not JSON.
    """
    try:
        with path.open("rb") as stream:
            # Checked on the open file: a FIFO or a device in its place would never end.
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                _log.warning("%s is not a plain file; the default settings are used", path)
                return None
            raw = stream.read(MAX_SETTINGS_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as error:
        _log.warning("cannot read %s (%s); the default settings are used", path, error)
        return None
    if len(raw) > MAX_SETTINGS_BYTES:
        raise DamagedSettingsError(
            QT_TRANSLATE_NOOP(
                "Settings", "it is larger than {size} KB, far more than settings take"
            ),
            size=MAX_SETTINGS_BYTES // 1024,
        )
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise DamagedSettingsError(
            QT_TRANSLATE_NOOP("Settings", "it is not text: byte {byte} is broken"),
            byte=error.start + 1,
        ) from None
    except RecursionError:
        raise DamagedSettingsError(
            QT_TRANSLATE_NOOP("Settings", "it is nested too deeply")
        ) from None
    except json.JSONDecodeError as error:
        raise DamagedSettingsError(
            QT_TRANSLATE_NOOP("Settings", "it is not valid JSON: {problem} at line {line}"),
            problem=error.msg,
            line=error.lineno,
        ) from None


def save_settings(
    settings: Settings, path: Path | None = None, left_out: frozenset[str] = frozenset()
) -> None:
    """Write the settings (but ``left_out``) atomically, user-only; ``OSError`` if it cannot."""
    path = path or settings_file()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    data = {
        spec.name: _dump(getattr(settings, spec.name))
        for spec in fields(Settings)
        if spec.name not in left_out
    }
    text = json.dumps(data, indent=2, sort_keys=True)
    replace_private(path, text.encode("utf-8"))


SettingsListener = Callable[[Settings, frozenset[str]], None]
ProblemListener = Callable[[str], None]


class SettingsOwner:
    """The one holder of the user's settings: read once, changed here, written here.

    Listeners hear each change (the new settings and the names of the keys that
    changed). A write that fails never raises: the change stays in memory for the rest
    of the run and the problem listeners are told once, until a later write succeeds.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_file()
        # The administrator's layer (app.managed_settings): under the person's, locks over it.
        self.managed = managed_settings.load_managed_layer(_MANAGED_NAMES, _parse)
        self._current, damage = read_settings(self.path, self.managed.under(DEFAULTS))
        self._current = self.managed.enforce(self._current)
        self._listeners: list[SettingsListener] = []
        self._problem_listeners: list[ProblemListener] = []
        self.problem = ""
        # What the Settings dialog says, once, about a damaged file; while it cannot be
        # moved aside nothing is written over it.
        # Worded when taken, not now: the language is chosen after the settings are read.
        self._damage_notice: Callable[[], str] | None = None
        self._hold_writes = False
        if damage is not None:
            self._keep_damaged_file(damage)

    def _keep_damaged_file(self, damage: DamagedSettingsError) -> None:
        move_error: OSError | None = None
        try:
            kept: Path | None = settings_damage.keep_aside(self.path)
        except OSError as error:
            self._hold_writes = True
            kept, move_error = None, error

        def worded() -> str:
            why = _reason(move_error) if move_error is not None else ""
            return settings_damage.notice(self.path, damage.words(), kept, why)

        self._damage_notice = worded
        _log.warning("%s", worded())

    def take_damage_notice(self) -> str:
        """What to tell the person about a damaged settings file, the first time only."""
        notice, self._damage_notice = self._damage_notice, None
        return notice() if notice is not None else ""

    @property
    def current(self) -> Settings:
        return self._current

    def subscribe(self, listener: SettingsListener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: SettingsListener | ProblemListener) -> None:
        """Forget ``listener``, given to ``subscribe`` or to ``on_problem``."""
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)  # type: ignore[arg-type]
        with contextlib.suppress(ValueError):
            self._problem_listeners.remove(listener)  # type: ignore[arg-type]

    def on_problem(self, listener: ProblemListener) -> None:
        """``listener`` hears, once, that the settings cannot be written."""
        self._problem_listeners.append(listener)

    def update(self, **changes: Any) -> Settings:
        """Change some keys, keep them, try to write them; returns the new settings."""
        return self.replace_all(replace(self._current, **changes))

    def replace_all(self, settings: Settings) -> Settings:
        settings = self.managed.enforce(settings)  # a locked setting stays as it was set
        changed = frozenset(
            spec.name
            for spec in fields(Settings)
            if getattr(settings, spec.name) != getattr(self._current, spec.name)
        )
        self._current = settings
        self._write(settings)
        if changed:
            for listener in list(self._listeners):
                listener(settings, changed)
        return settings

    def _write(self, settings: Settings) -> None:
        if self._hold_writes:
            return  # the damaged file is still in place: never written over
        try:
            save_settings(settings, self.path, self.managed.left_out(settings))
        except OSError as error:
            if self.problem:
                return  # told already; the change is kept in memory all the same
            self.problem = translate(
                "Settings",
                "Poise cannot save your settings in {path} ({problem}). "
                "Your changes hold until Poise closes.",
            ).format(path=self.path, problem=_reason(error))
            _log.warning("%s", self.problem)
            for listener in list(self._problem_listeners):
                listener(self.problem)
        else:
            self.problem = ""


def _reason(error: OSError) -> str:
    if isinstance(error, IsADirectoryError):
        return translate("Settings", "a folder has that name")
    return error.strerror or str(error)


_MANAGED_NAMES = frozenset(spec.name for spec in fields(Settings))
_shared: SettingsOwner | None = None
_shared_lock = threading.Lock()


def shared_settings() -> SettingsOwner:
    """The running app's one settings owner, for the current data folder.

    Made on first use; a new one only when the data folder itself changes (each test
    has its own), so within a run the file is read once.
    """
    global _shared
    with _shared_lock:
        path = settings_file()
        if _shared is None or _shared.path != path:
            _shared = SettingsOwner(path)
        return _shared


def _dump(value: Any) -> Any:
    if isinstance(value, tuple):
        return [item if isinstance(item, str) else dataclasses.asdict(item) for item in value]
    return value


def _parse(name: str, raw: Any) -> Any:
    """The value for ``name`` from JSON, or ``None`` to keep the default."""
    default = getattr(DEFAULTS, name)
    if name == "last_cues":
        return _parse_cues(raw)
    if name == "hotkeys":
        return _parse_hotkeys(raw)
    if name == "last_warning_signs":
        return _parse_signs(raw)
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
    if name == "live_geometry":
        return raw if isinstance(raw, str) and _is_base64(raw) else None
    if isinstance(default, str):
        return raw if isinstance(raw, str) else None
    return None


def _is_base64(text: str) -> bool:
    try:
        base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def _parse_hotkeys(raw: Any) -> dict[str, str] | None:
    """The saved shortcuts over the defaults, in canonical form; damaged or clashing: defaults."""
    if not isinstance(raw, dict):
        return None
    chosen = resolve_bindings(raw)
    try:
        parsed = validate_bindings(chosen)
    except HotkeyError:
        return None
    _move_off_former_defaults(chosen, parsed)
    return {action.value: str(parsed[action]) if action in parsed else "" for action in chosen}


def _move_off_former_defaults(
    chosen: dict[HotkeyAction, str], parsed: dict[HotkeyAction, KeyCombo]
) -> None:
    """An earlier default a desktop holds (Ctrl+Alt+arrows) becomes today's default,
    silently, unless the user gave today's default to another action meanwhile."""
    for action, former in FORMER_DEFAULT_BINDINGS.items():
        if action not in parsed or parsed[action] != parse_combo(former):
            continue
        candidate = {**chosen, action: DEFAULT_BINDINGS[action]}
        try:
            parsed_candidate = validate_bindings(candidate)
        except HotkeyError:
            continue
        chosen[action] = DEFAULT_BINDINGS[action]
        parsed[action] = parsed_candidate[action]


def _parse_signs(raw: Any) -> tuple[str, ...] | None:
    """The remembered warning signs: a short list of short words, else the default (none)."""
    # Here: the partner's module (and the playbook model under it) is not needed before
    # the home window's first paint, where the settings are read.
    from app.domain.partner_watch import MAX_SIGN_CHARS, MAX_SIGNS

    if not isinstance(raw, list) or len(raw) > MAX_SIGNS:
        return None
    if not all(isinstance(sign, str) and 0 < len(sign.strip()) <= MAX_SIGN_CHARS for sign in raw):
        return None
    return tuple(sign.strip() for sign in raw)


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
    "MAX_SETTINGS_BYTES",
    "DockSide",
    "Settings",
    "SettingsOwner",
    "Theme",
    "default_hotkeys",
    "load_settings",
    "save_settings",
    "settings_file",
    "shared_settings",
]
