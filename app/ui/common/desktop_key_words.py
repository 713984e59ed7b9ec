"""How a key the desktop bound itself is said, in Settings and in the live window.

Apart from ``global_shortcuts`` so the live window's keys line can say it without
loading the system-wide hook and the desktop portal's code before its first paint.
"""

from __future__ import annotations

from app.domain.hotkeys import HotkeyAction
from app.translation import translate


def desktop_key_line(action: HotkeyAction, words: str) -> str:
    """What the desktop bound for ``action``, said as Settings and the live window say it."""
    if not words:
        line = translate(
            "GlobalShortcuts", "{action}: no key yet; your desktop's settings can give it one"
        )
        return line.format(action=action.label)
    line = translate("GlobalShortcuts", "{action}: {keys}, as your desktop set it")
    return line.format(action=action.label, keys=words)
