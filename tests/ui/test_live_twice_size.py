"""The live window at twice the text size shows every step of every shipped playbook
whole, at its default size or grown to show it (never past the screen).

Two ways a person doubles the text: ``QT_SCALE_FACTOR=2`` (everything twice as large, on a
4K screen) and the system font at 200 %. Each runs ``twice_size_probe.py`` in its own
process (Qt reads the scale at start-up) on an offscreen screen of a real size.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.settings import DEFAULTS
from tests.conftest import REPO_ROOT, SCREENS_DIR

PROBE = Path(__file__).with_name("twice_size_probe.py")
SHOTS = SCREENS_DIR / "twice_size"


def run_probe(
    tmp_path: Path, screen: tuple[int, int], probe: Path = PROBE, **environment: str
) -> dict[str, Any]:
    config = tmp_path / "screen.json"
    width, height = screen
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "screen", "x": 0, "y": 0, "width": width, "height": height}
                    | {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
                ]
            }
        ),
        encoding="utf-8",
    )
    (tmp_path / "data").mkdir()
    done = subprocess.run(
        [sys.executable, str(probe)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO_ROOT,
        env={
            **os.environ,
            "PYTHONPATH": str(REPO_ROOT),
            "POISE_DATA_DIR": str(tmp_path / "data"),
            "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
            **environment,
        },
    )
    assert done.returncode == 0, done.stderr
    answer: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


@pytest.mark.parametrize(
    ("how", "screen", "environment"),
    [
        ("scale-factor-2", (3840, 2160), {"QT_SCALE_FACTOR": "2"}),
        ("system-font-200", (1920, 1080), {"POISE_TEST_FONT_SCALE": "2"}),
        # Not twice the text, but the same promise: on native Wayland the notice that the
        # window cannot stay on top takes three lines, and the steps still show whole.
        ("native-wayland-notice", (1920, 1080), {"POISE_TEST_NATIVE_WAYLAND": "1"}),
    ],
)
def test_every_step_shows_whole_at_twice_the_text_size(
    tmp_path: Path, how: str, screen: tuple[int, int], environment: dict[str, str]
) -> None:
    shots = SHOTS / how
    shots.mkdir(parents=True, exist_ok=True)
    for old in shots.glob("*.png"):
        old.unlink()
    seen = run_probe(tmp_path, screen, POISE_TEST_SHOTS=str(shots), **environment)
    assert not seen["problems"], seen["problems"]
    wayland = environment.get("POISE_TEST_NATIVE_WAYLAND") == "1"
    assert seen["notices"] == [wayland] * len(seen["notices"])
    scale = float(environment.get("QT_SCALE_FACTOR", "1"))
    for width, height in seen["sizes"]:
        assert width >= DEFAULTS.live_width and height >= DEFAULTS.live_height
        assert width * scale <= screen[0] and height * scale <= screen[1]
