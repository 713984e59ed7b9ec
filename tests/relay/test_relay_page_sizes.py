"""The phone page seals and opens relay messages at the sizes relay_crypto.py does: a brief
Poise seals at the largest size is opened by the page, and the page's padding gives the
same lengths (a sealed message's length says nothing of what it is)."""

from __future__ import annotations

import math
import re

from app.link.relay_crypto import MAX_SEALED_BYTES, SEALED_SIZES
from app.resources import resource_path


def test_the_page_knows_relay_cryptos_sizes() -> None:
    page = resource_path("partner", "index.html").read_text(encoding="utf-8")
    largest = re.search(r"const RELAY_MAX_BYTES = ([0-9 *]+);", page)
    sizes = re.search(r"const RELAY_SEALED_SIZES = \[([^\]]+)\];", page)
    assert largest and sizes
    assert math.prod(int(factor) for factor in largest.group(1).split("*")) == MAX_SEALED_BYTES
    listed = [part.strip() for part in sizes.group(1).split(",")]
    assert [MAX_SEALED_BYTES if p == "RELAY_MAX_BYTES" else int(p) for p in listed] == list(
        SEALED_SIZES
    )
