"""One JSON error shape for every failure the API answers, and the handlers that build it.

Every error, whether a hitex input error, a parameter FastAPI could not parse, a missing token
or an unknown route, answers with the same body::

    {"error": {"status": 422, "code": "unknown_code", "parameter": "reporter",
               "message": "reporter: Unknown country 'XXX'."}}

``parameter`` is the query or form field at fault, or ``null`` when the problem is not one
field's. The shape is pinned by ``tests/api/test_errors.py``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hitex.errors import HitexError, InputError, LoadError, UnknownCodeError

log = logging.getLogger(__name__)

#: HTTP status -> the ``code`` word of the error body.
CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "read_only",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "bad_input",
    500: "internal",
    501: "not_implemented",
    503: "busy",
}


class ApiError(HTTPException):
    """An answer other than 200, with the message and the parameter at fault."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        parameter: str | None = None,
        code: str | None = None,
        headers: dict[str, str] | None = None,
        ru: str | None = None,
    ) -> None:
        super().__init__(status, message, headers=headers)
        self.message = message
        self.parameter = parameter
        self.code = code or CODES.get(status, "error")
        #: The message in Russian, where one is known: answered to a request with ``lang=ru``.
        self.ru: str | None = ru

    def text(self, lang: str) -> str:
        """The message in ``lang``: Russian where one is known, else the English one."""
        return self.ru if lang == "ru" and self.ru else self.message


def lang_of(query: str | bytes) -> str:
    """``ru`` when a request's query string asks ``lang=ru``, else ``en``.

    Examples
    --------
    >>> lang_of(b"reporter=CHL&lang=ru"), lang_of("lang=de"), lang_of("")
    ('ru', 'en', 'en')
    """
    text = query.decode("latin-1") if isinstance(query, bytes) else query
    return "ru" if ("lang", "ru") in parse_qsl(text, keep_blank_values=True) else "en"


def body(status: int, message: str, *, parameter: str | None = None, code: str = "") -> dict:
    """The error body every failure answers with.

    Examples
    --------
    >>> body(404, "No such page.")
    {'error': {'status': 404, 'code': 'not_found', 'parameter': None, 'message': 'No such page.'}}
    """
    return {
        "error": {
            "status": status,
            "code": code or CODES.get(status, "error"),
            "parameter": parameter,
            "message": message,
        }
    }


def respond(
    status: int,
    message: str,
    *,
    parameter: str | None = None,
    code: str = "",
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """A JSON response with :func:`body`."""
    content = body(status, message, parameter=parameter, code=code)
    return JSONResponse(content, status_code=status, headers=dict(headers or {}))


def from_hitex(exc: HitexError, parameter: str | None = None) -> ApiError:
    """The answer for a hitex error: the user's mistake (422) or the server's (500)."""
    if isinstance(exc, UnknownCodeError):
        made = ApiError(422, _named(parameter, str(exc)), parameter=parameter, code="unknown_code")
    elif isinstance(exc, InputError):
        made = ApiError(422, _named(parameter, str(exc)), parameter=parameter)
    elif isinstance(exc, LoadError):
        made = ApiError(500, str(exc), code="load_failed")
    else:
        made = ApiError(500, str(exc))
    if exc.ru:
        made.ru = _named(parameter, exc.ru) if made.status_code == 422 else exc.ru
    return made


def _named(parameter: str | None, message: str) -> str:
    return f"{parameter}: {message}" if parameter else message


def install(app: FastAPI) -> None:
    """Answer every error raised by ``app`` with the one shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HitexError, _hitex_error)
    app.add_exception_handler(Exception, _unexpected)


async def answer_api_error(request: Request, exc: ApiError) -> JSONResponse:
    """The answer the app gives for ``exc`` (in Russian where the request asks ``lang=ru``)."""
    return await _api_error(request, exc)


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    message = exc.text(lang_of(request.url.query))
    return respond(
        exc.status_code, message, parameter=exc.parameter, code=exc.code, headers=exc.headers
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    ru = lang_of(request.url.query) == "ru"
    pages = {404: (f"Нет такой страницы: {request.url.path}." if ru
                   else f"No such page: {request.url.path}."),
             405: "Этот метод здесь не поддерживается." if ru else str(exc.detail)}  # fmt: skip
    message = pages.get(exc.status_code, str(exc.detail))
    return respond(exc.status_code, message, headers=exc.headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    first: dict[str, Any] = dict(exc.errors()[0]) if exc.errors() else {}
    loc = [str(p) for p in first.get("loc", ()) if p not in ("query", "body", "path", "form")]
    parameter = loc[0] if loc else None
    if lang_of(request.url.query) == "ru":
        message = invalid_ru(first, parameter)
    elif first.get("type") == "extra_forbidden":
        message = f"Unknown parameter {parameter!r}."
    elif first.get("type") == "missing":
        message = f"{parameter}: this parameter is required."
    else:
        text = str(first.get("msg", "invalid value"))
        message = _named(parameter, text if text.endswith((".", "?")) else text + ".")
    code = "unknown_code" if first.get("type") == "unknown_code" else "bad_input"
    return respond(422, message, parameter=parameter, code=code)


def invalid_ru(error: Mapping[str, Any], parameter: str | None) -> str:
    """A parameter FastAPI (pydantic) refused, said in Russian from the error's type and context.

    hitex's own checks carry their Russian sentence in the context (``ru``); pydantic's are
    worded here from their type, never from their English text.

    Examples
    --------
    >>> invalid_ru({"type": "less_than_equal", "ctx": {"le": 2100}, "input": "3000"}, "year")
    'year: значение должно быть не больше 2100, а дано 3000.'
    >>> invalid_ru({"type": "literal_error", "ctx": {"expected": "'en' or 'ru'"}}, "lang")
    "lang: допустимые значения — 'en' или 'ru'."
    """
    kind = str(error.get("type", ""))
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    given = error.get("input")
    shown = "" if given is None or isinstance(given, dict | list) else f", а дано {given}"
    if kind == "extra_forbidden":
        return f"Неизвестный параметр {parameter!r}."
    if kind == "missing":
        return f"{parameter}: обязательный параметр не задан."
    if ctx.get("ru"):
        text = str(ctx["ru"])
    elif kind in _BOUNDS_RU:
        key, said = _BOUNDS_RU[kind]
        text = f"значение должно быть {said} {ctx.get(key)}{shown}"
    elif kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace(" or ", " или ")
        text = f"допустимые значения — {expected}"
    elif kind == "string_pattern_mismatch":
        choices = re.fullmatch(r"\^\(([\w|-]+)\)\$", str(ctx.get("pattern", "")))
        listed = ", ".join(repr(c) for c in choices.group(1).split("|")) if choices else ""
        text = (f"допустимые значения — {listed}{shown}"
                if choices else f"значение не подходит по виду{shown}")  # fmt: skip
    else:
        text = _TYPES_RU.get(kind, "недопустимое значение") + shown
    text = text.rstrip(".")
    return _named(parameter, text + ".")


#: Bounds of a number (pydantic's type -> its context key, the words before the bound).
_BOUNDS_RU = {
    "greater_than_equal": ("ge", "не меньше"), "less_than_equal": ("le", "не больше"),
    "greater_than": ("gt", "больше"), "less_than": ("lt", "меньше"),
}  # fmt: skip

#: Other pydantic error types, said in Russian.
_TYPES_RU = {
    "int_parsing": "нужно целое число", "int_from_float": "нужно целое число",
    "int_parsing_size": "число слишком велико", "int_type": "нужно целое число",
    "float_parsing": "нужно число", "float_type": "нужно число",
    "finite_number": "нужно конечное число", "bool_parsing": "нужно 'true' или 'false'",
    "bool_type": "нужно 'true' или 'false'", "string_type": "нужна строка",
    "list_type": "нужен список", "json_invalid": "тело запроса — не JSON",
    "string_too_long": "слишком длинная строка", "string_too_short": "слишком короткая строка",
    "value_error": "недопустимое значение",
}  # fmt: skip


async def _hitex_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HitexError)
    return await _api_error(request, from_hitex(exc))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("Unexpected error answering %s", request.url.path)
    return respond(500, f"Internal error ({type(exc).__name__}); the server log has the details.")


class HeadAsGet:
    """ASGI middleware: ``HEAD`` answers as ``GET`` would, with the headers and no body.

    FastAPI routes declared with ``GET`` answer ``HEAD`` with 405; clients (link checkers,
    ``curl -I``, caches) expect the headers of the ``GET`` answer.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run a ``HEAD`` request as ``GET`` and drop the body of its answer."""
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)
