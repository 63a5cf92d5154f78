"""Query parameters of the API, each checked against the reference data before any query runs.

The names and meanings are those of ``hitex table``'s options (``partner_group`` for
``--partner-group``). Codes are checked against the package's reference data here (country,
flow, dimension, classification, indicator); names that live in the warehouse (schemes,
partner groups, a scheme's groups) are checked by :meth:`TableQuery.check` on the reader
session. An unknown parameter is an error too, so a typo is never silently ignored.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from enum import StrEnum
from typing import Any, Literal
from urllib.parse import parse_qsl, quote_plus

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError
from starlette.types import ASGIApp, Receive, Scope, Send

import hitex.indicators as ind
from hitex.api.errors import ApiError, from_hitex, lang_of, respond
from hitex.errors import HitexError, UnknownCodeError
from hitex.indicators.registry import ALIASES, BY_NAME
from hitex.reference.codes import CLASSIFICATIONS
from hitex.reference.countries import resolve
from hitex.session import Session


class Format(StrEnum):
    """How a listing is answered: JSON records or CSV (as ``--format csv`` prints it)."""

    json = "json"
    csv = "csv"


def _unknown(exc: HitexError) -> PydanticCustomError:
    # The Russian sentence travels in the context: the handler answers it to lang=ru.
    return PydanticCustomError("unknown_code", "{message}",
                               {"message": str(exc), "ru": exc.ru or str(exc)})  # fmt: skip


def _bad(message: str, ru: str | None = None) -> PydanticCustomError:
    return PydanticCustomError("bad_input", "{message}", {"message": message, "ru": ru or message})


#: What :func:`_span` reads, in Russian.
_SPAN_RU = {"month range": "диапазон месяцев", "span of years": "диапазон лет"}


#: Characters ``quote_plus`` leaves as they are (its "always safe" set).
_UNQUOTED = re.compile(r"[A-Za-z0-9_.~-]*")


def _quoted(text: str) -> str:
    """``quote_plus(text)`` as ``urlencode`` quotes keys and values (none where none changes).

    Examples
    --------
    >>> _quoted("tech"), _quoted("North America"), _quoted("Европа")
    ('tech', 'North+America', '%D0%95%D0%B2%D1%80%D0%BE%D0%BF%D0%B0')
    """
    return text if _UNQUOTED.fullmatch(text) else quote_plus(text)


def _span(text: str, what: str, lo: int, hi: int) -> tuple[int, int]:
    """``"2001-2020"`` -> ``(2001, 2020)``; ``"3"`` -> ``(3, 3)``, within ``lo``-``hi``."""
    first, _, last = text.partition("-")
    said = _SPAN_RU.get(what, what)
    try:
        span = int(first), int(last or first)
    except ValueError:
        raise _bad(f"{text!r} is not a {what} such as {lo}-{hi}",
                   f"{text!r} — не {said} вида {lo}-{hi}") from None  # fmt: skip
    if not lo <= span[0] <= span[1] <= hi:
        raise _bad(
            f"{text!r} is not a {what} within {lo}-{hi}, first to last",
            f"{text!r} — не {said} в пределах {lo}-{hi} (от первого к последнему)",
        )
    return span


def _country(value: str) -> str:
    try:
        return resolve(value)
    except UnknownCodeError as exc:
        raise _unknown(exc) from None


def _names(values: list[str] | None) -> list[str]:
    """Repeated and comma-separated values alike: ``["a,b", "c"]`` -> ``["a", "b", "c"]``."""
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def _slug(text: str) -> str:
    """Letters, digits and single hyphens (the reporter's capitals kept): a safe file name."""
    return re.sub(r"-{2,}", "-", re.sub(r"[^\w-]+", "-", text, flags=re.ASCII)).strip("-")


def _once(names: list[str]) -> list[str]:
    """Refuse a value given twice (``by=partner,partner``): the answer would be ambiguous."""
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise _bad(f"{', '.join(map(repr, twice))} is given more than once",
                   f"{', '.join(map(repr, twice))}: значение дано дважды")  # fmt: skip
    return names


#: The largest whole number a count parameter takes (DuckDB's LIMIT is a 64-bit integer).
MAX_COUNT = 2**31 - 1

#: Parameters that may be repeated (``by=partner&by=product``); any other only once.
REPEATABLE = frozenset({"by", "indicators", "code"})


class RepeatedParameters:
    """ASGI middleware: a query parameter given twice (``year=2020&year=2021``) is a 422.

    Which of the two values would count is not the user's to guess; list parameters
    (:data:`REPEATABLE`) are the exception.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer 422 for a repeated parameter; pass every other request on."""
        if scope["type"] == "http" and scope.get("query_string"):
            names = [k for k, _ in parse_qsl(scope["query_string"].decode("latin-1"),
                                             keep_blank_values=True)]  # fmt: skip
            twice = sorted({n for n in names if names.count(n) > 1} - REPEATABLE)
            if twice:
                said = (
                    f"{twice[0]}: параметр задан несколько раз; задайте его один раз."
                    if lang_of(scope["query_string"]) == "ru"
                    else f"{twice[0]}: this parameter is given more than once; give it once."
                )
                answer = respond(422, said, parameter=twice[0])
                await answer(scope, receive, send)
                return
        await self.app(scope, receive, send)


class Strict(BaseModel):
    """Query parameters with no unknown names allowed."""

    model_config = ConfigDict(extra="forbid")


class TableQuery(Strict):
    """What ``hitex table`` asks, as query parameters."""

    reporter: str = Field(description="Reporter: ISO code, RU-MOW, or a name.")
    flow: str = Field("export", description="export, import, re-export, re-import, balance.")
    year: int | None = Field(None, ge=1900, le=2100, description="Reporting year.")
    compare: int | None = Field(None, ge=1900, le=2100, description="Base year for growth.")
    years: str | None = Field(None, description="A span, e.g. 2001-2020: one row per year.")
    by: list[str] = Field([], description="Dimension(s): partner, product, group, region, ...")
    partner_group: str | None = Field(None, description="Only partners in this group.")
    groups: str | None = Field(None, description="Product scheme: tech, enduse, ...")
    group: str | None = Field(None, description="Only this group of `groups`.")
    months: str | None = Field(None, description="Months, e.g. 1-8 (year to date).")
    classification: str | None = Field(None, description="Only this classification.")
    top: int | None = Field(None, ge=1, le=MAX_COUNT, description="Only the N largest rows.")
    indicators: list[str] = Field([], description="value,growth,share,change,rank,...")
    small_base: float = Field(
        1_000_000.0, ge=0, le=1e15, allow_inf_nan=False,
        description="Flag growth on a smaller base.",
    )  # fmt: skip
    partial: bool = Field(
        False, description="Give imports or a balance whose records are partial (see "
        "/api/coverage) as far as the loads hold them.",
    )  # fmt: skip
    firm_group: str | None = Field(
        None, description="Only the enterprises of this group (hitex firms), membership by year."
    )
    format: Format = Field(Format.json, description="json or csv.")
    lang: Literal["en", "ru"] = Field("en", description="Language of names: en or ru.")

    @field_validator("reporter")
    @classmethod
    def _reporter(cls, v: str) -> str:
        return _country(v)

    @field_validator("flow")
    @classmethod
    def _flow(cls, v: str) -> str:
        if v not in ind.FLOW_CHOICES:
            raise _unknown(UnknownCodeError.new("flow", v, ind.FLOW_CHOICES))
        return v

    @field_validator("by", mode="before")
    @classmethod
    def _by(cls, v: Any) -> list[str]:
        names = _names(v if isinstance(v, list) else [v])
        for d in names:
            if d not in ind.DIMENSIONS:
                raise _unknown(UnknownCodeError.new("dimension", d, ind.DIMENSIONS))
        return _once(names)

    @field_validator("indicators", mode="before")
    @classmethod
    def _indicators(cls, v: Any) -> list[str]:
        names = _names(v if isinstance(v, list) else [v])
        known = [*BY_NAME, *ALIASES]
        for name in names:
            if name not in known:
                raise _unknown(UnknownCodeError.new("indicator", name, known))
        return _once(names)

    @field_validator("classification")
    @classmethod
    def _classification(cls, v: str | None) -> str | None:
        if v is not None and v.upper() not in CLASSIFICATIONS:
            raise _unknown(UnknownCodeError.new("classification", v, CLASSIFICATIONS))
        return v

    @field_validator("years")
    @classmethod
    def _years(cls, v: str | None) -> str | None:
        if v is not None:
            _span(v, "span of years", 1900, 2100)
        return v

    @field_validator("months")
    @classmethod
    def _months(cls, v: str | None) -> str | None:
        if v is not None:
            _span(v, "month range", 1, 12)
        return v

    def check(self, s: Session) -> None:
        """Check the names that live in the warehouse: scheme, its group, partner group."""
        product = names(s, "product schemes", _product_schemes)
        if self.groups is not None and self.groups not in product:
            raise _api(UnknownCodeError.new("product scheme", self.groups, product), "groups")
        if self.group is not None and self.groups is not None:
            scheme = self.groups
            known = names(s, f"groups of {scheme}", lambda s: _groups_of(s, scheme))
            if self.group.lower() not in {k.lower() for k in known}:
                raise _api(UnknownCodeError.new("group", self.group, known), "group")
        if self.partner_group is not None:
            known = names(s, "partner groups", partner_groups)
            if self.partner_group.lower() not in {k.lower() for k in known}:
                wrong = UnknownCodeError.new("partner group", self.partner_group, known)
                raise _api(wrong, "partner_group")
        if self.firm_group is not None:
            known = names(s, "enterprise groups", firm_groups)
            if self.firm_group.lower() not in {k.lower() for k in known}:
                wrong = UnknownCodeError.new("enterprise group", self.firm_group, known)
                raise _api(wrong, "firm_group")

    def options(self) -> dict[str, Any]:
        """Keyword arguments of :meth:`Session.table` / :meth:`Session.series` (no years)."""
        return {
            "reporter": self.reporter, "flow": self.flow, "by": self.by,
            "partner_group": self.partner_group, "groups": self.groups, "group": self.group,
            "months": _span(self.months, "month range", 1, 12) if self.months else None,
            "classification": self.classification, "top": self.top,
            "small_base_usd": self.small_base, "indicators": self.indicators or None,
            "partial": self.partial, "firm_group": self.firm_group,
        }  # fmt: skip

    def url(self, fmt: Format = Format.csv) -> str:
        """``/api/table`` asking this question (the dashboard's CSV links are these)."""
        given = self.model_dump(exclude_defaults=True, exclude={"format"})
        pairs = [(k, ",".join(v) if isinstance(v, list) else str(v)) for k, v in given.items()]
        pairs.append(("format", fmt.value))
        return "/api/table?" + "&".join(_quoted(k) + "=" + _quoted(v) for k, v in pairs)

    def file_name(self) -> str:
        """What the answer holds, as a file name: ``hitex-CHL-export-2004-vs-2002-by-partner``.

        Examples
        --------
        >>> TableQuery(reporter="CHL", year=2004, compare=2002, by=["partner"]).file_name()
        'hitex-CHL-export-2004-vs-2002-by-partner'
        >>> TableQuery(reporter="RU-MOW", years="2019-2020", groups="tech", group="high",
        ...            months="1-8").file_name()
        'hitex-RU-MOW-export-2019-2020-months-1-8-tech-high-series'
        """
        parts = ["hitex", self.reporter, self.flow, self.years or str(self.year)]
        if self.compare is not None:
            parts += ["vs", str(self.compare)]
        if self.months:
            parts += ["months", self.months]
        if self.partner_group:
            parts += ["partners", self.partner_group]
        if self.firm_group:
            parts += ["firms", self.firm_group]
        if self.group and self.groups:
            parts += [self.groups, self.group]
        by = [f"{self.groups}-group" if d == "group" else d for d in self.by]
        parts += ["by", *by] if by else ["series" if self.years else "total"]
        return _slug("-".join(p for p in parts if p))

    def span(self) -> range:
        """The years of ``years`` as a range."""
        assert self.years is not None
        first, last = _span(self.years, "span of years", 1900, 2100)
        return range(first, last + 1)


#: Names by (warehouse file, warehouse version, what): they change only with the warehouse.
_NAMES: dict[tuple[str, str, str], list[str]] = {}
_NAMES_LOCK = threading.Lock()


def names(s: Session, what: str, find: Callable[[Session], list[str]]) -> list[str]:
    """``find(s)``, remembered while the warehouse keeps its version (listing is not free)."""
    key = (s.warehouse.path, s.warehouse.version(), what)
    with _NAMES_LOCK:
        found = _NAMES.get(key)
    if found is None:
        found = find(s)
        with _NAMES_LOCK:
            if len(_NAMES) > 1000:
                _NAMES.clear()
            _NAMES[key] = found
    return found


def _product_schemes(s: Session) -> list[str]:
    schemes = s.groups()
    return [str(v) for v in schemes[schemes["kind"] == "product"]["scheme"]]


def _groups_of(s: Session, scheme: str) -> list[str]:
    listed = s.groups(scheme)
    return [str(k) for k in dict.fromkeys([*listed["group_code"], *listed["group_name"]])]


def firm_groups(s: Session) -> list[str]:
    """Names of every enterprise group of the warehouse's registries."""
    from hitex import firms  # noqa: PLC0415

    return firms.group_names(s.warehouse.con)


def partner_groups(s: Session) -> list[str]:
    """Names of every partner group in the warehouse (regions, blocs, the user's)."""
    schemes = s.groups()
    names: list[str] = []
    for scheme in schemes[schemes["kind"] == "partner"]["scheme"]:
        names += s.groups(scheme)["group_name"].tolist()
    return names


def _api(exc: HitexError, parameter: str) -> ApiError:
    return from_hitex(exc, parameter)


class ListQuery(Strict):
    """A listing: only its format."""

    format: Format = Field(Format.json, description="json or csv.")


class RejectsQuery(ListQuery):
    """Refused records, of one load or all."""

    load: int | None = Field(None, ge=1, le=MAX_COUNT, description="Only this load.")
    lang: Literal["en", "ru"] = Field("en", description="Language of the reasons: en or ru.")


class GroupsQuery(ListQuery):
    """Schemes, or one scheme's groups."""

    scheme: str | None = Field(None, description="A scheme to list its groups.")


class ClassifyQuery(ListQuery):
    """What every scheme says about some products."""

    code: list[str] = Field(description="Product codes, e.g. 841181 (repeat or comma-separate).")
    classification: str = Field("HS17", description="Classification of the codes.")

    @field_validator("code", mode="before")
    @classmethod
    def _codes(cls, v: Any) -> list[str]:
        codes = _names(v if isinstance(v, list) else [v])
        if not codes:
            raise _bad("give at least one product code", "укажите хотя бы один код товара")
        return codes

    @field_validator("classification")
    @classmethod
    def _classification(cls, v: str) -> str:
        if v.upper() not in CLASSIFICATIONS:
            raise _unknown(UnknownCodeError.new("classification", v, CLASSIFICATIONS))
        return v.upper()


class CoverageQuery(ListQuery):
    """What is loaded for a reporter: ``hitex coverage --reporter``."""

    reporter: str = Field(description="Reporter: ISO code, RU-MOW, or a name.")
    year: int | None = Field(None, ge=1900, le=2100, description="Only this year.")
    lang: Literal["en", "ru"] = Field("en", description="Language of the notes: en or ru.")

    @field_validator("reporter")
    @classmethod
    def _reporter(cls, v: str) -> str:
        return _country(v)


class ReportQuery(Strict):
    """What ``hitex report`` asks, as query parameters."""

    reporter: str = Field(description="Reporter: ISO code, RU-MOW, or a name.")
    year: int = Field(ge=1900, le=2100, description="Reporting year.")
    compare: int | None = Field(None, ge=1900, le=2100, description="Base year.")
    partner_group: str | None = Field(None, description="Only partners in this group.")
    firm_group: str | None = Field(
        None, description="Only the enterprises of this group (hitex firms), membership by year."
    )
    lang: str = Field("en", pattern="^(en|ru)$", description="en or ru.")
    format: str = Field("html", pattern="^(html|md|pdf)$", description="html, md or pdf.")
    # The rest of a dashboard view's selection: the report applies what it can and says
    # at its top which part it does not (api/report.py).
    flow: str | None = Field(
        None, description="The view's flow: the report is of exports; another is named so."
    )
    months: str | None = Field(
        None, description="Months, e.g. 1-8: the report's year-to-date section covers them."
    )
    groups: str | None = Field(None, description="The view's product scheme (tech, enduse, ...).")
    group: str | None = Field(
        None, description="The view's product group: named in the report as not applied."
    )

    @field_validator("reporter")
    @classmethod
    def _reporter(cls, v: str) -> str:
        return _country(v)

    @field_validator("months")
    @classmethod
    def _months(cls, v: str | None) -> str | None:
        if v is not None:
            _span(v, "month range", 1, 12)
        return v

    @field_validator("flow")
    @classmethod
    def _flow(cls, v: str | None) -> str | None:
        if v is not None and v not in ind.FLOW_CHOICES:
            raise _bad(f"{v!r} is not one of: {', '.join(ind.FLOW_CHOICES)}",
                       f"{v!r}: допустимые значения — {', '.join(ind.FLOW_CHOICES)}")  # fmt: skip
        return v
