"""Keeps a folder of Markdown files, one per meeting, for people who keep notes in plain files.

Each file starts with front matter (client, date, playbook, follow-up) that tools
such as Obsidian read. The folder is the user's: Poise rewrites or removes only
files it wrote itself and that nobody changed since. It remembers what it wrote
in a small manifest (``.poise-export.json``) with a checksum of each file; a file
the user edited is left alone and the new text goes beside it.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from app.export.markdown import meeting_markdown
from app.export.plain_text import without_bidi_controls
from app.export.report import MeetingReport
from app.private_files import replace_private

MANIFEST_NAME = ".poise-export.json"
_MANIFEST_VERSION = 1
_UNSAFE_IN_NAMES = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
_MAX_STEM_CHARS = 80


@dataclass(frozen=True, slots=True)
class _Written:
    name: str
    sha256: str


def _checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _yaml_text(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar, escapes included.
    return json.dumps(value, ensure_ascii=False)


def front_matter(report: MeetingReport) -> str:
    follow_up = report.follow_up.isoformat() if report.follow_up else "null"
    lines = [
        "---",
        f"title: {_yaml_text(report.title)}",
        f"client: {_yaml_text(report.client_name)}",
        f"date: {report.started_at.astimezone().date().isoformat()}",
        f"playbook: {_yaml_text(report.playbook)}",
        f"follow_up: {follow_up}",
        f"poise_meeting: {report.meeting_id}",
        "---",
        "",
    ]
    return "\n".join(lines)


def file_name(report: MeetingReport) -> str:
    """``2026-11-23 Acme - Invoice dispute.md``, safe on every file system."""
    day = report.started_at.astimezone().date().isoformat()
    words = " - ".join(part for part in (report.client_name, report.title) if part.strip())
    words = without_bidi_controls(words)  # a name must read as what it is
    stem = " ".join(_UNSAFE_IN_NAMES.sub(" ", f"{day} {words}").split())
    return stem[:_MAX_STEM_CHARS].rstrip(" .") + ".md"


class MarkdownFolder:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _manifest_path(self) -> Path:
        return self.folder / MANIFEST_NAME

    def _load_manifest(self) -> dict[str, _Written]:
        try:
            raw = json.loads(self._manifest_path().read_text(encoding="utf-8"))
            files = raw["files"] if raw.get("version") == _MANIFEST_VERSION else {}
            return {key: _Written(entry["name"], entry["sha256"]) for key, entry in files.items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            # No manifest (or a damaged one) means Poise claims no file: it then
            # overwrites and deletes nothing, which is the safe side.
            return {}

    def _save_manifest(self, manifest: dict[str, _Written]) -> None:
        data = {
            "version": _MANIFEST_VERSION,
            "files": {
                key: {"name": entry.name, "sha256": entry.sha256}
                for key, entry in sorted(manifest.items())
            },
        }
        replace_private(self._manifest_path(), json.dumps(data, indent=2).encode("utf-8"))

    def _unchanged_since_written(self, entry: _Written) -> bool:
        try:
            return _checksum((self.folder / entry.name).read_bytes()) == entry.sha256
        except OSError:
            return False

    def _free_name(self, wanted: str, claimed: set[str]) -> str:
        stem = wanted.removesuffix(".md")
        candidate, number = wanted, 2
        while (self.folder / candidate).exists() or candidate in claimed:
            candidate = f"{stem} ({number}).md"
            number += 1
        return candidate

    def write(self, report: MeetingReport) -> Path:
        """Write (or rewrite) the meeting's file and return its path."""
        self.folder.mkdir(parents=True, exist_ok=True)
        manifest = self._load_manifest()
        key = str(report.meeting_id)
        data = (front_matter(report) + meeting_markdown(report)).encode("utf-8")
        previous = manifest.get(key)
        previous_is_ours = previous is not None and self._unchanged_since_written(previous)
        wanted = file_name(report)
        claimed = {entry.name for other, entry in manifest.items() if other != key}
        if previous_is_ours and previous is not None and previous.name == wanted:
            name = wanted
        else:
            name = self._free_name(wanted, claimed)
        replace_private(self.folder / name, data)
        if previous_is_ours and previous is not None and previous.name != name:
            (self.folder / previous.name).unlink(missing_ok=True)
        manifest[key] = _Written(name, _checksum(data))
        self._save_manifest(manifest)
        return self.folder / name

    def remove(self, meeting_id: int) -> bool:
        """Remove a deleted meeting's file, if Poise wrote it and nobody changed it since."""
        manifest = self._load_manifest()
        entry = manifest.pop(str(meeting_id), None)
        if entry is None:
            return False
        removed = self._unchanged_since_written(entry)
        if removed:
            (self.folder / entry.name).unlink(missing_ok=True)
        self._save_manifest(manifest)
        return removed
