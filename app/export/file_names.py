"""File names for exports that read like the meeting and are safe on every system.

"2025-03-12 Harbor & Finch Logistics - Delivery review.pdf": the user's words kept as
typed, only what Windows, macOS or Linux refuse taken out (\\ / : * ? " < > | and control
characters) and bidirectional overrides, no trailing dot or space, and never a name
Windows reserves (CON, NUL…).
"""

from __future__ import annotations

import re

from app.export.plain_text import without_bidi_controls

_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f-\x9f\\/:*?"<>|]+')
_SPACES = re.compile(r"\s+")
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{name}{digit}" for name in ("COM", "LPT") for digit in range(1, 10)
}
MAX_STEM = 100


def safe_stem(text: str, fallback: str = "meeting") -> str:
    """``text`` as a file name without its suffix, readable and accepted everywhere."""
    # Bidirectional overrides would make the name read as something it is not.
    stem = _SPACES.sub(" ", _FORBIDDEN.sub(" ", without_bidi_controls(text))).strip()
    stem = stem[:MAX_STEM].rstrip(". ")
    if not stem or stem.split(".")[0].upper() in _WINDOWS_RESERVED:
        return fallback
    return stem


def export_file_name(parts: list[str], suffix: str, fallback: str = "meeting") -> str:
    """The non-empty ``parts`` joined with " - " (a date first), then ``.suffix``."""
    joined = " - ".join(part.strip() for part in parts if part and part.strip())
    return f"{safe_stem(joined, fallback)}.{suffix}"
