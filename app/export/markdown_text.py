"""The user's words in Markdown, rendered literally: the pieces every Markdown file
Poise writes is made of (a meeting file, a meeting's unsaved copy).

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


def note_block(text: str) -> str:
    """A multi-line note as Markdown paragraphs whose line breaks survive rendering.

    Lines inside a paragraph end in two spaces (a hard break); a blank line still
    separates paragraphs, and no break dangles at a paragraph's end.
    """
    lines = [escape_inline(line.rstrip()) for line in text.strip().splitlines()]
    out = []
    for index, line in enumerate(lines):
        continues = bool(line) and index + 1 < len(lines) and bool(lines[index + 1])
        out.append(f"{line}  " if continues else line)
    return "\n".join(out)


def action_line(text: str, details: str, *, done: bool | None = None) -> str:
    """One action item as a list entry; ``done`` adds a task box ('- [x] ...')."""
    box = "" if done is None else ("[x] " if done else "[ ] ")
    suffix = f" ({escape_inline(details)})" if details else ""
    return f"- {box}{escape_inline(text)}{suffix}"


def debrief_line(question: str, answer: str) -> str:
    """One answer of the partner's debrief as a list entry, its question in bold."""
    return f"- **{escape_inline(question)}** {escape_inline(answer)}"
