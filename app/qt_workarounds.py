"""Works around PySide6 6.12.0 reference-counting bugs that crash Poise after a while.

``pyproject.toml`` excludes 6.12.0, so an install from it never gets the bug; this
module guards the cases it cannot control (a bundle or environment built with
6.12.0), and does nothing on a PySide6 that behaves.

``SignalInstance.emit()`` and ``SignalInstance.disconnect()`` return ``True`` without
taking a reference to it, so every call from Python releases one reference that was
never taken. ``True`` has only a few thousand references: after that many signal
emissions from Python the interpreter aborts ("bool_dealloc: deallocating True or
False"), in a long meeting or at exit. :func:`install` probes whether the running
PySide6 has the bug and, only then, wraps both methods so they add the missing
reference. Call it once before Qt objects start emitting (the partner link does).
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None
_PROBES = 16
_installed = False


class _Probe(QObject):
    probed = Signal()


def _loses_references(call: Callable[[], object]) -> bool:
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        call()
    return sys.getrefcount(True) <= before - _PROBES


def _repaired(method: Callable[..., Any]) -> Callable[..., Any]:
    def call_and_keep_reference(self: SignalInstance, *args: Any, **kwargs: Any) -> Any:
        result = method(self, *args, **kwargs)
        if result is True or result is False:
            _incref(result)
        return result

    call_and_keep_reference.__name__ = method.__name__
    call_and_keep_reference.__doc__ = method.__doc__
    return call_and_keep_reference


def install() -> bool:
    """Repair emit/disconnect if this PySide6 needs it; returns whether it did. Idempotent."""
    global _installed
    if _installed:
        return True
    probe = _Probe()

    def nothing() -> None:
        return None

    emit_broken = _loses_references(probe.probed.emit)

    def connect_and_disconnect() -> object:
        probe.probed.connect(nothing)
        return probe.probed.disconnect(nothing)

    disconnect_broken = _loses_references(connect_and_disconnect)
    # The repair replaces PySide6's own methods on purpose, which mypy forbids by default.
    if emit_broken:
        _incref_many(_PROBES)
        SignalInstance.emit = _repaired(SignalInstance.emit)  # type: ignore[method-assign]
    if disconnect_broken:
        _incref_many(_PROBES)
        SignalInstance.disconnect = _repaired(  # type: ignore[method-assign]
            SignalInstance.disconnect
        )
    _installed = emit_broken or disconnect_broken
    return _installed


_NONE_RESERVE = 1 << 40


def _void_call_loses_none() -> bool:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        probe.setObjectName("probe")
    return sys.getrefcount(None) <= before - _PROBES


def protect_none() -> bool:
    """Keep ``None`` alive where every void Qt call drops a reference to it.

    PySide6 6.12.0 was built as if ``None`` were immortal (as it is from Python
    3.12 on): each ``setText`` or ``postEvent`` releases a reference it never took,
    and a long meeting ends in "deallocating None". Where the probe sees this, a
    large reserve of references makes ``None`` immortal in practice.
    """
    if sys.version_info >= (3, 12) or not _void_call_loses_none():
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += _NONE_RESERVE
    return True


def _incref_many(count: int) -> None:
    # Give back what the probe itself took.
    for _ in range(count):
        _incref(True)
