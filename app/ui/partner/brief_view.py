"""The partner's brief in the partner window: their role, the signs to watch for, what
each cue means, and what changed since the last brief, as the phone page shows it.

Shown by itself when a new or changed brief arrives, over the cues until the partner
closes it ("Got it", Enter or Esc), and opened again with one press of the window's Brief button.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.partner_watch import BriefChanges, PartnerBrief

_STYLE = """
#briefView QLabel { color: #b0b5bd; }
#briefView QLabel#briefHeading { color: #c4c8ce; font-size: 14pt; font-weight: 600; }
#briefView QLabel#briefPart { color: #6b7078; font-size: 9pt; font-weight: 600; }
#briefView QLabel#briefChanged, #briefView QLabel#briefRemoved { color: #b8a27a; }
#briefView QPushButton#briefClose {
    background: #14201a; color: #b3cdbd; border: 1px solid #2c3f35; border-radius: 8px;
    font-weight: 600; min-height: 40px;
}
#briefView QPushButton#briefClose:focus { border-color: #5b8a70; }
"""
_MARK = '<span style="color:#d8bf8a; font-size:8pt; font-weight:600;">&nbsp;{}</span>'


class BriefView(QFrame):
    """The brief, read-only; emits ``closed`` when the partner has read it."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("briefView")
        self.setStyleSheet(_STYLE)
        self.brief: PartnerBrief | None = None
        self.heading = QLabel(self.tr("Your brief"))
        self.heading.setObjectName("briefHeading")
        self.changed_line = self._line("briefChanged")
        self.changed_line.setText(self.tr("Changed since last time: marked below."))
        self.role_part = self._part(self.tr("Your role"))
        self.role_line = self._line("briefRole")
        self.signs_part = self._part(self.tr("Watch for"))
        self.signs_list = self._line("briefSigns")
        self.removed_line = self._line("briefRemoved")
        self.cues_part = self._part(self.tr("What each cue means"))
        self.cues_list = self._line("briefCues")
        self.close_button = QPushButton(self.tr("Got it"))
        self.close_button.setObjectName("briefClose")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.close_button.clicked.connect(self._close)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.changed_line)
        for part, lines in (
            (self.role_part, (self.role_line,)),
            (self.signs_part, (self.signs_list, self.removed_line)),
            (self.cues_part, (self.cues_list,)),
        ):
            layout.addSpacing(8)
            layout.addWidget(part)
            for line in lines:
                layout.addWidget(line)
        layout.addStretch(1)
        layout.addWidget(self.close_button)

    def show_brief(self, brief: PartnerBrief, changes: BriefChanges | None) -> None:
        """Fills the view; a change is marked where it is ("new", "changed")."""
        self.brief = brief
        self.changed_line.setVisible(changes is not None and changes.any)
        new = escape(self.tr("new"))
        changed = escape(self.tr("changed"))
        role_mark = _MARK.format(changed) if changes and changes.role_changed else ""
        self.role_line.setText(escape(brief.role) + role_mark)
        self.role_part.setVisible(bool(brief.role))
        self.role_line.setVisible(bool(brief.role))
        added = set(changes.signs_added) if changes else set()
        signs = [
            "\u2022 " + escape(sign) + (_MARK.format(new) if sign in added else "")
            for sign in brief.signs
        ]
        self.signs_list.setText("<br>".join(signs))
        removed = changes.signs_removed if changes else ()
        self.removed_line.setText(
            escape(self.tr("No longer on the list: {signs}").format(signs=", ".join(removed)))
        )
        self.removed_line.setVisible(bool(removed))
        self.signs_part.setVisible(bool(signs or removed))
        self.signs_list.setVisible(bool(signs))
        cues_changed = set(changes.cues_changed) if changes else set()
        meanings = [
            f"<b>{escape(cue.label or cue.key)}</b>"
            + (_MARK.format(changed) if cue.key in cues_changed else "")
            + f"<br>{escape(cue.meaning)}"
            for cue in brief.cue_meanings
            if cue.meaning
        ]
        self.cues_list.setText("<br><br>".join(meanings))
        self.cues_part.setVisible(bool(meanings))
        self.cues_list.setVisible(bool(meanings))

    def _part(self, title: str) -> QLabel:
        label = QLabel(title.upper())
        label.setObjectName("briefPart")
        return label

    def _line(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        return label

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        # Read it, then Enter or Esc: back to the cues, as "Got it" does.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self._close()
        else:
            super().keyPressEvent(event)

    def _close(self) -> None:
        self.hide()
        self.closed.emit()
