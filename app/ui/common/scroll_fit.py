"""Windows whose content scrolls up and down but never sideways: at a large system font
(200 %) that content needs more width than the window's default gives, and a scroll area
without a horizontal bar cuts it off at the right (fields, a checklist card, a line of
the summary). ``grow_to_scrolled_content`` widens such a window by what is missing, when
it shows and when a page with its own scroll area shows, never past the screen; asked
to (``taller_up_to``), it also grows it down to show its content without scrolling, up to
that share of the screen's height, kept on the screen (twice the text size makes a page
twice as tall; the window it opens in should follow, not the scroll bar alone).
``scrolled_content_cut`` says where content is cut off, for the tests.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QScrollArea, QStyle, QWidget

_ONLY_UP_AND_DOWN = Qt.ScrollBarPolicy.ScrollBarAlwaysOff
_SLACK = 1  # a pixel of rounding is not a cut a person sees


def _sideways_fixed(window: QWidget) -> list[QScrollArea]:
    return [
        scroll
        for scroll in window.findChildren(QScrollArea)
        if scroll.isVisible()
        and scroll.widget() is not None
        and scroll.widgetResizable()
        and scroll.horizontalScrollBarPolicy() == _ONLY_UP_AND_DOWN
    ]


def _missing_width(scroll: QScrollArea) -> int:
    content = scroll.widget()
    assert content is not None
    needed = content.minimumSizeHint().width()
    if not scroll.verticalScrollBar().isVisible():
        # Widened content may be taller than the view: the bar that then shows takes room.
        needed += scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    return needed - scroll.viewport().width()


def _missing_height(scroll: QScrollArea) -> int:
    content = scroll.widget()
    assert content is not None
    width = scroll.viewport().width()
    needed = content.heightForWidth(width) if content.hasHeightForWidth() else -1
    if needed < 0:
        needed = content.sizeHint().height()
    return needed - scroll.viewport().height()


def scrolled_content_cut(window: QWidget) -> list[str]:
    """Scroll areas of ``window`` whose content is wider than their view (cut at the right)."""
    cut = []
    for scroll in _sideways_fixed(window):
        content, view = scroll.widget(), scroll.viewport().width()
        if content is not None and content.width() > view + _SLACK:
            where = scroll.objectName() or "a scroll area"
            cut.append(
                f"{type(content).__name__} in {where}: "
                f"content {content.width()} px wide, cut at {view} px"
            )
    return cut


class GrowToContent(QObject):
    """Widens its window to its scrolled content on show; ``grow`` again when rows change."""

    def __init__(self, window: QWidget, taller_up_to: float = 0.0) -> None:
        super().__init__(window)
        self._window = window
        self._taller_up_to = taller_up_to
        window.installEventFilter(self)
        for scroll in window.findChildren(QScrollArea):
            scroll.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Show:
            self.grow()
        return False

    def grow(self) -> None:
        window = self._window
        if not window.isVisible():
            return  # the show event grows it
        layout = window.layout()
        if layout is not None:
            layout.activate()  # rows added since the last pass have their real sizes
        scrolls = _sideways_fixed(window)
        missing = max((_missing_width(scroll) for scroll in scrolls), default=0)
        screen = window.screen()
        if missing > 0:
            widest = screen.availableGeometry().width() if screen is not None else window.width()
            window.resize(min(window.width() + missing, widest), window.height())
            if layout is not None:
                layout.activate()  # wider, the wrapped texts take fewer lines
        if self._taller_up_to <= 0 or screen is None:
            return
        below = max((_missing_height(scroll) for scroll in scrolls), default=0)
        room = screen.availableGeometry()
        tallest = int(room.height() * self._taller_up_to)
        height = min(window.height() + below, tallest)
        if below <= 0 or height <= window.height():
            return
        window.resize(window.width(), height)
        frame = window.frameGeometry()
        if frame.bottom() > room.bottom():  # grown past the screen's foot: up it goes
            window.move(window.x(), max(room.top(), window.y() - (frame.bottom() - room.bottom())))


def grow_to_scrolled_content(window: QWidget, taller_up_to: float = 0.0) -> GrowToContent:
    """Call once ``window``'s scroll areas are made (at the end of its constructor);
    ``taller_up_to``: grow down to the content too, up to this share of the screen."""
    return GrowToContent(window, taller_up_to)
