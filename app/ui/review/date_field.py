"""A date field that Tab leaves while it shows its "no date" text.

Qt's date field keeps every Tab while it shows its special value text ("any date",
"none"): it looks for a day, month or year to move to, and that text has none, so a person
with the keyboard alone is stuck in it. This one passes Tab on to the next control then.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDateEdit, QWidget


class DateField(QDateEdit):
    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 (Qt's names)
        if self.specialValueText() and self.date() == self.minimumDate():
            return QWidget.focusNextPrevChild(self, next)
        return super().focusNextPrevChild(next)
