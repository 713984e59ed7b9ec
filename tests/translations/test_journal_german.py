"""A meeting journal a crash left that cannot be read back is told in German."""

from __future__ import annotations

from pathlib import Path

from app.journal import writer
from app.journal.replay import apply_leftover_journals


def test_an_unreadable_journal_is_told_in_german(german: None, tmp_path: Path) -> None:
    folder = writer.journal_folder(tmp_path)
    folder.mkdir(parents=True)
    broken = folder / f"broken{writer.JOURNAL_SUFFIX}"
    broken.write_bytes(b"not json at all\n")

    outcome = apply_leftover_journals(None, tmp_path)  # never reaches the store: unreadable

    (problem,) = outcome.problems
    assert problem.startswith(f"Die Notizen einer Besprechung in {broken}")
    assert "(Zeile 1 ist kein Protokolleintrag" in problem
    assert "Die Datei bleibt erhalten" in problem
    assert broken.exists()
