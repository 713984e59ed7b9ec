"""A username and password on the team's relay broker: a person's account or a partner pass.

Plain Python with no paho or Qt, so the pairing book can hold one (``app.link.pairing``)
without loading the relay's client. The password never shows in a repr or a log line.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class BrokerPass:
    username: str
    password: str = field(repr=False)
