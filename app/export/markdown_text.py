"""The user's words in Markdown, rendered literally.

Plain Python on purpose: the meeting files use it, and so does the copy of a meeting
the store never took (``app.export.unsaved``), which must not need the store's code.
"""

from __future__ import annotations

import re

# Characters that would turn the user's words into formatting when rendered.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START_SPECIAL = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")


def escape_inline(text: str) -> str:
    """The user's text rendered literally: special characters get a backslash."""
    escaped = _INLINE_SPECIAL.sub(r"\\\1", text)
    return _LINE_START_SPECIAL.sub(lambda m: f"{m.group(1)}\\{m.group(2)}", escaped)
