"""Poise itself, plus a keyboard and mouse read from stdin: the Wayland session's input.

Weston's headless backend has no seat and no virtual-keyboard protocol, so nothing outside
the process can type into Poise there. This child runs the real app (``app.cli.main``,
every window and the real store) and reads one JSON command a line from stdin; each is
turned into the key and mouse events a person's input would bring, with ``QTest`` on the
real widgets, so shortcuts, focus and buttons go through Qt's own event paths:

- ``{"do": "key", "window": NAME, "keys": "Ctrl+N"}``: a key press and release, sent to the
  widget with the keyboard in window ``NAME`` (``QKeySequence`` names: "PgDown", "Return").
- ``{"do": "type", "window": NAME, "text": "..."}``: the text, one key at a time.
- ``{"do": "click", "window": NAME, "name": OBJECT_NAME, "text": PART, "kind": CLASS}``: a
  left click in the middle of the first visible widget that matches (each key optional).
- ``{"do": "close", "window": NAME}``: the window is asked to close, as its close button does.

Without a seat the compositor gives no window the keyboard, so before each command the
target window is made Qt's active window, as the compositor focusing it would. Each
command is answered with a line "done N" or "failed N: why" in the file that
``POISE_DRIVER_ANSWERS`` names.
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QPoint, QSocketNotifier, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QLabel, QWidget

ANSWERS_ENV = "POISE_DRIVER_ANSWERS"


def top_window(name: str) -> QWidget:
    for window in QApplication.topLevelWidgets():
        if window.isVisible() and window.objectName() == name:
            return window
    raise LookupError(f"no window {name!r} on screen")


def widget_in(window: QWidget, name: str | None, text: str | None, kind: str | None) -> QWidget:
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or (kind is not None and type(widget).__name__ != kind):
            continue
        if name is not None and widget.objectName() != name:
            continue
        shown = widget.text() if isinstance(widget, QAbstractButton | QLabel) else ""
        if text is not None and text not in shown:
            continue
        return widget
    raise LookupError(f"no widget {name!r} {text!r} in {window.objectName()!r}")


def activate(window: QWidget) -> QWidget:
    with warnings.catch_warnings():
        # Deprecated for apps (the window system decides); here we stand in for it.
        warnings.simplefilter("ignore", DeprecationWarning)
        QApplication.setActiveWindow(window)
    return window.focusWidget() or window


class StdinDriver(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._buffer = b""
        self._count = 0
        self._answers = Path(os.environ[ANSWERS_ENV])
        self._notifier = QSocketNotifier(0, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)

    def _read(self) -> None:
        chunk = os.read(0, 65536)
        if not chunk:
            self._notifier.setEnabled(False)
            return
        self._buffer += chunk
        while b"\n" in self._buffer:
            line, self._buffer = self._buffer.split(b"\n", 1)
            if line.strip():
                self._count += 1
                self._run(self._count, json.loads(line))

    def _run(self, number: int, command: dict[str, Any]) -> None:
        try:
            perform(command)
        except LookupError as missing:
            answer = f"failed {number}: {missing}"
        else:
            answer = f"done {number}"
        with self._answers.open("a", encoding="utf-8") as answers:
            answers.write(answer + "\n")


def perform(command: dict[str, Any]) -> None:
    window = top_window(command["window"])
    target = activate(window)
    action = command["do"]
    if action == "key":
        combination = QKeySequence(command["keys"])[0]
        QTest.keyClick(target, combination.key(), combination.keyboardModifiers())
    elif action == "type":
        QTest.keyClicks(target, command["text"])
    elif action == "click":
        widget = widget_in(window, command.get("name"), command.get("text"), command.get("kind"))
        middle = widget.rect().center()
        if isinstance(widget, QCheckBox):
            middle = QPoint(8, middle.y())  # on the box, as a person aims
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0), middle)
    elif action == "close":
        window.close()
    else:
        raise LookupError(f"no such command {action!r}")


def main() -> int:
    from app import paths
    from app.cli import main as poise_main
    from app.ui.application import create_application

    arguments = sys.argv[1:]
    paths.set_data_dir(Path(arguments[arguments.index("--data-dir") + 1]))
    application = create_application()
    StdinDriver(application)
    return poise_main(arguments)


if __name__ == "__main__":
    sys.exit(main())
