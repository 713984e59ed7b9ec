"""System-wide shortcuts, behind one small interface.

Qt has no global shortcuts. On X11 Poise grabs its chords on the root window
through python-xlib (pure Python, so installing needs no compiler): a grabbed
chord goes to Poise alone, so "next step" never also types into the call app.
On Windows and macOS it uses pynput's hooks. Where no hook is possible the
backend says so in plain words for the settings screen, rather than failing
silently; macOS asks the user to allow Poise under Accessibility. On Wayland no
ordinary program can listen, so the desktop binds the keys for Poise through its
GlobalShortcuts portal (``app.platform.portal_shortcuts``).

Callbacks run on the backend's own thread; the Qt layer turns them into queued
signals.
"""

from __future__ import annotations

import os
import select
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.domain.hotkeys import KeyCombo
from app.platform.hotkey_backend import KEYSYM_NAMES, Availability, HotkeyBackend
from app.platform.portal_shortcuts import NO_PORTAL, PortalShortcutsBackend
from app.translation import translate


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

    def start(self, handlers: Mapping[KeyCombo, Callable[[], None]]) -> list[KeyCombo]:
        return []

    def stop(self) -> None:
        return None


class PynputBackend:
    """Windows and macOS hooks through pynput; they listen without swallowing the keys."""

    def __init__(self) -> None:
        self._listener: Any = None

    def availability(self) -> Availability:
        try:
            import pynput.keyboard  # noqa: F401  # imported to learn whether a hook is possible
        except Exception as error:  # pynput raises ImportError and Xlib errors alike
            no_hook = translate("Shortcuts", "No keyboard hook could be opened: {error}")
            return Availability(False, no_hook.format(error=error))
        if sys.platform == "darwin":
            return Availability(
                True,
                translate(
                    "Shortcuts",
                    "Works once Poise is allowed under System Settings › Privacy & Security › "
                    "Accessibility.",
                ),
            )
        return Availability(True, translate("Shortcuts", "System-wide shortcuts are active."))

    def start(self, handlers: Mapping[KeyCombo, Callable[[], None]]) -> list[KeyCombo]:
        self.stop()
        if not handlers:
            return []
        from pynput import keyboard

        listener = keyboard.GlobalHotKeys(
            {pynput_hotkey(combo): handler for combo, handler in handlers.items()}
        )
        listener.daemon = True
        listener.start()
        listener.wait()
        self._listener = listener
        return []

    def stop(self) -> None:
        listener = self._listener
        if listener is not None:
            listener.stop()


def detect_backend(environ: Mapping[str, str] | None = None) -> HotkeyBackend:
    """The best backend for this session, or one that explains why there is none."""
    env = os.environ if environ is None else environ
    if sys.platform.startswith("linux"):
        if env.get("XDG_SESSION_TYPE") == "wayland" or (
            env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY")
        ):
            # Wayland lets no program listen to keys meant for others: the desktop binds
            # them for Poise through its portal, if it has one (it says so once asked).
            bus = env.get("DBUS_SESSION_BUS_ADDRESS")
            if not bus:
                return UnavailableBackend(NO_PORTAL)
            return PortalShortcutsBackend(bus)
        if not env.get("DISPLAY"):
            return UnavailableBackend(
                translate(
                    "Shortcuts", "No X11 display is open, so there is no keyboard to listen to."
                )
            )
        return X11GrabBackend(env["DISPLAY"])
    return PynputBackend()


@dataclass(slots=True)
class _Grab:
    keycode: int
    modifier_mask: int
    handler: Callable[[], None]


@dataclass(slots=True)
class _X11Session:
    display: Any
    grabs: list[_Grab] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)
    released: threading.Event = field(default_factory=threading.Event)


class X11GrabBackend:
    """Grabs each chord on the X11 root window; events are read on a thread of its own."""

    _POLL_SECONDS = 0.1
    _RELEASE_SECONDS = 2.0

    def __init__(self, display_name: str) -> None:
        self._display_name = display_name
        self._session: _X11Session | None = None
        self.thread: threading.Thread | None = None

    def availability(self) -> Availability:
        try:
            connection = self._connect()
        except Exception as error:  # python-xlib raises several unrelated error types
            no_display = translate("Shortcuts", "Cannot open the X11 display {display}: {error}")
            return Availability(False, no_display.format(display=self._display_name, error=error))
        connection.close()
        return Availability(True, translate("Shortcuts", "System-wide shortcuts are active."))

    def _connect(self) -> Any:
        from Xlib import display

        return display.Display(self._display_name)

    def start(self, handlers: Mapping[KeyCombo, Callable[[], None]]) -> list[KeyCombo]:
        from Xlib import XK, X
        from Xlib.error import BadAccess, CatchError

        self.stop()
        if not handlers:
            return []
        XK.load_keysym_group("xf86")
        session = _X11Session(self._connect())
        root = session.display.screen().root
        masks = {"ctrl": X.ControlMask, "alt": X.Mod1Mask, "shift": X.ShiftMask, "cmd": X.Mod4Mask}
        # Caps Lock and Num Lock change the event state; grab every combination of them too.
        lock_variants = (0, X.LockMask, X.Mod2Mask, X.LockMask | X.Mod2Mask)
        taken: list[KeyCombo] = []
        for combo, handler in handlers.items():
            keysym = XK.string_to_keysym(KEYSYM_NAMES.get(combo.key, combo.key))
            keycode = session.display.keysym_to_keycode(keysym)
            if not keycode:
                taken.append(combo)
                continue
            mask = 0
            for modifier in combo.modifiers:
                mask |= masks[modifier]
            conflict = CatchError(BadAccess)
            for variant in lock_variants:
                root.grab_key(
                    keycode,
                    mask | variant,
                    True,
                    X.GrabModeAsync,
                    X.GrabModeAsync,
                    onerror=conflict,
                )
            session.display.sync()
            if conflict.get_error():
                taken.append(combo)
                for variant in lock_variants:  # those of the variants we did get
                    root.ungrab_key(keycode, mask | variant)
                continue
            session.grabs.append(_Grab(keycode, mask, handler))
        relevant = X.ControlMask | X.Mod1Mask | X.ShiftMask | X.Mod4Mask
        self._session = session
        self.thread = threading.Thread(
            target=self._read_events, args=(session, relevant), name="poise-hotkeys", daemon=True
        )
        self.thread.start()
        return taken

    def _read_events(self, session: _X11Session, relevant_mask: int) -> None:
        from Xlib import X
        from Xlib.error import ConnectionClosedError

        connection = session.display
        try:
            while not session.stopping.is_set():
                if not connection.pending_events():
                    select.select([connection.fileno()], [], [], self._POLL_SECONDS)
                    continue
                event = connection.next_event()
                if event.type != X.KeyPress:
                    continue
                state = event.state & relevant_mask
                for grab in session.grabs:
                    if grab.keycode == event.detail and grab.modifier_mask == state:
                        grab.handler()
            # Let go explicitly and wait for the server to have done so: closing the
            # connection frees the grabs only when the server notices, and a new grab of
            # the same chords (Settings saved mid-meeting) would meet our own old one.
            root = connection.screen().root
            for grab in session.grabs:
                root.ungrab_key(grab.keycode, X.AnyModifier)
            connection.sync()
            connection.close()
        except ConnectionClosedError:
            return  # the X session ended (logout, or the server went away): nothing to listen to
        finally:
            session.released.set()

    def stop(self) -> None:
        """Ends listening; returns once the grabs are let go (within a few tenths of a second)."""
        session, self._session = self._session, None
        if session is not None:
            session.stopping.set()
            thread = self.thread
            if thread is not None and thread is not threading.current_thread():
                session.released.wait(self._RELEASE_SECONDS)
