"""The partner window's second pair of eyes: the brief, where the meeting is, quiet
observations and the debrief, kept in step with one partner client.

The partner window places these widgets (the Brief button in its status row, the step
line under it, the brief over the cues, the observations under them, the debrief in their
place after the meeting); this object decides what shows when, as the phone page does:
the brief opens by itself when it is new or changed, the cues and observations are there
during the meeting, only the debrief after it, nothing to send once the link is over.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from app.domain.partner_watch import BriefChanges, PartnerBrief
from app.domain.signal_protocol import Brief, CueButton, Where
from app.link.partner_end import PartnerEnd
from app.ui.partner.brief_view import BriefView
from app.ui.partner.debrief_form import DebriefForm
from app.ui.partner.observation_panel import ObservationPanel
from app.ui.partner.where_line import WhereLine

_BRIEF_BUTTON_STYLE = """
QPushButton#briefOpen {
    background: #121417; color: #8b9098; border: 1px solid #22252a; border-radius: 12px;
    padding: 3px 12px;
}
QPushButton#briefOpen:focus { border-color: #3b4350; }
"""


class Phase(StrEnum):
    WAITING = "waiting"  # connected or not, no meeting heard of yet
    MEETING = "meeting"
    DEBRIEF = "debrief"
    OVER = "over"


def brief_from_wire(message: Brief) -> tuple[PartnerBrief, BriefChanges | None]:
    """The brief as the domain holds it (signs already in the user's words)."""
    return PartnerBrief(role=message.role, signs=message.signs, cue_meanings=message.cues), (
        message.changed
    )


class PartnerWatchViews(QObject):
    """The widgets, and what shows when; ``cue_box`` is the window's cue buttons' area."""

    def __init__(self, cue_box: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self._cue_box = cue_box
        self.phase = Phase.WAITING
        self._client: PartnerEnd | None = None
        self._brief_seen: Brief | None = None
        self.brief_button = QPushButton(self.tr("&Brief"))
        self.brief_button.setObjectName("briefOpen")
        self.brief_button.setStyleSheet(_BRIEF_BUTTON_STYLE)
        self.brief_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.brief_button.setToolTip(self.tr("What to watch for, and what each cue means"))
        self.brief_button.clicked.connect(self._toggle_brief)
        self.brief_button.hide()
        self.where_line = WhereLine()
        self.brief_view = BriefView()
        self.brief_view.closed.connect(self._brief_closed)
        self.brief_view.hide()
        self.observations = ObservationPanel()
        self.observations.hide()
        self.debrief = DebriefForm()
        self.debrief.hide()

    def attach(self, client: PartnerEnd) -> None:
        """Follow ``client`` from now on (the window's only one)."""
        self._client = client
        self.observations.use(client)
        self.debrief.use(client)
        client.briefReceived.connect(self._show_brief)
        client.whereChanged.connect(self._show_where)
        client.debriefAsked.connect(self._ask_debrief)
        client.cuesChanged.connect(self._cues_changed)
        client.sendStateChanged.connect(self.observations.show_send_state)
        client.sendStateChanged.connect(self.debrief.show_send_state)

    @property
    def first_control(self) -> QWidget:
        """What Tab reaches after the cue buttons: the first one-press observation."""
        return next(iter(self.observations.quick_buttons.values()))

    @property
    def brief_is_open(self) -> bool:
        return not self.brief_view.isHidden()

    def open_brief(self) -> None:
        if self.brief_view.brief is None or self.phase in (Phase.DEBRIEF, Phase.OVER):
            return
        self.brief_view.show()
        self._cue_box.hide()
        self.observations.hide()
        self.brief_view.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def meeting_live(self) -> None:
        """A (next) meeting through the relay: a fresh start, nothing of the last one."""
        if self.phase is not Phase.OVER:
            return
        self.debrief.hide()
        self.debrief.reset()
        self._brief_seen = None
        self.observations.reset()
        # The "live" brought this meeting's cues before it said it was live.
        has_cues = self._client is not None and bool(self._client.cues)
        self.phase = Phase.MEETING if has_cues else Phase.WAITING
        if not self.brief_is_open:
            self._cue_box.show()
            self.observations.setVisible(has_cues)

    def meeting_over(self) -> None:
        """Nothing more to send for this meeting: no buttons, the debrief says what arrived."""
        self.phase = Phase.OVER
        self.where_line.stop()
        self.observations.hide()
        self.brief_view.hide()
        self.brief_button.hide()
        self.debrief.close_debrief()

    def _show_brief(self, message: Brief) -> None:
        brief, changes = brief_from_wire(message)
        self.brief_view.show_brief(brief, changes)
        if self.phase in (Phase.DEBRIEF, Phase.OVER):
            return
        self.brief_button.show()
        # Open by itself when new to this window; the same again after a reconnect is not.
        if message != self._brief_seen:
            self._brief_seen = message
            self.open_brief()

    def _show_where(self, where: Where) -> None:
        if self.phase in (Phase.WAITING, Phase.MEETING):
            self.where_line.show_where(where.index, where.of, where.title, where.elapsed)

    def _cues_changed(self, cues: tuple[CueButton, ...]) -> None:
        if cues and self.phase is Phase.WAITING:
            self.phase = Phase.MEETING
            if not self.brief_is_open:
                self.observations.show()

    def _ask_debrief(self, questions: tuple[str, ...]) -> None:
        self.phase = Phase.DEBRIEF
        self.brief_view.hide()
        self.brief_button.hide()
        self.where_line.stop()
        self._cue_box.hide()
        self.observations.hide()
        self.debrief.ask(questions)
        self.debrief.show()

    def _toggle_brief(self) -> None:
        if self.brief_is_open:
            self.brief_view.hide()
            self._brief_closed()
        else:
            self.open_brief()

    def _brief_closed(self) -> None:
        if self.phase in (Phase.DEBRIEF, Phase.OVER):
            return
        self._cue_box.show()
        if self.phase is Phase.MEETING:
            self.observations.show()
        self.brief_button.setFocus(Qt.FocusReason.OtherFocusReason)
