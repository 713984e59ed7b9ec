"""Run every bench and print one table: measure, figure, baseline, ratio, budget, verdict.

    python -m bench            every bench in full (several minutes), one after another
    python -m bench --quick    every bench in its quick mode (a few rounds, small data)
    python -m bench startup stalls    only these

The quick mode checks that each bench runs and reports; it fails (exit 1) only when a bench
crashes or reports nothing, never on a timing: the machine may be shared and noisy. The
full run's verdicts compare each figure with its budget in ``bench/budgets.py``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from bench.budgets import BUDGETS
from bench.rows import ROWS_ENV, Row, read_rows

FOLDER = Path(__file__).resolve().parent
BENCHES = (
    "startup",
    "stalls",
    "signal_latency",
    "store",
    "review",
    "durability",
    "relay_capacity",
    "store_server",
)
QUICK_TIMEOUT_SECONDS = 38
FULL_TIMEOUT_SECONDS = 1800


@dataclass
class Outcome:
    name: str
    code: int
    seconds: float
    output: str
    rows: list[Row] = field(default_factory=list)


def run_bench(name: str, quick: bool) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="poise-bench-rows-") as folder:
        rows_file = Path(folder) / "rows.jsonl"
        env = dict(os.environ, **{ROWS_ENV: str(rows_file)})
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        command = [sys.executable, str(FOLDER / f"{name}.py"), *(["--quick"] if quick else [])]
        started = time.perf_counter()
        try:
            done = subprocess.run(
                command,
                capture_output=quick,  # a full run shows each bench's own report as it goes
                text=True,
                env=env,
                cwd=FOLDER.parent,
                timeout=QUICK_TIMEOUT_SECONDS if quick else FULL_TIMEOUT_SECONDS,
            )
            code, output = done.returncode, (done.stdout or "") + (done.stderr or "")
        except subprocess.TimeoutExpired as timed_out:
            code = 124
            output = f"timed out after {timed_out.timeout:.0f} s\n{timed_out.output or ''}"
        seconds = time.perf_counter() - started
        rows = read_rows(rows_file) if rows_file.exists() else []
    if code == 0 and not rows:
        code, output = 1, output + "\nthe bench reported no figures"
    return Outcome(name, code, seconds, output, rows)


def verdict(row: Row, quick: bool) -> tuple[str, str]:
    budget = BUDGETS.get(row.key)
    if budget is None:
        return "-", ""
    holds = budget.holds(row.figure, row.ratio)
    word = "-" if holds is None else ("ok" if holds else "OVER")
    if quick and word != "-":
        word += " (quick)"  # a few rounds on a shared machine: a hint, never a failure
    return budget.describe(row.unit), word


def number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    digits = 3 if abs(value) < 1 else 2 if abs(value) < 10 else 0
    text = f"{value:.{digits}f}"
    return f"{text} {unit}".strip()


def print_table(outcomes: list[Outcome], quick: bool) -> None:
    header = ("measure", "figure", "baseline", "ratio", "budget", "verdict")
    lines = []
    for outcome in outcomes:
        for row in outcome.rows:
            budget, word = verdict(row, quick)
            baseline = number(row.baseline, row.unit)
            if row.baseline_name and row.baseline is not None:
                baseline += f" ({row.baseline_name})"
            ratio = f"{row.ratio:.2f}x" if row.ratio is not None else "-"
            lines.append((row.measure, number(row.figure, row.unit), baseline, ratio, budget, word))
    widths = [max(len(str(line[i])) for line in [header, *lines]) for i in range(len(header))]
    print()
    for line in [header, *lines]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(line, widths, strict=True)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few rounds each; no timing fails")
    parser.add_argument("benches", nargs="*", help=f"some of {', '.join(BENCHES)}")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.benches) - set(BENCHES))
    if unknown:
        parser.error(f"no such bench: {', '.join(unknown)} (there are {', '.join(BENCHES)})")
    names = args.benches or list(BENCHES)
    started = time.perf_counter()
    if args.quick:
        # Mostly waiting on child processes and sockets: two at a time fit the 2 cores.
        with ThreadPoolExecutor(max_workers=2) as pool:
            outcomes = list(pool.map(lambda name: run_bench(name, True), names))
    else:
        outcomes = [run_bench(name, False) for name in names]  # alone: timings undisturbed
    print_table(outcomes, args.quick)
    failed = [outcome for outcome in outcomes if outcome.code != 0]
    for outcome in outcomes:
        state = "ok" if outcome.code == 0 else f"FAILED (exit {outcome.code})"
        print(f"bench/{outcome.name}.py: {state} in {outcome.seconds:.1f} s")
    for outcome in failed:
        print(f"\n--- bench/{outcome.name}.py output (last lines) ---", file=sys.stderr)
        print("\n".join(outcome.output.splitlines()[-30:]), file=sys.stderr)
    print(f"all benches: {time.perf_counter() - started:.1f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
