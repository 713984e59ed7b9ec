"""The live window's ⋯ menu and its window-wide shortcuts, one action each.

Every action is added to the window as well, so its shortcut works from anywhere in it
(a note, the quick line, a form) without opening the menu. Names are object names the
tests and the session walks look for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from app.domain import meeting_terms
from app.domain.meeting_terms import NoteField, SignalSource
from app.settings import DockSide
from app.ui.live.notes_panel import NotesPanel
from app.ui.live.session import LiveSession
from app.ui.live.step_card import WHOLE_STEP_KEY

STEP_IN = "step_in"


class LiveMenuHost(Protocol):
    """What the menu's actions act on: the live window."""

    session: LiveSession
    notes: NotesPanel

    def addAction(self, action: QAction) -> None: ...  # noqa: N802 (Qt's name)
    def toggle_whole_step(self) -> None: ...
    def toggle_stay_on_top(self, on: bool) -> None: ...
    def dock(self, side: DockSide) -> None: ...
    def flag_moment(self) -> None: ...
    def ask_partner(self, key: str = STEP_IN) -> None: ...
    def request_end(self) -> None: ...


class LiveMenu(QMenu):
    """Cues, notes, the window's place, the partner and the end, under the ⋯ button."""

    def __init__(self, host: LiveMenuHost, parent: QWidget) -> None:
        super().__init__(parent)
        self._host = host
        self._parent = parent
        session, notes = host.session, host.notes

        cue_menu = self.addMenu(self.tr("Show a cue"))
        self.cue_actions: list[QAction] = []
        for index, cue in enumerate(session.cues):
            cue_action = self._action(
                self.tr("{cue}: “{words}”").format(cue=cue.label, words=cue.words),
                "Ctrl+G" if index == 0 else None,
                lambda _checked=False, key=cue.key: session.trigger_cue(key, SignalSource.WINDOW),
                f"cue_{cue.key}",
            )
            cue_menu.addAction(cue_action)
            self.cue_actions.append(cue_action)
        self.addSeparator()
        self.loop_back_action = self._action(
            self.tr("Follow the loop-back"), "Ctrl+B", session.follow_loop_back, "followLoopBack"
        )
        for action_ in (
            self._action(
                self.tr("Add action item"), "Ctrl+I", notes.action_form.open, "addActionItem"
            ),
            self._action(
                self.tr("Set follow-up date"), "Ctrl+U", notes.follow_up_form.open, "setFollowUp"
            ),
            self._action(
                self.tr("Quick line"),
                "Ctrl+L",
                lambda: notes.quick_line.setFocus(),
                "quickLineFocus",
            ),
            self.loop_back_action,
            self._action(
                self.tr("Show the whole step"), WHOLE_STEP_KEY, host.toggle_whole_step, "wholeStep"
            ),
        ):
            self.addAction(action_)
        for number, field in enumerate(NoteField, start=1):
            self._action(
                self.tr("Note: {field}").format(field=field.label),
                f"Ctrl+{number}",
                lambda _checked=False, field=field: notes.select_field(field),
                f"noteField{number}",
            )
        self.addSeparator()
        self.stay_on_top_action = self._action(
            self.tr("Stay on top"), "Ctrl+T", host.toggle_stay_on_top, "stayOnTop"
        )
        self.stay_on_top_action.setCheckable(True)
        self.addAction(self.stay_on_top_action)
        dock_menu = self.addMenu(self.tr("Dock"))
        for side, text in (
            (DockSide.LEFT, self.tr("Left edge")),
            (DockSide.RIGHT, self.tr("Right edge")),
        ):
            dock_menu.addAction(
                self._action(
                    text, None, lambda _c=False, side=side: host.dock(side), f"dock_{side}"
                )
            )
        self.addSeparator()
        self.addAction(
            self._action(self.tr("Flag this moment"), None, host.flag_moment, "flagMoment")
        )
        self.ask_partner_actions: list[QAction] = []
        for request in meeting_terms.USER_REQUESTS:
            text = (
                self.tr("Ask partner to step in")
                if request.key == STEP_IN
                else self.tr("Tell partner: {request}").format(request=request.label)
            )
            request_action = self._action(
                text,
                None,
                lambda _checked=False, key=request.key: host.ask_partner(key),
                f"askPartner_{request.key}",
            )
            self.addAction(request_action)
            self.ask_partner_actions.append(request_action)
        # One step (issue 14): the link goes on and its panel docks beside this window.
        self.partner_link_action = self._action(
            self.tr("Partner link"), "Ctrl+P", lambda: None, "partnerLink"
        )
        self.partner_link_action.setVisible(False)
        self.addAction(self.partner_link_action)
        self.addSeparator()
        self.addAction(
            self._action(self.tr("End meeting…"), "Ctrl+Shift+E", host.request_end, "endMeeting")
        )
        # The ⋯ button takes no focus (a click must not leave the note), so a key opens it:
        # F10, as a menu bar does, or the keyboard's menu key.
        opener = self._action(self.tr("Open this menu"), "F10", self.open_from_keyboard, "openMenu")
        opener.setShortcuts([QKeySequence("F10"), QKeySequence(Qt.Key.Key_Menu)])

    def open_from_keyboard(self) -> None:
        """Pop up under the ⋯ button, the first action ready for the arrow keys."""
        button = self._parent.findChild(QToolButton, "liveMenuButton")
        anchor = button if button is not None and button.isVisible() else self._parent
        self.popup(anchor.mapToGlobal(QPoint(0, anchor.height())))
        first = next((action for action in self.actions() if action.isVisible()), None)
        if first is not None:
            self.setActiveAction(first)

    def _action(
        self, text: str, shortcut: str | None, slot: Callable[..., object], name: str
    ) -> QAction:
        created = QAction(text, self._parent)
        created.setObjectName(name)
        if shortcut:
            created.setShortcut(QKeySequence(shortcut))
            created.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        created.triggered.connect(slot)
        self._host.addAction(created)
        return created
