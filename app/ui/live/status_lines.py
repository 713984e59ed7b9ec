"""The live window's two one-line notices above its bottom row.

``ProblemLine``: the store cannot take what is typed. One line a glance can take in; what
went wrong and where is one click ("Details") away. ``KeysLine``: at the start, some
system-wide keys could not be had; it says which, work only in Poise, and goes on "OK".
On Wayland it also says which keys the desktop bound where they differ from those asked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from app.domain.hotkeys import HotkeyAction, KeyCombo
from app.translation import QT_TRANSLATE_NOOP
from app.ui.common.desktop_key_words import desktop_key_line
from app.ui.common.key_names import shown_keys

# What the problem line says first: what the user must know in the middle of a meeting.
PROBLEM_HEADLINE = QT_TRANSLATE_NOOP(
    "ProblemLine", "Poise cannot write to your notes database right now. What you type is kept."
)


class ProblemLine(QLabel):
    """The store's trouble: the headline, and the details on a click."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("problemLine")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(self._toggle_details)
        self.hide()
        self._details = ""
        self._expanded = False

    def show_problem(self, message: str) -> None:
        self._details = message
        self._expanded = False
        self._render()
        self.show()

    def _toggle_details(self, _link: str = "") -> None:
        self._expanded = not self._expanded
        self._render()

    def _render(self) -> None:
        link = self.tr("Hide") if self._expanded else self.tr("Details")
        headline = QCoreApplication.translate("ProblemLine", PROBLEM_HEADLINE)
        text = f"{escape(headline)} <a href='details'>{escape(link)}</a>"
        if self._expanded:
            details = escape(self._details).replace("\n", "<br>")
            text += f"<br><br>{details}"
        self.setText(text)
        self.setToolTip(self._details)


def unheard_keys_summary(combos: Sequence[KeyCombo]) -> str:
    """The keys that only work in Poise, short enough for the live window's default width."""
    if len(combos) > 2:
        names = QCoreApplication.translate("KeysLine", "System-wide keys")
    elif len(combos) == 2 and combos[0].modifiers == combos[1].modifiers:
        names = f"{shown_keys(combos[0])}/{shown_keys(KeyCombo((), combos[1].key))}"
    else:
        names = " ".join(shown_keys(combo) for combo in combos)
    return QCoreApplication.translate("KeysLine", "{keys}: only in Poise").format(keys=names)


def desktop_keys_summary(changed: Mapping[HotkeyAction, str]) -> tuple[str, str]:
    """The keys the desktop bound otherwise than asked: one short line, and the list."""
    if not changed:
        return "", ""
    details = "\n".join(desktop_key_line(action, words) for action, words in changed.items())
    if len(changed) > 1:
        return QCoreApplication.translate("KeysLine", "Some keys as your desktop set them"), details
    [(action, words)] = changed.items()
    if words:
        line = QCoreApplication.translate("KeysLine", "Desktop key {keys}: {action}")
    else:
        line = QCoreApplication.translate("KeysLine", "No key: {action}")
    return line.format(keys=words, action=action.label), details


class KeysLine(QLabel):
    """Which system-wide keys work only in this window, on one line, until "OK"."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("keysLine")
        self.summary = ""
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(self._dismiss)
        self.hide()

    def say(self, combos: Sequence[KeyCombo], why: str, width: int) -> None:
        summary = unheard_keys_summary(combos)
        # The tooltip says why and what to do.
        details = self.tr("{keys}.\nWhy: {why}\nSettings › Shortcuts can choose other keys.")
        self.say_text(summary, details.format(keys=summary, why=why), width)

    def say_text(self, summary: str, details: str, width: int) -> None:
        self.summary = summary
        self.setToolTip(details)
        self.fit(width)
        self.show()

    def fit(self, width: int) -> None:
        # One line, always: shortened with "…" in a narrow window (the tooltip has it all).
        if not self.summary:
            return
        metrics = self.fontMetrics()
        ok = self.tr("OK")
        room = width - metrics.horizontalAdvance(f"  {ok}") - 4
        text = metrics.elidedText(self.summary, Qt.TextElideMode.ElideRight, room)
        self.setText(f"{escape(text)} <a href='dismiss'>{escape(ok)}</a>")

    def _dismiss(self, _link: str = "") -> None:
        self.hide()
