"""The language Poise speaks: chosen once at start, before any window is made.

The setting ``language`` is ``"system"`` (the computer's languages, in its order) or a
code such as ``"de"``; a language Poise has no words for reads as English. Installing a
language loads every ``app/translations/<language>/*.qm`` into a QTranslator, and Qt's
own ``qtbase_<language>.qm`` so the standard buttons say "Abbrechen"; it points
``app.translation`` at Qt's translate, so Qt-free code (the domain, the exports) answers
in the same language; and it makes the language's locale the default, so dates and
numbers read as the person expects. English plurals come from ``en/plurals.qm``.

Nothing here may stop the app: a ``.qm`` that is missing is compiled when ``lrelease``
is there (a source checkout run without ``run.sh``), and one that is still missing or
does not load leaves Poise in English, said in one log line.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QTime,
    QTranslator,
)

from app import translation
from app.export.formatting import set_date_renderer
from app.resources import translations_dir

__all__ = [
    "ENGLISH",
    "SYSTEM",
    "InstalledLanguage",
    "available_languages",
    "choose_language",
    "install_language",
    "language_name",
]

ENGLISH = "en"  # the language the code is written in
SYSTEM = "system"

_log = logging.getLogger(__name__)


@dataclass
class InstalledLanguage:
    """What ``install_language`` did: the language in use and the translators it holds."""

    code: str
    locale: QLocale
    translators: list[QTranslator] = field(default_factory=list)
    problem: str = ""  # why the wanted language is not in use, "" when it is

    def uninstall(self) -> None:
        """Back to plain English (for tests that switch languages in one process)."""
        application = QCoreApplication.instance()
        for translator in self.translators:
            if application is not None:
                QCoreApplication.removeTranslator(translator)
        self.translators.clear()
        translation.install(None)
        set_date_renderer(None)
        QLocale.setDefault(QLocale.system())


def available_languages(root: Path | None = None) -> list[str]:
    """English, then every language with a translation folder, by code."""
    folder = root or translations_dir()
    if not folder.is_dir():
        return [ENGLISH]
    # A bundle carries the compiled .qm alone; a checkout may have only the .ts yet.
    found = sorted(
        path.name
        for path in folder.iterdir()
        if path.is_dir() and path.name != ENGLISH and any(path.glob("*.[tq][sm]"))
    )
    return [ENGLISH, *found]


def language_name(code: str) -> str:
    """The language's name in that language: "Deutsch", "English"."""
    if code == ENGLISH:
        return "English"
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


def choose_language(setting: str, available: list[str], system_languages: list[str]) -> str:
    """The code to speak: the setting's if Poise has it, for "system" the first it has."""
    wanted = system_languages if setting == SYSTEM else [setting]
    for tag in wanted:
        code = tag.replace("_", "-").split("-")[0].lower()
        if code in available:
            return code
    return ENGLISH


def install_language(setting: str, root: Path | None = None) -> InstalledLanguage:
    """Loads and installs the language ``setting`` asks for; English when it cannot."""
    folder = root or translations_dir()
    system = QLocale.system()
    available = available_languages(folder)
    code = choose_language(setting, available, list(system.uiLanguages()))
    if setting not in (SYSTEM, *available):
        _log.warning("the language %r has no translation; Poise speaks English", setting)
    not_compiled = _compile_missing(folder)
    installed = InstalledLanguage(code, _locale_for(code, system))
    translation.install(QCoreApplication.translate)
    # Qt searches the last installed translator first: English plurals stay underneath
    # for any string a language has not translated yet.
    problem = _load_all(installed, sorted((folder / ENGLISH).glob("*.qm")))
    if code != ENGLISH and not problem:
        ours = sorted((folder / code).glob("*.qm"))
        problem = _load_all(installed, ours) if ours else "is not compiled" + not_compiled
        if not problem:
            _load_qt_own(installed, code)
    if problem:
        installed.uninstall()
        _log.warning("Poise speaks English: the %s translation %s", code, problem)
        installed = InstalledLanguage(ENGLISH, _locale_for(ENGLISH, system), problem=problem)
        translation.install(QCoreApplication.translate)
    QLocale.setDefault(installed.locale)
    set_date_renderer(dates_in_locale)
    return installed


def dates_in_locale(value: date, pattern: str) -> str:
    """``value`` drawn from a Qt pattern by the default QLocale: its names of days and months."""
    day = QDate(value.year, value.month, value.day)
    if isinstance(value, datetime):
        clock = QTime(value.hour, value.minute, value.second)
        return QLocale().toString(QDateTime(day, clock), pattern)
    return QLocale().toString(day, pattern)


def _locale_for(code: str, system: QLocale) -> QLocale:
    """The system's own locale when it speaks ``code`` (its region's dates), else the language's."""
    if QLocale.languageToCode(system.language()) == code:
        return system
    return QLocale(code)


def _compile_missing(folder: Path) -> str:
    """Compiles what a checkout has not yet; why not, as " (...)" for the log line, or ""."""
    if not any(_needs_compiling(source) for source in folder.glob("*/*.ts")):
        return ""  # the usual start: a few stat calls, no build module (subprocess) imported
    from app.translation_build import compile_translations

    result = compile_translations(folder)
    for problem in result.problems:
        _log.debug("translation not compiled: %s", problem)
    return f" ({result.problems[0]})" if result.problems else ""


def _needs_compiling(source: Path) -> bool:
    """The rule ``compile_translations`` applies: no ``.qm`` beside the ``.ts``, or an older one."""
    target = source.with_suffix(".qm")
    return not target.is_file() or target.stat().st_mtime < source.stat().st_mtime


def _load_all(installed: InstalledLanguage, files: list[Path]) -> str:
    """Installs each file's translator; the first that will not load: why, else ""."""
    for path in files:
        translator = QTranslator(QCoreApplication.instance())
        if not translator.load(str(path)):
            return f"did not load from {path}"
        QCoreApplication.installTranslator(translator)
        installed.translators.append(translator)
    return ""


def _load_qt_own(installed: InstalledLanguage, code: str) -> None:
    """Qt's words for its own dialogs and buttons; without them only those stay English."""
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(QCoreApplication.instance())
    if translator.load(f"qtbase_{code}", qt_folder):
        QCoreApplication.installTranslator(translator)
        installed.translators.append(translator)
    else:
        _log.info("Qt's own %s words are not in %s: its buttons stay English", code, qt_folder)
