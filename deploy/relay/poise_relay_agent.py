#!/usr/bin/env python3
"""The relay agent: the one holder of the broker's admin account, beside Mosquitto.

Mosquitto's dynamic-security plugin decides who may connect and which topics each client
may use. Changing it needs its admin rights, which no person's Poise should hold: a
person's app asks this agent instead, over a topic only that person's account may publish
to (``poise/a/<person>/req``), and hears the answer on one only it may read
(``poise/a/<person>/res``). The agent:

- mints a *partner pass* (a broker username and password) limited to the four room topics
  of one pairing, which the pairing link then carries to the partner;
- revokes a pass: the broker deletes that client, which also disconnects it if connected.

The administrator uses the same file to set things up and to add or remove people (see
README.md beside it)::

    poise_relay_agent.py init SHIPPED_RULES RULES_OUT AGENT_CONFIG
    poise_relay_agent.py serve AGENT_CONFIG
    poise_relay_agent.py add-person AGENT_CONFIG NAME      # prints the person's password once
    poise_relay_agent.py remove-person AGENT_CONFIG NAME

It needs Python 3.11 and paho-mqtt 2 (``pip install paho-mqtt`` in a venv). Passwords are
never logged; the agent's own is in AGENT_CONFIG (0600).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import logging
import os
import queue
import re
import secrets
import sys
import threading
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

AGENT_USERNAME = "poise-relay-agent"
CONTROL_TOPIC = "$CONTROL/dynamic-security/v1"
CONTROL_RESPONSE = CONTROL_TOPIC + "/response"
REQUEST_TOPIC = "poise/a/{person}/req"
RESPONSE_TOPIC = "poise/a/{person}/res"
ROOM = re.compile(r"poise/r/[0-9a-f]{32}")
PERSON_NAME = re.compile(r"[a-z][a-z0-9._-]{0,39}")
PARTNER_PREFIX = "partner-"
ROOMS_PER_PAIRING = 4  # the lobby's and the meeting's topic, each way
MAX_PASSES_PER_PERSON = 16  # Poise pairs at most 16 partners
HASH_ITERATIONS = 101  # what mosquitto_ctrl writes; the salt and hash sizes are the plugin's
SALT_BYTES = 12
CONTROL_TIMEOUT_S = 10
MAX_CONTROL_BYTES = 3000  # one control message's commands, under max_packet_size 4096

_log = logging.getLogger("poise-relay-agent")


class AgentError(Exception):
    """A request refused or a command that failed; the message says why (no secrets)."""


def hashed_password(password: str) -> dict[str, Any]:
    """The plugin's own password record: PBKDF2-SHA512 with a 12-byte salt."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = hashlib.pbkdf2_hmac("sha512", password.encode("utf-8"), salt, HASH_ITERATIONS, 64)
    return {
        "password": base64.b64encode(digest).decode("ascii"),
        "salt": base64.b64encode(salt).decode("ascii"),
        "iterations": HASH_ITERATIONS,
    }


def new_password() -> str:
    return secrets.token_urlsafe(24)


def person_role(person: str) -> str:
    return f"person-{person}"


def owners_group(person: str) -> str:
    return f"passes-of-{person}"


def _room_acls(topic: str) -> list[dict[str, Any]]:
    return [
        {"acltype": kind, "topic": topic, "priority": 0, "allow": True}
        for kind in ("subscribeLiteral", "publishClientSend", "publishClientReceive")
    ]


# --- setting up the rules file --------------------------------------------------------------


def init_rules(shipped: Path, rules_out: Path, agent_config: Path, broker: str) -> None:
    """The shipped rules plus the agent's admin account; its password goes to agent_config."""
    rules = json.loads(shipped.read_text(encoding="utf-8"))
    password = new_password()
    rules["clients"] = [
        client for client in rules.get("clients", []) if client["username"] != AGENT_USERNAME
    ] + [
        {
            "username": AGENT_USERNAME,
            "textname": "The Poise relay agent: mints and revokes partner passes",
            "roles": [{"rolename": "poise-relay-agent", "priority": 0}],
            **hashed_password(password),
        }
    ]
    _write_private(rules_out, json.dumps(rules, indent="\t"))
    _write_private(
        agent_config,
        json.dumps({"broker": broker, "username": AGENT_USERNAME, "password": password}, indent=1),
    )


def _write_private(file: Path, text: str) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    handle = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        out.write(text + "\n")


# --- the broker connection ------------------------------------------------------------------


class Control:
    """The agent's MQTT client: dynamic-security commands, one at a time, and requests."""

    def __init__(self, config: dict[str, Any]) -> None:
        host, _, port = str(config["broker"]).partition(":")
        self._answers: queue.Queue[dict[str, Any]] = queue.Queue()
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self.on_request: Any = None
        client = mqtt.Client(CallbackAPIVersion.VERSION2, protocol=mqtt.MQTTv5)
        client.username_pw_set(config["username"], config["password"])
        client.on_connect = self._on_connect
        client.on_message = self._on_message
        client.on_subscribe = self._on_subscribe
        self._client = client
        client.connect(host or "127.0.0.1", int(port or 1883), keepalive=30, clean_start=True)
        client.loop_start()
        if not self._ready.wait(CONTROL_TIMEOUT_S):
            client.loop_stop()
            raise AgentError("the broker did not accept the agent's account")

    def _on_connect(
        self, client: mqtt.Client, _u: object, _f: object, reason: Any, _p: object
    ) -> None:
        if reason.is_failure:
            _log.error("the broker refused the agent: %s", reason)
            return
        client.subscribe([(CONTROL_RESPONSE, 1), (REQUEST_TOPIC.format(person="+"), 1)])

    def _on_subscribe(self, _c: mqtt.Client, _u: object, _m: int, reasons: Any, _p: object) -> None:
        if any(reason.is_failure for reason in reasons):
            _log.error("the broker refused the agent's subscriptions: %s", reasons)
            return
        self._ready.set()

    def _on_message(self, _c: mqtt.Client, _u: object, message: mqtt.MQTTMessage) -> None:
        if message.topic == CONTROL_RESPONSE:
            self._answers.put(json.loads(message.payload))
            return
        parts = message.topic.split("/")
        if len(parts) == 4 and self.on_request is not None:
            # Handled off paho's thread: a request waits for the broker's own answers.
            threading.Thread(
                target=self.on_request, args=(parts[2], bytes(message.payload)), daemon=True
            ).start()

    def command(
        self, *commands: dict[str, Any], tolerate: tuple[str, ...] = ()
    ) -> list[dict[str, Any]]:
        """Runs commands in order; AgentError when one fails (unless its error is tolerated).

        Sent in batches under the broker's packet limit (mosquitto.conf, 4 KiB), which
        also holds for the agent."""
        responses: list[dict[str, Any]] = []
        for batch in _batches(commands):
            responses += self._send(batch)
        for response in responses:
            error = response.get("error")
            if error and not any(part in error for part in tolerate):
                raise AgentError(f"{response.get('command')}: {error}")
        return responses

    def _send(self, batch: list[dict[str, Any]]) -> list[dict[str, Any]]:
        with self._lock:
            while not self._answers.empty():
                self._answers.get_nowait()
            self._client.publish(CONTROL_TOPIC, json.dumps({"commands": batch}), qos=1)
            try:
                answer = self._answers.get(timeout=CONTROL_TIMEOUT_S)
            except queue.Empty:
                raise AgentError("the broker did not answer the agent") from None
        return list(answer.get("responses", []))

    def reply(self, person: str, answer: dict[str, Any]) -> None:
        self._client.publish(RESPONSE_TOPIC.format(person=person), json.dumps(answer), qos=1)

    def close(self) -> None:
        self._client.disconnect()
        self._client.loop_stop()


def _batches(commands: tuple[dict[str, Any], ...]) -> list[list[dict[str, Any]]]:
    batches: list[list[dict[str, Any]]] = [[]]
    size = 0
    for command in commands:
        length = len(json.dumps(command)) + 2
        if batches[-1] and size + length > MAX_CONTROL_BYTES:
            batches.append([])
            size = 0
        batches[-1].append(command)
        size += length
    return batches


# --- people (the administrator's commands) --------------------------------------------------


def add_person(control: Control, person: str) -> str:
    """A person's account: its request and answer topics now, its rooms as it pairs."""
    if not PERSON_NAME.fullmatch(person):
        raise AgentError("a person's name is lower-case letters, digits, '.', '_' or '-'")
    password = new_password()
    role = person_role(person)
    control.command(
        {"command": "createRole", "rolename": role, "textname": f"{person}'s rooms"},
        {"command": "createGroup", "groupname": owners_group(person)},
        *(
            {"command": "addRoleACL", "rolename": role, **acl}
            for acl in (
                {
                    "acltype": "publishClientSend",
                    "topic": REQUEST_TOPIC.format(person=person),
                    "allow": True,
                },
                {
                    "acltype": "subscribeLiteral",
                    "topic": RESPONSE_TOPIC.format(person=person),
                    "allow": True,
                },
                {
                    "acltype": "publishClientReceive",
                    "topic": RESPONSE_TOPIC.format(person=person),
                    "allow": True,
                },
            )
        ),
        {
            "command": "createClient",
            "username": person,
            "password": password,
            "roles": [{"rolename": role}],
        },
    )
    return password


def remove_person(control: Control, person: str) -> None:
    """The person's account and every partner pass it made; connected ones are dropped."""
    group = control.command({"command": "getGroup", "groupname": owners_group(person)})
    for member in group[0].get("data", {}).get("group", {}).get("clients", []):
        _delete_pass(control, person, member["username"])
    control.command(
        {"command": "deleteClient", "username": person},
        {"command": "deleteGroup", "groupname": owners_group(person)},
        {"command": "deleteRole", "rolename": person_role(person)},
    )


# --- what a person's Poise asks -------------------------------------------------------------


def handle_request(control: Control, person: str, payload: bytes) -> dict[str, Any]:
    """One request from ``person`` (the broker let only that person publish it)."""
    try:
        request = json.loads(payload)
        request_id = str(request["id"])[:64]
        op = request["op"]
    except (ValueError, KeyError, TypeError):
        return {"ok": False, "error": "not a request"}
    try:
        if op == "mint":
            username, password = _mint(control, person, request.get("rooms"))
            _log.info("%s made partner pass %s", person, username)
            return {"id": request_id, "ok": True, "username": username, "password": password}
        if op == "revoke":
            username = str(request.get("username", ""))
            if not _owns(control, person, username):
                raise AgentError("no such partner pass of yours")
            _delete_pass(control, person, username)
            _log.info("%s revoked partner pass %s", person, username)
            return {"id": request_id, "ok": True}
    except AgentError as problem:
        return {"id": request_id, "ok": False, "error": str(problem)}
    return {"id": request_id, "ok": False, "error": f"unknown request {op!r}"[:80]}


def _mint(control: Control, person: str, rooms: object) -> tuple[str, str]:
    if (
        not isinstance(rooms, list)
        or len(rooms) != ROOMS_PER_PAIRING
        or not all(isinstance(room, str) and ROOM.fullmatch(room) for room in rooms)
    ):
        raise AgentError(f"a pairing has {ROOMS_PER_PAIRING} rooms, poise/r/ and 32 hex digits")
    group = control.command({"command": "getGroup", "groupname": owners_group(person)})
    if len(group[0].get("data", {}).get("group", {}).get("clients", [])) >= MAX_PASSES_PER_PERSON:
        raise AgentError(f"at most {MAX_PASSES_PER_PERSON} partner passes: revoke one first")
    username = PARTNER_PREFIX + secrets.token_hex(8)
    password = new_password()
    acls = [acl for room in rooms for acl in _room_acls(room)]
    control.command(
        {"command": "createRole", "rolename": username, "textname": f"a partner of {person}"},
        *({"command": "addRoleACL", "rolename": username, **acl} for acl in acls),
        *({"command": "addRoleACL", "rolename": person_role(person), **acl} for acl in acls),
        {
            "command": "createClient",
            "username": username,
            "password": password,
            "textname": f"a partner of {person}",
            "roles": [{"rolename": username}],
            "groups": [{"groupname": owners_group(person)}],
        },
    )
    return username, password


def _owns(control: Control, person: str, username: str) -> bool:
    if not username.startswith(PARTNER_PREFIX):
        return False
    group = control.command({"command": "getGroup", "groupname": owners_group(person)})
    members = group[0].get("data", {}).get("group", {}).get("clients", [])
    return any(member.get("username") == username for member in members)


def _delete_pass(control: Control, person: str, username: str) -> None:
    role = control.command({"command": "getRole", "rolename": username}, tolerate=("not found",))
    acls = role[0].get("data", {}).get("role", {}).get("acls", [])
    # deleteClient also disconnects the partner if it is connected now.
    control.command({"command": "deleteClient", "username": username}, tolerate=("not found",))
    control.command(
        *(
            {
                "command": "removeRoleACL",
                "rolename": person_role(person),
                "acltype": acl["acltype"],
                "topic": acl["topic"],
            }
            for acl in acls
        ),
        {"command": "deleteRole", "rolename": username},
        tolerate=("not found",),
    )


def serve(control: Control) -> None:
    def on_request(person: str, payload: bytes) -> None:
        control.reply(person, handle_request(control, person, payload))

    control.on_request = on_request
    _log.info("serving")
    threading.Event().wait()


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init", help="add the agent's account to the shipped rules")
    init.add_argument("shipped", type=Path)
    init.add_argument("rules_out", type=Path)
    init.add_argument("agent_config", type=Path)
    init.add_argument("--broker", default="127.0.0.1:1883")
    for name in ("serve", "add-person", "remove-person"):
        command = commands.add_parser(name)
        command.add_argument("agent_config", type=Path)
        if name != "serve":
            command.add_argument("person")
    args = parser.parse_args(argv)
    if args.command == "init":
        init_rules(args.shipped, args.rules_out, args.agent_config, args.broker)
        return 0
    config = json.loads(args.agent_config.read_text(encoding="utf-8"))
    try:
        control = Control(config)
        if args.command == "serve":
            serve(control)
        elif args.command == "add-person":
            print(add_person(control, args.person))
        else:
            remove_person(control, args.person)
        control.close()
    except AgentError as problem:
        print(f"poise-relay-agent: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
