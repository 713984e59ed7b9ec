#!/usr/bin/env bash
# Installs everything the test suite needs (system packages, then Python packages
# into ./.venv) and runs the whole suite offscreen. Arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
packaging/install-system-deps.sh test
python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "test.sh: Poise needs Python 3.11 or newer as python3" >&2; exit 1; }
[[ -x .venv/bin/python ]] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/lint-imports --no-cache
# Types for every system Poise ships on: platform-only calls must sit behind sys.platform.
for platform in linux win32 darwin; do
  .venv/bin/python -m mypy --platform "$platform" --cache-dir ".mypy_cache/$platform" app
done
# Every bench in its quick mode: fails only when one crashes, never on a timing.
.venv/bin/python -m bench --quick
exec .venv/bin/python -m pytest "$@"
