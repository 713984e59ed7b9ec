"""PySide6 6.12 releases a reference to True on every emit/disconnect; the repair holds."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

from app import qt_workarounds


class Emitter(QObject):
    said = Signal(str)


def test_thousands_of_emits_and_disconnects_keep_true_alive() -> None:
    qt_workarounds.install()
    emitter = Emitter()
    heard: list[str] = []
    emitter.said.connect(heard.append)
    before = sys.getrefcount(True)
    for _ in range(5000):
        emitter.said.emit("calm")
    for _ in range(500):
        emitter.said.connect(print)
        emitter.said.disconnect(print)
    assert len(heard) == 5000
    assert sys.getrefcount(True) >= before - 10
