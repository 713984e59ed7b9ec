"""One meeting as a PDF, written by Qt itself (QPdfWriter + QTextDocument): no browser.

Uses QtGui only, never widgets, so it also runs from the command line. A
QGuiApplication (or QApplication) must exist, because Qt lays text out with fonts.
Each page carries "Page n of N" at its foot; the timeline strip is printed as a picture
under the facts (``app.export.timeline_picture``, the one the review shows).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from app import APP_NAME
from app.export.report import MeetingReport
from app.export.timeline_picture import (
    DEFAULT_FADE_SECONDS,
    STRIP_HEIGHT,
    strip_data_from,
    strip_image,
)
from app.private_files import write_private
from app.translation import translate

TIMELINE_IMAGE_URL = "poise-timeline.png"
# The strip is drawn at this width in points, then printed across the page.
_STRIP_WIDTH_PT = 480
_FOOTER_PT = 16.0

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
    # The strip first, under the facts: where the meeting got heated, at a glance.
    parts.append(
        f"<p style='margin-top:10px'><img src='{TIMELINE_IMAGE_URL}' "
        f"width='{_STRIP_WIDTH_PT}' height='{STRIP_HEIGHT}'></p>"
    )
    if report.notes:
        parts.append(_H2.format(escape(translate("Report", "Notes"))))
        for note in report.notes:
            parts.append(
                f"<h3 style='margin-top:8px; margin-bottom:2px'>{_text(note.label)}</h3>"
                f"<p style='margin-top:0'>{_text(note.text)}</p>"
            )
    if report.action_items:
        parts.append(_H2.format(escape(translate("Report", "Action items"))))
        parts.append("<table cellspacing='0' cellpadding='2'>")
        for action in report.action_items:
            box = "☑" if action.done else "☐"
            extra = action.details
            parts.append(
                f"<tr><td class='box'>{box}</td><td>{_text(action.text)}"
                + (f" <span style='color:#57606a'>({_text(extra)})</span>" if extra else "")
                + "</td></tr>"
            )
        parts.append("</table>")
    if report.timeline:
        parts.append(_H2.format(escape(translate("Report", "Timeline"))))
        parts.append("<table cellspacing='0' cellpadding='2'>")
        for event in report.timeline:
            parts.append(
                f"<tr><td class='time' align='right'>{event.offset}</td><td width='8'></td>"
                f"<td class='time'>{event.clock}</td><td width='8'></td>"
                f"<td>{_text(event.text)}</td></tr>"
            )
        parts.append("</table>")
    if report.debrief:
        parts.append(_H2.format(escape(translate("Report", "Your partner’s debrief"))))
        for answer in report.debrief:
            parts.append(
                f"<p style='margin-top:4px; margin-bottom:0'><b>{_text(answer.question)}</b></p>"
                f"<p style='margin-top:0'>{_text(answer.answer)}</p>"
            )
    parts.append("</body></html>")
    return "".join(parts)


def write_pdf(
    path: Path, report: MeetingReport, fade_seconds: float = DEFAULT_FADE_SECONDS
) -> None:
    """Write the meeting as an A4 PDF with page numbers, user-only; raises OSError when it
    cannot. Qt renders into memory, so the file is ours to create with its mode."""
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
    font = QFont("DejaVu Sans")
    font.setPointSizeF(8)
    document.addResource(
        QTextDocument.ResourceType.ImageResource,
        QUrl(TIMELINE_IMAGE_URL),
        strip_image(strip_data_from(report, fade_seconds), _STRIP_WIDTH_PT, font, scale=4.0),
    )
    document.setHtml(meeting_html(report))
    # Lay the text out at the page's printable width in points, so font sizes read true;
    # the foot of each page is kept free for its number.
    printable = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
    body_height = printable.height() - _FOOTER_PT
    document.setPageSize(QSizeF(printable.width(), body_height))
    pages = max(1, document.pageCount())
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    try:
        # Painter units are device pixels; draw in points as the document was laid out.
        scale = writer.resolution() / 72.0
        painter.scale(scale, scale)
        footer_font = QFont("DejaVu Sans")
        # In pixels: the painter already draws in points, so this is 8 pt on paper.
        footer_font.setPixelSize(8)
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(QPointF(0, -page * body_height))
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, page * body_height, printable.width(), body_height)
            painter.setClipRect(context.clip)
            document.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.GlobalColor.darkGray)
            painter.drawText(
                QRectF(0, body_height, printable.width(), _FOOTER_PT),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                translate("Report", "Page {page} of {pages}").format(page=page + 1, pages=pages),
            )
    finally:
        painter.end()
    buffer.close()
    write_private(path, bytes(data.data()))
