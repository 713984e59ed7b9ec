"""The store's light API: what the windows import costs no SQLAlchemy and no Alembic."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import REPO_ROOT


def _modules_after(statement: str) -> set[str]:
    probe = f"import sys; {statement}; print('\\n'.join(sys.modules))"
    environment = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        cwd=REPO_ROOT,
        env=environment,
    )
    return set(done.stdout.split())


def test_the_light_api_loads_no_database_engine() -> None:
    loaded = _modules_after("import app.store.api, app.store")
    assert "app.store.api" in loaded
    assert not {name for name in loaded if name.split(".")[0] in {"sqlalchemy", "alembic"}}


def test_opening_the_store_still_loads_it_on_first_use() -> None:
    loaded = _modules_after("from app.store import open_store")
    assert "sqlalchemy" in loaded and "app.store.opening" in loaded


def test_the_home_window_paints_before_the_records_load() -> None:
    # Their dataclasses cost 10-20 ms on the way to the home window's first paint.
    loaded = _modules_after("import app.ui.application")
    assert "app.store.api" in loaded
    assert "app.store.records" not in loaded


def test_a_record_asked_of_the_api_loads_the_records() -> None:
    loaded = _modules_after(
        "from app.store.api import MeetingDetail; from app.store import records; "
        "assert MeetingDetail is records.MeetingDetail"
    )
    assert "app.store.records" in loaded
