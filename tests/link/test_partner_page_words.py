"""The phone page's words: one table, English and German, every key the page uses in it.

The page is plain HTML and JavaScript (no Qt, no .ts file), so its German is checked here:
the same keys in both languages, every German text its own (not the English left in), the
one-tap observations in QUICK_OBSERVATIONS' words, and every key the markup or the script
asks for present. The browser tests (test_partner_page_watch.py) look at the page itself.
"""

from __future__ import annotations

import json
import re
from functools import cache

from app.domain.partner_watch import QUICK_OBSERVATIONS
from app.resources import resource_path

# The same in both languages on purpose: the page's title and Qt's own "OK".
SAME_IN_GERMAN = {"title", "request.ok"}
# Keys the script builds from a state name: each state it can be in needs its words.
BUILT_KEYS = {
    "link.": ("connecting", "connected", "offline", "ended", "expired", "revoked"),
    "over.": ("ended", "expired", "revoked"),
    "awake.": ("insecure", "refused"),
    "relay.": ("waiting", "live", "ended"),
    "delivery.": (
        "pending",
        "sent",
        "received",
        "shown",
        "acknowledged",
        "expired",
        "rejected",
        "undelivered",
    ),
    "observe.": ("sending", "pending", "received", "rejected", "undelivered"),
    "debrief.": ("sending", "pending", "received", "rejected", "undelivered"),
}


@cache
def page() -> str:
    return resource_path("partner", "index.html").read_text(encoding="utf-8")


def strings() -> dict[str, dict[str, str]]:
    found = re.search(
        r'<script type="application/json" id="strings">(.*?)</script>', page(), re.DOTALL
    )
    assert found, "the page has no string table"
    table: dict[str, dict[str, str]] = json.loads(found.group(1))
    return table


def test_english_and_german_have_the_same_words_each_its_own() -> None:
    table = strings()
    assert set(table) == {"en", "de"}
    assert set(table["en"]) == set(table["de"])
    english_left = [
        key
        for key, text in table["de"].items()
        if text == table["en"][key] and key not in SAME_IN_GERMAN
    ]
    assert english_left == []
    for language, words in table.items():
        for key, text in words.items():
            assert text.strip() == text and text, f"{language} {key}: empty or padded"
            fields = set(re.findall(r"\{(\w+)\}", text))
            assert fields == set(re.findall(r"\{(\w+)\}", table["en"][key])), (language, key)


def test_the_one_tap_observations_are_quick_observations_words() -> None:
    english = strings()["en"]
    quick = {key[6:]: text for key, text in english.items() if key.startswith("quick.")}
    assert quick == {kind.value: words for kind, words in QUICK_OBSERVATIONS.items()}
    kinds = re.findall(r'data-kind="([a-z_]+)"', page())
    assert kinds == [kind.value for kind in QUICK_OBSERVATIONS]


def test_every_key_the_page_asks_for_is_in_the_table() -> None:
    english = strings()["en"]
    markup_keys = re.findall(r'data-t(?:-placeholder|-label)?="([a-z_.]+)"', page())
    script_keys = re.findall(r'\bt\("([a-z_.]+)"', page())
    built = [prefix + state for prefix, states in BUILT_KEYS.items() for state in states]
    asked = set(markup_keys) | {key for key in script_keys if not key.endswith(".")} | set(built)
    assert sorted(asked - set(english)) == []
    assert len(markup_keys) > 20 and len(script_keys) > 15  # the patterns still find them
