"""One meeting as a Markdown file: what the meeting page shows, in reading order."""

from __future__ import annotations

from pathlib import Path

from app.export.markdown_text import escape_inline
from app.export.plain_text import without_controls
from app.export.report import MeetingReport
from app.private_files import write_private


def _block(text: str) -> list[str]:
    """A multi-line note as paragraphs whose line breaks survive rendering."""
    lines = [escape_inline(line.rstrip()) for line in text.strip().splitlines()]
    # Two trailing spaces keep a line break inside a paragraph; blank lines stay paragraphs.
    return [f"{line}  " if line else "" for line in lines]


def meeting_markdown(report: MeetingReport) -> str:
    out: list[str] = [f"# {escape_inline(report.heading)}", ""]
    facts = [
        ("When", report.when),
        ("Duration", report.duration),
        ("Client", report.client_name),
        ("Playbook", report.playbook),
        ("How", report.mode),
        ("Partner", report.partner),
        ("Follow-up", report.follow_up_text),
    ]
    out += [f"- **{name}:** {escape_inline(value)}" for name, value in facts if value]
    out.append("")
    if report.notes:
        out += ["## Notes", ""]
        for note in report.notes:
            out += [f"### {escape_inline(note.label)}", "", *_block(note.text), ""]
    if report.action_items:
        out += ["## Action items", ""]
        for action in report.action_items:
            box = "x" if action.done else " "
            suffix = f" ({action.details})" if action.details else ""
            out.append(f"- [{box}] {escape_inline(action.text)}{escape_inline(suffix)}")
        out.append("")
    if report.timeline:
        out += ["## Timeline", ""]
        out += [
            f"- `{event.offset}` ({event.clock}) {escape_inline(event.text)}"
            for event in report.timeline
        ]
        out.append("")
    # A control code pasted into a note would reach whatever shows the file (a terminal).
    return without_controls("\n".join(out).rstrip("\n") + "\n")


def write_markdown(path: Path, report: MeetingReport) -> None:
    """Write the meeting's Markdown file, user-only."""
    write_private(path, meeting_markdown(report).encode("utf-8"))
