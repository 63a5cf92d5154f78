"""Click's usage errors (an unknown option, a missing argument) said in Russian.

Click words its errors in English; the command line says them in Russian when the user asked
for Russian (``--lang ru`` on the command line, or ``$HITEX_LANG=ru``). The sentence is built
from what the exception carries (the option's name, the parameter, the close matches), not
from its English text; what only the English text holds (a parameter type's explanation of a
bad value, "'x' is not a valid integer") is quoted as Click gives it.

The exceptions are read by their attributes, not their classes: Typer carries its own copy of
Click's exceptions (``typer._click``) in newer releases and Click's in older ones.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Any

import typer

from hitex.errors import close_matches, did_you_mean

__all__ = ["asked_russian", "is_usage_error", "show_ru", "usage_error_ru"]


def asked_russian(args: Sequence[str]) -> bool:
    """Whether a command line asks for Russian: ``--lang ru`` (``--lang=ru``), else $HITEX_LANG.

    Examples
    --------
    >>> asked_russian(["table", "--lang", "ru"]), asked_russian(["table", "--lang=en"])
    (True, False)
    """
    args = list(args)
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1] == "ru"
        if arg.startswith("--lang="):
            return arg.removeprefix("--lang=") == "ru"
    return os.environ.get("HITEX_LANG") == "ru"


def is_usage_error(exc: BaseException) -> bool:
    """Whether ``exc`` is one of Click's usage errors (exit status 2), not its help screen."""
    if type(exc).__name__ == "NoArgsIsHelpError":
        return False
    return getattr(exc, "exit_code", None) == 2 and hasattr(exc, "ctx") and hasattr(exc, "message")


#: The kinds of parameter Click names ("Missing argument"), in Russian.
_MISSING = {"argument": "Не указан аргумент", "option": "Не указан параметр",
            "parameter": "Не указан параметр"}  # fmt: skip


def _hint(exc: Any) -> str:
    hint = exc.param_hint
    param = exc.param
    if hint is None and param is not None:
        # Click's get_error_hint takes the context, Typer's copy does not: read the names.
        argument = getattr(param, "param_type_name", "") == "argument"
        hint = str(param.name) if argument else list(getattr(param, "opts", []))
    if not hint:
        return ""
    names = [hint] if isinstance(hint, str) else list(hint)
    return " / ".join(f"«{n.strip(chr(39))}»" for n in names)


def _missing(exc: Any) -> str:
    kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "parameter")
    what = _MISSING.get(kind, "Не указан параметр")
    hint = _hint(exc)
    return f"{what} {hint}." if hint else f"{what}."


def _close(possibilities: Sequence[str] | None) -> str:
    return " " + did_you_mean(possibilities, "ru") if possibilities else ""


#: Click's errors that carry only their English text, by pattern: (pattern, Russian).
_PLAIN = (
    (re.compile(r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)"), "Лишние аргументы: «{0}»."),
    (re.compile(r"Option '(.+)' requires an argument\."), "Параметру «{0}» нужно значение."),
    (re.compile(r"Option '(.+)' requires (\d+) arguments\."),
     "Параметру «{0}» нужно значений: {1}."),
    (re.compile(r"Option '(.+)' does not take a value\."), "Параметр «{0}» не принимает значения."),
    (re.compile(r"Missing command\."), "Не указана команда."),
)  # fmt: skip


def usage_error_ru(exc: Any) -> str:
    """The Russian sentence of a usage error (:func:`is_usage_error`).

    Examples
    --------
    >>> from typer.testing import CliRunner
    >>> from hitex.cli import app
    >>> said = CliRunner().invoke(app, ["table", "--yaer", "2020", "--lang", "ru"]).output
    >>> said.splitlines()[-1]
    'Ошибка: Нет параметра «--yaer». Возможно, имелось в виду «--year» или «--years» или «--by»?'
    """
    if hasattr(exc, "option_name") and hasattr(exc, "possibilities"):
        return f"Нет параметра «{exc.option_name}».{_close(exc.possibilities)}"
    if hasattr(exc, "param_type"):
        return _missing(exc)
    if hasattr(exc, "param_hint"):
        hint = _hint(exc)
        where = f" для {hint}" if hint else ""
        # The type's own explanation ("'x' is not a valid integer.") is Click's words, quoted.
        return f"Недопустимое значение{where} (пояснение на английском: «{exc.message}»)."
    command = re.match(r"No such command '(.+?)'\.", str(exc.message))
    if command is not None:
        known = list(getattr(getattr(exc.ctx, "command", None), "commands", {}))
        # Offered as Click offers close options: difflib's defaults, case kept.
        close = close_matches(command.group(1), known, cutoff=0.6, ignore_case=False)
        return f"Нет команды «{command.group(1)}».{_close(close)}"
    for pattern, said in _PLAIN:
        found = pattern.fullmatch(str(exc.message))
        if found:
            return said.format(*found.groups())
    return f"Ошибка в командной строке (сообщение на английском: «{exc.message}»)."


def show_ru(exc: Any) -> None:
    """Print a usage error as Click does (usage line, where to find help, the error), in Russian."""
    ctx = exc.ctx
    if ctx is not None:
        usage = ctx.get_usage().removeprefix("Usage:").strip()
        typer.echo(f"Использование: {usage}", err=True)
        if ctx.command.get_help_option(ctx) is not None:
            typer.echo(f"Справка: {ctx.command_path} --help", err=True)
        typer.echo(err=True)
    typer.echo(f"Ошибка: {usage_error_ru(exc)}", err=True)
