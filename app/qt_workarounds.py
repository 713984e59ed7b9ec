"""Works around a PySide6 6.12 reference-counting bug that crashes Poise after a while.

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


def _incref_many(count: int) -> None:
    # Give back what the probe itself took.
    for _ in range(count):
        _incref(True)
