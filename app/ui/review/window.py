"""The review window: find any meeting, see what happened, follow up, export, see trends.

The front page lists every meeting (newest first, filtered by client and date range),
searches all notes as the user types, and shows the open follow-ups and the trends.
Opening a meeting shows ``MeetingPage``; the keyboard reaches everything: Ctrl+F
searches, Enter opens, Ctrl+PgUp/PgDown move to the newer/older meeting, Esc goes back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.export.csv_export import write_csv
from app.export.follow_through import ClientReport, client_report
from app.settings import shared_settings
from app.store.api import MeetingDetail, MeetingSummary, NotFound, SearchHit
from app.ui.common.export_folders import ExportFolders
from app.ui.common.store_client import StoreClient
from app.ui.review.client_page import ClientPage
from app.ui.review.context import ReviewContext
from app.ui.review.filter_bar import ReviewFilterBar
from app.ui.review.follow_ups_and_trends import FollowUpsAndTrends
from app.ui.review.meeting_page import MeetingPage
from app.ui.review.meeting_table import MeetingTable
from app.ui.review.models import PAGE_SIZE, MeetingListModel, SearchHitModel
from app.ui.review.search import SearchController
from app.ui.review.search_hit_delegate import HtmlItemDelegate

LIST_PAGE, SEARCH_PAGE = 0, 1


class ReviewWindow(QMainWindow):
    meeting_opened = Signal(int)
    list_refreshed = Signal(int)  # total meetings matching the filter
    follow_ups_refreshed = Signal(int)
    trends_refreshed = Signal(int)
    csv_written = Signal(str, int)  # path, rows
    client_shown = Signal(int)  # client id

    def __init__(
        self,
        client: StoreClient,
        *,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
        playbook_titles: Mapping[str, str] | None = None,
        cue_fade_seconds: float = 20.0,
        export_folder: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewWindow")
        self.playbook_titles = dict(playbook_titles or {})
        self.export_folders = ExportFolders(export_folder, self._save_export_folder)
        self.setWindowTitle(self.tr("Review · {app}").format(app=APP_NAME))
        self.resize(1260, 780)
        self.context = ReviewContext(client, today=today, parent=self)
        self.context.error.connect(self._show_message)
        self._service = self.context.service
        self._today = today
        self._total = 0
        self._nav_view: QAbstractItemView | None = None
        self._opening: int | None = None
        self.ask_csv_path: Callable[[str], Path | None] = self._ask_csv_path

        # Filter bar: its widgets are the window's too, for the keyboard and the tests.
        self.filter_bar = ReviewFilterBar()
        self.search_box = self.filter_bar.search_box
        self.search_box.installEventFilter(self)
        self.client_filter = self.filter_bar.client_filter
        self.since_edit = self.filter_bar.since_edit
        self.until_edit = self.filter_bar.until_edit
        self.client_button = self.filter_bar.client_button
        self.csv_button = self.filter_bar.csv_button

        # Meetings and search results ----------------------------------------------------
        self.meeting_model = MeetingListModel(
            self._load_page, today, self, playbook_titles=self.playbook_titles
        )
        self.meeting_model.page_loaded.connect(self._page_loaded)
        self.meeting_view = MeetingTable(self.meeting_model, self.playbook_titles)
        self.meeting_view.activated.connect(self._open_from_list)

        self.search_model = SearchHitModel(self)
        self.search_view = QListView()
        self.search_view.setObjectName("searchResults")
        self.search_view.setModel(self.search_model)
        self.search_view.setItemDelegate(HtmlItemDelegate(self.search_view))
        self.search_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.search_view.setAlternatingRowColors(True)
        self.search_view.setUniformItemSizes(True)
        self.search_view.activated.connect(self._open_from_search)
        self.results_stack = QStackedWidget()
        self.results_stack.addWidget(self.meeting_view)
        self.results_stack.addWidget(self.search_view)

        # Front page: follow-ups and trends ----------------------------------------------
        side = FollowUpsAndTrends(self.context, today)
        self.follow_ups_and_trends = side
        self.follow_up_model = side.follow_up_model
        self.follow_up_view = side.follow_up_view
        self.follow_up_title = side.follow_up_title
        self.trends_title = side.trends_title
        self.trends_chart = side.trends_chart
        side.follow_up_view.activated.connect(self._open_from_follow_ups)
        side.follow_ups_refreshed.connect(self.follow_ups_refreshed)
        side.trends_refreshed.connect(self.trends_refreshed)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.results_stack)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([880, 380])
        splitter.setChildrenCollapsible(False)

        self.overview = QWidget()
        self.overview.setObjectName("reviewOverview")
        overview_layout = QVBoxLayout(self.overview)
        overview_layout.setContentsMargins(12, 12, 12, 8)
        overview_layout.addWidget(self.filter_bar)
        overview_layout.addWidget(splitter, 1)

        self.meeting_page = MeetingPage(
            self.context,
            playbook_titles=self.playbook_titles,
            cue_fade_seconds=cue_fade_seconds,
            export_folders=self.export_folders,
        )
        self.pages = QStackedWidget()
        self.pages.addWidget(self.overview)
        self.pages.addWidget(self.meeting_page)
        self.client_page = ClientPage(self.context)
        self.pages.addWidget(self.client_page)
        self._client_return: QWidget = self.overview
        self.setCentralWidget(self.pages)
        self.status = QLabel()
        self._list_status = ""  # the list's count, kept while the client page shows its own
        self.status.setObjectName("reviewStatus")
        self.statusBar().addWidget(self.status, 1)

        # Wiring -------------------------------------------------------------------------
        self.search = SearchController(self.context, self)
        self.search.results.connect(self._show_hits)
        self.search.cleared.connect(self._show_list)
        self.search.failed.connect(self._show_message)
        self.search_box.textChanged.connect(self.search.set_query)
        self.search_box.returnPressed.connect(self._search_enter)
        self.client_filter.currentIndexChanged.connect(self._filter_changed)
        self.since_edit.dateChanged.connect(self._filter_changed)
        self.until_edit.dateChanged.connect(self._filter_changed)
        self.csv_button.clicked.connect(self._export_csv_with_dialog)
        self.client_button.clicked.connect(self.open_client_of_selection)
        self.meeting_page.client_requested.connect(self.open_client)
        self.client_page.back_requested.connect(self._back_from_client)
        self.client_page.meeting_requested.connect(self._open_from_client_page)
        self.meeting_page.back_requested.connect(self.show_overview)
        self.meeting_page.step_requested.connect(self.step_meeting)
        self.meeting_page.deleted.connect(self._meeting_deleted)
        self.meeting_page.changed.connect(self._meeting_changed)
        self.meeting_page.message.connect(self._show_message)
        self.meeting_page.exported.connect(self._show_lasting_message)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(800)
        self._refresh_timer.timeout.connect(self._refresh_after_edit)
        # Meetings that end, or change, in other windows while the review is open.
        client.meetingStored.connect(self._meeting_changed_elsewhere)
        client.meetingEnded.connect(self._meeting_changed_elsewhere)
        client.meetingEdited.connect(self._meeting_changed_elsewhere)
        client.meetingDeleted.connect(self._meeting_changed_elsewhere)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)

        self._load_clients()
        self.meeting_model.reset()
        self.refresh_follow_ups()
        self.refresh_trends()
        self.search_box.setFocus()

    # Filters ------------------------------------------------------------------------------
    def filters(self) -> dict[str, Any]:
        """The keyword filters for ``list_meetings``/``count_meetings``, from the widgets."""
        return self.filter_bar.filters()

    def set_date_range(self, since: date | None, until: date | None) -> None:
        self.filter_bar.set_date_range(since, until)

    def _filter_changed(self) -> None:
        self.meeting_model.reset()
        self.refresh_trends()

    def _load_clients(self) -> None:
        self.context.run(self._service.list_clients, self.filter_bar.set_clients)

    # Meeting list -------------------------------------------------------------------------
    def _load_page(self, offset: int, limit: int, generation: int) -> None:
        service = self._service
        filters = self.filters()
        first_page = offset == 0

        def work() -> tuple[list[MeetingSummary], int | None]:
            rows = service.list_meetings(**filters, limit=limit, offset=offset)
            if not first_page:
                return rows, None
            # A short first page is the whole list: no need to count.
            total = len(rows) if len(rows) < limit else service.count_meetings(**filters)
            return rows, total

        def done(result: tuple[list[MeetingSummary], int | None]) -> None:
            rows, total = result
            if generation != self.meeting_model.generation:
                return
            if total is not None:
                self._total = total
            self.meeting_model.add_page(generation, rows)
            if first_page:
                self.list_refreshed.emit(self._total)

        self.context.run(work, done, lambda _: self.meeting_model.page_failed(generation))

    def _page_loaded(self, rows: int) -> None:
        self.meeting_view.fit_client_column()
        if self.results_stack.currentIndex() == LIST_PAGE:
            self._show_list_status()
        if rows and not self.meeting_view.currentIndex().isValid():
            self.meeting_view.setCurrentIndex(self.meeting_model.index(0, 0))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.meeting_view.fit_client_column()

    def _show_list_status(self) -> None:
        total = self._total
        self.status.setText(
            self.tr("%n meeting(s)", "", total) if total else self.tr("No meetings match")
        )

    # Search -------------------------------------------------------------------------------
    def focus_search(self) -> None:
        if self.pages.currentIndex() != 0:
            self.show_overview()
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _search_enter(self) -> None:
        view = self.search_view if self.results_stack.currentIndex() == SEARCH_PAGE else None
        if view is not None and self.search_model.rowCount() and not self.search.searching:
            current = view.currentIndex()
            self._open_from_search(current if current.isValid() else self.search_model.index(0))
        elif self.search.query:
            self.search.run_now()

    def _show_hits(self, query: str, hits: list[SearchHit]) -> None:
        self.search_model.set_hits(query, hits)
        self.results_stack.setCurrentIndex(SEARCH_PAGE)
        if hits:
            self.search_view.setCurrentIndex(self.search_model.index(0))
        count = len(hits)
        if count >= 100:
            found = self.tr("%n+ match(es) for “{query}”", "", count)
        elif count:
            found = self.tr("%n match(es) for “{query}”", "", count)
        else:
            found = self.tr("Nothing found for “{query}”")
        self.status.setText(found.format(query=query))

    def _show_list(self) -> None:
        self.search_model.set_hits("", [])
        self.results_stack.setCurrentIndex(LIST_PAGE)
        self._show_list_status()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Down from the search box walks into the results; Esc clears the search.
        # The event is looked at first: the filter also sees the search box's last events
        # while the window is torn down, when the window's attributes may be gone already.
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and watched is self.search_box
        ):
            if event.key() == Qt.Key.Key_Down:
                view = self._results_view()
                view.setFocus()
                if not view.currentIndex().isValid() and view.model().rowCount():
                    view.setCurrentIndex(view.model().index(0, 0))
                return True
            if event.key() == Qt.Key.Key_Escape and self.search_box.text():
                self.search_box.clear()
                return True
        return super().eventFilter(watched, event)

    def _results_view(self) -> QAbstractItemView:
        if self.results_stack.currentIndex() == SEARCH_PAGE:
            return self.search_view
        return self.meeting_view

    # Opening and stepping -----------------------------------------------------------------
    def _open_from_list(self, index: QModelIndex) -> None:
        if index.isValid():
            self._nav_view = self.meeting_view
            self.open_meeting(self.meeting_model.summary(index.row()).id)

    def _open_from_search(self, index: QModelIndex) -> None:
        if index.isValid():
            self._nav_view = self.search_view
            hit = self.search_model.hit(index.row())
            self.open_meeting(hit.meeting_id, highlight=self.search_model.query)

    def _open_from_follow_ups(self, index: QModelIndex) -> None:
        if index.isValid():
            self._nav_view = self.follow_up_view
            self.open_meeting(self.follow_up_model.summary(index.row()).id)

    def open_meeting(self, meeting_id: int, highlight: str = "") -> None:
        self._opening = meeting_id
        service = self._service

        def done(detail: MeetingDetail) -> None:
            if self._opening != meeting_id:
                return  # the user already asked for another one
            self.meeting_page.show_detail(detail, highlight)
            self.pages.setCurrentWidget(self.meeting_page)
            self.meeting_page.setFocus()
            self.meeting_page.scroll_area.setFocus()
            self._update_step_buttons()
            report = self.meeting_page.report
            if report is not None:
                self.setWindowTitle(self._titled(report.heading))
            self.meeting_opened.emit(meeting_id)

        def failed(error: Exception) -> None:
            if isinstance(error, NotFound):
                self._show_message(self.tr("That meeting was deleted: it is no longer in Poise."))
            else:
                self._show_message(
                    self.tr("Could not open that meeting: {error}").format(error=error)
                )

        self.context.run(lambda: service.load_meeting(meeting_id), done, failed)

    def step_meeting(self, direction: int) -> None:
        """Open the newer (-1) or older (+1) meeting of the list the current one came from."""
        view = self._nav_view or self.meeting_view
        model = view.model()
        row = view.currentIndex().row() + direction
        if row < 0:
            self._show_message(self.tr("This is the first meeting in the list"))
            return
        if row >= model.rowCount():
            if model.canFetchMore(QModelIndex()):
                model.fetchMore(QModelIndex())
            self._show_message(
                self.tr("This is the last meeting loaded") if model.rowCount() else ""
            )
            return
        index = model.index(row, 0)
        view.setCurrentIndex(index)
        if view is self.search_view:
            self._open_from_search(index)
        elif view is self.follow_up_view:
            self._open_from_follow_ups(index)
        else:
            self._open_from_list(index)

    def _update_step_buttons(self) -> None:
        view = self._nav_view or self.meeting_view
        row = view.currentIndex().row()
        self.meeting_page.newer_button.setEnabled(row > 0)
        self.meeting_page.older_button.setEnabled(
            row + 1 < view.model().rowCount() or view.model().canFetchMore(QModelIndex())
        )

    def show_overview(self) -> None:
        self.meeting_page.save_notes()
        self._opening = None
        self.pages.setCurrentWidget(self.overview)
        self.setWindowTitle(self.tr("Review · {app}").format(app=APP_NAME))
        self.status.setText(self._list_status or self.status.text())
        view = self._nav_view or self._results_view()
        if view.isVisible():
            view.setFocus()
        else:
            self.search_box.setFocus()

    # The client page ----------------------------------------------------------------------
    def open_client_of_selection(self) -> None:
        """The client chosen in the filter, else the client of the selected meeting row."""
        client_id = self.client_filter.currentData()
        if client_id is None:
            index = self.meeting_view.currentIndex()
            if self.results_stack.currentIndex() == LIST_PAGE and index.isValid():
                name = self.meeting_model.summary(index.row()).client_name
                client_id = self.filter_bar.client_id_named(name)
        if client_id is None:
            self._show_message(self.tr("Choose a client, or select one of their meetings"))
            return
        self.open_client(client_id)

    def open_client(self, client_id: int) -> None:
        service = self._service
        today = self._today()
        came_from = self.pages.currentWidget()

        def work() -> ClientReport:
            return client_report(service.client_history(client_id), today)

        def done(report: ClientReport) -> None:
            if came_from is not None and came_from is not self.client_page:
                self._client_return = came_from
            self.client_page.show_report(report)
            self.pages.setCurrentWidget(self.client_page)
            self.setWindowTitle(self._titled(report.client_name))
            # The client's count, not the list's: given back by show_overview.
            self._list_status, meetings = self.status.text(), len(report.meetings)
            self.status.setText(
                self.tr("%n meeting(s) with {client}", "", meetings).format(
                    client=report.client_name
                )
            )
            self.client_shown.emit(client_id)

        def failed(error: Exception) -> None:
            self._show_message(self.tr("Could not open that client: {error}").format(error=error))

        self.meeting_page.save_notes()
        self.context.run(work, done, failed)

    def _back_from_client(self) -> None:
        if self._client_return is self.meeting_page and self.meeting_page.meeting_id is not None:
            self.pages.setCurrentWidget(self.meeting_page)
            report = self.meeting_page.report
            if report is not None:
                self.setWindowTitle(self._titled(report.heading))
            self.meeting_page.setFocus()
        else:
            self.show_overview()

    def _open_from_client_page(self, meeting_id: int) -> None:
        self._nav_view = self.meeting_view
        self.open_meeting(meeting_id)

    # Changes from the meeting page --------------------------------------------------------
    def _meeting_changed(self, meeting_id: int) -> None:
        self.context.client.announce_edited(meeting_id)
        self._refresh_timer.start()

    def _meeting_changed_elsewhere(self, _meeting_id: int) -> None:
        # A new meeting may bring a new client; the lists follow after a short pause.
        self._load_clients()
        self._refresh_timer.start()

    def _refresh_after_edit(self) -> None:
        self.refresh_follow_ups()
        self.refresh_trends()
        self._refresh_loaded_rows()
        if self.search.query:
            self.search.run_now()

    def _refresh_loaded_rows(self) -> None:
        # Keep the scroll position: reload the pages already shown, then restore the row.
        keep = max(self.meeting_model.rowCount(), PAGE_SIZE)
        row = self.meeting_view.currentIndex().row()
        service = self._service
        filters = self.filters()
        generation = self.meeting_model.generation

        def done(rows: list[MeetingSummary]) -> None:
            if generation != self.meeting_model.generation:
                return
            self.meeting_model.replace_rows(rows)
            if 0 <= row < len(rows):
                self.meeting_view.setCurrentIndex(self.meeting_model.index(row, 0))

        self.context.run(lambda: service.list_meetings(**filters, limit=keep), done)

    def _meeting_deleted(self, meeting_id: int) -> None:
        self.context.client.announce_deleted(meeting_id)
        self.show_overview()
        self._load_clients()
        self.meeting_model.reset()
        self.refresh_follow_ups()
        self.refresh_trends()
        if self.search.query:
            self.search.run_now()

    def refresh_follow_ups(self) -> None:
        self.follow_ups_and_trends.refresh_follow_ups()

    def refresh_trends(self) -> None:
        self.follow_ups_and_trends.refresh_trends(
            self.client_filter.currentData(), self.client_filter.currentText()
        )

    # CSV ----------------------------------------------------------------------------------
    def _export_csv_with_dialog(self) -> None:
        path = self.ask_csv_path(f"poise-meetings-{self._today():%Y-%m-%d}.csv")
        if path is not None:
            self.export_csv(path)

    def export_csv(self, path: Path) -> None:
        """Every meeting matching the filter, read in pages and written off the GUI thread."""
        service = self._service
        filters = self.filters()

        def work() -> int:
            def every_meeting() -> Any:
                offset = 0
                while True:
                    page = service.list_meetings(**filters, limit=1000, offset=offset)
                    yield from page
                    if len(page) < 1000:
                        return
                    offset += len(page)

            return write_csv(
                path,
                every_meeting(),
                activity=service.meeting_activity,
                playbook_titles=self.playbook_titles,
            )

        def done(count: int) -> None:
            self._show_message(
                self.tr("Saved %n meeting(s) to {path}", "", count).format(path=path)
            )
            self.csv_written.emit(str(path), count)

        def failed(error: Exception) -> None:
            self._show_message(
                self.tr("Could not write {path}: {error}").format(path=path, error=error)
            )

        self.context.run(work, done, failed)

    def _ask_csv_path(self, suggested: str) -> Path | None:
        return self.export_folders.ask_save_path(
            self, self.tr("Export meetings"), suggested, self.tr("CSV (*.csv)")
        )

    def _save_export_folder(self, folder: Path) -> None:
        shared_settings().update(last_export_folder=str(folder))

    # Misc ---------------------------------------------------------------------------------
    def _titled(self, what: str) -> str:
        return self.tr("{what} · {app}").format(what=what, app=APP_NAME)

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def _show_lasting_message(self, text: str) -> None:
        # Where a file went (or why not) may be read long after the save dialog closed.
        self.statusBar().showMessage(text)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.meeting_page.save_notes()
        self.context.close()
        super().closeEvent(event)
