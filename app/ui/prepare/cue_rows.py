"""One agreed cue in the prepare dialog: its short name, the words shown and how it looks.
The name and the words each take a line of their own (the words wrap), how it looks and
Remove a line under them: all of it whole at any text size.

The suggested cues offered by "+ Add a cue" are written in the user's language when
added; from then on they are the user's own words (data, kept as typed).
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.meeting_terms import DEFAULT_CUE_WORDS, DEFAULT_CUES, Cue, CueStyle
from app.translation import QT_TRANSLATE_NOOP
from app.ui.prepare.wrapping_field import WrappingField

# Offered when the user adds a second or third cue; each can be reworded.
SUGGESTED_CUES: tuple[tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("CueRow", "Calm down"), DEFAULT_CUE_WORDS),
    (
        QT_TRANSLATE_NOOP("CueRow", "Stop talking, listen"),
        QT_TRANSLATE_NOOP("CueRow", "Stop talking. Let them finish."),
    ),
    (
        QT_TRANSLATE_NOOP("CueRow", "Time to wrap up"),
        QT_TRANSLATE_NOOP("CueRow", "Time to wrap up: agree the next step."),
    ),
)
_STYLE_LABELS = {
    CueStyle.GLOW: QT_TRANSLATE_NOOP("CueRow", "Soft edge glow"),
    CueStyle.BANNER: QT_TRANSLATE_NOOP("CueRow", "Calm band only"),
}


def suggested_cue(used: set[str]) -> tuple[str, str]:
    """The first suggestion whose name (casefolded, in the user's language) is not in ``used``."""
    for label, words in SUGGESTED_CUES:
        shown = QCoreApplication.translate("CueRow", label)
        if shown.casefold() not in used and label.casefold() not in used:
            return shown, QCoreApplication.translate("CueRow", words)
    return QCoreApplication.translate("CueRow", "Cue"), ""


def in_users_language(cue: Cue) -> Cue:
    """A cue as Poise first offers it, untouched, in the user's language (same wire key);
    any cue the user has written or changed is theirs and stays as it is."""
    if cue not in DEFAULT_CUES:
        return cue
    label = QCoreApplication.translate("CueRow", cue.label)
    return replace(cue, label=label, words=QCoreApplication.translate("CueRow", cue.words))


# DEFAULT_CUE_WORDS, the first suggestion's words, for pyside6-lupdate to find.
QT_TRANSLATE_NOOP("CueRow", "Breathe. Listen. Don't defend.")


def cue_key(label: str, taken: set[str]) -> str:
    """A short stable wire key for a cue label, unique within the meeting."""
    base = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:24].strip("-") or "cue"
    key, number = base, 2
    while key in taken:
        key = f"{base}-{number}"
        number += 1
    return key


class CueRow(QFrame):
    """One agreed cue: a short name, the words shown, and how it looks."""

    def __init__(self, cue: Cue, removable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inlineForm")
        self.original_key = cue.key
        self.label = QLineEdit(cue.label)
        self.label.setPlaceholderText(self.tr("Name, e.g. Calm down"))
        self.label.setAccessibleName(self.tr("Cue name"))
        self.words = WrappingField(cue.words)
        self.words.setPlaceholderText(self.tr("Words the cue shows"))
        self.words.setAccessibleName(self.tr("Cue words"))
        self.style_picker = QComboBox()
        for style, text in _STYLE_LABELS.items():
            self.style_picker.addItem(QCoreApplication.translate("CueRow", text), style)
        self.style_picker.setCurrentIndex(list(_STYLE_LABELS).index(cue.style))
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setVisible(removable)
        # The name and the words each have the row's whole width (a Remove button beside
        # the name once squeezed it to "king, listen"); how it looks and Remove go under.
        foot = QHBoxLayout()
        foot.addWidget(self.style_picker)
        foot.addStretch(1)
        foot.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.words)
        layout.addLayout(foot)

    def value(self, taken: set[str]) -> Cue | None:
        words = self.words.text().strip()
        if not words:
            return None
        label = self.label.text().strip() or words[:24]
        # A remembered cue keeps its wire key, so a partner's saved buttons still match.
        key = self.original_key if self.original_key and self.original_key not in taken else ""
        key = key or cue_key(label, taken)
        return Cue(key, label, words, CueStyle(self.style_picker.currentData()))


__all__ = ["SUGGESTED_CUES", "CueRow", "cue_key", "in_users_language", "suggested_cue"]
