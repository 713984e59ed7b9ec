"""The step card and the column it shares with the notes: the whole step at a glance.

The card is sized to its text, never scrolled: the notes below take what is left, down to
their minimum, and only then does the card give way. When it must (a small window, very
large text), it shortens lines from the least needed up, each shortened text ending in an
ellipsis on a whole line, never cut in half; "the whole step" is one key away (Ctrl+E),
and then, only then, the card may scroll.

Poise wraps the card's text itself (``FittedLabel``) rather than leaving it to QLabel's
word wrap, so that it knows, for any width, how many lines each text needs and which
line to end with an ellipsis.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt
from PySide6.QtGui import QAccessible, QFontMetrics, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QWidget

from app.domain.playbook import Step
from app.ui.common.accessible_roles import give_role
from app.ui.common.key_names import shown_shortcut
from app.ui.common.text_scale import system_text_scale

# Pixel sizes of the card's text, measured at arm's length on a laptop beside a meeting.
TITLE_PX = 22
DO_PX = 17
LINE_PX = 15  # SAY / AVOID phrases, their headings, the next step
LARGE_TEXT_FACTOR = 1.25
WHOLE_STEP_KEY = "Ctrl+E"
_QUOTES = '“”„"'
_BULLET = "•  "
_PADDING = (14, 10, 14, 10)  # left, top, right, bottom inside the card's border
_SPACING = 5
_SECTION_GAP = 3  # a little more air above SAY and AVOID
_ITEM_SPACING = 2  # between the phrases of one list: they read as one block
# Widths leave a pixel or two for rounding between QTextLayout and the label's painter.
_WRAP_SLACK = 2
_MEASURE = QRect(0, 0, 10000, 10000)


def set_pixel_font(widget: QWidget, pixels: int, bold: bool = False) -> None:
    """``pixels`` high beside the usual system text; larger with larger system text."""
    font = widget.font()
    font.setPixelSize(round(pixels * system_text_scale()))
    font.setBold(bold)
    widget.setFont(font)


def set_style_state(widget: QWidget, name: str, value: str) -> None:
    """Set a property the style sheet draws by (``[typing="true"]``) and redraw on a change."""
    if widget.property(name) != value:
        widget.setProperty(name, value)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


# How many widths' lines a label keeps (a resize passes through many).
_KEPT_WRAPS = 32


class FittedLabel(QLabel):
    """Plain text wrapped within a line budget: past it, the last line ends in "…"."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)  # Poise wraps, so it knows the lines
        # Long lines never widen the window: the label is told its width.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(0)
        self.full_text = ""
        self.elided = False
        self._hang = ""  # spaces that line up wrapped lines under the text, not the bullet
        # A card is fitted several times before its first paint (each layout pass tries
        # shorter versions): the lines at a width and the height of n lines are measured
        # once per text and font, not at every try (~40 measures at each start, profiled).
        self._wraps: dict[tuple[str, int], list[tuple[int, int]]] = {}
        self._heights: dict[tuple[str, int], int] = {}

    def set_full_text(self, text: str, bullet: str = "") -> None:
        """``bullet`` (for example "•  ") starts the first line; later lines hang under it."""
        self.full_text = bullet + " ".join(text.split())
        self._hang = ""
        self._wraps.clear()
        if bullet:
            metrics = QFontMetrics(self.font())
            space = max(metrics.horizontalAdvance("\u2009"), 1)  # a thin space
            self._hang = "\u2009" * (metrics.horizontalAdvance(bullet) // space)
        self.setToolTip("")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        # The hanging indent is measured in the font: a new font (setFont, a style
        # sheet, a larger-text setting) measures it again.
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange and self._hang:
            bullet_end = self.full_text.find("  ") + 2
            self.set_full_text(self.full_text[bullet_end:], self.full_text[:bullet_end])

    def wrapped(self, width: int) -> list[tuple[int, int]]:
        """(start, length) of each line of the full text at ``width`` pixels."""
        key = (self.font().key(), width)
        spans = self._wraps.get(key)
        if spans is None:
            if len(self._wraps) >= _KEPT_WRAPS:
                self._wraps.clear()  # a window dragged through many widths
            spans = self._wraps[key] = self._wrap(width)
        return spans

    def _wrap(self, width: int) -> list[tuple[int, int]]:
        text = self.full_text
        layout = QTextLayout(text, self.font())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        spans: list[tuple[int, int]] = []
        hang = QFontMetrics(self.font()).horizontalAdvance(self._hang)
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            indent = hang if spans else 0
            line.setLineWidth(max(width - _WRAP_SLACK - indent, 10))
            spans.append((line.textStart(), line.textLength()))
        layout.endLayout()
        return spans or [(0, 0)]

    def line_count(self, width: int) -> int:
        return len(self.wrapped(width))

    def height_for(self, lines: int) -> int:
        # Measured as QLabel measures lines of plain text (a pixel more than the font's
        # height per line, from rounding), so that the label never asks for more.
        key = (self.font().key(), lines)
        height = self._heights.get(key)
        if height is None:
            sample = "\n".join(["Xg"] * max(lines, 1))
            height = QFontMetrics(self.font()).boundingRect(_MEASURE, 0, sample).height()
            self._heights[key] = height
        return height

    def fit(self, width: int, budget: int | None) -> int:
        """Show at most ``budget`` lines at ``width``; returns the height they need."""
        spans = self.wrapped(width)
        text = self.full_text
        lines = [text[start : start + length].strip() for start, length in spans]
        self.elided = budget is not None and len(lines) > budget
        if self.elided and budget is not None:
            metrics = QFontMetrics(self.font())
            rest = text[spans[budget - 1][0] :].strip()
            room = (
                width - _WRAP_SLACK - (metrics.horizontalAdvance(self._hang) if budget > 1 else 0)
            )
            last = _elide_at_word(metrics, rest, room)
            lines = [*lines[: budget - 1], last]
            self.setToolTip(text)
        else:
            self.setToolTip("")
        lines = [lines[0], *(self._hang + line for line in lines[1:])]
        self.setText("\n".join(lines))
        return self.height_for(len(lines))


def _elide_at_word(metrics: QFontMetrics, text: str, room: int) -> str:
    """``text`` shortened to ``room`` pixels, ending in "…" after a whole word."""
    last = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
    if not last.endswith("…"):
        last = metrics.elidedText(text + " …", Qt.TextElideMode.ElideRight, room)
    kept = last[:-1]
    cut_in_word = len(kept) < len(text) and not text[len(kept)].isspace()
    if cut_in_word and " " in kept.strip():
        kept = kept.rstrip()
        kept = kept[: kept.rfind(" ")]
    return kept.rstrip(" ,;:–—") + "…"


@dataclass(slots=True)
class _Block:
    """One text on the card and how many of its lines may go."""

    label: FittedLabel
    gap_before: int  # added to the spacing above (negative: tighter than the spacing)
    floor: int  # never fewer lines than this, while the text is shown at all
    budget: int | None = None  # None: all its lines


class StepCard(QFrame):
    """The current step: title, the "do" line, phrases to say and to avoid, the next step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepCard")
        # A click on the card leaves the note: the keys then move through the steps.
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        give_role(self, QAccessible.Role.Grouping)  # named with each step (show_step)
        self.title = FittedLabel("stepTitle", self)
        self.do = FittedLabel("stepDo", self)
        self.say_heading = QLabel(self.tr("SAY"), self)
        self.say_heading.setObjectName("sayHeading")
        self.avoid_heading = QLabel(self.tr("AVOID"), self)
        self.avoid_heading.setObjectName("avoidHeading")
        self.next_step = FittedLabel("nextStep", self)
        more = self.tr("… {key}: the whole step").format(key=shown_shortcut(WHOLE_STEP_KEY))
        self.more = QLabel(more, self)
        self.more.setObjectName("wholeStepHint")
        self.say_lines: list[FittedLabel] = []
        self.avoid_lines: list[FittedLabel] = []
        self._step: Step | None = None
        self._following: Step | None = None
        self._scale = 1.0
        self.elided = False
        self.set_large_text(False)

    # -- content -----------------------------------------------------------------------

    def set_large_text(self, large: bool) -> None:
        self._scale = LARGE_TEXT_FACTOR if large else 1.0
        self._apply_fonts()

    def _px(self, pixels: int) -> int:
        return round(pixels * self._scale)

    def _apply_fonts(self) -> None:
        set_pixel_font(self.title, self._px(TITLE_PX), bold=True)
        set_pixel_font(self.do, self._px(DO_PX))
        for heading in (self.say_heading, self.avoid_heading):
            set_pixel_font(heading, self._px(LINE_PX), bold=True)
        for line in (*self.say_lines, *self.avoid_lines, self.next_step):
            set_pixel_font(line, self._px(LINE_PX))
        set_pixel_font(self.more, 13)

    def show_step(self, step: Step, following: Step | None = None) -> None:
        self._step = step
        self._following = following
        # What a screen reader says when the card has the focus: the step, then what to do.
        self.setAccessibleName(self.tr("Current step: {title}").format(title=step.title))
        self.setAccessibleDescription(step.do)
        self.title.set_full_text(step.title)
        self.do.set_full_text(step.do)
        quoted = self.tr("“{line}”")
        self.say_lines = self._lines(
            self.say_lines,
            "sayLine",
            [quoted.format(line=line.strip().strip(_QUOTES)) for line in step.say],
        )
        self.avoid_lines = self._lines(
            self.avoid_lines, "avoidLine", [line.strip() for line in step.avoid]
        )
        self.next_step.set_full_text(
            self.tr("Next ›  {step}").format(step=following.title)
            if following is not None
            else self.tr("Last step")
        )
        self._apply_fonts()

    def _lines(self, pool: list[FittedLabel], name: str, texts: list[str]) -> list[FittedLabel]:
        while len(pool) < len(texts):
            label = FittedLabel(name, self)
            pool.append(label)
        for label in pool[len(texts) :]:
            label.hide()
            label.deleteLater()
        kept = pool[: len(texts)]
        for label, text in zip(kept, texts, strict=True):
            label.set_full_text(text, bullet=_BULLET)
        return kept

    # -- fitting -------------------------------------------------------------------------

    def _blocks(self) -> list[_Block]:
        blocks = [_Block(self.title, 0, 1), _Block(self.do, 0, 1)]
        for heading_gap, lines in (
            (_SECTION_GAP, self.say_lines),
            (_SECTION_GAP, self.avoid_lines),
        ):
            for number, line in enumerate(lines):
                # The heading sits above the first phrase; counted with it.
                gap = heading_gap if number == 0 else _ITEM_SPACING - _SPACING
                blocks.append(_Block(line, gap, 1))
        blocks.append(_Block(self.next_step, _SECTION_GAP, 1, 1))
        return blocks

    def _height(self, width: int, blocks: list[_Block], shown: list[bool], more: bool) -> int:
        left, top, right, bottom = _PADDING
        text_width = width - left - right
        total = top + bottom
        count = 0
        for block, visible in zip(blocks, shown, strict=True):
            if not visible:
                continue
            lines = block.label.line_count(text_width)
            if block.budget is not None:
                lines = min(lines, block.budget)
            total += block.gap_before + block.label.height_for(lines)
            if block.label is self._first(self.say_lines):
                total += self.say_heading.sizeHint().height() + _SPACING
            if block.label is self._first(self.avoid_lines):
                total += self.avoid_heading.sizeHint().height() + _SPACING
            count += 1
        if more:
            total += self.more.sizeHint().height() + _SPACING
            count += 1
        return total + _SPACING * max(count - 1, 0)

    @staticmethod
    def _first(lines: list[FittedLabel]) -> FittedLabel | None:
        return lines[0] if lines else None

    def fit(self, width: int, room: int | None) -> int:
        """Lay the card out ``width`` wide in at most ``room`` pixels (None: all of it).

        Returns the height used. Gives way from the least needed text up: first the
        phrases to say and avoid (down to one line each), then the "do" line and the title
        (to two lines, then one), then the next-step line, then the last phrases.
        """
        blocks = self._blocks()
        shown = [True] * len(blocks)
        text_width = width - _PADDING[0] - _PADDING[2]
        phrases = [b for b in blocks if b.label in (*self.say_lines, *self.avoid_lines)]
        # The words to say are what the card is for: they shorten to one line last.
        says = [b for b in phrases if b.label in self.say_lines]
        avoids = [b for b in phrases if b.label in self.avoid_lines]

        def fits(more: bool) -> bool:
            return room is None or self._height(width, blocks, shown, more) <= room

        if not fits(False):
            steps: list[tuple[list[_Block], int]] = [
                (phrases, 3),
                (phrases, 2),
                ([blocks[1]], 3),
                (avoids, 1),
                ([blocks[1]], 2),
                ([blocks[0]], 2),
                ([blocks[1]], 1),
                ([blocks[0]], 1),
                (says, 1),
            ]
            for targets, budget in steps:
                for block in targets:
                    if block.label.line_count(text_width) > budget:
                        block.budget = budget
                if fits(True):
                    break
            else:
                next_index = len(blocks) - 1
                shown[next_index] = False
                # Then the last phrases, AVOID's before SAY's, then the "do" line: the
                # notes' fields keep their room, the card shows its title and Ctrl+E.
                for block in [*reversed(phrases), blocks[1]]:
                    if fits(True):
                        break
                    shown[blocks.index(block)] = False
        self._place(width, blocks, shown)
        return self.height()

    def _place(self, width: int, blocks: list[_Block], shown: list[bool]) -> None:
        left, top, right, _bottom = _PADDING
        text_width = width - left - right
        y = top
        first = True
        self.elided = False
        headings = {
            id(self._first(self.say_lines)): self.say_heading,
            id(self._first(self.avoid_lines)): self.avoid_heading,
        }
        for heading in (self.say_heading, self.avoid_heading):
            heading.hide()
        for block, visible in zip(blocks, shown, strict=True):
            label = block.label
            if not visible:
                label.hide()
                self.elided = self.elided or label is not self.next_step
                continue
            if not first:
                y += _SPACING
            y += block.gap_before
            above = headings.get(id(label))
            if above is not None:
                height = above.sizeHint().height()
                above.setGeometry(left, y, text_width, height)
                above.show()
                y += height + _SPACING
            height = label.fit(text_width, block.budget)
            label.setGeometry(left, y, text_width, height)
            label.show()
            # The next step's preview is one line by design: shortening it hides nothing.
            self.elided = self.elided or (label.elided and label is not self.next_step)
            y += height
            first = False
        if self.elided:
            y += _SPACING
            height = self.more.sizeHint().height()
            self.more.setGeometry(left, y, text_width, height)
            self.more.show()
            y += height
        else:
            self.more.hide()
        self.setFixedSize(width, y + _PADDING[3])

    def minimum_height(self, width: int) -> int:
        """The least the card can take: the title on one line, and the way to the rest."""
        left, top, right, bottom = _PADDING
        del left, right, width
        more = self.more.sizeHint().height() + _SPACING
        return top + self.title.height_for(1) + more + bottom


class StepColumn(QWidget):
    """The step card above, the notes below: the notes give way first, the card last.

    ``above`` (step n of N) and ``below`` (loop-back, Back / Next) keep their own heights;
    the card takes what it needs of the rest, as long as the notes keep their minimum.
    In "whole step" mode the notes step aside and the card may scroll.
    """

    SPACING = 6

    def __init__(
        self,
        above: QWidget,
        card: StepCard,
        below: list[QWidget],
        notes: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.above = above
        self.card = card
        self.below = below
        self.notes = notes
        self.card_view = QScrollArea(self)
        self.card_view.setObjectName("stepScroll")
        # A viewport made here, as Qt makes its own: Python meeting Qt's (the focus
        # filter walks the card's parents) cost PySide ~7 ms of enum classes before the
        # live window's first paint.
        viewport = QWidget()
        viewport.setObjectName("qt_scrollarea_viewport")
        viewport.setAutoFillBackground(True)  # its role stays unset (NoRole), as in Qt
        self.card_view.setViewport(viewport)
        self.card_view.setFrameShape(QFrame.Shape.NoFrame)
        self.card_view.setWidgetResizable(False)
        self.card_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.card_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.card_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.card_view.setWidget(card)
        for widget in (above, *below, notes):
            widget.setParent(self)
        self.whole_step = False
        self._arranged_for = -1
        # Where the notes were while the whole step shows: how to get them back.
        self.notes_hint = QLabel(
            self.tr(
                "Notes hidden to show the whole step · <a href='notes'>Back to the notes</a> (Esc)"
            ),
            self,
        )
        self.notes_hint.setObjectName("notesHiddenHint")
        self.notes_hint.setWordWrap(True)
        self.notes_hint.setTextFormat(Qt.TextFormat.RichText)
        self.notes_hint.hide()
        # A form opened or a line added in the notes changes what they need: arrange again,
        # or their layout squeezes the new fields into the old height.
        notes.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.notes and event.type() == QEvent.Type.LayoutRequest:
            needed = self.notes_minimum()
            if needed != self._arranged_for and not self.whole_step:
                self.arrange()
        return False

    def set_whole_step(self, on: bool) -> None:
        self.whole_step = on
        self.notes.setVisible(not on)
        self.notes_hint.setVisible(on)
        self.card_view.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if on else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.arrange()

    def notes_minimum(self) -> int:
        return self.notes.minimumSizeHint().height()

    def _fixed_heights(self) -> int:
        visible = [w for w in (self.above, *self.below) if not w.isHidden()]
        heights = sum(w.sizeHint().height() for w in visible)
        return heights + self.SPACING * len(visible)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        # The notes' own fields (the field picker) are never squeezed below their minimum.
        width = max(240, self.notes.minimumSizeHint().width())
        height = self._fixed_heights() + self.card.minimum_height(width) + self.notes_minimum()
        return QSize(width, height)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.arrange()

    def arrange(self) -> None:
        width, height = self.width(), self.height()
        y = 0
        if not self.above.isHidden():
            above = self.above.sizeHint().height()
            self.above.setGeometry(0, y, width, above)
            y += above + self.SPACING
        below = [w for w in self.below if not w.isHidden()]
        below_height = sum(w.sizeHint().height() + self.SPACING for w in below)
        if self.whole_step:
            hint = self.notes_hint.heightForWidth(width) + self.SPACING
            area = max(height - y - below_height - hint, 0)
            scrollbar = self.card_view.verticalScrollBar().sizeHint().width()
            needed = self.card.fit(width, None)
            if needed > area:
                needed = self.card.fit(width - scrollbar, None)
            # As tall as the step, no taller: Back / Next and the hint follow right below.
            card_height = min(needed, area)
        else:
            self._arranged_for = self.notes_minimum()
            room = height - y - self.SPACING - below_height - self._arranged_for
            card_height = self.card.fit(width, max(room, self.card.minimum_height(width)))
            # In a window too small for both, the notes keep their fields; the card is cut.
            card_height = max(min(card_height, room), 0)
        self.card_view.setGeometry(0, y, width, card_height)
        self.card_view.verticalScrollBar().setValue(0)
        y += card_height + self.SPACING
        for widget in below:
            widget_height = widget.sizeHint().height()
            widget.setGeometry(0, y, width, widget_height)
            y += widget_height + self.SPACING
        if not self.whole_step:
            self.notes.setGeometry(0, y, width, max(height - y, 0))
        else:
            self.notes_hint.setGeometry(0, y, width, self.notes_hint.heightForWidth(width))


__all__ = [
    "DO_PX",
    "LARGE_TEXT_FACTOR",
    "LINE_PX",
    "TITLE_PX",
    "WHOLE_STEP_KEY",
    "FittedLabel",
    "StepCard",
    "StepColumn",
    "set_pixel_font",
]
