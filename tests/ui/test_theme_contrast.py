"""Every colour pair of both looks meets WCAG AA, computed from the theme's own colours.

Text needs 4.5:1 against what it sits on (WCAG 1.4.3); what shows where to type, which
field has the focus and that a cue arrived needs 3:1 (1.4.11, non-text contrast). The
stylesheet is read too, so a new text colour in it cannot slip past the list below.
"""

from __future__ import annotations

import re

import pytest

from app.resources import resource_path
from app.ui.common.theme import theme_colors

TEXT_MINIMUM = 4.5
NON_TEXT_MINIMUM = 3.0

# Each text colour and every background it is drawn on (resources/styles/poise.qss and the
# palette in app/ui/common/theme.py).
TEXT_PAIRS = [
    *(
        ("text", background)
        for background in ("window", "surface", "surface_alt", "selection", "accent_soft")
    ),
    # Hints, placeholders, disabled buttons; the typing state and links in the accent;
    # the step's say / avoid lines; the problem line under a field.
    *(
        (text, background)
        for text in ("text_muted", "accent", "say", "avoid", "problem")
        for background in ("window", "surface", "surface_alt")
    ),
    ("cue_text", "cue_band"),
    ("accent_text", "accent"),  # the default button
]
NON_TEXT_PAIRS = [
    ("field_border", "window"),
    ("field_border", "surface"),
    ("accent", "surface"),  # a focused field's outline, the steering step card
    ("accent", "window"),
    ("cue", "window"),  # the glow and the band's outline on the live window
    ("cue", "cue_band"),
]


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    channels = [int(value[index : index + 2], 16) / 255 for index in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula_matches_wcag() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_colour_pair_meets_wcag_aa(dark: bool) -> None:
    colours = theme_colors(dark)
    failing = [
        f"{text} on {background}: {contrast(colours[text], colours[background]):.2f}:1"
        f" < {minimum}:1"
        for pairs, minimum in ((TEXT_PAIRS, TEXT_MINIMUM), (NON_TEXT_PAIRS, NON_TEXT_MINIMUM))
        for text, background in pairs
        if contrast(colours[text], colours[background]) < minimum
    ]
    assert not failing, failing


def test_every_text_colour_in_the_stylesheet_is_checked() -> None:
    stylesheet = resource_path("styles", "poise.qss").read_text(encoding="utf-8")
    # "color: $name", not "selection-color" (checked as text on selection).
    used = set(re.findall(r"(?<![-\w])color:\s*\$(\w+)", stylesheet))
    checked = {text for text, _background in TEXT_PAIRS}
    assert used and used <= checked, used - checked
