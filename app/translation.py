"""Qt-free translation: returns the text unchanged until the GUI installs Qt's translator."""

from __future__ import annotations


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return text.replace("%n", str(n)) if n >= 0 else text
