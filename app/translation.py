"""Qt-free translation: the text unchanged until the GUI installs Qt's translator.

(Issue 24 replaces this stand-in with the real one; the signature is the same.)
"""

from __future__ import annotations


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the user's language; ``%n`` becomes ``n`` when a count is given."""
    del context, disambiguation
    return text.replace("%n", str(n)) if n >= 0 else text
