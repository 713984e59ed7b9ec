"""Which tests need parts only the Linux test machine has, and the reason a test skips elsewhere.

On Linux, ``./test.sh`` installs every part (packaging/install-system-deps.sh test) and a
missing one fails its test, as before. On Windows and macOS (CI's offscreen suite) a test
that needs a part the machine lacks is skipped, naming the part; a part found there anyway
(say, Mosquitto from Homebrew) lets the test run. A test says what it needs through its
marker, a fixture it uses or, for the few that start a program themselves or check a
POSIX-only feature (file modes, SIGKILL), its node id.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass

# Collect as if on another system (tests/test_system_parts.py checks the hook with it).
PLATFORM_ENV = "POISE_TESTS_AS_PLATFORM"


@dataclass(frozen=True, slots=True)
class Part:
    """A program the suite starts for real, or a feature of the system, and what it is."""

    what: str
    # Found on PATH: the program is there. Without one, ``systems`` lists the systems
    # (``sys.platform`` prefixes) that have the feature.
    program: str | None = None
    systems: tuple[str, ...] = ()

    def present(self, platform: str, which: Callable[[str], str | None]) -> bool:
        if self.program is not None:
            return which(self.program) is not None
        return platform.startswith(self.systems)


XVFB = Part("an X server (Xvfb)", "Xvfb")
OPENBOX = Part("a window manager (openbox)", "openbox")
XDOTOOL = Part("X11 input (xdotool)", "xdotool")
CHROMIUM = Part("a browser as the phone (Chromium)", "chromium")
POSTGRES = Part("a PostgreSQL server", "initdb")
MOSQUITTO = Part("an MQTT broker (Mosquitto)", "mosquitto")
DBUS = Part("a private D-Bus session bus", "dbus-daemon")
DESKTOP_FILE_VALIDATE = Part("Linux desktop-file checks", "desktop-file-validate")
APPSTREAMCLI = Part("Linux AppStream checks", "appstreamcli")
# Windows keeps files private by the folder's access list (tests/platform/
# test_private_folder_windows.py), not by 0600 and 0700.
POSIX_MODES = Part("POSIX file modes (0600, 0700)", systems=("linux", "darwin"))
POSIX_SIGNALS = Part("SIGKILL and named pipes", systems=("linux", "darwin"))

BY_MARKER: dict[str, tuple[Part, ...]] = {
    "session": (XVFB, OPENBOX, XDOTOOL, CHROMIUM),
    "browser": (CHROMIUM,),
    "postgres": (POSTGRES,),
}
BY_FIXTURE: dict[str, tuple[Part, ...]] = {
    "broker": (MOSQUITTO,),
    "postgres_server": (POSTGRES,),
    "bus_address": (DBUS,),
    "chromium_path": (CHROMIUM,),
}
# node id prefix -> parts: tests that start a program themselves rather than via a fixture.
BY_TEST: dict[str, tuple[Part, ...]] = {
    "tests/platform/test_global_hotkeys.py": (XVFB,),
    "tests/platform/test_live_window_xvfb.py": (XVFB, XDOTOOL),
    "tests/test_bundle.py::test_desktop_file_passes_desktop_file_validate": (
        DESKTOP_FILE_VALIDATE,
    ),
    "tests/test_bundle.py::test_metainfo_passes_appstreamcli_validate": (APPSTREAMCLI,),
    "tests/test_bundle.py::test_linux_install_script": (DESKTOP_FILE_VALIDATE,),
    "tests/export/test_recap.py::test_the_saved_eml_is_readable_by_the_user_alone": (POSIX_MODES,),
    "tests/export/test_unsaved.py::test_a_copy_never_overwrites_another": (POSIX_MODES,),
    "tests/relay/test_relay_crypto.py::test_paired_partners_persist": (POSIX_MODES,),
    "tests/review/test_files_on_disk.py::test_exports_from_the_review_are_the_users_alone": (
        POSIX_MODES,
    ),
    "tests/review/test_files_on_disk.py::test_a_crash_report_is_the_users_alone": (POSIX_MODES,),
    "tests/review/test_files_on_disk.py::test_a_wide_data_folder_is_tightened": (POSIX_MODES,),
    "tests/review/test_files_on_disk.py::test_the_app_tightens_its_data_folder": (POSIX_MODES,),
    "tests/review/test_files_on_disk.py::test_playbook_check_refuses_what_is_not_a_file": (
        POSIX_SIGNALS,
    ),
    "tests/store/test_durability.py::test_typing_survives_sigkill": (POSIX_SIGNALS,),
    "tests/store/test_failures.py::test_a_folder_turned_read_only": (POSIX_MODES,),
    "tests/store/test_failures.py::test_locked_database_keeps_the_text": (POSIX_MODES,),
    "tests/store/test_journal.py::test_a_journal_is_user_only": (POSIX_MODES,),
    "tests/store/test_migrations.py::test_data_at_an_earlier_revision_survives": (POSIX_MODES,),
    "tests/ui/test_meeting_before_store.py::test_meeting_started_before_the_store_opens": (
        POSIX_MODES,
    ),
    "tests/ui/test_meeting_before_store.py::test_store_that_never_opens": (POSIX_MODES,),
    "tests/ui/test_settings_faults.py::test_settings_are_saved_whole_and_for_the_user": (
        POSIX_MODES,
    ),
}


def needed_parts(markers: Iterable[str], fixtures: Iterable[str], node_id: str) -> list[Part]:
    """Every part a test needs, in a stable order, each once."""
    found: list[Part] = []
    groups = [BY_MARKER.get(name, ()) for name in markers]
    groups += [BY_FIXTURE.get(name, ()) for name in fixtures]
    groups += [parts for prefix, parts in BY_TEST.items() if node_id.startswith(prefix)]
    for parts in groups:
        found.extend(part for part in parts if part not in found)
    return found


def skip_reason(
    parts: Iterable[Part],
    platform: str,
    which: Callable[[str], str | None] = shutil.which,
) -> str | None:
    """Why the test cannot run on ``platform``, or ``None`` when it runs (always on Linux)."""
    if platform.startswith("linux"):
        return None
    missing = [part for part in parts if not part.present(platform, which)]
    if not missing:
        return None
    names = ", ".join(part.what for part in missing)
    return f"needs {names}, which this {platform} machine lacks (Linux's ./test.sh has all)"
