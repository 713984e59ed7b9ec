"""The review, always right (issue 16): what a new user found wrong, each checked for real.

Names with "&" read as typed; playbooks by their titles everywhere; trends from ended
meetings of some length; the strip's faded cues, flags, short meetings and short steps;
history that does not offer the current text; export folders remembered; readable file
names; the client column; the wheel for the page; the CSV, PDF and calendar contents.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.meeting_terms import FLAG_TEXT, NoteField, SignalSource
from app.export.file_names import export_file_name, safe_stem
from app.export.report import build_report
from app.export.timeline_picture import axis_ticks, step_label, strip_data_from, strip_image
from app.settings import load_settings
from app.store import Store
from app.ui.common.store_client import StoreClient
from app.ui.common.theme import apply_look
from app.ui.review import open_review_window
from app.ui.review.revision_dialog import RevisionDialog
from app.ui.review.trends import trend_points, verdict
from app.ui.review.window import ReviewWindow
from tests.meeting_factory import make_meeting
from tests.review.conftest import TODAY

START = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
TITLES = {"client-lashes-out": "When a client lashes out"}
CLIENT = "Harbor & Finch Logistics"


@pytest.fixture
def harbor(store: Store) -> int:
    return make_meeting(
        store.service,
        client_name=CLIENT,
        title="Missed pallets <again>",
        started_at=START,
        minutes=40,
        signals=((5, 4), (12, None)),
        notes={NoteField.WHAT_THEY_SAY: "Three late deliveries in March"},
        stamps=((3, "They want a named contact"), (9, FLAG_TEXT)),
        actions=(("Send the revised plan", "Sam", date(2025, 3, 14)),),
        follow_up=date(2025, 3, 17),
        playbook_id="client-lashes-out",
    ).meeting_id


@pytest.fixture
def window(qtbot: QtBot, store: Store, harbor: int) -> Iterator[ReviewWindow]:
    review = ReviewWindow(StoreClient(store), today=lambda: TODAY, playbook_titles=TITLES)
    qtbot.addWidget(review)
    review.show()
    qtbot.waitExposed(review)
    qtbot.waitUntil(lambda: review.meeting_model.rowCount() > 0 and not review.context.busy)
    yield review
    review.close()


def _open(qtbot: QtBot, review: ReviewWindow, meeting_id: int) -> None:
    with qtbot.waitSignal(review.meeting_opened, timeout=5000):
        review.open_meeting(meeting_id)


def test_names_with_ampersands_read_as_typed_and_playbooks_by_title(
    qtbot: QtBot, window: ReviewWindow, store: Store, harbor: int
):
    _open(qtbot, window, harbor)
    page = window.meeting_page
    assert page.heading.textFormat() == Qt.TextFormat.PlainText
    assert page.heading.text() == f"Missed pallets <again> — {CLIENT}"
    assert "When a client lashes out" in page.facts.text()
    assert "client-lashes-out" not in page.facts.text()
    assert window.meeting_model.index(0, 3).data() == "When a client lashes out"
    untitled = make_meeting(
        store.service, client_name=CLIENT, title="", started_at=START + timedelta(days=1)
    ).meeting_id
    _open(qtbot, window, untitled)
    assert page.heading.text() == CLIENT
    assert "&amp;" not in page.facts.text()
    # A playbook no longer installed is named by its id.
    assert build_report(store.service.load_meeting(untitled), TITLES).playbook == "upset-client"


def test_trends_count_ended_meetings_of_some_length_per_hour(store: Store):
    def meeting(day: int, minutes: float, signals: tuple[tuple[int, int | None], ...], end=True):
        return make_meeting(
            store.service,
            client_name="Trend Co",
            title=f"m{day}",
            started_at=START + timedelta(days=day),
            minutes=minutes,
            signals=signals,
            end=end,
        ).meeting_id

    ids = [
        meeting(0, 60, ((5, 10), (10, 30), (20, 50), (30, None))),  # 4 per hour
        meeting(1, 0.25, ()),  # 15 seconds: a try
        meeting(2, 30, ((5, 4),), end=False),  # still open
        meeting(3, 120, ((5, 6), (50, 2))),  # 1 per hour
    ]
    points = trend_points([store.service.load_meeting(i) for i in ids])
    assert [p.meeting_id for p in points] == [ids[0], ids[3]]
    assert [p.signals_per_hour for p in points] == [4.0, 1.0]
    assert points[0].median_ack_seconds == 30.0
    assert "Calmer" not in verdict(points) and "after 3" in verdict(points)
    ids.append(meeting(4, 60, ()))
    points = trend_points([store.service.load_meeting(i) for i in ids])
    assert len(points) == 3
    assert verdict(points) == "Signals per hour: 4.0 → 0.0. Calmer lately."


def test_strip_fades_cues_flags_moments_fits_short_meetings_and_labels_steps(store: Store):
    service = store.service
    short = make_meeting(
        service,
        client_name="Quick Ltd",
        title="Fifteen seconds",
        started_at=START,
        minutes=0.25,
        signals=(),
        stamps=(),
        steps=((0, "listen", "Let them speak"),),
    ).meeting_id
    assert axis_ticks(strip_data_from(build_report(service.load_meeting(short))).duration_s) == [
        0.0,
        5.0,
        10.0,
        15.0,
    ]
    assert axis_ticks(3600) == [0.0, 600.0, 1200.0, 1800.0, 2400.0, 3000.0, 3600.0]

    long = make_meeting(
        service,
        client_name="Quick Ltd",
        title="An hour",
        started_at=START,
        minutes=60,
        signals=((10, None),),
        stamps=((5, "A note"), (6, FLAG_TEXT)),
    ).meeting_id
    signal_id = service.record_signal_sent(
        long, "calm", SignalSource.PHONE, START + timedelta(minutes=30)
    )
    service.record_signal_shown(signal_id, START + timedelta(minutes=30, seconds=2))
    data = strip_data_from(build_report(service.load_meeting(long)), fade_seconds=20)
    assert [s.faded_after_s for s in data.signals] == [20.0, 22.0]
    assert [(s.text, s.flagged) for s in data.stamps] == [("A note", False), (FLAG_TEXT, True)]
    metrics = QFontMetrics(QFont("DejaVu Sans", 9))
    assert step_label("Acknowledge the feeling", 2, 8, metrics) == "2"
    assert step_label("Acknowledge the feeling", 2, 400, metrics) == "Acknowledge the feeling"
    assert step_label("Acknowledge the feeling", 2, 60, metrics).endswith("…")


def test_strip_paints_the_faded_bar_only_until_it_faded(qtbot: QtBot, store: Store):
    meeting_id = make_meeting(
        store.service,
        client_name="Quick Ltd",
        title="Faded",
        started_at=START,
        minutes=10,
        signals=((1, None),),
        stamps=(),
    ).meeting_id
    data = strip_data_from(build_report(store.service.load_meeting(meeting_id)), 20)
    image = strip_image(data, 600, QFont("DejaVu Sans", 9))
    # Hatched red well before the fade (sent at 1:00, faded at 1:20) and none after it.
    faded_x = 10 + 580 * (80 / 600)
    row = 43

    def reddish(x: float) -> bool:
        colour = image.pixelColor(int(x), row)
        return colour.red() > colour.green() + 40

    hatched = [reddish(x) for x in range(int(10 + 580 * 61 / 600), int(faded_x) - 1)]
    assert any(hatched)
    assert not any(reddish(x) for x in range(int(faded_x) + 4, 560))


def test_history_does_not_offer_the_current_text(qtbot: QtBot, store: Store, harbor: int):
    service = store.service
    early = START + timedelta(minutes=1)
    service.save_note(harbor, NoteField.REAL_CONCERN, "budget", early)
    service.save_note(harbor, NoteField.REAL_CONCERN, "their boss", early + timedelta(hours=1))
    older = service.note_revisions(harbor, NoteField.REAL_CONCERN)[-1]
    service.restore_revision(older.id, early + timedelta(hours=2))  # "budget" is current again
    revisions = service.note_revisions(harbor, NoteField.REAL_CONCERN)
    assert [r.text for r in revisions][:3] == ["budget", "their boss", "budget"]
    holder = QWidget()
    qtbot.addWidget(holder)
    dialog = RevisionDialog(NoteField.REAL_CONCERN, revisions, holder, current_text="budget")
    assert not dialog.can_restore(0)  # the current version
    assert dialog.can_restore(1)  # "their boss"
    assert not dialog.can_restore(2)  # the same words as now
    dialog.list_view.setCurrentIndex(dialog.model.index(2))
    assert dialog.restore_button.isHidden() and not dialog.same_as_current.isHidden()
    dialog.list_view.setCurrentIndex(dialog.model.index(1))
    assert dialog.restore_button.isEnabled() and dialog.same_as_current.isHidden()


def test_export_folder_is_remembered_across_windows(
    qtbot: QtBot, window: ReviewWindow, store: Store, tmp_path: Path
):
    assert window.export_folders.folder() == Path.home()
    chosen = tmp_path / "exports"
    chosen.mkdir()
    window.export_folders.remember(chosen)
    qtbot.waitUntil(lambda: load_settings().last_export_folder == str(chosen), timeout=5000)
    assert window.meeting_page.export_folders.folder() == chosen
    again = open_review_window(StoreClient(store), TITLES)
    qtbot.addWidget(again)
    assert again.export_folders.folder() == chosen
    again.close()


def test_file_names_keep_the_client_readable_and_safe():
    name = export_file_name(["2025-03-10 Harbor & Finch Logistics", "Missed: pallets?"], "pdf")
    assert name == "2025-03-10 Harbor & Finch Logistics - Missed pallets.pdf"
    assert safe_stem('a/b\\c:d*e?f"g<h>i|j\x07') == "a b c d e f g h i j"
    assert safe_stem("CON") == "meeting" and safe_stem("  ... ") == "meeting"
    assert safe_stem("Ends with a dot.") == "Ends with a dot"


def test_client_column_shows_long_names_and_page_keeps_the_wheel(
    qtbot: QtBot, window: ReviewWindow, store: Store, harbor: int
):
    long_name = "Harbor & Finch Logistics International"
    make_meeting(store.service, client_name=long_name, title="x", started_at=START)
    window.resize(1600, 780)
    window.meeting_model.reset()
    qtbot.waitUntil(lambda: window.meeting_model.rowCount() == 2 and not window.context.busy)
    header = window.meeting_view.horizontalHeader()
    needed = window.meeting_view.fontMetrics().horizontalAdvance(long_name)
    assert header.sectionSize(1) >= needed, [header.sectionSize(c) for c in range(7)]
    assert header.sectionSize(2) >= 100  # the title keeps room

    _open(qtbot, window, harbor)
    page = window.meeting_page
    window.resize(1000, 500)
    editor = page.note_editors[NoteField.WHAT_THEY_SAY].editor
    editor.setPlainText("\n".join(f"line {n}" for n in range(40)))
    qtbot.waitUntil(lambda: page.scroll_area.verticalScrollBar().maximum() > 0)
    page.scroll_area.setFocus()
    bar = page.scroll_area.verticalScrollBar()
    inner = editor.verticalScrollBar()
    before, inner_before = bar.value(), inner.value()

    def wheel_down() -> None:
        spot = QPointF(editor.viewport().rect().center())
        event = QWheelEvent(
            spot,
            QPointF(editor.viewport().mapToGlobal(spot.toPoint())),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(editor.viewport(), event)

    wheel_down()
    assert bar.value() > before and inner.value() == inner_before
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    page_now = bar.value()
    wheel_down()
    assert inner.value() > inner_before and bar.value() == page_now


def test_csv_carries_action_items_and_acknowledge_times(
    qtbot: QtBot, window: ReviewWindow, tmp_path: Path
):
    path = tmp_path / "all.csv"
    with qtbot.waitSignal(window.csv_written, timeout=5000):
        window.export_csv(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1
    row = rows[0]
    assert row["client"] == CLIENT and row["playbook"] == "When a client lashes out"
    assert (row["acknowledged"], row["not_acknowledged"]) == ("1", "1")
    assert row["median_ack_seconds"] == "4" and row["ack_seconds"] == "4"
    assert row["open_action_items"] == "1"
    assert row["action_items"] == "[ ] Send the revised plan (Sam, due 2025-03-14)"


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="needs poppler-utils")
def test_pdf_has_page_numbers_the_title_and_the_strip(
    qtbot: QtBot, window: ReviewWindow, harbor: int, tmp_path: Path
):
    _open(qtbot, window, harbor)
    page = window.meeting_page
    page.note_editors[NoteField.FREE].editor.setPlainText("\n".join(["A long page"] * 140))
    path = tmp_path / "m.pdf"
    page.export("pdf", path)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Harbor & Finch Logistics" in text and "When a client lashes out" in text
    assert "client-lashes-out" not in text
    pages = text.count("\f")
    assert pages >= 2 and f"Page 1 of {pages}" in text and f"Page {pages} of {pages}" in text
    subprocess.run(
        ["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
        check=True,
    )
    image = QImage(str(next(tmp_path.glob("p*.png"))))
    assert image.width() > 800
    red = sum(
        1
        for y in range(image.height() * 2 // 3)
        for x in range(0, image.width(), 2)
        if (c := image.pixelColor(x, y)).red() > 150 and c.red() - c.green() > 80
    )
    assert red > 20, "the strip's signal marks are on the first page"
    listed = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True)
    assert len(listed.stdout.strip().splitlines()) >= 3  # header, rule, the strip


def test_calendar_alarms_ring_the_morning_of_each_date(
    qtbot: QtBot, window: ReviewWindow, harbor: int, tmp_path: Path
):
    _open(qtbot, window, harbor)
    path = tmp_path / "m.ics"
    window.meeting_page.export("ics", path)
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert sorted(e.decoded("DTSTART") for e in events) == [date(2025, 3, 14), date(2025, 3, 17)]
    for event in events:
        alarms = event.walk("VALARM")
        assert len(alarms) == 1
        assert alarms[0]["ACTION"] == "DISPLAY"
        assert alarms[0].decoded("TRIGGER") == timedelta(hours=9)
        assert str(alarms[0]["DESCRIPTION"]) == str(event["SUMMARY"])


@pytest.fixture(params=["light", "dark"])
def look(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    apply_look(qapp, request.param == "dark")
    yield request.param
    apply_look(qapp, False)


def test_screens_of_the_review_in_both_looks(
    qtbot: QtBot, look: str, store: Store, harbor: int, screens_dir: Path
):
    review = ReviewWindow(StoreClient(store), today=lambda: TODAY, playbook_titles=TITLES)
    qtbot.addWidget(review)
    review.resize(1260, 780)
    review.show()
    qtbot.waitExposed(review)
    qtbot.waitUntil(lambda: review.meeting_model.rowCount() > 0 and not review.context.busy)
    review.grab().save(str(screens_dir / f"review-list-{look}.png"))
    _open(qtbot, review, harbor)
    review.grab().save(str(screens_dir / f"review-meeting-{look}.png"))
    review.meeting_page.strip.grab().save(str(screens_dir / f"review-strip-{look}.png"))
    with qtbot.waitSignal(review.client_shown, timeout=5000):
        review.meeting_page.client_button.click()
    review.grab().save(str(screens_dir / f"review-client-{look}.png"))
    recap = review.meeting_page.open_recap()
    assert recap is not None
    qtbot.waitExposed(recap)
    recap.grab().save(str(screens_dir / f"recap-dialog-{look}.png"))
    recap.close()
    review.close()


def test_open_meeting_ended_after_the_page(store: Store):
    """A meeting still open is drawn to its last moment, including a cue not yet faded."""
    meeting_id = make_meeting(
        store.service,
        client_name="Open Co",
        title="Still going",
        started_at=START,
        minutes=5,
        signals=((4, None),),
        stamps=(),
        end=False,
    ).meeting_id
    data = strip_data_from(build_report(store.service.load_meeting(meeting_id)), 20)
    assert data.duration_s == pytest.approx(4 * 60 + 20)


def fake_opener(folder: Path, exit_code: int) -> Path:
    """An ``xdg-open`` that keeps the link it was given, says it to stderr, and exits so."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "xdg-open"
    script.write_text(
        f'#!/bin/sh\nprintf "%s" "$1" > "{folder}/link"\necho "opening $1" >&2\nexit {exit_code}\n'
    )
    script.chmod(0o755)
    return folder / "link"


def test_recap_from_a_meeting_page_opens_in_mail_copies_and_saves_eml(
    qtbot: QtBot,
    window: ReviewWindow,
    harbor: int,
    tmp_path: Path,
    screens_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
):
    import email
    from email import policy
    from urllib.parse import parse_qs, urlsplit

    _open(qtbot, window, harbor)
    page = window.meeting_page
    page.note_editors[NoteField.COMMITMENTS].editor.setPlainText("We call every Friday")
    dialog = page.open_recap()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    body = dialog.body()
    assert "- Three late deliveries in March" in body  # what they said
    assert "- We will call every Friday" in body  # typed a moment ago, not yet saved
    assert "- Send the revised plan (Sam, by Fri 14 Mar 2025)" in body
    assert "I will be back in touch by Mon 17 Mar 2025." in body
    dialog.body_edit.setPlainText(body.replace("Hello,", "Hello Dana,"))
    # No mail program: xdg-open fails, and the dialog says so, with what to do instead.
    link = fake_opener(tmp_path / "failing", 3)
    monkeypatch.setenv("PATH", f"{link.parent}:{os.environ['PATH']}")
    dialog.mail_button.click()
    qtbot.waitUntil(lambda: "Not opened in mail" in dialog.status.text(), timeout=5000)
    assert "Copy" in dialog.status.text() and ".eml" in dialog.status.text()
    assert "Dana" not in capfd.readouterr().err  # the recap's words are printed nowhere
    link = fake_opener(tmp_path / "working", 0)
    monkeypatch.setenv("PATH", f"{link.parent}:{os.environ['PATH']}")
    dialog.mail_button.click()
    qtbot.waitUntil(lambda: "Handed to your mail" in dialog.status.text(), timeout=5000)
    assert "Dana" not in capfd.readouterr().err
    query = parse_qs(urlsplit(link.read_text()).query)
    assert query["body"][0].startswith("Hello Dana,\r\n")
    assert query["subject"] == ["Our meeting on Mon 10 Mar 2025: Missed pallets <again>"]
    dialog.copy_button.click()
    assert QApplication.clipboard().text().startswith("Our meeting on Mon 10 Mar 2025")
    dialog.ask_eml_path = lambda suggested: tmp_path / suggested
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        dialog.eml_button.click()
    path = Path(saved.args[0])
    assert path.name == "Our meeting on Mon 10 Mar 2025 Missed pallets again.eml"
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message.get_content().startswith("Hello Dana,")
    dialog.grab().save(str(screens_dir / "recap-dialog.png"))
    dialog.close()
