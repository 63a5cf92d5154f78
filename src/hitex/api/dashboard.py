"""``GET /api/view``: everything one dashboard view needs, in one answer.

A view is a selection (reporter, flow, year, base year, months, partner group, product scheme
and group). The answer holds the selection as it was answered, what had to change to make it
possible (``notes``), the choices the filters offer for it (``choices``), and its figures:
the headline row, partners, products (or groups) and the series by year. Every figure comes
from :meth:`hitex.Session.table` / :meth:`hitex.Session.series` (the same calls and the same
remembered answers as ``/api/table`` and ``/api/series``); nothing is computed here.

What the filters offer follows what the warehouse holds for the reporter and flow, as
:func:`holdings` says. It is the one place that decides which flows, years and months a
reporter has (today from the records loaded; coverage of the flows may decide it instead).
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar
from urllib.parse import parse_qsl

import pandas as pd
from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import Field, ValidationError, field_validator
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Receive, Scope, Send

from hitex._util import cents, records
from hitex.api import answers, errors
from hitex.api.connections import Busy, Connections
from hitex.api.errors import ApiError, from_hitex
from hitex.api.params import (
    Strict,
    TableQuery,
    _country,
    _product_schemes,
    _span,
    firm_groups,
    names,
    partner_groups,
)
from hitex.api.views import Conns, _question
from hitex.errors import HitexError
from hitex.indicators.disclosure import Disclosure
from hitex.reference.countries import name
from hitex.reference.russian import localize_listing, scheme_title
from hitex.reference.russian import partner_group_name as group_name
from hitex.session import Session

router = APIRouter(prefix="/api")

#: Rows of the products panel when no scheme groups them.
TOP_PRODUCTS = 50

#: The flows a reporter can hold, in the order the page offers them.
FLOWS = ("export", "import", "re-export", "re-import")


@dataclass(frozen=True)
class Held:
    """What the warehouse holds of one reporter, flow and year."""

    records: int
    #: First and last month held; None for annual records.
    months: tuple[int, int] | None


#: reporter -> flow -> year -> what is held.
Holdings = dict[str, dict[str, dict[int, Held]]]

#: Findings kept (a few per reporter: a warehouse of every country's trade holds ~250).
KEPT = 4096
_KEPT: dict[tuple[str, str, str], Any] = {}
_KEPT_LOCK = threading.Lock()
T = TypeVar("T")


def remember(s: Session, what: str, find: Callable[[Session], T]) -> T:
    """``find(s)``, remembered while the warehouse keeps its version."""
    key = (s.warehouse.path, s.warehouse.version(), what)
    with _KEPT_LOCK:
        if key in _KEPT:
            found: T = _KEPT[key]
            return found
    found = find(s)
    with _KEPT_LOCK:
        if len(_KEPT) > KEPT:
            _KEPT.clear()
        _KEPT[key] = found
    return found


def holdings(s: Session) -> Holdings:
    """What the warehouse holds, by reporter, flow and year (records and months).

    The dashboard's filters offer exactly this: a flow is offered for a year only where it is
    held, and ``balance`` only where exports and imports both are. This is the one function to
    change when coverage (how complete each flow is) should decide instead of the records.
    Remembered while the warehouse keeps its version.
    """
    return remember(s, "holdings", _holdings)


def _holdings(s: Session) -> Holdings:
    held: Holdings = {}
    periods = s.periods()
    for reporter, flow, year, records_, first, last in zip(
        periods["reporter"], periods["flow"], periods["year"], periods["records"],
        periods["first_month"], periods["last_month"], strict=True,
    ):  # fmt: skip
        months = None if pd.isna(first) else (int(first), int(last))
        held.setdefault(str(reporter), {}).setdefault(str(flow), {})[int(year)] = Held(
            int(records_), months
        )
    return held


def complete(
    s: Session, reporter: str, held: dict[str, dict[int, Held]]
) -> dict[str, dict[int, Held]]:
    """``held`` less the years of a flow whose records are partial (:meth:`Session.coverage`).

    Imports mirrored from a few exporters are held but are not the reporter's imports: the
    Session refuses them as a whole, so the page does not offer them (nor a balance on them).
    """

    def find(s: Session) -> set[tuple[str, int]]:
        cover = s.coverage(reporter)
        rows = zip(cover["flow"], cover["year"], cover["complete"], strict=True)
        return {(str(f), int(y)) for f, y, ok in rows if not ok}

    partial = remember(s, f"partial flows of {reporter}", find)
    return {f: {y: h for y, h in ys.items() if (f, y) not in partial} for f, ys in held.items()}


def flow_years(held: dict[str, dict[int, Held]], flow: str) -> list[int]:
    """Years the reporter holds ``flow`` in (``balance``: years with exports and imports)."""
    if flow == "balance":
        return sorted(set(held.get("export", {})) & set(held.get("import", {})))
    return sorted(held.get(flow, {}))


def flow_months(
    held: dict[str, dict[int, Held]], flow: str, years: list[int]
) -> tuple[int, int] | None:
    """Months held in every one of ``years`` (for balance, of both flows); None if annual."""
    flows = ("export", "import") if flow == "balance" else (flow,)
    spans = [held.get(f, {}).get(y) for f in flows for y in years]
    if not spans or any(h is None or h.months is None for h in spans):
        return None
    lo = max(h.months[0] for h in spans if h is not None and h.months is not None)
    hi = min(h.months[1] for h in spans if h is not None and h.months is not None)
    return (lo, hi) if lo <= hi else None


class ViewQuery(Strict):
    """One dashboard view. Missing values are chosen: the first reporter, its latest year."""

    reporter: str | None = Field(None, description="Reporter: ISO code, RU-MOW, or a name.")
    flow: str = Field("export", description="export, import, re-export, re-import, balance.")
    year: int | None = Field(
        None, ge=1900, le=2100, description="Reporting year (default: latest)."
    )
    compare: int | None = Field(
        None, ge=1900, le=2100,
        description="Base year for growth (default without `year`: the year held before).",
    )  # fmt: skip
    months: str | None = Field(None, description="Months, e.g. 1-8 (year to date).")
    partner_group: str | None = Field(None, description="Only partners in this group.")
    groups: str | None = Field(None, description="Product scheme: tech, enduse, ...")
    group: str | None = Field(None, description="Only this group of `groups`.")
    firm_group: str | None = Field(
        None, description="Only the enterprises of this group (hitex firms), membership by year."
    )
    lang: Literal["en", "ru"] = Field("en", description="Language of names: en or ru.")

    @field_validator("reporter")
    @classmethod
    def _reporter(cls, v: str | None) -> str | None:
        return None if v is None else _country(v)

    @field_validator("months")
    @classmethod
    def _months(cls, v: str | None) -> str | None:
        if v is not None:
            _span(v, "month range", 1, 12)
        return v


def _note(field: str, asked: Any, now: Any, reason: str) -> dict[str, Any]:
    return {"field": field, "asked": asked, "now": now, "reason": reason}


def _group_list(s: Session, scheme: str, lang: str = "en") -> list[dict[str, str]]:
    def find(s: Session) -> list[dict[str, str]]:
        listed = localize_listing(s.groups(scheme), lang, scheme=scheme)
        seen = dict(zip(listed["group_code"], listed["group_name"], strict=True))
        return [{"code": str(k), "name": str(v)} for k, v in seen.items()]

    return remember(s, f"groups of {scheme} in {lang}", find)


Notes = list[dict[str, Any]]


def settle(s: Session, q: ViewQuery) -> tuple[dict[str, Any], Notes, dict[str, Any]]:
    """The selection the warehouse can answer, what changed and why, and the filters' choices.

    A value the warehouse cannot answer for this reporter and flow is replaced by the nearest
    one it can (the latest year held, the year held before it, the months held) and a note
    says so; nothing impossible is asked of the Session.
    """
    held_all = holdings(s)
    if not held_all:
        raise ApiError(
            404,
            "The warehouse is empty: load a file first.",
            parameter="reporter",
            ru="Хранилище пусто: сначала загрузите файл.",
        )
    notes: Notes = []
    reporters = sorted(held_all)
    reporter = q.reporter or reporters[0]
    if reporter not in held_all:
        notes.append(_note("reporter", reporter, reporters[0], "not_held"))
        reporter = reporters[0]
    held = complete(s, reporter, held_all[reporter])
    if not any(held.values()):
        # Only partial records (imports mirrored from a few exporters): nothing to state whole.
        said = {}
        for lang in ("en", "ru"):
            cover = s.coverage(reporter, lang=lang)
            latest = cover[(cover["year"] == cover["year"].max()) & (cover["flow"] != "balance")]
            said[lang] = " ".join(str(n) for n in latest["note"])
        error = ApiError(422, f"Nothing of {name(reporter)} can be stated as a whole: "
                         f"{said['en']}", parameter="reporter")  # fmt: skip
        error.ru = (f"По стране «{name(reporter, lang='ru')}» ничего нельзя указать целиком. "
                    f"{said['ru']}")  # fmt: skip
        raise error
    offered, flow = _flow(held, q.flow, notes)
    years = flow_years(held, flow)
    year, compare = _years(years, q.year, q.compare, notes)
    held_months = flow_months(held, flow, [year] if compare is None else [year, compare])
    months = _months(held_months, q.months, notes)
    partner_names = names(s, "partner groups", partner_groups)
    partner_group = _partner_group(partner_names, q.partner_group, notes)
    schemes = names(s, "product schemes", _product_schemes)
    scheme, group, group_list = _product_group(s, schemes, q.groups, q.group, notes, q.lang)
    firm_names = reporter_firm_groups(s, reporter)
    firm_group = _firm_group(s, firm_names, q.firm_group, notes)
    if firm_group is not None and compare is not None and not _members(s, firm_group, compare):
        # A group with no members in the base year has no base figure to grow from.
        notes.append({**_note("compare", compare, None, "no_members"), "group": firm_group})
        compare = None
    selection = {
        "reporter": reporter, "reporter_name": name(reporter, lang=q.lang), "flow": flow,
        "year": year, "compare": compare, "months": list(months) if months else None,
        "partner_group": partner_group,
        "partner_group_name": None if partner_group is None else group_name(partner_group, q.lang),
        "groups": scheme, "groups_name": None if scheme is None else _scheme_name(scheme, q.lang),
        "group": group,
        "group_name": next((g["name"] for g in group_list if g["code"] == group), None),
        "firm_group": firm_group,
    }  # fmt: skip
    choices = {
        "reporters": remember(s, f"reporters in {q.lang}", lambda s: _named(reporters, q.lang)),
        "flows": offered,
        "years": years,
        "months": list(held_months) if held_months else None,
        "partner_groups": sorted(set(partner_names), key=str.lower),
        # What the page shows for each (Russian names of the built-in ones with lang=ru).
        "partner_group_names": {g: group_name(g, q.lang) for g in partner_names},
        "product_schemes": schemes,
        "product_scheme_names": {k: _scheme_name(k, q.lang) for k in schemes},
        "groups": group_list,
        "firm_groups": firm_names,
    }
    return selection, notes, choices


def _scheme_name(scheme: str, lang: str) -> str:
    """A product scheme as the page names it: its Russian title with lang=ru, else its name."""
    return (scheme_title(scheme) if lang == "ru" else None) or scheme


def uncovered(
    s: Session, selection: dict[str, Any], lang: str = "en", *, in_memory: bool = False
) -> str | None:
    """Why the loads cannot hold the settled selection (:meth:`Session.uncovered`), or None.

    Every answer path of a view asks this before it states a figure. ``in_memory``: the
    columns of :mod:`hitex.api.answers` say first whether anything is missing (no query);
    the Session is asked where they cannot say so, and for the sentence.
    """
    years = [y for y in (selection["year"], selection["compare"]) if y is not None]
    group = selection["partner_group"]
    if (
        in_memory and group is not None and years
        and answers.covered(s, selection["reporter"], selection["flow"], years, group,
                            selection["year"])
    ):  # fmt: skip
        return None
    return s.uncovered(
        reporter=selection["reporter"], flow=selection["flow"], years=years,
        partner_group=selection["partner_group"], membership_year=selection["year"], lang=lang,
    )  # fmt: skip


def _named(reporters: list[str], lang: str) -> list[dict[str, str]]:
    return [{"code": r, "name": name(r, lang=lang)} for r in reporters]


def reporter_firm_groups(s: Session, reporter: str) -> list[str]:
    """Enterprise groups (hitex firms) with members that have records of ``reporter``."""

    def find(s: Session) -> list[str]:
        if not s.firm_records(reporter):
            return []
        found = s.warehouse.sql(
            """SELECT DISTINCT m.group_name FROM firm_members m
            WHERE m.firm IN (SELECT DISTINCT firm FROM flows WHERE reporter = ?)
            ORDER BY lower(m.group_name)""",
            [reporter],
        )
        return [str(g) for g in found["group_name"]]

    return remember(s, f"enterprise groups of {reporter}", find)


def _members(s: Session, group: str, year: int) -> int:
    """How many enterprises ``group`` has in ``year`` (the registry's membership of that year)."""
    from hitex import firms  # noqa: PLC0415 - as params.firm_groups

    return remember(
        s, f"members of {group} in {year}",
        lambda s: firms.membership_counts(s.warehouse.con, group, [year])[year],
    )  # fmt: skip


def _firm_group(s: Session, offered: list[str], asked: str | None, notes: Notes) -> str | None:
    """The enterprise group asked for, if the reporter's records hold its members."""
    if asked is None:
        return None
    found = next((g for g in offered if g.lower() == asked.lower()), None)
    if found is None:
        known = names(s, "enterprise groups", firm_groups)
        held = asked.lower() in {k.lower() for k in known}
        notes.append(_note("firm_group", asked, None, "not_held" if held else "unknown"))
    return found


def _flow(held: dict[str, dict[int, Held]], flow: str, notes: Notes) -> tuple[list[str], str]:
    """The flows offered (balance where both are held) and the one shown."""
    offered = [f for f in FLOWS if held.get(f)]
    if flow_years(held, "balance"):
        offered.append("balance")
    if flow not in offered:
        now = "export" if "export" in offered else offered[0]
        notes.append(_note("flow", flow, now, "no_both_flows" if flow == "balance" else "not_held"))
        flow = now
    return offered, flow


def _years(
    years: list[int], year: int | None, compare: int | None, notes: Notes
) -> tuple[int, int | None]:
    """The year and base year: held ones (default: the latest and the one before it)."""
    chosen = year
    if chosen is None or chosen not in years:
        if chosen is not None:
            notes.append(_note("year", chosen, years[-1], "not_held"))
        chosen = years[-1]
    before = [y for y in years if y < chosen]
    if year is None and compare is None:
        return chosen, before[-1] if before else None
    if compare is not None and (compare not in years or compare == chosen):
        now = before[-1] if before else None
        notes.append(_note("compare", compare, now, "not_held"))
        return chosen, now
    return chosen, compare


def _months(
    held: tuple[int, int] | None, asked: str | None, notes: Notes
) -> tuple[int, int] | None:
    """The months asked for, within those held (none for annual records)."""
    if asked is None:
        return None
    lo, hi = _span(asked, "month range", 1, 12)
    if held is None:
        notes.append(_note("months", asked, None, "annual"))
        return None
    lo2, hi2 = max(lo, held[0]), min(hi, held[1])
    if lo2 > hi2:
        notes.append(_note("months", asked, None, "not_held"))
        return None
    if (lo2, hi2) != (lo, hi):
        notes.append(_note("months", asked, f"{lo2}-{hi2}", "not_held"))
    return lo2, hi2


def _partner_group(known: list[str], asked: str | None, notes: Notes) -> str | None:
    if asked is None:
        return None
    found = [g for g in known if g.lower() == asked.lower()]
    if not found:
        notes.append(_note("partner_group", asked, None, "unknown"))
    return found[0] if found else None


def _product_group(
    s: Session,
    schemes: list[str],
    scheme: str | None,
    group: str | None,
    notes: Notes,
    lang: str = "en",
) -> tuple[str | None, str | None, list[dict[str, str]]]:
    """The product scheme, its group and the scheme's groups (named in ``lang``)."""
    if scheme is not None and scheme not in schemes:
        notes.append(_note("groups", scheme, None, "unknown"))
        scheme = None
    group_list = _group_list(s, scheme, lang) if scheme else []
    if group is None:
        return scheme, None, group_list
    match = [
        g["code"] for g in group_list if group.lower() in (g["code"].lower(), g["name"].lower())
    ]
    if not match:
        notes.append(_note("group", group, None, "unknown"))
    return scheme, match[0] if match else None, group_list


def _ask(s: Session, conns: Conns, kind: str, q: TableQuery) -> pd.DataFrame:
    """The answer ``/api/table`` or ``/api/series`` gives to ``q`` (remembered alike)."""
    if kind == "series":
        return conns.answers.get(
            s, _question("series", q), lambda: s.series(years=q.span(), lang=q.lang, **q.options())
        )
    year = q.year
    assert year is not None
    return conns.answers.get(
        s,
        _question("table", q),
        lambda: s.table(year=year, compare=q.compare, lang=q.lang, **q.options()),
    )


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return records(cents(frame))


def _answer(s: Session, conns: Conns, name: str, q: TableQuery) -> list[dict[str, Any]]:
    """The rows of one question of a view, as ``/api/table`` or ``/api/series`` gives them.

    From memory (:mod:`hitex.api.answers`) where it answers the question, else the Session's
    answer (remembered as ``/api/table``'s).
    """
    kind = "series" if name == "series" else "table"
    if conns.in_memory:
        found = answers.rows(
            s, kind, q.options(), year=q.year, compare=q.compare,
            years=q.span() if kind == "series" else (), top=q.top, indicators=q.indicators,
            lang=q.lang,
        )  # fmt: skip
        if found is not None:
            return found
    return _rows(_ask(s, conns, kind, q))


@router.get("/view", response_class=JSONResponse)
def view_json(q: Annotated[ViewQuery, Query()], conns: Conns) -> JSONResponse:
    """One dashboard view: selection, notes on what changed, choices, headline, tables, series."""
    # The answer holds only JSON's own types: FastAPI's encoder, which would walk every value
    # again, is skipped (it cost more than computing the view's figures).
    return ViewResponse(view(q, conns))


#: JSONResponse's own encoding (Starlette's ``JSONResponse.render``), one encoder for all.
_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, indent=None,
                            separators=(",", ":"))  # fmt: skip

#: The text of the choices kept with a warehouse version (the reporters' list: a third of a
#: view's JSON), by the identity of the object :func:`remember` keeps; the object is held too,
#: so that its identity is not reused while its text is kept.
_TEXTS: dict[int, tuple[object, str]] = {}
TEXTS_KEPT = 16


def _text(value: Any) -> str:
    """``value`` as JSON, as :class:`JSONResponse` writes it."""
    return _ENCODER.encode(value)


def _kept_text(value: Any) -> str:
    """:func:`_text` of a value kept per version (its text made once)."""
    found = _TEXTS.get(id(value))
    if found is not None and found[0] is value:
        return found[1]
    text = _text(value)
    if len(_TEXTS) > TEXTS_KEPT:
        _TEXTS.clear()
    _TEXTS[id(value)] = (value, text)
    return text


#: The JSON of the keys of a view and of its choices (a few dozen names), each made once.
_KEYS: dict[str, str] = {}


def _key(k: str) -> str:
    found = _KEYS.get(k)
    if found is None:
        found = _text(k)
        if len(_KEYS) < 1024:
            _KEYS[k] = found
    return found


def _object(pairs: Iterator[tuple[str, str]]) -> str:
    """A JSON object of already encoded values, as the encoder writes one."""
    return "{" + ",".join(_key(k) + ":" + v for k, v in pairs) + "}"


class ViewResponse(JSONResponse):
    """A view as :class:`JSONResponse` sends it, byte for byte.

    The parts kept per version (the reporters' list) are encoded once: an object's JSON is
    its members' JSON joined, as the encoder writes it.
    """

    def render(self, content: Any) -> bytes:
        """The JSON of the view (any other value as ``JSONResponse`` renders it)."""
        choices = content.get("choices") if isinstance(content, dict) else None
        if not isinstance(choices, dict) or not isinstance(choices.get("reporters"), list):
            return super().render(content)
        inner = _object(
            (k, _kept_text(v) if k == "reporters" else _text(v)) for k, v in choices.items()
        )
        text = _object((k, inner if k == "choices" else _text(v)) for k, v in content.items())
        return text.encode("utf-8")


class FastView:
    """ASGI middleware: ``GET /api/view`` answered without FastAPI's request handling.

    The same parameters (Starlette's parsing of the query string), the same model
    (:class:`ViewQuery`), the same :func:`view` in the same thread pool, the same JSON and
    the same error answers; routing, dependency solving and the exception middleware's
    layers are skipped (about a millisecond a request). Anything else, a parameter given
    twice, one the model refuses, and any failure other than the API's own errors, goes
    on to the app, which answers it as it always does.
    """

    def __init__(self, app: ASGIApp, conns: Connections) -> None:
        self.app = app
        self.conns = conns

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer a plain ``GET /api/view``; pass every other request on."""
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"] != "/api/view":
            await self.app(scope, receive, send)
            return
        pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"),
                          keep_blank_values=True)  # fmt: skip
        params = dict(pairs)
        if len(params) != len(pairs):
            await self.app(scope, receive, send)
            return
        try:
            q = ViewQuery.model_validate(params)
        except ValidationError:
            await self.app(scope, receive, send)
            return
        try:
            # From memory, a view is Python under one lock: answered here, not in a thread
            # (the hop and the threads' turns at the lock cost more than the view's figures).
            # Otherwise, or where no reader session is free, in the thread pool.
            response: Response | None = None
            if self.conns.settled():
                with contextlib.suppress(Busy):
                    response = _view_response(q, self.conns, wait=False)
            if response is None:
                response = await run_in_threadpool(_view_response, q, self.conns)
        except ApiError as exc:
            response = await errors.answer_api_error(Request(scope), exc)
        except HitexError as exc:
            response = await errors.answer_api_error(Request(scope), from_hitex(exc))
        except Exception:
            await self.app(scope, receive, send)
            return
        await response(scope, receive, send)


def _view_response(q: ViewQuery, conns: Connections, *, wait: bool = True) -> JSONResponse:
    return ViewResponse(view(q, conns, wait=wait))


def view(q: ViewQuery, conns: Connections, *, wait: bool = True) -> dict[str, Any]:
    """The answer of ``GET /api/view`` as a dict (the route sends it as JSON).

    ``wait=False``: :class:`~hitex.api.connections.Busy` where no reader session is free.
    """
    return conns.answer(lambda s: _view(s, q, conns), wait=wait)


def _view(s: Session, q: ViewQuery, conns: Connections) -> dict[str, Any]:
    """:func:`view` on the reader session ``s`` (one snapshot)."""
    selection, notes, choices = settle(s, q)
    why = uncovered(s, selection, q.lang, in_memory=conns.in_memory)
    if why is not None:
        # Not a zero: the loads say nothing of this selection. No figure, the reason.
        return {"selection": selection, "notes": notes, "choices": choices,
                "uncovered": why, "total": None, "partners": [], "products": [],
                "series": [], "disclosure": None, "downloads": {}}  # fmt: skip
    months = selection["months"]
    base: dict[str, Any] = {
        "reporter": selection["reporter"], "flow": selection["flow"],
        "partner_group": selection["partner_group"], "groups": selection["groups"],
        "group": selection["group"], "months": f"{months[0]}-{months[1]}" if months else None,
        "lang": q.lang, "firm_group": selection["firm_group"],
    }  # fmt: skip
    # Without a group chosen, the scheme only splits the products panel: the headline,
    # partners and series are of all products.
    whole = {**base, "groups": base["groups"] if base["group"] else None}
    one = {**whole, "year": selection["year"], "compare": selection["compare"]}
    years = choices["years"]
    by_product = "group" if selection["groups"] else "product"
    questions = {
        "total": TableQuery(
            **one, indicators=[] if selection["flow"] == "balance" else ["product_lines"]
        ),
        "partners": TableQuery(**one, by=["partner"]),
        "products": TableQuery(
            **{**one, "groups": base["groups"]},
            by=[by_product],
            top=None if selection["groups"] else TOP_PRODUCTS,
        ),
        "series": TableQuery(**whole, years=f"{years[0]}-{years[-1]}"),
    }
    with answers.one_view():
        found = {k: _answer(s, conns, k, tq) for k, tq in questions.items()}
    named = s.firm_records(selection["reporter"])
    rules = Disclosure.from_env(s.suppress)
    disclosure = {
        "enabled": rules.enabled, "rule": rules.rule(), "min_firms": rules.min_firms,
        "dominance_pct": rules.dominance_pct,
    } if named else None  # fmt: skip
    return {
        "selection": selection,
        "notes": notes,
        "choices": choices,
        "uncovered": None,
        "total": found["total"][0] if found["total"] else None,
        "partners": found["partners"],
        "products": found["products"],
        "series": found["series"],
        # Disclosure control in words, where the reporter's records name enterprises.
        "disclosure": disclosure,
        # Each table as CSV: /api/table's answer to the same question, rounded as the CLI's.
        "downloads": {k: questions[k].url() for k in ("partners", "products", "series")},
    }


class CheckBody(Strict):
    """A press text to check, as ``hitex check`` takes it."""

    text: str = Field(
        min_length=1, max_length=200_000, description="The text (English or Russian)."
    )
    reporter: str | None = Field(None, description="Whose trade (default: the one the text names).")
    year: int | None = Field(None, ge=1900, le=2100, description="The text's year.")
    compare: int | None = Field(None, ge=1900, le=2100, description="Base year of growth rates.")
    lang: Literal["en", "ru"] | None = Field(
        None, description="Language of verdicts and reasons: en or ru (default: the text's)."
    )

    @field_validator("reporter")
    @classmethod
    def _reporter(cls, v: str | None) -> str | None:
        return None if v is None or not v.strip() else _country(v)


@router.post("/check")
def check(body: CheckBody, conns: Conns) -> list[dict[str, Any]]:
    """Every number of a press text against the data, as `hitex check --format json` gives it.

    Reasons are in ``lang``, by default the language most of the text's sentences are in.
    """
    from hitex.report import claims  # noqa: PLC0415 - the checker loads its lexicon

    said = body.lang or claims.language(body.text)
    with conns.read() as s:
        try:
            results = claims.check(s, body.text, reporter=body.reporter, year=body.year,
                                   compare=body.compare, lang=said)  # fmt: skip
        except HitexError as exc:
            raise from_hitex(exc, "text") from None
        return records(claims.frame(results, form="json", lang=said))
