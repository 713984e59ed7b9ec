"""How a bench hands its figures to ``python -m bench``: one JSON line per measure.

A bench run alone prints its own report; under ``python -m bench`` the runner sets
``POISE_BENCH_ROWS`` to a file, and ``report`` appends the bench's rows there too.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

ROWS_ENV = "POISE_BENCH_ROWS"


@dataclass(frozen=True)
class Row:
    key: str  # the name in bench/budgets.py
    measure: str  # what a reader sees
    figure: float
    unit: str = "ms"
    baseline: float | None = None  # the same measure's floor, taken in the same run
    baseline_name: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.figure / self.baseline


def report(rows: list[Row]) -> None:
    target = os.environ.get(ROWS_ENV)
    if not target:
        return
    with Path(target).open("a", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(asdict(row)) + "\n")


def read_rows(path: Path) -> list[Row]:
    with path.open(encoding="utf-8") as source:
        return [Row(**json.loads(line)) for line in source if line.strip()]
