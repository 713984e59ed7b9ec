"""Every colour pair of every look meets WCAG AA, the high-contrast look AAA, computed from
the theme's own colours.

Text needs 4.5:1 against what it sits on (WCAG 1.4.3); what shows where to type, which
field has the focus and that a cue arrived needs 3:1 (1.4.11, non-text contrast). The
high-contrast look asks more: 7:1 for text (1.4.6, AAA) and 4.5:1 for outlines. The
stylesheet is read too, so a new text colour in it cannot slip past the list below.
"""

from __future__ import annotations

import re

import pytest

from app.resources import resource_path
from app.settings import Theme
from app.ui.common.theme import Look, chosen_look, theme_colors

# (text, non-text) minimum ratios per look
MINIMUMS = {Look.LIGHT: (4.5, 3.0), Look.DARK: (4.5, 3.0), Look.HIGH_CONTRAST: (7.0, 4.5)}

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


@pytest.mark.parametrize("look", list(Look), ids=[look.value for look in Look])
def test_every_colour_pair_meets_its_wcag_level(look: Look) -> None:
    colours = theme_colors(look)
    text_minimum, non_text_minimum = MINIMUMS[look]
    failing = [
        f"{text} on {background}: {contrast(colours[text], colours[background]):.2f}:1"
        f" < {minimum}:1"
        for pairs, minimum in ((TEXT_PAIRS, text_minimum), (NON_TEXT_PAIRS, non_text_minimum))
        for text, background in pairs
        if contrast(colours[text], colours[background]) < minimum
    ]
    assert not failing, failing


def test_every_look_names_the_same_colours() -> None:
    names = {look: set(theme_colors(look)) for look in Look}
    assert all(found == names[Look.LIGHT] for found in names.values()), names


def test_every_look_setting_has_its_look() -> None:
    chosen = {chosen_look(choice) for choice in Theme if choice is not Theme.SYSTEM}
    assert chosen == set(Look)


def test_every_text_colour_in_the_stylesheet_is_checked() -> None:
    stylesheet = resource_path("styles", "poise.qss").read_text(encoding="utf-8")
    # "color: $name", not "selection-color" (checked as text on selection).
    used = set(re.findall(r"(?<![-\w])color:\s*\$(\w+)", stylesheet))
    checked = {text for text, _background in TEXT_PAIRS}
    assert used and used <= checked, used - checked
