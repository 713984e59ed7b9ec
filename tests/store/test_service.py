"""The meeting service on a real database: meetings, timeline, notes, history, search, delete."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.meeting_terms import Cue, CueStyle, MeetingMode, NoteField, SignalSource
from app.store import Store
from app.store.api import NotFound
from app.store.records import TimelineKind
from tests.meeting_factory import draft

T0 = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_start_meeting_keeps_everything_the_user_set(store: Store) -> None:
    cues = (
        Cue("calm", "Calm", "Breathe"),
        Cue("pause", "Pause", "Let silence work", CueStyle.BANNER),
    )
    meeting = store.service.start_meeting(
        draft(client="  Müller & Co ", mode=MeetingMode.VIDEO, cues=cues, partner_name="Ana")
    )
    loaded = store.service.get_meeting(meeting.id)
    assert loaded == meeting
    assert loaded.client_name == "Müller & Co"
    assert loaded.mode is MeetingMode.VIDEO
    assert loaded.cues == cues
    assert loaded.started_at == T0 and loaded.started_at.tzinfo is UTC
    assert loaded.ended_at is None


def test_clients_are_found_by_name_whatever_the_case(store: Store) -> None:
    first = store.service.start_meeting(draft(client="Acme Ltd"))
    second = store.service.start_meeting(draft(client="ACME LTD", started_at=at(3600)))
    other = store.service.start_meeting(draft(client="Beta GmbH"))
    assert first.client_id == second.client_id != other.client_id
    assert [client.name for client in store.service.list_clients()] == ["Acme Ltd", "Beta GmbH"]


def test_times_must_carry_a_time_zone(store: Store) -> None:
    with pytest.raises(Exception, match="naive datetime"):
        store.service.start_meeting(draft(started_at=datetime(2025, 3, 4, 9, 30)))


def test_times_in_other_zones_come_back_in_utc(store: Store) -> None:
    paris = datetime(2025, 3, 4, 10, 30, tzinfo=UTC).astimezone(
        __import__("zoneinfo").ZoneInfo("Europe/Paris")
    )
    meeting = store.service.start_meeting(draft(started_at=paris))
    assert store.service.get_meeting(meeting.id).started_at == datetime(
        2025, 3, 4, 10, 30, tzinfo=UTC
    )


def test_timeline_holds_steps_signals_and_stamped_lines_in_order(store: Store) -> None:
    service = store.service
    meeting = service.start_meeting(draft())
    service.enter_step(meeting.id, "listen", "Listen fully", at(10))
    signal_id = service.record_signal_sent(meeting.id, "calm", SignalSource.PHONE, at(20), "m-1")
    service.record_signal_shown(signal_id, at(20.2))
    service.record_signal_acknowledged(signal_id, at(25))
    service.add_stamped_line(meeting.id, "raised voice about the invoice", at(30), "listen")
    service.enter_step(meeting.id, "acknowledge", "Acknowledge", at(40))
    service.end_meeting(meeting.id, at(600))

    detail = service.load_meeting(meeting.id)
    assert [event.kind for event in detail.timeline] == [
        TimelineKind.STEP,
        TimelineKind.SIGNAL,
        TimelineKind.STAMP,
        TimelineKind.STEP,
    ]
    signal = detail.timeline[1]
    assert (signal.cue_key, signal.source, signal.at) == ("calm", SignalSource.PHONE, at(20))
    assert (signal.shown_at, signal.acknowledged_at) == (at(20.2), at(25))
    assert detail.timeline[2].text == "raised voice about the invoice"
    assert detail.meeting.ended_at == at(600)
    assert detail.stamped_lines[0].step_key == "listen"


def test_a_repeated_link_message_is_one_signal(store: Store) -> None:
    meeting = store.service.start_meeting(draft())
    first = store.service.record_signal_sent(meeting.id, "calm", SignalSource.PHONE, at(1), "m-7")
    again = store.service.record_signal_sent(meeting.id, "calm", SignalSource.PHONE, at(2), "m-7")
    assert first == again
    assert len(store.service.load_meeting(meeting.id).signals) == 1


def test_notes_are_saved_per_field(store: Store) -> None:
    service = store.service
    meeting = service.start_meeting(draft())
    service.save_note(meeting.id, NoteField.WHAT_THEY_SAY, "We were promised delivery", at(1))
    service.save_note(meeting.id, NoteField.REAL_CONCERN, "Their own boss", at(2))
    notes = service.load_meeting(meeting.id).notes
    assert notes[NoteField.WHAT_THEY_SAY] == "We were promised delivery"
    assert notes[NoteField.REAL_CONCERN] == "Their own boss"
    assert notes[NoteField.COMMITMENTS] == ""
    assert set(notes) == set(NoteField)


def test_history_has_one_revision_per_burst_of_typing(store: Store) -> None:
    service = store.service
    meeting = service.start_meeting(draft())
    field = NoteField.FREE
    for step, typed in enumerate(["W", "We", "We w", "We want"]):
        service.save_note(meeting.id, field, typed, at(step))
    # A pause of more than 30 s starts a new burst.
    service.save_note(meeting.id, field, "We want a refund", at(60))
    service.save_note(meeting.id, field, "We want a refund now", at(61))
    revisions = service.note_revisions(meeting.id, field)
    assert [revision.text for revision in revisions] == ["We want a refund now", "We want"]
    assert revisions[1].started_at == at(0) and revisions[1].saved_at == at(3)


def test_an_earlier_text_can_be_restored_without_losing_the_later_one(store: Store) -> None:
    service = store.service
    meeting = service.start_meeting(draft())
    field = NoteField.COMMITMENTS
    service.save_note(meeting.id, field, "Refund 10%", at(0))
    service.save_note(meeting.id, field, "No refund", at(100))
    earlier = service.note_revisions(meeting.id, field)[-1]
    service.restore_revision(earlier.id, at(200))
    assert service.load_meeting(meeting.id).notes[field] == "Refund 10%"
    service.save_note(meeting.id, field, "Refund 10% by Friday", at(201))
    history = [revision.text for revision in service.note_revisions(meeting.id, field)]
    assert history == ["Refund 10% by Friday", "Refund 10%", "No refund", "Refund 10%"]


def test_ending_a_meeting_closes_the_current_revision(store: Store) -> None:
    service = store.service
    meeting = service.start_meeting(draft())
    service.save_note(meeting.id, NoteField.FREE, "during", at(1))
    service.end_meeting(meeting.id, at(2))
    service.save_note(meeting.id, NoteField.FREE, "during, and after", at(3))
    history = [revision.text for revision in service.note_revisions(meeting.id, NoteField.FREE)]
    assert history == ["during, and after", "during"]


def test_action_items_and_follow_up(store: Store) -> None:
    service = store.service
    meeting = service.start_meeting(draft())
    item = service.add_action_item(meeting.id, "Send revised invoice", "me", date(2025, 3, 7))
    other = service.add_action_item(meeting.id, "Call their CFO", "Sam")
    assert service.update_action_item(item.id, done=True).done
    assert service.update_action_item(item.id, owner="Jo").due == date(2025, 3, 7)
    assert service.update_action_item(item.id, due=None).due is None
    service.delete_action_item(other.id)
    service.set_follow_up(meeting.id, date(2025, 3, 11))
    detail = service.load_meeting(meeting.id)
    assert [(a.text, a.owner, a.done) for a in detail.action_items] == [
        ("Send revised invoice", "Jo", True)
    ]
    assert detail.follow_up == date(2025, 3, 11) == detail.meeting.follow_up


def test_open_follow_ups_oldest_first(store: Store) -> None:
    service = store.service
    ids = []
    for day, follow_up in [(1, date(2025, 4, 2)), (2, None), (3, date(2025, 3, 20))]:
        meeting = service.start_meeting(draft(started_at=at(day * 86400)))
        service.set_follow_up(meeting.id, follow_up)
        ids.append(meeting.id)
    assert [m.id for m in service.open_follow_ups(date(2025, 3, 25))] == [ids[2], ids[0]]


def test_list_meetings_newest_first_with_filters(store: Store) -> None:
    service = store.service
    acme = [service.start_meeting(draft(started_at=at(day * 86400))) for day in range(3)]
    beta = service.start_meeting(draft(client="Beta", started_at=at(5 * 86400)))
    service.record_signal_sent(acme[0].id, "calm", SignalSource.WINDOW, at(5))
    service.end_meeting(acme[0].id, at(905))

    listed = service.list_meetings()
    assert [m.id for m in listed] == [beta.id, acme[2].id, acme[1].id, acme[0].id]
    oldest = listed[-1]
    assert (oldest.signal_count, oldest.duration) == (1, timedelta(seconds=905))
    assert listed[0].duration is None
    only_acme = service.list_meetings(client_id=acme[0].client_id)
    assert [m.id for m in only_acme] == [acme[2].id, acme[1].id, acme[0].id]
    window = {"since": at(86400), "until": at(5 * 86400)}
    assert [m.id for m in service.list_meetings(**window)] == [acme[2].id, acme[1].id]
    assert service.count_meetings(**window) == 2
    assert [m.id for m in service.list_meetings(limit=2, offset=1)] == [acme[2].id, acme[1].id]


def test_search_finds_notes_lines_titles_and_clients_with_snippets(store: Store) -> None:
    service = store.service
    invoice = service.start_meeting(draft(client="Hartmann Logistics", title="Invoice dispute"))
    service.save_note(
        invoice.id,
        NoteField.NOT_SAYING,
        "He never mentioned the warehouse; the late pallets are the real wound",
        at(1),
    )
    service.add_stamped_line(invoice.id, "threatened to call the lawyer", at(2))
    other = service.start_meeting(draft(client="Beta", title="Quarterly review"))
    service.save_note(other.id, NoteField.FREE, "pallets mentioned once", at(3))

    hits = service.search("pallets")
    assert {hit.meeting_id for hit in hits} == {invoice.id, other.id}
    by_meeting = {hit.meeting_id: hit for hit in hits}
    assert by_meeting[invoice.id].where == NoteField.NOT_SAYING.label
    assert "[[pallets]]" in by_meeting[invoice.id].snippet
    assert by_meeting[invoice.id].client_name == "Hartmann Logistics"
    assert by_meeting[invoice.id].title == "Invoice dispute"

    [lawyer] = service.search("lawyer")
    assert (lawyer.where, lawyer.meeting_id) == ("Stamped line", invoice.id)
    assert [hit.where for hit in service.search("hartmann")] == ["Client"]
    assert [hit.where for hit in service.search("quarterly")] == ["Title"]
    # Every word must match; the last may be the start of a word as the user types.
    assert [hit.meeting_id for hit in service.search("warehouse pall")] == [invoice.id]
    assert service.search("warehouse quarterly") == []
    # Search syntax typed by the user is taken as plain words, never an error.
    assert service.search('"pallets" AND (NEAR -*') == service.search("pallets and near")
    assert service.search("   ") == []


def test_search_ranks_the_better_match_first(store: Store) -> None:
    service = store.service
    weak = service.start_meeting(draft(title="Catch-up"))
    service.save_note(
        weak.id, NoteField.FREE, "refund " + "some long text about other things " * 20, at(1)
    )
    strong = service.start_meeting(draft(title="Refund refund"))
    hits = service.search("refund")
    assert hits[0].meeting_id == strong.id
    assert hits[0].where == "Title"


def test_search_follows_edits(store: Store) -> None:
    service = store.service
    meeting = service.start_meeting(draft())
    service.save_note(meeting.id, NoteField.FREE, "they want a discount", at(1))
    assert service.search("discount")
    service.save_note(meeting.id, NoteField.FREE, "they want an apology", at(2))
    assert service.search("discount") == []
    assert service.search("apology")[0].meeting_id == meeting.id


def test_unknown_ids_raise_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.service.load_meeting(4711)
    with pytest.raises(NotFound):
        store.service.save_note(4711, NoteField.FREE, "x", at(0))
    with pytest.raises(NotFound):
        store.service.restore_revision(4711, at(0))


def test_delete_meeting_removes_it_everywhere(store: Store, backend: str) -> None:
    service = store.service
    keep = service.start_meeting(draft(title="Keep me"))
    meeting = service.start_meeting(draft(title="Zanzibarquokka visit"))
    service.save_note(meeting.id, NoteField.FREE, "secretword xylophonist", at(1))
    service.save_note(meeting.id, NoteField.FREE, "secretword xylophonist plus more", at(90))
    service.add_stamped_line(meeting.id, "stamped xylophonist", at(2))
    service.add_action_item(meeting.id, "do it", "me")
    service.record_signal_sent(meeting.id, "calm", SignalSource.WINDOW, at(3))
    service.enter_step(meeting.id, "listen", "Listen", at(4))

    service.delete_meeting(meeting.id)

    assert service.search("xylophonist") == []
    assert service.search("zanzibarquokka") == []
    assert [m.id for m in service.list_meetings()] == [keep.id]
    with pytest.raises(NotFound):
        service.load_meeting(meeting.id)
    with store.engine.connect() as connection:
        for table in (
            "notes",
            "note_revisions",
            "stamped_lines",
            "action_items",
            "signals",
            "steps_entered",
        ):
            count = connection.execute(
                text(f"SELECT count(*) FROM {table} WHERE meeting_id = :id"), {"id": meeting.id}
            ).scalar_one()
            assert count == 0, table
    if backend == "sqlite":
        # Not just unlinked: the words are gone from the file and its write-ahead log.
        file = Path(store.location.sqlite_file or "")
        raw = b"".join(
            path.read_bytes()
            for path in (file, file.with_name(file.name + "-wal"))
            if path.exists()
        )
        assert b"xylophonist" not in raw
        assert b"Zanzibarquokka" not in raw
        assert b"Keep me" in raw


def test_search_finds_action_items_and_follows_their_edits(store: Store) -> None:
    """Issue 26: action items were not searchable."""
    service = store.service
    meeting = service.start_meeting(draft("Harbor & Sons", "Pallets"))
    item = service.add_action_item(meeting.id, "Send the revised delivery plan", "Sam")
    hits = service.search("revised")
    assert [(hit.meeting_id, hit.where) for hit in hits] == [(meeting.id, "Action item")]
    assert "[[revised]]" in hits[0].snippet
    service.update_action_item(item.id, text="Call the depot manager")
    assert service.search("revised") == []
    assert [hit.where for hit in service.search("depot")] == ["Action item"]
    service.delete_action_item(item.id)
    assert service.search("depot") == []
