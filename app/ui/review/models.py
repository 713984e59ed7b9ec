"""Qt item models for the review's lists: meetings, search hits, follow-ups, action items,
note revisions.

Models hold plain records from the store and never query it themselves: the meeting
list asks its owner for the next page through a callback that runs off the GUI thread
(``ReviewContext.run``) and appends the rows when they arrive, so 10,000 meetings open at once
and scroll in pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from html import escape
from typing import Any, ClassVar

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from app.domain.meeting_session import parse_due_date
from app.export.formatting import follow_up_status, format_duration
from app.export.report import ReportEvent, playbook_title
from app.store.api import ActionItemRecord, MeetingSummary, NoteRevisionRecord, SearchHit
from app.translation import QT_TRANSLATE_NOOP
from app.ui.common.rows_list_model import RowsListModel, RowsTableModel
from app.ui.review.local_dates import day_text, short_day_text, short_when_text, when_text

PAGE_SIZE = 200
MEETING_ID_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
RECORD_ROLE = Qt.ItemDataRole.UserRole + 3

OVERDUE_COLOUR = QColor("#b42318")
TODAY_COLOUR = QColor("#b54708")

_Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


def follow_up_label(follow_up: date | None, today: date) -> str:
    status = follow_up_status(follow_up, today)
    if follow_up is None:
        return ""
    if status == "overdue":
        label = QCoreApplication.translate("FollowUpLabel", "⚠ {day} (overdue)")
    elif status == "today":
        label = QCoreApplication.translate("FollowUpLabel", "● {day} (today)")
    else:
        label = "{day}"
    return label.format(day=day_text(follow_up))


def short_follow_up_label(follow_up: date | None, today: date) -> str:
    """For the meeting list's narrow column: the mark first, so it is never cut off."""
    if follow_up is None:
        return ""
    mark = {"overdue": "⚠ ", "today": "● "}.get(follow_up_status(follow_up, today), "")
    return f"{mark}{short_day_text(follow_up)}"


def follow_up_colour(follow_up: date | None, today: date) -> QColor | None:
    status = follow_up_status(follow_up, today)
    return {"overdue": OVERDUE_COLOUR, "today": TODAY_COLOUR}.get(status)


class MeetingListModel(RowsTableModel[MeetingSummary]):
    """All meetings matching the filter, newest first, loaded a page at a time.

    ``page_loader(offset, limit, generation)`` must start loading and later call
    ``add_page(generation, summaries)``; a page for an older filter is dropped.
    """

    COLUMNS = (
        QT_TRANSLATE_NOOP("MeetingListModel", "Date"),
        QT_TRANSLATE_NOOP("MeetingListModel", "Client"),
        QT_TRANSLATE_NOOP("MeetingListModel", "Title"),
        QT_TRANSLATE_NOOP("MeetingListModel", "Playbook"),
        QT_TRANSLATE_NOOP("MeetingListModel", "Duration"),
        QT_TRANSLATE_NOOP("MeetingListModel", "Signals"),
        QT_TRANSLATE_NOOP("MeetingListModel", "Follow-up"),
    )
    page_loaded = Signal(int)  # rows now held

    def __init__(
        self,
        page_loader: Callable[[int, int, int], None],
        today: Callable[[], date] = date.today,
        parent: QObject | None = None,
        *,
        playbook_titles: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._playbook_titles = playbook_titles or {}
        self._load_page = page_loader
        self._today = today
        self._generation = 0
        self._loading = False
        self._exhausted = False

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def loading(self) -> bool:
        return self._loading

    def reset(self) -> None:
        """Forget the rows and start again from the first page (a new filter, a deletion)."""
        self.beginResetModel()
        self._rows = []
        self._generation += 1
        self._loading = False
        self._exhausted = False
        self.endResetModel()
        self._request_page()

    def _request_page(self) -> None:
        if self._loading or self._exhausted:
            return
        self._loading = True
        self._load_page(len(self._rows), PAGE_SIZE, self._generation)

    def add_page(self, generation: int, summaries: Sequence[MeetingSummary]) -> None:
        if generation != self._generation:
            return  # the answer to an older filter: the user has moved on
        self._loading = False
        if len(summaries) < PAGE_SIZE:
            self._exhausted = True
        if summaries:
            first = len(self._rows)
            self.beginInsertRows(_NO_INDEX, first, first + len(summaries) - 1)
            self._rows.extend(summaries)
            self.endInsertRows()
        self.page_loaded.emit(len(self._rows))

    def replace_rows(self, summaries: Sequence[MeetingSummary]) -> None:
        """Fresh values for the rows already shown (after an edit), keeping the scroll."""
        if len(summaries) == len(self._rows):
            self._rows = list(summaries)
            if self._rows:
                last = self.index(len(self._rows) - 1, len(self.COLUMNS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows = list(summaries)
        self._exhausted = len(summaries) % PAGE_SIZE != 0
        self.endResetModel()

    def page_failed(self, generation: int) -> None:
        if generation == self._generation:
            self._loading = False
            self._exhausted = True

    def canFetchMore(self, parent: _Index = _NO_INDEX) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: _Index = _NO_INDEX) -> None:  # noqa: N802
        if not parent.isValid():
            self._request_page()

    def summary(self, row: int) -> MeetingSummary:
        return self.record(row)

    def client_names(self) -> set[str]:
        return {summary.client_name for summary in self._rows}

    def row_of(self, meeting_id: int) -> int:
        for row, summary in enumerate(self._rows):
            if summary.id == meeting_id:
                return row
        return -1

    def shown(self, summary: MeetingSummary, index: _Index, role: int) -> Any:
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(summary, column)
        if role == MEETING_ID_ROLE:
            return summary.id
        if role == RECORD_ROLE:
            return summary
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 6:
            return follow_up_colour(summary.follow_up, self._today())
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 6:
                return follow_up_label(summary.follow_up, self._today())
            if column == 0:
                return when_text(summary.started_at)
            return f"{summary.client_name} — {summary.title}"
        return None

    def _display(self, summary: MeetingSummary, column: int) -> str:
        if column == 0:
            return short_when_text(summary.started_at)
        if column == 1:
            return summary.client_name
        if column == 2:
            return summary.title
        if column == 3:
            return playbook_title(summary.playbook_id, self._playbook_titles)
        if column == 4:
            return format_duration(summary.duration)
        if column == 5:
            return str(summary.signal_count)
        return short_follow_up_label(summary.follow_up, self._today())


def snippet_html(snippet: str) -> str:
    """The store marks matches as [[word]]; shown highlighted, everything else escaped."""
    parts = re.split(r"(\[\[.*?\]\])", snippet)
    out = []
    for part in parts:
        if part.startswith("[[") and part.endswith("]]"):
            out.append(
                "<span style='background-color:#ffe58f; font-weight:600'>"
                f"{escape(part[2:-2])}</span>"
            )
        else:
            out.append(escape(part))
    return "".join(out).replace("\n", " ")


def snippet_plain(snippet: str) -> str:
    return snippet.replace("[[", "").replace("]]", "")


class SearchHitModel(RowsListModel[SearchHit]):
    """Search results, best first; ``HTML_ROLE`` gives the two-line rich text to paint."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.query = ""

    def set_hits(self, query: str, hits: Sequence[SearchHit]) -> None:
        self.query = query
        self.reset_rows(hits)

    def hit(self, row: int) -> SearchHit:
        return self.record(row)

    def shown(self, hit: SearchHit, index: _Index, role: int) -> Any:
        heading = f"{when_text(hit.started_at)} · {hit.client_name}"
        if hit.title:
            heading += f" — {hit.title}"
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{heading}\n{hit.where}: {snippet_plain(hit.snippet)}"
        if role == HTML_ROLE:
            return (
                f"<b>{escape(heading)}</b><br>"
                f"<span style='color:#57606a'>{escape(hit.where)}:</span> "
                f"{snippet_html(hit.snippet)}"
            )
        if role == MEETING_ID_ROLE:
            return hit.meeting_id
        if role == RECORD_ROLE:
            return hit
        return None


class FollowUpModel(RowsTableModel[MeetingSummary]):
    """Open follow-ups across all meetings, oldest date first, overdue and today marked."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("FollowUpModel", "Follow-up"),
        QT_TRANSLATE_NOOP("FollowUpModel", "Meeting"),
    )

    def __init__(self, today: Callable[[], date] = date.today, parent: QObject | None = None):
        super().__init__(parent)
        self._today = today

    def set_rows(self, rows: Sequence[MeetingSummary]) -> None:
        self.reset_rows(rows)

    def summary(self, row: int) -> MeetingSummary:
        return self.record(row)

    def shown(self, summary: MeetingSummary, index: _Index, role: int) -> Any:
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return follow_up_label(summary.follow_up, self._today())
            return self._meeting(summary)
        if role == Qt.ItemDataRole.ToolTipRole:
            when = self.tr("Meeting of {when}").format(when=when_text(summary.started_at))
            # The narrow panel may cut the client and title short: the tooltip has them whole.
            return f"{self._meeting(summary)}\n{when}" if column == 1 else when
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return follow_up_colour(summary.follow_up, self._today())
        if role == MEETING_ID_ROLE:
            return summary.id
        return None

    @staticmethod
    def _meeting(summary: MeetingSummary) -> str:
        title = f" — {summary.title}" if summary.title else ""
        return f"{summary.client_name}{title}"


@dataclass(frozen=True, slots=True)
class ActionItemEdit:
    """What the user changed on one action item; ``None`` means unchanged (due: see flag)."""

    item_id: int
    text: str | None = None
    owner: str | None = None
    due: date | None = None
    due_changed: bool = False
    done: bool | None = None


class ActionItemModel(RowsTableModel[ActionItemRecord]):
    """The meeting's action items: tick Done, edit text, owner and due date (YYYY-MM-DD)."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("ActionItemModel", "Done"),
        QT_TRANSLATE_NOOP("ActionItemModel", "Action"),
        QT_TRANSLATE_NOOP("ActionItemModel", "Owner"),
        QT_TRANSLATE_NOOP("ActionItemModel", "Due"),
    )
    edited = Signal(object)  # ActionItemEdit, for the page to save off the GUI thread

    def __init__(self, today: Callable[[], date] = date.today, parent: QObject | None = None):
        super().__init__(parent)
        self._today = today

    def set_items(self, items: Sequence[ActionItemRecord]) -> None:
        self.reset_rows(items)

    def items(self) -> list[ActionItemRecord]:
        return list(self._rows)

    def item(self, row: int) -> ActionItemRecord:
        return self.record(row)

    def replace(self, record: ActionItemRecord) -> None:
        for row, item in enumerate(self._rows):
            if item.id == record.id:
                self._rows[row] = record
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))
                return

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == 0:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def shown(self, item: ActionItemRecord, index: _Index, role: int) -> Any:
        column = index.column()
        if column == 0 and role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.DisplayRole:
            return ("", item.text, item.owner, day_text(item.due) if item.due else "")[column]
        if role == Qt.ItemDataRole.EditRole:
            return ("", item.text, item.owner, item.due.isoformat() if item.due else "")[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and not item.done:
            return follow_up_colour(item.due, self._today())
        if role == Qt.ItemDataRole.FontRole and item.done and column == 1:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def setData(  # noqa: N802
        self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if not index.isValid():
            return False
        item = self._rows[index.row()]
        column = index.column()
        edit: ActionItemEdit | None = None
        if column == 0 and role == Qt.ItemDataRole.CheckStateRole:
            done = Qt.CheckState(value) == Qt.CheckState.Checked
            edit = ActionItemEdit(item.id, done=done)
            updated = _replace(item, done=done)
        elif column in (1, 2) and role == Qt.ItemDataRole.EditRole:
            text = str(value).strip()
            if column == 1 and not text:
                return False  # an action item needs words
            if column == 1:
                edit, updated = ActionItemEdit(item.id, text=text), _replace(item, text=text)
            else:
                edit, updated = ActionItemEdit(item.id, owner=text), _replace(item, owner=text)
        elif column == 3 and role == Qt.ItemDataRole.EditRole:
            raw = str(value).strip()
            try:
                due = parse_due_date(raw, self._today())
            except ValueError:
                return False
            edit = ActionItemEdit(item.id, due=due, due_changed=True)
            updated = _replace(item, due=due)
        else:
            return False
        self._rows[index.row()] = updated
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 3))
        self.edited.emit(edit)
        return True


def _replace(item: ActionItemRecord, **changes: Any) -> ActionItemRecord:
    return replace(item, **changes)


class TimelineModel(RowsListModel[ReportEvent]):
    """The meeting's steps, signals, stamped lines and the partner's observations in time
    order, as the exports list them."""

    _MARKS: ClassVar[dict[str, str]] = {
        "step": "▸",
        "signal": "●",
        "stamp": "✎",
        "flag": "⚑",
        "observation": "◇",
    }
    _COLOURS: ClassVar[dict[str, QColor]] = {
        "signal": QColor("#b42318"),
        "step": QColor("#2f4f6f"),
        "flag": QColor("#b54708"),
        "observation": QColor("#1b7f6e"),
    }

    def set_events(self, events: Sequence[ReportEvent]) -> None:
        self.reset_rows(events)

    def shown(self, event: ReportEvent, index: _Index, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{event.offset:>8}   {self._MARKS.get(event.kind, '')} {event.text}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{event.clock} — {event.text}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._COLOURS.get(event.kind)
        return None


class RevisionModel(RowsListModel[NoteRevisionRecord]):
    """A note field's revisions, newest first: when saved, and how the text began."""

    def set_revisions(self, revisions: Sequence[NoteRevisionRecord]) -> None:
        self.reset_rows(revisions)

    def revision(self, row: int) -> NoteRevisionRecord:
        return self.record(row)

    def shown(self, revision: NoteRevisionRecord, index: _Index, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            first_line = revision.text.strip().splitlines()[0] if revision.text.strip() else ""
            if len(first_line) > 70:
                first_line = first_line[:69] + "…"
            saved = when_text(revision.saved_at)
            label = self.tr("{saved} (current)").format(saved=saved) if index.row() == 0 else saved
            return self.tr("{label}: {text}").format(
                label=label, text=first_line or self.tr("(empty)")
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return revision.text
        return None


__all__ = [
    "HTML_ROLE",
    "MEETING_ID_ROLE",
    "PAGE_SIZE",
    "ActionItemEdit",
    "ActionItemModel",
    "FollowUpModel",
    "MeetingListModel",
    "RevisionModel",
    "SearchHitModel",
    "TimelineModel",
]
