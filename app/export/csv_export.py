"""All meetings as a CSV file, one row per meeting, as listed in the review."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from app.export.formatting import local
from app.private_files import write_private
from app.store.records import MeetingSummary

CSV_COLUMNS = (
    "date",
    "start",
    "client",
    "title",
    "playbook",
    "duration_minutes",
    "signals",
    "follow_up",
)
# A cell starting with one of these is run as a formula by spreadsheet programs.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def summary_row(summary: MeetingSummary) -> list[str]:
    start = local(summary.started_at)
    minutes = "" if summary.duration is None else f"{summary.duration.total_seconds() / 60:.1f}"
    return [
        f"{start:%Y-%m-%d}",
        f"{start:%H:%M}",
        _cell(summary.client_name),
        _cell(summary.title),
        _cell(summary.playbook_id or ""),
        minutes,
        str(summary.signal_count),
        summary.follow_up.isoformat() if summary.follow_up else "",
    ]


def write_csv(path: Path, summaries: Iterable[MeetingSummary]) -> int:
    """Write the rows (with a header), user-only; returns how many meetings were written."""
    count = 0
    text = io.StringIO(newline="")  # csv writes its own CRLF line ends
    writer = csv.writer(text)
    writer.writerow(CSV_COLUMNS)
    for summary in summaries:
        writer.writerow(summary_row(summary))
        count += 1
    # utf-8-sig: spreadsheet programs then read accents right.
    write_private(path, text.getvalue().encode("utf-8-sig"))
    return count
