"""Translating a user-visible string, usable from code that knows no Qt.

The domain, the exports, the store's messages and the command line call ``translate``
exactly as Qt code calls ``QCoreApplication.translate``; ``pyside6-lupdate`` finds both.
Until the windows start, a string comes back as written (English, with ``%n`` replaced
by the count); ``app.ui.common.languages`` then installs Qt's own translate here, so the
same call answers in the user's language. The command line stays in English.
"""

from __future__ import annotations

from typing import Protocol

__all__ = ["QT_TRANSLATE_NOOP", "Translator", "install", "translate", "untranslated"]


class Translator(Protocol):
    """Qt's ``QCoreApplication.translate`` or ``untranslated``: context and text by position."""

    def __call__(
        self, context: str, text: str, /, disambiguation: str | None = None, n: int = -1
    ) -> str: ...


def untranslated(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The source text itself, with ``%n`` replaced by the count as Qt does."""
    del context, disambiguation
    return text.replace("%n", str(n)) if n >= 0 else text


_implementation: Translator = untranslated


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the user's language; ``n`` is the count for plural forms ("%n note(s)")."""
    return _implementation(context, text, disambiguation, n)


def install(implementation: Translator | None) -> None:
    """Answer every ``translate`` through ``implementation``; ``None``: back to English."""
    global _implementation
    _implementation = implementation if implementation is not None else untranslated


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks a module-level string for lupdate; translate it with ``context`` where shown."""
    del context
    return text
