"""Benchmark of the review window with many meetings: does it open and search without lag?

Run: ``QT_QPA_PLATFORM=offscreen python3 bench/review.py [--meetings 10000]``

Two databases are filled in the same run: a small one (the baseline, 100 meetings) and a
large one (10,000 by default). For each, the script measures, in the real window:

- open: from creating the window until the first page of the list is shown;
- search: from the last keystroke of a word typed at typing speed until its results are
  shown (this includes the search debounce), and the query's own time on the worker;
- responsiveness: the longest the GUI thread went without running a 5 ms timer while the
  word was typed and searched, compared with the same measure while idle.

Meetings are written straight through the store's ORM models in one transaction (the
service's one-transaction-per-call would take minutes for 10,000); the search index is
filled by the same database triggers the service relies on. Results are printed with
ratios against the baseline and written to bench/results/review.json. ``--quick``: 300
meetings against 50, one round, to check the bench runs.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy.orm import Session

from app.domain.meeting_terms import DEFAULT_CUES, NoteField
from app.store import Store, open_store
from app.store.models import Client, Meeting, Note, SearchDocument, Signal
from app.ui.common.store_client import StoreClient
from app.ui.review.window import ReviewWindow
from bench.rows import Row, report
from tests.meeting_factory import WORDS as FACTORY_WORDS

TODAY = date(2025, 3, 12)
# The test factory's vocabulary, plus a few words that only the large bench needs.
WORDS = [*FACTORY_WORDS, "roof", "leak", "dashboard", "audit", "schedule"]
SEARCH_WORD = "warehouse"
TYPING_INTERVAL_MS = 70


def bulk_fill(store: Store, count: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    start = datetime.combine(TODAY, datetime.min.time(), tzinfo=UTC) - timedelta(hours=6 * count)
    cues = json.dumps(
        [
            {"key": c.key, "label": c.label, "words": c.words, "style": c.style.value}
            for c in DEFAULT_CUES
        ]
    )
    with Session(store.engine) as session:
        clients = [
            Client(name=f"Client {n:03d}", name_key=f"client {n:03d}", created_at=start)
            for n in range(60)
        ]
        session.add_all(clients)
        session.flush()
        for index in range(count):
            started = start + timedelta(hours=6 * index)
            client = clients[rng.randrange(len(clients))]
            title = f"{rng.choice(WORDS).capitalize()} review #{index}"
            meeting = Meeting(
                client_id=client.id,
                title=title,
                mode="video",
                playbook_id="upset-client",
                playbook_version="1",
                partner_name="Robin",
                cues_json=cues,
                started_at=started,
                ended_at=started + timedelta(minutes=30 + rng.randint(0, 40)),
                follow_up=TODAY + timedelta(days=rng.randint(-5, 9))
                if rng.random() < 0.02
                else None,
            )
            session.add(meeting)
            session.flush()
            text = " ".join(rng.choice(WORDS) for _ in range(40))
            session.add(
                Note(
                    meeting_id=meeting.id,
                    field=NoteField.WHAT_THEY_SAY.value,
                    text=text,
                    updated_at=started,
                )
            )
            for _ in range(rng.randint(0, 4)):
                sent = started + timedelta(minutes=rng.randint(1, 29))
                session.add(
                    Signal(
                        meeting_id=meeting.id,
                        cue_key="calm",
                        source="phone",
                        sent_at=sent,
                        acknowledged_at=sent + timedelta(seconds=rng.randint(2, 30)),
                    )
                )
            session.add_all(
                [
                    SearchDocument(meeting_id=meeting.id, kind="title", ref_key="", body=title),
                    SearchDocument(
                        meeting_id=meeting.id, kind="client", ref_key="", body=client.name
                    ),
                    SearchDocument(
                        meeting_id=meeting.id,
                        kind="note",
                        ref_key=NoteField.WHAT_THEY_SAY.value,
                        body=text,
                    ),
                ]
            )
        session.commit()


def wait_for(signal: Any, timeout_ms: int = 30000) -> list[Any]:
    loop = QEventLoop()
    received: list[Any] = []

    def got(*args: Any) -> None:
        received.extend(args)
        loop.quit()

    signal.connect(got)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(got)
    if not received:
        raise TimeoutError(f"no {signal} within {timeout_ms} ms")
    return received


class GapMeter:
    """The longest pause between ticks of a 5 ms timer: how long the GUI thread was busy."""

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)
        self._clock = QElapsedTimer()
        self.longest_ms = 0.0

    def _tick(self) -> None:
        self.longest_ms = max(self.longest_ms, self._clock.nsecsElapsed() / 1e6)
        self._clock.restart()

    def start(self) -> None:
        self.longest_ms = 0.0
        self._clock.start()
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        return self.longest_ms


def pump(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def measure(count: int, rounds: int) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix=f"poise-bench-{count}-"))
    store = open_store(f"sqlite:///{folder / 'poise.sqlite3'}", synchronous="OFF")
    began = time.perf_counter()
    bulk_fill(store, count)
    fill_s = time.perf_counter() - began
    opens, answers, queries, busy, idle = [], [], [], [], []
    service = store.service
    query_times: list[float] = []

    class TimedService:
        def __getattr__(self, name: str) -> Any:
            return getattr(service, name)

        def search(self, query: str, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return service.search(query, **kwargs)
            finally:
                query_times.append((time.perf_counter() - t0) * 1000)

    @dataclass
    class TimedStore:
        """The open store, its searches timed: what the review's client talks to."""

        location: Any
        service: Any
        writer: Any

        def close(self, timeout: float = 5.0) -> bool:
            return True

    client = StoreClient(TimedStore(store.location, TimedService(), store.writer))
    for _ in range(rounds):
        clock = time.perf_counter()
        window = ReviewWindow(client, today=lambda: TODAY)
        window.show()
        if window.meeting_model.rowCount() == 0:
            wait_for(window.meeting_model.page_loaded)
        opens.append((time.perf_counter() - clock) * 1000)
        while window.context.busy:
            pump(20)

        meter = GapMeter()
        meter.start()
        pump(300)
        idle.append(meter.stop())

        query_times.clear()
        meter.start()
        typed = ""
        for character in SEARCH_WORD:
            typed += character
            window.search_box.setText(typed)
            last_key = time.perf_counter()
            pump(TYPING_INTERVAL_MS)
        if window.search_model.query != SEARCH_WORD:
            while True:
                query, _hits = wait_for(window.search.results)
                if query == SEARCH_WORD:
                    break
        answers.append((time.perf_counter() - last_key) * 1000)
        busy.append(meter.stop())
        queries.append(statistics.median(query_times) if query_times else 0.0)
        assert window.search_model.rowCount() > 0
        window.close()
        window.deleteLater()
        pump(10)
    store.close()
    return {
        "meetings": count,
        "fill_s": fill_s,
        "open_ms": statistics.median(opens),
        "search_answer_ms": statistics.median(answers),
        "search_query_ms": statistics.median(queries),
        "longest_gui_pause_while_searching_ms": max(busy),
        "longest_gui_pause_idle_ms": max(idle),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--baseline", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="300 meetings against 50, 1 round")
    args = parser.parse_args()
    if args.quick:
        args.meetings, args.baseline, args.rounds = 300, 50, 1
    application = QApplication.instance() or QApplication(sys.argv[:1])
    assert application is not None
    measure(args.baseline, 1)  # warm-up: first window, fonts, imports; not counted
    baseline = measure(args.baseline, args.rounds)
    large = measure(args.meetings, args.rounds)
    print(f"{'measure':<42}{'baseline':>12}{'large':>12}{'ratio':>8}")
    for key in baseline:
        if key == "meetings":
            print(f"{key:<42}{baseline[key]:>12,}{large[key]:>12,}")
            continue
        ratio = large[key] / baseline[key] if baseline[key] else float("nan")
        print(f"{key:<42}{baseline[key]:>12.1f}{large[key]:>12.1f}{ratio:>8.2f}")
    report(
        [
            Row(
                f"review.{key}",
                f"review, {args.meetings:,} meetings: {words}",
                large[key],
                "ms",
                baseline[key],
                f"{args.baseline:,} meetings",
            )
            for key, words in (
                ("open_ms", "open"),
                ("search_answer_ms", "search answered"),
                ("longest_gui_pause_while_searching_ms", "longest GUI stall searching"),
            )
        ]
    )
    results = Path(__file__).resolve().parent / "results"
    results.mkdir(exist_ok=True)
    (results / "review.json").write_text(
        json.dumps({"baseline": baseline, "large": large}, indent=2), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
