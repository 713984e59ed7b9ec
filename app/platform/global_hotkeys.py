"""System-wide shortcuts, behind one small interface.

Qt has no global shortcuts, so Poise uses pynput, which hooks the keyboard on
X11 (through the XRecord extension), Windows and macOS. It does not swallow the
keys: the call app still receives them. Where no hook is possible the backend
says so in plain words for the settings screen, rather than failing silently:
a Wayland session without X11 cannot be listened to by any ordinary program,
and macOS asks the user to allow Poise under Accessibility.

Callbacks run on pynput's own listener thread; the Qt layer turns them into
queued signals.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from app.domain.hotkeys import KeyCombo


@dataclass(frozen=True, slots=True)
class Availability:
    available: bool
    reason: str


class HotkeyBackend(Protocol):
    def availability(self) -> Availability: ...

    def start(self, handlers: Mapping[KeyCombo, Callable[[], None]]) -> None: ...

    def stop(self) -> None: ...


def pynput_hotkey(combo: KeyCombo) -> str:
    """The combination in pynput's notation, for example ``<ctrl>+<alt>+<right>``."""
    parts = [f"<{modifier}>" for modifier in combo.modifiers]
    parts.append(combo.key if len(combo.key) == 1 else f"<{combo.key}>")
    return "+".join(parts)


class UnavailableBackend:
    """Used where no global hook can work; keeps the reason for the settings screen."""

    def __init__(self, reason: str) -> None:
        self._reason = reason

    def availability(self) -> Availability:
        return Availability(False, self._reason)

    def start(self, handlers: Mapping[KeyCombo, Callable[[], None]]) -> None:
        return None

    def stop(self) -> None:
        return None


class PynputBackend:
    def __init__(self) -> None:
        self._listener: Any = None

    @property
    def listener_thread(self) -> Any:
        """pynput's listener thread (a ``threading.Thread``), for tests that wait for its end."""
        return self._listener

    def availability(self) -> Availability:
        try:
            import pynput.keyboard  # noqa: F401  # imported to learn whether a hook is possible
        except Exception as error:  # pynput raises ImportError and Xlib errors alike
            return Availability(False, f"No keyboard hook could be opened: {error}")
        if sys.platform == "darwin":
            return Availability(
                True,
                "Works once Poise is allowed under System Settings › Privacy & Security › "
                "Accessibility.",
            )
        return Availability(True, "System-wide shortcuts are active.")

    def start(self, handlers: Mapping[KeyCombo, Callable[[], None]]) -> None:
        self.stop()
        if not handlers:
            return
        from pynput import keyboard

        listener = keyboard.GlobalHotKeys(
            {pynput_hotkey(combo): handler for combo, handler in handlers.items()}
        )
        listener.daemon = True
        listener.start()
        listener.wait()
        self._listener = listener

    def stop(self) -> None:
        listener = self._listener
        if listener is not None:
            # Not joined: on X11 the hook thread only notices the stop at the next key event,
            # and the GUI thread must not wait for one.
            listener.stop()


def detect_backend(environ: Mapping[str, str] | None = None) -> HotkeyBackend:
    """The best backend for this session, or one that explains why there is none."""
    env = os.environ if environ is None else environ
    if sys.platform.startswith("linux"):
        if env.get("XDG_SESSION_TYPE") == "wayland" or (
            env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY")
        ):
            return UnavailableBackend(
                "This is a Wayland session: Wayland lets no program listen to keys meant for "
                "other windows. Use the keys in Poise's own window, or log in to an X11 session."
            )
        if not env.get("DISPLAY"):
            return UnavailableBackend(
                "No X11 display is open, so there is no keyboard to listen to."
            )
    return PynputBackend()
