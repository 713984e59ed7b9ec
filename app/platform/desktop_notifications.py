"""Desktop notifications on Linux: the freedesktop notification service over D-Bus.

Why not QtDBus: PySide6 6.12 marshals every Python int as a D-Bus int32, so ``Notify``
would go out as ``sisssasa{sv}i`` instead of ``susssasa{sv}i`` (its ``replaces_id`` is a
uint32), and services that check the signature (GNOME Shell, dunst, Plasma) refuse it
(measured against a service on a private bus). ``jeepney`` (pure Python) writes the
exact types. One thread owns the connection: it sends what ``notify`` queues and
listens for ``ActionInvoked`` (the user clicked the notification) and
``NotificationClosed``; ``on_clicked(key)`` runs on that thread, so the UI wraps it in
a queued Qt signal. Nothing here blocks the caller.
"""

from __future__ import annotations

import logging
import os
import queue
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
DEFAULT_ACTION = "default"  # the action a click on the notification's body invokes
_POLL_SECONDS = 1.0  # how often the thread looks at its queue while waiting for signals
_CALL_SECONDS = 5.0


@dataclass(frozen=True, slots=True)
class Notice:
    key: str  # what ``on_clicked`` reports: the caller's own name for this notice
    summary: str
    body: str
    action_label: str = "Open"


def available(bus_address: str | None = None) -> bool:
    """A session bus to reach and the library to speak to it (Linux only)."""
    if not sys.platform.startswith("linux"):
        return False
    if not (bus_address or os.environ.get("DBUS_SESSION_BUS_ADDRESS")):
        return False
    try:
        import jeepney  # noqa: F401  # only whether it is there
    except ImportError:
        return False
    return True


class FreedesktopNotifications:
    """Shows notices through the session's notification service, quietly (low urgency)."""

    def __init__(
        self,
        app_name: str,
        on_clicked: Callable[[str], None],
        *,
        bus_address: str | None = None,
        on_failed: Callable[[str], None] | None = None,
        on_delivered: Callable[[str, bool], None] | None = None,
    ) -> None:
        self._app_name = app_name
        self._on_clicked = on_clicked
        self._on_failed = on_failed or (lambda reason: log.info("notifications: %s", reason))
        # (notice key, shown?) for every notice, once the service answered or could not.
        self._on_delivered = on_delivered or (lambda _key, _shown: None)
        self._bus_address = bus_address
        self._outgoing: queue.Queue[Notice | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._stopped = threading.Event()

    def notify(self, notice: Notice) -> None:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._run, name="poise-notifications", daemon=True
            )
            self._thread.start()
        self._outgoing.put(notice)

    def close(self, timeout: float = 2.0) -> None:
        self._stopped.set()
        self._outgoing.put(None)
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        from jeepney import (
            DBusAddress,
            MatchRule,
            MessageType,
            new_method_call,
        )
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        try:
            connection = open_dbus_connection(bus=self._bus_address or "SESSION")
        except (OSError, ValueError, KeyError) as error:
            self._on_failed(f"no session bus: {error}")
            self._undeliver_waiting()
            return
        address = DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE)
        rule = MatchRule(type="signal", interface=INTERFACE, path=PATH)
        shown: dict[int, str] = {}  # notification id -> notice key
        try:
            connection.send_and_get_reply(message_bus.AddMatch(rule), timeout=_CALL_SECONDS)
            with connection.filter(rule) as signals:
                while not self._stopped.is_set():
                    self._send_waiting(connection, address, new_method_call, shown)
                    try:
                        message = connection.recv_until_filtered(signals, timeout=_POLL_SECONDS)
                    except TimeoutError:
                        continue
                    if message.header.message_type is not MessageType.signal:
                        continue
                    member = message.header.fields.get(3)  # HeaderFields.member
                    if member == "ActionInvoked":
                        notification_id, _action = message.body
                        key = shown.get(notification_id)
                        if key is not None:
                            self._on_clicked(key)
                    elif member == "NotificationClosed":
                        shown.pop(message.body[0], None)
        except (OSError, ConnectionError) as error:
            self._on_failed(f"the session bus went away: {error}")
            self._undeliver_waiting()
        finally:
            connection.close()

    def _undeliver_waiting(self) -> None:
        while True:
            try:
                notice = self._outgoing.get_nowait()
            except queue.Empty:
                return
            if notice is not None:
                self._on_delivered(notice.key, False)

    def _send_waiting(
        self, connection: Any, address: Any, new_method_call: Any, shown: dict[int, str]
    ) -> None:
        while True:
            try:
                notice = self._outgoing.get_nowait()
            except queue.Empty:
                return
            if notice is None:
                return
            hints = {
                "urgency": ("y", 0),  # low: no sound, no popup over a full-screen call
                "suppress-sound": ("b", True),
                "category": ("s", "presence"),
            }
            call = new_method_call(
                address,
                "Notify",
                "susssasa{sv}i",
                (
                    self._app_name,
                    0,
                    "appointment-soon",
                    notice.summary,
                    notice.body,
                    [DEFAULT_ACTION, notice.action_label],
                    hints,
                    -1,
                ),
            )
            try:
                reply = connection.send_and_get_reply(call, timeout=_CALL_SECONDS)
            except TimeoutError:
                self._on_failed("the notification service did not answer")
                self._on_delivered(notice.key, False)
                continue
            if reply.header.message_type.name == "error":
                self._on_failed(f"the notification service refused: {reply.body}")
                self._on_delivered(notice.key, False)
                continue
            shown[int(reply.body[0])] = notice.key
            self._on_delivered(notice.key, True)
