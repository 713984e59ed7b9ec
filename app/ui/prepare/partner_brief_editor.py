"""The brief in the prepare dialog: what the named partner watches for (issue 25).

Three parts, all the user's own words once typed: the partner's role in one line (a
default in the user's language until changed), the user's warning signs (ticked from
``WARNING_SIGNS`` plus a few of their own, separated by commas) and what each agreed cue
means (one line per cue row of the dialog, following rows added or removed).

Above them, once the partner's name is settled, one or two lines of what that partner
noticed last time (``show_history``; the flow reads them off the GUI thread). The
section shows only while a partner is named.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.meeting_terms import Cue
from app.domain.partner_watch import (
    MAX_CUE_MEANING_CHARS,
    MAX_ROLE_CHARS,
    WARNING_SIGNS,
    BriefChanges,
    CueMeaning,
    PartnerBrief,
    WarningSign,
    brief_changes,
)
from app.settings import Settings
from app.ui.prepare.cue_rows import CueRow
from app.ui.prepare.wrapping_field import WrappingField


def default_role() -> str:
    """The partner's role as Poise first offers it, in the user's language."""
    return QCoreApplication.translate(
        "PartnerBriefEditor",
        "Keep me calm: watch for my warning signs and send a cue when you see one.",
    )


def own_signs(text: str) -> tuple[str, ...]:
    """The user's own warning signs from one line: separated by commas, each once."""
    signs: list[str] = []
    for part in text.split(","):
        sign = " ".join(part.split())
        if sign and sign.casefold() not in {s.casefold() for s in signs}:
            signs.append(sign)
    return tuple(signs)


def remembering_brief(settings: Settings, brief: PartnerBrief | None) -> Settings:
    """``settings`` that start the next brief from this one (as they were without a brief)."""
    if brief is None:
        return settings
    role = "" if brief.role == default_role() else brief.role
    return replace(settings, last_partner_role=role, last_warning_signs=brief.signs)


class _CueMeaningLine(QWidget):
    """What one cue means: the cue's name (following the row's name) and one line."""

    def __init__(self, row: CueRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.name = QLabel()
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        self.name.setWordWrap(True)
        self.meaning = WrappingField()
        self.meaning.setMaxLength(MAX_CUE_MEANING_CHARS)
        self.meaning.setPlaceholderText(self.tr("When to send it, e.g. when I interrupt"))
        self.name.setBuddy(self.meaning)
        self.prefilled = ""  # words from the last brief, not typed here
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.name)
        layout.addWidget(self.meaning)
        row.label.textChanged.connect(self._follow_name)
        row.words.textChanged.connect(self._follow_name)
        self._follow_name()

    def cue_name(self) -> str:
        return self.row.label.text().strip() or self.row.words.text().strip()[:24]

    def _follow_name(self, _text: str = "") -> None:
        name = self.cue_name() or self.tr("This cue")
        self.name.setText(self.tr("“{cue}” means").format(cue=name))
        self.meaning.setAccessibleName(self.tr("What “{cue}” means").format(cue=name))


class PartnerBriefEditor(QWidget):
    """The brief for the partner; ``brief()`` reads it, ``follow_cue_rows()`` keeps its cues.

    It follows the partner's name field (``follow_partner``): shown while a name is typed,
    ``partnerSettled`` once typing pauses (the flow then reads that partner's history).
    """

    partnerSettled = Signal(str)  # noqa: N815 -- the partner's name, once typing pauses
    SETTLE_DELAY_MS = 350

    def __init__(self, role: str, signs: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnerBrief")
        self._partner = ""
        self.last_brief: PartnerBrief | None = None  # the last one given to history_partner
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(self.SETTLE_DELAY_MS)
        self._settle.timeout.connect(self._partner_settled)
        heading = QLabel(self.tr("WHAT YOUR PARTNER WATCHES FOR"))
        heading.setObjectName("sectionLabel")
        self.history = QLabel()
        self.history.setObjectName("partnerHistory")
        self.history.setTextFormat(Qt.TextFormat.PlainText)
        self.history.setWordWrap(True)
        self.history.hide()
        self.history_partner = ""
        self.history_lines: list[str] = []

        # Wrapped under its label: the default role alone is longer than a line at 200 %.
        self.role = WrappingField(role or default_role())
        self.role.setObjectName("partnerRole")
        self.role.setMaxLength(MAX_ROLE_CHARS)
        self.role.setAccessibleName(self.tr("Your partner's role"))
        self.role.setCursorPosition(0)

        signs_hint = QLabel(self.tr("Your warning signs, for your partner to spot:"))
        signs_hint.setObjectName("muted")
        signs_hint.setWordWrap(True)
        self.sign_boxes: dict[WarningSign, QCheckBox] = {}
        chosen = set(signs)
        for sign, words in WARNING_SIGNS.items():
            box = QCheckBox(QCoreApplication.translate("PartnerWatch", words))
            box.setObjectName(f"sign_{sign.value}")
            box.setChecked(sign.value in chosen)
            self.sign_boxes[sign] = box
        listed = {sign.value for sign in WarningSign}
        self.own = QLineEdit(", ".join(s for s in signs if s not in listed))
        self.own.setObjectName("ownWarningSigns")
        self.own.setPlaceholderText(self.tr("Your own, separated by commas"))
        self.own.setAccessibleName(self.tr("Your own warning signs"))

        self.meanings_box = QVBoxLayout()
        self.meanings_box.setSpacing(6)
        self.meaning_lines: list[_CueMeaningLine] = []

        role_label = QLabel(self.tr("Their role"))
        role_label.setBuddy(self.role)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(self.history)
        layout.addWidget(role_label)
        layout.addWidget(self.role)
        layout.addWidget(signs_hint)
        for box in self.sign_boxes.values():
            layout.addWidget(box)
        layout.addWidget(self.own)
        layout.addLayout(self.meanings_box)

    # -- whom it is for ----------------------------------------------------------------------

    @property
    def partner_name(self) -> str:
        return self._partner

    def follow_partner(self, name_field: QLineEdit) -> None:
        name_field.textChanged.connect(self._partner_typed)
        self._partner_typed(name_field.text())
        if self._partner:
            self._settle.start(0)  # a remembered partner: their history at once

    def _partner_typed(self, text: str) -> None:
        self._partner = text.strip()
        self.setVisible(bool(self._partner))
        self._settle.start()

    def _partner_settled(self) -> None:
        if self._partner.casefold() != self.history_partner.casefold():
            self.show_history(self._partner, [], None)
        if self._partner:
            self.partnerSettled.emit(self._partner)

    def stop_following(self) -> None:
        self._settle.stop()

    # -- the cues' meanings ------------------------------------------------------------------

    def follow_cue_rows(self, rows: Sequence[CueRow]) -> None:
        """One meaning line per cue row, in the rows' order; a kept row keeps its words."""
        kept = {id(line.row): line for line in self.meaning_lines}
        lines: list[_CueMeaningLine] = []
        for row in rows:
            line = kept.pop(id(row), None) or _CueMeaningLine(row, self)
            lines.append(line)
        for gone in kept.values():
            gone.deleteLater()
        for line in lines:
            self.meanings_box.addWidget(line)  # re-adding moves it into the rows' order
        self.meaning_lines = lines

    def set_meanings(self, meanings: dict[str, str]) -> None:
        """Fill the lines still empty from an earlier brief, by cue key."""
        for line in self.meaning_lines:
            said = meanings.get(line.row.original_key, "")
            if said and not line.meaning.text():
                line.meaning.setText(said)
                line.prefilled = said

    def text_fields(self) -> list[QLineEdit | WrappingField]:
        return [self.role, self.own, *(line.meaning for line in self.meaning_lines)]

    def focus_chain(self) -> list[QWidget]:
        """The section's controls in the order Tab reaches them."""
        return [
            self.role,
            *self.sign_boxes.values(),
            self.own,
            *(line.meaning for line in self.meaning_lines),
        ]

    # -- what it says ------------------------------------------------------------------------

    def signs(self) -> tuple[str, ...]:
        picked = [sign.value for sign, box in self.sign_boxes.items() if box.isChecked()]
        return (*picked, *own_signs(self.own.text()))

    def role_text(self) -> str:
        return " ".join(self.role.text().split())

    def typed(self) -> tuple[str, ...]:
        """What the user typed here (words offered from the last brief aside)."""
        meanings = (
            line.meaning.text()
            for line in self.meaning_lines
            if line.meaning.text() != line.prefilled
        )
        return (self.role.text(), *self.signs(), *meanings)

    def brief(self, partner_name: str, cues: Sequence[tuple[CueRow, Cue]]) -> PartnerBrief:
        """The brief as typed, for the cues as the plan holds them."""
        meaning_of = {id(line.row): line.meaning.text().strip() for line in self.meaning_lines}
        return PartnerBrief(
            partner_name=partner_name,
            role=self.role_text(),
            signs=self.signs(),
            cue_meanings=tuple(
                CueMeaning(cue.key, cue.label, meaning_of.get(id(row), "")) for row, cue in cues
            ),
        )

    def changes(self, brief: PartnerBrief) -> BriefChanges | None:
        """What changed since the last brief given to this partner (None: none known)."""
        if brief.partner_name.casefold() != self.history_partner.casefold():
            return None
        return brief_changes(self.last_brief, brief)

    # -- what that partner noticed before -----------------------------------------------------

    def show_history(
        self, partner_name: str, lines: Sequence[str], last_brief: PartnerBrief | None
    ) -> None:
        """What ``partner_name`` noticed before (empty hides it) and the last brief they
        were given; ignored for a name no longer typed."""
        if partner_name.strip().casefold() != self._partner.casefold():
            return
        self.history_partner = partner_name.strip()
        self.history_lines = list(lines)
        self.last_brief = last_brief
        self.history.setText("\n".join(lines))
        self.history.setVisible(bool(lines))
        if last_brief is not None:
            self.set_meanings({c.key: c.meaning for c in last_brief.cue_meanings})


__all__ = ["PartnerBriefEditor", "default_role", "own_signs", "remembering_brief"]
