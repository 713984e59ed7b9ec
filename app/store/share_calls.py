"""Sharing on a team's PostgreSQL: one meeting, or one client's history, read-only.

A share is a row of ``shares``; PostgreSQL's policies (``app.store.privacy_schema``)
read it on every statement, so a share opens the rows to its recipient at once and a
revoke closes them at once, with nothing cached here. A person may share only what they
own (the database refuses the rest too) and only with their team: the roles that are
members of a group they belong to, or the group itself. SQLite has no one to share with.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, select, text

from app.store.errors import NotFound
from app.store.models import Client, Meeting, Share
from app.store.records import ShareRecord, TeamRoster
from app.store.row_records import same_named_fields
from app.store.service_sessions import ServiceSessions
from app.store.viewer import own_rows
from app.translation import translate

# The groups the viewer is a direct member of, and every login role in them but the viewer.
_GROUPS = (
    "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
    "JOIN pg_roles me ON me.oid = m.member WHERE me.rolname = current_user AND NOT g.rolcanlogin "
    "ORDER BY 1"
)
_MEMBERS = (
    "SELECT DISTINCT p.rolname FROM pg_auth_members m JOIN pg_roles p ON p.oid = m.member "
    "JOIN pg_roles g ON g.oid = m.roleid WHERE g.rolname = ANY(:groups) AND p.rolcanlogin "
    "AND p.rolname <> current_user ORDER BY 1"
)


class SharingError(ValueError):
    """Sharing was asked for where there is no team (SQLite), or with someone outside it."""


class ShareCalls(ServiceSessions):
    """Share, list and revoke; and who may be shared with."""

    @property
    def sharing_available(self) -> bool:
        return self._dialect == "postgresql"

    def team_roster(self) -> TeamRoster:
        """The viewer's team: its group roles and their members (the viewer left out)."""
        if not self.sharing_available:
            return TeamRoster((), ())
        with self._reading() as session:
            groups = [str(row[0]) for row in session.execute(text(_GROUPS))]
            members = [str(row[0]) for row in session.execute(text(_MEMBERS), {"groups": groups})]
        return TeamRoster(tuple(groups), tuple(members))

    def share_meeting(self, meeting_id: int, with_role: str) -> ShareRecord:
        return self._share(with_role, meeting_id=meeting_id)

    def share_client(self, client_id: int, with_role: str) -> ShareRecord:
        return self._share(with_role, client_id=client_id)

    def list_shares(
        self, *, meeting_id: int | None = None, client_id: int | None = None
    ) -> list[ShareRecord]:
        """The viewer's own shares of that meeting or client (what they opened, to whom)."""
        if not self.sharing_available:
            return []
        query = select(Share).where(own_rows(Share.owner_role)).order_by(Share.id)
        if meeting_id is not None:
            query = query.where(Share.meeting_id == meeting_id)
        if client_id is not None:
            query = query.where(Share.client_id == client_id)
        with self._reading() as session:
            return [_record(share) for share in session.scalars(query)]

    def revoke_share(self, share_id: int) -> None:
        """Takes the share back; the next statement of its recipient no longer sees the rows."""
        with self._writing() as session:
            gone = session.execute(
                delete(Share).where(Share.id == share_id, own_rows(Share.owner_role))
            )
            if gone.rowcount == 0:  # type: ignore[attr-defined]
                raise NotFound(f"share {share_id}")

    def _share(
        self, with_role: str, *, meeting_id: int | None = None, client_id: int | None = None
    ) -> ShareRecord:
        if not self.sharing_available:
            raise SharingError(
                translate("Sharing", "Sharing needs the team's database: this one is yours alone.")
            )
        roster = self.team_roster()
        if with_role not in (*roster.groups, *roster.members):
            raise SharingError(
                translate("Sharing", "{role} is not in your team.").format(role=with_role)
            )
        subject = Meeting if meeting_id is not None else Client
        subject_id = meeting_id if meeting_id is not None else client_id
        with self._writing() as session:
            owned = session.scalar(
                select(subject.id).where(subject.id == subject_id, own_rows(subject.owner_role))
            )
            if owned is None:
                raise NotFound(f"{subject.__tablename__} {subject_id} of yours")
            existing = session.scalar(
                select(Share).where(
                    Share.meeting_id == meeting_id
                    if meeting_id is not None
                    else Share.meeting_id.is_(None),
                    Share.client_id == client_id
                    if client_id is not None
                    else Share.client_id.is_(None),
                    Share.with_role == with_role,
                    own_rows(Share.owner_role),
                )
            )
            if existing is not None:
                return _record(existing)
            share = Share(
                meeting_id=meeting_id,
                client_id=client_id,
                with_role=with_role,
                created_at=datetime.now(UTC),
            )
            session.add(share)
            session.flush()
            return _record(share)


def _record(share: Share) -> ShareRecord:
    return same_named_fields(ShareRecord, share)
