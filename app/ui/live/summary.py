"""The one-screen summary after a meeting: how long, which steps, the cues and how fast
they were acknowledged, the action items, the follow-up date, and what to do next.
"""

from __future__ import annotations

from datetime import date, timedelta
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.domain.meeting_session import CueState, MeetingRecap, format_elapsed


def _seconds(span: timedelta) -> str:
    seconds = span.total_seconds()
    return f"{seconds:.0f} s" if seconds < 90 else format_elapsed(span)


def long_date(day: date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _loop_backs(count: int) -> str:
    if count == 0:
        return ""
    return ", 1 loop-back" if count == 1 else f", {count} loop-backs"


class SummaryWindow(QWidget):
    """Shown when a meeting ends; ``reviewRequested`` is for the review window (issue 6)."""

    reviewRequested = Signal(int)  # noqa: N815 (Qt signal naming) -- meeting id

    def __init__(
        self,
        recap: MeetingRecap,
        *,
        meeting_id: int | None,
        client_name: str,
        meeting_title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("summaryWindow")
        self.setWindowTitle(f"Summary · {client_name} · {APP_NAME}")
        self.meeting_id = meeting_id
        self._review_available = False
        self.recap = recap

        heading = QLabel("Meeting ended")
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        heading.setFont(font)
        who = QLabel(f"{client_name} · {meeting_title}")
        who.setObjectName("muted")
        who.setWordWrap(True)

        facts = QGridLayout()
        facts.setHorizontalSpacing(18)
        facts.setVerticalSpacing(4)
        seen = len(recap.steps_seen)
        acknowledged = recap.acknowledged_cues
        average = recap.average_time_to_acknowledge
        signals_text = (
            f"{len(recap.cues)} · {acknowledged} acknowledged"
            + (f", in {_seconds(average)} on average" if average is not None else "")
            if recap.cues
            else "none"
        )
        follow_up = long_date(recap.follow_up) if recap.follow_up else "not set"
        rows = [
            ("Duration", format_elapsed(recap.duration)),
            ("Steps", f"{seen} of {recap.steps_total} visited{_loop_backs(recap.loop_backs)}"),
            ("Cues", signals_text),
            ("Follow-up", follow_up),
        ]
        self.fact_labels: dict[str, QLabel] = {}
        for row, (name, value) in enumerate(rows):
            label = QLabel(name)
            label.setObjectName("muted")
            shown = QLabel(value)
            shown.setObjectName(f"fact_{name.lower().replace('-', '_')}")
            shown.setWordWrap(True)
            facts.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(shown, row, 1)
            self.fact_labels[name] = shown
        facts.setColumnStretch(1, 1)

        body = QVBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(6)
        body.addWidget(self._section("STEPS"))
        for step, spent in recap.steps_seen:
            body.addWidget(self._line(f"{step.title}", format_elapsed(spent)))
        if recap.cues:
            body.addWidget(self._section("CUES"))
            for cue in recap.cues:
                at = cue.shown_at.astimezone().strftime("%H:%M")
                if cue.state is CueState.ACKNOWLEDGED and cue.time_to_acknowledge is not None:
                    outcome = f"acknowledged in {_seconds(cue.time_to_acknowledge)}"
                else:
                    outcome = "faded unacknowledged"
                body.addWidget(
                    self._line(f"{at}  {cue.cue.label} · from {cue.source.label}", outcome)
                )
        body.addWidget(self._section("ACTION ITEMS"))
        if recap.action_items:
            for item in recap.action_items:
                details = " · ".join(
                    part
                    for part in (item.owner, f"due {item.due:%a %d %b}" if item.due else "")
                    if part
                )
                body.addWidget(self._line(item.text, details))
        else:
            body.addWidget(self._line("None noted", ""))
        if recap.after_steps:
            body.addWidget(self._section("NEXT"))
            for step in recap.after_steps:
                next_line = QLabel(f"<b>{escape(step.title)}</b><br>{escape(step.do)}")
                next_line.setWordWrap(True)
                body.addWidget(next_line)
        body.addStretch(1)
        inner = QWidget()
        inner.setLayout(body)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)

        self.review_button = QPushButton("Open in review")
        self.review_button.setObjectName("openReviewButton")
        self.review_button.setToolTip("Opens once Poise has opened your notes")
        self.review_button.setEnabled(False)
        self.review_button.clicked.connect(lambda: self.reviewRequested.emit(self.meeting_id))
        done = QPushButton("Done")
        done.setObjectName("primaryButton")
        done.setDefault(True)
        done.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)
        buttons.addWidget(done)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(who)
        layout.addLayout(facts)
        layout.addWidget(scroll, 1)
        self.unsaved_line = QLabel()
        self.unsaved_line.setObjectName("problemLine")
        self.unsaved_line.setWordWrap(True)
        self.unsaved_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unsaved_line.hide()
        layout.addWidget(self.unsaved_line)
        layout.addLayout(buttons)
        self.resize(460, 620)

    def enable_review(self) -> None:
        """Issue 6 hook: the review window exists; let the button open it."""
        self._review_available = True
        self._refresh_review_button()

    def set_meeting_id(self, meeting_id: int) -> None:
        """The meeting reached the store after the summary opened."""
        self.meeting_id = meeting_id
        self._refresh_review_button()

    def _refresh_review_button(self) -> None:
        if not self._review_available:
            return
        stored = self.meeting_id is not None
        self.review_button.setEnabled(stored)
        self.review_button.setToolTip(
            "See the whole meeting, notes and timeline"
            if stored
            else "This meeting is not in your notes database"
        )

    def show_unsaved_copy(self, path: Path | None) -> None:
        """The store never took this meeting: say where its notes went instead."""
        if path is None:
            text = (
                "Poise could not write this meeting anywhere. Copy what you need from "
                "this summary before closing it."
            )
        else:
            text = f"Your notes database could not be opened. This meeting is saved in {path}"
        self.unsaved_line.setText(text)
        self.unsaved_line.show()

    @staticmethod
    def _section(text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionLabel")
        label.setContentsMargins(0, 8, 0, 0)
        return label

    @staticmethod
    def _line(text: str, right: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        left = QLabel(text)
        left.setWordWrap(True)
        layout.addWidget(left, 1)
        if right:
            value = QLabel(right)
            value.setObjectName("muted")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            layout.addWidget(value)
        return row
