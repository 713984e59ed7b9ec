"""The full-text index's SQL, written once: the search revisions run it, and so does a new store.

SQLite gets an external-content FTS5 table over ``search_documents.body``, kept in step
by three triggers; PostgreSQL a generated ``tsvector`` column with a GIN index (which
matches prefixes by itself). Revision 0002 created the index and 0003 rebuilt SQLite's
with prefix indexes; ``at_head`` is what they leave behind, for ``app.store.migrate``
to give an empty database the newest schema without importing Alembic.

The revisions run these statements long after they were written, so the statements
must go on saying what those revisions did: a later change to the index gets
statements of its own here (and ``at_head`` moves to them), never an edit of these.
"""

from __future__ import annotations

FTS_TABLE = "search_fts"
SQLITE_TRIGGER_NAMES = ("search_documents_ai", "search_documents_ad", "search_documents_au")
# Revision 0003: FTS5 prefix indexes, so that the word being typed (matched as a prefix)
# is looked up directly instead of merging the lists of every term that starts with it.
SQLITE_PREFIXES = "2 3 4 5 6"

SQLITE_TRIGGERS = (
    "CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN "
    "INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body); END",
    "CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body); END",
    "CREATE TRIGGER search_documents_au AFTER UPDATE OF body ON search_documents BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, body) VALUES ('delete', old.id, old.body); "
    "INSERT INTO search_fts(rowid, body) VALUES (new.id, new.body); END",
)
# Reindexes every row of search_documents (FTS5's external content is not copied by itself).
SQLITE_REBUILD = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')"
POSTGRES_INDEX = (
    "ALTER TABLE search_documents ADD COLUMN tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, body)) STORED",
    "CREATE INDEX ix_search_documents_tsv ON search_documents USING gin (tsv)",
)


def sqlite_index(prefixes: str | None = None) -> list[str]:
    """The FTS5 table and its triggers; ``prefixes`` adds prefix indexes of those lengths."""
    prefix_option = f", prefix='{prefixes}'" if prefixes else ""
    return [
        # remove_diacritics 2: "cafe" finds "café" (PostgreSQL's 'simple' keeps accents).
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
        "body, content='search_documents', content_rowid='id', "
        f"tokenize='unicode61 remove_diacritics 2'{prefix_option})",
        *SQLITE_TRIGGERS,
    ]


def sqlite_drop_index() -> list[str]:
    """Remove SQLite's index (the triggers first: they write to the table)."""
    triggers = [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGER_NAMES]
    return [*triggers, f"DROP TABLE IF EXISTS {FTS_TABLE}"]


def at_head(dialect_name: str) -> list[str]:
    """The newest revision's index, for a ``search_documents`` table that is still empty.

    The rebuild that revision 0003 ends with finds nothing to index here, but it leaves
    FTS5's bookkeeping (the averages record) exactly as the revisions do.
    """
    if dialect_name == "sqlite":
        return [*sqlite_index(SQLITE_PREFIXES), SQLITE_REBUILD]
    return list(POSTGRES_INDEX)
