"""The Partners page's requests to the team relay's agent, off the GUI thread.

On a team relay that admits only the team (``deploy/relay/README.md``), pairing a partner
asks the relay agent for the partner's pass (``app.link.relay_account``), which the pairing
link then carries; revoking asks it to delete the pass, so the broker drops the partner.
Each request waits up to ten seconds for the network, so it runs on one worker thread and
its outcome comes back by queued signal. A revoke the relay could not take now is kept in
``relay-revokes.json`` and asked again the next time the page opens or revokes.
"""

from __future__ import annotations

import contextlib
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Signal, SignalInstance

from app import paths
from app.link.broker_pass import BrokerPass
from app.link.pairing import PairedPartner
from app.link.relay_account import RelayAccountError, mint_partner_pass, revoke_partner_pass
from app.link.relay_crypto import decode_secret

REVOKES_FILE_NAME = "relay-revokes.json"
_log = logging.getLogger(__name__)


def _revokes_file() -> Path:
    return paths.data_dir() / REVOKES_FILE_NAME


def passes_to_revoke() -> list[str]:
    """Partner passes revoked in Poise that the relay has not deleted yet."""
    try:
        names = json.loads(_revokes_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [str(name) for name in names] if isinstance(names, list) else []


def _keep_to_revoke(usernames: list[str]) -> None:
    file = _revokes_file()
    if not usernames:
        with contextlib.suppress(FileNotFoundError):
            file.unlink()
        return
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(json.dumps(sorted(set(usernames))), encoding="utf-8")


class RelayPasses(QObject):
    """Mints and revokes partner passes; says how it went by signal, on the GUI thread."""

    minted = Signal(str, object)  # partner id, BrokerPass
    mintFailed = Signal(str, str)  # noqa: N815 -- partner id, what went wrong
    revokeFailed = Signal(str, str)  # noqa: N815 -- partner's name, what went wrong

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="relay-passes")
        self.destroyed.connect(lambda: self._worker.shutdown(wait=False))

    def mint(self, partner: PairedPartner, broker_url: str, account: BrokerPass) -> None:
        self._worker.submit(self._mint, partner.partner_id, partner.secret, broker_url, account)

    def revoke(self, partner: PairedPartner, broker_url: str, account: BrokerPass) -> None:
        if partner.broker_pass is None:
            return
        _keep_to_revoke([*passes_to_revoke(), partner.broker_pass.username])
        self._worker.submit(self._revoke_all, partner.name, broker_url, account)

    def retry_revokes(self, broker_url: str, account: BrokerPass) -> None:
        if passes_to_revoke():
            self._worker.submit(self._revoke_all, "", broker_url, account)

    def wait(self) -> None:
        """Until every request so far is answered (tests, and closing Settings)."""
        self._worker.submit(lambda: None).result()

    # --- the worker thread --------------------------------------------------------------

    def _mint(self, partner_id: str, secret: str, broker_url: str, account: BrokerPass) -> None:
        try:
            minted = mint_partner_pass(broker_url, account, decode_secret(secret))
        except RelayAccountError as problem:
            self._emit(self.mintFailed, partner_id, str(problem))
            return
        self._emit(self.minted, partner_id, minted)

    def _revoke_all(self, name: str, broker_url: str, account: BrokerPass) -> None:
        left = []
        problem = ""
        for username in passes_to_revoke():
            try:
                revoke_partner_pass(broker_url, account, username)
            except RelayAccountError as refused:
                if "no such partner pass" in str(refused):
                    continue  # deleted already (or by the administrator)
                left.append(username)
                problem = str(refused)
        _keep_to_revoke(left)
        if left:
            _log.warning("the relay could not delete %d revoked partner pass(es)", len(left))
            self._emit(self.revokeFailed, name, problem)

    def _emit(self, signal: SignalInstance, *values: object) -> None:
        # The page may be gone by now (Settings closed): nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(*values)
