"""How the brief given to the partner is kept in one JSON column of a meeting (the service
and the journal's replay both write it; the journal's header carries the same JSON)."""

from __future__ import annotations

import json
from typing import Any

from app.domain.partner_watch import CueMeaning, PartnerBrief


def brief_to_dict(brief: PartnerBrief) -> dict[str, Any]:
    return {
        "partner_name": brief.partner_name,
        "role": brief.role,
        "signs": list(brief.signs),
        "cue_meanings": [
            {"key": cue.key, "label": cue.label, "meaning": cue.meaning}
            for cue in brief.cue_meanings
        ],
    }


def brief_from_dict(stored: dict[str, Any]) -> PartnerBrief:
    return PartnerBrief(
        partner_name=str(stored.get("partner_name", "")),
        role=str(stored.get("role", "")),
        signs=tuple(str(sign) for sign in stored.get("signs", [])),
        cue_meanings=tuple(
            CueMeaning(str(cue["key"]), str(cue.get("label", "")), str(cue.get("meaning", "")))
            for cue in stored.get("cue_meanings", [])
        ),
    )


def brief_to_json(brief: PartnerBrief | None) -> str | None:
    if brief is None:
        return None
    return json.dumps(brief_to_dict(brief), ensure_ascii=False)


def brief_from_json(stored: str | None) -> PartnerBrief | None:
    return None if stored is None else brief_from_dict(json.loads(stored))
