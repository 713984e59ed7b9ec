"""A stand-in for the desktop's notification service, on the bus given as argv[1].

Prints one JSON line per call it receives (member, D-Bus signature, arguments) and
answers ``Notify`` with increasing ids. A line "click <id>" on stdin makes it emit
``ActionInvoked(id, "default")``, as a desktop does when the user clicks.
"""

from __future__ import annotations

import json
import sys
import threading

from jeepney import HeaderFields, MessageType, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from jeepney.wrappers import DBusAddress

PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"


def main() -> None:
    connection = open_dbus_connection(bus=sys.argv[1])
    connection.send_and_get_reply(message_bus.RequestName(INTERFACE))
    lock = threading.Lock()
    emitter = DBusAddress(PATH, interface=INTERFACE)

    def clicks() -> None:
        for line in sys.stdin:
            word, _, number = line.strip().partition(" ")
            if word == "click":
                with lock:
                    connection.send(
                        new_signal(emitter, "ActionInvoked", "us", (int(number), "default"))
                    )

    threading.Thread(target=clicks, daemon=True).start()
    print(json.dumps({"ready": True}), flush=True)
    next_id = 1
    while True:
        message = connection.receive()
        if message.header.message_type is not MessageType.method_call:
            continue
        fields = message.header.fields
        member = fields.get(HeaderFields.member)
        print(
            json.dumps(
                {
                    "member": member,
                    "signature": fields.get(HeaderFields.signature),
                    "args": json.loads(json.dumps(message.body, default=str)),
                    "id": next_id,
                }
            ),
            flush=True,
        )
        with lock:
            if member == "Notify":
                connection.send(new_method_return(message, "u", (next_id,)))
                next_id += 1
            else:
                connection.send(new_method_return(message))


if __name__ == "__main__":
    main()
