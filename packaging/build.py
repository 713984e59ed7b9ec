"""Builds Poise's desktop bundle for the system it runs on, in one command, and checks it starts.

    python packaging/build.py              # one folder: dist/poise/ (macOS: dist/Poise.app)
    python packaging/build.py --onefile    # one executable: dist/poise (Linux) or dist/poise.exe
    python packaging/build.py --dist DIR --work DIR

Needs the test extras installed (``pip install -e '.[test]'`` brings PyInstaller).
After building, the bundle is started once with ``--smoke`` against a throwaway
data folder; the build fails unless it opens, loads the shipped playbooks, creates
its database and quits cleanly. Exit status: 0 built and started, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from app.translation_build import compile_translations

PACKAGING_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGING_DIR.parent
SPEC_FILE = PACKAGING_DIR / "poise.spec"
EXECUTABLE_NAME = "poise"
SMOKE_TIMEOUT_SECONDS = 60.0
DECOY_DATA_DIR = "not-the-data-folder-given"
MIB = 1024 * 1024


@dataclass(frozen=True)
class SmokeResult:
    returncode: int
    stdout: str
    stderr: str
    seconds: float


def executable_path(dist: Path, *, onefile: bool = False) -> Path:
    """Where the built program is, for this system."""
    suffix = ".exe" if sys.platform == "win32" else ""
    if onefile:
        return dist / f"{EXECUTABLE_NAME}{suffix}"
    if sys.platform == "darwin":
        return dist / "Poise.app" / "Contents" / "MacOS" / EXECUTABLE_NAME
    return dist / EXECUTABLE_NAME / f"{EXECUTABLE_NAME}{suffix}"


def bundle_root(dist: Path, *, onefile: bool = False) -> Path:
    """The folder (or single file) a user would copy: what the size is measured on."""
    if onefile:
        return executable_path(dist, onefile=True)
    if sys.platform == "darwin":
        return dist / "Poise.app"
    return dist / EXECUTABLE_NAME


def size_on_disk(path: Path) -> int:
    """Bytes in a file or folder, symlinks counted as links, not as their targets."""
    if path.is_file():
        return path.stat().st_size
    total = 0
    for item in path.rglob("*"):
        if item.is_file() and not item.is_symlink():
            total += item.stat().st_size
    return total


def build_bundle(
    dist: Path,
    work: Path,
    *,
    onefile: bool = False,
    keep_all_qt: bool = False,
    quiet: bool = True,
) -> Path:
    """Run PyInstaller on poise.spec; return the built executable. Raises on failure."""
    # The bundle ships the compiled translations, so compile them first.
    translations = compile_translations()
    if translations.problems:
        raise RuntimeError("translations not compiled:\n" + "\n".join(translations.problems))
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN" if quiet else "INFO",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC_FILE),
        "--",
    ]
    if onefile:
        command.append("--onefile")
    if keep_all_qt:
        command.append("--keep-all-qt")
    completed = subprocess.run(command, cwd=REPO_ROOT, capture_output=quiet, text=True, check=False)
    if completed.returncode != 0:
        detail = (completed.stderr or "")[-4000:] if quiet else ""
        raise RuntimeError(f"PyInstaller failed (exit {completed.returncode})\n{detail}")
    built = executable_path(dist, onefile=onefile)
    if not built.is_file():
        raise RuntimeError(f"PyInstaller finished but {built} is missing")
    return built


def smoke_environment(data_dir: Path) -> dict[str, str]:
    """Environment for a start check: a private data folder, no display needed."""
    environment = dict(os.environ)
    environment["POISE_DATA_DIR"] = str(data_dir)
    environment.pop("POISE_DATABASE_URL", None)
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    return environment


def source_command() -> tuple[list[str], dict[str, str]]:
    """How to start Poise from this checkout: the command and the environment it needs."""
    return [sys.executable, "-m", "app"], {"PYTHONPATH": str(REPO_ROOT)}


def run_smoke_test(
    command: list[str],
    data_dir: Path,
    *,
    timeout: float = SMOKE_TIMEOUT_SECONDS,
    extra_env: dict[str, str] | None = None,
) -> SmokeResult:
    """Start Poise with ``--smoke --data-dir``, as CI does; the wall time is the process life."""
    started = time.perf_counter()
    completed = subprocess.run(
        [*command, "--smoke", "--data-dir", str(data_dir)],
        # The environment names a decoy: the database must land where --data-dir says.
        env={**smoke_environment(data_dir.with_name(DECOY_DATA_DIR)), **(extra_env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        # Outside the repository, so the bundle cannot lean on the source tree by accident.
        cwd=data_dir.parent,
    )
    seconds = time.perf_counter() - started
    return SmokeResult(completed.returncode, completed.stdout, completed.stderr, seconds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--onefile", action="store_true", help="one executable, not a folder")
    parser.add_argument("--dist", type=Path, default=REPO_ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=REPO_ROOT / "build", help="scratch folder")
    parser.add_argument("--keep-all-qt", action="store_true", help="do not prune unused Qt plugins")
    parser.add_argument("--no-check", action="store_true", help="skip the start check")
    args = parser.parse_args(argv)
    if args.onefile and sys.platform == "darwin":
        parser.error("on macOS the bundle is Poise.app (one folder); --onefile is not offered")

    started = time.perf_counter()
    print(f"building Poise for {sys.platform} into {args.dist} …", flush=True)
    try:
        built = build_bundle(
            args.dist.resolve(),
            args.work.resolve(),
            onefile=args.onefile,
            keep_all_qt=args.keep_all_qt,
            quiet=False,
        )
    except RuntimeError as error:
        print(f"build.py: {error}", file=sys.stderr)
        return 1
    root = bundle_root(args.dist.resolve(), onefile=args.onefile)
    mebibytes = size_on_disk(root) / MIB
    print(f"built {root} ({mebibytes:.0f} MiB) in {time.perf_counter() - started:.0f} s")

    if args.no_check:
        return 0
    with tempfile.TemporaryDirectory(prefix="poise-build-check-") as scratch:
        result = run_smoke_test([str(built)], Path(scratch) / "data")
    if result.returncode != 0:
        print(f"build.py: the bundle did not start cleanly (exit {result.returncode})")
        print(result.stdout + result.stderr, file=sys.stderr)
        return 1
    print(result.stdout.strip() or "start check passed", f"({result.seconds:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
