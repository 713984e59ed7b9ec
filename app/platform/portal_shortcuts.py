"""System-wide shortcuts on Wayland: the XDG desktop portal's GlobalShortcuts interface.

Wayland lets no program listen to keys meant for other windows, but the desktop itself
can bind keys for a program and tell it when one is pressed (KDE Plasma 6, GNOME 48 and
later, Hyprland). Poise opens a portal session, binds each action with its id, its
description and the key it would like (``preferred_trigger``), and the desktop, often
after a dialog in which the user approves or changes them, says which keys it bound
(``trigger_description``, in the desktop's own words). A press arrives as ``Activated``.

Every portal call answers at once with a Request object; the real answer comes later as
that Request's ``Response`` signal (0 granted, 1 the user declined, 2 anything else).
The Request's path is known before the call, so the signal is subscribed to first and
cannot be missed. The desktop may take as long as its user does: after a while the
status says there is no answer yet, and a late answer still binds the keys.

One thread owns the D-Bus connection (``jeepney``, as the notifications do): handlers
and the change callback run on that thread, and the Qt layer turns them into queued
signals. ``start`` and ``stop`` never wait for the desktop.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from app.domain.hotkeys import KeyCombo
from app.platform.hotkey_backend import KEYSYM_NAMES, Availability, NamedHandler
from app.translation import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

PORTAL_BUS = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
SHORTCUTS_INTERFACE = "org.freedesktop.portal.GlobalShortcuts"
REQUEST_INTERFACE = "org.freedesktop.portal.Request"
SESSION_INTERFACE = "org.freedesktop.portal.Session"

# The id of Poise's desktop file (packaging/linux): how the desktop names the app in its
# dialog and its settings. Apps outside Flatpak or Snap tell it themselves (below).
APP_ID = "app.poise.Poise"
REGISTRY_INTERFACE = "org.freedesktop.host.portal.Registry"

# Translated where shown (Settings' keys section), in the Shortcuts context.
NO_PORTAL = QT_TRANSLATE_NOOP(
    "Shortcuts", "This desktop offers no shortcuts portal; use the keys in Poise's window."
)
NOT_ASKED = QT_TRANSLATE_NOOP(
    "Shortcuts", "Poise asks your desktop for the keys when it starts listening."
)
ASKING = QT_TRANSLATE_NOOP(
    "Shortcuts", "Asking your desktop for the keys; it may show a dialog to approve them."
)
DECLINED = QT_TRANSLATE_NOOP(
    "Shortcuts",
    "The keys were turned down in your desktop's dialog; use the keys in Poise's window "
    "(saving these settings asks again).",
)
FAILED = QT_TRANSLATE_NOOP(
    "Shortcuts", "Your desktop could not bind Poise's keys; use the keys in Poise's window."
)
NO_ANSWER = QT_TRANSLATE_NOOP(
    "Shortcuts",
    "Your desktop has not answered about the keys yet; until it does, use the keys in "
    "Poise's window.",
)
GONE = QT_TRANSLATE_NOOP(
    "Shortcuts", "Your desktop's shortcuts portal stopped; use the keys in Poise's window."
)
BOUND = QT_TRANSLATE_NOOP(
    "Shortcuts", "Your desktop bound Poise's keys; its own settings can change them."
)

_MODIFIERS = {"ctrl": "CTRL", "alt": "ALT", "shift": "SHIFT", "cmd": "LOGO"}
_POLL_SECONDS = 0.2  # how often the thread looks whether it should stop
_CALL_SECONDS = 5.0  # a method call's own reply comes at once; only the Response waits
_STOP_SECONDS = 0.5  # for the session to close before Settings captures a key; never longer
_tokens = itertools.count(1)


def xdg_trigger(combo: KeyCombo) -> str:
    """The combination in the shortcuts specification's syntax, e.g. ``CTRL+ALT+Next``."""
    key = KEYSYM_NAMES.get(combo.key, combo.key)
    return "+".join((*(_MODIFIERS[m] for m in combo.modifiers), key))


@dataclass(frozen=True, slots=True)
class PortalOutcome:
    """What the desktop said so far: the keys it bound (action id -> its description of
    the trigger, "" for none) once it bound them, and why not otherwise."""

    bound: Mapping[str, str] | None = None
    problem: str = ""
    asking: bool = False
    no_portal: bool = False


@dataclass(slots=True)
class _Run:
    """One start: its handlers by action id, and the flag that ends it."""

    handlers: dict[str, NamedHandler]
    triggers: dict[str, str]
    stopping: threading.Event = field(default_factory=threading.Event)


class _StopRequestedError(Exception):
    """``stop`` was called while the thread waited for the desktop."""


class _PortalGoneError(Exception):
    """The portal's bus name lost its owner, or the bus itself went away."""


class _NoPortalError(Exception):
    """The portal is not on the bus, or offers no GlobalShortcuts."""


class _RefusedError(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class PortalShortcutsBackend:
    """Binds Poise's actions through the desktop portal and hears their activations."""

    def __init__(self, bus_address: str | None = None, *, answer_seconds: float = 30.0) -> None:
        self._bus_address = bus_address
        self._answer_seconds = answer_seconds
        self._lock = threading.Lock()
        self._outcome = PortalOutcome()
        self._run: _Run | None = None
        self._thread: threading.Thread | None = None
        self._on_change: Callable[[], None] = lambda: None

    def watch(self, on_change: Callable[[], None]) -> None:
        """``on_change`` runs (on the D-Bus thread) each time ``outcome`` changes."""
        self._on_change = on_change

    def outcome(self) -> PortalOutcome:
        with self._lock:
            return self._outcome

    def availability(self) -> Availability:
        outcome = self.outcome()
        if outcome.no_portal:
            return Availability(False, NO_PORTAL)
        if outcome.problem:
            return Availability(True, outcome.problem)
        if outcome.bound is not None:
            return Availability(True, BOUND)
        return Availability(True, ASKING if outcome.asking else NOT_ASKED)

    def start(self, handlers: Mapping[KeyCombo, Callable[[], None]]) -> list[KeyCombo]:
        """Asks the desktop for the keys in the background; none is reported taken here."""
        self.stop()
        if not handlers:
            return []
        by_id: dict[str, NamedHandler] = {}
        triggers: dict[str, str] = {}
        for combo, handler in handlers.items():
            named = (
                handler
                if isinstance(handler, NamedHandler)
                else NamedHandler(str(combo), combo.display, handler)
            )
            by_id[named.action_id] = named
            triggers[named.action_id] = xdg_trigger(combo)
        run = _Run(by_id, triggers)
        self._run = run
        self._set(run, PortalOutcome(asking=True))
        self._thread = threading.Thread(
            target=self._serve, args=(run,), name="poise-portal-keys", daemon=True
        )
        self._thread.start()
        return []

    def stop(self) -> None:
        """Ends the session (the thread closes it) without waiting for the desktop."""
        run, self._run = self._run, None
        if run is None:
            return
        run.stopping.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(_STOP_SECONDS)
        with self._lock:
            if not self._outcome.no_portal:
                self._outcome = PortalOutcome()

    def _set(self, run: _Run, outcome: PortalOutcome) -> None:
        with self._lock:
            if run is not self._run:
                return  # an earlier start, stopped since: its news is stale
            self._outcome = outcome
        self._on_change()

    # -- the D-Bus thread ----------------------------------------------------------------

    def _serve(self, run: _Run) -> None:
        from jeepney.io.blocking import open_dbus_connection

        try:
            connection = open_dbus_connection(bus=self._bus_address or "SESSION")
        except (OSError, ValueError, KeyError) as error:
            log.info("portal shortcuts: no session bus: %s", error)
            self._set(run, PortalOutcome(problem=NO_PORTAL, no_portal=True))
            return
        try:
            _Conversation(connection, run, self._answer_seconds, self._set).hold()
        except _StopRequestedError:
            pass
        except _NoPortalError:
            self._set(run, PortalOutcome(problem=NO_PORTAL, no_portal=True))
        except _RefusedError as refusal:
            self._set(run, PortalOutcome(problem=refusal.reason))
        except (_PortalGoneError, OSError, ConnectionError, EOFError) as error:
            log.info("portal shortcuts: the portal went away: %s", error)
            self._set(run, PortalOutcome(problem=GONE))
        finally:
            connection.close()


class _Conversation:
    """The calls of one session, in order, on the thread that owns ``connection``."""

    def __init__(
        self,
        connection: Any,
        run: _Run,
        answer_seconds: float,
        report: Callable[[_Run, PortalOutcome], None],
    ) -> None:
        self._connection = connection
        self._run = run
        self._answer_seconds = answer_seconds
        self._report = report
        self._sender = str(connection.unique_name).lstrip(":").replace(".", "_")
        self._session = ""
        self._signals: Any = None

    def hold(self) -> None:
        from jeepney import MatchRule
        from jeepney.bus_messages import message_bus

        owner = MatchRule(
            type="signal",
            sender="org.freedesktop.DBus",
            interface="org.freedesktop.DBus",
            member="NameOwnerChanged",
        )
        owner.add_arg_condition(0, PORTAL_BUS)
        rules = (
            MatchRule(
                type="signal",
                interface=REQUEST_INTERFACE,
                member="Response",
                path_namespace=f"{PORTAL_PATH}/request/{self._sender}",
            ),
            MatchRule(type="signal", interface=SHORTCUTS_INTERFACE, path=PORTAL_PATH),
            owner,
        )
        for rule in rules:
            self._connection.send_and_get_reply(message_bus.AddMatch(rule), timeout=_CALL_SECONDS)
        with self._connection.filter(MatchRule(type="signal"), bufsize=256) as signals:
            self._signals = signals
            try:
                self._bind()
                self._listen()
            finally:
                self._close_session()

    def _bind(self) -> None:
        if not self._offers_shortcuts():
            raise _NoPortalError
        self._register_app()
        token = self._token()
        results = self._request(
            "CreateSession",
            "a{sv}",
            ({"handle_token": ("s", token), "session_handle_token": ("s", self._token())},),
            token,
        )
        self._session = str(results["session_handle"][1])
        shortcuts = [
            (
                action_id,
                {
                    "description": ("s", handler.description),
                    "preferred_trigger": ("s", self._run.triggers[action_id]),
                },
            )
            for action_id, handler in self._run.handlers.items()
        ]
        token = self._token()
        results = self._request(
            "BindShortcuts",
            "oa(sa{sv})sa{sv}",
            (self._session, shortcuts, "", {"handle_token": ("s", token)}),
            token,
        )
        bound = self._bound(results)
        # What the desktop holds now, which its dialog may have changed.
        token = self._token()
        try:
            listed = self._request(
                "ListShortcuts", "oa{sv}", (self._session, {"handle_token": ("s", token)}), token
            )
            bound = self._bound(listed) or bound
        except _RefusedError:
            pass  # the keys are bound; the desktop only would not list them again
        self._report(self._run, PortalOutcome(bound=bound))

    def _offers_shortcuts(self) -> bool:
        from jeepney import DBusAddress, MessageType, Properties

        portal = DBusAddress(PORTAL_PATH, bus_name=PORTAL_BUS, interface=SHORTCUTS_INTERFACE)
        reply = self._connection.send_and_get_reply(
            Properties(portal).get("version"), timeout=_CALL_SECONDS
        )
        if reply.header.message_type is MessageType.error:
            log.info("portal shortcuts: no GlobalShortcuts: %s", reply.body)
            return False
        _signature, version = reply.body[0]
        return int(version) >= 1

    def _register_app(self) -> None:
        """Names Poise to the portal, as a host app must before its first session (portal
        1.19 and later); an older portal has no registry and names apps otherwise."""
        from jeepney import DBusAddress, MessageType, new_method_call

        registry = DBusAddress(PORTAL_PATH, bus_name=PORTAL_BUS, interface=REGISTRY_INTERFACE)
        reply = self._connection.send_and_get_reply(
            new_method_call(registry, "Register", "sa{sv}", (APP_ID, {})), timeout=_CALL_SECONDS
        )
        if reply.header.message_type is MessageType.error:
            log.info("portal shortcuts: no app registry: %s", reply.body)

    def _token(self) -> str:
        return f"poise{os.getpid()}_{next(_tokens)}"

    def _request(
        self, method: str, signature: str, body: tuple[Any, ...], token: str
    ) -> dict[str, Any]:
        """Calls ``method`` and waits for its Request's Response; its results, if granted."""
        from jeepney import DBusAddress, MessageType, new_method_call

        expected = f"{PORTAL_PATH}/request/{self._sender}/{token}"
        portal = DBusAddress(PORTAL_PATH, bus_name=PORTAL_BUS, interface=SHORTCUTS_INTERFACE)
        try:
            reply = self._connection.send_and_get_reply(
                new_method_call(portal, method, signature, body), timeout=_CALL_SECONDS
            )
        except TimeoutError:
            raise _RefusedError(NO_ANSWER) from None
        if reply.header.message_type is MessageType.error:
            log.info("portal shortcuts: %s failed: %s", method, reply.body)
            raise _RefusedError(FAILED)
        handle = str(reply.body[0])
        code, results = self._response({expected, handle})
        if code == 1:
            raise _RefusedError(DECLINED)
        if code != 0:
            raise _RefusedError(FAILED)
        return dict(results)

    def _response(self, paths: set[str]) -> tuple[int, Mapping[str, Any]]:
        """Waits for the Response on one of ``paths``; says once when it is slow."""
        from jeepney import HeaderFields

        slow_at = time.monotonic() + self._answer_seconds
        said_slow = False
        while True:
            message = self._next_signal()
            if message is None:
                if not said_slow and time.monotonic() >= slow_at:
                    said_slow = True
                    self._report(self._run, PortalOutcome(problem=NO_ANSWER, asking=True))
                continue
            fields = message.header.fields
            if (
                fields.get(HeaderFields.member) == "Response"
                and fields.get(HeaderFields.path) in paths
            ):
                code, results = message.body
                return int(code), results

    def _listen(self) -> None:
        from jeepney import HeaderFields

        while True:
            message = self._next_signal()
            if message is None:
                continue
            fields = message.header.fields
            member = fields.get(HeaderFields.member)
            if member == "Activated":
                session, action_id = message.body[0], message.body[1]
                handler = self._run.handlers.get(action_id)
                if session == self._session and handler is not None:
                    handler()
            elif member == "ShortcutsChanged" and message.body[0] == self._session:
                # The user changed a key in the desktop's settings.
                self._report(self._run, PortalOutcome(bound=self._bound(message.body[1])))

    def _next_signal(self) -> Any:
        """The next signal, or None after a short wait; raises when stopped or gone."""
        from jeepney import HeaderFields

        if self._run.stopping.is_set():
            raise _StopRequestedError
        try:
            message = self._connection.recv_until_filtered(self._signals, timeout=_POLL_SECONDS)
        except TimeoutError:
            return None
        if message.header.fields.get(HeaderFields.member) == "NameOwnerChanged":
            _name, _old, new_owner = message.body
            if not new_owner:
                raise _PortalGoneError("the portal left the bus")
            return None
        return message

    @staticmethod
    def _bound(results: Any) -> dict[str, str]:
        """Action id -> the desktop's words for its trigger, from ``shortcuts`` in results."""
        shortcuts = results.get("shortcuts") if isinstance(results, Mapping) else results
        if isinstance(shortcuts, tuple) and len(shortcuts) == 2 and isinstance(shortcuts[0], str):
            shortcuts = shortcuts[1]  # still wrapped in its variant
        bound: dict[str, str] = {}
        for action_id, properties in shortcuts or ():
            trigger = properties.get("trigger_description", ("s", ""))
            bound[str(action_id)] = str(trigger[1])
        return bound

    def _close_session(self) -> None:
        from jeepney import DBusAddress, new_method_call

        if not self._session:
            return
        session = DBusAddress(self._session, bus_name=PORTAL_BUS, interface=SESSION_INTERFACE)
        with contextlib.suppress(OSError, ConnectionError):  # gone with the bus, if it is
            self._connection.send(new_method_call(session, "Close"))
