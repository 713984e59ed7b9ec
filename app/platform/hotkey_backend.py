"""What every system-wide shortcut backend speaks: its availability, start and stop.

Kept apart from the backends so that each (X11, pynput, the Wayland portal) can sit in a
module of its own and ``app.platform.global_hotkeys`` can choose among them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from app.domain.hotkeys import KeyCombo


@dataclass(frozen=True, slots=True)
class Availability:
    available: bool
    reason: str


class HotkeyBackend(Protocol):
    def availability(self) -> Availability: ...

    def start(self, handlers: Mapping[KeyCombo, Callable[[], None]]) -> list[KeyCombo]:
        """Listen for the chords; returns those another program holds already."""
        ...

    def stop(self) -> None: ...


@dataclass(frozen=True, slots=True)
class NamedHandler:
    """A handler that says which action it serves: the Wayland portal binds actions by
    their id and shows the desktop their description, where the other hooks need only
    the chord."""

    action_id: str
    description: str
    callback: Callable[[], None]

    def __call__(self) -> None:
        self.callback()


# A key's keysym name (X11 and xkbcommon share them), for keys whose name in
# ``app.domain.hotkeys`` differs; a letter or digit is its own keysym.
KEYSYM_NAMES = {
    "right": "Right",
    "left": "Left",
    "up": "Up",
    "down": "Down",
    "page_up": "Prior",
    "page_down": "Next",
    "home": "Home",
    "end": "End",
    "space": "space",
    "enter": "Return",
    "esc": "Escape",
    "tab": "Tab",
    "backspace": "BackSpace",
    "delete": "Delete",
    "insert": "Insert",
    "pause": "Pause",
    "media_play_pause": "XF86AudioPlay",
    "media_next": "XF86AudioNext",
    "media_previous": "XF86AudioPrev",
    ".": "period",
    ",": "comma",
    ";": "semicolon",
    "/": "slash",
    "-": "minus",
    "=": "equal",
    "[": "bracketleft",
    "]": "bracketright",
    "'": "apostrophe",
    "`": "grave",
    "\\": "backslash",
    **{f"f{n}": f"F{n}" for n in range(1, 25)},
}
