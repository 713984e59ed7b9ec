"""Turning one key press into a shortcut: how a presenter clicker is mapped to an action.

A clicker is a tiny USB keyboard: its buttons send PageDown, PageUp, B, F5 or Esc.
Rather than asking which, Settings waits for one press and writes it in the
canonical form ``app.domain.hotkeys.parse_combo`` reads (``"page_down"``,
``"ctrl+alt+f"``), so the platform layer can listen for exactly that.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget

from app.domain.hotkeys import HotkeyError, parse_combo
from app.ui.common.key_names import shown_keys

_NAMED: dict[Qt.Key, str] = {
    Qt.Key.Key_Right: "right",
    Qt.Key.Key_Left: "left",
    Qt.Key.Key_Up: "up",
    Qt.Key.Key_Down: "down",
    Qt.Key.Key_PageUp: "page_up",
    Qt.Key.Key_PageDown: "page_down",
    Qt.Key.Key_Home: "home",
    Qt.Key.Key_End: "end",
    Qt.Key.Key_Space: "space",
    Qt.Key.Key_Return: "enter",
    Qt.Key.Key_Enter: "enter",
    Qt.Key.Key_Escape: "esc",
    Qt.Key.Key_Tab: "tab",
    Qt.Key.Key_Backtab: "tab",
    Qt.Key.Key_Backspace: "backspace",
    Qt.Key.Key_Delete: "delete",
    Qt.Key.Key_Insert: "insert",
    Qt.Key.Key_Pause: "pause",
    Qt.Key.Key_MediaPlay: "media_play_pause",
    Qt.Key.Key_MediaPause: "media_play_pause",
    Qt.Key.Key_MediaTogglePlayPause: "media_play_pause",
    Qt.Key.Key_MediaNext: "media_next",
    Qt.Key.Key_MediaPrevious: "media_previous",
}
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Shift,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_CapsLock,
    }
)
# With Shift held Qt reports the shifted symbol; the hook listens for the key itself.
_UNSHIFTED = dict(zip('!@#$%^&*()_+{}:"~|<>?', "1234567890-=[];'`\\,./", strict=True))


def _modifier_names(modifiers: Qt.KeyboardModifier) -> list[str]:
    mod = Qt.KeyboardModifier
    # On macOS Qt reports Cmd as Control and Control as Meta.
    control, meta = (
        (mod.MetaModifier, mod.ControlModifier)
        if sys.platform == "darwin"
        else (
            mod.ControlModifier,
            mod.MetaModifier,
        )
    )
    names = []
    for flag, name in ((control, "ctrl"), (mod.AltModifier, "alt"), (mod.ShiftModifier, "shift")):
        if modifiers & flag:
            names.append(name)
    if modifiers & meta:
        names.append("cmd")
    return names


def combo_from_key_event(event: QKeyEvent) -> str | None:
    """The canonical combination for ``event``; ``None`` while only modifiers are held.

    Raises ``HotkeyError`` for a key the platform layer cannot listen for.
    """
    key = Qt.Key(event.key())
    if key in _MODIFIER_KEYS or key == Qt.Key.Key_unknown:
        return None
    names = _modifier_names(event.modifiers())
    if key in _NAMED:
        name = _NAMED[key]
    elif Qt.Key.Key_F1.value <= key.value <= Qt.Key.Key_F24.value:
        name = f"f{key.value - Qt.Key.Key_F1.value + 1}"
    elif Qt.Key.Key_A.value <= key.value <= Qt.Key.Key_Z.value:
        name = chr(key.value).lower()
    elif 0x20 < key.value < 0x7F:
        character = chr(key.value)
        name = _UNSHIFTED.get(character, character)
    else:
        text = event.text() or f"{key.value:#x}"
        refusal = QCoreApplication.translate(
            "KeyCapture", "'{key}' is not a key Poise can listen for"
        )
        raise HotkeyError(refusal.format(key=text))
    return str(parse_combo("+".join((*names, name))))


class KeyCaptureButton(QPushButton):
    """ "Set…": once clicked, the next key press (a clicker button, a chord) is the shortcut.

    Esc cancels instead of being captured: a system-wide Esc would take the key from
    every other program, the call app included.
    """

    captured = Signal(str)  # the canonical combination
    refused = Signal(str)  # why the pressed key cannot be used
    capturingChanged = Signal(bool)  # noqa: N815 (Qt signal naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(self.tr("Set…"))
        self.setCheckable(True)
        self.clicked.connect(self._clicked)
        self._capturing = False

    @property
    def capturing(self) -> bool:
        return self._capturing

    def start(self) -> None:
        self._set_capturing(True)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel(self) -> None:
        self._set_capturing(False)

    def _clicked(self) -> None:
        if self._capturing:
            self.cancel()
        else:
            self.start()

    def _set_capturing(self, on: bool) -> None:
        self.setChecked(on)
        self.setText(self.tr("Press a key…") if on else self.tr("Set…"))
        if on != self._capturing:
            self._capturing = on
            self.capturingChanged.emit(on)

    def event(self, event: QEvent) -> bool:
        # Tab, Enter and shortcuts must reach the capture rather than move focus or close.
        if self._capturing and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                self._capture(event)
                return True
            if event.type() == QEvent.Type.KeyRelease:
                return True
        return super().event(event)

    def _capture(self, event: QKeyEvent) -> None:
        event.accept()
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.cancel()
            return
        try:
            combo = combo_from_key_event(event)
        except HotkeyError as error:
            self.cancel()
            self.refused.emit(str(error))
            return
        if combo is None:
            return  # only modifiers so far: wait for the key
        self.cancel()
        self.captured.emit(combo)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt override)
        super().focusOutEvent(event)
        if self._capturing:
            self.cancel()


def display(combo: str) -> str:
    """How a stored combination is shown, in the person's key names ("Strg+Umschalt+F"),
    ``"—"`` for none; a damaged one as it was written. What is stored stays ``combo``."""
    if not combo:
        return "—"
    try:
        return shown_keys(parse_combo(combo))
    except HotkeyError:
        return combo


__all__ = ["KeyCaptureButton", "combo_from_key_event", "display"]
