"""System-wide shortcuts: what they do, their defaults, and how a key combination is written.

During a video call the call app has the keyboard focus, so Poise's own window
never sees the keys. The platform layer (``app.platform.global_hotkeys``) listens
system-wide; this module only names the actions and validates the bindings, so
the rules can be tested without any keyboard hook.

A combination is written in one canonical form, modifiers first in a fixed
order: ``"ctrl+alt+right"``, ``"page_down"``, ``"ctrl+shift+f"``.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from app.translation import QT_TRANSLATE_NOOP, translate


class HotkeyAction(StrEnum):
    NEXT_STEP = "next_step"
    PREVIOUS_STEP = "previous_step"
    ACKNOWLEDGE_CUE = "acknowledge_cue"
    FLAG_MOMENT = "flag_moment"
    TOGGLE_HIDDEN = "toggle_hidden"
    ASK_PARTNER = "ask_partner"

    @property
    def label(self) -> str:
        return translate("HotkeyAction", _ACTION_LABELS[self])


_ACTION_LABELS = {
    HotkeyAction.NEXT_STEP: QT_TRANSLATE_NOOP("HotkeyAction", "Next step"),
    HotkeyAction.PREVIOUS_STEP: QT_TRANSLATE_NOOP("HotkeyAction", "Previous step"),
    HotkeyAction.ACKNOWLEDGE_CUE: QT_TRANSLATE_NOOP("HotkeyAction", "Acknowledge cue"),
    HotkeyAction.FLAG_MOMENT: QT_TRANSLATE_NOOP("HotkeyAction", "Flag this moment"),
    HotkeyAction.TOGGLE_HIDDEN: QT_TRANSLATE_NOOP("HotkeyAction", "Hide / show all Poise windows"),
    HotkeyAction.ASK_PARTNER: QT_TRANSLATE_NOOP("HotkeyAction", "Ask partner to step in"),
}

MODIFIERS = ("ctrl", "alt", "shift", "cmd")
NAMED_KEYS = frozenset(
    {
        "right",
        "left",
        "up",
        "down",
        "page_up",
        "page_down",
        "home",
        "end",
        "space",
        "enter",
        "esc",
        "tab",
        "backspace",
        "delete",
        "insert",
        "pause",
        "media_play_pause",
        "media_next",
        "media_previous",
        *(f"f{n}" for n in range(1, 25)),
    }
)
CHARACTER_KEYS = frozenset(string.ascii_lowercase + string.digits + ".,;/-=[]'`\\")

# Keys that work out of the box: none of them is bound by default in GNOME, KDE Plasma,
# Xfce, openbox, Windows or macOS, nor by the usual call apps, and each is easy to press
# blind. Ctrl+Alt+arrows switch workspaces in GNOME, Plasma, Xfce and openbox (with Shift
# they move the window there), and Xfce opens its file manager on Ctrl+Alt+F, so the step
# keys are the presenter clicker's PageDown / PageUp with Ctrl+Alt, and flagging adds Shift.
DEFAULT_BINDINGS: Mapping[HotkeyAction, str] = {
    HotkeyAction.NEXT_STEP: "ctrl+alt+page_down",
    HotkeyAction.PREVIOUS_STEP: "ctrl+alt+page_up",
    HotkeyAction.ACKNOWLEDGE_CUE: "ctrl+alt+space",
    HotkeyAction.FLAG_MOMENT: "ctrl+alt+shift+f",
    HotkeyAction.TOGGLE_HIDDEN: "ctrl+alt+h",
    HotkeyAction.ASK_PARTNER: "ctrl+alt+p",
}

# Earlier defaults that a desktop holds. Settings still holding one of these never chose
# it, so they move to today's default (``app.settings``); a key the user chose stays.
FORMER_DEFAULT_BINDINGS: Mapping[HotkeyAction, str] = {
    HotkeyAction.NEXT_STEP: "ctrl+alt+right",
    HotkeyAction.PREVIOUS_STEP: "ctrl+alt+left",
    HotkeyAction.FLAG_MOMENT: "ctrl+alt+f",
}


class HotkeyError(ValueError):
    """A key combination that cannot be used, with a message for the settings screen."""


@dataclass(frozen=True, slots=True)
class KeyCombo:
    modifiers: tuple[str, ...]
    key: str

    def __str__(self) -> str:
        return "+".join((*self.modifiers, self.key))

    @property
    def display(self) -> str:
        """How the combination is shown to the user, for example ``Ctrl+Alt+Right``."""
        names = {"cmd": "Meta", "esc": "Esc", "page_up": "PgUp", "page_down": "PgDown"}
        parts = [names.get(p, p.replace("_", " ").title()) for p in (*self.modifiers, self.key)]
        return "+".join(parts)


def parse_combo(text: str) -> KeyCombo:
    """Read ``"Ctrl+Alt+Right"`` or ``"ctrl+alt+right"`` into the canonical ``KeyCombo``."""
    aliases = {
        "control": "ctrl",
        "option": "alt",
        "meta": "cmd",
        "super": "cmd",
        "win": "cmd",
        "escape": "esc",
        "return": "enter",
        "pgup": "page_up",
        "pgdown": "page_down",
        "pagedown": "page_down",
        "pageup": "page_up",
        "del": "delete",
    }
    names = ["_".join(p.lower().split()) for p in text.split("+")]
    parts = [aliases.get(name, name) for name in names]
    if not text.strip() or any(not p for p in parts):
        raise HotkeyError(
            translate("Hotkeys", "'{text}' is not a key combination").format(text=text)
        )
    *modifier_parts, key = parts
    unknown = [m for m in modifier_parts if m not in MODIFIERS]
    if unknown:
        raise HotkeyError(
            translate(
                "Hotkeys", "'{name}' is not a modifier (use Ctrl, Alt, Shift or Meta)"
            ).format(name=unknown[0])
        )
    if len(set(modifier_parts)) != len(modifier_parts):
        raise HotkeyError(translate("Hotkeys", "'{text}' repeats a modifier").format(text=text))
    if key in MODIFIERS:
        raise HotkeyError(
            translate("Hotkeys", "'{text}' has no key besides its modifiers").format(text=text)
        )
    if key not in NAMED_KEYS and key not in CHARACTER_KEYS:
        raise HotkeyError(
            translate("Hotkeys", "'{key}' is not a key Poise can listen for").format(key=key)
        )
    ordered = tuple(m for m in MODIFIERS if m in modifier_parts)
    return KeyCombo(ordered, key)


def resolve_bindings(chosen: Mapping[str, object]) -> dict[HotkeyAction, str]:
    """Every action's combination: the user's choices (by action name) over the defaults.

    Names of actions this version does not know, and values that are not text, are
    ignored, so a settings file from another version still gives a full set.
    """
    bindings = dict(DEFAULT_BINDINGS)
    for name, combo in chosen.items():
        if name in HotkeyAction.__members__.values() and isinstance(combo, str):
            bindings[HotkeyAction(name)] = combo
    return bindings


def validate_bindings(bindings: Mapping[HotkeyAction, str]) -> dict[HotkeyAction, KeyCombo]:
    """Parse every binding and refuse two actions on one combination."""
    parsed: dict[HotkeyAction, KeyCombo] = {}
    owner: dict[KeyCombo, HotkeyAction] = {}
    for action, text in bindings.items():
        if not text:
            continue
        combo = parse_combo(text)
        if combo in owner:
            raise HotkeyError(
                translate("Hotkeys", "{keys} is set for both '{first}' and '{second}'").format(
                    keys=combo.display, first=owner[combo].label, second=action.label
                )
            )
        owner[combo] = action
        parsed[action] = combo
    return parsed
