"""The search's statements: one document per title, client name, note field, stamped line
and action item (its ``kind``), found through SQLite's FTS5 index or PostgreSQL's tsvector.

``MeetingService.search`` runs them; the service keeps the documents in step with the text.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.domain.meeting_terms import NoteField
from app.store.models import SearchDocument, UtcDateTime
from app.translation import QT_TRANSLATE_NOOP, translate

SNIPPET_WORDS = 12
# How many of the newest matching documents relevance ranking considers (see search).
RANK_WINDOW = 2000

KIND_TITLE = "title"
KIND_CLIENT = "client"
KIND_NOTE = "note"
KIND_STAMP = "stamp"
KIND_ITEM = "item"  # an action item's text, ref_key its id (revision 0005 indexed the old)
# The partner's words (revision 0007), ref_key the row's id: an observation, a debrief answer.
KIND_OBSERVATION = "observation"
KIND_DEBRIEF = "debrief"

WHERE_LABELS = {
    KIND_TITLE: "Title",
    KIND_CLIENT: "Client",
    KIND_STAMP: "Stamped line",
    KIND_ITEM: "Action item",
}
# The partner's words, said as theirs where a hit is shown (in the person's language).
PARTNER_LABELS = {
    KIND_OBSERVATION: QT_TRANSLATE_NOOP("Search", "Partner's observation"),
    KIND_DEBRIEF: QT_TRANSLATE_NOOP("Search", "Partner's debrief"),
}


def sqlite_match_expression(words: list[str], *, prefix: bool = True) -> str:
    # Each word quoted, so FTS5 operators typed by the user (NEAR, AND, -) stay plain words.
    quoted = [f'"{word}"' for word in words]
    if prefix:
        quoted[-1] += "*"
    return " ".join(quoted)


def postgres_tsquery(words: list[str]) -> str:
    quoted = [f"'{word}'" for word in words]
    quoted[-1] += ":*"
    return " & ".join(quoted)


SEARCH_COLUMNS = {"started_at": UtcDateTime()}


def search_sqlite(session: Session, words: list[str], limit: int, *, prefix: bool) -> Any:
    # Ranking every match of a very common word costs time in proportion to the whole
    # index, so bm25 ranks the newest RANK_WINDOW matching documents (all of them for any
    # selective query); snippets are built for the returned rows alone.
    statement = text(
        """
        WITH recent AS (
            SELECT rowid AS id, bm25(search_fts) AS score FROM search_fts
            WHERE search_fts MATCH :match ORDER BY rowid DESC LIMIT :window
        ),
        best AS (SELECT id, score FROM recent ORDER BY score, id DESC LIMIT :limit)
        SELECT d.meeting_id, d.kind, d.ref_key, m.title, m.started_at, c.name AS client_name,
               snippet(search_fts, 0, '[[', ']]', '…', :words) AS snippet
        FROM best
        JOIN search_fts ON search_fts.rowid = best.id
        JOIN search_documents d ON d.id = best.id
        JOIN meetings m ON m.id = d.meeting_id
        JOIN clients c ON c.id = m.client_id
        WHERE search_fts MATCH :match
        ORDER BY best.score, best.id DESC
        """
    ).columns(**SEARCH_COLUMNS)
    return session.execute(
        statement,
        {
            "match": sqlite_match_expression(words, prefix=prefix),
            "limit": limit,
            "window": RANK_WINDOW,
            "words": SNIPPET_WORDS,
        },
    ).all()


def search_postgres(session: Session, words: list[str], limit: int) -> Any:
    statement = text(
        """
        WITH q AS (SELECT to_tsquery('simple'::regconfig, :tsquery) AS query),
        best AS (
            SELECT d.id, d.meeting_id, d.kind, d.ref_key, d.body,
                   ts_rank(d.tsv, q.query) AS score
            FROM search_documents d, q
            WHERE d.tsv @@ q.query
            ORDER BY score DESC, d.id
            LIMIT :limit
        )
        SELECT best.meeting_id, best.kind, best.ref_key, m.title, m.started_at,
               c.name AS client_name,
               ts_headline('simple'::regconfig, best.body, q.query,
                           'StartSel=[[, StopSel=]], MaxWords=18, MinWords=6, '
                           || 'MaxFragments=2, FragmentDelimiter=" … "') AS snippet
        FROM best
        CROSS JOIN q
        JOIN meetings m ON m.id = best.meeting_id
        JOIN clients c ON c.id = m.client_id
        ORDER BY best.score DESC, best.id
        """
    ).columns(**SEARCH_COLUMNS)
    return session.execute(statement, {"tsquery": postgres_tsquery(words), "limit": limit}).all()


def where_label(kind: str, ref_key: str) -> str:
    if kind == KIND_NOTE:
        return NoteField(ref_key).label
    if kind in PARTNER_LABELS:
        return translate("Search", PARTNER_LABELS[kind])
    return WHERE_LABELS[kind]


def index_text(session: Session, meeting_id: int, kind: str, ref_key: str, body: str) -> None:
    """Keep the meeting's search document for (kind, ref_key) in step with its text."""
    document = session.scalar(
        select(SearchDocument).where(
            SearchDocument.meeting_id == meeting_id,
            SearchDocument.kind == kind,
            SearchDocument.ref_key == ref_key,
        )
    )
    if document is None:
        session.add(SearchDocument(meeting_id=meeting_id, kind=kind, ref_key=ref_key, body=body))
    elif document.body != body:
        document.body = body
