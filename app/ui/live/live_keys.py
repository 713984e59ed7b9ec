"""The live window's keys: typing a note or steering the steps, and what each key does.

Two states, always visible: typing (a note, the quick line or a form has the caret,
drawn with an accent border and "✎ Typing") and not typing (the step card is outlined
instead). Typing: every key is text except PageUp/PageDown, Alt+arrows, the Ctrl
shortcuts and Esc. Esc (with no cue on screen and no form open), a click on the card,
Back or Next leave the note. Not typing: arrows and Space move through the steps, Enter
or any letter returns to the note, and the letter is typed there.

``SteeringKeys`` is the live window's base: the window's event filter (kept on the
focus chain by ``FocusChainFilter``) sends each key here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from app.translation import QT_TRANSLATE_NOOP
from app.ui.live.notes_panel import NotesPanel
from app.ui.live.session import LiveSession
from app.ui.live.step_card import StepCard, StepColumn, set_style_state

_TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)
TYPING_TEXT = QT_TRANSLATE_NOOP("SteeringKeys", "✎ Typing · Esc leaves the note")
NOT_TYPING_TEXT = QT_TRANSLATE_NOOP("SteeringKeys", "Not typing · ← → Space: steps · type to write")
_STEP_KEYS_NEXT = (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Space)
_STEP_KEYS_PREVIOUS = (Qt.Key.Key_Left, Qt.Key.Key_Up)


class SteeringKeys(QWidget):
    """A window whose keys either type into a note or steer the meeting's steps."""

    # Made by the live window as it builds itself.
    session: LiveSession
    notes: NotesPanel
    step_column: StepColumn
    card: StepCard
    _last_input: QWidget | None

    @property
    def cue_on_screen(self) -> bool:
        """A cue is shown (Esc acknowledges it first)."""
        return False

    @property
    def typing(self) -> bool:
        focus = self.focusWidget()
        return isinstance(focus, _TEXT_INPUTS) and focus.isVisible()

    def leave_note(self) -> None:
        """Take the caret out of the note: keys now move through the steps."""
        focus = self.focusWidget()
        if isinstance(focus, _TEXT_INPUTS):
            self._last_input = focus
        self.card.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_typing_state()

    def return_to_note(self) -> QWidget:
        """Give the caret back to the last note typed in (the current field's at first)."""
        if self.step_column.whole_step:
            self.step_column.set_whole_step(False)  # the notes come back first
        target = self._last_input
        if target is None or not target.isVisible():
            target = self.notes.editors[self.notes.current_field]
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_typing_state()
        return target

    def _notes_hint_clicked(self, _link: str) -> None:
        self.return_to_note()

    def _show_typing_state(self) -> None:
        typing = self.typing
        said = QCoreApplication.translate(
            "SteeringKeys", TYPING_TEXT if typing else NOT_TYPING_TEXT
        )
        self.notes.show_typing_state(typing, said)
        set_style_state(self.card, "steering", "false" if typing else "true")

    def _next_clicked(self) -> None:
        self.session.next_step()
        self.leave_note()

    def _previous_clicked(self) -> None:
        self.session.previous_step()
        self.leave_note()

    def _loop_back_clicked(self) -> None:
        self.session.follow_loop_back()
        self.leave_note()

    def toggle_whole_step(self) -> None:
        """Show the whole step (the notes step aside), or go back to step and notes."""
        self.step_column.set_whole_step(not self.step_column.whole_step)
        if self.step_column.whole_step:
            self.leave_note()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            # Claim Esc before a text field or a shortcut does, while a cue is on screen.
            if event.key() == Qt.Key.Key_Escape and self.cue_on_screen:
                event.accept()
                return True
            return False
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if isinstance(watched, QWidget) and watched.window() is not self:
                return False  # a menu or popup of this window: its own keys
            return self._handle_key(watched, event)
        if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            if isinstance(watched, _TEXT_INPUTS) and kind == QEvent.Type.FocusIn:
                self._last_input = watched
            # After the focus has settled; tied to this window, so never after it is gone.
            QTimer.singleShot(0, self, self._show_typing_state)
        return False

    def _handle_key(self, watched: QObject, event: QKeyEvent) -> bool:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        alt = modifiers == Qt.KeyboardModifier.AltModifier
        typing = isinstance(watched, _TEXT_INPUTS)
        if key == Qt.Key.Key_Escape and plain:
            if self.cue_on_screen:
                self.session.acknowledge_cue()  # the caret stays where it was
                return True
            if self.notes.close_forms():
                return True
            if self.step_column.whole_step:
                self.toggle_whole_step()
                return True
            if typing:
                self.leave_note()
                return True
            return False
        if (plain and key == Qt.Key.Key_PageDown) or (alt and key == Qt.Key.Key_Right):
            self.session.next_step()
            return True
        if (plain and key == Qt.Key.Key_PageUp) or (alt and key == Qt.Key.Key_Left):
            self.session.previous_step()
            return True
        if typing:
            return False
        if plain and key in _STEP_KEYS_NEXT:
            self.session.next_step()
            return True
        if plain and key in _STEP_KEYS_PREVIOUS:
            self.session.previous_step()
            return True
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.return_to_note()
            return True
        text = event.text()
        command = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier
        if text and text.isprintable() and not (modifiers & command) and not alt:
            # A letter while not typing: back to the note, and the letter goes in with it.
            target = self.return_to_note()
            QApplication.sendEvent(
                target,
                QKeyEvent(
                    QEvent.Type.KeyPress,
                    key,
                    event.modifiers(),
                    text,
                    event.isAutoRepeat(),
                    event.count(),
                ),
            )
            return True
        return False
