"""Finds the files Poise ships (styles, icons, the partner page, playbooks, translations).

The same lookup serves a source checkout (data at the top of the repository),
an installed wheel (data copied to ``app/_data``) and a PyInstaller bundle
(data unpacked to ``app/_data`` under the bundle folder).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _data_root() -> Path:
    bundled = _PACKAGE_DIR / "_data"
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parent


def resources_dir() -> Path:
    """Folder with icons, styles and the partner page."""
    return _data_root() / "resources"


def resource_path(*parts: str) -> Path:
    """Path of one shipped resource, for example ``resource_path("partner", "index.html")``."""
    return resources_dir().joinpath(*parts)


def shipped_playbooks_dir() -> Path:
    """Folder with the playbooks that ship with Poise."""
    return _data_root() / "playbooks"


def translations_dir() -> Path:
    """Folder with one subfolder per language: ``<language>/<part>.ts`` and compiled ``.qm``.

    Inside the package (not in ``_data``): source checkout, wheel and bundle alike.
    """
    return _PACKAGE_DIR / "translations"
