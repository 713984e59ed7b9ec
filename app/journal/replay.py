"""Replaying meeting journals into the store, exactly once (step 5 in ``app.journal``).

``open_store`` calls ``apply_leftover_journals`` for the journals a crash left behind.
Applying is idempotent, so a journal whose writes partly reached the store before the
crash (or that was applied just before a crash removed it) never doubles anything:

- the meeting is found by its start time, title and client, and created if missing;
- note text replaces the stored text only if it was typed later;
- a stamped line, step or cue already there (same text or key and time, same message id)
  is not added again, nor is a partner's observation or debrief answer (same message id);
  an action item is added only as many times as the journal has it beyond those stored.

A journal that cannot be read or applied is kept, never deleted, and named in
``JournalOutcome.problems`` for the user.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from app.domain.meeting_terms import Cue, CueStyle, MeetingMode, NoteField, SignalSource
from app.domain.partner_watch import brief_from_dict
from app.journal import partner_entries, writer
from app.store.errors import StoreError
from app.store.viewer import own_rows
from app.translation import translate

if TYPE_CHECKING:
    from app.store.models import Meeting, StampedLine, StepEntered

log = logging.getLogger(__name__)


class JournalUnreadableError(ValueError):
    """A journal whose content cannot be understood; it is kept for the user."""


@dataclass(slots=True)
class JournalContent:
    """One journal, read: the meeting, its writes in order, each note's final text."""

    path: Path
    meeting: dict[str, Any]
    events: list[dict[str, Any]] = field(default_factory=list)
    notes: dict[NoteField, tuple[str, datetime]] = field(default_factory=dict)

    @property
    def started_at(self) -> datetime:
        return datetime.fromisoformat(self.meeting["started_at"])

    @property
    def cues(self) -> tuple[Cue, ...]:
        return tuple(
            Cue(cue["key"], cue["label"], cue["words"], CueStyle(cue.get("style", "glow")))
            for cue in self.meeting.get("cues", [])
        )

    def last_activity(self) -> datetime:
        times = [self.started_at, *(at for _, at in self.notes.values())]
        times += [datetime.fromisoformat(event["at"]) for event in self.events if "at" in event]
        return max(times)


@dataclass(slots=True)
class JournalOutcome:
    """What ``apply_leftover_journals`` did: meetings recovered, journals kept and why."""

    applied: list[int] = field(default_factory=list)  # meeting ids
    problems: list[str] = field(default_factory=list)  # one user-facing line per journal


def read_journal(path: Path) -> JournalContent:
    """Read a journal; a last line cut short by a crash is ignored, any other fault raises."""
    try:
        raw = path.read_bytes()
    except OSError as failure:
        raise JournalUnreadableError(
            translate("Journal", "cannot read it ({reason})").format(
                reason=failure.strerror or failure
            )
        ) from failure
    lines = raw.split(b"\n")
    # Everything after the last newline was being written when the process died.
    complete = lines[:-1]
    content: JournalContent | None = None
    texts: dict[NoteField, str] = {}
    for number, line in enumerate(complete, start=1):
        try:
            record = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as bad:
            raise JournalUnreadableError(
                translate("Journal", "line {line} is not a journal entry ({problem})").format(
                    line=number, problem=bad
                )
            ) from bad
        if not isinstance(record, dict):
            raise JournalUnreadableError(
                translate("Journal", "line {line} is not a journal entry").format(line=number)
            )
        kind = record.get("kind")
        if content is None:
            if kind != "meeting" or "started_at" not in record:
                raise JournalUnreadableError(
                    translate("Journal", "it does not begin with its meeting")
                )
            if record.get("format") != writer.JOURNAL_FORMAT:
                raise JournalUnreadableError(
                    translate("Journal", "format {format} is not known here").format(
                        format=repr(record.get("format"))
                    )
                )
            content = JournalContent(path, record)
            continue
        if kind == "meeting":
            # A journal rewritten in place starts again: what follows repeats what came before.
            content = JournalContent(path, record)
            texts = {}
            continue
        try:
            if kind == "note":
                name = NoteField(record["field"])
                texts[name] = writer.apply_note_change(texts.get(name, ""), record)
                content.notes[name] = (texts[name], datetime.fromisoformat(record["at"]))
            else:
                content.events.append(record)
        except (KeyError, ValueError, TypeError) as bad:
            raise JournalUnreadableError(
                translate("Journal", "line {line} cannot be applied ({problem})").format(
                    line=number, problem=bad
                )
            ) from bad
    if content is None:
        raise JournalUnreadableError(translate("Journal", "it is empty"))
    return content


def apply_journal(session: Session, content: JournalContent) -> int:
    """Apply one journal inside ``session``'s transaction; returns the meeting's id."""
    from app.store import models
    from app.store.partner_calls import add_debrief_answer, add_observation
    from app.store.search_queries import (
        KIND_ITEM,
        KIND_NOTE,
        KIND_STAMP,
        index_text,
    )

    meeting = _meeting_of(session, content)
    meeting_id = meeting.id

    signals: dict[str, models.Signal] = {
        signal.message_id: signal
        for signal in session.scalars(
            select(models.Signal).where(models.Signal.meeting_id == meeting_id)
        )
        if signal.message_id is not None
    }
    stored_items = Counter(
        (item.text, item.owner, item.due)
        for item in session.scalars(
            select(models.ActionItem).where(models.ActionItem.meeting_id == meeting_id)
        )
    )
    journal_items: Counter[tuple[str, str, date | None]] = Counter()

    for event in content.events:
        kind = event["kind"]
        if kind == "step":
            at = datetime.fromisoformat(event["at"])
            step_key = models.StepEntered.step_key == event["step_key"]
            if not _stored(session, models.StepEntered, meeting_id, at, step_key):
                session.add(
                    models.StepEntered(
                        meeting_id=meeting_id,
                        step_key=event["step_key"],
                        step_title=event["step_title"],
                        at=at,
                    )
                )
        elif kind == "line":
            at = datetime.fromisoformat(event["at"])
            same_text = models.StampedLine.text == event["text"]
            if not _stored(session, models.StampedLine, meeting_id, at, same_text):
                line = models.StampedLine(
                    meeting_id=meeting_id, text=event["text"], at=at, step_key=event["step_key"]
                )
                session.add(line)
                session.flush()
                index_text(session, meeting_id, KIND_STAMP, str(line.id), line.text)
        elif kind == "cue_sent":
            message_id = event["message_id"]
            if message_id not in signals:
                signal = models.Signal(
                    meeting_id=meeting_id,
                    cue_key=event["cue_key"],
                    source=SignalSource(event["source"]).value,
                    message_id=message_id,
                    sent_at=datetime.fromisoformat(event["at"]),
                )
                session.add(signal)
                signals[message_id] = signal
        elif kind in {"cue_shown", "cue_acknowledged"}:
            known = signals.get(event["message_id"])
            attribute = "shown_at" if kind == "cue_shown" else "acknowledged_at"
            if known is not None and getattr(known, attribute) is None:
                setattr(known, attribute, datetime.fromisoformat(event["at"]))
        elif kind == "action_item":
            due = date.fromisoformat(event["due"]) if event.get("due") else None
            item_key = (str(event["text"]), str(event["owner"]), due)
            journal_items[item_key] += 1
            if journal_items[item_key] > stored_items[item_key]:
                item = models.ActionItem(
                    meeting_id=meeting_id, text=item_key[0], owner=item_key[1], due=due, done=False
                )
                session.add(item)
                session.flush()
                index_text(session, meeting_id, KIND_ITEM, str(item.id), item.text)
        elif kind == partner_entries.OBSERVATION:
            add_observation(session, meeting_id, partner_entries.observation_from(event))
        elif kind == partner_entries.DEBRIEF_ANSWER:
            add_debrief_answer(session, meeting_id, partner_entries.debrief_answer_from(event))
        elif kind == "follow_up":
            meeting.follow_up = date.fromisoformat(event["date"]) if event.get("date") else None
        elif kind == "end":
            if meeting.ended_at is None:
                meeting.ended_at = datetime.fromisoformat(event["at"])
        else:
            raise JournalUnreadableError(
                translate("Journal", "an entry of an unknown kind ({kind})").format(kind=repr(kind))
            )

    for name, (text, at) in content.notes.items():
        note = session.scalar(
            select(models.Note).where(
                models.Note.meeting_id == meeting_id, models.Note.field == name.value
            )
        )
        if note is not None and (note.updated_at >= at or note.text == text):
            continue
        if note is None:
            if not text:
                continue
            session.add(
                models.Note(meeting_id=meeting_id, field=name.value, text=text, updated_at=at)
            )
        else:
            note.text, note.updated_at = text, at
        session.add(
            models.NoteRevision(
                meeting_id=meeting_id,
                field=name.value,
                text=text,
                started_at=at,
                saved_at=at,
                sealed=meeting.ended_at is not None,
            )
        )
        index_text(session, meeting_id, KIND_NOTE, name.value, text)
    session.flush()
    return meeting_id


def _meeting_of(session: Session, content: JournalContent) -> Meeting:
    """The journal's meeting: the stored one it names by id (a journal begun after the
    meeting was stored), else found by its start, title and client, else created."""
    from app.store import models
    from app.store.brief_column import brief_to_json
    from app.store.cue_column import cues_to_json
    from app.store.search_queries import KIND_CLIENT, KIND_TITLE, index_text

    facts = content.meeting
    started_at = content.started_at
    if partner_entries.STORED_MEETING_ID in facts:
        stored = session.scalar(
            select(models.Meeting).where(
                models.Meeting.id == int(facts[partner_entries.STORED_MEETING_ID]),
                models.Meeting.started_at == started_at,
            )
        )
        if stored is not None:
            return stored
        if "client_name" not in facts:
            raise JournalUnreadableError(
                translate("Journal", "its meeting is not in this database")
            )
    client_name = str(facts["client_name"]).strip() or "Unknown client"
    title = str(facts.get("title", "")).strip()
    key = client_name.casefold()
    mine = own_rows(models.Client.owner_role)
    client = session.scalar(select(models.Client).where(models.Client.name_key == key, mine))
    if client is None:
        client = models.Client(name=client_name, name_key=key, created_at=started_at)
        session.add(client)
        session.flush()
    meeting = session.scalar(
        select(models.Meeting).where(
            models.Meeting.client_id == client.id,
            models.Meeting.started_at == started_at,
            models.Meeting.title == title,
        )
    )
    if meeting is None:
        meeting = models.Meeting(
            client=client,
            title=title,
            mode=MeetingMode(facts.get("mode", MeetingMode.IN_PERSON.value)).value,
            playbook_id=str(facts.get("playbook_id", "")),
            playbook_version=str(facts.get("playbook_version", "")),
            partner_name=str(facts.get("partner_name", "")).strip(),
            cues_json=cues_to_json(content.cues),
            partner_brief_json=brief_to_json(
                brief_from_dict(facts["partner_brief"]) if facts.get("partner_brief") else None
            ),
            started_at=started_at,
        )
        session.add(meeting)
        session.flush()
        index_text(session, meeting.id, KIND_TITLE, "", meeting.title)
        index_text(session, meeting.id, KIND_CLIENT, "", client.name)
    return meeting


def _stored(
    session: Session,
    model: type[StepEntered | StampedLine],
    meeting_id: int,
    at: datetime,
    same: ColumnElement[bool],
) -> bool:
    """Whether the meeting has a step or stamped line at ``at`` that is ``same`` already."""
    found = select(func.count()).select_from(model)
    return bool(session.scalar(found.where(model.meeting_id == meeting_id, model.at == at, same)))


def leftover_journals(data_dir: Path) -> list[Path]:
    """Journals in this data folder's journal folders that no running Poise is writing."""
    found: list[Path] = []
    folders = writer.journal_folders(data_dir)
    for folder in folders:
        try:
            candidates = sorted(folder.glob(f"*{writer.JOURNAL_SUFFIX}"))
        except OSError:
            continue
        for path in candidates:
            lock = writer.lock_path(folders[1] / path.name)
            if writer.is_in_use(path) or writer.locked_by_another_process(lock):
                continue
            found.append(path)
    return found


def apply_leftover_journals(service: Any, data_dir: Path) -> JournalOutcome:
    """Apply and remove every journal a crash left; keep and name those that fail."""
    outcome = JournalOutcome()
    for path in leftover_journals(data_dir):
        try:
            content = read_journal(path)
            meeting_id: int = service.apply_journal(content)
        except JournalUnreadableError as unreadable:
            outcome.problems.append(
                translate(
                    "Journal",
                    "The notes of a meeting kept in {path} could not be read back ({problem}). "
                    "The file is kept: open it in a text editor to copy the notes.",
                ).format(path=path, problem=unreadable)
            )
            continue
        except StoreError as refused:
            outcome.problems.append(
                translate(
                    "Journal",
                    "The notes of a meeting kept in {path} are not in the database yet: {problem} "
                    "The file is kept and applied at the next start.",
                ).format(path=path, problem=refused)
            )
            continue
        except Exception as bug:  # a fault here must not stop the store from opening
            log.exception("applying the journal %s failed", path)
            outcome.problems.append(
                translate(
                    "Journal",
                    "The notes of a meeting kept in {path} could not be added ({problem}). "
                    "The file is kept.",
                ).format(path=path, problem=bug)
            )
            continue
        outcome.applied.append(meeting_id)
        # If this fails, the next start applies it again, which adds nothing twice.
        writer.remove_quietly(path)
    return outcome
