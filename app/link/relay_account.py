"""Accounts on the team's relay: the person's own, and the partner passes it asks for.

The team's broker admits no anonymous client (``deploy/relay/README.md``). Each person has
an account the administrator made; it may use its own pairings' rooms and one request
topic to the relay agent (``deploy/relay/poise_relay_agent.py``), which alone holds the
broker's admin rights. Pairing a partner asks the agent for a *partner pass*: a username
and password that reach only that pairing's four rooms; the pairing link carries it to the
partner. Revoking asks the agent to delete the pass, and the broker drops the partner.

The person's password lives in ``relay-account.json`` in the data folder, readable by the
user alone (0600), beside the pairing book, and never in settings.json, a link or a log.
Requests block their caller for at most :data:`AGENT_TIMEOUT_S`: call them off the GUI
thread.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

import paho.mqtt.client as mqtt

from app import paths
from app.link.broker_pass import BrokerPass
from app.link.mqtt_link import RelayError, connect_with_pass, new_mqtt_client, parse_broker_url
from app.link.relay_crypto import pairing_rooms
from app.translation import translate

ACCOUNT_FILE_NAME = "relay-account.json"
AGENT_TIMEOUT_S = 10.0
REQUEST_TOPIC = "poise/a/{person}/req"
RESPONSE_TOPIC = "poise/a/{person}/res"


class RelayAccountError(RelayError):
    """The relay refused the account or the agent did not do what was asked; says why."""


# --- the person's account, on disk ----------------------------------------------------------


def account_file() -> Path:
    return paths.data_dir() / ACCOUNT_FILE_NAME


def load_relay_account() -> BrokerPass | None:
    """The person's relay account, or None when none is set (or the file is damaged)."""
    try:
        data = json.loads(account_file().read_text(encoding="utf-8"))
        username, password = str(data["username"]), str(data["password"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return BrokerPass(username, password) if username and password else None


def save_relay_account(account: BrokerPass | None) -> None:
    """Writes (or, for None, removes) the account file, atomically and 0600."""
    file = account_file()
    if account is None:
        with contextlib.suppress(FileNotFoundError):
            file.unlink()
        return
    file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".relay-account-", dir=file.parent)
    try:
        if sys.platform != "win32":
            os.fchmod(handle, 0o600)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"username": account.username, "password": account.password}, out)
        Path(temporary).replace(file)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise


# --- asking the relay agent -----------------------------------------------------------------


def ask_relay_agent(
    broker_url: str,
    account: BrokerPass,
    request: dict[str, Any],
    timeout_s: float = AGENT_TIMEOUT_S,
) -> dict[str, Any]:
    """One request to the agent as ``account``; its answer, or RelayAccountError."""
    address = parse_broker_url(broker_url)
    request_id = secrets.token_hex(8)
    request_topic = REQUEST_TOPIC.format(person=account.username)
    answer_topic = RESPONSE_TOPIC.format(person=account.username)
    answered = threading.Event()
    outcome: dict[str, Any] = {}
    client = new_mqtt_client(address.transport)
    connect_with_pass(client, broker_url, account)

    def on_connect(client: mqtt.Client, _u: object, _f: object, reason: Any, _p: object) -> None:
        if reason.is_failure:
            outcome["refused"] = str(reason)
            answered.set()
        else:
            client.subscribe(answer_topic, qos=1)

    def on_subscribe(
        client: mqtt.Client, _u: object, _mid: int, reasons: list[Any], _p: object
    ) -> None:
        if any(reason.is_failure for reason in reasons):
            outcome["refused"] = "not allowed"
            answered.set()
            return
        body = json.dumps({**request, "id": request_id})
        client.publish(request_topic, body, qos=1)

    def on_message(_c: mqtt.Client, _u: object, message: mqtt.MQTTMessage) -> None:
        with contextlib.suppress(ValueError, AttributeError):
            answer = json.loads(message.payload)
            if answer.get("id") == request_id:
                outcome["answer"] = answer
                answered.set()

    client.on_connect = on_connect
    client.on_subscribe = on_subscribe
    client.on_message = on_message
    try:
        client.connect_async(address.host, address.port, keepalive=15, clean_start=True)
        client.loop_start()
        if not answered.wait(timeout_s):
            raise RelayAccountError(
                translate(
                    "RelayAccount",
                    "the team relay did not answer: check its address, or ask its administrator",
                )
            )
    finally:
        client.disconnect()
        client.loop_stop()
    if "refused" in outcome:
        raise RelayAccountError(
            translate(
                "RelayAccount",
                "the team relay refused your relay account: check its name and password",
            )
        )
    answer: dict[str, Any] = outcome["answer"]
    if not answer.get("ok"):
        said = str(answer.get("error", "no"))  # the agent's words, in English
        raise RelayAccountError(
            translate("RelayAccount", "the team relay said: {said}").format(said=said)
        )
    return answer


def mint_partner_pass(broker_url: str, account: BrokerPass, secret: bytes) -> BrokerPass:
    """A new partner pass reaching only the rooms of the pairing with this secret."""
    answer = ask_relay_agent(
        broker_url, account, {"op": "mint", "rooms": list(pairing_rooms(secret))}
    )
    try:
        return BrokerPass(str(answer["username"]), str(answer["password"]))
    except KeyError:
        raise RelayAccountError(
            translate("RelayAccount", "the team relay's answer had no partner pass")
        ) from None


def revoke_partner_pass(broker_url: str, account: BrokerPass, username: str) -> None:
    """The broker deletes the pass and drops the partner if it is connected."""
    ask_relay_agent(broker_url, account, {"op": "revoke", "username": username})


__all__ = [
    "BrokerPass",
    "RelayAccountError",
    "ask_relay_agent",
    "load_relay_account",
    "mint_partner_pass",
    "revoke_partner_pass",
    "save_relay_account",
]
