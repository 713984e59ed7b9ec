"""Translating a user-visible string from code that knows no Qt (returns it unchanged for now)."""

from __future__ import annotations


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    del context, disambiguation
    return text.replace("%n", str(n)) if n >= 0 else text
