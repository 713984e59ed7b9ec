"""The review window's filter bar: the search box, the client and date filters, two buttons.

It owns the widgets and what they mean (``filters()`` for the store's meeting queries);
``ReviewWindow`` wires their signals, since what a change sets off is the window's business.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.store.api import ClientRecord
from app.ui.review.date_field import DateField
from app.ui.review.filter_dates import FIRST_FILTER_DATE, day_start
from app.ui.review.local_dates import short_day_pattern


def _date_filter(name: str) -> QDateEdit:
    edit = DateField()
    edit.setObjectName(f"{name.lower()}Filter")
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(short_day_pattern())
    edit.setMinimumDate(FIRST_FILTER_DATE)
    edit.setSpecialValueText(QCoreApplication.translate("ReviewFilterBar", "any date"))
    edit.setDate(FIRST_FILTER_DATE)
    edit.setMinimumWidth(118)
    return edit


class ReviewFilterBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(self.tr("Search all notes… (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.client_filter = QComboBox()
        self.client_filter.setObjectName("clientFilter")
        self.client_filter.addItem(self.tr("All clients"), None)
        self.client_filter.setMinimumWidth(170)
        self.since_edit = _date_filter("From")
        self.until_edit = _date_filter("To")
        self.client_button = QPushButton(self.tr("Client page"))
        self.client_button.setObjectName("openClientPage")
        self.client_button.setToolTip(
            self.tr("Every meeting with the chosen client (or the selected meeting's client)")
        )
        self.csv_button = QPushButton(self.tr("Export list to CSV…"))
        self.csv_button.setToolTip(self.tr("Every meeting matching the filter, one row each"))
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(8)
        search_label = QLabel(self.tr("&Search:"))
        search_label.setBuddy(self.search_box)
        bar.addWidget(search_label)
        bar.addWidget(self.search_box, 3)
        client_label = QLabel(self.tr("&Client:"))
        client_label.setBuddy(self.client_filter)
        bar.addWidget(client_label)
        bar.addWidget(self.client_filter, 1)
        for text, edit in (
            (self.tr("F&rom:"), self.since_edit),
            (self.tr("&To:"), self.until_edit),
        ):
            label = QLabel(text)
            label.setBuddy(edit)
            bar.addWidget(label)
            bar.addWidget(edit)
        bar.addWidget(self.client_button)
        bar.addWidget(self.csv_button)

    def filters(self) -> dict[str, Any]:
        """The keyword filters for ``list_meetings``/``count_meetings``, from the widgets."""
        since = day_start(self.since_edit.date())
        until = day_start(self.until_edit.date(), next_day=True)
        return {"client_id": self.client_filter.currentData(), "since": since, "until": until}

    def set_date_range(self, since: date | None, until: date | None) -> None:
        for edit, day in ((self.since_edit, since), (self.until_edit, until)):
            edit.setDate(QDate(day.year, day.month, day.day) if day else FIRST_FILTER_DATE)

    def set_clients(self, clients: list[ClientRecord]) -> None:
        """Fill the client filter by name, keeping the chosen client, without a change signal."""
        current = self.client_filter.currentData()
        self.client_filter.blockSignals(True)
        self.client_filter.clear()
        self.client_filter.addItem(self.tr("All clients"), None)
        for client in sorted(clients, key=lambda c: c.name.casefold()):
            self.client_filter.addItem(self._client_label(client), client.id)
        found = self.client_filter.findData(current)
        self.client_filter.setCurrentIndex(max(0, found))
        self.client_filter.blockSignals(False)

    def _client_label(self, client: ClientRecord) -> str:
        """A colleague's shared client says whose it is, beside one's own of the same name."""
        if not client.shared_by:
            return client.name
        return self.tr("{client} · shared by {owner}").format(
            client=client.name, owner=client.shared_by
        )

    def client_id_named(self, name: str) -> int | None:
        found = self.client_filter.findText(name, Qt.MatchFlag.MatchFixedString)
        return self.client_filter.itemData(found) if found >= 0 else None
