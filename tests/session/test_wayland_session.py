"""A meeting on native Wayland: Weston 10 headless, Poise on Qt's wayland platform.

What is real: the compositor (Weston's headless backend and desktop shell), Poise's own
process on ``QT_QPA_PLATFORM=wayland`` with its real store file, every window, and the
screenshots (Weston's screenshooter, under tests/screens/wayland-*.png). What stands in:
the keyboard and mouse. Weston has no seat and no virtual-keyboard protocol, so the keys
and clicks are QTest events made inside the app process from commands on its stdin
(tests/session/wayland_driver.py): the shortcuts (Ctrl+N, PageDown, Ctrl+1,
Ctrl+Shift+E), the typing and the button clicks go through Qt's event handling as a
person's would, but not through the compositor.

It fails on clipped or squeezed text, a Qt warning, a traceback or a crash report, like
the X11 walk, and checks that the live window says once that it cannot stay on top here
and shows GNOME's own way.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.session.desktop import private_desktop, wait_until
from tests.session.wayland import WaylandDesktop, WaylandPoise, private_weston

pytestmark = pytest.mark.session

SCREENS = Path(__file__).resolve().parents[1] / "screens"
CLIENT = "Northwind Freight"
TITLE = "Invoice charged twice"
NOTE = "Billed twice in March"


@pytest.fixture(scope="module")  # one compositor for the walk and the next start
def weston() -> Iterator[WaylandDesktop]:
    with private_weston(SCREENS) as running:
        yield running


def test_a_meeting_natively_on_wayland(weston: WaylandDesktop, tmp_path: Path) -> None:
    data_dir = tmp_path / "poise-data"
    home = tmp_path / "home"
    home.mkdir()
    app = WaylandPoise(
        weston,
        data_dir,
        extra_env={
            "POISE_LINK_BIND": "127.0.0.1",
            "HOME": str(home),
            "XDG_SESSION_TYPE": "wayland",
            "XDG_CURRENT_DESKTOP": "GNOME",
        },
    )
    faults: list[str] = []

    def look(name: str) -> None:
        wait_until(lambda: app.windows(), 10, "a window on screen")
        weston.screenshot(name)
        faults.extend(f"{name}: {fault}" for fault in app.layout_faults())

    try:
        app.wait_widget("mainWindow", text="playbooks ready", timeout=30)
        look("home")

        app.key("mainWindow", "Ctrl+N")
        app.wait_window("prepareDialog")
        for field, text in (("clientPicker", CLIENT), ("meetingTitle", TITLE)):
            app.click("prepareDialog", name=field)
            app.type_text("prepareDialog", text)
        app.wait_widget("prepareDialog", name="meetingTitle", text=TITLE)
        look("prepare")
        app.click("prepareDialog", name="primaryButton")
        app.wait_widget("prepareDialog", text="Before you start")
        for box in [w for w in app.widgets("prepareDialog") if w.kind == "QCheckBox"]:
            app.click("prepareDialog", kind="QCheckBox", text=box.text)
        look("checklist")
        app.click("prepareDialog", name="primaryButton", text="Start")

        live = "liveWindow"
        first = app.wait_widget(live, name="stepTitle")
        # Said once, in the window: no stay-on-top here, and GNOME's own way.
        place = app.wait_widget(live, name="windowPlaceLine")
        assert "cannot keep this window on top" in place.text, place.text
        assert "right-click the title bar › Always on Top" in place.text, place.text
        look("live-step-1")
        # Stay on top by its key: nothing breaks, and the word stays on screen.
        app.key(live, "Ctrl+T")
        wait_until(lambda: settings_of(data_dir).get("stay_on_top"), 5, "stay on top saved")
        app.wait_widget(live, name="windowPlaceLine")
        app.key(live, "PgDown")
        wait_until(
            lambda: (t := app.find(live, name="stepTitle")) and t.text != first.text,
            5,
            "PageDown to move to the next step",
        )
        app.key(live, "Ctrl+1")
        app.type_text(live, NOTE)
        look("live-note")

        app.key(live, "Ctrl+Shift+E")
        app.wait_widget(live, name="endMeetingDialog")
        look("end-dialog")
        app.click(live, name="primaryButton", text="End")
        app.wait_window("summaryWindow", timeout=15)
        look("summary")
        wait_until(lambda: ended_meetings(data_dir), 10, "the meeting's end in the database")
        assert NOTE in note_texts(data_dir)

        # Settings offers XWayland for the next start, with its trade-off.
        app.close_window("summaryWindow")
        app.click("mainWindow", name="settingsButton")
        now = app.wait_widget("settingsDialog", name="xwaylandNow")
        # This start was asked for by QT_QPA_PLATFORM, as a user may: Settings says it wins.
        assert now.text.startswith("QT_QPA_PLATFORM=wayland is set"), now.text
        app.click("settingsDialog", name="runThroughXWayland")
        look("settings-xwayland")
        app.click("settingsDialog", kind="QPushButton", text="Save")
        wait_until(lambda: app.window("settingsDialog") is None, 10, "Settings to close")
        assert settings_of(data_dir)["run_through_xwayland"]
        app.close_window("mainWindow")
        assert app.wait_exit(20) == 0
    finally:
        app.kill()
    check_clean(app, data_dir)
    assert not faults, "\n".join(faults)


def test_the_next_start_goes_through_xwayland(weston: WaylandDesktop, tmp_path: Path) -> None:
    """Chosen in Settings: with no QT_QPA_PLATFORM of the user's, Poise starts on xcb."""
    data_dir = tmp_path / "poise-data"
    data_dir.mkdir()
    (data_dir / "settings.json").write_text(json.dumps({"run_through_xwayland": True}))
    # Xvfb stands in for the X server a Wayland desktop runs beside it (XWayland).
    with private_desktop(tmp_path / "x-screens") as x_server:
        app = PoiseOnChosenPlatform(
            weston,
            data_dir,
            extra_env={"XDG_SESSION_TYPE": "wayland", **x_server.env},
        )
        try:
            app.wait_widget("mainWindow", text="playbooks ready", timeout=30)
            # On the X server, not on Weston: the window manager there lists it.
            x_server.xdotool("search", "--sync", "--onlyvisible", "--name", "^Poise$")
            app.click("mainWindow", name="settingsButton")
            now = app.wait_widget("settingsDialog", name="xwaylandNow")
            assert now.text == "Poise runs through XWayland now.", now.text
            app.close_window("settingsDialog")
            app.close_window("mainWindow")
            assert app.wait_exit(20) == 0
        finally:
            app.kill()
    check_clean(app, data_dir)


class PoiseOnChosenPlatform(WaylandPoise):
    """No QT_QPA_PLATFORM in its environment: the platform is Poise's own choice."""

    platform = None


def check_clean(app: WaylandPoise, data_dir: Path) -> None:
    output = app.output()
    assert "Traceback" not in output, output
    assert not app.qt_messages(), app.qt_messages()
    assert not list((data_dir / "crash-reports").glob("*")), "crash reports written"


def settings_of(data_dir: Path) -> dict[str, object]:
    path = data_dir / "settings.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def ended_meetings(data_dir: Path) -> list[str]:
    with sqlite3.connect(data_dir / "poise.sqlite3") as connection:
        rows = connection.execute("SELECT title FROM meetings WHERE ended_at IS NOT NULL")
        return [row[0] for row in rows.fetchall()]


def note_texts(data_dir: Path) -> str:
    with sqlite3.connect(data_dir / "poise.sqlite3") as connection:
        rows = connection.execute("SELECT text FROM notes").fetchall()
    return "\n".join(row[0] for row in rows)
