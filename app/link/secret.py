"""The per-meeting pairing secret: made with ``secrets``, compared in constant time."""

from __future__ import annotations

import hmac
import secrets

SECRET_BYTES = 32
"""256 random bits; the issue asks for at least 128."""


def new_secret() -> str:
    """A fresh URL-safe secret for one meeting (43 characters)."""
    return secrets.token_urlsafe(SECRET_BYTES)


def secret_matches(candidate: str | bytes, secret: str | None) -> bool:
    """True when ``candidate`` is the secret; the time taken does not depend on where they differ.

    A ``None`` secret (the meeting ended) matches nothing.
    """
    if secret is None:
        return False
    if isinstance(candidate, str):
        candidate = candidate.encode("utf-8", "surrogatepass")
    return hmac.compare_digest(candidate, secret.encode("ascii"))
