"""A plain description of what Poise shows on screen, for tests that drive the real app.

The real-session test runs Poise as a person does (a real X server, a window manager,
input only through XTest) and needs to know where a button is, which widget has the
keyboard and whether any text was cut off, without reaching into the process. When the
environment variable ``POISE_SCREEN_PROBE`` names a file, the app writes there, a few
times a second and atomically, every visible window with its widgets (class, object
name, text, global geometry, whether its text is clipped or its area scrolls), the
widget with keyboard focus, and every Qt warning printed so far. Without the variable
nothing of this runs. With it, SIGUSR1 or a crash in C prints every thread's Python stack
to stderr, so a test that waited in vain can say where the app was.
"""

from __future__ import annotations

import faulthandler
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QPoint,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontMetrics, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from app.ui.common.fit_checks import fit_problems

PROBE_ENV = "POISE_SCREEN_PROBE"
PROBE_INTERVAL_MS = 200
_DESCRIBED_CLASSES = (
    QLabel,
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractScrollArea,
    QAbstractSpinBox,
)


def label_clipped(label: QLabel) -> bool:
    """True when a label's text needs more room than the label has (and it does not elide)."""
    text = label.text()
    if not text:
        return False
    if label.buddy() is not None:
        # A mnemonic's '&' is not drawn ('&&' draws one).
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    area = label.contentsRect()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)
    )
    if rich:
        document = QTextDocument()
        document.setDefaultFont(label.font())
        document.setDocumentMargin(0)
        document.setHtml(text)
        if label.wordWrap():
            document.setTextWidth(area.width())
            return document.size().height() > area.height() + 2
        return document.idealWidth() > area.width() + 1
    metrics = QFontMetrics(label.font())
    if label.wordWrap():
        flags = int(Qt.TextFlag.TextWordWrap) | int(label.alignment().value)
        needed = metrics.boundingRect(0, 0, area.width(), 100_000, flags, text)
        return needed.height() > area.height() + 1 or needed.width() > area.width() + 1
    widest = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    tall = metrics.lineSpacing() * (text.count("\n") + 1)
    return widest > area.width() + 1 or tall > area.height() + metrics.leading() + 2


def hidden_by_parent(widget: QWidget) -> bool:
    """True when part of a shown widget is cut away by a parent with no way to scroll to it.

    Inside a scroll area whose scroll bar shows, a label below the fold is only scrolled
    away; without a scroll bar (or outside any scroll area) the cut-off part is lost.
    """
    visible = widget.visibleRegion().boundingRect()
    if visible.width() >= widget.width() - 1 and visible.height() >= widget.height() - 1:
        return False
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            bars = (parent.verticalScrollBar(), parent.horizontalScrollBar())
            return not any(bar.isVisible() for bar in bars)
        parent = parent.parentWidget()
    return True


def button_clipped(button: QAbstractButton) -> bool:
    """True when a button's text (with its icon) needs more room than the button has.

    poise.qss paints a default push button bold, in a font its size hint does not see:
    such a button is measured with its text in bold too.
    """
    text = button.text()
    if not text:
        return False
    if button.minimumSizeHint().width() > button.width() + 1:
        return True
    if not (isinstance(button, QPushButton) and button.isDefault()):
        return False
    regular, bold = QFont(button.font()), QFont(button.font())
    bold.setBold(True)
    extra = QFontMetrics(bold).horizontalAdvance(text) - QFontMetrics(regular).horizontalAdvance(
        text
    )
    return extra > 0 and button.minimumSizeHint().width() + extra > button.width() + 1


def describe_widget(widget: QWidget) -> dict[str, Any]:
    top_left = widget.mapToGlobal(QPoint(0, 0))
    entry: dict[str, Any] = {
        "class": type(widget).__name__,
        "name": widget.objectName(),
        "x": top_left.x(),
        "y": top_left.y(),
        "width": widget.width(),
        "height": widget.height(),
        "enabled": widget.isEnabled(),
    }
    if isinstance(widget, QLabel):
        entry["text"] = widget.text()
        entry["clipped"] = label_clipped(widget) or hidden_by_parent(widget)
        entry["font_px"] = QFontMetrics(widget.font()).height()
    elif isinstance(widget, QAbstractButton):
        entry["text"] = widget.text()
        entry["clipped"] = button_clipped(widget)
        entry["checked"] = widget.isChecked()
    elif isinstance(widget, QLineEdit):
        entry["text"] = widget.text()
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        entry["text"] = widget.toPlainText()
    elif isinstance(widget, QComboBox):
        entry["text"] = widget.currentText()
    # Too short for a line of its font, squeezed below its minimum, elided with no whole
    # text: the real-session test fails on any of them (app/ui/common/fit_checks.py).
    entry["fit_problems"] = fit_problems(widget)
    if isinstance(widget, QAbstractScrollArea):
        entry["scrolls"] = widget.verticalScrollBar().isVisible()
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        entry["rows"] = model.rowCount()
        entry["items"] = [
            str(model.index(row, 0).data() or "") for row in range(min(model.rowCount(), 20))
        ]
    return entry


def describe_screen(messages: list[str]) -> dict[str, Any]:
    windows = []
    for window in QApplication.topLevelWidgets():
        if not window.isVisible():
            continue
        widgets = [
            describe_widget(child)
            for child in window.findChildren(QWidget)
            if child.isVisible()
            and (child.objectName() or isinstance(child, _DESCRIBED_CLASSES))
            and not child.objectName().startswith("qt_")
        ]
        position = window.mapToGlobal(QPoint(0, 0))
        windows.append(
            {
                "title": window.windowTitle(),
                "class": type(window).__name__,
                "name": window.objectName(),
                "x": position.x(),
                "y": position.y(),
                "width": window.width(),
                "height": window.height(),
                "active": window.isActiveWindow(),
                # A tooltip is a top-level label of its own.
                "text": window.text() if isinstance(window, QLabel) else "",
                "widgets": widgets,
            }
        )
    focus = QApplication.focusWidget()
    return {
        "pid": os.getpid(),
        "windows": windows,
        "focus": None
        if focus is None
        else {"class": type(focus).__name__, "name": focus.objectName()},
        "qt_messages": list(messages),
    }


class ScreenProbe(QObject):
    """Writes ``describe_screen()`` to a file on a timer (see the module docstring)."""

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self.messages: list[str] = []
        self._previous_handler = qInstallMessageHandler(self._on_qt_message)
        self._timer = QTimer(self)
        self._timer.setInterval(PROBE_INTERVAL_MS)
        self._timer.timeout.connect(self.write)
        self._timer.start()

    def _on_qt_message(self, kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
        if kind != QtMsgType.QtDebugMsg and kind != QtMsgType.QtInfoMsg:
            self.messages.append(text)
        if self._previous_handler is not None:
            self._previous_handler(kind, context, text)
        elif kind != QtMsgType.QtDebugMsg:
            os.write(2, f"{text}\n".encode(errors="replace"))

    def write(self) -> None:
        try:
            data = json.dumps(describe_screen(self.messages), ensure_ascii=False)
        except Exception as failure:  # a probe bug must not become the app's crash
            data = json.dumps({"probe_error": repr(failure)})
        temporary = self._path.with_name(f".{self._path.name}.tmp")
        temporary.write_text(data, encoding="utf-8")
        temporary.replace(self._path)


def install_screen_probe(application: QApplication) -> ScreenProbe | None:
    """Start the probe when ``POISE_SCREEN_PROBE`` asks for it; otherwise do nothing."""
    target = os.environ.get(PROBE_ENV)
    if not target:
        return None
    print_stacks_on_request()
    return ScreenProbe(Path(target), application)


def print_stacks_on_request() -> None:
    """SIGUSR1 prints every thread's stack to stderr, even while the GUI thread is stuck;
    a crash in C (SIGSEGV, SIGABRT) prints them too before the process dies."""
    faulthandler.enable(all_threads=True)
    if sys.platform != "win32":
        faulthandler.register(signal.SIGUSR1, all_threads=True)
