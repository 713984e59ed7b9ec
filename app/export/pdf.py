"""One meeting as a PDF, written by Qt itself (QPdfWriter + QTextDocument): no browser.

Uses QtGui only, never widgets, so it also runs from the command line. A
QGuiApplication (or QApplication) must exist, because Qt lays text out with fonts.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app import APP_NAME
from app.export.report import MeetingReport
from app.private_files import write_private

_STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; color: #1f2328; }
h1 { font-size: 17pt; margin-bottom: 2pt; }
h2 { font-size: 13pt; color: #2f4f6f; }
h3 { font-size: 10.5pt; }
td.fact { color: #57606a; }
td.time { color: #57606a; font-family: 'DejaVu Sans Mono', monospace; }
td.box { font-size: 12pt; }
"""

_H2 = "<h2 style='margin-top:18px; margin-bottom:6px'>{}</h2>"


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br>")


def meeting_html(report: MeetingReport) -> str:
    """The printable page as Qt's rich-text HTML subset."""
    parts = [f"<html><head><style>{_STYLE}</style></head><body>"]
    parts.append(f"<h1>{_text(report.heading)}</h1>")
    parts.append("<table cellspacing='0' cellpadding='2' style='margin-top:6px'>")
    for name, value in report.facts:
        parts.append(
            f"<tr><td class='fact'>{name}</td><td width='12'></td><td>{_text(value)}</td></tr>"
        )
    parts.append("</table>")
    if report.notes:
        parts.append(_H2.format("Notes"))
        for note in report.notes:
            parts.append(
                f"<h3 style='margin-top:8px; margin-bottom:2px'>{_text(note.label)}</h3>"
                f"<p style='margin-top:0'>{_text(note.text)}</p>"
            )
    if report.action_items:
        parts.append(_H2.format("Action items") + "<table cellspacing='0' cellpadding='2'>")
        for action in report.action_items:
            box = "☑" if action.done else "☐"
            extra = ", ".join(
                p for p in (action.owner, action.due_text and f"due {action.due_text}") if p
            )
            parts.append(
                f"<tr><td class='box'>{box}</td><td>{_text(action.text)}"
                + (f" <span style='color:#57606a'>({_text(extra)})</span>" if extra else "")
                + "</td></tr>"
            )
        parts.append("</table>")
    if report.timeline:
        parts.append(_H2.format("Timeline") + "<table cellspacing='0' cellpadding='2'>")
        for event in report.timeline:
            parts.append(
                f"<tr><td class='time' align='right'>{event.offset}</td><td width='8'></td>"
                f"<td class='time'>{event.clock}</td><td width='8'></td>"
                f"<td>{_text(event.text)}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)


def write_pdf(path: Path, report: MeetingReport) -> None:
    """Write the meeting's PDF, user-only: Qt renders into memory, the file is ours to make."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(report.heading)
    writer.setCreator(APP_NAME)
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(meeting_html(report))
    # Lay the text out at the page's printable width in points, so font sizes read true.
    printable = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
    document.setPageSize(QSizeF(printable.width(), printable.height()))
    document.print_(writer)
    buffer.close()
    write_private(path, bytes(data.data()))
