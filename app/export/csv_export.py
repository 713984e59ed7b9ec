"""All meetings as a CSV file, one row per meeting, as listed in the review.

Besides the list's columns each row carries the meeting's acknowledge times, its
action items (text, owner, due date, done) and the partner's observations and debrief
(columns named as the partner's), read in batches through ``activity``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from itertools import islice
from pathlib import Path
from statistics import median

from app.export.formatting import format_offset, local
from app.export.report import playbook_title
from app.private_files import write_private
from app.store.records import MeetingActivity, MeetingSummary
from app.translation import translate

CSV_COLUMNS = (
    "date",
    "start",
    "client",
    "title",
    "playbook",
    "duration_minutes",
    "signals",
    "follow_up",
    "acknowledged",
    "not_acknowledged",
    "median_ack_seconds",
    "ack_seconds",
    "open_action_items",
    "action_items",
    "partner_observations",
    "partner_debrief",
)
ActivityReader = Callable[[list[int]], Mapping[int, MeetingActivity]]
_BATCH = 500
# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _seconds(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _action_text(activity: MeetingActivity) -> str:
    """'[x] Send the plan (Sam, due 2025-03-14); [ ] Call back': readable in one cell."""
    parts = []
    for item in activity.action_items:
        due = translate("Report", "due {day}").format(day=item.due) if item.due else ""
        details = ", ".join(p for p in (item.owner, due) if p)
        box = "[x]" if item.done else "[ ]"
        parts.append(f"{box} {item.text}" + (f" ({details})" if details else ""))
    return "; ".join(parts)


def _observation_text(activity: MeetingActivity, started: MeetingSummary) -> str:
    """'4:10 You tensed up — at the price; 12:00 crossed arms': time into the meeting."""
    return "; ".join(
        f"{format_offset(seen.at - started.started_at)} {seen.text}"
        for seen in activity.observations
    )


def _debrief_text(activity: MeetingActivity) -> str:
    """'When did they tense up? At the refund; Next time? Slower': question, then answer."""
    return "; ".join(f"{answer.question} {answer.answer}" for answer in activity.debrief)


def summary_row(
    summary: MeetingSummary,
    activity: MeetingActivity | None = None,
    playbook_titles: Mapping[str, str] | None = None,
) -> list[str]:
    start = local(summary.started_at)
    minutes = "" if summary.duration is None else f"{summary.duration.total_seconds() / 60:.1f}"
    row = [
        f"{start:%Y-%m-%d}",
        f"{start:%H:%M}",
        _cell(summary.client_name),
        _cell(summary.title),
        _cell(playbook_title(summary.playbook_id or "", playbook_titles)),
        minutes,
        str(summary.signal_count),
        summary.follow_up.isoformat() if summary.follow_up else "",
    ]
    if activity is None:
        return [*row, "", "", "", "", "", "", "", ""]
    acks = activity.ack_seconds
    open_items = sum(1 for item in activity.action_items if not item.done)
    return [
        *row,
        str(len(acks)),
        str(activity.unacknowledged),
        _seconds(median(acks)) if acks else "",
        " ".join(_seconds(value) for value in acks),
        str(open_items),
        _cell(_action_text(activity)),
        _cell(_observation_text(activity, summary)),
        _cell(_debrief_text(activity)),
    ]


def write_csv(
    path: Path,
    summaries: Iterable[MeetingSummary],
    *,
    activity: ActivityReader | None = None,
    playbook_titles: Mapping[str, str] | None = None,
) -> int:
    """Write the rows (with a header), user-only; returns how many meetings were written."""
    count = 0
    rows = iter(summaries)
    text = io.StringIO(newline="")  # csv writes its own CRLF line ends
    writer = csv.writer(text)
    writer.writerow(CSV_COLUMNS)
    while batch := list(islice(rows, _BATCH)):
        found = activity([s.id for s in batch]) if activity is not None else {}
        for summary in batch:
            writer.writerow(summary_row(summary, found.get(summary.id), playbook_titles))
            count += 1
    # utf-8-sig: spreadsheet programs then read accents right.
    write_private(path, text.getvalue().encode("utf-8-sig"))
    return count


__all__ = ["CSV_COLUMNS", "ActivityReader", "summary_row", "write_csv"]
