"""Errors hitex raises: one root, input errors also inherit the matching stdlib type.

The command line turns every :class:`HitexError` into one plain sentence on stderr and a
non-zero exit; a traceback is reserved for bugs.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class HitexError(Exception):
    """Root of every error hitex raises on purpose."""


class InputError(ValueError, HitexError):
    """Something the user gave (a file, an option, a value) is not acceptable."""


class PartialCoverageError(InputError):
    """The records of a figure are partial: it is not stated as a whole unless asked for.

    Imports mirrored from some exporters only, or a balance without imports.
    """


class NotCoveredError(InputError):
    """The selection asks for partners (or products) none of the loaded records can hold.

    Not a zero: the loads say nothing about it. The message names what is loaded.
    """


class BadFileError(InputError):
    """A file cannot be read as the format asked for; nothing was loaded.

    Carries where the problem is, so that a caller can point at it.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: str | None = None,
        value: str | None = None,
    ) -> None:
        super().__init__(message)
        self.file = file
        self.line = line
        self.column = column
        self.value = value


class UnknownCodeError(KeyError, HitexError):
    """A name or code is not known; the message offers the closest known ones."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    @classmethod
    def new(cls, what: str, value: str, known: Iterable[str]) -> UnknownCodeError:
        """Build the error for ``value`` with a "Did you mean …?" from ``known``."""
        names = list(known)
        hint = suggest(value, names)
        if not hint and 0 < len(names) <= 12:
            hint = " Choose from: " + ", ".join(names) + "."
        return cls(f"Unknown {what} {value!r}.{hint}")


class LoadError(HitexError):
    """A load failed part-way; the warehouse was left as it was."""


def suggest(value: str, known: Iterable[str], *, n: int = 3) -> str:
    """Return ``" Did you mean 'X'?"`` for the closest of ``known``, or ``""``.

    Examples
    --------
    >>> suggest("Asai", ["Asia", "Africa", "Europe"])
    " Did you mean 'Asia'?"
    >>> suggest("zzz", ["Asia"])
    ''
    """
    lowered = {k.lower(): k for k in known}
    close = difflib.get_close_matches(value.lower(), list(lowered), n=n, cutoff=0.75)
    if not close:
        return ""
    return " Did you mean " + " or ".join(repr(lowered[c]) for c in close) + "?"
