"""Errors hitex raises: one root, input errors also inherit the matching stdlib type.

The command line turns every :class:`HitexError` into one plain sentence on stderr and a
non-zero exit; a traceback is reserved for bugs.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable


class HitexError(Exception):
    """Root of every error hitex raises on purpose.

    ``ru`` is the same sentence in Russian where the raiser gives one; :meth:`text` picks it
    for ``lang="ru"`` (the CLI's ``--lang ru``).
    """

    ru: str | None = None

    def __init__(self, *args: object, ru: str | None = None) -> None:
        super().__init__(*args)
        if ru is not None:
            self.ru = ru

    def text(self, lang: str = "en") -> str:
        """The sentence in ``lang``: Russian where one was given, else the English one."""
        return self.ru if lang == "ru" and self.ru else str(self)


class InputError(ValueError, HitexError):
    """Something the user gave (a file, an option, a value) is not acceptable.

    ``ru`` is the same sentence in Russian (see :meth:`HitexError.text`).
    """

    def __init__(self, *args: object, ru: str | None = None) -> None:
        super().__init__(*args)
        if ru is not None:
            self.ru = ru


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
        ru: str | None = None,
    ) -> None:
        super().__init__(message, ru=ru)
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
        made = cls(f"Unknown {what} {value!r}.{hint}")
        made.ru = _unknown_ru(what, value, names)
        return made


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
    close = close_matches(value, known, n=n)
    return " " + did_you_mean(close) if close else ""


def close_matches(
    value: str,
    candidates: Iterable[str],
    *,
    n: int = 3,
    cutoff: float = 0.75,
    ignore_case: bool = True,
) -> list[str]:
    """The at most ``n`` of ``candidates`` closest to ``value``, best first, as spelled there.

    :func:`difflib.get_close_matches` on the names, compared lower-cased unless
    ``ignore_case`` is false (of names equal but for case, the last one given is offered).

    Examples
    --------
    >>> close_matches("frnace", ["France", "Greece", "Iran"])
    ['France']
    >>> close_matches("TABLE", ["table"], ignore_case=False)
    []
    """
    fold: Callable[[str], str] = str.lower if ignore_case else str
    folded = {fold(c): c for c in candidates}
    return [folded[c] for c in difflib.get_close_matches(fold(value), folded, n=n, cutoff=cutoff)]


#: "Did you mean …?" by language: the sentence, the word between names, how a name is quoted.
_DID_YOU_MEAN = {
    "en": ("Did you mean {}?", " or ", repr),
    "ru": ("Возможно, имелось в виду {}?", " или ", "«{}»".format),
}


def did_you_mean(
    names: Iterable[str], lang: str = "en", *, quote: Callable[[str], str] | None = None
) -> str:
    """The sentence offering ``names`` (:func:`close_matches`) in ``lang``; ``""`` for none.

    ``quote`` writes one name (default: ``'X'`` in English, ``«X»`` in Russian).

    Examples
    --------
    >>> did_you_mean(["Asia", "Africa"])
    "Did you mean 'Asia' or 'Africa'?"
    >>> did_you_mean(["--year"], "ru")
    'Возможно, имелось в виду «--year»?'
    >>> did_you_mean([])
    ''
    """
    sentence, between, default = _DID_YOU_MEAN[lang]
    said = between.join(map(quote or default, names))
    return sentence.format(said) if said else ""


#: What :meth:`UnknownCodeError.new` names, in Russian (nominative: "Не найдено: страна «X»").
_WHAT_RU = {
    "partner group": "группа партнёров", "product scheme": "товарная схема", "scheme": "схема",
    "group": "группа", "enterprise group": "группа предприятий", "country": "страна",
    "reporter": "отчитывающаяся страна", "flow": "поток", "indicator": "показатель",
    "classification": "классификация", "Comtrade classification": "классификация Comtrade",
    "dimension": "разрез", "dimension for --by": "разрез для --by", "engine": "движок",
    "field": "поле", "format": "формат", "loads action": "действие с загрузками",
}  # fmt: skip


def _unknown_ru(what: str, value: str, known: list[str]) -> str:
    """The Russian sentence of an unknown name, worded so that nothing needs declension.

    Examples
    --------
    >>> _unknown_ru("partner group", "Asai", ["Asia", "Africa"])
    'Не найдено: группа партнёров «Asai». Возможно, имелось в виду «Asia» (Азия)?'
    >>> _unknown_ru("flow", "exprt", ["export", "import"])
    'Не найдено: поток «exprt». Возможно, имелось в виду «export»?'
    """
    head = f"Не найдено: {_WHAT_RU.get(what, what)} «{value}»."
    close = close_matches(value, known)
    if close:
        return f"{head} {did_you_mean(close, 'ru', quote=lambda k: _with_russian(what, k))}"
    if 0 < len(known) <= 12:
        return f"{head} Допустимые значения: {', '.join(_with_russian(what, k) for k in known)}."
    return head


def _with_russian(what: str, name: str) -> str:
    """``«Asia» (Азия)``: a name to type, with its Russian name where it is a partner group's."""
    if what == "partner group":
        from hitex.reference.russian import partner_group  # noqa: PLC0415 - pandas, on demand

        russian = partner_group(name)
        if russian is not None:
            return f"«{name}» ({russian})"
    return f"«{name}»"
