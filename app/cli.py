"""Command line of Poise: opens the app, or runs a small command without a window.

A user mistake (a bad flag, an unreadable file) ends in one line on stderr and
a non-zero exit, never a traceback. Qt is imported only when a window opens, so
``poise playbook check`` stays quick.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from app import APP_NAME, __version__, paths
from app.cli_language import install_cli_language
from app.translation import TranslationContext, translate

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class CliWords(TranslationContext):
    """The command line's counted words (lupdate reads ``CliWords.tr`` plurals whole)."""


class UsageError(Exception):
    """A mistake in how Poise was called; shown as one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage block: the user sees what is wrong and where to look.
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="poise",
        description=translate(
            "Cli",
            "{app}: a quiet companion window for the meeting with an upset client. "
            "Without a command, opens the app.",
        ).format(app=APP_NAME),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help=translate("Cli", "folder for the database and user playbooks (env {env})").format(
            env=paths.DATA_DIR_ENV
        ),
    )
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help=translate(
            "Cli",
            "SQLAlchemy URL of the database, for example postgresql+psycopg://host/poise "
            "(env {env}; default: SQLite in the data folder)",
        ).format(env=paths.DATABASE_URL_ENV),
    )
    # Hidden: starts the app, checks it came up (window painted, shipped files, database in
    # the data folder given), quits 0, or 1 with one line on stderr. CI starts every bundle so.
    parser.add_argument(
        "--smoke", "--smoke-test", dest="smoke_test", action="store_true", help=argparse.SUPPRESS
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    playbook = commands.add_parser("playbook", help=translate("Cli", "check or list playbooks"))
    playbook_commands = playbook.add_subparsers(
        dest="playbook_command", metavar="ACTION", required=True, parser_class=_Parser
    )
    check = playbook_commands.add_parser("check", help=translate("Cli", "validate playbook files"))
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")
    playbook_commands.add_parser(
        "list", help=translate("Cli", "show the playbooks that would load, and from where")
    )

    partner = commands.add_parser(
        "partner", help=translate("Cli", "open the partner window to send cues")
    )
    partner.add_argument(
        "url",
        nargs="?",
        metavar="URL",
        help=translate("Cli", "pairing address or pairing link from Poise"),
    )
    commands.add_parser(
        "review", help=translate("Cli", "find past meetings, follow up, export, see trends")
    )
    from app.team_command import add_team_parser

    add_team_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    install_cli_language(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.data_dir is not None:
        paths.set_data_dir(args.data_dir)
    if args.database_url:
        os.environ[paths.DATABASE_URL_ENV] = args.database_url
    handlers: dict[str | None, Callable[[argparse.Namespace], int]] = {
        None: _open_app,
        "playbook": _playbook_command,
        "review": _review_command,
        "partner": _partner_command,
        "team": _team_command,
    }
    try:
        return handlers[args.command](args)
    except UsageError as error:
        print(f"poise: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130


def _playbook_command(args: argparse.Namespace) -> int:
    if args.playbook_command == "check":
        return _check_playbooks(args.files)
    return _list_playbooks()


def _check_playbooks(files: Sequence[Path]) -> int:
    from app.domain.playbook import PlaybookError
    from app.domain.playbook_file import load_playbook

    failed = False
    for path in files:
        if path.is_dir():
            print(
                translate("Cli", "{path}: is a folder; name the playbook files in it").format(
                    path=path
                ),
                file=sys.stderr,
            )
            failed = True
            continue
        try:
            playbook = load_playbook(path)
        except PlaybookError as invalid:
            failed = True
            for problem in invalid.problems:
                print(problem)
            continue
        print(
            _checked_line(
                path,
                playbook.id,
                len(playbook.all_steps),
                playbook.has_video_variant,
                ", ".join(playbook.languages),
            )
        )
        for warning in playbook.warnings:
            print(translate("Cli", "warning: {warning}").format(warning=warning))
    return EXIT_PROBLEMS if failed else EXIT_OK


def _checked_line(path: Path, playbook_id: str, steps: int, has_video: bool, languages: str) -> str:
    if has_video:
        line = CliWords.tr(
            "{path}: ok ({id}, %n step(s), with video-call words, in {languages})", "", steps
        )
    else:
        line = CliWords.tr("{path}: ok ({id}, %n step(s), in {languages})", "", steps)
    return line.format(path=path, id=playbook_id, languages=languages)


def _list_playbooks() -> int:
    from app.playbooks import load_all_playbooks

    library = load_all_playbooks()
    for entry in library.entries:
        book = entry.playbook
        print(f"{book.id:<28} {book.title:<44} {entry.origin.value:<8} {entry.path}")
    for problem in library.problems:
        print(translate("Cli", "skipped: {problem}").format(problem=problem), file=sys.stderr)
    return EXIT_OK


def _partner_command(args: argparse.Namespace) -> int:
    from app.link.client import PairingUrlError, parse_pairing_url
    from app.link.pairing import PairingError, is_relay_link, parse_relay_link

    if args.url is not None:
        try:
            # A pairing link from Settings goes through the relay; a LAN address directly.
            if is_relay_link(args.url):
                parse_relay_link(args.url)
            else:
                parse_pairing_url(args.url)
        except (PairingUrlError, PairingError) as problem:
            raise UsageError(f"{args.url}: {problem}") from None
    from app.ui.application import run_partner

    return run_partner(args.url)


def _team_command(args: argparse.Namespace) -> int:
    from app.team_command import run_team_command

    return run_team_command(args)


def _review_command(args: argparse.Namespace) -> int:
    from app.ui.application import run_review

    return run_review(quit_after_start=args.smoke_test)


def _open_app(args: argparse.Namespace) -> int:
    from app.ui.application import run_app

    return run_app(quit_after_start=args.smoke_test)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
