"""Whose rows: the role reading them, as SQL that SQLite and PostgreSQL both run.

PostgreSQL's row security already shows a role its own rows and what colleagues shared;
these expressions tell the two apart inside a query. ``viewer_role()`` is
``current_user`` on PostgreSQL and ``''`` on SQLite, where every row's ``owner_role`` is
empty: there every row is the one person's, and nothing was shared.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, String, case
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute, Mapped
from sqlalchemy.sql.functions import FunctionElement


class viewer_role(FunctionElement[str]):  # noqa: N801 - reads as the SQL function it is
    type = String()
    inherit_cache = True


@compiles(viewer_role)
def _nobody_in_particular(element: viewer_role, compiler: Any, **kw: Any) -> str:
    return "''"


@compiles(viewer_role, "postgresql")
def _current_user(element: viewer_role, compiler: Any, **kw: Any) -> str:
    return "current_user"


OwnerColumn = ColumnElement[str] | InstrumentedAttribute[str] | Mapped[str]


def own_rows(owner_role: OwnerColumn) -> ColumnElement[bool]:
    """The viewer's own rows, not what was shared with them."""
    return owner_role == viewer_role()


def shared_by(owner_role: OwnerColumn) -> ColumnElement[str]:
    """Who shared the row with the viewer: its owner's role, or '' for the viewer's own."""
    return case((owner_role == viewer_role(), ""), else_=owner_role)
