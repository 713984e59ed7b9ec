"""The live window: a narrow companion beside the meeting, glanceable in one second.

Top: the meeting clock, step n of N and the current step, large. Below: the notes. The
calm-down cue paints over the edges without moving anything or taking focus.

Keys (a hidden presenter clicker sends PageDown/PageUp):
- PageDown / PageUp, Alt+Right / Alt+Left: next / previous step, always, even while typing.
  (Alt rather than Ctrl: Ctrl+arrows jump between words while typing a note.)
- Not typing (no note has the caret; the step card is outlined): Right / Down / Space and
  Left / Up move through the steps; Enter or a letter returns to the note (the letter is
  typed there). Esc, a click on the card, Back or Next leave the note.
- Ctrl+B: follow the loop-back the current step offers. Ctrl+E: the whole step, when the
  window is too small to show it all (the notes step aside until Esc or Ctrl+E).
- Esc: first acknowledges the cue on screen (even while typing; the caret stays), then
  closes an inline form, then leaves the note.
- Ctrl+1…5: note fields; Ctrl+L: quick line; Ctrl+I: action item; Ctrl+U: follow-up date.
- Ctrl+G: show the first agreed cue (the others are in the ⋯ menu); Ctrl+T: stay on top.

System-wide shortcuts (issue 8) arrive through ``perform(action)``: the same next/previous
step and acknowledge as the keys above, plus "flag this moment" and "ask partner to step
in". The partner link shows itself discreetly: a dot and "Partner connected" in the
header, the partner's answer as a short line that fades, and, when the user chose it, a
silent pause countdown in the cue area after a partner's cue.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QMoveEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.domain import meeting_terms
from app.domain.hotkeys import HotkeyAction, KeyCombo
from app.domain.meeting_session import (
    MeetingRecap,
    StepChange,
    format_elapsed,
)
from app.domain.meeting_terms import FLAG_TEXT
from app.settings import DockSide, Settings, shared_settings
from app.translation import QT_TRANSLATE_NOOP
from app.ui.common.accessible_roles import call_a_window
from app.ui.common.announcer import announce
from app.ui.common.capture_guard import CaptureProtection, set_capture_excluded
from app.ui.common.key_names import shown_keys
from app.ui.live.cue_on_window import WindowCue
from app.ui.live.day_words import short_day
from app.ui.live.deferred_pieces import PiecesAfterFirstPaint
from app.ui.live.focus_filter import FocusChainFilter
from app.ui.live.live_keys import SteeringKeys
from app.ui.live.live_menu import STEP_IN, LiveMenu
from app.ui.live.live_settings import LiveSettingsFollower
from app.ui.live.note_bursts import load_text_formats
from app.ui.live.notes_panel import NotesPanel
from app.ui.live.partner_noted import PartnerNotedCount, add_partner_notes_action
from app.ui.live.session import LiveSession
from app.ui.live.status_lines import KeysLine, ProblemLine
from app.ui.live.step_card import (
    LINE_PX,
    FittedLabel,
    StepCard,
    StepColumn,
    set_pixel_font,
)
from app.ui.live.whole_steps_fit import WholeStepsFit
from app.ui.live.window_keys import WindowKeys
from app.ui.live.window_placement import WindowPlaceLine, dock_to_edge, keep_on_top

if TYPE_CHECKING:
    from app.ui.live.cue_overlay import CueOverlay
    from app.ui.live.end_dialog import EndMeetingDialog
    from app.ui.live.partner_status import PartnerStatus, Toast

CLOCK_PX = 17  # the meeting clock; the step clock and "Step n of N" are LINE_PX
_GEOMETRY_SAVE_DELAY_MS = 800
MEETING_RUNNING_TEXT = QT_TRANSLATE_NOOP(
    "LiveWindow", "This meeting is still running: End… it first"
)


class LiveWindow(SteeringKeys):
    """The companion window of one running meeting."""

    ended = Signal(object)  # MeetingRecap, after the user confirmed the end
    askPartnerRequested = Signal(str)  # noqa: N815 -- key of the user's request, e.g. "step_in"

    def __init__(
        self,
        session: LiveSession,
        *,
        client_name: str,
        meeting_title: str,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("liveWindow")
        call_a_window(self)  # not the "filler" Qt calls a plain widget
        self.session = session
        self.settings = settings or shared_settings().current
        self.capture: CaptureProtection | None = None
        self._recap: MeetingRecap | None = None
        self._last_input: QWidget | None = None
        self._loop_back_text = ""
        # The title is seen in the taskbar, the window list and on a shared screen.
        shown = client_name if self.settings.client_name_in_title else self.tr("Meeting")
        self.setWindowTitle(f"{shown} · {APP_NAME}")
        self.setMinimumSize(280, 420)

        self._partner_status: PartnerStatus | None = None  # see ``partner_status``
        self._build(client_name, meeting_title)
        self._build_actions()
        self._restore_geometry()

        self._settings_follower = LiveSettingsFollower(self.card, self.step_column, self)
        notices = (self.keys_line, self.window_place_line)
        self._whole_steps_fit = WholeStepsFit(self, session, self.step_column, notices)
        self.cue = WindowCue(self, session, self.step_column.card_view, self._cue_sound_on)
        self._toast: Toast | None = None  # see ``toast``

        session.stepChanged.connect(self._show_step)
        session.followUpChanged.connect(self._show_follow_up)
        session.problem.connect(self.problem_line.show_problem)
        session.problemResolved.connect(self.problem_line.hide)

        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._tick)
        self._geometry_timer = QTimer(self)
        self._geometry_timer.setSingleShot(True)
        self._geometry_timer.setInterval(_GEOMETRY_SAVE_DELAY_MS)
        self._geometry_timer.timeout.connect(self._save_geometry)

        self._focus_filter = FocusChainFilter(self)
        if self.settings.stay_on_top:
            self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
            self.stay_on_top_action.setChecked(True)
        # Unseen in the first paint: made right after it, or on first use if sooner.
        partner = (lambda: self.partner_status, lambda: self.toast)
        later = [lambda: self.overlay, self._end_dialog_type, lambda: [p() for p in partner]]
        later.append(load_text_formats)  # what the first burst typed in a note uses
        self._deferred_pieces = PiecesAfterFirstPaint(self, later)

    @property
    def overlay(self) -> CueOverlay:
        """The cue's glow, band and pause countdown over the window (made on first need)."""
        return self.cue.overlay

    @property
    def partner_status(self) -> PartnerStatus:
        """The header's "Partner connected" (hidden, so taking no room, until one is)."""
        if self._partner_status is None:
            from app.ui.live.partner_status import PartnerStatus

            self._partner_status = PartnerStatus()
            at = self._top_row.indexOf(self.menu_button)
            self._top_row.insertWidget(at, self._partner_status)
        return self._partner_status

    @property
    def toast(self) -> Toast:
        """The brief line that fades (a flagged moment, the partner's answer)."""
        if self._toast is None:
            from app.ui.live.partner_status import Toast

            self._toast = Toast(self)
        return self._toast

    @property
    def cue_on_screen(self) -> bool:
        return self.cue.on_screen

    def _cue_sound_on(self) -> bool:
        return self.settings.cue_sound

    # -- building ----------------------------------------------------------------------

    def _build(self, client_name: str, meeting_title: str) -> None:
        self.meeting_clock = QLabel("0:00")
        self.meeting_clock.setObjectName("meetingClock")
        set_pixel_font(self.meeting_clock, CLOCK_PX, bold=True)
        self.meeting_clock.setToolTip(self.tr("Time in the meeting"))
        self.step_clock = QLabel(self.tr("{time} in step").format(time="0:00"))
        self.step_clock.setObjectName("meta")
        self.step_clock.setToolTip(self.tr("Time in this step"))
        set_pixel_font(self.step_clock, LINE_PX)
        who = FittedLabel("meta")
        who.set_full_text(f"{client_name} · {meeting_title}" if meeting_title else client_name)
        self.who = who
        self.menu_button = QToolButton()
        self.menu_button.setObjectName("liveMenuButton")
        self.menu_button.setText("⋯")
        self.menu_button.setToolTip(self.tr("Cues, window, settings, end · F10"))
        self.menu_button.setAccessibleName(self.tr("Menu"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.partner_noted = PartnerNotedCount(self.session.from_partner)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.meeting_clock)
        top.addWidget(self.step_clock)
        top.addStretch(1)
        top.addWidget(self.menu_button)
        self._top_row = top

        self.position = QLabel()
        self.position.setObjectName("stepPosition")
        set_pixel_font(self.position, LINE_PX, bold=True)
        self.progress = QProgressBar()
        self.progress.setObjectName("stepProgress")
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(4)
        position_row = QHBoxLayout()
        position_row.setSpacing(10)
        position_row.addWidget(self.position)
        position_row.addWidget(self.progress, 1)

        position_widget = QWidget()
        position_widget.setLayout(position_row)
        position_row.setContentsMargins(0, 0, 0, 0)

        self.card = StepCard()
        self.card.set_large_text(self.settings.large_step_text)

        self.loop_back_button = QPushButton()
        self.loop_back_button.setObjectName("loopBackButton")
        self.loop_back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.loop_back_button.clicked.connect(self._loop_back_clicked)
        self.loop_back_button.hide()

        self.previous_button = QPushButton(self.tr("‹  Back"))
        self.previous_button.setObjectName("previousButton")
        self.previous_button.setToolTip(
            self.tr("Previous step: PageUp, Alt+Left, or Left when not typing")
        )
        self.next_button = QPushButton(self.tr("Next  ›"))
        self.next_button.setObjectName("nextButton")
        self.next_button.setToolTip(
            self.tr("Next step: PageDown, Alt+Right, or Right or Space when not typing")
        )
        for button in (self.previous_button, self.next_button):
            # Buttons never take focus; a click leaves the note, so Space moves on next.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(34)
        self.previous_button.clicked.connect(self._previous_clicked)
        self.next_button.clicked.connect(self._next_clicked)
        nav_widget = QWidget()
        nav = QHBoxLayout(nav_widget)
        nav.setContentsMargins(0, 0, 0, 0)
        nav.setSpacing(8)
        nav.addWidget(self.previous_button, 1)
        nav.addWidget(self.next_button, 2)

        self.notes = NotesPanel(self.session)
        # A meeting begins not typing (``begin``); said before the first polish, the look
        # needs no second pass (a restyle made PySide build its QStyle classes: ~5 ms).
        self.card.setProperty("steering", "true")
        self.notes.typing_state.setProperty("typing", "false")
        self.step_column = StepColumn(
            position_widget, self.card, [self.loop_back_button, nav_widget], self.notes
        )
        self.step_column.notes_hint.linkActivated.connect(self._notes_hint_clicked)

        self.follow_up_label = QLabel(self.tr("No follow-up date yet · Ctrl+U"))
        self.follow_up_label.setObjectName("muted")
        # Beside "Ask partner" and "End…" a narrow window needs two lines, not a cut-off date.
        self.follow_up_label.setWordWrap(True)
        # One line a glance can take in; what went wrong and where is one click away.
        self.problem_line = ProblemLine()
        # At the start, when a system-wide key could not be had: one line, and what to use.
        self.keys_line = KeysLine()
        # On native Wayland: stay-on-top and docking cannot work; the desktop's own way.
        self.window_place_line = WindowPlaceLine()
        self._window_keys = WindowKeys(self, self.perform)

        self.end_button = QPushButton(self.tr("End…"))
        self.end_button.setObjectName("endButton")
        self.end_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.end_button.setToolTip(self.tr("End the meeting and see the summary"))
        self.end_button.clicked.connect(self.request_end)
        self.ask_partner_button = QPushButton(self.tr("Ask partner"))
        self.ask_partner_button.setObjectName("askPartnerButton")
        self.ask_partner_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ask_partner_button.setToolTip(self._ask_partner_tip())
        self.ask_partner_button.clicked.connect(lambda: self.ask_partner(STEP_IN))
        self.ask_partner_button.hide()  # until a partner link exists for this meeting
        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        bottom.addWidget(self.follow_up_label, 1)
        bottom.addWidget(self.ask_partner_button)
        bottom.addWidget(self.end_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        who_row = QHBoxLayout()  # the partner's count beside the client's name gives way
        who_row.addWidget(who, 1)
        who_row.addWidget(self.partner_noted)
        layout.addLayout(who_row)
        layout.addWidget(self.step_column, 1)
        layout.addWidget(self.problem_line)
        layout.addWidget(self.keys_line)
        layout.addWidget(self.window_place_line)
        layout.addLayout(bottom)

    def _build_actions(self) -> None:
        self.menu = LiveMenu(self, self)
        self.menu_button.setMenu(self.menu)
        self.loop_back_action = self.menu.loop_back_action
        self.stay_on_top_action = self.menu.stay_on_top_action
        self.partner_link_action = self.menu.partner_link_action
        add_partner_notes_action(self, self.menu, self.partner_noted, self.partner_link_action)
        self.ask_partner_actions = self.menu.ask_partner_actions

    def enable_partner_link(self, callback: object) -> None:
        """Issue 5 hook: show "Partner link…" in the menu, running ``callback`` when chosen."""
        self.partner_link_action.triggered.disconnect()
        self.partner_link_action.triggered.connect(callback)
        self.partner_link_action.setVisible(True)
        self.ask_partner_button.show()

    # -- issue 8: system-wide shortcuts and the partner ----------------------------------------

    def perform(self, action: str) -> bool:
        """Do what a system-wide shortcut (a ``HotkeyAction`` value) asks; False if not ours.

        ``toggle_hidden`` belongs to the application (it hides every window), not here.
        """
        handlers = {
            HotkeyAction.NEXT_STEP.value: self.session.next_step,
            HotkeyAction.PREVIOUS_STEP.value: self.session.previous_step,
            HotkeyAction.ACKNOWLEDGE_CUE.value: self.session.acknowledge_cue,
            HotkeyAction.FLAG_MOMENT.value: self.flag_moment,
            HotkeyAction.ASK_PARTNER.value: lambda: self.ask_partner(STEP_IN),
        }
        handler = handlers.get(action)
        if handler is None or not self.session.domain.is_running:
            return False
        handler()
        return True

    def bring_forward_as_running(self) -> None:
        """A "New meeting" during this one: come forward and say that this one is running."""
        if self.isMinimized():
            self.showNormal()
        self.raise_()
        self.activateWindow()
        self.toast.show_text(QCoreApplication.translate("LiveWindow", MEETING_RUNNING_TEXT))
        self._place_toast()

    def report_unheard_keys(self, unheard: Mapping[HotkeyAction, KeyCombo], why: str) -> None:
        """Some system-wide keys could not be had: say so in one line, offer what works.

        The same keys still work while this window has the focus (they become its own
        shortcuts), and PageDown / PageUp always move the steps here.
        """
        self._window_keys.replace(unheard)
        if not unheard:
            self.keys_line.hide()
            return
        self.keys_line.say(list(unheard.values()), why, self.step_column.width())

    def flag_moment(self) -> None:
        """Stamp "Flagged" with the current step on the timeline, to find it in the review."""
        if self.session.stamp_line(FLAG_TEXT) is not None:
            step = self.session.domain.current_step.title
            self.toast.show_text(self.tr("Moment flagged · {step}").format(step=step))
            self._place_toast()

    def ask_partner(self, key: str = STEP_IN) -> None:
        """The user's own signal to the partner ("step in", "I need a moment")."""
        if not self.session.domain.is_running:
            return
        self.askPartnerRequested.emit(key)
        request = next((r for r in meeting_terms.USER_REQUESTS if r.key == key), None)
        what = request.label if request is not None else key
        if self.partner_status.count > 0:
            self.toast.show_text(self.tr("Sent to your partner: {request}").format(request=what))
        else:
            self.toast.show_text(self.tr("No partner is connected to see it"))
        self._place_toast()

    def add_status_line(self, line: QWidget) -> None:
        """Issue 15 hook: a one-line status of another part (the relay's paths) above the end."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.problem_line), line)

    def set_partner_status(self, connected_count: int) -> None:
        """A discreet "Partner connected" in the header; nothing when none is connected."""
        self.partner_status.set_count(connected_count)
        if connected_count > 0:
            self.ask_partner_button.show()

    def show_partner_answer(self, text: str) -> None:
        """The partner's answer (e.g. "Partner is stepping in"), briefly, then it fades."""
        self.toast.show_text(text)
        self._place_toast()

    def _place_toast(self) -> None:
        # Over the client · title line (known to the user, read at the start), between
        # the clocks and "Step n of N": it hides nothing needed during the meeting.
        who = self.who.geometry()
        self.toast.place(
            self.width(), who.bottom() + (self.toast.height_needed() - who.height()) // 2
        )
        self.toast.raise_()

    def _ask_partner_tip(self) -> str:
        combo = self.settings.key_combo(HotkeyAction.ASK_PARTNER)
        if combo is None:
            return self.tr("Ask your partner to step in")
        return self.tr("Ask your partner to step in · {keys} from any window").format(
            keys=shown_keys(combo)
        )

    # -- geometry, docking, stay on top, capture --------------------------------------------

    def _restore_geometry(self) -> None:
        saved = self.settings.live_geometry
        if saved and self.restoreGeometry(QByteArray(base64.b64decode(saved))):
            return
        self.resize(self.settings.live_width, self.settings.live_height)

    def _save_geometry(self) -> None:
        encoded = base64.b64encode(bytes(self.saveGeometry().data())).decode("ascii")
        self.settings = shared_settings().update(
            live_geometry=encoded, live_width=self.width(), live_height=self.height()
        )

    def dock(self, side: DockSide) -> None:
        if self.window_place_line.session.can_place_windows:
            dock_to_edge(self, side)
        else:
            self.window_place_line.remind()
        self.settings = shared_settings().update(dock_side=side)

    def toggle_stay_on_top(self, on: bool) -> None:
        if self.window_place_line.session.can_place_windows:
            keep_on_top(self, on)
        elif on:
            self.window_place_line.remind()  # the flag would only remake the window here
        self.settings = shared_settings().update(stay_on_top=on)

    def apply_capture_setting(self) -> CaptureProtection:
        self.capture = set_capture_excluded(int(self.winId()), self.settings.exclude_from_capture)
        return self.capture

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self.capture is None:
            self.apply_capture_setting()
        if self.settings.dock_side is not DockSide.NONE and not self.settings.live_geometry:
            QTimer.singleShot(0, lambda: self.dock(self.settings.dock_side))

    def moveEvent(self, event: QMoveEvent) -> None:  # noqa: N802 (Qt override)
        super().moveEvent(event)
        if self.isVisible():
            self._geometry_timer.start()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.cue.reposition()
        self.who.fit(self.step_column.width(), 1)
        self.keys_line.fit(self.step_column.width())
        if self._loop_back_text:
            self._fit_loop_back_text()
        if self._toast is not None and self._toast.isVisible():
            self._place_toast()
        if self.isVisible():
            self._geometry_timer.start()

    # -- the meeting ---------------------------------------------------------------------

    def begin(self) -> None:
        """Enter the first step and start the clocks."""
        self.session.start()
        self._clock.start()
        # Not typing to begin with: the first key moves a step or, a letter, starts a note.
        self.leave_note()
        self._tick()

    def _show_step(self, change: StepChange) -> None:
        n, count = change.index + 1, change.count
        self.position.setText(self.tr("Step {n} of {count}").format(n=n, count=count))
        self.progress.setRange(0, count)
        self.progress.setValue(n)
        steps = self.session.domain.steps
        following = steps[change.index + 1] if change.index + 1 < len(steps) else None
        self.card.show_step(change.step, following)
        if self.isVisible():  # the first step is read with the window itself
            said = self.tr("Step {n} of {count}: {title}")
            announce(self.position, said.format(n=n, count=count, title=change.step.title))
        self.previous_button.setEnabled(self.session.domain.can_go_previous)
        self.next_button.setEnabled(self.session.domain.can_go_next)
        can_go_next = self.session.domain.can_go_next
        self.next_button.setText(self.tr("Next  ›") if can_go_next else self.tr("Last step"))
        loop = self.session.domain.offered_loop_back
        target = self.session.domain.loop_back_target()
        if loop is not None and target is not None:
            # Shortened at the end only: the moment to recognise reads first, whole.
            offer = self.tr("↺  {when}? Back to “{step}” · Ctrl+B")
            self._loop_back_text = offer.format(when=loop.when, step=target.title)
            tip = self.tr("{when}? Go back to “{step}” (Ctrl+B)")
            self.loop_back_button.setToolTip(tip.format(when=loop.when, step=target.title))
            self._fit_loop_back_text()
            self.loop_back_button.show()
        else:
            self.loop_back_button.hide()
        self.loop_back_action.setEnabled(loop is not None)
        self.step_column.arrange()
        self._tick()

    def _fit_loop_back_text(self) -> None:
        # A button does not wrap: in a narrow window its text ends in "…" (the tooltip
        # has it all); never in the middle, where the sentence would lose its sense.
        room = self.step_column.width() - 24
        metrics = self.loop_back_button.fontMetrics()
        text = metrics.elidedText(self._loop_back_text, Qt.TextElideMode.ElideRight, room)
        self.loop_back_button.setText(text)

    def _tick(self) -> None:
        domain = self.session.domain
        self.meeting_clock.setText(format_elapsed(domain.meeting_elapsed()))
        in_step = self.tr("{time} in step")
        self.step_clock.setText(in_step.format(time=format_elapsed(domain.step_elapsed())))

    def _show_follow_up(self, follow_up: date | None) -> None:
        if follow_up is None:
            self.follow_up_label.setText(self.tr("No follow-up date yet · Ctrl+U"))
        else:
            day = short_day(follow_up)
            self.follow_up_label.setText(self.tr("Follow up {date} · Ctrl+U").format(date=day))

    def request_end(self) -> None:
        if not self.session.domain.is_running:
            return
        dialog = self._end_dialog_type()(self.session.domain.follow_up, self)
        dialog.setObjectName("endMeetingDialog")
        self._end_dialog = dialog
        dialog.accepted.connect(lambda: self._finish(dialog.follow_up))
        dialog.open()

    @staticmethod
    def _end_dialog_type() -> type[EndMeetingDialog]:
        from app.ui.live.end_dialog import EndMeetingDialog

        return EndMeetingDialog

    def _finish(self, follow_up: date | None) -> None:
        self._clock.stop()
        self._recap = self.session.end(follow_up)
        self.ended.emit(self._recap)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if self.session.domain.is_running:
            # Closing the window is asking to end: same confirmation, never a blocking box.
            event.ignore()
            self.request_end()
            return
        if self._geometry_timer.isActive():
            self._geometry_timer.stop()
            self._save_geometry()
        super().closeEvent(event)


__all__ = [
    "FLAG_TEXT",
    "STEP_IN",
    "LiveWindow",
    "StepCard",
]
