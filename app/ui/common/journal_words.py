"""The live meeting's journal in words: where its notes are while the store lacks them.

The journal's round trip is told in ``app.journal``. ``kept_words`` says truthfully where
the notes are right now, for the live window and the crash message: "kept" is said only
of what is on disk.
"""

from __future__ import annotations

from app.journal.writer import MeetingJournal, journals_in_use
from app.translation import translate


def kept_words(journal: MeetingJournal | None) -> str:
    """One or two sentences: where this meeting's notes are while the store lacks them."""
    if journal is None:
        return translate("JournalWords", "Its notes are kept in this window only; keep it open.")
    if journal.problem is not None:
        return translate(
            "JournalWords",
            "Poise cannot write its notes to disk either, so they are in this window only: "
            "keep it open.",
        )
    line = translate("JournalWords", "Its notes are kept on disk, in {file}.")
    return line.format(file=journal.expected_location)


def unsaved_journal_words() -> str | None:
    """For the crash message: where notes not yet in the store are kept, if any."""
    journals = journals_in_use()
    if not journals:
        return None
    if any(journal.problem is not None for journal in journals):
        return translate(
            "JournalWords",
            "Some of your notes could not be written to disk: keep the meeting window open "
            "until your notes database opens.",
        )
    places = ", ".join(str(journal.expected_location) for journal in journals)
    line = translate(
        "JournalWords", "Your notes are kept in {files} and saved when your notes database opens."
    )
    return line.format(files=places)
