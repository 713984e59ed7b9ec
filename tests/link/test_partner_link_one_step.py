"""The partner link in one step (issue 14): a key on the live window turns it on and docks
the QR code beside the window, on screen and never over it; the code leaves the screen
once a partner is here, who is connected shows instead; Copy says "Copied"; the network
to listen on is a visible choice, saved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.link.lan_address import THIS_COMPUTER_ONLY, listen_choices
from app.link.server import BIND_ENV, PartnerLinkServer
from app.settings import DockSide, load_settings
from app.ui.common.panic import PanicHide
from app.ui.partner.copy_field import COPIED_SHOWN_MS
from app.ui.partner.pairing_panel import PairingPanel
from app.ui.partner.partner_wiring import DOCK_GAP_PX, dock_beside
from tests.link.conftest import TWO_CUES, QtThreadCalls, RealMeeting, in_thread
from tests.link.test_link_server import partner, receive

SCREEN = QRect(0, 0, 1920, 1080)
PANEL = QSize(340, 420)


@pytest.mark.parametrize(
    ("live", "expected"),
    [
        (QRect(600, 100, 362, 740), QPoint(600 + 362 + DOCK_GAP_PX, 100)),  # more room right
        (QRect(1500, 100, 362, 740), QPoint(1500 - DOCK_GAP_PX - 340, 100)),  # more room left
        (QRect(1558, 0, 362, 1080), QPoint(1558 - DOCK_GAP_PX - 340, 0)),  # docked right
        (QRect(0, 0, 362, 1080), QPoint(362 + DOCK_GAP_PX, 0)),  # docked left
        (QRect(600, 900, 362, 740), QPoint(600 + 362 + DOCK_GAP_PX, 1080 - 420)),  # low
    ],
)
def test_the_panel_docks_beside_the_live_window_inside_the_screen(
    live: QRect, expected: QPoint
) -> None:
    placed = QRect(dock_beside(live, PANEL, SCREEN), PANEL)
    assert placed.topLeft() == expected
    assert SCREEN.contains(placed)
    assert not placed.intersects(live)


def test_a_maximised_live_window_keeps_its_top_the_step_and_cue_free() -> None:
    live = QRect(SCREEN)
    placed = QRect(dock_beside(live, PANEL, SCREEN), PANEL)
    assert SCREEN.contains(placed)
    assert placed.top() >= SCREEN.bottom() - PANEL.height()  # at the bottom, over the notes


def shoot(widget: object, path: Path) -> None:
    QApplication.sendPostedEvents()
    QApplication.processEvents()
    assert widget.grab().save(str(path)), path  # type: ignore[attr-defined]


def frame_of(widget: object) -> QRect:
    return widget.frameGeometry()  # type: ignore[attr-defined,no-any-return]


def test_one_key_turns_the_link_on_and_docks_the_code_beside_the_live_window(
    qtbot: QtBot, real_meeting: RealMeeting, screens_dir: Path
) -> None:
    session, window = real_meeting.start()
    link = real_meeting.link
    assert link is not None and link.server is not None
    assert window.partner_link_action.text() == "Partner link"
    assert not link.server.is_running

    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    server = link.server
    pairing = link.pairing_window
    assert server.is_running and pairing is not None
    qtbot.waitExposed(pairing)
    panel = pairing.panel
    assert panel.details.isVisible() and not panel.qr_label.pixmap().isNull()
    assert panel.url_field.text() == server.pairing_url()
    screen = window.screen().availableGeometry()
    for side in (DockSide.NONE, DockSide.RIGHT, DockSide.LEFT):
        if side is not DockSide.NONE:
            window.dock(side)
        qtbot.waitUntil(lambda: not frame_of(pairing).intersects(frame_of(window)))
        assert screen.contains(frame_of(pairing)), (side, frame_of(pairing), screen)
        assert frame_of(pairing).top() >= screen.top()  # nothing above the screen's top
        # The whole screen, on a real X server (offscreen has no screen to grab); the X
        # server repaints the uncovered area on its own time, with no event to wait for.
        if QApplication.platformName() == "xcb":
            qtbot.wait(400)
            window.screen().grabWindow(0).save(str(screens_dir / f"pairing_docked_{side}.png"))
    shoot(pairing, screens_dir / "pairing_docked_on.png")

    # Copy says so, then goes back to its name.
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == server.pairing_url()
    assert panel.copy_button.text() == "Copied"
    qtbot.waitUntil(lambda: panel.copy_button.text() == "Copy", timeout=COPIED_SHOWN_MS + 2000)

    # A partner joins: the code and its secret leave the screen; who is here shows instead.
    qt = QtThreadCalls()
    url = server.pairing_url()

    def join_then_a_second() -> None:
        with partner(url) as phone:
            receive(phone)
            phone.send(json.dumps({"type": "hello", "client": "phone"}))
            qt.call(lambda: qtbot.waitUntil(lambda: panel.who_label.text() != ""))
            qt.call(check_code_hidden)
            qt.call(lambda: shoot(pairing, screens_dir / "pairing_docked_partner.png"))
            # "Show the code again" for a second partner; hidden again once they join.
            qt.call(lambda: qtbot.mouseClick(panel.show_code_button, Qt.MouseButton.LeftButton))
            qt.call(lambda: qtbot.waitUntil(lambda: panel.url_field.text() == url))
            with partner(url) as laptop:
                receive(laptop)
                laptop.send(json.dumps({"type": "hello", "client": "partner_app"}))
                qt.call(lambda: qtbot.waitUntil(lambda: server.partner_count == 2))
                qt.call(check_code_hidden)
                qt.call(
                    lambda: qtbot.waitUntil(
                        lambda: (
                            panel.who_label.text()
                            == "Phone · 127.0.0.1\nPoise on a laptop · 127.0.0.1"
                        )
                    )
                )

    def check_code_hidden() -> None:
        assert not panel.details.isVisible()
        assert panel.url_field.text() == "" and panel.qr_label.pixmap().isNull()
        assert panel.show_code_button.isVisible()
        assert panel.who_label.isVisible()
        # Nothing on screen spells the secret.
        secret = url.rsplit("/", 1)[1]
        assert all(
            secret not in label.text() for label in pairing.findChildren(type(panel.who_label))
        )

    in_thread(qtbot, join_then_a_second, qt_calls=qt)
    qtbot.waitUntil(lambda: server.partner_count == 0)
    assert panel.details.isVisible()  # nobody left: the code is back for them to rejoin

    # The same key hides the panel; the link stays on.
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert not pairing.isVisible() and server.is_running
    window.partner_link_action.trigger()
    assert pairing.isVisible()
    qtbot.keyClick(pairing, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert not pairing.isVisible() and server.is_running

    real_meeting.end()
    assert link.pairing_window is None and not server.is_running
    del session


def test_the_network_to_listen_on_is_a_visible_saved_choice(
    qtbot: QtBot, real_meeting: RealMeeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(BIND_ENV)
    real_meeting.link._settings = None  # type: ignore[union-attr]  # read afresh, as the app does
    from app.settings import shared_settings

    shared_settings().update(
        partner_link_bind_address="127.0.0.2", partner_link_port=real_meeting.port
    )
    real_meeting.start()
    server = real_meeting.link_on()
    assert server.bind_address == "127.0.0.2"
    panel = real_meeting.link.pairing_window.panel  # type: ignore[union-attr]
    choice = panel.bind_choice
    assert choice.isEnabled()
    assert choice.currentData() == "127.0.0.2"
    assert choice.itemData(0) == "0.0.0.0"  # every network, the default, comes first
    local = choice.findData(THIS_COMPUTER_ONLY)
    assert local >= 0
    choice.setCurrentIndex(local)
    choice.activated.emit(local)  # what choosing it with the mouse emits
    assert server.is_running and server.bind_address == THIS_COMPUTER_ONLY
    assert panel.url_field.text().startswith(f"http://127.0.0.1:{real_meeting.port}/p/")
    assert load_settings().partner_link_bind_address == THIS_COMPUTER_ONLY


def test_the_environment_variable_wins_and_says_so(qtbot: QtBot) -> None:
    # The autouse fixture sets POISE_LINK_BIND=127.0.0.1, as a user may.
    owner = QObject()  # a Qt parent, as in the app (see test_pairing_panel)
    server = PartnerLinkServer(TWO_CUES, parent=owner)
    panel = PairingPanel(server)
    qtbot.addWidget(panel)
    assert not panel.bind_choice.isEnabled()
    assert BIND_ENV in panel.bind_choice.toolTip()
    assert panel.bind_choice.currentData() == "127.0.0.1"


def test_an_address_this_computer_no_longer_has_stays_chosen_and_marked() -> None:
    choices = listen_choices("192.0.2.44")
    assert choices[-1].address == "192.0.2.44"
    assert "not on this computer now" in choices[-1].label
    assert [c.address for c in choices].count(THIS_COMPUTER_ONLY) == 1


def test_a_partner_joining_hides_the_code_in_the_panel_alone(qtbot: QtBot) -> None:
    owner = QObject()
    server = PartnerLinkServer(TWO_CUES, bind_address="127.0.0.1", parent=owner)
    panel = PairingPanel(server)
    qtbot.addWidget(panel)
    panel.show()
    panel.toggle.click()
    url = server.pairing_url()
    assert panel.url_field.text() == url

    def join() -> None:
        with partner(url) as phone:
            receive(phone)
            qt.call(lambda: qtbot.waitUntil(lambda: panel.url_field.text() == ""))

    qt = QtThreadCalls()
    in_thread(qtbot, join, qt_calls=qt)
    server.end()


def test_panic_hide_takes_the_code_off_the_screen_too(
    qtbot: QtBot, real_meeting: RealMeeting
) -> None:
    _session, window = real_meeting.start()
    real_meeting.link_on()
    pairing = real_meeting.link.pairing_window  # type: ignore[union-attr]
    assert pairing is not None and pairing.isVisible()
    panic = PanicHide(can_hear_keys_while_hidden=True)
    panic.hide_all()
    assert not pairing.isVisible() and not window.isVisible()
    panic.restore()
    assert pairing.isVisible() and window.isVisible()
    assert not frame_of(pairing).intersects(frame_of(window))
