"""How many people one PostgreSQL serves: Poise's own note saves from many writers at once.

Starts a throwaway PostgreSQL on 127.0.0.1 (tests/store/postgres_server.py), opens Poise's
store on it (the migrations, the search index), loads ``--meetings`` meetings with the
store bench's generator, then has 1, 4 and 10 threads each type into a meeting of its own
through ``service.save_note`` (one transaction per save, as the writer does) for
``--seconds``. A person typing fast saves about 5 times a second and the writer coalesces
what arrives while it writes, so saves/s divided by 5 is a floor for the people one
server keeps up with while they all type at once. Also printed: rows per meeting and the
database's size per 1,000 meetings, for rows per person per year (docs/scale.md).

The test server runs with ``fsync=off`` (tests/store/postgres_server.py): these figures are
the CPU's and Poise's, not a disk's; a real server's commits also wait for its disk.

Run: ``python3 bench/store_server.py`` (about 40 s); ``--quick``: 50 meetings, 1 s.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text

from app.domain.meeting_terms import NoteField
from app.store import Store, open_store
from bench.rows import Row, report
from bench.store import START, generate
from tests.store.postgres_server import start_server

CONTENT_TABLES = (
    "clients",
    "meetings",
    "notes",
    "note_revisions",
    "stamped_lines",
    "signals",
    "action_items",
    "search_documents",
)


def typing(store: Store, meeting_id: int, until: float, latencies: list[float]) -> None:
    sentence = "They said the delivery was late again and nobody from our side called back. "
    typed = 0
    while time.perf_counter() < until:
        typed += 1
        words = (sentence * (typed // len(sentence) + 1))[:typed]
        started = time.perf_counter()
        store.service.save_note(
            meeting_id, NoteField.WHAT_THEY_SAY, words, START + timedelta(seconds=typed)
        )
        latencies.append(time.perf_counter() - started)


def database_size(store: Store) -> int:
    with store.engine.connect() as connection:
        size = connection.execute(text("SELECT pg_database_size(current_database())")).scalar()
    return int(size or 0)


def saves_per_second(store: Store, writers: int, seconds: float) -> tuple[float, float, float]:
    """Saves/s all writers together, and the p50 and p99 of one save, in ms."""
    per_writer: list[list[float]] = [[] for _ in range(writers)]
    until = time.perf_counter() + seconds
    threads = [
        threading.Thread(target=typing, args=(store, number + 1, until, per_writer[number]))
        for number in range(writers)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    latencies = sorted(latency for done in per_writer for latency in done)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return len(latencies) / elapsed, statistics.median(latencies) * 1000, p99 * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50 meetings, 1 s per round")
    parser.add_argument("--meetings", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=8.0)
    args = parser.parse_args(argv)
    meetings = 50 if args.quick else args.meetings
    seconds = 1.0 if args.quick else args.seconds
    server = start_server()
    if server is None:
        print("PostgreSQL is not installed here: nothing measured")
        return 0
    rows: list[Row] = []
    try:
        url = server.create_database()
        with tempfile.TemporaryDirectory(prefix="poise-store-server-") as folder:
            store = open_store(url, data_dir=Path(folder))
            try:
                empty = database_size(store)
                generate(store, meetings, random.Random(7))
                with store.engine.connect() as connection:
                    counts = {
                        table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                        or 0
                        for table in CONTENT_TABLES
                    }
                per_meeting = sum(counts.values()) / meetings
                print(f"rows per meeting: {per_meeting:.1f} ({counts})")
                per_thousand = (database_size(store) - empty) / 1e6 / meetings * 1000
                print(f"database size: {per_thousand:.1f} MB per 1,000 meetings (over empty)")
                for writers in (1, 4, 10):
                    rate, p50, p99 = saves_per_second(store, writers, seconds)
                    print(
                        f"{writers:>2} writers: {rate:,.0f} note saves/s, one save "
                        f"p50 {p50:.2f} ms, p99 {p99:.2f} ms"
                    )
                    rows.append(
                        Row(
                            f"store_server.saves_per_second_{writers}",
                            f"PostgreSQL note saves/s, {writers} writers",
                            rate,
                            "/s",
                        )
                    )
            finally:
                store.close()
    finally:
        server.stop()
    report(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
