"""Meetings the store has not taken yet, without a window or a store: written once, offered
again after a refusal, filed when the store cannot take them, let go at the right time."""

from __future__ import annotations

from app.domain.awaiting_store import AwaitingStore


def test_a_meeting_is_sent_once_while_its_write_is_on_the_way() -> None:
    awaiting: AwaitingStore[str] = AwaitingStore()
    awaiting.add("monday")
    assert awaiting.begin_write("monday")
    assert not awaiting.begin_write("monday")  # the store opened again meanwhile: not twice
    assert awaiting.written("monday")
    assert not awaiting
    assert awaiting.waiting == []


def test_a_refused_meeting_is_offered_again_and_can_then_be_written() -> None:
    awaiting: AwaitingStore[str] = AwaitingStore()
    awaiting.add("monday")
    awaiting.begin_write("monday")
    assert awaiting.refused("monday")  # still waiting: try again
    assert awaiting.begin_write("monday")  # the retry is not blocked by the first attempt
    assert awaiting.written("monday")


def test_a_passing_problem_files_the_meeting_and_keeps_it_waiting_for_the_store() -> None:
    awaiting: AwaitingStore[str] = AwaitingStore()
    awaiting.add("monday")
    awaiting.store_failed("database is locked", transient=True)
    assert awaiting.problem == "database is locked"
    awaiting.file("monday")
    assert awaiting.is_filed("monday")
    assert awaiting.waiting == ["monday"]
    awaiting.store_opened()
    assert awaiting.problem == ""
    assert awaiting.begin_write("monday")
    assert awaiting.written("monday")
    assert not awaiting.is_filed("monday")
    assert not awaiting


def test_a_store_that_never_opens_lets_a_filed_meeting_go() -> None:
    awaiting: AwaitingStore[str] = AwaitingStore()
    awaiting.add("monday")
    awaiting.begin_write("monday")
    awaiting.store_failed("no such database", transient=False)
    awaiting.file("monday")
    assert not awaiting
    # Its write comes back after all: nothing is left to attach it to.
    assert not awaiting.written("monday")
    awaiting.add("tuesday")
    awaiting.begin_write("tuesday")
    awaiting.file("tuesday")
    assert not awaiting.refused("tuesday")  # filed and let go: no retry


def test_at_quit_every_meeting_leaves_and_only_the_unfiled_need_a_copy() -> None:
    awaiting: AwaitingStore[str] = AwaitingStore()
    for meeting in ("monday", "tuesday", "wednesday"):
        awaiting.add(meeting)
    awaiting.store_failed("database is locked", transient=True)
    awaiting.file("tuesday")
    assert awaiting.let_go_unfiled() == ["monday", "wednesday"]
    assert not awaiting
