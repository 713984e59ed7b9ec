"""Token buckets: how often a partner may press, and how much they may send at all."""

from __future__ import annotations

import time
from collections.abc import Callable


class TokenBucket:
    """Allows bursts of ``capacity`` actions, refilled at ``per_second``.

    The clock is injectable so tests need not wait.
    """

    def __init__(
        self,
        capacity: float,
        per_second: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if capacity <= 0 or per_second <= 0:
            raise ValueError("a bucket needs a positive capacity and refill rate")
        self._capacity = float(capacity)
        self._per_second = float(per_second)
        self._clock = clock
        self._tokens = float(capacity)
        self._last = clock()

    def try_take(self, cost: float = 1.0) -> bool:
        """Take ``cost`` tokens if there are enough; never blocks."""
        now = self._clock()
        elapsed = max(0.0, now - self._last)
        self._last = now
        self._tokens = min(self._capacity, self._tokens + elapsed * self._per_second)
        if self._tokens >= cost:
            self._tokens -= cost
            return True
        return False
