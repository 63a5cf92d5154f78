"""The sections of a report: each asks the Session for its figures and words them.

Every number in a sentence is a value a :class:`hitex.Session` call returned (``table``,
``series``, ``tech_balance``, ``loads``, ``coverage``); sections only choose, order and word
them. A section that the data cannot support is returned with a one-line ``skipped`` reason.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

import hitex.indicators as ind
from hitex.reference import reference_version, russian
from hitex.reference.russian import is_bloc
from hitex.report import charts, firm_groups, grammar, names, wording
from hitex.report.model import Section
from hitex.report.phrases import T, listing, say
from hitex.session import Session

#: How many partners and products sentences and charts name.
TOP = 3
TOP_CHART = 12
#: Years a history looks back.
HISTORY = 30


@dataclass
class Spec:
    """What a report is about, and the session that answers it."""

    session: Session
    reporter: str
    year: int
    compare: int | None = None
    partner_group: str | None = None
    lang: str = "en"
    months: tuple[int, int] | None = None
    notes: tuple[str, ...] = ()
    small_base_usd: float = ind.SMALL_BASE_USD
    #: An enterprise group (``hitex firms``): every figure is of its enterprises.
    firm_group: str | None = None
    _cache: dict[str, Any] = field(default_factory=dict)

    def table(self, **options: Any) -> pd.DataFrame:
        """``Session.table`` for this reporter, year, comparison and partner group."""
        options.setdefault("compare", self.compare)
        options.setdefault("partner_group", self.partner_group)
        options.setdefault("small_base_usd", self.small_base_usd)
        options.setdefault("lang", self.lang)
        options.setdefault("firm_group", self.firm_group)
        # Sections ask some questions twice (the partners of the headline and of the
        # destinations): each is answered once.
        key = "table" + repr(sorted(options.items()))
        if key not in self._cache:
            self._cache[key] = self.session.table(reporter=self.reporter, year=self.year,
                                                  **options)  # fmt: skip
        frame: pd.DataFrame = self._cache[key]
        return frame

    def series(self, **options: Any) -> pd.DataFrame:
        """``Session.series`` over the years up to the report's year."""
        options.setdefault("partner_group", self.partner_group)
        options.setdefault("lang", self.lang)
        options.setdefault("firm_group", self.firm_group)
        years = range(self.year - HISTORY, self.year + 1)
        return self.session.series(reporter=self.reporter, years=years, **options)

    def coverage(self) -> pd.DataFrame:
        """Where the reporter's figures come from (:meth:`hitex.Session.coverage`), all years."""
        if "coverage" not in self._cache:
            self._cache["coverage"] = self.session.coverage(self.reporter)
        frame: pd.DataFrame = self._cache["coverage"]
        return frame

    def t(self, key: str, **values: object) -> str:
        """A template in the report's language (``who_gen``: the reporter in the genitive)."""
        values.setdefault("who_gen", self.who_gen)
        return say(key, self.lang, **values)

    @property
    def who_gen(self) -> str:
        """The reporter's name in the genitive in Russian ("Москвы"); the name in English."""
        return grammar.decline(self.who, "gent") if self.lang == "ru" else self.who

    def to(self, name: str) -> str:
        """Russian "в Индию" (a destination); the name itself in English."""
        return grammar.preposition("в", name, "accs") if self.lang == "ru" else name

    def what(self, key: str) -> str:
        """What a skipped section has no data of, in the report's language."""
        return T[f"what.{key}"][self.lang]

    @property
    def who(self) -> str:
        """The reporter's name."""
        return names.country(self.reporter, self.lang)

    @property
    def firm_scope(self) -> str:
        """`` (high-tech enterprises)`` when an enterprise group narrows the report."""
        if self.firm_group is None:
            return ""
        return self.group_words("ent.scope")

    def group_words(self, key: str) -> str:
        """The enterprise group in ``key``'s words: its label (firm_groups.yaml), else its name."""
        assert self.firm_group is not None
        called = firm_groups.label(self.firm_group, self.lang)
        if called is not None:
            return self.t(f"{key}_label", label=called)
        return self.t(key, group=self.firm_group)

    @property
    def scope(self) -> str:
        """`` to Asia`` when a partner group narrows the report."""
        if self.partner_group is None:
            return ""
        group = names.group(self.partner_group, self.lang)
        to = self.to(group)
        if self.lang == "ru" and is_bloc(self.partner_group):
            to = f"в страны {grammar.decline(group, 'gent')}"  # в страны ЕАЭС, not в ЕАЭС
        return self.t("scope", group=group, to_group=to)

    # Cells of pandas frames come typed as "any scalar": these take Any and convert.
    def money(self, usd: Any) -> str:
        """Money in the report's language."""
        return wording.money(float(usd), lang=self.lang)

    def pct(self, pct: Any, *, sign: bool = False) -> str:
        """A percentage in the report's language (``+63%`` with ``sign``)."""
        text = wording.percent(float(pct), lang=self.lang)
        return ("+" if sign and float(pct) > 0 else "") + text

    def change(self, growth_pct: Any) -> str:
        """Growth (in percent) as a verb phrase."""
        g = None if _missing(growth_pct) else float(growth_pct) / 100
        return wording.change(g, lang=self.lang)

    def partner(self, code: Any) -> str:
        """A partner's name; the reporter as its own partner is its own goods (re-imports)."""
        if str(code) == self.reporter:
            return names.own_goods(self.reporter, self.lang)
        return names.country(str(code), self.lang)


def _missing(v: object) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v))


def _section(c: Spec, key: str) -> Section:
    return Section(key, T[f"s.{key}"][c.lang])


def _shown(t: pd.DataFrame) -> pd.DataFrame:
    """The rows disclosure control leaves shown (every row where records carry no firms)."""
    if "suppressed" not in t.columns:
        return t
    return t[~t["suppressed"].astype(bool)]


def _hidden(t: pd.DataFrame) -> bool:
    """Whether the first row (a total) is suppressed."""
    return "suppressed" in t.columns and not t.empty and bool(t["suppressed"].iloc[0])


# -- headline ----------------------------------------------------------------------------------
def headline(c: Spec) -> Section:
    """Total, growth, and the multiple over the longest span loaded."""
    s = _section(c, "headline")
    indicators = ["change", "multiple"] if c.compare is not None else None
    t = c.table(indicators=indicators)
    if _hidden(t):
        s.skipped = c.t("ent.hidden")
        return s
    if t.empty or not t["value_usd"].iloc[0]:
        s.skipped = c.t("skip.nodata", what=c.who if c.lang == "en" else f"об экспорте {c.who_gen}")
        return s
    row = t.iloc[0]
    words = {"who": c.who, "scope": c.scope + c.firm_scope, "year": c.year,
             "value": c.money(row.value_usd)}  # fmt: skip
    if c.compare is None:
        s.say(c.t("headline.value", **words), value_usd=row.value_usd)
    else:
        s.say(
            c.t("headline.change", **words, compare=c.compare,
                change=c.change(row.growth_pct), base=c.money(row.base_value_usd)),
            value_usd=row.value_usd, base_value_usd=row.base_value_usd,
            growth_pct=row.growth_pct,
        )  # fmt: skip
    history = c.series()
    years = history["year"].tolist()
    first = int(years[0])
    spanned = c.table(compare=first, indicators=["multiple", "cagr"]) if (
        c.compare is not None and first < c.compare) else None  # fmt: skip
    if spanned is not None and not _hidden(spanned):
        span = spanned.iloc[0]
        multiple = wording.multiple(span.multiple, lang=c.lang)
        s.say(
            c.t("headline.span", first=first, year=c.year, multiple=multiple,
                cagr=c.pct(span.cagr_pct)),
            multiple=span.multiple, cagr_pct=span.cagr_pct,
        )  # fmt: skip
    partners = _partners(c).head(TOP)
    if len(partners) > 1:
        leaders = [f"{c.partner(p)} ({c.money(v)})" for p, v in
                   zip(partners["partner"], partners["value_usd"], strict=True)]  # fmt: skip
        values = zip(partners["partner"], partners["value_usd"], strict=True)
        s.say(
            c.t("headline.partners", leaders=listing(leaders, c.lang)),
            **{f"value_usd[{p}]": v for p, v in values},
        )
    if len(history) > 1:  # one year is no history: no one-bar chart
        s.charts.append(charts.history(history, c))
    s.appendix = t.drop(columns=["classifications"], errors="ignore")
    return s


# -- destinations ------------------------------------------------------------------------------
PARTNER_INDICATORS = ["growth", "share", "small_base", "new", "rank", "change", "contribution",
                      "product_lines"]  # fmt: skip


def _partners(c: Spec) -> pd.DataFrame:
    """Every partner with the indicators of the destinations section (asked once)."""
    indicators = PARTNER_INDICATORS if c.compare is not None else ["share", "product_lines"]
    return _shown(c.table(by=["partner"], indicators=indicators))


def destinations(c: Spec) -> Section:
    """Leaders by value and by growth rate (small bases set aside), new markets."""
    s = _section(c, "destinations")
    t = _partners(c)
    if t.empty:
        s.skipped = c.t("skip.nodata", what=c.what("partners"))
        if c.session.firm_records(c.reporter) and c.session.disclosure_rules().enabled:
            s.skipped = c.t("skip.suppressed")
        return s
    top = t.head(TOP)
    items = [_partner_item(c, r) for r in top.itertuples()]
    facts = {f"value_usd[{r.partner}]": r.value_usd for r in top.itertuples()}
    facts |= {f"share_pct[{r.partner}]": r.share_pct for r in top.itertuples()}
    s.say(c.t("dest.value", leaders=listing(items, c.lang)), **facts)
    if c.compare is not None:
        _growth_leaders(c, s, t)
    if len(t) > 1:
        s.charts.append(charts.partners(t.head(TOP_CHART), c))
        s.charts.append(charts.world(t, c))
    s.appendix = t.drop(columns=["classifications"], errors="ignore")
    return s


def _partner_item(c: Spec, r: Any) -> str:
    growth = ""
    if c.compare is not None and not _missing(r.growth_pct):
        growth = f"; {c.pct(r.growth_pct, sign=True)}"
    return c.t("dest.item", name=c.partner(r.partner), value=c.money(r.value_usd),
               share=c.pct(r.share_pct), growth=growth)  # fmt: skip


def _growth_leaders(c: Spec, s: Section, t: pd.DataFrame) -> None:
    ranked = t[~t["small_base"].astype(bool) & t["growth_pct"].notna()]
    ranked = ranked.sort_values(["growth_pct", "value_usd"], ascending=False).head(TOP)
    threshold = c.money(c.small_base_usd)
    if not ranked.empty:
        items = [f"{c.partner(r.partner)} ({c.pct(r.growth_pct, sign=True)})"
                 for r in ranked.itertuples()]  # fmt: skip
        s.say(
            c.t("dest.growth", threshold=threshold, leaders=listing(items, c.lang)),
            **{f"growth_pct[{r.partner}]": r.growth_pct for r in ranked.itertuples()},
        )
        leader = ranked.iloc[0]
        s.say(c.t("dest.lines", name=c.partner(leader.partner), to=c.to(c.partner(leader.partner)),
                  lines=wording.count(int(leader.product_lines), ("product line", "product lines"),
                                      ("товарная позиция", "товарные позиции",
                                       "товарных позиций"), lang=c.lang)),
              **{f"product_lines[{leader.partner}]": leader.product_lines})  # fmt: skip
    best = ranked["growth_pct"].max() if not ranked.empty else -math.inf
    small = t[t["small_base"].astype(bool) & (t["growth_pct"] > best)]
    small = small.sort_values("growth_pct", ascending=False)
    if not small.empty:
        items = [f"{c.partner(r.partner)} {c.pct(r.growth_pct, sign=True)}"
                 for r in small.itertuples()]  # fmt: skip
        s.say(c.t("dest.small", names=listing(items, c.lang), threshold=threshold),
              **{f"growth_pct[{r.partner}]": r.growth_pct for r in small.itertuples()})  # fmt: skip
    new = t[t["new"].astype(bool)]
    if not new.empty:
        items = [f"{c.partner(r.partner)} ({c.money(r.value_usd)})" for r in new.itertuples()]
        s.say(c.t("dest.new", year=c.year, names=listing(items, c.lang)),
              **{f"value_usd[{r.partner}]": r.value_usd for r in new.itertuples()})  # fmt: skip


# -- products ----------------------------------------------------------------------------------
def products(c: Spec) -> Section:
    """The largest HS headings (or HS6 products where headings are not mapped) and shares."""
    s = _section(c, "products")
    t = c.table(by=["group"], groups="hs-heading", top=TOP_CHART + 1)
    # Codes no heading holds are a row of the table, not a heading to rank (shares stay of all).
    t = t[~t["group"].isin(ind.NOT_GROUPED)].head(TOP_CHART).reset_index(drop=True)
    if t.empty:
        # The heading scheme covers HS17 and HS22; other editions are shown by product.
        t = _hs6_named(c, c.table(by=["product"], top=TOP_CHART)).rename(
            columns={"product": "group", "product_name": "group_name"})  # fmt: skip
    everything = t
    t = _shown(t)
    if t.empty:
        s.skipped = c.t("skip.suppressed" if len(everything) else "skip.nodata", what=c.what("hs"))
        return s
    first = t.iloc[0]
    growth = ""
    if c.compare is not None and not _missing(first.growth_pct):
        growth = f" ({c.pct(first.growth_pct, sign=True)})"
    s.say(c.t("prod.top", code=first.group, name=_short(first.group_name, _LIMIT[c.lang]),
              value=c.money(first.value_usd), share=c.pct(first.share_pct), growth=growth),
          value_usd=first.value_usd, share_pct=first.share_pct)  # fmt: skip
    following = t.iloc[1 : TOP + 1]
    if not following.empty:
        items = [f"{r.group} ({_short(r.group_name, _LIMIT[c.lang])}, {c.money(r.value_usd)}, "
                 f"{c.pct(r.share_pct)})" for r in following.itertuples()]  # fmt: skip
        s.say(c.t("prod.next", items=listing(items, c.lang)),
              **{f"value_usd[{r.group}]": r.value_usd for r in following.itertuples()})  # fmt: skip
    if len(t) > 1:
        s.charts.append(charts.products(t, c))
    s.appendix = t.drop(columns=["classifications"], errors="ignore")
    return s


#: How long a product name in a sentence may be (Russian names run longer).
_LIMIT = {"en": 60, "ru": 90}


def _hs6_named(c: Spec, t: pd.DataFrame) -> pd.DataFrame:
    """HS 6-digit codes as ``7108.12`` named with their heading ("Gold: other unwrought forms").

    The HS editions before 2017 describe a subheading within its heading ("Other"); the
    heading's first words say what it is.
    """
    if t.empty or not t["product"].astype(str).str.fullmatch(r"\d{6}").all():
        return t
    # The edition's own heading, else the latest edition's (the older editions ship their
    # 6-digit subheadings only; a 4-digit heading kept its subject across editions).
    found = c.session.warehouse.sql(
        "SELECT classification, product, description FROM products WHERE product IN "
        "(SELECT unnest(?::VARCHAR[])) AND classification LIKE 'HS%' ORDER BY classification",
        [sorted({p[:4] for p in t["product"].astype(str)})],
    )
    own = {(r.classification, r.product): str(r.description) for r in found.itertuples()}
    latest = {str(r.product): str(r.description) for r in found.itertuples()}
    names_ = []
    for code, cls, text in zip(t["product"].astype(str), t["classification"],
                               t["product_name"], strict=True):  # fmt: skip
        heading = own.get((cls, code[:4]), latest.get(code[:4], ""))
        if c.lang == "ru":
            # The Russian heading (no English words in a Russian report); a name said from
            # the heading already (:func:`hitex.reference.russian.product_above`) keeps it.
            heading = russian.product(str(cls), code[:4]) or ""
        heading = _short(heading, 40).split(",")[0].strip()
        sub = "" if _missing(text) else str(text)
        if heading and heading.lower() not in sub.lower() and not sub.startswith("Из "):
            sub = f"{heading}: {sub[:1].lower()}{sub[1:]}" if sub else heading
        names_.append(sub)
    return t.assign(product=[f"{p[:4]}.{p[4:]}" for p in t["product"].astype(str)],
                    product_name=names_)  # fmt: skip


def _short(text: object, limit: int = 60) -> str:
    words = str(text).split(";")[0].split(" (")[0].strip()
    return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


# -- technology intensity and end use ----------------------------------------------------------
def technology(c: Spec) -> Section:
    """Shares by OECD technology intensity; what finished goods and parts added to growth."""
    s = _section(c, "technology")
    tech = _shown(c.table(by=["group"], groups="tech"))
    if tech.empty:
        s.skipped = c.t("skip.nodata", what=c.what("tech"))
        return s
    dash = " — " if c.lang == "ru" else " "
    items = [f"{_lower(r.group_name)}{dash}{c.pct(r.share_pct)}" for r in tech.itertuples()]
    s.say(c.t("tech.shares", items=listing(items, c.lang)),
          **{f"share_pct[{r.group}]": r.share_pct for r in tech.itertuples()})  # fmt: skip
    frames = [tech.assign(scheme="tech")]
    if c.compare is not None:
        frames.append(_enduse(c, s))
    s.appendix = pd.concat(frames, ignore_index=True).drop(columns=["classifications"],
                                                          errors="ignore")  # fmt: skip
    return s


def _lower(name: object) -> str:
    text = _short(name, 70)
    return text[:1].lower() + text[1:]


def _enduse(c: Spec, s: Section) -> pd.DataFrame:
    use = _shown(
        c.table(by=["group"], groups="enduse-stage", indicators=["change", "contribution"])
    )
    use = use[use["group"].isin(["finished", "parts"])]
    items = [c.t("tech.enduse.item", name=_stage(r.group, c.lang),
                 change=_agree(c.change(r.growth_pct), _stage(r.group, c.lang), c.lang),
                 value=c.money(r.value_usd), added=c.money(r.change_usd))
             for r in use.itertuples()]  # fmt: skip
    if items:
        s.say(c.t("tech.enduse", items=listing(items, c.lang)),
              **{f"change_usd[{r.group}]": r.change_usd for r in use.itertuples()})  # fmt: skip
        s.charts.append(charts.enduse(use, c))
    partners = _partners(c)  # with change_usd and small_base when there is a base year
    ranked = partners[~partners["small_base"].astype(bool) & partners["growth_pct"].notna()]
    if ranked.empty:
        return use.assign(scheme="enduse-stage")
    leader = ranked.sort_values("growth_pct", ascending=False).iloc[0]
    both = _shown(c.table(by=["partner", "group"], groups="enduse-stage", indicators=["change"]))
    mine = both[(both["partner"] == leader.partner) & both["group"].isin(["finished", "parts"])]
    parts = [c.t("tech.partner.first" if i == 0 else "tech.partner.item",
                 name=_declined(_stage(r.group, c.lang), c.lang), change=c.money(r.change_usd))
             for i, r in enumerate(mine.itertuples())]  # fmt: skip
    if parts and leader.change_usd > 0:
        joined = listing(parts, c.lang) if c.lang == "en" else ", ".join(parts)
        s.say(c.t("tech.partner", change=c.money(leader.change_usd),
                  partner=c.partner(leader.partner), to=c.to(c.partner(leader.partner)),
                  items=joined),
              change_usd=leader.change_usd,
              **{f"change_usd[{r.group}]": r.change_usd for r in mine.itertuples()})  # fmt: skip
    return pd.concat([use.assign(scheme="enduse-stage"), mine.assign(scheme="enduse-stage")])


_STAGES = {"finished": ("finished goods", "готовые изделия"),
           "parts": ("parts and accessories", "комплектующие")}  # fmt: skip


def _stage(code: Any, lang: str) -> str:
    en, ru = _STAGES[str(code)]
    return ru if lang == "ru" else en


def _agree(change: str, subject: str, lang: str) -> str:
    """A Russian predicate agreeing with its subject ("комплектующие выросли")."""
    return grammar.agree(change, subject) if lang == "ru" else change


def _declined(name: str, lang: str) -> str:
    """A Russian name after "на" (the accusative: "на готовые изделия")."""
    return grammar.decline(name, "accs") if lang == "ru" else name


# -- year to date ------------------------------------------------------------------------------
_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "ru": ("январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
           "сентябрь", "октябрь", "ноябрь", "декабрь"),
}  # fmt: skip


def ytd(c: Spec) -> Section:
    """The months so far against the same months of the base year, and a full-year estimate."""
    s = _section(c, "ytd")
    if c.compare is None:
        s.skipped = c.t("skip.compare")
        return s
    months = c.months
    if months is None:
        loaded = c.table(by=["month"], compare=None)["month"].dropna()
        if loaded.empty:
            s.skipped = c.t("skip.annual")
            return s
        if int(loaded.max()) == 12:
            s.skipped = c.t("skip.complete", year=c.year)
            return s
        months = (1, int(loaded.max()))
    t = c.table(months=months, indicators=["nowcast"])
    if _hidden(t):
        s.skipped = c.t("ent.hidden")
        return s
    row = t.iloc[0]
    names_ = _MONTHS[c.lang]
    span = f"{names_[months[0] - 1]}–{names_[months[1] - 1]}"
    s.say(c.t("ytd.change", months=span, year=c.year, compare=c.compare,
              change=c.change(row.growth_pct), value=c.money(row.value_usd),
              base=c.money(row.base_value_usd)),
          value_usd=row.value_usd, base_value_usd=row.base_value_usd,
          growth_pct=row.growth_pct)  # fmt: skip
    if not _missing(row.nowcast_usd):
        s.say(c.t("ytd.nowcast", year=c.year, nowcast=c.money(row.nowcast_usd),
                  compare=c.compare), nowcast_usd=row.nowcast_usd)  # fmt: skip
    s.appendix = t.drop(columns=["classifications"], errors="ignore")
    return s


# -- trade balance and history -----------------------------------------------------------------
def balance(c: Spec) -> Section:
    """The balance of the report's year and how it ranks in the years loaded.

    Stated only where both flows are complete (:meth:`hitex.Session.coverage`): imports
    mirrored from a few exporters, or not loaded, leave the section out with the reason.
    """
    s = _section(c, "balance")
    cov = c.coverage()
    imports = cov[(cov["flow"] == "import") & (cov["year"] == c.year)]
    if imports.empty or not imports["kinds"].iloc[0]:
        s.skipped = c.t("skip.imports", who=c.who)
        return s
    bal = cov[cov["flow"] == "balance"]
    if not bool(bal.loc[bal["year"] == c.year, "complete"].iloc[0]):
        s.skipped = c.t("skip.partial", who=c.who, year=c.year, **_coverage_parts(c))
        return s
    # Only the years whose balance is complete make its history.
    years = [int(y) for y in bal.loc[bal["complete"], "year"] if c.year - HISTORY <= y <= c.year]
    history = c.session.series(
        reporter=c.reporter, years=years, flow="balance", partner_group=c.partner_group,
        indicators=["exports", "imports", "lowest_since", "highest_since"],
        firm_group=c.firm_group,
    )  # fmt: skip
    row = history[history["year"] == c.year].iloc[0]
    if "suppressed" in history.columns and bool(row["suppressed"]):
        s.skipped = c.t("ent.hidden")
        return s
    since = _since(c, row, history)
    kind = T["deficit" if row.value_usd < 0 else "surplus"][c.lang]
    s.say(c.t("bal.value", year=c.year, kind=kind, value=c.money(abs(row.value_usd)),
              since=since), value_usd=row.value_usd)  # fmt: skip
    s.say(c.t("bal.flows", exports=c.money(row.exports_usd), imports=c.money(row.imports_usd)),
          exports_usd=row.exports_usd, imports_usd=row.imports_usd)  # fmt: skip
    if len(history) > 1:
        s.charts.append(charts.balance(history, c))
    s.appendix = history.drop(columns=["classifications"], errors="ignore")
    return s


def _since(c: Spec, row: Any, history: pd.DataFrame) -> str:
    """The words after the balance: the lowest since a year, or of the years loaded."""
    first = int(history["year"].min())
    if first == c.year:
        return ""
    span = f"{first}–{c.year}"
    if _missing(row.lowest_since):
        return c.t("bal.lowest_all", span=span)
    if _missing(row.highest_since):
        return c.t("bal.highest_all", span=span)
    if row.lowest_since <= row.highest_since:
        return c.t("bal.lowest", since=int(row.lowest_since))
    return c.t("bal.highest", since=int(row.highest_since))


# -- concentration -----------------------------------------------------------------------------
def concentration(c: Spec) -> Section:
    """Herfindahl-Hirschman indices of partners and products."""
    s = _section(c, "concentration")
    by_partner = c.table(by=["partner"], compare=None, indicators=["hhi"])
    by_product = c.table(by=["product"], compare=None, indicators=["hhi"])
    if by_partner.empty or _missing(by_partner["hhi"].iloc[0]):
        s.skipped = c.t("skip.nodata", what=c.what("hhi"))
        if "suppressed" in by_partner.columns and by_partner["suppressed"].any():
            s.skipped = c.t("skip.suppressed")
        return s
    if _missing(by_product["hhi"].iloc[0]):
        s.skipped = c.t("skip.suppressed")
        return s
    p, q = float(by_partner["hhi"].iloc[0]), float(by_product["hhi"].iloc[0])
    s.say(c.t("conc.hhi", partners=wording.number(p, lang=c.lang), pword=_hhi_word(p, c.lang),
              products=wording.number(q, lang=c.lang), qword=_hhi_word(q, c.lang)),
          hhi_partners=p, hhi_products=q)  # fmt: skip
    by = ["partner", "product"] if c.lang == "en" else ["партнёры", "товары"]
    s.appendix = pd.DataFrame({"by": by, "hhi": [p, q],
                               "rows": [len(by_partner), len(by_product)]})  # fmt: skip
    return s


def _hhi_word(hhi: float, lang: str) -> str:
    # The usual reading of the index (US merger guidelines): under 1,500, over 2,500.
    key = "unconcentrated" if hhi < 1500 else "moderate" if hhi <= 2500 else "concentrated"
    return T[key][lang]


# -- technology trade balance ------------------------------------------------------------------
def techbalance(c: Spec) -> Section:
    """High-tech goods and technology services, when services records are loaded."""
    s = _section(c, "techbalance")
    services = c.session.engine.sql(
        "SELECT count(*) AS n FROM (SELECT 1 AS one FROM {trade} WHERE reporter = ? AND year = ? "
        "AND classification LIKE 'EBOPS%' LIMIT 1) s",
        [c.reporter, c.year],
    )
    if not int(services["n"].iloc[0]):
        s.skipped = c.t("skip.services", who=c.who)
        return s
    cov = c.coverage()
    if not bool(cov.loc[(cov["flow"] == "balance") & (cov["year"] == c.year), "complete"].all()):
        s.skipped = c.t("skip.partial", who=c.who, year=c.year, **_coverage_parts(c))
        return s
    t = c.session.tech_balance(c.reporter, range(c.year - HISTORY, c.year + 1))
    row = t[t["year"] == c.year].iloc[0]
    kind = T["deficit" if row.total_balance_usd < 0 else "surplus"][c.lang]
    s.say(c.t("tb.value", year=c.year, exports=c.money(row.total_exports_usd),
              imports=c.money(row.total_imports_usd), kind=kind,
              balance=c.money(abs(row.total_balance_usd))),
          total_exports_usd=row.total_exports_usd, total_imports_usd=row.total_imports_usd,
          total_balance_usd=row.total_balance_usd)  # fmt: skip
    s.appendix = t.drop(columns=["classifications"], errors="ignore")
    return s


# -- data note ---------------------------------------------------------------------------------
def note(c: Spec) -> Section:
    """Sources, loads, reference version, rejected records, unclassified share."""
    s = _section(c, "note")
    loads = c.session.loads()
    loads = loads[loads["status"] == "loaded"]
    files = ", ".join(f"{r.file} (#{r.id})" for r in loads.itertuples())
    n = wording.count(len(loads), ("load", "loads"), ("загрузка", "загрузки", "загрузок"),
                      lang=c.lang)  # fmt: skip
    total = {k: int(loads[f"rows_{k}"].sum()) for k in ("read", "loaded", "rejected")}
    s.say(c.t("note.loads", n=n, files=files,
              **{k: wording.number(v, lang=c.lang) for k, v in total.items()}),
          **{f"rows_{k}": v for k, v in total.items()})  # fmt: skip
    # The share of value with no tech group, as `hitex coverage --scheme tech` counts it
    # (a code is classified when the scheme lists it), read from the warehouse's own tables:
    # the reference tables behind Session.coverage take seconds to load in a new process.
    shares = c.session.engine.sql(
        """SELECT coalesce(sum(CASE WHEN g.product IS NULL THEN f.value_usd END)
            / nullif(sum(f.value_usd), 0), 0) * 100 AS pct
        FROM {flows} f LEFT JOIN (SELECT DISTINCT classification, product
                                  FROM {product_groups} WHERE scheme = 'tech') g
            ON g.classification = f.classification AND g.product = f.product
        WHERE f.reporter = ? AND f.year = ?""",
        [c.reporter, c.year],
    )
    missing = float(shares["pct"].iloc[0])
    s.say(c.t("note.reference", version=reference_version(), who=c.who, year=c.year,
              unclassified=c.pct(missing)), unclassified_pct=missing)  # fmt: skip
    s.say(c.t("note.method", threshold=c.money(c.small_base_usd)))
    s.say(_coverage_sentence(c))
    if c.session.firm_records(c.reporter):
        _disclosure_sentence(c, s)
    for text in c.notes:
        s.say(text)
    s.appendix = loads[["id", "file", "sha256", "format", "rows_read", "rows_loaded",
                        "rows_rejected", "status"]]  # fmt: skip
    return s


def _disclosure_sentence(c: Spec, s: Section) -> None:
    """Which disclosure rule the report's figures were under, and how many it suppressed."""
    rules = c.session.disclosure_rules()
    if not rules.enabled:
        s.say(c.t("ent.lifted"))
        return
    frames = [f for f in c._cache.values() if isinstance(f, pd.DataFrame)]
    n = sum(int(f["suppressed"].sum()) for f in frames if "suppressed" in f.columns)
    rule = c.t("ent.rule", min_firms=rules.min_firms, dominance=f"{rules.dominance_pct:g}")
    figures = wording.count(n, ("row", "rows"), ("строка", "строки", "строк"), lang=c.lang)
    s.say(c.t("ent.suppressed", rule=rule, n=figures), suppressed=n)


def _coverage_sentence(c: Spec) -> str:
    """What the report's year rests on: each flow's kind of records and whether it is whole."""
    return c.t("note.coverage", year=c.year, **_coverage_parts(c))


def _coverage_parts(c: Spec) -> dict[str, str]:
    """Words for ``exports`` and ``imports``: each flow's kind of records, and if whole.

    In the report's language, for the report's year.
    """
    cov = c.coverage()
    year = cov[cov["year"] == c.year].set_index("flow")
    parts = {}
    for flow in ("export", "import"):
        row = year.loc[flow]
        kinds = str(row["kinds"])
        if not kinds:
            key = "cov.none"
        elif "mirror" in kinds and "own" in kinds:
            key = "cov.both"
        elif "mirror" in kinds:
            key = "cov.mirror_partial"
            if row["complete"]:
                key = "cov.mirror_most" if row["missing"] else "cov.mirror"
        elif kinds == "totals":
            key = "cov.totals"
        else:
            key = "cov.own"
        held = [str(x) for x in _held(c, row)]
        parts[f"{flow}s"] = c.t(key, who=c.who, n=_int(row["exporters"]),
                                of=_int(row["countries"]),
                                names=listing([c.partner(x) for x in held[:3]], c.lang)
                                + (" …" if len(held) > 3 else ""))  # fmt: skip
    return parts


def _held(c: Spec, row: Any) -> list[str]:
    """The exporters a mirrored flow of the report's year is mirrored from."""
    if "mirror" not in str(row["kinds"]):
        return []
    held = c.session.engine.reconciled_years()[c.year].exporters
    return sorted(held - {c.reporter})


def _int(value: Any) -> int:
    return 0 if _missing(value) else int(value)


# -- enterprises -------------------------------------------------------------------------------
def enterprises(c: Spec) -> Section:  # noqa: PLR0912 - one branch per sentence
    """How many enterprises export, new and gone, growth taken apart, and disclosure control.

    Only where the records carry the declarant (``firm``); counts of enterprises are shown,
    figures of single enterprises only when disclosure control is lifted.
    """
    s = _section(c, "enterprises")
    base = c.compare is not None
    wanted = ["firms", "value_per_firm", *(["firm_growth"] if base else [])]
    if not c.session.firm_records(c.reporter):
        s.skipped = c.t("skip.firms", who=c.who)
        return s
    t = c.table(indicators=wanted)
    row = t.iloc[0]
    if not int(row.firms):
        s.skipped = c.t("skip.firms", who=c.who)
        return s
    group = c.group_words("ent.group") if c.firm_group else ""
    s.say(c.t("ent.count", firms=_firms(c, int(row.firms)), scope=c.scope, year=c.year,
              of_group=group), firms=int(row.firms))  # fmt: skip
    if base:
        key = "ent.flows_group" if c.firm_group else "ent.flows"
        s.say(c.t(key, compare=c.compare, new=_firms(c, int(row.new_firms)),
                  exits=_firms(c, int(row.exits))),
              new_firms=int(row.new_firms), exits=int(row.exits))  # fmt: skip
    hidden = _hidden(t)
    if hidden:
        s.say(c.t("ent.hidden"))
    else:
        s.say(c.t("ent.per_firm", value=c.money(row.value_per_firm_usd)),
              value_per_firm_usd=row.value_per_firm_usd)  # fmt: skip
        if base and not _missing(row.change_usd) and row.change_usd:
            if _missing(row.new_firms_usd):
                # Disclosure control: one part rests on too few enterprises.
                s.say(c.t("ent.parts_hidden",
                          kind=T["ent.increase" if row.change_usd > 0 else "ent.decrease"][c.lang],
                          why=_why(c, row.suppression)))  # fmt: skip
            else:
                _decomposed(c, s, row)
    partners = c.table(by=["partner"], compare=None, indicators=["firms"])
    partners = partners.sort_values(["firms", "partner"], ascending=[False, True]).head(TOP)
    if len(partners) > 1:
        counts = dict(zip(partners["partner"], partners["firms"].astype(int), strict=True))
        items = [f"{c.partner(p)} ({n})" for p, n in counts.items()]
        s.say(c.t("ent.partners", items=listing(items, c.lang)),
              **{f"firms[{p}]": n for p, n in counts.items()})  # fmt: skip
    lifted = "disclosure" in t.attrs and "suppressed" not in t.columns
    if lifted:
        top = c.table(by=["firm"], compare=None, top=TOP)
        items = [f"{name if not _missing(name) else firm} ({c.money(v)})" for firm, name, v
                 in zip(top["firm"], top["firm_name"], top["value_usd"], strict=True)]  # fmt: skip
        s.say(c.t("ent.top", items=listing(items, c.lang)))
    if c.firm_group:
        years = [y for y in (c.year, c.compare) if y is not None]
        counts = c.session.firm_membership(c.firm_group, years)
        listed = ", ".join(f"{y}: {n}" for y, n in sorted(counts.items(), reverse=True))
        s.say(c.t("ent.membership", years=listed), **{f"members[{y}]": n
                                                      for y, n in counts.items()})  # fmt: skip
    if lifted:
        s.say(c.t("ent.lifted"))
    else:
        s.say(c.t("ent.single"))
    s.appendix = t.drop(columns=["classifications"], errors="ignore")
    return s


def _why(c: Spec, suppression: Any) -> str:
    """The rule that kept the growth from being taken apart, in the report's language."""
    text = "" if _missing(suppression) else str(suppression)
    if c.lang != "ru":
        return text.removeprefix("growth not taken apart: ")
    m = re.search(r"fewer than (\d+) enterprises among (.+)$", text)
    who = {"new exporters": "новых экспортёров", "enterprises gone": "выбывших предприятий",
           "continuing exporters": "продолжающих экспорт предприятий"}  # fmt: skip
    if m:
        return f"среди {who.get(m[2], m[2])} менее {m[1]} предприятий"
    m = re.search(r"one enterprise over ([\d.]+)% among (.+)$", text)
    if m:
        return f"среди {who.get(m[2], m[2])} на одно предприятие приходится более {m[1]}%"
    return "слишком мало предприятий"


def _firms(c: Spec, n: int) -> str:
    return wording.count(n, ("enterprise", "enterprises"),
                         ("предприятие", "предприятия", "предприятий"), lang=c.lang)  # fmt: skip


def _decomposed(c: Spec, s: Section, row: Any) -> None:
    """Of the increase (or decrease): new exporters, exits and continuing exporters."""
    up = row.change_usd > 0
    cont = float(row.continuing_change_usd)
    s.say(
        c.t("ent.growth_group" if c.firm_group else "ent.growth",
            change=c.money(abs(row.change_usd)),
            kind=T["ent.increase" if up else "ent.decrease"][c.lang],
            new=c.money(row.new_firms_usd), exits=c.money(row.exits_usd),
            continuing=c.money(abs(cont)),
            continuing_verb=T["ent.added" if cont >= 0 else "ent.lost"][c.lang],
            continuing_sign="+" if cont >= 0 else "−"),
        change_usd=row.change_usd, new_firms_usd=row.new_firms_usd, exits_usd=row.exits_usd,
        continuing_change_usd=cont,
    )  # fmt: skip


#: The sections in report order.
SECTIONS: tuple[Callable[[Spec], Section], ...] = (
    headline, enterprises, destinations, products, technology, ytd, balance, concentration,
    techbalance, note,
)  # fmt: skip
