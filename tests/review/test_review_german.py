"""The review in German: with the German translators installed, the overview, a meeting
page, the client page, the search results and the trends show German words only and
German dates, and nothing is squeezed or cut off at the window's default size.

"English" here is every source string of the review's .ts whose German differs: a shown
text that reads as one of them (its placeholders filled with anything) fails the test.
Names and data (clients, titles, notes) are allowed; the strings other rooms own (the
exports' report texts, the note fields' names) are judged by those rooms' own tests.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import NoteField
from app.resources import translations_dir
from app.store import Store
from app.ui.common.fit_checks import window_fit_problems
from app.ui.common.languages import install_language
from app.ui.review import local_dates
from app.ui.review.trends import verdict
from app.ui.review.window import ReviewWindow
from tests.meeting_factory import GeneratedMeeting, make_meeting
from tests.review.test_meeting_page import _DialogAnswerer

MONTHS = (
    "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
    r"|Jan\.|Feb\.|Apr\.|Aug\.|Sept\.|Okt\.|Nov\.|Dez\."
)
WEEKDAYS = r"(Mo|Di|Mi|Do|Fr|Sa|So)\."
LONG_DAY = re.compile(rf"\b{WEEKDAYS}, \d{{1,2}}\. ({MONTHS}) \d{{4}}(?!\w)")
SHORT_DAY = re.compile(r"\b\d{2}\.\d{2}\.\d{4}\b")
ENGLISH_DATE_WORD = re.compile(
    # German shortens some months alike, with a full stop: "Jan.", "Feb.".
    r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b(?!\.)"
)
# Data of the generated meetings: shown as typed, in any language.
DATA_WITH_ENGLISH_WORDS = ("upset-client",)


def _review_ts(language: str) -> ET.Element:
    return ET.parse(translations_dir() / language / "review.ts").getroot()


def _pattern(source: str) -> re.Pattern[str]:
    """The source as shown: any text in its {placeholders}, any count for %n."""
    parts = re.split(r"(\{\w+\}|%n)", source)
    regex = "".join(
        r"\d[\d.,]*" if part == "%n" else ".+" if part.startswith("{") else re.escape(part)
        for part in parts
    )
    return re.compile(regex, re.DOTALL)


def english_sources() -> list[tuple[str, re.Pattern[str]]]:
    """Every English text of the review that German words differently."""
    english_plurals = {
        (context.findtext("name"), message.findtext("source")): [
            form.text or "" for form in message.iter("numerusform")
        ]
        for context in _review_ts("en")
        for message in context.iter("message")
    }
    found = []
    for context in _review_ts("de"):
        name = context.findtext("name") or ""
        if name == "ReviewDates":
            continue  # date patterns: the dates are judged on their own below
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None and translation.get("type") is None, (name, source)
            german = [form.text or "" for form in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            english = english_plurals.get((name, source), [source])
            for text in english:
                if text not in german:
                    found.append((f"{name}: {text!r}", _pattern(text)))
    return found


def _view_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    for column in range(model.columnCount()):
        yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(), 40)):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                yield str(index.data(role) or "")


def shown_texts(window: QWidget) -> list[tuple[str, str]]:
    """(widget, text) for every text a person sees or hears in the window, now."""
    texts = [("window title", window.windowTitle())]
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        where = widget.objectName() or type(widget).__name__
        own = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QAbstractButton):
            own.append(widget.text())
        if isinstance(widget, QLineEdit):
            own += [widget.text(), widget.placeholderText()]
        if isinstance(widget, QAbstractSpinBox):
            own.append(widget.text())
        if isinstance(widget, QComboBox):
            own += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            own += list(_view_texts(widget))
        texts += [(where, text) for text in own if text]
    if isinstance(window, ReviewWindow):
        texts.append(("status message", window.statusBar().currentMessage()))
    return texts


def english_left(window: QWidget) -> list[str]:
    sources = english_sources()
    left = []
    # The note fields' names and hints are the domain's words, judged by its own tests.
    domain_words = {word for field in NoteField for word in (field.label, field.hint)}
    for where, text in shown_texts(window):
        if text in domain_words:
            continue
        pieces = {text, *text.split(" · "), *text.splitlines()}
        for piece in pieces:
            piece = piece.strip()
            if not piece or piece in DATA_WITH_ENGLISH_WORDS:
                continue
            for name, pattern in sources:
                if pattern.fullmatch(piece):
                    left.append(f"{where} shows {piece!r} ({name})")
        if ENGLISH_DATE_WORD.search(text) and not any(d in text for d in DATA_WITH_ENGLISH_WORDS):
            left.append(f"{where} shows an English date: {text!r}")
    return sorted(set(left))


def assert_all_german(window: QWidget) -> None:
    left = english_left(window)
    assert not left, "\n".join(left)


# Columns that show data as typed (sized by the widest loaded name, or a playbook's id
# where the fixture gives no titles): their cells are not judged, their headings are.
DATA_COLUMNS = {"meetingList": {1, 3}}


def cut_off_columns(window: QWidget) -> list[str]:
    """Table headers, and the cells of the narrow columns, wider than their column."""
    problems = []
    for table in window.findChildren(QTableView):
        if not table.isVisible() or table.model() is None:
            continue
        model, header = table.model(), table.horizontalHeader()
        metrics = header.fontMetrics()
        # Qt's item text keeps the focus frame's margin and a pixel on either side.
        margins = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        for column in range(model.columnCount()):
            heading = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            room = header.sectionSize(column)
            if metrics.horizontalAdvance(heading) + 12 > room:
                problems.append(f"{table.objectName()}: heading {heading!r} in {room} px")
            data = column in DATA_COLUMNS.get(table.objectName(), set())
            if data or header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
                continue  # the wide text column: long data may end in "…", its tooltip whole
            for row in range(min(model.rowCount(), 40)):
                cell = str(model.index(row, column).data() or "")
                if table.fontMetrics().horizontalAdvance(cell) + margins > room:
                    problems.append(f"{table.objectName()}: {cell!r} in {room} px")
    return problems


def assert_fits(window: QWidget) -> None:
    problems = window_fit_problems(window) + cut_off_columns(window)
    assert not problems, "\n".join(problems)


@pytest.fixture
def german(qapp: object) -> Iterator[None]:
    language = install_language("de")
    assert (language.code, language.problem) == ("de", "")
    yield
    language.uninstall()


@pytest.fixture
def german_review(german: None, review: ReviewWindow) -> ReviewWindow:
    """The review window made after German was installed, as the app makes it."""
    return review


def _idle(window: ReviewWindow) -> bool:
    return not window.context.busy and not window.search.searching


def open_a_meeting_with_a_follow_up(
    qtbot: QtBot, review: ReviewWindow, meetings: list[GeneratedMeeting]
) -> GeneratedMeeting:
    """The newest meeting with a follow-up date (and so an action item), opened."""
    chosen = next(m for m in reversed(meetings) if m.follow_up is not None)
    with qtbot.waitSignal(review.meeting_opened, timeout=5000):
        review.open_meeting(chosen.meeting_id)
    return chosen


def test_the_overview_speaks_german_with_german_dates(
    qtbot: QtBot, german_review: ReviewWindow, meetings: list[GeneratedMeeting], screens_dir: Path
) -> None:
    review = german_review
    qtbot.waitUntil(lambda: review.follow_up_model.rowCount() > 0 and _idle(review))
    assert review.windowTitle() == "Rückblick · Poise"
    assert review.status.text() == f"{len(meetings)} Besprechungen"
    headings = [review.meeting_model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headings == ["Datum", "Kunde", "Titel", "Leitfaden", "Dauer", "Signale", "Wiedervorlage"]
    assert re.fullmatch(r"\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}", review.meeting_model.index(0, 0).data())
    follow_ups = [review.follow_up_model.index(r, 0).data() for r in range(3)]
    assert all(LONG_DAY.search(text) for text in follow_ups), follow_ups
    assert review.since_edit.text() == "beliebig"
    assert review.follow_up_title.text().startswith("Offene Wiedervorlagen: ")
    review.grab().save(str(screens_dir / "review-de-overview.png"))
    assert_all_german(review)
    assert_fits(review)


def test_a_meeting_page_speaks_german_with_german_dates(
    qtbot: QtBot, german_review: ReviewWindow, meetings: list[GeneratedMeeting], screens_dir: Path
) -> None:
    review = german_review
    open_a_meeting_with_a_follow_up(qtbot, review, meetings)
    page = review.meeting_page
    qtbot.waitUntil(lambda: _idle(review))
    assert LONG_DAY.match(page.facts.text()), page.facts.text()
    assert re.search(r"· \d+ Signale?$", page.facts.text()), page.facts.text()
    assert LONG_DAY.fullmatch(page.follow_up_edit.text()), page.follow_up_edit.text()
    assert page.back_button.text() == "← Alle Besprechungen"
    assert "Schritt" in page.strip.accessibleDescription()
    due = [page.action_model.index(r, 3).data() for r in range(page.action_model.rowCount())]
    assert all(LONG_DAY.fullmatch(text) for text in due if text), due
    review.grab().save(str(screens_dir / "review-de-meeting.png"))
    assert_all_german(review)
    assert_fits(review)
    # Scrolled down: the notes, the action items and the timeline list.
    page.scroll_area.verticalScrollBar().setValue(page.scroll_area.verticalScrollBar().maximum())
    review.grab().save(str(screens_dir / "review-de-meeting-lower.png"))


def test_the_client_page_speaks_german_with_german_dates(
    qtbot: QtBot, german_review: ReviewWindow, meetings: list[GeneratedMeeting], screens_dir: Path
) -> None:
    review = german_review
    chosen = open_a_meeting_with_a_follow_up(qtbot, review, meetings)
    with qtbot.waitSignal(review.client_shown, timeout=5000):
        review.meeting_page.client_button.click()
    page = review.client_page
    count = sum(1 for m in meetings if m.client_name == chosen.client_name)
    assert page.overview.text().startswith(f"{count} Besprechung")
    assert review.status.text() == f"{count} Besprechungen mit {chosen.client_name}"
    days = [page.meeting_model.index(r, 0).data() for r in range(page.meeting_model.rowCount())]
    assert days and all(LONG_DAY.fullmatch(day) for day in days), days
    review.grab().save(str(screens_dir / "review-de-client.png"))
    assert_all_german(review)
    assert_fits(review)


def test_search_results_speak_german(
    qtbot: QtBot, german_review: ReviewWindow, filled_store: Store, screens_dir: Path
) -> None:
    review = german_review
    special = make_meeting(
        filled_store.service,
        client_name="Fjord Analytics",
        title="Dashboard-Einführung",
        started_at=datetime(2025, 3, 4, 9, 30).astimezone(),
        notes={NoteField.NOT_SAYING: "Sie fürchten die Quartalsmarmeladenprüfung"},
    )
    with qtbot.waitSignal(review.search.results, timeout=5000):
        qtbot.keyClicks(review.search_box, "quartalsmarmeladen")
    qtbot.waitUntil(lambda: review.search_model.rowCount() == 1 and _idle(review))
    assert review.search_model.hit(0).meeting_id == special.meeting_id
    assert review.status.text() == "1 Treffer für „quartalsmarmeladen“"
    heading = str(review.search_model.index(0).data()).splitlines()[0]
    assert heading.startswith("Di., 4. März 2025, 09:30 · Fjord Analytics"), heading
    review.grab().save(str(screens_dir / "review-de-search.png"))
    assert_all_german(review)
    assert_fits(review)
    review.search_box.clear()
    qtbot.keyClicks(review.search_box, "zzqqxx")
    qtbot.waitUntil(lambda: review.status.text().startswith("Nichts gefunden"))


def test_trends_speak_german_with_german_numbers_and_days(
    qtbot: QtBot, german_review: ReviewWindow
) -> None:
    review = german_review
    points = review.trends_chart.points()
    assert review.trends_title.text() == (
        f"Entwicklung: letzte {len(points)} Besprechungen, alle Kunden"
    )
    said = review.trends_chart.toolTip()
    assert said.startswith("Signale pro Stunde: ") and said == verdict(points)
    assert re.match(r"Signale pro Stunde: \d+,\d → \d+,\d", said), said
    assert said.endswith(("Zuletzt ruhiger.", "Zuletzt hitziger.", "Etwa gleich.")), said
    # The chart's first and last day, as painted under the panels.
    assert re.fullmatch(r"\d{2}\.\d{2}\.", local_dates.axis_day_text(points[0].started_at))
    assert review.trends_chart.accessibleName() == "Entwicklung über die letzten Besprechungen"


def test_german_dates_are_the_locales_own(german: None) -> None:
    assert local_dates.day_text(date(2026, 12, 7)) == "Mo., 7. Dez. 2026"
    assert local_dates.short_day_text(date(2026, 12, 7)) == "07.12.2026"
    assert local_dates.when_text(datetime(2026, 12, 7, 9, 5)) == "Mo., 7. Dezember 2026, 09:05"


def test_the_history_dialog_and_the_delete_question_speak_german(
    qtbot: QtBot, german_review: ReviewWindow, meetings: list[GeneratedMeeting], screens_dir: Path
) -> None:
    review = german_review
    open_a_meeting_with_a_follow_up(qtbot, review, meetings)
    page = review.meeting_page
    page.note_editors[NoteField.WHAT_THEY_SAY].history_button.click()
    qtbot.waitUntil(lambda: getattr(page, "history_dialog", None) is not None)
    dialog = page.history_dialog
    qtbot.waitExposed(dialog)
    field = NoteField.WHAT_THEY_SAY.label
    assert dialog.windowTitle() == f"Versionen von „{field}“"
    assert "(aktuell)" in str(dialog.model.index(0).data())
    dialog.grab().save(str(screens_dir / "review-de-history.png"))
    assert_all_german(dialog)
    assert_fits(dialog)
    dialog.reject()

    answerer = _DialogAnswerer("Abbrechen")
    page.request_delete()
    qtbot.waitUntil(lambda: bool(answerer.seen), timeout=5000)
    title, text, buttons, default = answerer.seen[0]
    assert title == "Besprechung löschen"
    assert text.startswith("„") and text.endswith("Das lässt sich nicht rückgängig machen.")
    assert (buttons, default) == (["Abbrechen", "Löschen"], "Abbrechen")
    assert page.meeting_id is not None  # cancelled: still there
