"""Writing one meeting's export (Markdown, PDF, calendar) and the sentence that says how it went.

Shared by the review's meeting page and the end-of-meeting summary, so both write the
same files and say the same words.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import ClassVar

from app.export.file_names import export_file_name
from app.export.formatting import local
from app.export.ics import write_calendar
from app.export.markdown import write_markdown
from app.export.pdf import write_pdf
from app.export.report import MeetingReport, calendar_entries
from app.translation import QT_TRANSLATE_NOOP, translate


class _ExportFilters(Mapping[str, str]):
    """Each kind's file-dialog filter, translated when read (never at import time)."""

    _FILTERS: ClassVar[dict[str, str]] = {
        "md": QT_TRANSLATE_NOOP("MeetingExport", "Markdown (*.md)"),
        "pdf": QT_TRANSLATE_NOOP("MeetingExport", "PDF (*.pdf)"),
        "ics": QT_TRANSLATE_NOOP("MeetingExport", "Calendar (*.ics)"),
    }

    def __getitem__(self, kind: str) -> str:
        return translate("MeetingExport", self._FILTERS[kind])

    def __iter__(self) -> Iterator[str]:
        return iter(self._FILTERS)

    def __len__(self) -> int:
        return len(self._FILTERS)


EXPORT_KINDS: Mapping[str, str] = _ExportFilters()


def suggested_file_name(report: MeetingReport | None, suffix: str) -> str:
    """'2025-03-12 Harbor & Finch Logistics - Missed pallets.pdf'."""
    if report is None:
        return f"meeting.{suffix}"
    day = f"{local(report.started_at):%Y-%m-%d}"
    return export_file_name([f"{day} {report.client_name}", report.title], suffix)


def write_meeting_export(kind: str, path: Path, report: MeetingReport, fade_seconds: float) -> str:
    """Write ``kind`` ('md', 'pdf' or 'ics') to ``path``; returns what to tell the user."""
    try:
        if kind == "md":
            write_markdown(path, report)
        elif kind == "pdf":
            write_pdf(path, report, fade_seconds)
        else:
            entries = calendar_entries(report)
            if not entries:
                return translate(
                    "MeetingExport", "No follow-up or open due date to put in a calendar"
                )
            write_calendar(path, entries)
    except OSError as error:
        line = translate("MeetingExport", "Not saved: could not write {file} ({why})")
        return line.format(file=path, why=error.strerror or error)
    if not path.is_file():
        line = translate("MeetingExport", "Not saved: {file} is not there after writing it")
        return line.format(file=path)
    return translate("MeetingExport", "Saved {name} in {folder}").format(
        name=path.name, folder=path.parent
    )
