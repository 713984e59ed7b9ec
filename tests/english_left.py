"""English left on a German screen: a visible text that is one of Poise's own English strings.

The strings are those the German ``.ts`` files translate (their sources), so names and data
(a client, a playbook's step, a note) never count: only words the app itself wrote. A
source whose German is the same ("OK", "PDF…") is not evidence either way and is left out.
Placeholders (``{client}``) and plural counts (``%n``) match any text in their place.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parent.parent / "app" / "translations"
# A short source must be the whole text to count ("Steps"); a long one may sit inside it
# (a headline before a link).
WHOLE_TEXT_BELOW = 16


@dataclass(frozen=True)
class EnglishSource:
    context: str
    source: str
    pattern: re.Pattern[str]


def _pattern(source: str) -> re.Pattern[str]:
    parts = re.split(r"(\{[a-z_]+\}|%n)", source)
    body = "".join(
        r"\d+" if part == "%n" else ".+?" if part.startswith("{") else re.escape(part)
        for part in parts
        if part
    )
    if len(source) < WHOLE_TEXT_BELOW:
        return re.compile(rf"\A\s*{body}\s*\Z", re.DOTALL)
    return re.compile(body, re.DOTALL)


@cache
def english_sources(parts: tuple[str, ...], language: str = "de") -> tuple[EnglishSource, ...]:
    """The English strings of ``parts`` (``live``, ``prepare``...) that ``language`` changes."""
    found = []
    for part in parts:
        root = ET.parse(TRANSLATIONS / language / f"{part}.ts").getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                forms = [] if translation is None else [f.text or "" for f in translation]
                said = [*(forms or [translation.text or ""])] if translation is not None else []
                if not source or source in said or (message.findtext("comment") or ""):
                    continue  # the same in both languages, or a date format
                found.append(EnglishSource(name, source, _pattern(source)))
    return tuple(found)


def english_left(texts: Iterable[str], parts: tuple[str, ...]) -> list[str]:
    """Each text that reads as one of ``parts``' English strings, with the string it is."""
    sources = english_sources(parts)
    left = []
    for text in texts:
        if not text or not text.strip():
            continue
        for source in sources:
            if source.pattern.search(text):
                left.append(f"{text!r} is English ({source.context}: {source.source!r})")
                break
    return left


__all__ = ["EnglishSource", "english_left", "english_sources"]
