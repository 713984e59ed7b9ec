"""Measures the desktop bundle: its size, and its cold start against running from source.

    python packaging/measure.py                  # builds a fresh bundle in a temporary folder
    python packaging/measure.py --bundle dist/poise/poise --runs 7

Each run is ``--smoke-test`` (start, first window on screen, shipped playbooks
loaded, database created in a fresh data folder, quit), timed from process start
to exit. Runs alternate bundle / source so both see the same machine load. When
allowed (root on Linux), the page cache is dropped before every run, so each start
really reads its files from disk; otherwise the starts are warm and this says so.
Prints the medians and the bundle/source ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build  # the sibling script, for building and starting

DROP_CACHES = Path("/proc/sys/vm/drop_caches")


def drop_page_cache() -> bool:
    """Empty the kernel's file cache so the next start reads from disk; False if not allowed."""
    try:
        subprocess.run(["sync"], check=True)
        DROP_CACHES.write_text("3\n")
    except OSError:
        return False
    except subprocess.CalledProcessError:
        return False
    return True


def bundle_root_of(executable: Path) -> Path:
    """What a user copies: Poise.app, the one folder, or the single file itself."""
    for parent in executable.parents:
        if parent.suffix == ".app":
            return parent
    if (executable.parent / "_internal").is_dir():
        return executable.parent
    return executable


def timed_start(
    command: list[str], scratch: Path, cold: bool, extra_env: dict[str, str] | None = None
) -> float:
    data = Path(tempfile.mkdtemp(dir=scratch)) / "data"
    if cold:
        drop_page_cache()
    result = build.run_smoke_test(command, data, extra_env=extra_env)
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} --smoke-test failed:\n{result.stdout}{result.stderr}")
    return result.seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, help="built executable (default: build one now)")
    parser.add_argument("--runs", type=int, default=7, help="starts of each (default 7)")
    parser.add_argument("--warm", action="store_true", help="do not drop the page cache")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="poise-measure-") as scratch_name:
        scratch = Path(scratch_name)
        executable = args.bundle
        if executable is None:
            print("building the bundle …", flush=True)
            executable = build.build_bundle(scratch / "dist", scratch / "work")
        executable = executable.resolve()
        root = bundle_root_of(executable)
        print(f"bundle: {root}, {build.size_on_disk(root) / build.MIB:.0f} MiB on disk")

        cold = not args.warm and drop_page_cache()
        if not args.warm and not cold:
            print("cannot drop the page cache here (needs root on Linux): warm starts")
        source_command, source_env = build.source_command()
        bundle_times: list[float] = []
        source_times: list[float] = []
        # One untimed start of each first: the first ever start also compiles .pyc files.
        timed_start([str(executable)], scratch, cold=False)
        timed_start(source_command, scratch, cold=False, extra_env=source_env)
        for _ in range(args.runs):
            bundle_times.append(timed_start([str(executable)], scratch, cold))
            source_times.append(timed_start(source_command, scratch, cold, extra_env=source_env))

    kind = "cold" if cold else "warm"
    bundle_median = statistics.median(bundle_times)
    source_median = statistics.median(source_times)
    print(f"{kind} start to first window and quit, median of {args.runs}:")
    print(f"  bundle  {bundle_median:.2f} s   ({', '.join(f'{t:.2f}' for t in bundle_times)})")
    print(f"  source  {source_median:.2f} s   ({', '.join(f'{t:.2f}' for t in source_times)})")
    print(f"  bundle / source = {bundle_median / source_median:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
