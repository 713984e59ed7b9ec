"""Issue 26's review friction: trends from too few meetings, plurals, follow-ups in words,
window titles, the client page's own count; real widgets on the generated store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.export.formatting import plural
from app.store import Store
from app.ui.review.trends import TrendsChart, trend_points
from app.ui.review.window import ReviewWindow
from tests.meeting_factory import make_meeting

START = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)


def _reddish_pixels(image: QImage) -> int:
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = QColor(image.pixel(x, y))
            if colour.red() > 150 and colour.green() < 110 and colour.blue() < 110:
                count += 1
    return count


def test_trends_draw_nothing_that_looks_like_a_trend_below_three_meetings(
    qtbot: QtBot, store: Store
) -> None:
    ids = [
        make_meeting(
            store.service,
            client_name="Trend Co",
            title=f"m{day}",
            started_at=START + timedelta(days=day),
            minutes=60,
            signals=((5, None), (10, None), (20, None), (30, None)),  # many, never seen: red
        ).meeting_id
        for day in range(3)
    ]
    points = trend_points([store.service.load_meeting(i) for i in ids])
    chart = TrendsChart()
    qtbot.addWidget(chart)
    chart.resize(420, 260)
    chart.set_points(points)
    assert _reddish_pixels(chart.grab().toImage()) > 0  # three: drawn (the check can fail)
    chart.set_points(points[:1])
    image = chart.grab().toImage()
    assert _reddish_pixels(image) == 0
    assert "after 3" in chart.toolTip()


def test_plurals_follow_the_count() -> None:
    assert [plural(n, "signal") for n in (0, 1, 2, 1200)] == [
        "0 signals",
        "1 signal",
        "2 signals",
        "1,200 signals",
    ]


def test_titles_name_poise_once_and_the_client_page_counts_its_own_meetings(
    qtbot: QtBot, review: ReviewWindow
) -> None:
    assert review.windowTitle() == "Review · Poise"
    list_status = review.status.text()
    total = review.meeting_model.summary(0)
    with qtbot.waitSignal(review.meeting_opened, timeout=5000):
        review.open_meeting(total.id)
    assert review.windowTitle().count("Poise") == 1
    assert " signal" in review.meeting_page.facts.text()
    assert "1 signals" not in review.meeting_page.facts.text()
    with qtbot.waitSignal(review.client_shown, timeout=5000):
        review.open_client(review.meeting_page._detail.meeting.client_id)
    assert review.windowTitle() == f"{total.client_name} · Poise"
    shown = len(review.client_page.report.meetings)
    assert review.status.text() == f"{plural(shown, 'meeting')} with {total.client_name}"
    assert review.status.text() != list_status
    review.show_overview()
    assert review.status.text() == list_status
