"""What goes into Poise's desktop bundle, and what is left out, for ``poise.spec``.

Kept apart from the spec so the tests can check the same decisions without running
PyInstaller: which shipped files land where, which Qt plugins a meeting app does
not need, the Windows version resource and the macOS Info.plist keys.
"""

from __future__ import annotations

import importlib.util
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

REPO_ROOT = Path(__file__).resolve().parent.parent
APP_ID = "app.poise.Poise"
EXECUTABLE_NAME = "poise"
DISPLAY_NAME = "Poise"
PUBLISHER = "The Poise team"
DESCRIPTION = "A quiet companion window for the meeting with an upset client"
ICONS_DIR = REPO_ROOT / "resources" / "icons"

# Inside the bundle, data sits where app/resources.py looks first (the same place a
# wheel puts it), so one lookup serves source, wheel and bundle.
BUNDLED_RESOURCES = "app/_data/resources"
BUNDLED_PLAYBOOKS = "app/_data/playbooks"
# The compiled translations sit where app/resources.py's translations_dir() looks:
# inside the package, app/translations/<language>/<part>.qm (their .ts stay behind).
TRANSLATIONS_SOURCE = "app/translations"
# Alembic reads revision files from disk next to the store's code, never from the archive.
MIGRATIONS_SOURCE = "app/store/migrations"

# Qt plugins a desktop meeting app never loads. A deny list, so a plugin a new Qt
# release adds still ships until someone decides otherwise. Patterns match
# "<plugin type>/<file stem without lib prefix>".
UNUSED_QT_PLUGINS = (
    # Embedded/kiosk platforms; the desktop ones (xcb, wayland, windows, cocoa) and
    # offscreen (used by the start test) stay.
    r"platforms/q(eglfs|linuxfb|minimalegl|vkkhrdisplay|vnc|direct2d)",
    r"egldeviceintegrations/.*",
    r"generic/.*",  # evdev and TUIO touch input, for devices without a window system
    # The on-screen keyboard drags in Qt Quick and QML (~17 MB); desktop input methods
    # (compose, ibus) stay.
    r"platforminputcontexts/.*virtualkeyboard.*",
    # The GTK3 theme pulls GTK, Cairo, Pango and ATK (~20 MB) only for native file
    # dialogs; the XDG desktop portal theme does that job on modern desktops.
    r"platformthemes/.*gtk3.*",
    r"imageformats/q(tiff|webp|tga|wbmp|pdf)",
)
# Libraries Qt opens with dlopen(): no link-time dependency shows they are needed,
# so pruning must never take them out.
NEVER_PRUNE = re.compile(r"^(lib)?(ssl|crypto|dbus-1|libssl|libcrypto)[-.\d]", re.IGNORECASE)

_UNUSED_PLUGIN_RE = re.compile(r"^(?:" + "|".join(UNUSED_QT_PLUGINS) + r")$", re.IGNORECASE)
_PYNPUT_BACKENDS = ("xorg", "uinput", "darwin", "win32")
_VERSION_RE = re.compile(r"^(\d+)(?:\.(\d+))?(?:\.(\d+))?")


@dataclass(frozen=True)
class DataFile:
    source: Path
    dest_dir: str  # folder inside the bundle, POSIX style


def shipped_data_files(repo_root: Path = REPO_ROOT) -> list[DataFile]:
    """Every shipped file with its folder in the bundle: resources, playbooks, migrations."""
    files: list[DataFile] = []
    files += _tree(repo_root / "resources", BUNDLED_RESOURCES)
    files += _tree(repo_root / "playbooks", BUNDLED_PLAYBOOKS)
    files += _tree(repo_root / MIGRATIONS_SOURCE, MIGRATIONS_SOURCE)
    files += [
        DataFile(path, f"{TRANSLATIONS_SOURCE}/{path.parent.name}")
        for path in sorted((repo_root / TRANSLATIONS_SOURCE).glob("*/*.qm"))
    ]
    return files


def shipped_languages(repo_root: Path = REPO_ROOT) -> frozenset[str]:
    """The languages Poise has words for besides English: their Qt translations ship too."""
    root = repo_root / TRANSLATIONS_SOURCE
    if not root.is_dir():
        return frozenset()
    return frozenset(path.name for path in root.iterdir() if path.is_dir() and path.name != "en")


def _tree(root: Path, dest_root: str) -> list[DataFile]:
    if not root.is_dir():
        return []
    found = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        relative_dir = path.parent.relative_to(root).as_posix()
        dest = dest_root if relative_dir == "." else f"{dest_root}/{relative_dir}"
        found.append(DataFile(path, dest))
    return found


def pynput_backend_modules(platform: str) -> list[str]:
    """pynput's modules for ``platform`` (``sys.platform``), found without importing pynput.

    pynput picks its backend at import time, and importing it where no display is
    reachable fails, so PyInstaller's own hook collects nothing on a headless build
    machine. Poise uses pynput on Windows and macOS only (X11 goes through Xlib).
    """
    backend = {"win32": "win32", "darwin": "darwin"}.get(platform)
    spec = importlib.util.find_spec("pynput")
    if backend is None or spec is None or not spec.submodule_search_locations:
        return []
    package_dir = Path(next(iter(spec.submodule_search_locations)))
    modules = []
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(package_dir).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        name = ".".join(("pynput", *parts))
        stems = [part.strip("_") for part in parts]
        backend_specific = any(stem.startswith(_PYNPUT_BACKENDS) for stem in stems)
        if not backend_specific or any(stem.startswith(backend) for stem in stems):
            modules.append(name)
    return modules


def plugin_key(dest_name: str) -> str | None:
    """``"platformthemes/qgtk3"`` for a Qt plugin's path in the bundle, ``None`` otherwise."""
    parts = PurePosixPath(dest_name.replace("\\", "/")).parts
    if "plugins" not in parts:
        return None
    index = len(parts) - 1 - parts[::-1].index("plugins")
    if index + 2 != len(parts) - 1:
        return None
    plugin_type, file_name = parts[index + 1], parts[index + 2]
    stem = file_name.split(".")[0]
    stem = stem.removeprefix("lib")
    return f"{plugin_type}/{stem}"


def is_unused_qt_file(dest_name: str, languages: frozenset[str] | None = None) -> bool:
    """True for a Qt plugin on the deny list or a Qt translation of a language Poise lacks.

    Of Qt's translations only ``qtbase_<language>.qm`` is loaded (its standard buttons
    and dialogs), for the ``languages`` Poise speaks (default: those it ships).
    """
    normalised = dest_name.replace("\\", "/")
    found = re.search(r"(^|/)PySide6/(Qt/)?translations/(?P<name>[^/]+)$", normalised)
    if found:
        spoken = shipped_languages() if languages is None else languages
        return found["name"] not in {f"qtbase_{code}.qm" for code in spoken}
    key = plugin_key(normalised)
    return key is not None and _UNUSED_PLUGIN_RE.match(key) is not None


TocEntry = tuple[str, str, str]
SYMLINK = "SYMLINK"


def prune_unused_qt(
    binaries: Iterable[TocEntry],
    datas: Iterable[TocEntry],
    imports_of: Callable[[str], Iterable[str]],
) -> tuple[list[TocEntry], list[TocEntry], list[str]]:
    """Drop unused Qt plugins and translations, and the libraries only they needed.

    ``imports_of(source_path)`` gives the base names of the libraries a binary links
    against (PyInstaller's ``bindepend.get_imports`` in the spec). A library goes only
    when the dropped plugins reach it and nothing kept does. Symbolic links PyInstaller
    planned to a dropped file (it lists them among binaries or datas) go too, or the
    bundle would carry dangling links. Returns the kept binaries, the kept datas and
    the dropped bundle paths.
    """
    binaries = list(binaries)
    datas = list(datas)
    files = [entry for entry in binaries if entry[2] != SYMLINK]
    dropped_plugins = [entry for entry in files if is_unused_qt_file(entry[0])]

    by_name: dict[str, list[TocEntry]] = {}
    for entry in files:
        by_name.setdefault(_base_name(entry[0]), []).append(entry)

    def reach(starts: Iterable[TocEntry]) -> set[str]:
        seen: set[str] = set()
        pending = list(starts)
        while pending:
            entry = pending.pop()
            for name in imports_of(entry[1]):
                name = _base_name(name)
                if name in by_name and name not in seen:
                    seen.add(name)
                    pending.extend(by_name[name])
        return seen

    plugin_dests = {entry[0] for entry in dropped_plugins}
    candidates = reach(dropped_plugins)
    kept_roots = [
        entry
        for entry in files
        if entry[0] not in plugin_dests and _base_name(entry[0]) not in candidates
    ]
    still_needed = reach(kept_roots)
    orphans = {name for name in candidates - still_needed if not NEVER_PRUNE.match(name)}

    dropped: list[str] = []
    for entry in [*files, *datas]:
        unused = entry[2] != SYMLINK and is_unused_qt_file(entry[0])
        if unused or (entry in files and _base_name(entry[0]) in orphans):
            dropped.append(entry[0])
    # Links may point at links: drop until no kept link points at something gone.
    gone = {_normalise(dest) for dest in dropped}
    links = [entry for entry in [*binaries, *datas] if entry[2] == SYMLINK]
    changed = True
    while changed:
        changed = False
        for dest, target, _kind in links:
            if _normalise(dest) not in gone and _link_target(dest, target) in gone:
                gone.add(_normalise(dest))
                dropped.append(dest)
                changed = True

    kept_binaries = [entry for entry in binaries if _normalise(entry[0]) not in gone]
    kept_datas = [entry for entry in datas if _normalise(entry[0]) not in gone]
    return kept_binaries, kept_datas, dropped


def _normalise(path: str) -> str:
    return posixpath.normpath(path.replace("\\", "/"))


def _link_target(dest: str, target: str) -> str:
    """The bundle path a SYMLINK entry points at (its target is relative to its folder)."""
    return _normalise(posixpath.join(posixpath.dirname(_normalise(dest)), target))


def _base_name(path: str) -> str:
    return PurePosixPath(path.replace("\\", "/")).name


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"0.1.0"`` → ``(0, 1, 0, 0)``; a suffix such as ``rc1`` is ignored."""
    match = _VERSION_RE.match(version)
    if match is None:
        raise ValueError(f"not a version number: {version!r}")
    numbers = [int(group) if group else 0 for group in match.groups()]
    return numbers[0], numbers[1], numbers[2], 0


def windows_version_info(version: str) -> str:
    """The text of a PyInstaller version file (the Details tab of the .exe's properties)."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": PUBLISHER,
        "FileDescription": DISPLAY_NAME,
        "FileVersion": version,
        "InternalName": EXECUTABLE_NAME,
        "LegalCopyright": f"© {PUBLISHER}. GPL-3.0-or-later.",
        "OriginalFilename": f"{EXECUTABLE_NAME}.exe",
        "ProductName": DISPLAY_NAME,
        "ProductVersion": version,
        "Comments": DESCRIPTION,
    }
    string_structs = ",\n          ".join(
        f"StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    # 0x40004 = VOS_NT_WINDOWS32, fileType 1 = VFT_APP; 0409/04B0 = US English, Unicode.
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers!r},
    prodvers={numbers!r},
    mask=0x3F,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0),
  ),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
          {string_structs}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])]),
  ],
)
"""


def macos_info_plist(version: str) -> dict[str, object]:
    """Info.plist keys Poise needs beyond what PyInstaller writes itself."""
    return {
        "CFBundleName": DISPLAY_NAME,
        "CFBundleDisplayName": DISPLAY_NAME,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "LSApplicationCategoryType": "public.app-category.productivity",
        # Qt 6.10 and later need macOS 13.
        "LSMinimumSystemVersion": "13.0",
        "NSHighResolutionCapable": True,
        "NSSupportsAutomaticGraphicsSwitching": True,
        "NSRequiresAquaSystemAppearance": False,
        "NSHumanReadableCopyright": f"© {PUBLISHER}. GPL-3.0-or-later.",
        # The partner link listens on the local network so a colleague's phone can
        # reach it; macOS asks the user once and shows this sentence.
        "NSLocalNetworkUsageDescription": (
            "Poise lets a colleague in the meeting send you discreet cues from their "
            "phone over your local network."
        ),
    }
