"""Child process of the durability test: types into a note the way the live window does.

Usage: python typing_child.py DATABASE_URL MEETING_ID SEED. Prints "ready", then one
line per keystroke: "<characters typed> <time.monotonic() when save_note returned>
<seconds save_note took>". It types until it is killed.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.domain.meeting_terms import NoteField
from app.store import open_store

SOURCE = (
    "They say the delivery was late three times and nobody called. "
    "Not saying: the new buyer is under pressure from above. "
) * 200


def main() -> None:
    url, meeting_id, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    store = open_store(url)
    pace = random.Random(seed)
    print("ready", flush=True)
    for typed in range(1, len(SOURCE) + 1):
        started = time.perf_counter()
        store.writer.save_note(meeting_id, NoteField.WHAT_THEY_SAY, SOURCE[:typed])
        returned = time.monotonic()
        took = time.perf_counter() - started
        print(f"{typed} {returned:.6f} {took:.6f}", flush=True)
        # A fast typist: 20 to 140 ms between keys, now and then a burst.
        time.sleep(pace.choice([0.0, 0.02, 0.05, 0.08, 0.14]))
    store.close()


if __name__ == "__main__":
    main()
