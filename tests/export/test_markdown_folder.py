"""The Markdown folder: a file per meeting, rewritten on edits; the user's files left alone."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

from app.domain.meeting_terms import NoteField
from app.export.markdown_folder import MANIFEST_NAME, MarkdownFolder, file_name
from app.export.report import MeetingReport, build_report
from app.store import Store
from tests.meeting_factory import draft

STARTED = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


def new_meeting(store: Store, client: str = "Acme Logistics", title: str = "Late pallets") -> int:
    record = store.service.start_meeting(
        draft(client, title, STARTED, playbook_id="client-lashes-out")
    )
    store.service.save_note(record.id, NoteField.REAL_CONCERN, "Their boss blamed them", STARTED)
    store.service.set_follow_up(record.id, date(2026, 11, 30))
    store.service.end_meeting(record.id, STARTED.replace(hour=10))
    return record.id


def report_of(store: Store, meeting_id: int) -> MeetingReport:
    return build_report(store.service.load_meeting(meeting_id))


def test_file_has_front_matter_and_the_notes(store: Store, tmp_path: Path) -> None:
    folder = MarkdownFolder(tmp_path / "vault")
    meeting_id = new_meeting(store)
    path = folder.write(report_of(store, meeting_id))
    assert path.name == file_name(report_of(store, meeting_id))
    assert path.name.endswith("Acme Logistics - Late pallets.md")
    text = path.read_text(encoding="utf-8")
    front, body = text.split("---\n", 2)[1:]
    assert 'client: "Acme Logistics"' in front
    assert "date: 2026-11-23" in front
    assert 'playbook: "client-lashes-out"' in front
    assert "follow_up: 2026-11-30" in front
    assert f"poise_meeting: {meeting_id}" in front
    assert "Their boss blamed them" in body


def test_edit_rewrites_and_rename_moves_the_file(store: Store, tmp_path: Path) -> None:
    folder = MarkdownFolder(tmp_path / "vault")
    meeting_id = new_meeting(store)
    first = folder.write(report_of(store, meeting_id))
    store.service.save_note(meeting_id, NoteField.FREE, "Call back Friday", STARTED)
    second = folder.write(report_of(store, meeting_id))
    assert second == first
    assert "Call back Friday" in second.read_text(encoding="utf-8")

    store.service.set_follow_up(meeting_id, None)
    renamed_client = new_meeting(store, client="Acme", title="Late pallets")
    moved = folder.write(report_of(store, renamed_client))
    assert moved != first
    assert sorted(p.name for p in folder.folder.glob("*.md")) == sorted([first.name, moved.name])


def test_a_file_the_user_edited_is_never_overwritten(store: Store, tmp_path: Path) -> None:
    folder = MarkdownFolder(tmp_path / "vault")
    meeting_id = new_meeting(store)
    path = folder.write(report_of(store, meeting_id))
    path.write_text(path.read_text(encoding="utf-8") + "\nMy own thoughts.\n", encoding="utf-8")

    store.service.save_note(meeting_id, NoteField.FREE, "Edited afterwards", STARTED)
    fresh = folder.write(report_of(store, meeting_id))
    assert fresh != path
    assert fresh.name.endswith("(2).md")
    assert "My own thoughts." in path.read_text(encoding="utf-8")
    assert "Edited afterwards" in fresh.read_text(encoding="utf-8")


def test_files_poise_did_not_write_are_left_alone(store: Store, tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    meeting_id = new_meeting(store)
    squatter = vault / file_name(report_of(store, meeting_id))
    squatter.write_text("someone else's note", encoding="utf-8")
    (vault / "unrelated.md").write_text("keep me", encoding="utf-8")

    folder = MarkdownFolder(vault)
    written = folder.write(report_of(store, meeting_id))
    assert written != squatter
    assert squatter.read_text(encoding="utf-8") == "someone else's note"
    assert folder.remove(meeting_id) is True
    assert not written.exists()
    assert squatter.exists()
    assert (vault / "unrelated.md").read_text(encoding="utf-8") == "keep me"


def test_remove_keeps_an_edited_file_and_a_damaged_manifest_claims_nothing(
    store: Store, tmp_path: Path
) -> None:
    folder = MarkdownFolder(tmp_path / "vault")
    meeting_id = new_meeting(store)
    path = folder.write(report_of(store, meeting_id))
    path.write_text("changed by the user", encoding="utf-8")
    assert folder.remove(meeting_id) is False
    assert path.exists()

    other = folder.write(report_of(store, new_meeting(store, title="Second")))
    (folder.folder / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    other_id = int(other.read_text(encoding="utf-8").split("poise_meeting: ")[1].split()[0])
    assert folder.remove(other_id) is False
    assert other.exists()
    # The next write starts a fresh manifest that claims only what it writes.
    rewritten = folder.write(report_of(store, other_id))
    assert rewritten != other
    manifest = json.loads((folder.folder / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert list(manifest["files"]) == [str(other_id)]
