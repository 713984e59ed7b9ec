#!/usr/bin/env bash
# Installs Poise into ./.venv (with the system libraries Qt needs) and starts it.
# Arguments are passed to poise, for example: ./run.sh --data-dir /tmp/poise-demo
set -euo pipefail
cd "$(dirname "$0")"
packaging/install-system-deps.sh app
python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "run.sh: Poise needs Python 3.11 or newer as python3" >&2; exit 1; }
[[ -x .venv/bin/python ]] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e .
# The translations' .ts files compiled to .qm (build output, not committed).
.venv/bin/python -m app.translation_build
exec .venv/bin/poise "$@"
