"""The ``poise`` command line, run as a user would run it: in a child process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app import __version__

from .conftest import REPO_ROOT


def run_poise(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO_ROOT,
        check=False,
    )


def test_version(data_dir: Path) -> None:
    result = run_poise("--version", data_dir=data_dir)
    assert result.returncode == 0
    assert result.stdout.strip() == f"poise {__version__}"


def test_help_lists_commands(data_dir: Path) -> None:
    result = run_poise("--help", data_dir=data_dir)
    assert result.returncode == 0
    assert "playbook" in result.stdout
    assert "--data-dir" in result.stdout


def test_bad_flag_is_one_line_without_traceback(data_dir: Path) -> None:
    result = run_poise("--no-such-flag", data_dir=data_dir)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "--no-such-flag" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_shipped_playbooks_pass(data_dir: Path) -> None:
    files = sorted(str(p) for p in (REPO_ROOT / "playbooks").glob("*.toml"))
    assert len(files) >= 4
    result = run_poise("playbook", "check", *files, data_dir=data_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(": ok (") == len(files)


def test_check_broken_playbook_names_file_and_field(tmp_path: Path, data_dir: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text(
        'format = 1\nid = "x"\ntitle = "X"\nsummary = "s"\n'
        '[[source]]\ntitle = "T"\nauthor = "A"\n'
        '[[during]]\nkey = "listen"\ntitle = "Listen"\ndo = "Listen."\nsya = ["typo"]\n',
        encoding="utf-8",
    )
    result = run_poise("playbook", "check", str(broken), data_dir=data_dir)
    assert result.returncode == 1
    assert result.stdout.strip() == (
        f"{broken}:12: during[listen].sya: unknown field (did you mean 'say'?)"
    )


def test_check_unreadable_file_fails_cleanly(tmp_path: Path, data_dir: Path) -> None:
    result = run_poise("playbook", "check", str(tmp_path / "missing.toml"), data_dir=data_dir)
    assert result.returncode == 1
    assert "missing.toml" in result.stdout
    assert "cannot read file" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_list_shows_shipped_and_user_playbooks_and_skips_broken(data_dir: Path) -> None:
    user_folder = data_dir / "playbooks"
    user_folder.mkdir(parents=True)
    shipped = next((REPO_ROOT / "playbooks").glob("*.toml")).read_text(encoding="utf-8")
    first_id_line = next(line for line in shipped.splitlines() if line.startswith("id ="))
    mine = shipped.replace(first_id_line, 'id = "my-own-playbook"')
    (user_folder / "mine.toml").write_text(mine, encoding="utf-8")
    (user_folder / "broken.toml").write_text("this is not toml [", encoding="utf-8")

    result = run_poise("playbook", "list", data_dir=data_dir)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert sum(" shipped " in line for line in lines) >= 4
    assert any(line.startswith("my-own-playbook") and " user " in line for line in lines)
    assert "skipped:" in result.stderr
    assert "broken.toml" in result.stderr
