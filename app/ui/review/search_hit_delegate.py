"""How a search hit is painted: its ``HTML_ROLE`` text, the match marked, on a light selection.

Only the review window's search results use it (``ReviewWindow.search_view``).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QColor, QPainter, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.ui.review.models import HTML_ROLE

_SELECTED_HIT = QColor("#dbe7f3")
_SELECTED_EDGE = QColor("#2f6fb0")


class HtmlItemDelegate(QStyledItemDelegate):
    """Paints an item's ``HTML_ROLE`` text, so search hits show the match highlighted."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        document.setTextWidth(max(100, option.rect.width() - 12))
        return document

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        document = self._document(option, index)
        painter.save()
        # A light selection keeps the grey labels and the yellow match marks readable.
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, _SELECTED_HIT)
            painter.fillRect(
                QRectF(option.rect.left(), option.rect.top(), 3, option.rect.height()),
                _SELECTED_EDGE,
            )
        elif index.row() % 2:
            painter.fillRect(option.rect, option.palette.alternateBase())
        painter.translate(option.rect.left() + 8, option.rect.top() + 4)
        clip = QRectF(0, 0, option.rect.width() - 6, option.rect.height() - 4)
        # drawContents, not documentLayout().draw: PySide can hand back a stale wrapper for
        # the layout (a QWidgetItem that died at the same address: seen under load), and a
        # paint that raises leaves the painter's state saved.
        document.drawContents(painter, clip)
        painter.restore()

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        self.initStyleOption(option, index)
        document = self._document(option, index)
        return QSize(int(document.idealWidth()), int(document.size().height()) + 8)
