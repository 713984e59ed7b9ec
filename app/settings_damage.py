"""A damaged settings file is kept aside, never overwritten, and the person is told once.

When ``settings.json`` is there but cannot be read as settings (bad bytes, a syntax error,
far too large, not a table of settings), Poise starts with the defaults; writing those over
the file would lose every setting the person had. ``keep_aside`` renames it to
``settings.json.damaged-<time>`` first (never over an earlier one), and ``notice`` is what
the Settings dialog says about it. ``SettingsOwner`` (``app.settings``) calls both.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from app.translation import translate


def keep_aside(path: Path, now: datetime | None = None) -> Path:
    """Rename ``path`` to a name of its own beside it; raises ``OSError`` if it cannot."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while kept.exists() or kept.is_symlink():
        number += 1
        kept = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    path.rename(kept)
    return kept


def notice(path: Path, reason: str, kept: Path | None, move_error: str = "") -> str:
    """Plain words for the Settings dialog: what happened, and where the old file is."""
    if kept is not None:
        return translate(
            "SettingsDamage",
            "Your settings file could not be read ({reason}), so Poise started with the "
            "default settings. The old file is kept, unchanged, at {kept}.",
        ).format(reason=reason, kept=kept)
    return translate(
        "SettingsDamage",
        "Your settings file could not be read ({reason}), so Poise started with the "
        "default settings. It could not be moved aside ({problem}), so Poise leaves it as "
        "it is at {path} and keeps any change you make only until Poise closes.",
    ).format(reason=reason, problem=move_error, path=path)
