"""Characters that must never reach a file: control codes and bidirectional overrides.

A NUL or an ESC pasted into a note (from a terminal, a PDF, a chat) is invisible on
screen but breaks an .ics file (RFC 5545 allows no control character in a value) and
can drive a terminal that shows a Markdown file. Bidirectional override and isolate
characters make a file name read differently from what it is ("invoice‮fdp.exe").
"""

from __future__ import annotations

import re

# C0 controls, DEL and C1 controls; tab and line breaks are handled by each caller.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROLS_AND_LINE_BREAKS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
# LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def without_controls(text: str, *, keep_line_breaks: bool = True) -> str:
    """``text`` without control characters; tab, and line breaks unless told, stay."""
    pattern = _CONTROLS if keep_line_breaks else _CONTROLS_AND_LINE_BREAKS
    return pattern.sub("", text)


def without_bidi_controls(text: str) -> str:
    return _BIDI_CONTROLS.sub("", text)


__all__ = ["without_bidi_controls", "without_controls"]
