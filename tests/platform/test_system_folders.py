"""Data folders per system: each branch of app.paths.system_data_dir, driven here on Linux."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import platformdirs.windows
import pytest

from app import paths

ROAMING = r"C:\Users\ana\AppData\Roaming"
LOCAL = r"C:\Users\ana\AppData\Local"


def test_windows_keeps_it_in_the_roaming_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def known_folder(csidl_name: str) -> str:  # stands in for SHGetKnownFolderPath
        asked.append(csidl_name)
        return {"CSIDL_APPDATA": ROAMING, "CSIDL_LOCAL_APPDATA": LOCAL}[csidl_name]

    monkeypatch.setattr(platformdirs.windows, "get_win_folder", known_folder)
    folder = paths.system_data_dir("win32")
    assert asked == ["CSIDL_APPDATA"]
    # No "Poise\Poise": the app has no separate author folder.
    assert PureWindowsPath(str(folder)) == PureWindowsPath(ROAMING, "Poise")


def test_macos_keeps_it_in_application_support(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.system_data_dir("darwin") == tmp_path / "Library/Application Support/Poise"


def test_linux_follows_xdg_data_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert paths.system_data_dir("linux") == tmp_path / "data" / "Poise"
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.system_data_dir("linux") == tmp_path / ".local/share/Poise"


def test_the_data_folder_is_the_systems_when_nothing_else_names_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert paths.data_dir() == paths.system_data_dir() == tmp_path / "Poise"
