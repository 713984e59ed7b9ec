"""Benchmark of the meeting store on SQLite: note saves, search, size on disk.

Generates 10,000 meetings with 200,000 note lines (stamped lines plus lines in the
named note fields), then measures, each next to a baseline taken in the same run:

- note save latency (``service.save_note``, one transaction each) against a raw
  sqlite3 INSERT+COMMIT into a WAL file with the same ``synchronous`` setting;
- what a keystroke costs the GUI thread (``writer.save_note``);
- search latency (``service.search``, ranked, with snippets) against a raw FTS5
  MATCH ... ORDER BY rank over the same index;
- the database size per 1,000 meetings, and how long deleting a meeting takes.

Run: ``python3 bench/store.py`` (about a minute on 2 cores); ``--quick``: 300 meetings,
a few saves and queries. The budgets are in bench/budgets.py.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert

from app.domain.meeting_terms import DEFAULT_CUES, NoteField
from app.store import Store, open_store
from app.store.cue_column import cues_to_json
from app.store.models import (
    Client,
    Meeting,
    Note,
    NoteRevision,
    SearchDocument,
    StampedLine,
)
from app.store.search_queries import sqlite_match_expression
from bench.rows import Row, report

START = datetime(2023, 1, 2, 9, 0, tzinfo=UTC)
STAMPS_PER_MEETING = 10
NOTE_LINES_PER_FIELD = 2  # 5 fields x 2 lines + 10 stamped lines = 20 lines per meeting


def vocabulary(randomness: random.Random, size: int = 6000) -> list[str]:
    """Made-up words, ranked by how often they will be used (Zipf-like)."""
    syllables = ["ka", "lo", "mi", "ter", "sun", "vel", "dra", "po", "ne", "shi", "ro", "an"]
    common = [
        "the",
        "they",
        "we",
        "said",
        "not",
        "about",
        "invoice",
        "delivery",
        "late",
        "refund",
        "manager",
        "call",
        "price",
    ]
    made_up: set[str] = set()
    while len(made_up) < size:
        made_up.add("".join(randomness.choice(syllables) for _ in range(randomness.randint(2, 4))))
    return common + sorted(made_up)


class Words:
    def __init__(self, randomness: random.Random) -> None:
        self.randomness = randomness
        self.ranked = vocabulary(randomness)
        weights = [1 / (rank + 1) for rank in range(len(self.ranked))]
        self._pool = randomness.choices(self.ranked, weights=weights, k=400_000)
        self._next = 0

    def line(self, low: int = 6, high: int = 14) -> str:
        count = self.randomness.randint(low, high)
        start = self._next
        self._next = (self._next + count) % (len(self._pool) - high)
        return " ".join(self._pool[start : start + count])


def generate(store: Store, meetings: int, randomness: random.Random) -> int:
    """Bulk-load the data straight into the tables the service uses; returns note lines."""
    words = Words(randomness)
    clients = max(1, meetings // 20)
    lines = 0
    cues = cues_to_json(DEFAULT_CUES)
    with store.engine.begin() as connection:
        connection.execute(
            insert(Client),
            [
                {"id": n + 1, "name": f"Client {n}", "name_key": f"client {n}", "created_at": START}
                for n in range(clients)
            ],
        )
        batch = 500
        for first in range(0, meetings, batch):
            meeting_rows, notes, revisions, stamps, documents = [], [], [], [], []
            for meeting_id in range(first + 1, min(first + batch, meetings) + 1):
                started = START + timedelta(hours=meeting_id * 3)
                title = words.line(2, 5)
                client_id = randomness.randint(1, clients)
                meeting_rows.append(
                    {
                        "id": meeting_id,
                        "client_id": client_id,
                        "title": title,
                        "mode": "in_person",
                        "playbook_id": "de-escalation",
                        "playbook_version": "1",
                        "partner_name": "Sam",
                        "cues_json": cues,
                        "started_at": started,
                        "ended_at": started + timedelta(minutes=40),
                        "follow_up": None,
                    }
                )
                documents.append(_document(meeting_id, "title", "", title))
                documents.append(_document(meeting_id, "client", "", f"Client {client_id - 1}"))
                for field in NoteField:
                    body = "\n".join(words.line() for _ in range(NOTE_LINES_PER_FIELD))
                    lines += NOTE_LINES_PER_FIELD
                    notes.append(
                        {
                            "meeting_id": meeting_id,
                            "field": field.value,
                            "text": body,
                            "updated_at": started,
                        }
                    )
                    revisions.append(
                        {
                            "meeting_id": meeting_id,
                            "field": field.value,
                            "text": body,
                            "started_at": started,
                            "saved_at": started,
                            "sealed": True,
                        }
                    )
                    documents.append(_document(meeting_id, "note", field.value, body))
                for stamp in range(STAMPS_PER_MEETING):
                    stamp_id = (meeting_id - 1) * STAMPS_PER_MEETING + stamp + 1
                    text = words.line()
                    lines += 1
                    stamps.append(
                        {
                            "id": stamp_id,
                            "meeting_id": meeting_id,
                            "text": text,
                            "at": started + timedelta(minutes=stamp * 3),
                            "step_key": "listen",
                        }
                    )
                    documents.append(_document(meeting_id, "stamp", str(stamp_id), text))
            connection.execute(insert(Meeting), meeting_rows)
            connection.execute(insert(Note), notes)
            connection.execute(insert(NoteRevision), revisions)
            connection.execute(insert(StampedLine), stamps)
            connection.execute(insert(SearchDocument), documents)
    return lines


def _document(meeting_id: int, kind: str, ref_key: str, body: str) -> dict[str, object]:
    return {"meeting_id": meeting_id, "kind": kind, "ref_key": ref_key, "body": body}


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def timed(calls: Iterator[Callable[[], object]]) -> list[float]:
    samples = []
    for call in calls:
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


def raw_insert_commit(folder: Path, synchronous: str, count: int) -> list[float]:
    """Baseline: the cheapest durable write SQLite offers, one row per transaction."""
    file = folder / f"baseline-{synchronous}.sqlite3"
    connection = sqlite3.connect(file, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute(f"PRAGMA synchronous = {synchronous}")
    connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
    body = "x" * 200

    def one() -> None:
        connection.execute("BEGIN")
        connection.execute("INSERT INTO t (body) VALUES (?)", (body,))
        connection.execute("COMMIT")

    try:
        return timed(one for _ in range(count))
    finally:
        connection.close()


def note_saves(store: Store, meeting_id: int, count: int) -> list[float]:
    """``service.save_note`` as the writer calls it: a growing text, 1 s between keystrokes."""
    sentence = "They said the delivery was late again and nobody from our side called back. "
    text = (sentence * (count // len(sentence) + 2))[:count]
    return timed(
        (
            lambda typed=typed: store.service.save_note(
                meeting_id, NoteField.WHAT_THEY_SAY, text[:typed], START + timedelta(seconds=typed)
            )
        )
        for typed in range(1, count + 1)
    )


NOTE_SIZES = (1_000, 10_000, 100_000, 1_000_000)


def save_cost_by_size(store: Store, meeting_id: int, keystrokes: int = 20) -> dict[int, float]:
    """Median cost of one save (writer.save_note, then flush) while typing at the end of a
    note of each size: what the writer spends to make one keystroke durable."""
    costs: dict[int, float] = {}
    sentence = "They said the delivery was late again and nobody from our side called back. "
    for number, size in enumerate(NOTE_SIZES):
        note_field = list(NoteField)[number % len(NoteField)]
        text = (sentence * (size // len(sentence) + 1))[:size]
        store.writer.save_note(meeting_id, note_field, text)
        store.writer.flush(60)

        def keystroke(typed: int, text: str = text, note_field: NoteField = note_field) -> None:
            store.writer.save_note(meeting_id, note_field, text + "k" * typed)
            store.writer.flush(60)

        samples = timed((lambda typed=typed: keystroke(typed)) for typed in range(1, keystrokes))
        costs[size] = statistics.median(samples)
    return costs


def print_save_costs(costs: dict[int, float]) -> None:
    base = costs[NOTE_SIZES[0]]
    print("\nsave cost against note size (writer.save_note + flush, typing at the end):")
    for size, cost in costs.items():
        print(f"  {size:>9,} characters: {ms(cost)}  ratio to 1 KB {cost / base:6.1f}x")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.3f} ms"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--saves", type=int, default=500)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", type=Path, help="also write the numbers to this file")
    parser.add_argument(
        "--note-sizes-only", action="store_true", help="only the save cost against note size"
    )
    parser.add_argument("--quick", action="store_true", help="300 meetings, 50 saves, 30 queries")
    args = parser.parse_args(argv)
    if args.quick:
        args.meetings, args.saves, args.queries = 300, 50, 30
    if args.note_sizes_only:
        with tempfile.TemporaryDirectory(prefix="poise-bench-") as temporary:
            store = open_store(f"sqlite:///{Path(temporary) / 'poise.sqlite3'}")
            generate(store, 200, random.Random(args.seed))
            print_save_costs(save_cost_by_size(store, 100))
            store.close()
        return 0
    randomness = random.Random(args.seed)
    results: dict[str, object] = {}

    with tempfile.TemporaryDirectory(prefix="poise-bench-") as temporary:
        folder = Path(temporary)
        database = folder / "poise.sqlite3"
        store = open_store(f"sqlite:///{database}")
        started = time.perf_counter()
        lines = generate(store, args.meetings, randomness)
        generated_in = time.perf_counter() - started
        store.close()
        checkpoint = sqlite3.connect(database)
        checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        checkpoint.close()
        size = database.stat().st_size
        print(f"generated {args.meetings:,} meetings, {lines:,} note lines in {generated_in:.1f} s")
        per_thousand = size / (args.meetings / 1000) / 1e6
        print(f"database size: {size / 1e6:.1f} MB, {per_thousand:.2f} MB per 1,000 meetings")
        results.update(meetings=args.meetings, note_lines=lines, mb_per_1000=per_thousand)

        print("\nnote save (service.save_note, one transaction) vs raw INSERT+COMMIT, WAL:")
        for synchronous in ("FULL", "NORMAL"):
            store = open_store(f"sqlite:///{database}", synchronous=synchronous)
            saves = note_saves(store, args.meetings // 2, args.saves)
            store.close()
            baseline = raw_insert_commit(folder, synchronous, args.saves)
            for name, fraction in (("p50", 0.50), ("p99", 0.99)):
                ours, raw = percentile(saves, fraction), percentile(baseline, fraction)
                print(
                    f"  synchronous={synchronous:<6} {name}: {ms(ours)}  baseline {ms(raw)}  "
                    f"ratio {ours / raw:5.1f}x"
                )
                results[f"save_{synchronous.lower()}_{name}_ms"] = ours * 1000
                results[f"baseline_{synchronous.lower()}_{name}_ms"] = raw * 1000
        default = "FULL"
        print(f"  (default is synchronous={default}: a commit survives a power cut as well)")

        store = open_store(f"sqlite:///{database}")
        keystrokes = timed(
            (lambda typed=typed: store.writer.save_note(1, NoteField.FREE, "k" * typed))
            for typed in range(1, 2001)
        )
        store.writer.flush(30)
        print(
            "\nkeystroke on the GUI thread (writer.save_note): "
            f"p50 {ms(percentile(keystrokes, 0.5))}"
            f"  p99 {ms(percentile(keystrokes, 0.99))}  max {ms(max(keystrokes))}"
        )
        results["keystroke_p99_ms"] = percentile(keystrokes, 0.99) * 1000
        costs = save_cost_by_size(store, args.meetings // 3, 5 if args.quick else 20)
        print_save_costs(costs)
        results["save_ms_by_note_size"] = {size: cost * 1000 for size, cost in costs.items()}

        words = Words(random.Random(args.seed)).ranked
        queries = []
        for _ in range(args.queries):
            band = randomness.choice([(0, 14), (14, 200), (200, 2000), (2000, len(words))])
            picked = [randomness.choice(words[band[0] : band[1]]) for _ in range(1)]
            if randomness.random() < 0.3:
                picked.append(randomness.choice(words[14:2000]))
            if randomness.random() < 0.3:
                picked[-1] = picked[-1][: max(2, len(picked[-1]) - 2)]  # still typing
            queries.append(" ".join(picked))
        hits = [len(store.service.search(query)) for query in queries[:20]]
        searches = timed((lambda query=query: store.service.search(query)) for query in queries)
        store.close()
        raw = sqlite3.connect(database)
        baseline = timed(
            (
                lambda query=query: raw.execute(
                    "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 50",
                    (sqlite_match_expression(query.split()),),
                ).fetchall()
            )
            for query in queries
        )
        raw.close()
        ours, base = percentile(searches, 0.95), percentile(baseline, 0.95)
        print(f"\nsearch over {lines:,} lines ({args.queries} queries, limit 50, with snippets):")
        print(f"  p50: {ms(percentile(searches, 0.5))}  baseline {ms(percentile(baseline, 0.5))}")
        print(f"  p95: {ms(ours)}  baseline {ms(base)}  ratio {ours / base:5.1f}x")
        slowest = sorted(zip(searches, queries, strict=True), reverse=True)[:3]
        print(f"  max: {ms(max(searches))}  (first 20 queries returned {hits} hits)")
        print("  slowest: " + ", ".join(f"{query!r} {ms(took).strip()}" for took, query in slowest))
        results.update(search_p95_ms=ours * 1000, search_baseline_p95_ms=base * 1000)

        store = open_store(f"sqlite:///{database}")
        deletes = timed(
            (lambda meeting_id=meeting_id: store.service.delete_meeting(meeting_id))
            for meeting_id in (10, 20, 30)
        )
        store.close()
        print(
            f"\ndelete_meeting (rows, search index rewrite, WAL checkpoint): "
            f"median {ms(statistics.median(deletes))}"
        )
        results["delete_median_ms"] = statistics.median(deletes) * 1000

    report(
        [
            Row(
                "store.save_p99",
                "note save p99 (synchronous=FULL)",
                results["save_full_p99_ms"],  # type: ignore[arg-type]
                "ms",
                results["baseline_full_p99_ms"],  # type: ignore[arg-type]
                "raw INSERT+COMMIT",
            ),
            Row(
                "store.search_p95",
                f"search p95 over {args.meetings:,} meetings",
                results["search_p95_ms"],  # type: ignore[arg-type]
                "ms",
                results["search_baseline_p95_ms"],  # type: ignore[arg-type]
                "raw FTS5",
            ),
            Row(
                "store.keystroke_p99",
                "keystroke on the GUI thread p99",
                results["keystroke_p99_ms"],
            ),  # type: ignore[arg-type]
        ]
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
