"""A meeting the store never took, as a Markdown file: the last line of defence for notes.

When the database cannot be opened at all (locked by another program, corrupt, a server
out of reach) a meeting still runs; its notes are held by the live session. When it
ends they are written here, in plain Markdown the user can read, paste or keep.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from app.domain.meeting_session import MeetingRecap
from app.domain.meeting_terms import NoteField
from app.domain.partner_watch import DebriefAnswer, Observation
from app.export.formatting import format_day, format_duration, format_offset, format_when
from app.export.markdown_text import action_line, debrief_line, escape_inline, note_block
from app.translation import translate


def unsaved_meeting_markdown(
    *,
    client_name: str,
    title: str,
    started_at: datetime,
    notes: dict[NoteField, str],
    lines: list[tuple[datetime, str]],
    recap: MeetingRecap | None,
    observations: Sequence[Observation] = (),
    debrief: Sequence[DebriefAnswer] = (),
) -> str:
    out = [
        f"# {escape_inline(title)} — {escape_inline(client_name)}",
        "",
        translate("Report", "Started {when}.").format(when=format_when(started_at)),
        translate(
            "Report",
            "Poise could not open its notes database during this meeting, so this file is the "
            "only copy of what was written. Nothing of it is in the review.",
        ),
        "",
    ]
    for field in NoteField:
        text = notes.get(field, "").strip()
        if text:
            out += [f"## {field.label}", "", note_block(text), ""]
    if lines:
        out += [f"## {translate('Report', 'Stamped lines')}", ""]
        for at, text in lines:
            out.append(f"- {format_offset(at - started_at)} — {escape_inline(text)}")
        out.append("")
    if observations:
        out += [f"## {translate('Report', 'Your partner noticed')}", ""]
        for seen in observations:
            out.append(f"- {format_offset(seen.at - started_at)} — {escape_inline(seen.text)}")
        out.append("")
    if debrief:
        out += [f"## {translate('Report', 'Your partner’s debrief')}", ""]
        for answer in debrief:
            out.append(debrief_line(answer.question, answer.answer))
        out.append("")
    if recap is not None:
        if recap.action_items:
            out += [f"## {translate('Report', 'Action items')}", ""]
            due_on = translate("Report", "due {day}")
            for item in recap.action_items:
                due = due_on.format(day=format_day(item.due)) if item.due else ""
                details = ", ".join(part for part in (item.owner, due) if part)
                out.append(action_line(item.text, details))
            out.append("")
        if recap.follow_up is not None:
            follow = translate("Report", "Follow up on {day}.")
            out += [follow.format(day=format_day(recap.follow_up)), ""]
        duration = translate("Report", "Duration {duration}.")
        out.append(duration.format(duration=format_duration(recap.duration)))
    return "\n".join(out).rstrip() + "\n"


def write_unsaved_copy(folder: Path, started_at: datetime, text: str) -> Path:
    """Write ``text`` to a new user-only file in ``folder``; never overwrites a file."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stem = f"meeting-{started_at.astimezone():%Y-%m-%d-%H%M%S}"
    for number in range(1, 1000):
        path = folder / (f"{stem}.md" if number == 1 else f"{stem}-{number}.md")
        try:
            descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        return path
    raise FileExistsError(f"{folder} already holds a thousand copies named {stem}")
