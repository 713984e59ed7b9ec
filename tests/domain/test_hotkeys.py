"""Hotkey bindings: parsing, canonical form and conflicts, with no keyboard hook involved."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.hotkeys import (
    DEFAULT_BINDINGS,
    MODIFIERS,
    NAMED_KEYS,
    HotkeyAction,
    HotkeyError,
    KeyCombo,
    parse_combo,
    resolve_bindings,
    validate_bindings,
)


def test_every_action_has_a_distinct_default() -> None:
    parsed = validate_bindings(DEFAULT_BINDINGS)
    assert set(parsed) == set(HotkeyAction)
    assert len(set(parsed.values())) == len(HotkeyAction)


@pytest.mark.parametrize(
    ("text", "canonical", "display"),
    [
        ("Ctrl+Alt+Right", "ctrl+alt+right", "Ctrl+Alt+Right"),
        ("alt+CONTROL+f", "ctrl+alt+f", "Ctrl+Alt+F"),
        ("PageDown", "page_down", "PgDown"),
        ("shift+meta+F5", "shift+cmd+f5", "Shift+Meta+F5"),
        ("Escape", "esc", "Esc"),
    ],
)
def test_parse_gives_one_canonical_form(text: str, canonical: str, display: str) -> None:
    combo = parse_combo(text)
    assert str(combo) == canonical
    assert combo.display == display
    assert parse_combo(str(combo)) == combo


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not a key combination"),
        ("ctrl+", "not a key combination"),
        ("hyper+x", "'hyper' is not a modifier"),
        ("ctrl+ctrl+x", "repeats a modifier"),
        ("ctrl+alt", "no key besides its modifiers"),
        ("ctrl+volume_up", "'volume_up' is not a key"),
    ],
)
def test_bad_combinations_are_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(HotkeyError, match=message):
        parse_combo(text)


def test_two_actions_on_one_chord_are_refused() -> None:
    bindings = dict(DEFAULT_BINDINGS)
    bindings[HotkeyAction.FLAG_MOMENT] = "Ctrl+Alt+Right"
    with pytest.raises(HotkeyError, match="both 'Next step' and 'Flag this moment'"):
        validate_bindings(bindings)


def test_an_empty_binding_turns_the_action_off() -> None:
    bindings = dict(DEFAULT_BINDINGS)
    bindings[HotkeyAction.ASK_PARTNER] = ""
    assert HotkeyAction.ASK_PARTNER not in validate_bindings(bindings)


@given(
    modifiers=st.lists(st.sampled_from(MODIFIERS), unique=True),
    key=st.sampled_from(sorted(NAMED_KEYS)),
)
def test_any_valid_chord_round_trips(modifiers: list[str], key: str) -> None:
    combo = parse_combo("+".join([*modifiers, key]))
    assert isinstance(combo, KeyCombo)
    assert set(combo.modifiers) == set(modifiers)
    assert parse_combo(combo.display) == combo


@given(st.text(max_size=30))
def test_arbitrary_text_parses_or_is_refused(text: str) -> None:
    try:
        combo = parse_combo(text)
    except HotkeyError as refused:
        assert str(refused)
    else:
        assert parse_combo(str(combo)) == combo


def test_resolve_bindings_lays_the_users_choices_over_the_defaults() -> None:
    chosen = {"next_step": "ctrl+shift+n", "flag_moment": "", "from_a_newer_poise": "f9"}
    bindings = resolve_bindings({**chosen, "ask_partner": 3})
    assert set(bindings) == set(HotkeyAction)
    assert bindings[HotkeyAction.NEXT_STEP] == "ctrl+shift+n"
    assert bindings[HotkeyAction.FLAG_MOMENT] == ""  # switched off stays off
    assert bindings[HotkeyAction.ASK_PARTNER] == DEFAULT_BINDINGS[HotkeyAction.ASK_PARTNER]
    assert resolve_bindings({}) == dict(DEFAULT_BINDINGS)
