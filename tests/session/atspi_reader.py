"""What a screen reader reads of Poise: the AT-SPI tree and the events, as JSON lines.

Run by the system Python (``/usr/bin/python3``): ``pyatspi`` is Debian's package and lives
there, not in the project's venv; so this file imports nothing of Poise or of pytest.
It listens on the accessibility bus of the session it is started in and answers one
command per line on stdin with one JSON line on stdout:

- ``tree APP``: every object of the application named APP (``accessible_name``) with its
  role, name, states and a path of child indexes, as a screen reader walks it;
- ``events``: the announcements, alerts and focus changes heard since the last ``events``.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import pyatspi  # type: ignore[import-not-found]
from gi.repository import GLib  # type: ignore[import-not-found]

EVENT_KINDS = (
    "object:announcement",
    "object:state-changed:focused",
    "object:property-change:accessible-name",
    "object:property-change:accessible-description",
    "object:text-changed:insert",
    "object:children-changed:add",
    "window:activate",
)
MAX_DEPTH = 40

_heard: list[dict[str, Any]] = []


def _describe(accessible: Any) -> dict[str, Any]:
    try:
        states = accessible.getState().getStates()
        state_names = sorted(pyatspi.stateToString(state) for state in states)
    except Exception:  # an object gone while read is simply skipped
        state_names = []
    try:
        text_interface = accessible.queryText()
        text = text_interface.getText(0, min(text_interface.characterCount, 200))
    except Exception:  # most objects have no text
        text = None
    try:
        identifier = accessible.get_accessible_id() or ""
    except Exception:  # an older AT-SPI has no ids
        identifier = ""
    return {
        "identifier": identifier,
        "role": accessible.getRoleName(),
        "name": accessible.name or "",
        "description": accessible.description or "",
        "states": state_names,
        "text": text,
        "actions": _actions(accessible),
    }


def _actions(accessible: Any) -> list[str]:
    try:
        action = accessible.queryAction()
    except Exception:  # no action interface
        return []
    return [action.getName(index) for index in range(action.nActions)]


def _walk(accessible: Any, path: list[int], found: list[dict[str, Any]]) -> None:
    entry = _describe(accessible)
    entry["path"] = path
    found.append(entry)
    if len(path) >= MAX_DEPTH:
        return
    try:
        count = accessible.childCount
    except Exception:
        return
    # Tables and long lists: their first rows say enough about how rows are named.
    for index in range(min(count, 60)):
        try:
            child = accessible.getChildAtIndex(index)
        except Exception:
            continue
        if child is not None:
            _walk(child, [*path, index], found)


def tree(app_name: str) -> dict[str, Any]:
    desktop = pyatspi.Registry.getDesktop(0)
    names = []
    for index in range(desktop.childCount):
        application = desktop.getChildAtIndex(index)
        if application is None:
            continue
        names.append(application.name)
        if application.name == app_name:
            found: list[dict[str, Any]] = []
            _walk(application, [], found)
            return {"objects": found}
    return {"objects": [], "applications": names}


def _heard_event(event: Any) -> None:
    try:
        source = event.source
        _heard.append(
            {
                "type": event.type,
                "detail1": event.detail1,
                "data": event.any_data if isinstance(event.any_data, str | int) else None,
                "role": source.getRoleName() if source is not None else "",
                "name": (source.name or "") if source is not None else "",
            }
        )
    except Exception:  # the source may be gone already
        pass


def _command(source: Any, _condition: Any) -> bool:
    line = source.readline()
    if not line:
        pyatspi.Registry.stop()
        return False
    command, _, argument = line.strip().partition(" ")
    if command == "tree":
        answer: dict[str, Any] = tree(argument)
    elif command == "events":
        answer = {"events": list(_heard)}
        _heard.clear()
    else:
        answer = {"error": f"unknown command {command!r}"}
    sys.stdout.write(json.dumps(answer) + "\n")
    sys.stdout.flush()
    return True


def main() -> None:
    pyatspi.Registry.registerEventListener(_heard_event, *EVENT_KINDS)
    GLib.io_add_watch(sys.stdin, GLib.PRIORITY_DEFAULT, GLib.IO_IN | GLib.IO_HUP, _command)
    sys.stdout.write(json.dumps({"ready": True}) + "\n")
    sys.stdout.flush()
    pyatspi.Registry.start()


if __name__ == "__main__":
    main()
