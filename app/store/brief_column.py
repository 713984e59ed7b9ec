"""How the brief given to the partner is kept in one JSON column of a meeting (the service
and the journal's replay both write it; the journal's header carries the same dict)."""

from __future__ import annotations

import json

from app.domain.partner_watch import PartnerBrief, brief_as_dict, brief_from_dict


def brief_to_json(brief: PartnerBrief | None) -> str | None:
    if brief is None:
        return None
    return json.dumps(brief_as_dict(brief), ensure_ascii=False)


def brief_from_json(stored: str | None) -> PartnerBrief | None:
    return None if stored is None else brief_from_dict(json.loads(stored))
