"""Daily reminders received for real: a private D-Bus session bus (dbus-daemon started here),
a stand-in notification service on it, the app's notifier, and a click back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.settings import load_settings, shared_settings
from app.store import Store, open_store
from app.ui.home.reminders import MAX_NOTICES, DesktopNotifier, Reminders
from tests.meeting_factory import make_meeting
from tests.platform.private_bus import ServiceProcess, needs_dbus_daemon, private_session_bus

TODAY = date(2025, 3, 12)
SERVICE = Path(__file__).with_name("fake_notification_service.py")

pytestmark = needs_dbus_daemon


@pytest.fixture
def bus_address() -> Iterator[str]:
    with private_session_bus() as address:
        yield address


class FakeService(ServiceProcess):
    def __init__(self, address: str) -> None:
        super().__init__(SERVICE, address)

    def click(self, notification_id: int) -> None:
        self.tell(f"click {notification_id}")


@pytest.fixture
def service(bus_address: str) -> Iterator[FakeService]:
    fake = FakeService(bus_address)
    yield fake
    fake.stop()


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    opened = open_store()
    yield opened
    opened.close()


def _due_meetings(store: Store) -> dict[str, int]:
    start = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
    made = {
        "today": make_meeting(
            store.service,
            client_name="Harbor & Finch Logistics",
            title="Pallets",
            started_at=start,
            follow_up=TODAY,
        ),
        "overdue": make_meeting(
            store.service,
            client_name="Birchwood Dental",
            title="Invoice",
            started_at=start + timedelta(days=1),
            follow_up=TODAY - timedelta(days=2),
            actions=(("Refund the double charge", "Sam", TODAY - timedelta(days=1)),),
        ),
        "later": make_meeting(
            store.service,
            client_name="Calder & Sons",
            title="Renewal",
            started_at=start + timedelta(days=2),
            follow_up=TODAY + timedelta(days=5),
            actions=(("Send the contract", "me", TODAY + timedelta(days=3)),),
        ),
    }
    return {key: meeting.meeting_id for key, meeting in made.items()}


def _notifies(qtbot: QtBot, service: FakeService, count: int) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []

    def arrived() -> bool:
        seen.extend(c for c in service.received() if c["member"] == "Notify")
        return len(seen) >= count

    qtbot.waitUntil(arrived, timeout=5000)
    return seen


def test_due_follow_ups_and_items_reach_the_desktop_and_a_click_opens_the_meeting(
    qtbot: QtBot, store: Store, service: FakeService, bus_address: str
):
    ids = _due_meetings(store)
    notifier = DesktopNotifier(bus_address=bus_address)
    assert notifier.backend == "freedesktop"
    reminders = Reminders(store, notifier, today=lambda: TODAY)
    with qtbot.waitSignal(reminders.checked, timeout=5000) as checked:
        reminders.check()
    assert checked.args == [3]  # two follow-ups, one item; nothing of "later"
    calls = _notifies(qtbot, service, 3)
    assert {c["signature"] for c in calls} == {"susssasa{sv}i"}
    bodies = [c["args"][4] for c in calls]
    assert bodies[0].startswith("Follow up with Birchwood Dental (since Mon 10 Mar 2025)")
    assert "Refund the double charge (Birchwood Dental, Sam, due since Tue 11 Mar 2025)" in bodies
    assert "Follow up with Harbor & Finch Logistics (today)" in bodies
    assert not any("Calder" in body for body in bodies)
    first = calls[0]["args"]
    assert first[0] == "Poise" and first[1] == 0 and first[5] == ["default", "Open"]
    assert first[3] == "Poise · overdue"
    assert "urgency" in str(first[6]) and "suppress-sound" in str(first[6])
    today_call = next(c for c in calls if "Harbor" in c["args"][4])
    with qtbot.waitSignal(reminders.openMeeting, timeout=5000) as opened:
        service.click(today_call["id"])
    assert opened.args == [ids["today"]]
    assert load_settings().reminders_shown_on == TODAY.isoformat()

    # Once a day: a second check, or a restart the same day, shows nothing more.
    reminders.check()
    again = Reminders(store, notifier, today=lambda: TODAY)
    with qtbot.waitSignal(again.checked, timeout=5000) as second:
        again.check()
    assert second.args == [0]
    qtbot.wait(300)  # give a wrongly sent notice the time to arrive
    assert [c for c in service.received() if c["member"] == "Notify"] == []
    reminders.stop()


def test_reminders_off_in_settings_show_nothing(
    qtbot: QtBot, store: Store, service: FakeService, bus_address: str
):
    _due_meetings(store)
    shared_settings().update(reminders_enabled=False)
    reminders = Reminders(store, DesktopNotifier(bus_address=bus_address), today=lambda: TODAY)
    with qtbot.waitSignal(reminders.checked, timeout=5000) as checked:
        reminders.check()
    assert checked.args == [0]
    qtbot.wait(300)
    assert [c for c in service.received() if c["member"] == "Notify"] == []
    reminders.stop()


def test_many_due_become_three_notices_and_one_that_counts_the_rest(
    qtbot: QtBot, store: Store, service: FakeService, bus_address: str
):
    for day in range(6):
        make_meeting(
            store.service,
            client_name=f"Client {day}",
            title="x",
            started_at=datetime(2025, 3, 1, 9, 0, tzinfo=UTC) + timedelta(days=day),
            follow_up=TODAY - timedelta(days=day),
        )
    reminders = Reminders(store, DesktopNotifier(bus_address=bus_address), today=lambda: TODAY)
    with qtbot.waitSignal(reminders.openReview, timeout=5000):
        reminders.check()
        calls = _notifies(qtbot, service, MAX_NOTICES + 1)
        assert calls[-1]["args"][4] == "3 more due: see the open follow-ups in the review"
        service.click(calls[-1]["id"])
    reminders.stop()


def test_the_settings_dialog_turns_reminders_off_and_on(qtbot: QtBot, data_dir: Path):
    from app.ui.settings.settings_dialog import SettingsDialog

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.reminders.isChecked()  # on by default
    dialog.reminders.setChecked(False)
    dialog.accept()
    assert load_settings().reminders_enabled is False
    again = SettingsDialog()
    qtbot.addWidget(again)
    assert not again.reminders.isChecked()
    again.reminders.setChecked(True)
    again.accept()
    assert load_settings().reminders_enabled is True


def test_with_no_notification_service_the_home_window_says_them_and_only_then_they_count(
    qtbot: QtBot, store: Store, bus_address: str
):
    """Issue 26: a bus but no notification service on it: nothing showed, yet Poise
    recorded today's reminders as shown, so they were gone for good."""
    from app.ui.home.due_line import DueLine

    _due_meetings(store)
    notifier = DesktopNotifier(bus_address=bus_address)  # nobody answers Notify there
    reminders = Reminders(store, notifier, today=lambda: TODAY)
    line = DueLine()
    qtbot.addWidget(line)
    line.seen.connect(reminders.record_shown)
    with qtbot.waitSignal(reminders.undelivered, timeout=10000) as undelivered:
        reminders.check()
    assert load_settings().reminders_shown_on != TODAY.isoformat()  # nothing seen yet
    line.show_due(undelivered.args[0])
    qtbot.waitUntil(line.isVisible, timeout=5000)
    assert line.text().startswith("Due: Follow up with Birchwood Dental")
    assert "and 1 more" in line.text()
    assert load_settings().reminders_shown_on == TODAY.isoformat()  # seen on the home window
    with qtbot.waitSignal(line.openReview, timeout=1000):
        line.linkActivated.emit("review")
    reminders.stop()
