"""``poise team setup|add|remove``: what an administrator runs to set up a team's database.

``app.cli`` parses the command line and calls ``run_team_command``; the work is in
``app.store.team_setup``. Output is what the administrator needs next, one item a line;
a mistake is one line on stderr and exit code 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from app import paths
from app.translation import translate


def add_team_parser(commands: argparse._SubParsersAction[Any]) -> None:
    team = commands.add_parser("team", help="set up a team's PostgreSQL (for an administrator)")
    # type(team): the command line's own parser class, whose errors are one line.
    actions = team.add_subparsers(
        dest="team_command", metavar="ACTION", required=True, parser_class=type(team)
    )
    setup = actions.add_parser("setup", help="create the schema, the group role and the policies")
    setup.add_argument("url", metavar="URL", help="the database, as its administrator")
    for name, help_text in (
        ("add", "create a person's login role"),
        ("remove", "drop a person's login role"),
    ):
        person = actions.add_parser(name, help=help_text)
        person.add_argument("name", metavar="NAME", help="the person's role name, e.g. kim")
        person.add_argument(
            "--url",
            metavar="URL",
            help=f"the database, as its administrator (default: {paths.DATABASE_URL_ENV})",
        )
    for parser in actions.choices.values():
        parser.add_argument("--group", default="poise_team", help="the team's group role")


def run_team_command(args: argparse.Namespace) -> int:
    from app.store.errors import StoreError
    from app.store.team_setup import TeamSetupError, add_person, remove_person, setup_team

    url = getattr(args, "url", None) or os.environ.get(paths.DATABASE_URL_ENV)
    if not url:
        print(
            translate("TeamCommand", "poise team: name the database with --url URL."),
            file=sys.stderr,
        )
        return 1
    try:
        if args.team_command == "setup":
            lines = setup_team(url, args.group)
        elif args.team_command == "add":
            person = add_person(url, args.name, args.group)
            lines = [
                translate("TeamCommand", "Added {name} to {group}.").format(
                    name=person.name, group=args.group
                ),
                translate(
                    "TeamCommand", "Give {name} this database URL (no password in it):"
                ).format(name=person.name),
                f"  {person.url}",
                translate(
                    "TeamCommand",
                    "Set a first password for {name} (in psql: ALTER ROLE {name} PASSWORD "
                    "'…'); they change it with:",
                ).format(name=person.name),
                f"  {person.password_command}",
                translate(
                    "TeamCommand",
                    "Poise's database driver reads the password from ~/.pgpass "
                    "(Windows: %APPDATA%\\postgresql\\pgpass.conf).",
                ),
            ]
        else:
            lines = remove_person(url, args.name)
    except (TeamSetupError, StoreError) as problem:
        print(f"poise team: {problem}", file=sys.stderr)
        return 1
    for line in lines:
        print(line)
    return 0
