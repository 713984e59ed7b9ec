"""The partner's record in the review (issue 25): observations on the timeline strip and in
the list, in order among the steps, cues and stamped lines; the debrief beside the meeting;
search hits that say they are the partner's words; the exports marked as the partner's; the
trends' cues and observations per meeting. Real SQLite file, real widgets offscreen."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.domain.partner_watch import DebriefAnswer, Observation, QuickObservation
from app.export.markdown import meeting_markdown
from app.export.pdf import meeting_html
from app.store import Store
from app.ui.review.models import HTML_ROLE
from app.ui.review.trends import trend_points
from app.ui.review.window import ReviewWindow
from tests.meeting_factory import make_meeting

START = datetime(2025, 3, 12, 10, 0, tzinfo=UTC)


def _minutes(n: float) -> datetime:
    return START + timedelta(minutes=n)


def _meeting_with_partner(store: Store) -> int:
    made = make_meeting(
        store.service,
        client_name="Quayside Foods",
        title="Spoiled shipment",
        started_at=START,
        minutes=40,
        signals=((10, 6),),
        stamps=((5, "They want a credit note"), (25, "Calmer now")),
    )
    service = store.service
    for message_id, minute, kind, words in (
        ("obs-2", 12, None, "they repeated the pallets story"),
        ("obs-1", 8, QuickObservation.YOU_TENSED_UP, "at the word refund"),
    ):
        seen = Observation(message_id, _minutes(minute), "listen", "Listen", kind, words)
        service.record_observation(made.meeting_id, seen)
    for message_id, minute, question, answer in (
        ("deb-1", 41, "When did they tense up?", "When the refund came up"),
        ("deb-2", 42, "What should you watch for next time?", "Your <b>tone</b>"),
    ):
        answered = DebriefAnswer(message_id, _minutes(minute), question, answer)
        service.record_debrief_answer(made.meeting_id, answered)
    return made.meeting_id


def test_the_meeting_page_shows_the_partners_record_in_order(
    qtbot: QtBot, review: ReviewWindow, filled_store: Store, screens_dir: Path
) -> None:
    meeting_id = _meeting_with_partner(filled_store)
    with qtbot.waitSignal(review.meeting_opened, timeout=5000):
        review.open_meeting(meeting_id)
    page = review.meeting_page
    rows = [page.timeline_model.index(r).data() for r in range(page.timeline_model.rowCount())]
    mine = [row for row in rows if "✎" in row or "◇" in row]
    assert [row.strip().split("   ", 1)[1] for row in mine] == [
        "✎ They want a credit note",
        "◇ Your partner noticed: You tensed up — at the word refund",
        "◇ Your partner noticed: they repeated the pallets story",
        "✎ Calmer now",
    ]
    signal_row = next(index for index, row in enumerate(rows) if "Signal" in row)
    assert rows.index(next(row for row in rows if "tensed" in row)) < signal_row
    partner_marks = [stamp for stamp in page.strip.data().stamps if stamp.partner]
    assert [round(stamp.at_s / 60) for stamp in partner_marks] == [8, 12]
    x = page.strip.x_at(12 * 60)
    assert page.strip.describe_at(x, 66).endswith(
        "Your partner noticed: they repeated the pallets story"
    )
    assert "2 observations by your partner" in page.strip.accessibleDescription()
    assert page.debrief_panel.isVisible()
    assert page.debrief_panel.answers == ["When the refund came up", "Your <b>tone</b>"]
    shown = [label.text() for label in page.debrief_panel.findChildren(QLabel)]
    assert "Your partner’s debrief" in shown and "When did they tense up?" in shown
    review.grab().save(str(screens_dir / "review-partner-record.png"))
    page.strip.grab().save(str(screens_dir / "review-partner-strip.png"))

    # A meeting without a partner's record shows no debrief heading at all.
    other = review.meeting_model.summary(0).id
    with qtbot.waitSignal(review.meeting_opened, timeout=5000):
        review.open_meeting(other if other != meeting_id else review.meeting_model.summary(1).id)
    assert not page.debrief_panel.isVisible() and page.debrief_panel.answers == []


def test_search_finds_the_partners_words_and_says_so(
    qtbot: QtBot, review: ReviewWindow, filled_store: Store
) -> None:
    meeting_id = _meeting_with_partner(filled_store)
    with qtbot.waitSignal(review.search.results, timeout=5000) as blocker:
        qtbot.keyClicks(review.search_box, "pallets story")
    hits = blocker.args[1]
    assert [(hit.meeting_id, hit.where) for hit in hits] == [(meeting_id, "Partner's observation")]
    assert "Partner&#x27;s observation:" in review.search_model.index(0).data(HTML_ROLE)
    review.search_box.clear()
    with qtbot.waitSignal(review.search.results, timeout=5000) as blocker:
        qtbot.keyClicks(review.search_box, "refund came")
    assert [hit.where for hit in blocker.args[1]] == ["Partner's debrief"]


def test_the_exports_carry_the_partners_record_marked_as_theirs(
    qtbot: QtBot, review: ReviewWindow, filled_store: Store, tmp_path: Path
) -> None:
    meeting_id = _meeting_with_partner(filled_store)
    with qtbot.waitSignal(review.meeting_opened, timeout=5000):
        review.open_meeting(meeting_id)
    report = review.meeting_page.report
    assert report is not None
    text = meeting_markdown(report)
    timeline = text.split("## Timeline", 1)[1].split("##", 1)[0]
    assert timeline.index("credit note") < timeline.index("Your partner noticed: You tensed up")
    assert timeline.index("pallets story") < timeline.index("Calmer now")
    debrief = text.split("## Your partner’s debrief", 1)[1]
    assert "- **When did they tense up?** When the refund came up" in debrief
    assert "Your \\<b\\>tone\\</b\\>" in debrief  # the partner's words, never markup
    html = meeting_html(report)
    assert "Your partner noticed: they repeated the pallets story" in html
    assert "Your &lt;b&gt;tone&lt;/b&gt;" in html and "Your partner’s debrief" in html
    review.meeting_page.export("pdf", tmp_path / "m.pdf")
    assert (tmp_path / "m.pdf").read_bytes()[:4] == b"%PDF"

    review.ask_csv_path = lambda name: tmp_path / name
    with qtbot.waitSignal(review.csv_written, timeout=10000) as written:
        review.csv_button.click()
    with Path(written.args[0]).open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["title"]: row for row in csv.DictReader(handle)}
    row = rows["Spoiled shipment"]
    assert row["partner_observations"] == (
        "8:00 You tensed up — at the word refund; 12:00 they repeated the pallets story"
    )
    assert row["partner_debrief"].startswith("When did they tense up? When the refund came up; ")
    others = [r for title, r in rows.items() if title != "Spoiled shipment"]
    assert all(r["partner_observations"] == r["partner_debrief"] == "" for r in others)


def test_trends_count_the_cues_needed_and_the_partners_observations(filled_store: Store) -> None:
    meeting_id = _meeting_with_partner(filled_store)
    [point] = trend_points([filled_store.service.load_meeting(meeting_id)])
    assert (point.signals, point.observations) == (1, 2)
