"""The German review on a real X server (Xvfb, the xcb platform): every view shown and
grabbed from the screen's own pixels, with no English word, no squeezed widget and no
cut-off column, as the offscreen tests judge them (``german_screens.py`` drives it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.platform.xvfb import xvfb_display

REPO_ROOT = Path(__file__).resolve().parents[2]
VIEWS = ("overview", "meeting", "meeting-lower", "client", "search")


def test_the_german_review_on_a_real_x_display(data_dir: Path, screens_dir: Path) -> None:
    for old in screens_dir.glob("review-de-xvfb-*.png"):
        old.unlink()
    with xvfb_display() as display:
        environment = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "LANG": "de_DE.UTF-8",
        }
        environment.pop("WAYLAND_DISPLAY", None)
        run = subprocess.run(
            [sys.executable, "-m", "tests.review.german_screens", str(screens_dir)],
            cwd=REPO_ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert run.returncode == 0, run.stderr[-3000:]
    found = json.loads(run.stdout.strip().splitlines()[-1])
    assert list(found) == list(VIEWS)
    assert {view: problems for view, problems in found.items() if problems} == {}
    for view in VIEWS:
        assert (screens_dir / f"review-de-xvfb-{view}.png").stat().st_size > 10_000
