"""Packaging: desktop metadata, icons, bundle recipe, and the built Linux bundle starting for real.

The quick tests check the files each desktop reads (validated by Debian's own
tools) and the decisions in packaging/bundle_config.py. The tests marked
``bundle`` build the PyInstaller bundle into a temporary folder once and start
it offscreen against a temporary data folder. Locally they can be skipped with
``POISE_SKIP_BUNDLE=1``; when the environment variable ``CI`` is set they always run.
"""

from __future__ import annotations

import importlib.util
import os
import plistlib
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QImage, QImageReader

from .conftest import REPO_ROOT

PACKAGING = REPO_ROOT / "packaging"
LINUX = PACKAGING / "linux"
ICONS = REPO_ROOT / "resources" / "icons"
APP_ID = "app.poise.Poise"
SHIPPED_PLAYBOOKS = sorted((REPO_ROOT / "playbooks").glob("*.toml"))
# Generous: a 2-core CI runner building other things at the same time.
START_LIMIT_SECONDS = 20.0
# The pruned Linux bundle is ~144 MiB (PyInstaller's default: ~188 MiB); this catches
# a new dependency dragging in, say, Qt Quick or WebEngine.
SIZE_BUDGET_MIB = 165


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        f"poise_packaging_{name}", PACKAGING / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bundle_config = _load("bundle_config")
build = _load("build")


def _bundle_skip_reason() -> str | None:
    if os.environ.get("CI"):
        return None  # CI always builds and starts the bundle.
    if os.environ.get("POISE_SKIP_BUNDLE") == "1":
        return "POISE_SKIP_BUNDLE=1: desktop bundle build skipped"
    return None


_skip_reason = _bundle_skip_reason()
bundle_test = pytest.mark.skipif(_skip_reason is not None, reason=_skip_reason or "")


def _smoke_line(stdout: str) -> str:
    lines = [line for line in stdout.splitlines() if line.startswith("poise smoke test:")]
    assert len(lines) == 1, stdout
    return lines[0]


# --- Linux desktop metadata --------------------------------------------------------


def test_desktop_file_passes_desktop_file_validate() -> None:
    desktop = LINUX / f"{APP_ID}.desktop"
    result = subprocess.run(
        ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
    )
    # It prints hints and warnings too, with exit 0: a clean file prints nothing.
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""
    entries = dict(line.split("=", 1) for line in desktop.read_text().splitlines() if "=" in line)
    assert entries["Icon"] == APP_ID
    assert entries["Exec"] == "poise"


def test_metainfo_passes_appstreamcli_validate() -> None:
    metainfo = LINUX / f"{APP_ID}.metainfo.xml"
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Errors and warnings fail above; infos would be listed with an "I:" prefix.
    assert "\nI:" not in "\n" + result.stdout, result.stdout
    text = metainfo.read_text()
    assert f"<id>{APP_ID}</id>" in text
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in text


def test_app_declares_the_same_desktop_id() -> None:
    # Wayland matches the window to the .desktop file through this name.
    script = (
        "from app.ui.application import create_application;"
        "print(create_application().desktopFileName())"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == APP_ID == bundle_config.APP_ID


def test_release_in_metainfo_matches_app_version() -> None:
    from app import __version__

    assert f'<release version="{__version__}"' in (LINUX / f"{APP_ID}.metainfo.xml").read_text()


# --- Icons ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gui() -> QGuiApplication:
    existing = QGuiApplication.instance()
    return existing if isinstance(existing, QGuiApplication) else QGuiApplication([])


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_png_icon_sizes(gui: QGuiApplication, size: int) -> None:
    image = QImage(str(ICONS / f"poise-{size}.png"))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    # Rounded tile: a see-through corner, a solid light centre.
    assert image.pixelColor(0, 0).alpha() == 0
    centre = image.pixelColor(size // 2, size // 2)
    assert centre.alpha() == 255
    assert centre.lightness() > QColor("#6FA8A0").lightness()


def test_svg_icon_is_drawable(gui: QGuiApplication) -> None:
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / "poise.svg"))
    assert renderer.isValid()
    assert renderer.defaultSize().width() == renderer.defaultSize().height() == 512


def _sizes_in(path: Path) -> list[int]:
    reader = QImageReader(str(path))
    assert reader.canRead(), path
    sizes = []
    for index in range(reader.imageCount()):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), f"{path} entry {index}: {reader.errorString()}"
        sizes.append(image.width())
    return sizes


def test_windows_ico_holds_every_size(gui: QGuiApplication) -> None:
    assert _sizes_in(ICONS / "poise.ico") == [16, 24, 32, 48, 64, 128, 256]


def test_macos_icns_holds_every_size(gui: QGuiApplication) -> None:
    data = (ICONS / "poise.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    assert sorted(set(_sizes_in(ICONS / "poise.icns"))) == [16, 32, 64, 128, 256, 512, 1024]


def test_render_script_writes_every_icon(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "render_icons.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    rendered = sorted(path.name for path in tmp_path.iterdir())
    committed = sorted(path.name for path in ICONS.iterdir() if path.suffix != ".svg")
    assert rendered == committed


# --- Bundle recipe -------------------------------------------------------------------


def test_shipped_files_land_where_the_resource_helper_looks() -> None:
    files = bundle_config.shipped_data_files(REPO_ROOT)
    by_dest = {(item.dest_dir, item.source.name) for item in files}
    assert ("app/_data/resources/icons", "poise.svg") in by_dest
    assert ("app/_data/resources/icons", "poise-256.png") in by_dest
    for playbook in SHIPPED_PLAYBOOKS:
        assert ("app/_data/playbooks", playbook.name) in by_dest
    if (REPO_ROOT / "resources" / "partner").is_dir():
        assert any(dest.startswith("app/_data/resources/partner") for dest, _ in by_dest)
    if (REPO_ROOT / "app" / "store" / "migrations").is_dir():
        assert ("app/store/migrations", "env.py") in by_dest
    assert not any(item.source.suffix == ".pyc" for item in files)


def test_resource_helper_prefers_bundled_data(tmp_path: Path) -> None:
    # The layout PyInstaller unpacks: app/resources.py(c) beside app/_data/.
    package = tmp_path / "app"
    (package / "_data" / "resources" / "icons").mkdir(parents=True)
    (package / "_data" / "playbooks").mkdir(parents=True)
    shutil.copy(REPO_ROOT / "app" / "resources.py", package / "resources.py")
    spec = importlib.util.spec_from_file_location("bundled_resources", package / "resources.py")
    assert spec is not None and spec.loader is not None
    bundled = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bundled)
    assert bundled.resources_dir() == package / "_data" / "resources"
    assert bundled.resource_path("icons", "poise.svg") == (
        package / "_data" / "resources" / "icons" / "poise.svg"
    )
    assert bundled.shipped_playbooks_dir() == package / "_data" / "playbooks"


@pytest.mark.parametrize(
    ("dest", "unused"),
    [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", False),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
        ("PySide6\\plugins\\platforms\\qwindows.dll", False),
        ("PySide6\\plugins\\platforms\\qdirect2d.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        # Qt's own words ship for the languages Poise speaks (its standard buttons).
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6\\translations\\qtbase_de.qm", False),
        ("PySide6/Qt/translations/qt_de.qm", True),
        ("PySide6/Qt/translations/qtbase_fr.qm", True),
        ("libQt6Gui.so.6", False),
    ],
)
def test_unused_qt_files(dest: str, unused: bool) -> None:
    assert bundle_config.is_unused_qt_file(dest, frozenset({"de"})) is unused


def test_pruning_drops_only_what_unused_plugins_alone_need() -> None:
    binaries = [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/src/qgtk3", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/qxcb", "BINARY"),
        ("libgtk-3.so.0", "/src/gtk", "BINARY"),
        ("libglib-2.0.so.0", "/src/glib", "BINARY"),
        ("libssl.so.3", "/src/ssl", "BINARY"),
        ("libQt6Gui.so.6", "/src/qtgui", "BINARY"),
        ("PySide6/Qt/lib/libgtk-3.so.0", "../../../libgtk-3.so.0", "SYMLINK"),
    ]
    datas = [
        ("PySide6/Qt/translations/qtbase_fr.qm", "/src/fr.qm", "DATA"),
        ("app/_data/playbooks/x.toml", "/src/x.toml", "DATA"),
        # PyInstaller files its links to top level among the datas.
        ("libqgtk3.so", "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "SYMLINK"),
        ("libglib.so", "libglib-2.0.so.0", "SYMLINK"),
    ]
    imports = {
        "/src/qgtk3": ["libgtk-3.so.0", "libQt6Gui.so.6"],
        "/src/gtk": ["libglib-2.0.so.0", "libssl.so.3", "libc.so.6"],
        "/src/qxcb": ["libglib-2.0.so.0", "libQt6Gui.so.6"],
    }
    kept_binaries, kept_datas, dropped = bundle_config.prune_unused_qt(
        binaries, datas, lambda source: imports.get(source, [])
    )
    assert [entry[0] for entry in kept_binaries] == [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libglib-2.0.so.0",  # the kept xcb plugin needs it too
        "libssl.so.3",  # opened with dlopen by Qt's TLS backend: never pruned
        "libQt6Gui.so.6",
    ]
    assert kept_datas == [datas[1], datas[3]]
    assert sorted(dropped) == sorted(
        [
            "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
            "libgtk-3.so.0",
            "PySide6/Qt/translations/qtbase_fr.qm",
            "PySide6/Qt/lib/libgtk-3.so.0",
            "libqgtk3.so",
        ]
    )


class _Recorder:
    """Stands in for PyInstaller's version-resource classes (which need Windows' pefile)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __call__(self, *args: object, **kwargs: object) -> dict[str, object]:
        return {"kind": self.kind, "args": args, **kwargs}


def test_windows_version_info_reads_as_pyinstaller_expects() -> None:
    text = bundle_config.windows_version_info("1.2.3rc1")
    names = [
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    ]
    # PyInstaller eval()s the file with these names in scope; so does this test.
    info = eval(text, {"__builtins__": {}}, {name: _Recorder(name) for name in names})
    assert info["ffi"]["filevers"] == (1, 2, 3, 0)
    assert info["ffi"]["prodvers"] == (1, 2, 3, 0)
    table = info["kids"][0]["args"][0][0]
    strings = {struct_["args"][0]: struct_["args"][1] for struct_ in table["args"][1]}
    assert strings["ProductName"] == "Poise"
    assert strings["FileVersion"] == "1.2.3rc1"
    assert strings["OriginalFilename"] == "poise.exe"


def test_macos_info_plist_has_the_keys_poise_needs() -> None:
    keys = bundle_config.macos_info_plist("0.1.0")
    assert "local network" in str(keys["NSLocalNetworkUsageDescription"])
    assert keys["CFBundleShortVersionString"] == "0.1.0"
    assert keys["NSHighResolutionCapable"] is True
    assert "NSBonjourServices" not in keys  # the partner link uses a plain address, not Bonjour
    plistlib.dumps(keys)  # every value is a plist type


# --- Starting the app: from source, then from the bundle ------------------------------


def test_smoke_test_from_source(tmp_path: Path) -> None:
    data = tmp_path / "data"
    command, env = build.source_command()
    result = build.run_smoke_test(command, data, extra_env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    database = data / "poise.sqlite3"
    assert _smoke_line(result.stdout) == (
        f"poise smoke test: ok, {len(SHIPPED_PLAYBOOKS)} playbooks, database {database}"
    )
    assert database.is_file()
    assert not (tmp_path / build.DECOY_DATA_DIR).exists()  # --data-dir won over the environment


def test_smoke_test_fails_on_an_unusable_database(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    (data / "poise.sqlite3").write_bytes(b"this is not a database, it is a shopping list\n" * 50)
    command, env = build.source_command()
    result = build.run_smoke_test(command, data, extra_env=env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "poise smoke test: ok" not in result.stdout
    assert "poise smoke test: failed" in result.stderr
    assert "Traceback" not in result.stderr


def test_smoke_start_refuses_a_data_folder_that_is_a_file(tmp_path: Path) -> None:
    taken = tmp_path / "data"
    taken.write_text("a file where the data folder should be\n")
    command, env = build.source_command()
    result = build.run_smoke_test(command, taken, extra_env=env)
    assert result.returncode != 0, result.stdout + result.stderr
    assert "poise smoke test: ok" not in result.stdout
    assert str(taken) in result.stderr
    assert "Traceback" not in result.stderr
    assert "it is now yours alone" not in result.stderr  # a file is not a folder to tighten


def test_smoke_start_without_a_console_leaves_its_verdict_in_the_data_folder(
    tmp_path: Path,
) -> None:
    # A windowed Windows build has sys.stdout and sys.stderr set to None.
    data = tmp_path / "data"
    script = (
        "import sys\n"
        "sys.stdout = sys.stderr = None\n"
        "from app.cli import main\n"
        f"sys.exit(main(['--smoke', '--data-dir', {str(data)!r}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO_ROOT,
        env={**build.smoke_environment(tmp_path / build.DECOY_DATA_DIR)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    verdict = (data / "smoke-test.txt").read_text(encoding="utf-8")
    assert verdict.startswith("poise smoke test: ok, ")
    assert (data / "poise.sqlite3").is_file()


def test_smoke_test_flag_is_hidden_from_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--help"],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    assert "--smoke" not in result.stdout


@pytest.fixture(scope="module")
def linux_bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The one-folder bundle, built once for this module into a temporary folder."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the test suite builds the Linux bundle; other systems use build.py")
    scratch = tmp_path_factory.mktemp("bundle")
    executable = build.build_bundle(scratch / "dist", scratch / "work")
    yield executable
    shutil.rmtree(scratch, ignore_errors=True)


@pytest.mark.bundle
@bundle_test
@pytest.mark.timeout(900)
def test_bundle_starts_creates_database_and_quits(linux_bundle: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = build.run_smoke_test([str(linux_bundle)], data, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    database = data / "poise.sqlite3"
    assert _smoke_line(result.stdout) == (
        f"poise smoke test: ok, {len(SHIPPED_PLAYBOOKS)} playbooks, database {database}"
    )
    assert database.is_file()
    assert not (tmp_path / build.DECOY_DATA_DIR).exists()  # --data-dir won over the environment
    assert result.seconds < START_LIMIT_SECONDS


@pytest.mark.bundle
@bundle_test
@pytest.mark.timeout(900)
def test_bundle_reads_shipped_files_from_inside_itself(linux_bundle: Path, tmp_path: Path) -> None:
    internal = linux_bundle.parent / "_internal"
    for item in bundle_config.shipped_data_files(REPO_ROOT):
        assert (internal / item.dest_dir / item.source.name).is_file(), item
    result = subprocess.run(
        [str(linux_bundle), "--data-dir", str(tmp_path / "data"), "playbook", "list"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    listed = [line for line in result.stdout.splitlines() if " shipped " in line]
    assert len(listed) == len(SHIPPED_PLAYBOOKS)
    for line in listed:
        assert str(internal / "app" / "_data" / "playbooks") in line


@pytest.mark.bundle
@bundle_test
@pytest.mark.timeout(900)
def test_bundle_is_slim(linux_bundle: Path) -> None:
    folder = linux_bundle.parent
    names = {path.name for path in folder.rglob("*")}
    assert "libqgtk3.so" not in names
    assert "libgtk-3.so.0" not in names
    assert "libQt6Quick.so.6" not in names
    # Of Qt's translations only its own buttons' words, for the languages Poise speaks.
    qt_words = {name for name in names if name.endswith(".qm") and name.startswith("qt")}
    assert qt_words == {f"qtbase_{code}.qm" for code in bundle_config.shipped_languages()}
    # Poise's own words, compiled by the build, where app.resources.translations_dir() looks.
    shipped_words = {path.parts[-3:] for path in folder.rglob("*.qm")}
    for source in sorted((REPO_ROOT / "app" / "translations").glob("*/*.ts")):
        language, part = source.parent.name, source.with_suffix(".qm").name
        assert ("translations", language, part) in shipped_words
    # What a desktop session needs stayed.
    for needed in ("libqxcb.so", "libqwayland.so", "libqxdgdesktopportal.so", "libssl.so.3"):
        assert needed in names
    mebibytes = build.size_on_disk(folder) / build.MIB
    assert mebibytes < SIZE_BUDGET_MIB


@pytest.mark.bundle
@bundle_test
@pytest.mark.timeout(900)
def test_bundle_starts_on_a_real_x_server(linux_bundle: Path, tmp_path: Path) -> None:
    # Offscreen loads no windowing libraries; this proves pruning left the X11 ones whole.
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        pytest.fail("xvfb-run is missing; test.sh installs it (package xvfb)")
    data = tmp_path / "data"
    env = {**build.smoke_environment(data), "QT_QPA_PLATFORM": "xcb"}
    result = subprocess.run(
        [xvfb_run, "-a", str(linux_bundle), "--smoke-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert _smoke_line(result.stdout).startswith("poise smoke test: ok")
    assert "Could not load the Qt platform plugin" not in result.stderr


def test_linux_install_script_installs_and_removes(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / "marker").write_text("inside\n")
    program = bundle / "poise"
    program.write_text("#!/bin/sh\necho poise ran\n")
    program.chmod(0o755)
    prefix = tmp_path / "prefix"
    env = {**os.environ, "PREFIX": str(prefix), "HOME": str(tmp_path)}
    script = str(LINUX / "install.sh")

    installed = subprocess.run(
        [script, str(bundle)], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert installed.returncode == 0, installed.stderr
    desktop = prefix / "share" / "applications" / f"{APP_ID}.desktop"
    assert f"Exec={prefix}/lib/poise/poise" in desktop.read_text()
    validated = subprocess.run(
        ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
    )
    assert validated.returncode == 0, validated.stdout
    assert (prefix / "share" / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    icons = prefix / "share" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (icons / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (prefix / "lib" / "poise" / "_internal" / "marker").is_file()
    ran = subprocess.run(
        [str(prefix / "bin" / "poise")], capture_output=True, text=True, timeout=10, check=False
    )
    assert ran.stdout == "poise ran\n"

    removed = subprocess.run(
        [script, "--uninstall"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert removed.returncode == 0, removed.stderr
    left = [path for path in prefix.rglob("*") if path.is_file() or path.is_symlink()]
    # Only the desktop's own index files stay (rebuilt by the tools that own them).
    assert [path for path in left if not path.name.endswith(".cache")] == []


def test_linux_install_script_refuses_a_missing_bundle(tmp_path: Path) -> None:
    env = {**os.environ, "PREFIX": str(tmp_path / "prefix"), "HOME": str(tmp_path)}
    result = subprocess.run(
        [str(LINUX / "install.sh"), str(tmp_path / "nothing")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "build.py" in result.stderr
    assert not (tmp_path / "prefix").exists()
