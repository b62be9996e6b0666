"""How the session talks to what surrounds it, without Qt: listeners called in turn (a signal
without Qt), a status-bar line as data, where what outlives the session is kept (``Memory``) and
what runs long work (``Runner``). The window binds Qt to these; tests pass a dict and a list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol


class Memory(Protocol):
    """Where the session keeps what outlives it, by setting key."""

    def load(self, key: str) -> Any: ...

    def save(self, key: str, value: Any) -> None: ...


class Runner(Protocol):
    """Runs one task at a time off the GUI thread (workers.TaskRunner)."""

    def start(self, fn: Callable[..., Any], name: str = "") -> object: ...

    def cancel(self) -> None: ...

    def is_busy(self) -> bool: ...


class Listeners:
    """Functions called, in order, when something happens: a signal without Qt."""

    def __init__(self) -> None:
        self._slots: list[Callable[..., object]] = []

    def connect(self, slot: Callable[..., object]) -> None:
        self._slots.append(slot)

    def disconnect(self, slot: Callable[..., object]) -> None:
        self._slots.remove(slot)

    def emit(self, *args: object) -> None:
        for slot in list(self._slots):
            slot(*args)


@dataclass(frozen=True)
class StatusLine:
    """A status-bar line as data: a key of the words registry ("ui.loading") and its values ("" clears
    the line); rendered in the language on screen by the window."""

    key: str = ""
    values: dict[str, object] = field(default_factory=dict)
    timeout_ms: int = 0


__all__ = ["Listeners", "Memory", "Runner", "StatusLine"]
