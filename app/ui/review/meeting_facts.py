"""The meeting page's facts line: when, how long, how, playbook, partner, signals.

Each fact is one whole translated phrase ("playbook {title}", "3 signals"), so a
language can word it its own way; ``MeetingPage`` shows the line under the heading.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.export.report import MeetingReport
from app.ui.review.local_dates import when_text


def meeting_facts(report: MeetingReport, signals: str) -> str:
    """'Tue 4 Mar 2025, 09:30 · 42 min · in person · playbook Intake · 3 signals'.

    ``signals`` is the count as words ("3 signals"): the page translates it, since
    pyside6-lupdate finds a plural only in ``self.tr``, not in a module's translate."""
    facts = [when_text(report.started_at), report.duration, report.mode]
    if report.playbook:
        facts.append(
            QCoreApplication.translate("MeetingFacts", "playbook {title}").format(
                title=report.playbook
            )
        )
    if report.partner:
        facts.append(
            QCoreApplication.translate("MeetingFacts", "partner {name}").format(name=report.partner)
        )
    facts.append(signals)
    return " · ".join(facts)
