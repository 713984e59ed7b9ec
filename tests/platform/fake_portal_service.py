"""A stand-in for the desktop's GlobalShortcuts portal, on the bus given as argv[1].

It answers as xdg-desktop-portal does: each call returns a Request object at once, and
the answer follows as that Request's ``Response`` signal. Prints one JSON line per call
it receives (member, arguments). Options after the bus address:

- ``--refuse``: BindShortcuts answers 1, as when the user declines the desktop's dialog;
- ``--late SECONDS``: BindShortcuts answers only after that long;
- ``--rebind ID=WORDS``: the desktop binds that action to other keys (as its dialog may);
- ``--no-shortcuts``: a portal without the GlobalShortcuts interface (older desktops).

A line "activate <id>" on stdin emits ``Activated`` for that shortcut, as the desktop
does when its key is pressed; "change <id> <words>" gives it other keys and emits
``ShortcutsChanged``, as when the user changes them in the desktop's settings; "exit"
makes the service leave the bus at once.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from typing import Any

from jeepney import HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from jeepney.wrappers import DBusAddress

PORTAL_BUS = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
SHORTCUTS = "org.freedesktop.portal.GlobalShortcuts"
_WORDS = {"Next": "Page Down", "Prior": "Page Up", "space": "Space", "LOGO": "Meta"}


def desktop_words(trigger: str) -> str:
    """``CTRL+ALT+Next`` as a desktop shows it: ``Ctrl+Alt+Page Down``."""
    return "+".join(_WORDS.get(part, part.title()) for part in trigger.split("+"))


class FakePortal:
    def __init__(self, bus: str, options: argparse.Namespace) -> None:
        self.connection = open_dbus_connection(bus=bus)
        self.options = options
        self.rebind = dict(item.split("=", 1) for item in options.rebind)
        self.lock = threading.Lock()
        self.bound: list[tuple[str, dict[str, tuple[str, str]]]] = []
        self.session = ""

    def send(self, message: Any) -> None:
        with self.lock:
            self.connection.send(message)

    def respond(self, call: Any, token: str, code: int, results: dict[str, Any]) -> None:
        """Return the Request's path, then its Response (now, or after a delay)."""
        sender = str(call.header.fields[HeaderFields.sender]).lstrip(":").replace(".", "_")
        path = f"{PORTAL_PATH}/request/{sender}/{token}"
        self.send(new_method_return(call, "o", (path,)))
        signal = new_signal(
            DBusAddress(path, interface="org.freedesktop.portal.Request"),
            "Response",
            "ua{sv}",
            (code, results),
        )
        signal.header.fields[HeaderFields.destination] = call.header.fields[HeaderFields.sender]
        binding = call.header.fields[HeaderFields.member] == "BindShortcuts"
        late = self.options.late if binding else 0.0
        if late:
            threading.Timer(late, self.send, (signal,)).start()
        else:
            self.send(signal)

    def listed(self) -> dict[str, Any]:
        return {"shortcuts": ("a(sa{sv})", self.bound)}

    def answer(self, call: Any) -> None:
        fields = call.header.fields
        member = fields.get(HeaderFields.member)
        interface = fields.get(HeaderFields.interface)
        body = call.body
        if interface == "org.freedesktop.DBus.Properties":
            if self.options.no_shortcuts or body[0] != SHORTCUTS:
                self.send(new_error(call, "org.freedesktop.DBus.Error.UnknownInterface"))
            else:
                self.send(new_method_return(call, "v", (("u", 2),)))
        elif member == "CreateSession":
            self.session = f"{PORTAL_PATH}/session/fake/{body[0]['session_handle_token'][1]}"
            results = {"session_handle": ("s", self.session)}
            self.respond(call, body[0]["handle_token"][1], 0, results)
        elif member == "BindShortcuts":
            _session, shortcuts, _parent, options = body
            if self.options.refuse:
                self.respond(call, options["handle_token"][1], 1, {})
                return
            self.bound = [
                (
                    action_id,
                    {
                        "description": properties["description"],
                        "trigger_description": (
                            "s",
                            self.rebind.get(
                                action_id, desktop_words(properties["preferred_trigger"][1])
                            ),
                        ),
                    },
                )
                for action_id, properties in shortcuts
            ]
            self.respond(call, options["handle_token"][1], 0, self.listed())
        elif member == "ListShortcuts":
            self.respond(call, body[1]["handle_token"][1], 0, self.listed())
        else:  # the app registry's Register, the session's Close
            self.send(new_method_return(call))

    def activations(self) -> None:
        for line in sys.stdin:
            word, _, action_id = line.strip().partition(" ")
            if word == "exit":
                os._exit(0)  # at once, as a crashed portal leaves the bus
            if word == "change":
                action_id, _, words = action_id.partition(" ")
                self.rebind[action_id] = words
                self.bound = [
                    (
                        a,
                        {
                            **p,
                            "trigger_description": (
                                "s",
                                self.rebind.get(a, p["trigger_description"][1]),
                            ),
                        },
                    )
                    for a, p in self.bound
                ]
                self.send(
                    new_signal(
                        DBusAddress(PORTAL_PATH, interface=SHORTCUTS),
                        "ShortcutsChanged",
                        "oa(sa{sv})",
                        (self.session, self.bound),
                    )
                )
            if word == "activate":
                self.send(
                    new_signal(
                        DBusAddress(PORTAL_PATH, interface=SHORTCUTS),
                        "Activated",
                        "osta{sv}",
                        (self.session, action_id, 0, {}),
                    )
                )

    def serve(self) -> None:
        self.connection.send_and_get_reply(message_bus.RequestName(PORTAL_BUS))
        threading.Thread(target=self.activations, daemon=True).start()
        print(json.dumps({"ready": True}), flush=True)
        while True:
            message = self.connection.receive()
            if message.header.message_type is not MessageType.method_call:
                continue
            member = message.header.fields.get(HeaderFields.member)
            args = json.loads(json.dumps(message.body, default=str))
            print(json.dumps({"member": member, "args": args}), flush=True)
            self.answer(message)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("bus")
    parser.add_argument("--refuse", action="store_true")
    parser.add_argument("--late", type=float, default=0.0)
    parser.add_argument("--rebind", action="append", default=[])
    parser.add_argument("--no-shortcuts", action="store_true")
    options = parser.parse_args()
    FakePortal(options.bus, options).serve()


if __name__ == "__main__":
    main()
