"""Translating a user-visible string, usable from code that knows no Qt.

The domain, the exports, the store's messages and the command line call ``translate``
exactly as Qt code calls ``QCoreApplication.translate``; ``pyside6-lupdate`` finds both.
Until the windows start, a string comes back as written (English, with ``%n`` replaced
by the count); ``app.ui.common.languages`` then installs Qt's own translate here, so the
same call answers in the user's language; ``app.cli_language`` does the same for
``poise playbook``.
"""

from __future__ import annotations

from typing import Protocol

__all__ = [
    "QT_TRANSLATE_NOOP",
    "TranslationContext",
    "Translator",
    "install",
    "translate",
    "untranslated",
]


class Translator(Protocol):
    """Qt's ``QCoreApplication.translate`` or ``untranslated``: context and text by position."""

    def __call__(
        self, context: str, text: str, /, disambiguation: str | None = None, n: int = -1
    ) -> str: ...


def untranslated(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The source text itself, with ``%n`` replaced by the count as Qt does.

    Without Qt's English plurals (``en/plurals.ts``) a count's "(s)" follows English's
    rule for the words that take an s: "1 meeting", "2 meetings".
    """
    del context, disambiguation
    if n < 0:
        return text
    return text.replace("%n", str(n)).replace("(s)", "" if n == 1 else "s")


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


class TranslationContext:
    """A context for strings outside any QObject: ``Words.tr("%n note(s)", "", count)``.

    Subclass it (the class's name is the context) where a count is not a number written
    in the code: lupdate marks ``translate(..., count)`` with a variable as no plural, and
    drops the string altogether when the count is an expression such as ``len(items)``;
    ``<Class>.tr(text, disambiguation, n)`` it reads whole, whatever ``n`` is.
    """

    @classmethod
    def tr(cls, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return translate(cls.__name__, text, disambiguation, n)
