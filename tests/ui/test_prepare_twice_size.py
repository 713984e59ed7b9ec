"""The prepare dialog with a partner's brief and three cues, both its pages, at the default
size and at twice the text size, in English and German, light and high contrast: every
control shows whole, every field its words whole (a cue's name, its words, the partner's
role), none runs off the page's side (it has no sideways scroll bar); the dialog grows
sideways for it, never past the screen. Each run is ``prepare_twice_size_probe.py`` in its
own process (Qt reads the scale at start-up)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SCREENS_DIR
from tests.ui.test_live_twice_size import run_probe

PROBE = Path(__file__).with_name("prepare_twice_size_probe.py")
SHOTS = SCREENS_DIR / "prepare_twice_size"


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize(
    ("how", "screen", "environment"),
    [
        ("default-size", (1920, 1080), {}),
        ("scale-factor-2", (3840, 2160), {"QT_SCALE_FACTOR": "2"}),
        ("system-font-200", (1920, 1080), {"POISE_TEST_FONT_SCALE": "2"}),
        (
            "system-font-200",
            (1920, 1080),
            {"POISE_TEST_FONT_SCALE": "2", "POISE_TEST_LOOK": "high_contrast"},
        ),
    ],
)
def test_the_brief_fits_at_twice_the_text_size(
    tmp_path: Path, how: str, screen: tuple[int, int], environment: dict[str, str], language: str
) -> None:
    shots = SHOTS / how
    shots.mkdir(parents=True, exist_ok=True)
    seen = run_probe(
        tmp_path,
        screen,
        PROBE,
        POISE_TEST_SHOTS=str(shots),
        POISE_TEST_LANGUAGE=language,
        **environment,
    )
    assert not seen["problems"], seen["problems"]
    width, _height = seen["size"]
    scale = float(environment.get("QT_SCALE_FACTOR", "1"))
    assert width >= 500 and width * scale <= screen[0]
    if "POISE_TEST_FONT_SCALE" in environment:
        # Twice the text, about twice the width: not the usual width, scrolled twice as far.
        assert width >= 900, width
