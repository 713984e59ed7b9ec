"""Runs a script of the app's start path in a fresh interpreter, for what only a new process shows
(which modules a path imports, what start-up builds before the first click)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.conftest import REPO_ROOT


def run_fresh(script: str, tmp_path: Path, **environment: str) -> dict[str, Any]:
    """Run ``script`` offscreen on a new data folder; return the JSON of its last line."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    child_environment = dict(
        os.environ,
        PYTHONPATH=str(REPO_ROOT),
        POISE_DATA_DIR=str(data),
        QT_QPA_PLATFORM="offscreen",
        **environment,
    )
    child_environment.pop("POISE_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO_ROOT,
        env=child_environment,
    )
    assert done.returncode == 0, done.stderr
    seen: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return seen
