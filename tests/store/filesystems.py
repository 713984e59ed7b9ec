"""Real file-system trouble for the failure tests: a tiny tmpfs that fills up or turns read-only.

Mounting needs root (which CI and the project's test machine have). A real full or
read-only file system exercises the whole path (SQLite's error, the recovery file
failing next to the database, the fallback), which SQLite's max_page_count
pragma would not: it only fakes a full database inside SQLite.
"""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["mount", *arguments], capture_output=True, text=True, timeout=30, check=False
    )


@contextlib.contextmanager
def small_tmpfs(folder: Path, size: str = "2m") -> Iterator[Path]:
    """Mount a tmpfs of ``size`` on ``folder`` (created 0700); skip the test if we cannot."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("needs root on Linux to mount a small tmpfs for a real full/read-only disk")
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    mounted = _mount("-t", "tmpfs", "-o", f"size={size},mode=0700", "poise-test", str(folder))
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        _mount("-o", "remount,rw", str(folder))
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30, check=False)


def remount(folder: Path, *, read_only: bool) -> None:
    result = _mount("-o", f"remount,{'ro' if read_only else 'rw'}", str(folder))
    if result.returncode != 0:
        raise RuntimeError(f"remount of {folder} failed: {result.stderr.strip()}")


def fill_up(folder: Path) -> Path:
    """Write a filler file until the file system says it is full; returns the filler."""
    filler = folder / "filler.bin"
    chunk = b"\0" * 65536
    with filler.open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(chunk)
        except OSError as full:
            if full.errno != errno.ENOSPC:
                raise
    # Fill the last partial block too.
    with filler.open("ab", buffering=0) as handle, contextlib.suppress(OSError):
        while True:
            handle.write(b"\0" * 512)
    return filler
