"""The live window grown once so every step shows whole, when Poise itself took the room:
the system's text made larger (a system font at 150 %, 200 %), or a one-time notice below
the notes (on native Wayland, that the window cannot stay on top; that system-wide keys
work only in Poise) taking lines the step card would have had.

Otherwise none of this does anything: the card keeps its measured pixel sizes and the
window its size. In those two cases, when the meeting's first step is shown, every step
of the playbook is measured once at the window's width, and the window grows (never past
the screen) until the tallest shows whole above the notes, and widens until the notes' own
fields are not squeezed. Measured once, so the window does not jump from step to step;
and from what is needed, not by the notice's height, so a window saved at its grown size
does not grow again at the next meeting.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.domain.meeting_session import StepChange
from app.domain.playbook import Step
from app.ui.common.text_scale import system_text_scale
from app.ui.live.session import LiveSession
from app.ui.live.step_card import StepCard, StepColumn

# Room left for the window's frame and a panel when it grows to the screen's height.
SCREEN_ROOM = 48
WIDTH_STEP = 40


def _needed_card_height(card: StepCard, steps: tuple[Step, ...], width: int) -> int:
    tallest = 0
    for index, step in enumerate(steps):
        following = steps[index + 1] if index + 1 < len(steps) else None
        card.show_step(step, following)
        tallest = max(tallest, card.fit(width, None))
    return tallest


class WholeStepsFit(QObject):
    """Grows ``window`` once, at the first step, for larger text or a notice showing."""

    def __init__(
        self,
        window: QWidget,
        session: LiveSession,
        column: StepColumn,
        notices: Sequence[QWidget] = (),
    ) -> None:
        super().__init__(window)
        self._window, self._session, self._column = window, session, column
        self._notices = tuple(notices)
        session.stepChanged.connect(self._first_step)

    def _first_step(self, change: StepChange) -> None:
        self._session.stepChanged.disconnect(self._first_step)
        notice_showing = any(not notice.isHidden() for notice in self._notices)
        if system_text_scale() <= 1.0 and not notice_showing:
            return
        window, column = self._window, self._column
        screen = window.screen().availableGeometry()
        tallest_window = max(window.height(), screen.height() - SCREEN_ROOM)
        widest_window = max(window.width(), screen.width() // 2)
        margins = window.width() - column.width()
        # Everything in the column but the card and the notes: its position line, Back / Next.
        fixed = column.height() - column.card_view.height() - column.notes.height()
        # And what only some steps show (the loop-back offer), so those fit too.
        fixed += sum(w.sizeHint().height() + column.SPACING for w in column.below if w.isHidden())
        steps = self._session.domain.steps
        width = max(window.width(), column.notes.minimumSizeHint().width() + margins)
        while True:
            needed = fixed + _needed_card_height(column.card, steps, width - margins)
            height = window.height() + needed + column.notes_minimum() - column.height()
            # Wider, when taller than the screen: the lines wrap less and the steps shorten.
            if height <= tallest_window or width >= widest_window:
                break
            width = min(width + WIDTH_STEP, widest_window)
        following = steps[change.index + 1] if change.index + 1 < len(steps) else None
        self._column.card.show_step(change.step, following)
        window.resize(width, min(max(height, window.height()), tallest_window))
        column.arrange()
