"""A key combination Poise cannot use is refused in German when German is installed."""

from __future__ import annotations

import pytest

from app.domain.hotkeys import HotkeyAction, HotkeyError, parse_combo, validate_bindings


@pytest.mark.parametrize(
    ("typed", "german_words"),
    [
        ("Ctrl+Alt", "'Ctrl+Alt' hat keine Taste außer den Zusatztasten"),
        ("Hyper+F", "'hyper' ist keine Zusatztaste"),
        ("Ctrl+Ctrl+F", "'Ctrl+Ctrl+F' enthält eine Zusatztaste doppelt"),
        ("Ctrl+Nope", "Auf 'nope' kann Poise nicht hören"),
        ("+", "'+' ist keine Tastenkombination"),
    ],
)
def test_a_combination_poise_cannot_use_is_refused_in_german(
    german: None, typed: str, german_words: str
) -> None:
    with pytest.raises(HotkeyError) as refused:
        parse_combo(typed)
    assert german_words in str(refused.value)


def test_one_combination_for_two_actions_is_refused_in_german(german: None) -> None:
    bindings = {HotkeyAction.NEXT_STEP: "ctrl+alt+n", HotkeyAction.FLAG_MOMENT: "ctrl+alt+n"}
    with pytest.raises(HotkeyError) as refused:
        validate_bindings(bindings)
    assert " ist sowohl für " in str(refused.value)
    assert "is set for both" not in str(refused.value)


def test_the_live_windows_keys_line_names_keys_as_a_german_keyboard_does(german: None) -> None:
    from app.ui.live.status_lines import unheard_keys_summary

    line = unheard_keys_summary([parse_combo("ctrl+shift+f"), parse_combo("page_down")])
    assert line.startswith("Strg+Umschalt+F Bild abwärts")
