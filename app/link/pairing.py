"""Paired partners: who may send cues through the team's relay, kept until revoked.

A partner (a phone or a second Poise) is paired once, by QR code or link, and its
pairing secret then serves every meeting (``app.link.relay_crypto`` derives each
meeting's keys from it). The book lives in ``paired-partners.json`` in the data
folder, readable and writable by the user alone (0600), and not in settings.json:
it holds secrets, and settings are a file a person may share to show a problem.

The book in memory is the truth; every change is written atomically on one
background thread, so neither the GUI thread nor a partner's arrival waits for a
disk. Who holds the book learns of changes (a revoke in Settings during a live
meeting) through :meth:`PairingBook.add_listener`.

The pairing link: ``<page>#k=<secret>&b=<broker>&u=<user>&p=<password>``. The fragment
carries the secrets because browsers never send a fragment to a server; ``b`` is left out
when the broker is the page's own origin at ``/mqtt`` (what ``deploy/relay`` sets up);
``u`` and ``p`` are the partner's pass on a team broker that admits only the team
(``app.link.relay_account``), left out when the partner has none.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sys
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from app import paths
from app.link.broker_pass import BrokerPass
from app.link.relay_crypto import decode_secret, new_pairing_secret
from app.translation import translate

PAIRING_FILE_NAME = "paired-partners.json"
MAX_PARTNERS = 16
MAX_NAME_CHARS = 40
BROKER_PATH = "/mqtt"


class PairingError(ValueError):
    """A pairing that cannot be made or a link that is not one; the message says why."""


@dataclass(frozen=True, slots=True)
class PairedPartner:
    partner_id: str
    name: str
    created: datetime
    secret: str
    last_seen: datetime | None = None
    broker_pass: BrokerPass | None = None
    """The partner's own pass on the team's broker, reaching this pairing's rooms only."""


class PairingBook:
    """The paired partners of one data folder."""

    def __init__(self, file: Path) -> None:
        self.file = file
        self._partners: dict[str, PairedPartner] = _read(file)
        self._listeners: list[Callable[[], None]] = []
        self._lock = threading.Lock()
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pairing-writer")

    @property
    def partners(self) -> tuple[PairedPartner, ...]:
        with self._lock:
            return tuple(sorted(self._partners.values(), key=lambda partner: partner.created))

    def get(self, partner_id: str) -> PairedPartner | None:
        with self._lock:
            return self._partners.get(partner_id)

    def add_listener(self, listener: Callable[[], None]) -> None:
        """A live meeting's relay follows the book from its start to its end."""
        self._listeners.append(listener)

    @property
    def followed_by_a_live_meeting(self) -> bool:
        """A meeting is live with its relay: a partner paired now joins it at once."""
        return bool(self._listeners)

    def remove_listener(self, listener: Callable[[], None]) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    def pair(self, name: str) -> PairedPartner:
        """A new partner with a fresh secret; PairingError for an empty or long name."""
        cleaned = " ".join(name.split())
        if not cleaned:
            raise PairingError(
                translate(
                    "PairingLink", "give the partner a name, so you know whom to revoke later"
                )
            )
        if len(cleaned) > MAX_NAME_CHARS:
            raise PairingError(
                translate("PairingLink", "a partner's name has at most {limit} characters").format(
                    limit=MAX_NAME_CHARS
                )
            )
        with self._lock:
            if len(self._partners) >= MAX_PARTNERS:
                raise PairingError(
                    translate("PairingLink", "at most {limit} partners: revoke one first").format(
                        limit=MAX_PARTNERS
                    )
                )
            partner = PairedPartner(
                secrets.token_hex(8), cleaned, datetime.now(UTC), new_pairing_secret()
            )
            self._partners[partner.partner_id] = partner
        self._changed()
        return partner

    def give_pass(self, partner_id: str, broker_pass: BrokerPass) -> PairedPartner | None:
        """The relay agent minted this partner's pass; None if it was revoked meanwhile."""
        with self._lock:
            partner = self._partners.get(partner_id)
            if partner is None:
                return None
            partner = self._partners[partner_id] = replace(partner, broker_pass=broker_pass)
        self._changed()  # a live meeting's relay may use the pairing's rooms only from now
        return partner

    def revoke(self, partner_id: str) -> bool:
        with self._lock:
            removed = self._partners.pop(partner_id, None) is not None
        if removed:
            self._changed()
        return removed

    def touch(self, partner_id: str, when: datetime | None = None) -> None:
        """The partner was heard from (written at most once a minute per partner)."""
        when = when or datetime.now(UTC)
        with self._lock:
            partner = self._partners.get(partner_id)
            if partner is None:
                return
            if partner.last_seen is not None and (when - partner.last_seen).total_seconds() < 60:
                return
            self._partners[partner_id] = replace(partner, last_seen=when)
        self._save_soon()

    def flush(self) -> None:
        """Wait for every change so far to be on disk (tests, and before exit)."""
        self._writer.submit(lambda: None).result()

    def _changed(self) -> None:
        self._save_soon()
        for listener in list(self._listeners):
            listener()

    def _save_soon(self) -> Future[None]:
        with self._lock:
            snapshot = [_to_json(partner) for partner in self._partners.values()]
        return self._writer.submit(_write, self.file, snapshot)


_books: dict[Path, PairingBook] = {}


def pairing_book() -> PairingBook:
    """The book of the current data folder, shared by Settings and the live meeting."""
    file = paths.data_dir() / PAIRING_FILE_NAME
    book = _books.get(file)
    if book is None:
        book = _books[file] = PairingBook(file)
    return book


# --- links ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RelayLink:
    secret: bytes
    broker_url: str
    broker_pass: BrokerPass | None = None


def default_page_url(broker_url: str) -> str:
    """Where the team's front serves the partner page: the broker's own origin."""
    parts = urlsplit(broker_url)
    scheme = {"wss": "https", "ws": "http"}.get(parts.scheme, "https")
    return f"{scheme}://{parts.netloc}/"


def pairing_link(partner: PairedPartner, broker_url: str, page_url: str = "") -> str:
    page = page_url or default_page_url(broker_url)
    link = f"{page}#k={partner.secret}"
    if broker_url != _broker_of_page(page):
        link += "&b=" + quote(broker_url, safe="")
    if partner.broker_pass is not None:
        link += "&u=" + quote(partner.broker_pass.username, safe="")
        link += "&p=" + quote(partner.broker_pass.password, safe="")
    return link


def is_relay_link(text: str) -> bool:
    return "#" in text and "k" in parse_qs(text.strip().split("#", 1)[1])


def parse_relay_link(text: str) -> RelayLink:
    """Reads a pairing link; PairingError (what to check) when it is not one."""
    page, _, fragment = text.strip().partition("#")
    fields = parse_qs(fragment)
    keys = fields.get("k")
    if not keys:
        raise PairingError(
            translate(
                "PairingLink", "the link has no pairing key: copy it again from the user's Poise"
            )
        )
    try:
        secret = decode_secret(keys[0])
    except ValueError as problem:
        raise PairingError(str(problem)) from None
    broker = fields.get("b", [""])[0] or _broker_of_page(page)
    if urlsplit(broker).scheme not in ("ws", "wss") or not urlsplit(broker).hostname:
        raise PairingError(
            translate(
                "PairingLink", "the link names no relay: it should start with {start}"
            ).format(start="https://")
        )
    username, password = fields.get("u", [""])[0], fields.get("p", [""])[0]
    if bool(username) != bool(password):
        raise PairingError(
            translate(
                "PairingLink", "the link's relay pass is incomplete: copy the whole link again"
            )
        )
    return RelayLink(secret, broker, BrokerPass(username, password) if username else None)


def _broker_of_page(page: str) -> str:
    parts = urlsplit(page)
    scheme = {"https": "wss", "http": "ws"}.get(parts.scheme, "")
    return f"{scheme}://{parts.netloc}{BROKER_PATH}" if scheme and parts.netloc else ""


# --- the file -------------------------------------------------------------------------------


def _to_json(partner: PairedPartner) -> dict[str, Any]:
    return {
        "id": partner.partner_id,
        "name": partner.name,
        "created": partner.created.isoformat(),
        "last_seen": partner.last_seen.isoformat() if partner.last_seen else None,
        "secret": partner.secret,
        **(
            {
                "broker_user": partner.broker_pass.username,
                "broker_password": partner.broker_pass.password,
            }
            if partner.broker_pass is not None
            else {}
        ),
    }


def _read(file: Path) -> dict[str, PairedPartner]:
    # Forgiving, like settings: a damaged entry is skipped, a damaged file is an empty book.
    try:
        entries = json.loads(file.read_text(encoding="utf-8")).get("partners", [])
    except (OSError, ValueError, AttributeError):
        return {}
    partners: dict[str, PairedPartner] = {}
    for entry in entries if isinstance(entries, list) else []:
        try:
            decode_secret(entry["secret"])
            seen = entry.get("last_seen")
            user, password = entry.get("broker_user"), entry.get("broker_password")
            partner = PairedPartner(
                str(entry["id"]),
                str(entry["name"])[:MAX_NAME_CHARS],
                datetime.fromisoformat(entry["created"]),
                entry["secret"],
                datetime.fromisoformat(seen) if seen else None,
                BrokerPass(str(user), str(password)) if user and password else None,
            )
        except (KeyError, TypeError, ValueError):
            continue
        partners[partner.partner_id] = partner
    return partners


def _write(file: Path, entries: list[dict[str, Any]]) -> None:
    file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".pairing-", dir=file.parent)
    try:
        if sys.platform != "win32":
            os.fchmod(handle, 0o600)  # mkstemp makes 0600 already; say it where it matters
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"version": 1, "partners": entries}, out, indent=1)
        Path(temporary).replace(file)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise
