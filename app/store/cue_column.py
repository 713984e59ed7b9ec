"""How a meeting's agreed cues are kept in one JSON column (the service and the journal's replay
both write it)."""

from __future__ import annotations

import json

from app.domain.meeting_terms import Cue, CueStyle


def cues_to_json(cues: tuple[Cue, ...]) -> str:
    return json.dumps(
        [
            {"key": cue.key, "label": cue.label, "words": cue.words, "style": cue.style.value}
            for cue in cues
        ],
        ensure_ascii=False,
    )


def cues_from_json(stored: str) -> tuple[Cue, ...]:
    return tuple(
        Cue(item["key"], item["label"], item["words"], CueStyle(item["style"]))
        for item in json.loads(stored)
    )
