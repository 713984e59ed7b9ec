"""Which codes name a language: the two-letter ISO 639-1 codes, and the language of a locale.

``Playbook.in_language`` reads a code with ``language_of``; the playbook parser's part for
languages (``playbook_languages``) checks a language table's name against ``LANGUAGE_CODES``.
"""

from __future__ import annotations

import re

# ISO 639-1: the two-letter codes a language table may be named by ("de", "fr", ...).
LANGUAGE_CODES = frozenset(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv
    cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr
    ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw
    ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv
    ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr
    ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi
    yo za zh zu
    """.split()  # noqa: SIM905 - a list of 184 quoted codes reads worse
)

_LOCALE_LANGUAGE = re.compile(r"^([A-Za-z]{2})(?:$|[-_.@])")


def language_of(code: str) -> str:
    """The two-letter language of a code or locale name: "de_DE.UTF-8", "de-AT" -> "de".

    Anything that names no known language ("C", "POSIX", "") gives "".
    """
    match = _LOCALE_LANGUAGE.match(code.strip())
    language = match.group(1).lower() if match else ""
    return language if language in LANGUAGE_CODES else ""
