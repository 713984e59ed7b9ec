"""Which window system Poise runs on, and the XWayland choice made before Qt starts."""

from __future__ import annotations

import pytest

from app.platform import window_session
from app.platform.window_session import (
    Desktop,
    SessionKind,
    choose_platform,
    detect_window_session,
    platform_set_by_user,
)

WAYLAND_WITH_X = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}


@pytest.mark.parametrize(
    ("platform", "env", "kind"),
    [
        ("wayland", {"WAYLAND_DISPLAY": "wayland-0"}, SessionKind.WAYLAND),
        ("wayland-egl", {}, SessionKind.WAYLAND),
        ("xcb", WAYLAND_WITH_X, SessionKind.XWAYLAND),
        ("xcb", {"XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"}, SessionKind.XWAYLAND),
        ("xcb", {"XDG_SESSION_TYPE": "x11", "DISPLAY": ":0"}, SessionKind.X11),
        ("offscreen", WAYLAND_WITH_X, SessionKind.NO_SCREEN),
    ],
)
def test_the_kind_comes_from_the_platform_qt_chose(
    platform: str, env: dict[str, str], kind: SessionKind
) -> None:
    session = detect_window_session(platform, env, system="linux")
    assert session.kind is kind
    assert session.can_place_windows is (kind is not SessionKind.WAYLAND)


def test_windows_and_macos_place_their_windows() -> None:
    for platform, system, kind in (
        ("windows", "win32", SessionKind.WINDOWS),
        ("cocoa", "darwin", SessionKind.MACOS),
    ):
        session = detect_window_session(platform, {}, system=system)
        assert session.kind is kind
        assert session.can_place_windows
        assert not session.in_wayland_session


@pytest.mark.parametrize(
    ("current", "desktop", "words"),
    [
        ("ubuntu:GNOME", Desktop.GNOME, "GNOME: right-click the title bar › Always on Top."),
        ("KDE", Desktop.KDE, "More Actions › Keep Above Others (or a window rule)"),
        ("sway", Desktop.OTHER, "window menu may offer"),
        ("", Desktop.OTHER, "window menu may offer"),
    ],
)
def test_each_desktop_gets_its_own_way_to_keep_above(
    current: str, desktop: Desktop, words: str
) -> None:
    session = detect_window_session("wayland", {"XDG_CURRENT_DESKTOP": current})
    assert session.desktop is desktop
    assert words in session.keep_above_hint()


def test_xwayland_is_chosen_only_when_asked_in_a_wayland_session_with_an_x_server(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(window_session, "_chosen_here", set())
    env = dict(WAYLAND_WITH_X)
    assert choose_platform(env, run_through_xwayland=False) is None
    assert "QT_QPA_PLATFORM" not in env
    assert choose_platform(env, run_through_xwayland=True) == "xcb"
    assert env["QT_QPA_PLATFORM"] == "xcb"
    # Set by Poise, not by the user: Settings does not call it the user's.
    assert platform_set_by_user(env) == ""


def test_the_users_own_platform_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(window_session, "_chosen_here", set())
    env = {**WAYLAND_WITH_X, "QT_QPA_PLATFORM": "wayland"}
    assert choose_platform(env, run_through_xwayland=True) is None
    assert env["QT_QPA_PLATFORM"] == "wayland"
    assert platform_set_by_user(env) == "wayland"


@pytest.mark.parametrize(
    "env",
    [
        {"XDG_SESSION_TYPE": "x11", "DISPLAY": ":0"},  # X11: nothing to change
        {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"},  # no X server
    ],
)
def test_no_xwayland_where_it_cannot_help_or_start(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(window_session, "_chosen_here", set())
    env = dict(env)
    assert choose_platform(env, run_through_xwayland=True) is None
    assert "QT_QPA_PLATFORM" not in env
