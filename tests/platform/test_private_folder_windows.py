"""What stands for 0700 on Windows: the data folder's access list, set by a (fake) icacls."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.private_files import tighten_data_folder

ACCOUNT_ENV = {"USERNAME": "ana", "USERDOMAIN": "OFFICE-PC"}


class FakeIcacls:
    """Records each command as Windows would receive it, answers as told."""

    def __init__(self, returncode: int = 0, stderr: str = "") -> None:
        self.returncode = returncode
        self.stderr = stderr
        self.calls: list[tuple[list[str], dict[str, Any]]] = []

    def __call__(self, command: list[str], **options: Any) -> subprocess.CompletedProcess[str]:
        self.calls.append((command, options))
        return subprocess.CompletedProcess(command, self.returncode, "", self.stderr)


def test_windows_leaves_the_folder_to_the_user_and_system(tmp_path: Path) -> None:
    folder = tmp_path / "Poise"
    folder.mkdir()
    icacls = FakeIcacls()
    notice = tighten_data_folder(folder, platform="win32", run=icacls, environ=ACCOUNT_ENV)
    assert notice == ""
    [(command, options)] = icacls.calls
    assert command == [
        "icacls",
        str(folder),
        "/inheritance:r",  # nothing from the drive's own list (often "Users: read")
        "/grant:r",
        "OFFICE-PC\\ana:(OI)(CI)F",  # inherited by every file made inside
        "*S-1-5-18:(OI)(CI)F",  # SYSTEM: backups and the indexer
        "/Q",
    ]
    assert options["check"] is False
    assert options["timeout"] > 0


def test_windows_says_so_when_icacls_refuses(tmp_path: Path) -> None:
    folder = tmp_path / "Poise"
    folder.mkdir()
    icacls = FakeIcacls(returncode=5, stderr="D:\\Poise: Access is denied.\r\n")
    notice = tighten_data_folder(folder, platform="win32", run=icacls, environ=ACCOUNT_ENV)
    assert notice == (
        f"Other accounts on this computer may be able to open Poise's data folder {folder}, "
        "and Poise could not change that (icacls said: D:\\Poise: Access is denied.)."
    )


def test_windows_says_so_when_icacls_is_missing(tmp_path: Path) -> None:
    folder = tmp_path / "Poise"
    folder.mkdir()

    def missing(command: list[str], **_options: Any) -> subprocess.CompletedProcess[str]:
        raise FileNotFoundError(2, "The system cannot find the file specified", command[0])

    notice = tighten_data_folder(folder, platform="win32", run=missing, environ=ACCOUNT_ENV)
    assert "could not change that (icacls could not run:" in notice
    assert str(folder) in notice


def test_windows_local_account_and_no_account(tmp_path: Path) -> None:
    folder = tmp_path / "Poise"
    folder.mkdir()
    icacls = FakeIcacls()
    tighten_data_folder(folder, platform="win32", run=icacls, environ={"USERNAME": "ana"})
    assert icacls.calls[0][0][4] == "ana:(OI)(CI)F"
    notice = tighten_data_folder(folder, platform="win32", run=icacls, environ={})
    assert "did not say which account is signed in" in notice
    assert len(icacls.calls) == 1  # nothing run with a made-up name


def test_windows_waits_for_the_folder_to_exist(tmp_path: Path) -> None:
    icacls = FakeIcacls()
    notice = tighten_data_folder(
        tmp_path / "not-yet", platform="win32", run=icacls, environ=ACCOUNT_ENV
    )
    assert notice == ""
    assert icacls.calls == []


@pytest.mark.skipif(sys.platform == "win32", reason="Windows files have no POSIX modes")
@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_posix_systems_use_the_mode_not_icacls(tmp_path: Path, platform: str) -> None:
    folder = tmp_path / "Poise"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    icacls = FakeIcacls()
    notice = tighten_data_folder(folder, platform=platform, run=icacls, environ=ACCOUNT_ENV)
    assert "it is now yours alone" in notice
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert icacls.calls == []
