"""One meeting as a Markdown file: what the meeting page shows, in reading order."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path

from app.export.markdown_text import action_line, debrief_line, escape_inline, note_block
from app.export.plain_text import without_controls
from app.export.report import MeetingReport, ReportEvent
from app.private_files import write_private
from app.translation import translate

# Shorter on a step than this, and straight on to the next: passed through, not stayed on.
PASSING_THROUGH = timedelta(seconds=20)


def meeting_markdown(report: MeetingReport) -> str:
    out: list[str] = [f"# {escape_inline(report.heading)}", ""]
    out += [f"- **{name}:** {escape_inline(value)}" for name, value in report.facts]
    out.append("")
    if report.notes:
        out += [f"## {translate('Report', 'Notes')}", ""]
        for note in report.notes:
            out += [f"### {escape_inline(note.label)}", "", note_block(note.text), ""]
    if report.action_items:
        out += [f"## {translate('Report', 'Action items')}", ""]
        for action in report.action_items:
            out.append(action_line(action.text, action.details, done=action.done))
        out.append("")
    if report.timeline:
        out += [f"## {translate('Report', 'Timeline')}", ""]
        out += [
            f"- `{event.offset}` ({event.clock}) {escape_inline(event.text)}"
            for event in steps_that_matter(report.timeline)
        ]
        out.append("")
    if report.debrief:
        out += [f"## {translate('Report', 'Your partner’s debrief')}", ""]
        for answer in report.debrief:
            out.append(debrief_line(answer.question, answer.answer))
        out.append("")
    # A control code pasted into a note would reach whatever shows the file (a terminal).
    return without_controls("\n".join(out).rstrip("\n") + "\n")


def steps_that_matter(timeline: Sequence[ReportEvent]) -> list[ReportEvent]:
    """The timeline without the steps only passed through on the way to another.

    A step left for another within ``PASSING_THROUGH`` with nothing in between (no cue,
    no stamped line) was a hop of the clicker, not a part of the meeting; the step
    stayed on is listed, and so is every step something happened in.
    """
    kept: list[ReportEvent] = []
    for event, following in zip(timeline, [*timeline[1:], None], strict=True):
        hop = (
            event.kind == "step"
            and following is not None
            and following.kind == "step"
            and following.at - event.at < PASSING_THROUGH
        )
        if not hop:
            kept.append(event)
    return kept


def write_markdown(path: Path, report: MeetingReport) -> None:
    """Write the meeting's Markdown file, user-only."""
    write_private(path, meeting_markdown(report).encode("utf-8"))
