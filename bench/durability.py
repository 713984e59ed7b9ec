"""What a kill -9 loses from a meeting the store does not have yet, journal off and on.

For each case of issue 13 (the database locked by another process, a store that never
opens, a full disk) a child process types into a real ``LiveSession``, is killed with
SIGKILL, and the next ``open_store`` is asked what it recovered. The same run measures the
session without its journal (as before the journal existed) and with it.

Run: ``python3 bench/durability.py [--rounds N]`` (as root, for the full tmpfs).
``--quick``: one round, journal on only, to check the bench runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import paths
from bench.rows import Row, report
from tests.store.journal_cases import CASES, run_case


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="one round, journal on only")
    args = parser.parse_args()
    rounds = 1 if args.quick else args.rounds
    print(f"{'case':<12} {'journal':<8} {'typed >300 ms before kill':>26} {'lost':>6}")
    lost_by_journal = {False: 0, True: 0}
    for case in CASES:
        for journal in (True,) if args.quick else (False, True):
            typed = lost = 0
            for round_number in range(rounds):
                with tempfile.TemporaryDirectory() as folder:
                    data_dir = Path(folder) / "poise-data"
                    data_dir.mkdir(mode=0o700)
                    os.environ[paths.DATA_DIR_ENV] = str(data_dir)
                    outcome = run_case(case, data_dir, journal=journal, seed=round_number)
                typed += outcome.typed_before_deadline
                lost += outcome.lost
            lost_by_journal[journal] += lost
            label = "on" if journal else "off"
            print(f"{case:<12} {label:<8} {typed:>26} {lost:>6}", flush=True)
    baseline = None if args.quick else float(lost_by_journal[False])
    measure = "characters lost to a kill -9, journal on"
    figure = float(lost_by_journal[True])
    report([Row("durability.lost_with_journal", measure, figure, "chars", baseline, "journal off")])


if __name__ == "__main__":
    main()
