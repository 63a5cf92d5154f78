"""Check each claim against the warehouse: the figure hitex computes, and a verdict.

Every figure comes from :meth:`hitex.Session.table` or :meth:`hitex.Session.series` with the
indicator the claim is about (``growth``, ``multiple``, ``change``, ``share``, ``rank``,
``lowest_since``/``highest_since``, ``product_lines``); partner sets and product groups the
text names are groups of an :mod:`~hitex.report.claims.overlay`. A claim is ``supported``
when the figure is one its words allow (:meth:`~hitex.report.claims.model.Quantity.allows`:
its rounding and qualifiers), else ``contradicted``; ``unverifiable`` when the warehouse has
no data for it (with what is missing) or the words were not understood.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import pandas as pd

import hitex.indicators as ind
from hitex.errors import HitexError
from hitex.reference import countries
from hitex.reference.partners import members as partner_members
from hitex.report.claims import enterprises, frames, messages, overlay, parse
from hitex.report.claims.lexicon import Lexicon, ProductEntry
from hitex.report.claims.model import (
    CERTAIN,
    LOOSE_GOODS,
    RESTATED,
    SECOND_LOOK,
    Claim,
    Period,
    Quantity,
    Result,
    Subject,
)
from hitex.report.claims.resolve import goods_back, rank_field
from hitex.session import Session

__all__ = ["allowed", "describe", "show", "verify"]


@dataclass
class Plan:
    """The partner sets and product groups the claims name, as overlay groups."""

    lexicon: Lexicon
    partner_sets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    product_sets: dict[str, tuple[ProductEntry, ...]] = field(default_factory=dict)
    #: Paragraph -> the partners its claims name one at a time in their own words.
    named: dict[int, frozenset[str]] = field(default_factory=dict)
    _schemes: dict[tuple[str, ...], str] = field(default_factory=dict)

    def add(self, s: Subject | None) -> None:
        """Give ``s``'s partners and products their groups."""
        if s is None:
            return
        if s.partners:
            self.partner_sets["+".join(s.partners)] = s.partners
        entries = self.entries(s)
        if entries and s.products not in self._schemes:
            name = f"claims/{len(self._schemes) + 1}"
            self._schemes[s.products] = name
            self.product_sets[name] = entries

    def entries(self, s: Subject) -> tuple[ProductEntry, ...]:
        """The lexicon entries that narrow ``s`` (``all`` entries narrow nothing)."""
        return tuple(e for e in (self.lexicon.product(p) for p in s.products) if not e.all)

    def selection(self, s: Subject, *, partners: bool = True) -> dict[str, Any]:
        """Keyword arguments of Session.table for the subject ``s``."""
        out: dict[str, Any] = {"reporter": s.reporter, "flow": s.flow}
        if partners and s.partners:
            out["partner_group"] = "+".join(s.partners)
        elif partners and s.partner_group:
            out["partner_group"] = s.partner_group
        if self.entries(s):
            out["groups"] = self._schemes[s.products]
            out["group"] = overlay.SUBJECT
        if s.firm_group:
            out["firm_group"] = s.firm_group
        return out


def verify(  # noqa: PLR0912 - one step per test a verdict passes
    claims: Sequence[Claim],
    session: Session,
    lexicon: Lexicon,
    *,
    small_base_usd: float = ind.SMALL_BASE_USD,
) -> list[Result]:
    """The figure and verdict of each claim (in order), from ``session``'s warehouse."""
    held = _held_years(session)
    claims = [_from_start(c, held.get(c.subject.reporter, ())) for c in claims]
    plan = Plan(lexicon)
    for c in claims:
        if c.understood and len(c.subject.partners) == 1 and c.how("partners") == "read":
            named = plan.named.get(c.paragraph, frozenset())
            plan.named[c.paragraph] = named | {c.subject.partners[0]}
    for c in claims:
        if c.understood:
            plan.add(c.subject)
            plan.add(c.whole)
            for one in _each_one(c):
                plan.add(one.subject)
    readings = {i: alternatives(c, claims, held.get(c.subject.reporter, ()))
                for i, c in enumerate(claims) if c.understood}  # fmt: skip
    looks = {i: second_looks(c, claims, readings[i], lexicon)
             for i, c in enumerate(claims) if c.understood}  # fmt: skip
    rests = {i: _rests(c, lexicon) for i, c in enumerate(claims) if c.understood}
    worded = {i: _readings(c, lexicon) for i, c in enumerate(claims) if c.understood}
    # The other flow a claim's words rule out, to tell whether its goods give its figure there.
    flowed = {i: list(_flows(c)) for i, c in enumerate(claims) if c.understood and _flow_said(c)}
    # A partner the text does not name: each partner it may be, one at a time.
    unnamed = {i: _unnamed_ones(c, session) for i, c in enumerate(claims)
               if c.understood and c.how("partners") == "unnamed"}  # fmt: skip
    for alts in [*readings.values(), *rests.values(), *flowed.values(), *worded.values(),
                 *looks.values(), *unnamed.values()]:  # fmt: skip
        for _, alt in alts:
            plan.add(alt.subject)
            plan.add(alt.whole)
    s = overlay.session_with(session, plan.partner_sets, plan.product_sets)
    out = []
    fits = {i: _fits(ones, s, plan, small_base_usd) for i, ones in unnamed.items()}
    for i, c in enumerate(claims):
        if i in unnamed:
            # The claims of one sentence about the partner it does not name are of one partner.
            same = [set(fits[j]) for j in fits if claims[j].sentence == c.sentence
                    and claims[j].paragraph == c.paragraph]  # fmt: skip
            out.append(_which_one(c, fits[i], set.intersection(*same), len(unnamed[i])))
            continue
        r = _far_above(_one(c, s, plan, small_base_usd))
        r = _goods_back(r)
        if r.verdict == "supported":
            r = _doubt(r, rests.get(i, []), s, plan, small_base_usd)
        if (
            r.verdict == "supported"
            and c.quantity is not None
            and math.isinf(c.quantity.hi - c.quantity.lo)
        ):
            # "Machinery and equipment give more than half": a bound one reading of loose goods
            # words passes says little of which goods are meant; another reading that fails it
            # leaves the claim open (a precise figure that fits is the evidence a bound lacks).
            r = _doubt(r, _narrower(c, worded.get(i, []), lexicon), s, plan, small_base_usd)
        if r.verdict == "contradicted":
            # A precise figure that fits the flow its words leave unsaid, and not the default.
            r = _by_data(r, s, plan, small_base_usd)
            r = (
                r
                if r.verdict != "contradicted"
                else _abstain(r, readings.get(i, []), s, plan, small_base_usd)
            )
        if r.verdict == "contradicted":
            r = _uncertain(r)
        if r.verdict == "contradicted" and not _other_flow(
            flowed.get(i, []), s, plan, small_base_usd
        ):
            r = _worded(r, lexicon, worded.get(i, []), s, plan, small_base_usd)
        if r.verdict == "contradicted":
            r = _second_look(r, looks.get(i, []), s, plan, small_base_usd)
        if r.verdict == "supported" and c.how("year") == "unnamed":
            # A text that names no year: the figure fits the latest year held, said so.
            r = replace(r, reason=f"{_UNNAMED['year'].format(year=c.period.year)}; {r.reason}")
        out.append(r)
    return _restated(_read_alike(out))


def second_looks(
    c: Claim,
    claims: Sequence[Claim],
    readings: Sequence[tuple[str, Claim]],
    lexicon: Lexicon | None = None,
) -> list[tuple[str, Claim]]:
    """Readings the claim's own words seem to rule out, looked at before accusing.

    A text written from the partner's side ("Our country shipped $2,035 million to Chile"),
    a surplus told as the partner's, a base another sentence of the paragraph names:
    words read with certainty may still be misread. A figure that fits such a reading to its
    own rounding is no error the data can show (:func:`_second_look`).
    """
    out: list[tuple[str, Claim]] = []
    q = c.quantity
    if q is None or not math.isfinite(q.hi - q.lo):
        # "Imports rose", "more than doubled": half the other readings fit a bare direction or
        # an open bound by chance.
        return out
    tried = [alt for _, alt in readings]
    subjects = () if _order_of_partners(c) else _subjects(c, claims)
    # One slot changed at a time: two changes together ("the base read as 2011 and the flow
    # as turnover") fit a wide word ("fourfold") too easily to clear a claim.
    # A year the claim's words state is what they claim ("first above a billion in 2010"): no
    # other year clears it; a base its clause does not state may be any the paragraph names.
    # The other side only where the speaker may be a partner ("our surplus with Chile"); the
    # other flow there too, or where the flow word names no direction ("supplies", «покупки»):
    # "exported", "bought from" in the wrong flow are the errors texts make most.
    # The reporter named as the seller ("Chile shipped its neighbour $613 million") is so
    # whoever speaks ("..., so it's not our market").
    spoken = _SPEAKER.search(c.sentence) is not None and not _counterpart_named(c, lexicon)
    sells = lexicon is not None and _reporter_sells(c, lexicon)
    firm = _flow_firm(c) or sells
    flows = _flows(c) if (spoken and not sells) or not firm else ()
    found = (*subjects, *flows, *_kinds(c), *_paragraph_bases(c, claims),
             *(_sides(c) if spoken else ()))  # fmt: skip
    for label, alt in found:
        if alt != c and alt not in tried and all(alt != a for _, a in out):
            out.append((label, alt))
    return out


def _counterpart_named(c: Claim, lexicon: Lexicon | None) -> bool:
    """Whether ``c``'s sentence names its partner, not its reporter, as the other side of "we".

    «мы продали аргентинцам газа на 613 млн», "the aluminium that came to us from Argentina":
    "we" trade with the partner named, so "we" are the reporter, not a partner speaking.
    """
    if lexicon is None or not c.subject.partners:
        return False
    named = {m.value for m in lexicon.find_partners(c.sentence) if m.kind == "country"}
    return bool(named) and named <= set(c.subject.partners) and c.subject.reporter not in named


def _flow_firm(c: Claim) -> bool:
    """Whether the statement of ``c`` names its flow by a word with a direction.

    "Exports", «ввоз», "bought from" tell which way goods go; "supplies", "delivered",
    «покупки» may be told from either side. The statement as in :func:`_flow_said`.
    """
    if c.how("flow") not in CERTAIN:
        return False
    # "blue" where the text defined "export blue": its own word for the flow is as firm; so is
    # the way the goods go, to us or away from us ("came to us", «от нас уехало»).
    return any(flow == c.subject.flow and (_DIRECTED.match(c.sentence, a)
                                           or _WAY.match(c.sentence, a)
                                           or frames.own_word_at(c.sentence, a))
               for a, flow in _statement_flows(c))  # fmt: skip


def _reporter_sells(c: Claim, lexicon: Lexicon) -> bool:
    """Whether the statement of ``c`` (read as exports) has the reporter sell, named as subject.

    "Portugal sold China $1.8 billion of goods", «Чили также продала Аргентине газа на 613
    млн»: the reporter's name in the nominative right before a verb of selling; the figure is
    its exports by the words, whatever the imports are. Not «Португалии продали» (sold to it),
    nor "Portugal's suppliers sold".
    """
    if c.subject.flow != "export" or c.how("flow") not in CERTAIN:
        return False
    clause, at = _clause(c)
    lo = max(c.sentence.rfind(";", 0, at), c.sentence.rfind(":", 0, at)) + 1
    own = [m for m in lexicon.find_partners(c.sentence)
           if m.kind == "country" and m.value == c.subject.reporter and m.start >= lo]  # fmt: skip
    for v in _SOLD.finditer(c.sentence, lo, at + len(clause)):
        for m in own:
            name = re.findall(r"\w+", c.sentence[m.start : m.end])
            if (m.end <= v.start() and _SELLER_GAP.fullmatch(c.sentence, m.end, v.start())
                    and (not re.search("[а-яё]", name[-1], re.IGNORECASE)
                         or _nominative(name[-1]))):  # fmt: skip
                return True
    return False


def _nominative(word: str) -> bool:
    return any("nomn" in p.tag for p in frames._morph().parse(word.lower()))


#: Verbs of selling whose subject is the seller: "sold", "shipped", «продала», «отгрузила».
_SOLD = re.compile(r"\b(?:sold|sells|shipped|ships|exported|supplied|delivered)\b|"
                   r"(?<!\w)(?:продал[аио]?|прода[её]т|продают|поставил[аио]?|поставляе?т|"
                   r"отгрузил[аио]?|отгружае?т|экспортировал[аио]?|экспортирует|вывез(?:л[аио])?)"
                   r"(?!\w)", re.IGNORECASE)  # fmt: skip
#: Words between a seller and its verb: none, or an adverb ("also", «также»).
_SELLER_GAP = re.compile(r"\s+(?:(?:also|then|only|just|alone|itself|ещё|еще|также|тоже|лишь|"
                         r"сама|само|сам|одна|одно|один)\s+)?", re.IGNORECASE)  # fmt: skip


#: Flow words with a direction: "exports", «вывоз», "bought from", «закупки у».
_DIRECTED = re.compile(
    r"(?:re-?)?(?:export|import)|(?:ре)?(?:экспорт|импорт)|вывоз|вывез|ввоз|ввез|"
    r"(?:bought|buy\w*|purchas\w*)\s+(?:\w+\s+){0,3}?from\b|"
    r"(?:за|по)?куп\w*\s+(?:\w+\s+){0,3}?(?:у|из)\s",
    re.IGNORECASE,
)


#: Which way the goods go, said from where we stand: "came to us", "left us", «к нам
#: прилетело», «от нас уехало», «ушло за границу» (the flow words of the grammar that say it).
_WAY = re.compile(
    r"(?:came|come|comes|coming|arrived|arrives|arrive|arriving|flowed|flows|flowing|travell?ed|"
    r"reached|reaches|got|gets)\s+(?:to\s+|into\s+)?us\b|(?:left|leaves|leave|leaving)\s+(?:us|me)\b|"
    r"(?:к\s+)?(?:нам|мне)\s|от\s+нас\s|"
    r"(?:при|за|у|вы)(?:летел|шл|ш[её]л|ехал|плыл|везл|вез|бежал|катил|текл)|прибыл",
    re.IGNORECASE,
)


#: A speaker in the first person, who may be a partner of the reporter ("our exports to
#: Chile", «наш экспорт в Чили»); "us" only in lower case ("US$" is a currency).
_SPEAKER = re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b|(?<!\w)(?:[Мм]ы|[Нн]ас|[Нн]ам|[Нн]аш\w*)(?!\w)")


def _paragraph_bases(c: Claim, claims: Sequence[Claim]) -> Iterator[tuple[str, Claim]]:
    """A change against another base its paragraph or headline names, when its clause names none.

    "Sales reached $4.5 billion, a sevenfold-plus increase" after a sentence on 2001's $620
    million: the base is the year the paragraph spoke of.
    """
    per = c.period
    if not per.year or c.kind not in ("growth", "multiple", "change") or c.how("base") == "read":
        return
    named = {y for p in claims if p.understood and p.paragraph in (0, c.paragraph)
             for y in (p.period.year, p.period.compare) if y}  # fmt: skip
    for year in sorted(y for y in named if y < per.year and y != per.compare):
        yield f"the base read as {year}", c.with_(period=replace(per, compare=year))


def _sides(c: Claim) -> Iterator[tuple[str, Claim]]:
    """A balance with a partner told from the partner's side: its surplus is the reporter's deficit.

    The reporter's balance with the world has no other side to be told from ("Portugal sold
    $86 million more than it bought" is a surplus or an error).
    """
    if c.subject.flow != "balance" or c.side not in ("deficit", "surplus"):
        return
    if not c.subject.partners and not c.subject.partner_group:
        return
    other = "surplus" if c.side == "deficit" else "deficit"
    q = c.quantity
    flipped = q if q is None or q.value >= 0 else parse.negate(q)
    yield (
        f"the {c.side} read as the partner's ({other} of the reporter)",
        c.with_(side=other, quantity=flipped),
    )


def _second_look(
    r: Result, looks: Sequence[tuple[str, Claim]], s: Session, plan: Plan, small: float
) -> Result:
    """``r`` (contradicted) as ``unverifiable`` when its figure fits a reading its words rule out.

    The reason names that reading: the text may be wrong in its words rather than its figure,
    or written from a side hitex did not read.
    """
    found = _first_with(looks, "supported", s, plan, small)
    if found is None:
        return r
    label, other = found
    return Result(r.claim, r.computed, "unverifiable",
                  f"{SECOND_LOOK} {label}: {other.reason}; as read: {r.reason}")  # fmt: skip


# -- abstain when the reading is not certain ---------------------------------------------------
_GUESSES = {
    "flow": "no flow word is said for it",
    "partners": "its partners are not named in its clause",
    "unit": "its unit is not said (read as that of the figures before)",
    "products": "its goods are not named in its clause",
    "side": "the side of the balance is not said in its sentence",
    "year": "its year is not certain (the sentence names other years, or none and goes on "
    "from the year of the sentence before)",
    "kind": "whether it is the change or the level a multiple before it reached is not certain",
    "start": "its base is said as the start (read as the first year the data hold)",
}
#: A slot the text speaks of without naming it ("A country whose ...", «Месяц, с которого»).
_UNNAMED = {
    "partners": "the text speaks of a partner it does not name",
    "months": "the text speaks of a part of the year it does not name",
    "year": "the text names no year: read as the latest year the data hold, {year}",
}


def _goods_back(r: Result) -> Result:
    """``r`` as ``unverifiable`` when its sentence refers back to goods it did not read.

    "Japan is the biggest buyer of these instruments at $173m, ... with Germany third": the
    ranks and amounts are of the instruments named before; read on all goods they would be
    right or wrong by chance. Resolve marks the goods of such a claim ``back``
    (:func:`~hitex.report.claims.resolve.goods_back`).
    """
    c = r.claim
    if r.verdict not in ("supported", "contradicted") or c.how("products") not in ("back", "field"):
        return r
    why = f"the sentence speaks of goods named before ('{goods_back(c)}'), read as all goods"
    if c.how("products") == "field":
        why = (f"it ranks among the partners of goods the lexicon does not know "
               f"('{rank_field(c)}'), read as all goods")  # fmt: skip
    return Result(c, r.computed, "unverifiable", f"uncertain reading: {why}; as read: {r.reason}")


def _other_flow(
    readings: Sequence[tuple[str, Claim]], s: Session, plan: Plan, small: float
) -> bool:
    """Whether a claim's goods, as read, give its figure in a flow its words rule out.

    "Chile exported US$917 million of fuels": the imports of fuels as read are US$917 million,
    so the goods words are read as the text means them and the error is in the flow.
    """
    for _, alt in readings:
        try:
            if _one(alt, s, plan, small).verdict == "supported":
                return True
        except (HitexError, KeyError, ValueError, IndexError):
            continue
    return False


#: How far above an open lower bound ("over $300 million") a level may be and still be what the
#: words say: a figure more than this many times the bound is not what "over" tells.
FAR_ABOVE = 2.0


def _far_above(r: Result) -> Result:
    """A supported level far above its open lower bound as ``unverifiable``.

    "Over $300 million" of a figure of $4.6 billion is true but not what the words tell: they
    are likely of something else (a count of partners over the bound, another flow). A figure
    said of each of several may be far above it, each.
    """
    c, q = r.claim, r.claim.quantity
    if (r.verdict != "supported" or q is None or r.computed is None or q.unit != "usd"
            or c.kind not in ("amount", "turnover") or c.aggregation == "each"
            or not math.isinf(q.hi) or q.lo <= 0 or r.computed <= FAR_ABOVE * q.lo):  # fmt: skip
        return r
    times = r.computed / q.lo
    return Result(c, r.computed, "unverifiable",
                  f"uncertain: {r.reason}; the figure is {times:.1f} times the bound the text "
                  f"sets ({allowed(q)}): the words likely mean something else")  # fmt: skip


def _unnamed_ones(c: Claim, session: Session) -> list[tuple[str, Claim]]:
    """``c`` of each partner it may be about: its words speak of one they do not name.

    "A country whose purchases rose 60%", «Азиатская страна, чьи закупки ...»: every partner
    the reporter trades with in the flow (of the group the words name, if any).
    """
    flows = session.tables()["flows"]
    flow = c.subject.flow if c.subject.flow in ("export", "import") else None
    t = flows.filter(flows.reporter == c.subject.reporter)
    t = t if flow is None else t.filter(t.flow == flow)
    held = sorted(str(p) for p in t.select("partner").distinct().to_pandas()["partner"])
    if c.subject.partner_group:
        try:
            group = set(partner_members(c.subject.partner_group, c.period.year))
        except HitexError:
            return []
        held = [p for p in held if p in group]
    how = tuple(sorted({**dict(c.reading), "partners": "read"}.items()))
    return [(p, c.with_(subject=replace(c.subject, partners=(p,), partner_group=None),
                        reading=how)) for p in held if p != countries.WORLD]  # fmt: skip


def _fits(
    ones: Sequence[tuple[str, Claim]], s: Session, plan: Plan, small: float
) -> dict[str, Result]:
    """The partners whose figures a claim of an unnamed partner fits, with their results."""
    out = {}
    for code, one in ones:
        try:
            r = _one(one, s, plan, small)
        except (HitexError, KeyError, ValueError, IndexError):
            continue
        if r.verdict == "supported":
            out[code] = r
    return out


def _which_one(c: Claim, fits: Mapping[str, Result], joint: set[str], held: int) -> Result:
    """A claim of a partner the text does not name: supported when exactly one partner fits.

    ``fits`` are the partners its figure fits, ``joint`` those that fit every claim of its
    sentence about the same unnamed partner, ``held`` how many partners were tried. Its figure
    is never checked against the reporter's whole trade; no fit, or more than one, leaves it
    unverifiable (the partner may be one the data do not hold).
    """
    guessed = [g for g in c.guessed() if g not in ("partners", "base")]
    if len(joint) == 1 and not guessed:
        (code,) = joint
        r = fits[code]
        return Result(r.claim, r.computed, "supported",
                      f"the partner is not named; of its partners only {countries.name(code)} "
                      f"fits: {r.reason}")  # fmt: skip
    if guessed:
        why = "the partner is not named; " + "; ".join(
            f"{_GUESSES.get(slot, slot)} ({c.how(slot)})" for slot in guessed
        )
    elif not held:
        why = "the partner is not named, and the data hold no partner of its flow"
    elif fits and not joint:
        why = "the partner is not named; no one partner fits every figure of its sentence"
    elif fits:
        why = f"the partner is not named; more than one partner fits ({len(joint)})"
    else:
        why = f"the partner is not named; none of its {held} partners fits"
    return Result(c, None, "unverifiable", f"uncertain reading: {why}")


def _from_start(c: Claim, years: Sequence[int]) -> Claim:
    """``c`` against the first year held, where its base is said as the series' start.

    "7.3 times the level of its first year", «превзошли стартовый уровень в 7,3 раза": read
    against the first year the data hold, not certainly (never flagged).
    """
    if c.how("start") != "default" or not years or years[0] >= c.period.year:
        return c
    return c.with_(period=replace(c.period, compare=years[0]))


def _uncertain(r: Result) -> Result:
    """``r`` (contradicted) as ``unverifiable`` when a slot of its frame was guessed.

    A claim is contradicted only when every slot its figure depends on was read from its own
    clause or carried by a certain rule (see :data:`~hitex.report.claims.model.HOW`).
    """
    # A balance's size wrong either way does not depend on the side it was read with; a base
    # not said is weighed by the other bases the text names (:func:`alternatives`).
    guessed = [g for g in r.claim.guessed()
               if not (g == "side" and r.any_side) and g != "base"]  # fmt: skip
    if not guessed:
        return r
    why = "; ".join(
        _UNNAMED[slot].format(year=r.claim.period.year)
        if r.claim.how(slot) == "unnamed" and slot in _UNNAMED
        else f"{_GUESSES.get(slot, slot)} ({r.claim.how(slot)})"
        for slot in guessed
    )
    return Result(r.claim, r.computed, "unverifiable",
                  f"uncertain reading: {why}; as read: {r.reason}")  # fmt: skip


#: Kinds whose figure may tell the flow a text leaves unsaid (never ranks: few places to hit).
_BY_DATA = ("amount", "growth", "multiple", "change")
#: A band narrower than this share of the figure is too narrow to be hit by chance.
_NARROW = 0.01


def _precise(c: Claim) -> bool:
    """Whether ``c`` states its figure so closely that another flow's fit is no coincidence.

    "$917m" allows US$916.5-917.5 million (0.1% of it); "45%", "about $2bn", "over a third"
    allow bands too wide to tell one flow from another.
    """
    q = c.quantity
    if q is None or c.kind not in _BY_DATA or q.qualifier or q.lo_open or q.hi_open:
        return False
    width = q.hi - q.lo
    return math.isfinite(width) and q.value != 0 and width <= _NARROW * abs(q.value)


def _by_data(r: Result, s: Session, plan: Plan, small: float) -> Result:
    """``r`` (contradicted) as ``supported`` in the other flow when its words name none.

    "Fuels came to $917m" in a text that says no flow: read as exports it is wrong, read as
    imports it is US$917.23 million; a figure stated that closely names its flow by the data.
    Only when the flow is the one slot guessed and the figure is :func:`_precise`.
    """
    c = r.claim
    if c.guessed() != ["flow"] or c.subject.flow not in _REVERSED or not _precise(c):
        return r
    flow = _REVERSED[c.subject.flow]
    whole = replace(c.whole, flow=flow) if c.whole is not None else None
    alt = c.with_(subject=replace(c.subject, flow=flow), whole=whole)
    try:
        other = _one(alt, s, plan, small)
    except (HitexError, KeyError, ValueError, IndexError):
        return r
    if other.verdict != "supported":
        return r
    return Result(alt, other.computed, "supported",
                  f"no flow word is said for it: read as {flow}s, where the figure fits: "
                  f"{other.reason}; read as {c.subject.flow}s: {r.reason}")  # fmt: skip


_REVERSED = {"export": "import", "import": "export"}


def _rests(c: Claim, lexicon: Lexicon) -> list[tuple[str, Claim]]:
    """Readings of ``c`` whose loose goods exclude a part of them its sentence names apart.

    "Exports of machinery and equipment exceeded $1.2 billion, while electrical machinery took
    a third": set beside electrical machinery (HS 85), "machinery and equipment" (HS 84-85 by
    the lexicon) may mean the rest of it (HS 84).
    """
    out = []
    named = [lexicon.product(m.value) for m in lexicon.find_products(c.sentence)]
    for name in c.subject.products:
        wide = lexicon.product(name)
        if wide.exact or not wide.codes:
            continue
        for part in named:
            inside = set(part.codes) < set(wide.codes) and part.name not in c.subject.products
            if inside:
                rest = tuple(f"HS {code}" for code in wide.codes if code not in part.codes)
                products = tuple(
                    p for q in c.subject.products for p in (rest if q == name else (q,))
                )
                label = f"'{name}' as the rest of it beside '{part.name}' ({', '.join(rest)})"
                out.append((label, c.with_(subject=replace(c.subject, products=products))))
    return out


def _doubt(
    r: Result, readings: Sequence[tuple[str, Claim]], s: Session, plan: Plan, small: float
) -> Result:
    """``r`` (supported) as ``unverifiable`` when another plausible reading contradicts it."""
    found = _first_with(readings, "contradicted", s, plan, small)
    if found is None:
        return r
    label, other = found
    return Result(r.claim, r.computed, "unverifiable",
                  f"ambiguous: {r.reason}; but with {label}: {other.reason}")  # fmt: skip


#: Goods the text names as a level of the HS: "our largest heading", «товарная позиция».
_LEVEL = re.compile(r"\b(?P<heading>headings?\b|позици[яиюей]\w*)|\b(?:chapters?\b|глав[аеуы]\b)",
                    re.IGNORECASE)  # fmt: skip


def _narrower(
    c: Claim, readings: Sequence[tuple[str, Claim]], lexicon: Lexicon
) -> list[tuple[str, Claim]]:
    """The readings of ``c``'s loose goods words narrower than the lexicon's own (HS 84 of 84-85).

    "Machinery and equipment give more than half": the lexicon reads HS 84-85; a text may mean
    HS 84 alone. "Machinery" is HS 84 first: HS 84-85 is wider, not a narrower reading.
    """
    if len(c.subject.products) != 1:
        return []
    own = set(lexicon.product(c.subject.products[0]).codes)
    out = []
    for label, alt in readings:
        codes = {p.removeprefix("HS ") for p in alt.subject.products}
        if codes < own:
            out.append((label, alt))
    return out


def _readings(c: Claim, lexicon: Lexicon) -> list[tuple[str, Claim]]:
    """The other plausible readings of ``c``'s one loose goods word (:attr:`ProductEntry.readings`).

    "Machinery and equipment" is HS 84-85 by the lexicon, but texts mean HS 84 alone by it as
    often, or HS 84-90: each is a claim to check before the text is said to be wrong.
    """
    if len(c.subject.products) != 1:
        return []
    entry = lexicon.product(c.subject.products[0])
    if entry.exact:
        return []
    return [(f"'{entry.name}' read as {', '.join(f'HS {x}' for x in codes)}",
             c.with_(subject=replace(c.subject, products=tuple(f"HS {x}" for x in codes))))
            for codes in entry.readings if codes != entry.codes]  # fmt: skip


def _worded(
    r: Result,
    lexicon: Lexicon,
    alts: Sequence[tuple[str, Claim]] = (),
    s: Session | None = None,
    plan: Plan | None = None,
    small: float = 0.0,
) -> Result:
    """``r`` (contradicted) as ``unverifiable`` when its goods are words the text may define.

    "Chemicals" or "machinery" in a text may be a chapter, a section or an agency's own list; the
    lexicon's codes are one reading of them (:attr:`ProductEntry.exact`), too loose to accuse.
    Where the lexicon lists every plausible reading of the one goods word of a claim's own
    clause, ``r`` stays contradicted when each of them disagrees too, and is supported in the
    one reading its figure fits, said closely (:func:`_close`).
    """
    whole = r.claim.whole.products if r.claim.whole is not None else ()
    names = (*r.claim.subject.products, *whole)
    # The level said in the figure's own part of the sentence (after the last ';' before it).
    at = r.claim.sentence.find(r.claim.span)
    own = r.claim.sentence[: max(at, 0)].split(";")[-1]
    level = _LEVEL.search(own) if at >= 0 else None
    size = None if level is None else (4 if level["heading"] else 2)
    # "Turbojets, our largest heading": goods the text calls a heading (chapter) that the
    # lexicon reads at another level of the HS are not certainly these goods.
    if r.claim.kind == "rank" and r.claim.metric == "goods:chapter":
        # "Cereals ranked first among import chapters": the text itself calls them a chapter,
        # and one chapter is what was ranked (_goods_rank).
        return r
    loose = [n for n in names if not lexicon.product(n).exact or (
        size is not None and not lexicon.product(n).defined
        and any(len(code) != size for code in lexicon.product(n).codes))]  # fmt: skip
    if not loose:
        return r
    words = ", ".join(f"'{n}'" for n in dict.fromkeys(loose))
    fits = ""
    if s is not None and plan is not None and size is None and _one_word(r.claim, lexicon):
        others = [(label, _try(alt, s, plan, small)) for label, alt in alts]
        right = [(label, o) for label, o in others if o is not None and o.verdict == "supported"]
        if all(o is not None and o.verdict == "contradicted" for _, o in others):
            every = "".join(f"; {label}: {o.reason}" for label, o in others if o is not None)
            why = f"; every reading of {words} disagrees" if others else ""
            return Result(r.claim, r.computed, "contradicted", f"{r.reason}{why}{every}")
        if len(right) == 1 and _close(r.claim):
            ((label, o),) = right
            return Result(r.claim, o.computed, "supported",
                          f"{label}, {ONE_READING}: {o.reason}; "
                          f"as the lexicon reads it: {r.reason}")  # fmt: skip
        fits = "".join(f"; but with {label}: {o.reason}" for label, o in right)
    return Result(r.claim, r.computed, "unverifiable",
                  f"{LOOSE_GOODS} {words} is not certain "
                  f"(the lexicon reads them as HS chapters or a scheme's group, or at another "
                  f"HS level than the text names); as read: "
                  f"{r.reason}{fits}")  # fmt: skip


#: How the reason of a claim supported in one reading of its loose goods word goes on.
ONE_READING = "the one reading of the word its figure fits"


def _read_alike(results: list[Result]) -> list[Result]:
    """Claims supported in one reading of their goods word, doubted by the sentence's others.

    Where the sentence's other figure of the same goods disagrees ("machinery and equipment
    ($1.12bn, 56%)": the level fits HS 84, the share fits no reading), or was not understood
    (so cannot confirm it), the text's own figures leave the reading open.
    """
    out = []
    for one in results:
        r = one
        c = r.claim
        others = [o for o in results if o is not r and o.claim.sentence == c.sentence
                  and o.claim.subject.products == c.subject.products
                  and (o.verdict in ("contradicted", "inconsistent") or not o.claim.understood
                       or (o.verdict == "supported" and ONE_READING not in o.reason))]  # fmt: skip
        if r.verdict == "supported" and ONE_READING in r.reason and others:
            r = Result(c, r.computed, "unverifiable",
                       f"{LOOSE_GOODS} '{', '.join(c.subject.products)}' is not certain: "
                       f"'{others[0].claim.span.strip()}' of the same goods does not confirm "
                       f"the reading that fits; as read: {r.reason}")  # fmt: skip
        out.append(r)
    return out


def _one_word(c: Claim, lexicon: Lexicon) -> bool:
    """Whether ``c``'s goods are one word of its own clause whose every reading is listed.

    Not when the rest of its frame may be read otherwise: several partners summed, a partner
    its sentence names that it does not read ("Belarusian instrument purchases multiplied,
    yet its electrical purchases fell"), a multiple in a sentence naming both flows («импорт
    превышает экспорт в 4,3 раза, по фармацевтике — в 3,4 раза»).
    """
    whole = c.whole.products if c.whole is not None else ()
    # Its goods read in its clause, or in the clause before it in its sentence ("Electrical gear:
    # $774m, a 39% jump"), not from another sentence.
    if len(c.subject.products) != 1 or c.how("products") not in CERTAIN or any(
            not lexicon.product(p).exact for p in whole):  # fmt: skip
        return False
    named = {m.value for m in lexicon.find_partners(c.sentence)} - {c.subject.reporter}
    if len(c.subject.partners) > 1 or named - set(c.subject.partners):
        return False
    said = {flow for _, flow, _ in frames.flows(c.sentence)}
    if c.kind == "multiple" and {"export", "import"} <= said:
        return False
    at = c.sentence.find(c.span)
    opened = c.sentence.rfind("(", 0, max(at, 0))
    if opened >= 0 and ")" not in c.sentence[opened:at] and _CODE_BEFORE.search(
            c.sentence, 0, opened):  # fmt: skip
        # "8470 (Машины счетные ..., 187,62 млн долл.)": the words are a code's title, the
        # goods are the code's, which the claim did not read.
        return False
    return bool(lexicon.product(c.subject.products[0]).readings)


#: A code the parenthesis after it titles: "8470 (", "heading 8470 (", "HS 84 (".
_CODE_BEFORE = re.compile(r"\b\d{2,6}\s*$")


def _try(c: Claim, s: Session, plan: Plan, small: float) -> Result | None:
    try:
        return _one(c, s, plan, small)
    except (HitexError, KeyError, ValueError, IndexError):
        return None


def _close(c: Claim) -> bool:
    """Whether ``c`` says its figure so closely that one reading's fit is no coincidence."""
    q = c.quantity
    if q is None or q.qualifier or q.lo_open or q.hi_open:
        return False
    width = q.hi - q.lo
    return math.isfinite(width) and q.value != 0 and width <= _NARROW * abs(q.value)


def _frame(c: Claim) -> tuple[Any, ...]:
    """What a claim's figure measures: equal for two claims of one figure, however worded."""
    per = c.period
    family = {"growth": "change", "multiple": "change", "change": "change"}.get(c.kind, c.kind)
    base = per.compare if family in ("change", "rank") else None
    top = _top_partners(c) if family == "share" and not c.subject.partners else None
    return (family, c.subject, c.whole, c.metric, c.aggregation, per.year, base, per.months, top)


#: Words of a figure said as the correction of one before: "a factor closer to 2.2", "the
#: multiple is about 5.6".
_CORRECTS = re.compile(r"\b(?:closer|nearer) to\b|\bthe (?:multiple|factor) (?:is|was)\b",
                       re.IGNORECASE)  # fmt: skip


def _restated(results: list[Result]) -> list[Result]:
    """A red flag on a figure the text states elsewhere, and rightly, is a misreading.

    Texts state a figure once and then go on to narrower ones; when a contradicted claim is read
    as the very figure another claim of the text states and the data support, the claim is
    most likely about something narrower the checker did not read: ``unverifiable``.
    """
    right: dict[tuple[Any, ...], Result] = {}
    for r in results:
        if r.verdict == "supported" and r.claim.aggregation == "sum":
            right.setdefault(_frame(r.claim), r)
    out = []
    for r in results:
        other = right.get(_frame(r.claim)) if r.verdict == "contradicted" else None
        if other is not None and other.claim.start > r.claim.start and _CORRECTS.search(
                other.claim.span):  # fmt: skip
            # "imports tripled ... My reading gives a factor closer to 2.2": the figure said
            # after it corrects it; the same figure, rightly flagged.
            other = None
        if other is not None and other.claim.span != r.claim.span:
            out.append(Result(r.claim, r.computed, "unverifiable",
                              f"{RESTATED} "
                              f'as "{other.claim.span.strip()}" ({other.reason}); this one is '
                              f"likely of something narrower; as read: {r.reason}"))  # fmt: skip
        else:
            out.append(r)
    return out


# -- abstain rather than accuse ----------------------------------------------------------------
#: The flows a reader may have meant instead of the one read.
_OTHER_FLOWS = {
    "export": ("import", "turnover"),
    "import": ("export", "turnover"),
    "balance": ("export", "import", "turnover"),
    "turnover": ("export", "import", "balance"),
    "re-export": ("export", "import"),
}


def _held_years(session: Session) -> dict[str, tuple[int, ...]]:
    """Reporter -> every year the warehouse holds records of, any flow."""
    try:
        holdings = session.engine.holdings()
    except (HitexError, AttributeError):
        return {}
    return {reporter: tuple(sorted({y for years in flows.values() for y in years}))
            for reporter, flows in holdings.items()}  # fmt: skip


def alternatives(
    c: Claim, claims: Sequence[Claim], held: Sequence[int] = ()
) -> list[tuple[str, Claim]]:
    """The other plausible readings of ``c``: (what differs, the claim so read).

    Another subject the sentence, paragraph or headline names, the other flow, the base year
    instead of the current one (and the year before), the total of the other flow as the
    whole of a share, the product group without narrowing, the level as a change and a growth
    rate as a share, and a level whose own clause names no year in any year ``held`` (the
    years the warehouse holds of its reporter: "over the same ten years imports went from
    $1.24bn"). A claim is ``contradicted`` only when none of them supports its figure.
    """
    out: list[tuple[str, Claim]] = []
    bases = _bases(c, claims)
    # A side told without a figure ("a surplus with Korea") is of the balance by its words.
    flows = () if _by_metric(c, "flow_said") else _flows(c)
    # "Japan supplies more than Korea does": both partners named in the claim's words; the
    # whole trade (or another partner) against one of them is no reading of it.
    subjects = () if _order_of_partners(c) else _subjects(c, claims)
    readings = (*subjects, *flows, *_periods(c), *bases, *_kinds(c),
                *_years(c, held))  # fmt: skip
    for label, alt in readings:
        if alt != c and all(alt != a for _, a in out) and not _said(c, alt):
            out.append((label, alt))
    return out


def _order_of_partners(c: Claim) -> bool:
    """Whether ``c`` orders two partners told without a figure, the claim's own one read."""
    q = c.quantity
    return (c.kind == "multiple" and _by_metric(c, "orders") and q is not None
            and q.value == 1.0 and c.whole is not None and bool(c.whole.partners)
            and bool(c.subject.partners) and c.how("partners") in CERTAIN)  # fmt: skip


#: What an alternative reading changes in each slot of a frame (see ``Claim.reading``).
_CHANGES: dict[str, Callable[[Claim, Claim], bool]] = {
    "partners": lambda c, alt: (
        (c.subject.partners, c.subject.partner_group)
        != (alt.subject.partners, alt.subject.partner_group)
    ),
    "products": lambda c, alt: c.subject.products != alt.subject.products,
    "year": lambda c, alt: c.period.year != alt.period.year,
}

#: Words that make a percentage a share of a whole: "more than a quarter of all exports",
#: «больше половины всего вывоза».
_OF_ALL = re.compile(
    r"\bof\s+(?:all|total|the\s+total|everything)\b|(?<!\w)(?:всего|всех|общего)\s", re.IGNORECASE
)
#: "as a year ago", «как и год назад»: the figure is said of the year before too, not instead.
_AS_BEFORE = re.compile(r"\bas\s+(?:a\s+year\s+(?:ago|earlier|before)|in\s+the\s+year\s+before)\b|"
                        r"(?<!\w)как\s+и\s+(?:год\s+назад|годом\s+ранее|в\s+прошлом\s+году)",
                        re.IGNORECASE)  # fmt: skip

#: A rank its verb says was reached ("became the second", «стали второй статьёй», «поднявшись
#: на третье место»): of the latest year, not of the year before.
_BECAME = re.compile(
    r"(?:\bbecame|\bhas\s+become|\bnow\s+ranks|(?<!\w)стал[аио]?|(?<!\w)стали|подняв\w*|"
    r"поднял\w*|выш(?:ел|ла|ли|ло)|переместил\w*)\s+(?:на\s+|to\s+)?$",
    re.IGNORECASE,
)


def _said(c: Claim, alt: Claim) -> bool:
    """Whether ``alt`` changes what the words of ``c``'s own clause say.

    "Chile exported US$917 million of fuels" is of exports by its verb: the imports it may
    equal do not make it a misreading. A share "of all exports" is no growth rate; a share
    "as a year ago" is said of both years, so the year before is no other reading of it.
    """
    read = {slot for slot, how in c.reading if how == "read"}
    if any(changed(c, alt) for slot, changed in _CHANGES.items() if slot in read):
        return True
    if c.subject.flow != alt.subject.flow:
        return _flow_said(c)
    clause, at = _clause(c)
    end = at + len(clause)
    if c.period.year != alt.period.year and (
        _AS_BEFORE.search(c.sentence, 0, end)
        or (c.kind == "rank" and _BECAME.search(c.sentence, at, c.sentence.find(c.span)))
    ):
        return True
    return c.kind == "share" and alt.kind == "growth" and bool(_OF_ALL.search(clause))


def _flow_said(c: Claim) -> bool:
    """Whether the words of ``c``'s statement name its flow, and no other.

    Its statement runs from the last ';' or ':' before it to the end of its clause: "Paper
    bought from Argentina, for the record, was USD 33m". "Argentina sold us goods worth $2bn and
    bought $263m" names both flows, and "exports and imports together" is neither.
    """
    if c.how("flow") not in CERTAIN:
        return False
    said = _statement_flows(c)
    if any(flow == "export" and _PURCHASE.match(c.sentence, a) for a, flow in said):
        # Whose purchases "bought" is without "from" is a guess ("Chile also bought USD 68
        # million of paper there" is read as Argentina's buying): it fixes no flow.
        return False
    named = {flow for _, flow in said}
    return bool(named) and named == {c.subject.flow}


_PURCHASE = re.compile(r"bought|buy|purchas|(?:за|по)?куп", re.IGNORECASE)


def _statement_flows(c: Claim) -> list[tuple[int, str]]:
    """(position, flow) of the flow words of ``c``'s statement.

    It runs from the last ';' or ':' before the claim's words to the end of its clause.
    """
    clause, at = _clause(c)
    lo = max(c.sentence.rfind(";", 0, at), c.sentence.rfind(":", 0, at)) + 1
    return [(a, flow) for a, flow, _ in frames.flows(c.sentence) if lo <= a < at + len(clause)]


#: Where a clause stops: a comma that is no decimal one, a semicolon, a colon, a full stop, a dash.
_STOP = re.compile(r"[;:]|,(?!\d)|\.(?!\d)|\s[—–-]\s")


def _clause(c: Claim) -> tuple[str, int]:
    """The claim's clause (from the stop before its words to the one after), and its start."""
    at = c.sentence.find(c.span)
    if at < 0:
        return c.span, 0
    stops = list(_STOP.finditer(c.sentence[:at]))
    lo = stops[-1].end() if stops else 0
    stop = _STOP.search(c.sentence, at + len(c.span))
    return c.sentence[lo : stop.start() if stop else len(c.sentence)], lo


def _subjects(c: Claim, claims: Sequence[Claim]) -> Iterator[tuple[str, Claim]]:  # noqa: PLR0912
    """Partners and products another claim of the paragraph or headline names, or none."""
    subj = c.subject
    peers = [p for p in claims if p.understood and p is not c and p.paragraph in (0, c.paragraph)]
    subjects = {replace(subj, partners=(), partner_group=None), replace(subj, products=()),
                replace(subj, partners=(), partner_group=None, products=())}  # fmt: skip
    if subj.products and rank_field(c) is not None:
        # "Third among machinery buyers": the rank's own words name its goods.
        subjects = {x for x in subjects if x.products and (x.partners or not subj.partners)}
    for other in (x for p in peers for x in (p.subject, p.whole)):
        # Only a slot the claim leaves empty takes what another claim names.
        if other is None or other.reporter != subj.reporter:
            continue
        if not subj.partners and not subj.partner_group:
            subjects.add(replace(subj, partners=other.partners, partner_group=other.partner_group))
        if not subj.products and not _whole_field(c):
            subjects.add(replace(subj, products=other.products))
    for other in sorted(subjects - {subj}, key=lambda x: x.describe()):
        yield f"the subject read as {describe(other)}", c.with_(subject=other)
    if c.kind == "rank":
        # "Germany remained the largest European customer. Belarus came second": a rank's field
        # may be the whole trade or a group another claim of the paragraph ranks in.
        fields = {Subject(subj.reporter, subj.flow)}
        for other in (x for p in peers for x in (p.subject, p.whole)):
            if other is not None and other.partner_group and other.reporter == subj.reporter:
                fields.add(Subject(subj.reporter, subj.flow, (), other.partner_group))
        for whole in sorted(fields - {c.whole}, key=lambda x: x.describe()):
            yield f"the rank read as among {describe(whole)}", c.with_(whole=whole)
    if c.kind == "share":
        for whole in (
            Subject(subj.reporter, subj.flow),
            Subject(subj.reporter, "import" if subj.flow == "export" else "export"),
            replace(subj, products=()),
            replace(subj, partners=(), partner_group=None),
        ):
            if whole not in (c.whole, subj):
                yield f"the share read as of {describe(whole)}", c.with_(whole=whole)


#: A rank whose words name all the reporter's trade as its field: "the single biggest customer
#: for Moscow technology" is not ranked among the buyers of goods another claim names.
_WHOLE_FIELD = re.compile(r"\s+(?:for|of|in|among)\s+(?:[A-Z][\w'’]*\s+|all\s+|its\s+|the\s+)?"
                          r"(?:technology|high-tech|hi-tech|tech)\b", re.IGNORECASE)  # fmt: skip


def _whole_field(c: Claim) -> bool:
    at = c.sentence.find(c.span)
    return c.kind == "rank" and at >= 0 and bool(_WHOLE_FIELD.match(c.sentence, at + len(c.span)))


def _flows(c: Claim) -> Iterator[tuple[str, Claim]]:
    subj = c.subject
    for flow in _OTHER_FLOWS.get(subj.flow, ()):
        if c.kind in ("rank", "share") and flow in ("balance", "turnover"):
            continue
        whole = replace(c.whole, flow=flow) if c.whole and c.kind == "share" else c.whole
        yield f"the flow read as {flow}", c.with_(subject=replace(subj, flow=flow), whole=whole)


#: A rank told by a move to its place ("fell back to third", "climbed from fifteenth place to
#: fifth"): the place is of the later year by its words, never of the base's.
_RANK_MOVED_TO = re.compile(
    r"\bto\s+(?:the\s+)?\w+(?:[- ](?:largest|biggest|place))?(?:\s+place)?$", re.IGNORECASE
)


def _periods(c: Claim) -> Iterator[tuple[str, Claim]]:
    """The year before, the base instead of the current year, the year before as the base."""
    per = c.period
    if not per.year:
        return
    if c.metric in ("largest_rise", "only_fall") and c.how("year") == "read":
        return  # "the only fall in the series is 2009": the year the record names
    before = None if per.compare is None else per.compare - 1
    yield (
        f"the year read as {per.year - 1}",
        c.with_(period=replace(per, year=per.year - 1, compare=before)),
    )
    if per.compare is not None and per.compare < per.year and not _RANK_MOVED_TO.search(c.span):
        yield (
            f"the year read as {per.compare}",
            c.with_(period=replace(per, year=per.compare, compare=before)),
        )
        if c.kind in ("growth", "multiple", "change") and per.compare != per.year - 1:
            yield (
                f"the base read as {per.year - 1}",
                c.with_(period=replace(per, compare=per.year - 1)),
            )


def _years(c: Claim, held: Sequence[int]) -> Iterator[tuple[str, Claim]]:
    """A level read in any other year the warehouse holds for its reporter."""
    per = c.period
    if not per.year or c.kind not in ("amount", "share", "balance", "turnover"):
        return
    if c.how("year") == "read":
        return
    for year in held:
        if year != per.year:
            yield f"the year read as {year}", c.with_(period=replace(per, year=year, compare=None))


def _bases(c: Claim, claims: Sequence[Claim]) -> Iterator[tuple[str, Claim]]:
    """A multiple dated to no year against each earlier year the text's claims are of.

    "4.5 : 1.4 = 3.21, exports grew 3.2 times" in a text about 2018 and 2021: the base of a
    multiple its clause does not state may be any year the text speaks of.
    """
    per = c.period
    if c.how("base") != "default" or per.compare is None:
        return
    named = [y for p in claims if p.understood for y in (p.period.year, p.period.compare)]
    years = {y for y in named if y is not None and y < per.compare}
    for year in sorted(years, reverse=True):
        based = c.with_(period=replace(per, compare=year))
        yield f"the base read as {year}", based
        for label, alt in _flows(based):
            yield f"the base read as {year} and {label}", alt


#: «больше пятой части всего экспорта», «четверть всех поставок»: the Russian twin, the whole
#: in the genitive.
_OF_ALL = re.compile(r"\s*(?:of (?:all|total|the total|the whole|everything)\b|"
                     r"(?:всего|всех|общего)\s+(?:[^\W\d]+\s+)?(?:экспорт|импорт|вывоз|ввоз|"
                     r"поставок|закупок|продаж|товарооборот|оборот))", re.IGNORECASE)  # fmt: skip


def _kinds(c: Claim) -> Iterator[tuple[str, Claim]]:
    """A level as a change; a percentage as a share or as a growth rate."""
    q, per = c.quantity, c.period
    if q is None:
        return
    if c.kind == "amount" and q.unit == "usd" and per.compare is not None:
        yield "the figure read as a change", c.with_(kind="change")
    if q.unit == "pct" and c.kind == "growth":
        yield "the figure read as a share", c.with_(kind="share", whole=None)
    at = c.sentence.find(c.span)
    # "now make up more than one quarter of all exports": a share of a whole it names.
    whole = at >= 0 and _OF_ALL.match(c.sentence, at + len(c.span)) is not None
    if q.unit == "pct" and c.kind == "share" and per.year and not whole:
        base = per.compare if per.compare is not None and per.compare < per.year else per.year - 1
        yield (
            "the figure read as a growth rate",
            c.with_(kind="growth", period=replace(per, compare=base)),
        )


def _abstain(
    r: Result, readings: Sequence[tuple[str, Claim]], s: Session, plan: Plan, small: float
) -> Result:
    """``r`` (contradicted) as ``unverifiable`` when another plausible reading supports it.

    A bound ("over US$700 million") that another reading passes says little when the slot that
    reading changes was read from the text ("our surplus with it"): such readings are not tried.
    """
    c = r.claim
    if (c.quantity is not None and c.quantity.unit == "usd"
            and math.isinf(c.quantity.hi - c.quantity.lo)):  # fmt: skip
        readings = [(label, alt) for label, alt in readings
                    if not any(label.startswith(f"the {word} read as") and c.how(slot) == "read"
                               for word, slot in (("flow", "flow"), ("year", "year"),
                                                  ("base", "base")))]  # fmt: skip
    found = _first_with(readings, "supported", s, plan, small)
    if found is None:
        return r
    label, other = found
    return Result(r.claim, r.computed, "unverifiable",
                  f"ambiguous: {r.reason}; but with {label}: {other.reason}")  # fmt: skip


def _first_with(
    readings: Sequence[tuple[str, Claim]], verdict: str, s: Session, plan: Plan, small: float
) -> tuple[str, Result] | None:
    """The first reading whose verdict is ``verdict``, with its result (None if none is).

    A reading hitex cannot compute gives no verdict.
    """
    for label, alt in readings:
        try:
            other = _one(alt, s, plan, small)
        except (HitexError, KeyError, ValueError, IndexError):
            continue
        if other.verdict == verdict:
            return label, other
    return None


def _one(c: Claim, s: Session, plan: Plan, small_base_usd: float) -> Result:
    if not c.understood or c.quantity is None:
        return Result(c, None, "unverifiable", c.note or "not understood")
    try:
        if _each_one(c):
            return _each_partner(c, s, plan, small_base_usd)
        if c.metric in enterprises.MEASURES:
            return enterprises.check(c, s, plan.selection(c.subject), small_base_usd)
        return _check(c)(c, s, plan, small_base_usd)
    except _NoData as exc:
        return Result(c, None, "unverifiable", str(exc))
    except HitexError as exc:
        return Result(c, None, "unverifiable", f"cannot be computed: {exc}")


def _each_one(c: Claim) -> list[Claim]:
    """The claim of each partner, for a figure said of each of several ("each", "каждая")."""
    if c.aggregation != "each" or len(c.subject.partners) < 2:
        return []
    return [c.with_(subject=replace(c.subject, partners=(p,)), aggregation="sum", count=None)
            for p in c.subject.partners]  # fmt: skip


def _each_partner(c: Claim, s: Session, plan: Plan, small: float) -> Result:
    """A figure said of each partner: supported only when it holds for every one."""
    results = [_one(one, s, plan, small) for one in _each_one(c)]
    reasons = "; ".join(r.reason for r in results)
    for verdict in ("contradicted", "unverifiable"):
        if any(r.verdict == verdict for r in results):
            return Result(c, None, verdict, f"said of each partner: {reasons}")
    return Result(c, None, "supported", f"said of each partner: {reasons}")


#: A check: the verdict of a claim from the session's warehouse, by a plan, with a small base.
Check = Callable[[Claim, Session, Plan, float], Result]


class _NoData(Exception):
    """The warehouse holds no data for the claim; the message says what is missing."""


# -- one check per kind ------------------------------------------------------------------------
def _table(c: Claim, s: Session, plan: Plan, small: float, **options: Any) -> pd.DataFrame:
    options.setdefault("months", c.period.months)
    selection = plan.selection(c.subject) | options
    t = s.table(year=c.period.year, small_base_usd=small, **selection)
    if "suppressed" in t.columns and len(t) and t["suppressed"].all():
        # Disclosure control (records of enterprises): the figure may not be stated.
        rule = t["suppression"].iloc[0] if "suppression" in t.columns else None
        raise _NoData(f"suppressed ({rule or 'disclosure control'}): {describe(c.subject)} in "
                      f"{_when(c)} rests on too few enterprises, or on one dominant one "
                      "(disclosure control)")  # fmt: skip
    if t.empty or not (t["value_usd"] != 0).any():
        raise _NoData(f"no data: {describe(c.subject)} in {_when(c)} is not in the warehouse")
    return t


def _flow_values(
    c: Claim, s: Session, plan: Plan, small: float, years: Sequence[int]
) -> dict[int, float]:
    """The claim's figure for each of ``years`` the warehouse has it for (the others left out)."""
    values: dict[int, float] = {}
    for y in years:
        try:
            values[y] = _flow_value(c, s, plan, small, y)
        except (_NoData, HitexError):
            continue
    return values


def _flow_value(c: Claim, s: Session, plan: Plan, small: float, year: int) -> float:
    """The claim's figure for ``year``: a flow's value, exports + imports for turnover."""
    flows = ("export", "import") if c.subject.flow == "turnover" else (c.subject.flow,)
    total = 0.0
    for flow in flows:
        one = c.with_(subject=replace(c.subject, flow=flow), period=replace(c.period, year=year))
        total += float(_table(one, s, plan, small)["value_usd"].iloc[0])
    return total


def _amount(c: Claim, s: Session, plan: Plan, small: float) -> Result:
    if c.aggregation == "each":
        return _each(c, s, plan, small)
    if c.metric in ("per_month", "each_month"):
        value, where = _month_average(c, s, plan, small)
    else:
        value, where = _flow_value(c, s, plan, small, c.period.year), _where(c)
    if c.subject.flow == "balance":
        judged = _balance(c, value, where)
        if judged.verdict == "supported" and c.side and c.metric not in ("per_month", "each_month"):
            judged = _direction(c, s, plan, small, judged)
        return judged
    judged = _judge(c, value, f"{where}: {show(value, 'usd')}")
    if judged.verdict == "supported" and c.metric not in ("per_month", "each_month"):
        judged = _direction(c, s, plan, small, judged)
    at = c.sentence.find(c.span)
    # «рубеж в три миллиарда он впервые перешёл»: "first" may come after the figure, in its
    # clause.
    after = re.split(r"[,;:—–]|\.(?!\d)", c.sentence[at + len(c.span) : at + len(c.span) + 40])[0]
    if (judged.verdict == "supported" and c.metric not in ("per_month", "each_month") and at >= 0
            and _FIRST.search(c.sentence[max(0, at - 40) : at + len(c.span)] + after)):  # fmt: skip
        return _first_passed(c, s, plan, small, judged)
    return judged


def _where(c: Claim) -> str:
    return f"{describe(c.subject)} in {_when(c)}"


def _month_average(c: Claim, s: Session, plan: Plan, small: float) -> tuple[float, str]:
    """The claim's figure a month on average over its months, and what it is of."""
    first, last = c.period.months or (1, 12)
    value = _flow_value(c, s, plan, small, c.period.year) / (last - first + 1)
    return value, f"{_where(c)}, a month on average"


def _month_values(c: Claim, s: Session, plan: Plan, small: float) -> dict[int, float]:
    """The claim's figure in each of its months, by one query grouped by month (a flow).

    Empty unless every month holds a figure of each flow (none of them zero or suppressed).
    """
    first, last = c.period.months or (1, 12)
    flows = ("export", "import") if c.subject.flow == "turnover" else (c.subject.flow,)
    values = dict.fromkeys(range(first, last + 1), 0.0)
    for flow in flows:
        one = c.with_(subject=replace(c.subject, flow=flow),
                      period=replace(c.period, months=(first, last)))  # fmt: skip
        try:
            t = _table(one, s, plan, small, by=["month"])
        except (_NoData, HitexError):
            return {}
        if "suppressed" in t.columns and t["suppressed"].astype(bool).any():
            return {}  # a month rests on too few enterprises: not stated
        got = {int(m): float(v) for m, v in zip(t["month"], t["value_usd"], strict=True)
               if pd.notna(m) and v != 0}  # fmt: skip
        if any(m not in got for m in values):
            return {}
        for m in values:
            values[m] += got[m]
    return values


def _side(c: Claim, s: Session, plan: Plan, small: float) -> Result:
    """A deficit or surplus told without a figure: of the partner or goods it names."""
    if not c.subject.partners and not c.subject.partner_group and not c.subject.products:
        return Result(c, None, "unverifiable",
                      "not understood: which partner or goods the balance is of")  # fmt: skip
    return _amount(c, s, plan, small)


def _each_month(c: Claim, s: Session, plan: Plan, small: float) -> Result:
    """A figure said of every month ("каждый месяц ... около 192 млн"): each month must hold it.

    Without monthly records the monthly average is all that can be weighed: unverifiable. A
    figure of each partner, or of a balance, is weighed as its monthly average (:func:`_amount`).
    """
    if c.aggregation == "each" or c.subject.flow == "balance":
        return _amount(c, s, plan, small)
    first, last = c.period.months or (1, 12)
    values = _month_values(c, s, plan, small)
    where = f"{describe(c.subject)} in each month of {_when(c)}"
    if not values or (len(set(values.values())) == 1 and (first, last) == (1, 12)):
        # Annual records spread evenly (or none by month): the months cannot be told apart.
        average, said = _month_average(c, s, plan, small)
        judged = _judge(c, average, f"{said}: {show(average, 'usd')}")
        if judged.verdict != "supported":
            return judged
        return replace(
            judged,
            verdict="unverifiable",
            reason=f"{judged.reason}; whether each month held it is not in the data",
        )
    assert c.quantity is not None
    off = [m for m, v in values.items() if not _allows(c.quantity, v)]
    low, high = min(values.values()), max(values.values())
    shown = f"{where}: {show(low, 'usd')} to {show(high, 'usd')}"
    if not off:
        return Result(c, low, "supported", shown)
    v = values[off[0]]
    months = ", ".join(str(m) for m in off)
    return Result(c, v, "contradicted",
                  f"{shown}; months {months} lie outside: {_outside(c.quantity, v)}")  # fmt: skip


#: "first exceeded 5 billion", "first went above", «впервые превысил»: a level passed for the
#: first time, in the claim's year.
_FIRST = re.compile(
    r"\bfirst\s+(?:\w+\s+)?(?:went|gone|passed|exceeded|topped|crossed|broke|rose|climbed|"
    r"surpassed|moved)\b|\bfor\s+the\s+first\s+time\b|(?<!\w)впервые\b",
    re.IGNORECASE)  # fmt: skip


def _first_passed(c: Claim, s: Session, plan: Plan, small: float, judged: Result) -> Result:
    """A level passed for the first time in the claim's year: every earlier year held below.

    "Turnover first exceeded 5 billion in 2019": 2019 above, and no year before it. Only the
    years the warehouse holds are weighed; with none before, "first" cannot be told.
    """
    assert c.quantity is not None
    year = c.period.year
    if c.subject.flow == "balance":
        return judged
    held = [y for y in _held_years(s).get(c.subject.reporter, ()) if y < year]
    if not held:
        return Result(c, judged.computed, "unverifiable",
                      f"{judged.reason}; the warehouse holds no year of "
                      f"{_name(c.subject.reporter)} before {year}, so that it is the first "
                      "cannot be told")  # fmt: skip
    q = c.quantity
    bar = q.lo if not math.isinf(q.lo) else q.value
    above = [(y, v) for y, v in _flow_values(c, s, plan, small, held).items()
             if v > bar or (v == bar and not q.lo_open)]  # fmt: skip
    if not above:
        return Result(c, judged.computed, "supported",
                      f"{judged.reason}; every earlier year held ({held[0]}-{held[-1]}) was "
                      f"below {show(bar, 'usd')}")  # fmt: skip
    y, v = above[0]
    return Result(c, judged.computed, "contradicted",
                  f"{judged.reason}; but {y} was already above {show(bar, 'usd')} "
                  f"({show(v, 'usd')}), so {year} is not the first year")  # fmt: skip


#: "rose to $2.2 million", «выросла до 2,2 млн»: an amount said with the way it moved (the
#: words of growth and fall that :mod:`~hitex.report.claims.parse` reads rates with).
_MOVED_TO = re.compile(
    rf"(?:\b(?P<up>{parse.GROWTH})|\b(?P<down>{parse.FALL}))\s+(?:\S+\s+){{0,2}}?(?:to|до)\s+$",
    re.IGNORECASE,
)
#: "up to $2 million" is a ceiling, not a move, unless a verb of motion moved it ("went up
#: to", "edged up to", "crept up to"; "added up to" is a sum).
_UP_TO = re.compile(r"\bup\s+to\s+$", re.IGNORECASE)
_MOVED_UP = re.compile(
    r"\b(?:went|gone|shot|crept|edged|inched|ticked|moved|climbed|jumped|picked|nudged|"
    r"crawled|bounced|swung|ratcheted|notched|stepped|headed)\s+up\s+to\s+$",
    re.IGNORECASE,
)


def moved_to(before: str) -> str | None:
    """``up`` or ``down`` when ``before`` (the words before an amount) says it moved to it.

    Examples
    --------
    >>> moved_to("exports rose to "), moved_to("импорт снизился до "), moved_to("up to ")
    ('up', 'down', None)
    >>> moved_to("exports went up to "), moved_to("the deficit narrowed sharply to ")
    ('up', 'down')
    >>> moved_to("Europe's share edged up to "), moved_to("the three added up to ")
    ('up', None)
    """
    if _UP_TO.search(before) and not _MOVED_UP.search(before):
        return None
    found = _MOVED_TO.search(before)
    if found is None:
        return None
    return "up" if found.group("up") is not None else "down"


def _direction(
    c: Claim, s: Session, plan: Plan, small: float, judged: Result, unit: str = "usd"
) -> Result:
    """A right amount (or share) said to have risen (fallen) to: supported only where it did.

    The base is the claim's own, else the nearest earlier year the warehouse holds (within
    three years); a move the other way is no support: unverifiable, as the base is not read.
    "China's share rose to a quarter" while it fell from 24.9% to 23.4% is no support. A
    deficit (surplus) moves by its size on its side («дефицит вырос до 86 млн» while it narrowed
    from 190 million); one on the other side in the base year settles nothing either way.
    """
    at = c.sentence.find(c.span)
    way = moved_to(c.sentence[max(0, at - 40) : at]) if at >= 0 else None
    if way is None:
        return judged
    balance = c.subject.flow == "balance"
    sign = -1.0 if c.side == "deficit" else 1.0  # a balance's size on its side
    years = [c.period.compare] if c.period.compare else [c.period.year - k for k in (1, 2, 3)]
    for base in years:
        try:
            if unit == "pct":
                then = c.with_(period=Period(base, None, c.period.months))
                got = _share_level(then, s, plan, small).computed
                if got is None:
                    continue
                before = got
            else:
                before = _flow_value(c, s, plan, small, base)
        except (_NoData, HitexError, KeyError, ValueError, IndexError):
            continue
        up = way == "up"
        assert judged.computed is not None
        now, words = judged.computed, ("rose", "fell")
        if balance:
            now, before, words = sign * now, sign * before, ("widened", "narrowed")
            if before <= 0:
                return judged
        if (now > before) == up or now == before:
            return judged
        said, moved = words if up else words[::-1]
        return Result(c, judged.computed, "unverifiable",
                      f"{judged.reason}; but it {moved} from {show(before, unit)} in {base}, "
                      f"while the text says it {said}")  # fmt: skip
    return judged


#: «вышла в плюс», «вышел в минус»: words of ending on a side, of a turn to it or not.
_CAME_OUT = re.compile(r"(?<!\w)вы(?:шел|шл[оаи])\s+в\s", re.IGNORECASE)


def _side_turned(c: Claim, s: Session, plan: Plan, small: float) -> Result:
    """A balance on the side said in its year and not on it the year before."""
    now = _balance(c, _flow_value(c, s, plan, small, c.period.year),
                   f"{describe(c.subject)} in {_when(c)}")  # fmt: skip
    if now.verdict != "supported":
        return now
    year = c.period.year - 1
    before = c.with_(period=replace(c.period, year=year))
    try:
        then = _balance(before, _flow_value(before, s, plan, small, year),
                        f"{describe(c.subject)} in {year}")  # fmt: skip
    except (_NoData, HitexError, KeyError, IndexError) as exc:
        raise _NoData(f"{now.reason}; the year before ({year}) is not held: whether the "
                      "balance changed side cannot be told") from exc  # fmt: skip
    if then.verdict == "supported" and _CAME_OUT.search(c.span):
        # «вышла в плюс» may say the side it ended on as well as a turn to it: not certain.
        return Result(c, now.computed, "unverifiable",
                      f"{now.reason}; it was a {c.side} already in {year} ({then.reason}): the "
                      "words may say the side it ended on rather than a turn")  # fmt: skip
    if then.verdict == "supported":
        return Result(
            c,
            now.computed,
            "contradicted",
            f"{now.reason}; but it was a {c.side} already in {year}: {then.reason}",
        )
    return Result(c, now.computed, "supported", f"{now.reason}; {then.reason}")


def _balance(c: Claim, value: float, where: str) -> Result:
    """A deficit or surplus: its size against the balance's sign and size."""
    assert c.quantity is not None
    said = c.side or ("deficit" if c.quantity.value < 0 else "")
    actual = "deficit" if value < 0 else "surplus"
    text = f"{where}: a {actual} of {show(abs(value), 'usd')}"
    if not said:
        # "the balance was $1.77 billion": the size may be checked, the side is not said.
        if _allows(c.quantity, abs(value)):
            # «разрыв составил 150 млн»: the size, whichever side, is all the words say.
            return (Result(c, value, "supported", f"{text}; the text gives its size")
                    if c.metric == "size" else
                    Result(c, value, "unverifiable", f"{text}; the text does not say whether "
                           "it is a deficit or a surplus"))  # fmt: skip
        return Result(c, value, "contradicted",
                      f"{text}; {_outside(c.quantity, abs(value), ' either way')}",
                      any_side=True)  # fmt: skip
    size = abs(value)
    if c.how("side") not in CERTAIN and not (
        _allows(c.quantity, size) or _allows(c.quantity, -size)
    ):
        # A side carried from an earlier sentence: the size is wrong whichever side is meant.
        return Result(c, value, "contradicted",
                      f"{text}; {_outside(c.quantity, size, ' either way')}",
                      any_side=True)  # fmt: skip
    if said != actual:
        return Result(c, value, "contradicted", f"{text}, not a {said}")
    if _allows(c.quantity, size) or _allows(c.quantity, -size):
        return Result(c, value, "supported", text)
    return Result(c, value, "contradicted", f"{text}; {_outside(c.quantity, size)}")


def _goods_units(c: Claim, s: Session, plan: Plan, small: float, level: int) -> pd.DataFrame:
    """The claim's trade by chapter (heading, product): the HS codes' first 2 (4, 6) digits."""
    sel = plan.selection(c.subject) | {"months": c.period.months}
    t = s.table(year=c.period.year, by=["product"], small_base_usd=small, **sel)
    if t.empty:
        raise _NoData(f"no data: {describe(c.subject)} in {_when(c)} is not in the warehouse")
    if not t["classification"].astype(str).str.upper().str.startswith("H").all():
        raise _NoData(f"{describe(c.subject)} in {_when(c)} is not classified by HS: "
                      f"its {c.metric}s cannot be counted")  # fmt: skip
    units = t.assign(unit=t["product"].astype(str).str[:level])
    return units.groupby("unit", as_index=False)[["value_usd"]].sum()


def _each(c: Claim, s: Session, plan: Plan, small: float) -> Result:
    """How many partners take the amount ("five markets, more than $250 million each")."""
    assert c.quantity is not None
    sel = plan.selection(c.subject) | {"months": c.period.months}
    level = GOODS_LEVELS.get(c.metric or "")
    if level is not None:
        t = _goods_units(c, s, plan, small, level)
        hits = t[[c.quantity.allows(float(v)) for v in t["value_usd"]]]
        names = ", ".join(f"HS {u}" for u in hits["unit"])
        noun = f"{c.metric}s"
    else:
        t = s.table(year=c.period.year, by=["partner"], small_base_usd=small, **sel)
        if t.empty:
            raise _NoData(f"no data: {describe(c.subject)} in {_when(c)} is not in the warehouse")
        held = t[t["value_usd"] != 0]
        if len(held) <= 1 or (c.count is not None and len(held) < c.count):
            # "Four countries bought over $10 million each" when Argentina is all the
            # warehouse holds of Chile's exports: the partners counted are not all loaded.
            raise _NoData(f"the warehouse holds {len(held)} partner(s) of {describe(c.subject)} "
                          f"in {_when(c)}: a count of its partners cannot be checked")  # fmt: skip
        hits = t[[c.quantity.allows(float(v)) for v in t["value_usd"]]]
        names = ", ".join(_name(p) for p in hits["partner"])
        noun = "partners"
    text = (f"{len(hits)} of {len(t)} {noun} of {describe(c.subject)} in {_when(c)}: "
            f"{names or 'none'}")  # fmt: skip
    verdict = "supported" if len(hits) else "contradicted"
    if c.count is not None and len(hits) != c.count:
        # More than the text counts: "fourteen exceed" is true of fifteen too; fewer: wrong.
        verdict = "unverifiable" if len(hits) > c.count else "contradicted"
    elif c.count is not None:
        verdict = "supported"
    said = "" if c.count is None else f"; the text counts {c.count}"
    q = c.quantity
    if verdict == "contradicted" and not (q.lo_open or q.hi_open or math.isinf(q.hi - q.lo)):
        # "Fourteen partners now beat $30 million each": a level with no bound word read
        # (more than, under) counts the partners at the level itself; the word before it may
        # be a bound the lexicon does not know, so fewer at the level is no certain error.
        return Result(c, float(len(hits)), "unverifiable",
                      f"{text}{said}, but no bound word ('more than', 'under') is read before "
                      f"{show(q.value, q.unit)}: the count of those at the level itself is not "
                      "certainly what it means")  # fmt: skip
    return Result(c, float(len(hits)), verdict, f"{text}{said}")


#: Levels of goods an "each" figure may count, and their HS digits.
GOODS_LEVELS = {"chapter": 2, "heading": 4, "product": 6}


def _each_change(
    c: Claim, s: Session, plan: Plan, small: float, column: str, indicator: str
) -> Result:
    """How many partners' own change passes the bound ("Twelve countries ... more than 1.5 times").

    Partners with no base year are not counted, and leave open a count they could reach.
    """
    assert c.quantity is not None
    assert c.period.compare is not None
    sel = plan.selection(c.subject) | {"months": c.period.months}
    t = s.table(year=c.period.year, compare=c.period.compare, by=["partner"],
                indicators=[indicator], small_base_usd=small, **sel)  # fmt: skip
    if t.empty:
        raise _NoData(f"no data: {describe(c.subject)} in {_when(c)} is not in the warehouse")
    figures = [_number(v) for v in t[column]]
    based = [(p, v) for p, v in zip(t["partner"], figures, strict=True) if v is not None]
    new = len(figures) - len(based)
    if len(based) <= 1:
        raise _NoData(f"the warehouse holds {len(based)} partner(s) of {describe(c.subject)} in "
                      f"{_when(c)} and {c.period.compare}: a count of its partners cannot be "
                      "checked")  # fmt: skip
    hits = [p for p, v in based if c.quantity.allows(float(v))]
    names = ", ".join(_name(p) for p in hits)
    text = (f"{len(hits)} of {len(based)} partners of {describe(c.subject)}, {_when(c)} against "
            f"{c.period.compare}: {names or 'none'}; the text counts {c.count}")  # fmt: skip
    if new:
        text += f" ({new} partner(s) with no trade in {c.period.compare} not counted)"
    if c.count is None or len(hits) > c.count or (len(hits) < c.count <= len(hits) + new):
        # More than the text counts ("twelve" is true of fifteen too), or fewer that the
        # partners with no base could make up: not certain.
        return Result(c, float(len(hits)), "unverifiable", text)
    verdict = "supported" if len(hits) == c.count else "contradicted"
    return Result(c, float(len(hits)), verdict, text)


def _growth_like(column: str, indicator: str) -> Check:
    def check(c: Claim, s: Session, plan: Plan, small: float) -> Result:
        span = None if c.period.compare is None else c.period.year - c.period.compare
        if c.metric == "quarters":
            return _every_quarter(c, s, plan, small, check)
        if c.aggregation == "each" and c.period.compare is not None and indicator != "change":
            return _each_change(c, s, plan, small, column, indicator)
        if (c.metric == "per_year" and indicator == "growth" and span is not None and span > 1
                and c.how("base") == "read" and c.subject.flow in ("export", "import", "turnover")
                and c.quantity is not None):  # fmt: skip
            # "Shipments stood at $1.4 billion in 2018, so they have more than tripled in three
            # years; average growth over that span exceeded 50% a year": the compound rate.
            now = _flow_value(c, s, plan, small, c.period.year)
            then = _flow_value(c, s, plan, small, c.period.compare or 0)
            if then > 0 and now > 0:
                figure = ((now / then) ** (1 / span) - 1) * 100
                return _judge(c, figure, (
                    f"{describe(c.subject)}, {_when(c)} against {c.period.compare}: "
                    f"{show(figure, c.quantity.unit)} a year on average over {span} years "
                    f"({show(then, 'usd')} to {show(now, 'usd')})"))  # fmt: skip
        if c.metric == "per_year":
            # "в среднем экспорт прибавлял около 47,6% в год": a compound rate of some span.
            return Result(c, None, "unverifiable",
                          "an average rate a year ('47.6% a year', 'в год'): the span of years "
                          "it averages over is not read: not checked")  # fmt: skip
        if c.subject.flow in ("turnover", "balance"):
            return _level_change(c, s, plan, small, indicator)
        t = _table(c, s, plan, small, compare=c.period.compare,
                   indicators=[indicator, "small_base"])  # fmt: skip
        row = t.iloc[0]
        figure = _number(row[column])
        if figure is None:
            raise _NoData(f"no base: {describe(c.subject)} in {c.period.compare} is zero or "
                          "not in the warehouse")  # fmt: skip
        shown = show(figure, c.quantity.unit if c.quantity else "pct")
        text = (
            f"{describe(c.subject)}, {_when(c)} against {c.period.compare}: {shown} "
            f"({show(float(row.base_value_usd), 'usd')} to {show(float(row.value_usd), 'usd')})"
        )
        if bool(row.small_base):
            text += f"; a small base (under {show(small, 'usd')}): noise rather than news"
        return _judge(c, figure, text)

    return check


def _versus(c: Claim, s: Session, plan: Plan, small: float) -> Result:
    """A multiple of the other flow or of another partner, in the same period (``c.whole``)."""
    assert c.whole is not None
    alone = _one_partner(c, s, plan, small) if c.whole.flow != c.subject.flow else c
    if isinstance(alone, Result):
        return alone
    c = alone
    assert c.whole is not None
    mine = float(_table(c, s, plan, small)["value_usd"].iloc[0])
    theirs = float(_table(c.with_(subject=c.whole), s, plan, small)["value_usd"].iloc[0])
    if mine == 0 or theirs == 0:
        raise _NoData(f"no data: {describe(c.subject)} or {describe(c.whole)} in {_when(c)} is "
                      "zero")  # fmt: skip
    figure = mine / theirs
    text = (f"{describe(c.subject)} against {describe(c.whole)}, {_when(c)}: "
            f"{show(figure, 'x')} ({show(mine, 'usd')} against {show(theirs, 'usd')})")  # fmt: skip
    return _judge(c, figure, text)


def _versus_growth(c: Claim, s: Session, plan: Plan, small: float) -> Result:
    """A multiple of another subject's growth rate (``c.whole``), over the same years.

    "Exports to India grew almost three times faster than to China": India's growth over
    China's, each from the year before (or the year the text compares with) to the claim's.
    """
    assert c.whole is not None
    compare = c.period.compare if c.period.compare is not None else c.period.year - 1
    rates = []
    for side in (c.subject, c.whole):
        t = _table(c.with_(subject=side), s, plan, small, compare=compare, indicators=["growth"])
        rate = _number(t.iloc[0]["growth_pct"])
        if rate is None:
            raise _NoData(f"no base: {describe(side)} in {compare} is zero or not in the "
                          "warehouse")  # fmt: skip
        rates.append(rate)
    mine, theirs = rates
    if mine <= 0 or theirs <= 0:
        return Result(c, None, "unverifiable", (
            f"{describe(c.subject)} against {describe(c.whole)}, {_when(c)} against {compare}: "
            f"growth {show(mine, 'pct')} against {show(theirs, 'pct')}; a multiple of a rate "
            "that is no rise is not checked"))  # fmt: skip
    figure = mine / theirs
    return _judge(
        c,
        figure,
        (
            f"{describe(c.subject)} against {describe(c.whole)}, {_when(c)} against {compare}: "
            f"{show(figure, 'x')} (growth {show(mine, 'pct')} against {show(theirs, 'pct')})"
        ),
    )


def _of_another(check: Check) -> Check:
    """``check`` of a multiple of another subject or of the other flow (``c.whole``).

    Only a multiple with that other side read is checked ("China shipped $1.83 billion, twice
    as much as Germany" as a growth rate is not).
    """

    def checked(c: Claim, s: Session, plan: Plan, small: float) -> Result:
        if c.whole is None or c.kind != "multiple":
            return Result(c, None, "unverifiable",
                          "a multiple of another subject or of the other flow ('as much as', "
                          "'больше, чем', 'eight times exports'), not of an earlier year: not "
                          "checked")  # fmt: skip
        return check(c, s, plan, small)

    return checked


def _overtook(years: int) -> Check:
    """One subject ahead of another (``c.whole``) in its year, and in none of ``years`` before.

    An order that turned: not ahead the year before ("overtook", 1), or in any earlier year
    held («впервые обошла», 30).
    """

    def check(c: Claim, s: Session, plan: Plan, small: float) -> Result:
        return _not_ahead_before(c, s, plan, small, c.period.year - years)

    return check


def _not_ahead_before(c: Claim, s: Session, plan: Plan, small: float, last: int) -> Result:
    now = _versus(c, s, plan, small)
    if now.computed is None or now.verdict != "supported":
        return now  # not ahead in its year
    seen = []
    for year in range(c.period.year - 1, last - 1, -1):
        try:
            then = _versus(c.with_(period=Period(year)), s, plan, small)
        except _NoData:
            break
        if then.computed is None:
            break
        if then.computed > 1:
            return Result(c, now.computed, "contradicted",
                          f"{now.reason}; but it was ahead already in {year}: "
                          f"{then.reason.split(': ', 1)[-1]}")  # fmt: skip
        seen.append(year)
    if not seen:
        raise _NoData(f"no data: {describe(c.subject)} before {_when(c)} is not held: whether "
                      "it was behind then cannot be told")  # fmt: skip
    since = f"in {seen[0]}" if len(seen) == 1 else f"in every year {seen[-1]}-{seen[0]}"
    return Result(c, now.computed, "supported", f"{now.reason}; not ahead {since}")


def _every_quarter(
    c: Claim, s: Session, plan: Plan, small: float, check: Callable[..., Result]
) -> Result:
    """Growth above zero in each quarter of the year against the same quarter of the base."""
    if not s.engine.has_months(c.subject.reporter):
        raise _NoData(f"{describe(c.subject)} is not held by month: its quarters cannot be told")
    quarters = [check(c.with_(metric=None, period=replace(c.period, months=(q * 3 - 2, q * 3))),
                      s, plan, small) for q in (1, 2, 3, 4)]  # fmt: skip
    said = "; ".join(f"Q{q}: {r.reason.split(': ', 1)[-1]}" for q, r in enumerate(quarters, 1))
    verdicts = {r.verdict for r in quarters}
    verdict = ("contradicted" if "contradicted" in verdicts
               else "supported" if verdicts == {"supported"} else "unverifiable")  # fmt: skip
    return Result(c, None, verdict, f"{describe(c.subject)}, each quarter of {c.period.year} "
                  f"against {c.period.compare}: {said}")  # fmt: skip


def _level_change(c: Claim, s: Session, plan: Plan, small: float, indicator: str) -> Result:
    """Growth of turnover (exports + imports) or of a deficit's size, from the two levels."""
    assert c.quantity is not None
    base = c.period.compare
    if base is None:
        raise _NoData("not understood: no base year")
    now = _flow_value(c, s, plan, small, c.period.year)
    then = _flow_value(c, s, plan, small, base)
    if c.subject.flow == "balance":
        if (now < 0) != (then < 0):
            raise _NoData(f"the balance changed sign between {base} and {c.period.year}: "
                          "a growth rate of it means nothing")  # fmt: skip
        now, then = abs(now), abs(then)
    if then == 0:
        raise _NoData(f"no base: {describe(c.subject)} in {base} is zero")
    figure = {"growth": (now / then - 1) * 100, "multiple": now / then}.get(indicator, now - then)
    unit = c.quantity.unit
    text = (f"{describe(c.subject)}, {_when(c)} against {base}: {show(figure, unit)} "
            f"({show(then, 'usd')} to {show(now, 'usd')})")  # fmt: skip
    return _judge(c, figure, text)


_TOP_N = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "дв": 2, "тр": 3, "четыр": 4, "пят": 5, "шест": 6, "сем": 7,
          "восем": 8, "девят": 9, "десят": 10, "тройк": 3, "четв": 4, "пят[её]рк": 5,
          "десятк": 10}  # fmt: skip
#: The first N partners named before a share ("the five largest markets", «пятёрка крупнейших
#: покупателей», «на пять крупнейших рынков»): their share together.
_TOP_PARTNERS = re.compile(
    r"\b(?:the\s+)?(?:top|largest|biggest|leading|main)\s+(?P<en1>two|three|four|five|six|seven|"
    r"eight|nine|ten|\d{1,2})\s+(?:\w+\s+)?(?P<p1>markets|buyers|destinations|customers|partners|"
    r"importers|suppliers|countries)\b"
    r"|\b(?:the\s+)?(?P<en2>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
    r"(?:largest|biggest|leading|main|top)\s+(?:\w+\s+)?(?:markets|buyers|destinations|"
    r"customers|partners|importers|suppliers|countries)\b"
    r"|(?<!\w)(?P<ru1>дв|тр|четыр|пят|шест|сем|восем|девят|десят|\d{1,2})(?:а|е|и|ь|ух|[её]х|и|"
    r"ью|ём)?\s+(?:крупнейш|ведущ|главн|основн)\w*\s+(?:\w+\s+)?(?:рын|покупател|партн|стран|"
    r"импорт[её]р|поставщик|направлени)\w*"
    r"|(?<!\w)(?P<ru2>тройк|четв[её]рк|пят[её]рк|десятк)\w*\s+(?:(?:крупнейш|ведущ|главн|"
    r"основн)\w*\s+)?(?:рын|покупател|партн|стран|импорт[её]р|поставщик|направлени)\w*",
    re.IGNORECASE)  # fmt: skip


def _top_partners(c: Claim) -> int | None:
    """N where the claim's clause names the first N partners before its share.

    >>> from hitex.report.claims.model import Claim
    >>> def top(text):
    ...     return _top_partners(Claim("share", "70%", text, 0, 0))
    >>> top("The five largest markets took 70% of exports.")
    5
    >>> top("На пять крупнейших рынков приходится 70%."), top("Пятёрка крупнейших стран дала 70%.")
    (5, 5)
    >>> top("Asia took 70% of exports.") is None
    True
    """
    at = c.sentence.find(c.span)
    if at < 0:
        return None
    found = list(_TOP_PARTNERS.finditer(re.split(r"[;:]", c.sentence[:at])[-1]))
    if not found:
        return None
    m = found[-1]
    said = (m["en1"] or m["en2"] or m["ru1"] or m["ru2"]).lower()
    if said.isdigit():
        return int(said)
    return next(n for k, n in _TOP_N.items() if re.fullmatch(k, said))


def _share(c: Claim, s: Session, plan: Plan, small: float) -> Result:
    judged = _share_level(c, s, plan, small)
    if judged.verdict == "supported":
        return _direction(c, s, plan, small, judged, "pct")
    return judged


def _within(part: tuple[ProductEntry, ...], whole: tuple[ProductEntry, ...]) -> bool:
    """Whether every HS code of ``part`` lies in the codes of ``whole`` in each reading.

    HS 8411 lies within machinery, read as HS 84 or as HS 84-85.
    """
    mine = [code for e in part for code in e.codes]
    readings = [r for e in whole for r in (e.readings or (e.codes,))]
    if not mine or not readings or any(not e.codes or e.scheme for e in (*part, *whole)):
        return False
    return set(mine).isdisjoint(c for r in readings for c in r) and all(
        any(code.startswith(w) for w in r) for r in readings for code in mine
    )


def _share_level(  # noqa: PLR0911 - one return per kind of share
    c: Claim, s: Session, plan: Plan, small: float
) -> Result:
    whole = c.whole or Subject(c.subject.reporter, c.subject.flow)
    part = c.subject
    if (part.flow, whole.flow) == ("export", "import") and part == replace(whole, flow="export"):
        return _coverage(c, s, plan, small)
    if (whole.flow == "turnover" and part.flow in ("export", "import")
            and replace(part, flow="turnover") == whole):  # fmt: skip
        # "Exports' weight in bilateral trade fell from 17.2% to 11.4%": one flow's part of
        # exports + imports.
        mine = _flow_value(c, s, plan, small, c.period.year)
        total = _flow_value(c.with_(subject=whole), s, plan, small, c.period.year)
        figure = 100 * mine / total
        text = (f"{describe(part)} in {describe(whole)}, {_when(c)}: {show(figure, 'pct')} "
                f"({show(mine, 'usd')} of {show(total, 'usd')})")  # fmt: skip
        return _judge(c, figure, text)
    if plan.entries(part) and not plan.entries(whole):
        # Products within the whole's partners: the share of the products' group.
        sel = plan.selection(part, partners=False) | _partners_of(whole, plan)
        sel.pop("group")
        t = s.table(year=c.period.year, by=["group"], months=c.period.months,
                    small_base_usd=small, **sel)  # fmt: skip
        row = t[t["group"] == overlay.SUBJECT]
    elif (plan.entries(part) and plan.entries(whole) and part.flow == whole.flow
          and (part.partners, part.partner_group) == (whole.partners, whole.partner_group)
          and _within(plan.entries(part), plan.entries(whole))):  # fmt: skip
        # "Gas turbines give almost a third of machinery exports": goods of a group the whole
        # names, a part of that group's trade.
        mine = float(_table(c, s, plan, small)["value_usd"].iloc[0])
        total = float(_table(c.with_(subject=whole), s, plan, small)["value_usd"].iloc[0])
        figure = 100 * mine / total
        text = (f"{describe(part)} in {describe(whole)}, {_when(c)}: {show(figure, 'pct')} "
                f"({show(mine, 'usd')} of {show(total, 'usd')})")  # fmt: skip
        return _judge(c, figure, text)
    elif part.partners and not whole.partners and plan.entries(part) == plan.entries(whole):
        sel = plan.selection(part, partners=False) | _partners_of(whole, plan)
        t = s.table(year=c.period.year, by=["partner"], months=c.period.months,
                    small_base_usd=small, **sel)  # fmt: skip
        row = t[t["partner"].isin(part.partners)]
        if len(t) and set(t["partner"]) <= set(part.partners):
            # Chile's imports from Argentina when Argentina is all the warehouse holds: 100%.
            return Result(c, None, "unverifiable",
                          f"the warehouse holds no partner of {_name(part.reporter)} but "
                          f"{', '.join(_name(p) for p in sorted(set(t['partner'])))} in "
                          f"{_when(c)}: a share of all its partners cannot be checked")  # fmt: skip
    elif (part.partner_group and not part.partners and not whole.partners
          and not whole.partner_group and plan.entries(part) == plan.entries(whole)
          and part.flow == whole.flow):  # fmt: skip
        # "Asian markets took almost two-thirds of exports": a group's part of the total.
        mine = float(_table(c, s, plan, small)["value_usd"].iloc[0])
        total = float(_table(c.with_(subject=whole), s, plan, small)["value_usd"].iloc[0])
        figure = 100 * mine / total
        text = f"{describe(part)} in {describe(whole)}, {_when(c)}: {show(figure, 'pct')}"
        return _judge(c, figure, text)
    elif (n := _top_partners(c)) is not None and not part.partners and not part.partner_group \
            and plan.entries(part) == plan.entries(whole) and part.flow == whole.flow:  # fmt: skip
        # "The five largest markets took almost 70% of exports": the first N partners by value.
        sel = plan.selection(part, partners=False) | _partners_of(whole, plan)
        t = s.table(year=c.period.year, by=["partner"], months=c.period.months,
                    small_base_usd=small, **sel)  # fmt: skip
        t = t[t["partner"] != ind.UNSPECIFIED].sort_values("value_usd", ascending=False)
        if len(t) <= n:
            return Result(c, None, "unverifiable",
                          f"the warehouse holds {len(t)} partner(s) of {describe(whole)} in "
                          f"{_when(c)}: the share of the {n} largest cannot be "
                          "checked")  # fmt: skip
        top = t.head(n)
        figure = float(top["share_pct"].sum())
        names = ", ".join(_name(p) for p in top["partner"])
        text = (f"the {n} largest partners of {describe(whole)} ({names}), {_when(c)}: "
                f"{show(figure, 'pct')}")  # fmt: skip
        return _judge(c, figure, text)
    elif c.period.months and part == whole and _OF_THE_YEAR.search(c.sentence):
        # "That second half carried 52% of annual value": months' part of their whole year.
        mine = float(_table(c, s, plan, small)["value_usd"].iloc[0])
        year = c.with_(period=replace(c.period, months=None, compare=None))
        total = float(_table(year, s, plan, small)["value_usd"].iloc[0])
        figure = 100 * mine / total
        text = (f"{describe(part)}, {_when(c)}, in the whole year: {show(figure, 'pct')} "
                f"({show(mine, 'usd')} of {show(total, 'usd')})")  # fmt: skip
        return _judge(c, figure, text)
    else:
        return Result(c, None, "unverifiable",
                      "not understood: the text does not say what the share is of")  # fmt: skip
    if row.empty:
        raise _NoData(f"no data: {describe(part)} in {_when(c)} is not in the warehouse")
    # Shares of distinct partners of one table add up (the same total).
    figure = float(row["share_pct"].sum())
    text = f"{describe(part)} in {describe(whole)}, {_when(c)}: {show(figure, 'pct')}"
    return _judge(c, figure, text)


#: Words that make a share of some months one of their whole year.
_OF_THE_YEAR = re.compile(
    r"\b(?:annual|full-year|yearly|the (?:whole |full |entire )?year(?:'s)?\b|годово\w*|"
    r"(?:всего |за весь )год\w*)", re.IGNORECASE)  # fmt: skip


def _one_partner(c: Claim, s: Session, plan: Plan, small: float) -> Result | Claim:
    """Exports set against imports with all partners while the warehouse holds one: open.

    Unless the claim's paragraph names that partner in another claim's own words ("As for
    sales to Argentina, ... Exports covered just 12.9% of imports"), or the text's claims name
    it and no other partner: then it is ``c`` with that partner, a reading of the paragraph (a
    guess, never enough to flag it alone).
    """
    if c.subject.partners or c.subject.partner_group:
        return c
    assert c.whole is not None
    found: set[str] = set()
    for side in (c.subject, c.whole):
        t = s.table(year=c.period.year, by=["partner"], months=c.period.months,
                    small_base_usd=small, **plan.selection(side, partners=False))  # fmt: skip
        found |= set(t.loc[t["value_usd"] != 0, "partner"])
    if len(found) > 1:
        return c
    # "The Chile-Argentina ledger ... Argentina provides a third ... Exports paid for an
    # eighth of imports": a text whose claims name that one partner and no other.
    everywhere = frozenset().union(*plan.named.values())
    if found and (found <= plan.named.get(c.paragraph, frozenset()) or found == everywhere):
        one = tuple(sorted(found))
        return c.with_(subject=replace(c.subject, partners=one),
                       whole=replace(c.whole, partners=one),
                       reading=(*((k, v) for k, v in c.reading if k != "partners"),
                                ("partners", "paragraph")))  # fmt: skip
    held = ", ".join(_name(p) for p in sorted(found)) or "none"
    return Result(c, None, "unverifiable",
                  f"the warehouse holds no partner of {_name(c.subject.reporter)} but "
                  f"{held} in {_when(c)}: its exports and imports with all partners "
                  "cannot be set against each other")  # fmt: skip


def _coverage(c: Claim, s: Session, plan: Plan, small: float) -> Result:
    """Exports as a share of imports ("exports cover 98% of imports"), of the same goods."""
    alone = _one_partner(c, s, plan, small)
    if isinstance(alone, Result):
        return alone
    c = alone
    exports = float(_table(c, s, plan, small)["value_usd"].iloc[0])
    assert c.whole is not None
    imports = float(_table(c.with_(subject=c.whole), s, plan, small)["value_usd"].iloc[0])
    if imports == 0:
        raise _NoData(f"no data: {describe(c.whole)} in {_when(c)} is zero")
    figure = 100 * exports / imports
    text = (f"{describe(c.subject)} as a share of {describe(c.whole)}, {_when(c)}: "
            f"{show(figure, 'pct')} ({show(exports, 'usd')} against "
            f"{show(imports, 'usd')})")  # fmt: skip
    return _judge(c, figure, text)


def _partners_of(whole: Subject, plan: Plan) -> dict[str, Any]:
    sel = plan.selection(whole)
    return {"partner_group": sel["partner_group"]} if "partner_group" in sel else {}


def _rank(c: Claim, s: Session, plan: Plan, small: float) -> Result:  # noqa: PLR0911 - per rank
    if (c.metric or "").startswith("goods"):
        return _goods_rank(c, s, plan, small)
    if (not c.subject.partners and not c.subject.partner_group and len(c.subject.products) == 1
            and c.how("products") in CERTAIN and not _PARTNER_RANK.search(c.span)):  # fmt: skip
        # "Rubber ... moved up to sixth place": goods named in the rank's own clause, no
        # partner: a rank of the goods, whose level the words do not say.
        return _goods_rank(c.with_(metric="goods"), s, plan, small)
    if len(c.subject.partners) != 1:
        return Result(c, None, "unverifiable", "not understood: which partner is ranked")
    (who,) = c.subject.partners
    growth = c.metric == "growth"
    field_ = c.whole or Subject(c.subject.reporter, c.subject.flow)
    sel = plan.selection(c.subject, partners=False) | _partners_of(field_, plan)
    t = s.table(year=c.period.year, compare=c.period.compare if growth else None,
                by=["partner"], months=c.period.months, small_base_usd=small,
                indicators=["rank_growth", "small_base"] if growth else ["rank_value"],
                **sel)  # fmt: skip
    row = t[t["partner"] == who]
    if row.empty:
        raise _NoData(f"no data: {describe(c.subject)} in {_when(c)} is not in the warehouse")
    column = "rank_growth" if growth else "rank_value"
    place = int(c.quantity.value) if c.quantity is not None else 1
    if len(t) < max(2, place):
        return Result(c, None, "unverifiable",
                      f"the warehouse holds {len(t)} partner(s) of {_name(c.subject.reporter)} "
                      f"{'in ' + field_.partner_group + ' ' if field_.partner_group else ''}"
                      f"in {_when(c)}: its rank among "
                      f"{'them' if field_.partner_group else 'all partners'} cannot be "
                      "checked")  # fmt: skip
    rank = _number(row[column].iloc[0])
    if rank is None:
        raise _NoData(f"no growth rate: {_name(who)} has no base in {c.period.compare}")
    if c.metric == "last":
        # "Sweden last of fourteen": the place is the number of partners, where the text's
        # own count (if it gives one) is what the warehouse holds.
        said = parse.count_in(c.span)
        if said is not None and said != len(t):
            return Result(c, rank, "unverifiable",
                          f"{_name(who)} ranks {int(rank)} by value among {len(t)} partners "
                          f"({_when(c)}); the text ranks it among {said}")  # fmt: skip
        c = c.with_(quantity=Quantity(len(t), "rank", len(t), len(t)))
    what = "growth rate" if growth else "value"
    text = f"{_name(who)} ranks {int(rank)} by {what} among {len(t)} partners ({_when(c)})"
    if growth and c.quantity is not None and not c.quantity.allows(rank):
        ahead = t[(t[column] < rank) & t[column].notna()].sort_values(column)
        if len(ahead) and bool(ahead["small_base"].all()):
            names = ", ".join(
                f"{_name(p)} {show(g, 'pct')}"
                for p, g in zip(ahead["partner"], ahead["growth_pct"], strict=True)
            )
            text += (f"; first when growth on bases under {show(small, 'usd')} is set aside "
                     f"(ahead of it: {names})")  # fmt: skip
            return Result(c, rank, "supported", text)
    if not growth:
        rank, text = _tied(c, rank, int((t["value_usd"] >= float(row["value_usd"].iloc[0])).sum()),
                           text)  # fmt: skip
    judged = _judge(c, rank, text)
    if judged.verdict == "supported" and not growth:

        def values_of(year: int) -> pd.Series:
            t = s.table(year=year, by=["partner"], months=c.period.months,
                        small_base_usd=small, **sel)  # fmt: skip
            return t.set_index("partner")["value_usd"]

        judged = _moved_from(c, judged, values_of, who, _name(who), s)
    return judged


def _tied(c: Claim, rank: float, last: int, text: str) -> tuple[float, str]:
    """The place the text gives among those a tie spans (``rank`` to ``last``), if any.

    Ties share the lowest place (1, 1, 3): a tied partner may be given either one.
    """
    if c.quantity is None or c.quantity.allows(rank):
        return rank, text
    place = next((p for p in range(int(rank) + 1, last + 1) if c.quantity.allows(p)), None)
    if place is None:
        return rank, text
    return float(
        place
    ), f"{text} (tied with {last - int(rank)} other(s) for places {int(rank)}-{last})"


#: Words of a rank among partners ("ninth among buyers"), not among goods.
_PARTNER_RANK = re.compile(
    r"market|buyer|partner|destination|importer|customer|supplier|рын|покупател|партн|"
    r"импорт[её]р|направлени|поставщик", re.IGNORECASE)  # fmt: skip


#: A rank among the headings of one chapter: "in the chapter", «в этой главе».
_IN_CHAPTER = re.compile(r"\b(?:in|of|within)\s+(?:the|this|that|its)\s+chapter\b|"
                         r"(?<!\w)(?:в|внутри)\s+(?:этой|данной|той\s+же)\s+(?:главе|группе)",
                         re.IGNORECASE)  # fmt: skip


def _goods_rank(c: Claim, s: Session, plan: Plan, small: float) -> Result:
    """The place of one HS chapter (heading, six-digit line) among all of the trade's, by value.

    The level is the one the words say ("among import chapters", «товарная позиция»); where
    they say none ("the largest item"), the level of the goods named (cereals: a chapter), and
    a place the data do not give is then left open, not flagged: the text may rank another
    level.
    """
    assert c.quantity is not None
    parts = (c.metric or "goods").split(":")
    said = parts[1] if len(parts) > 1 and parts[1] in GOODS_LEVELS else ""
    if "growth" in parts:
        return Result(c, None, "unverifiable",
                      "a rank of goods by growth: hitex ranks goods by value")  # fmt: skip
    entries = plan.entries(c.subject)
    codes = [code for e in entries for code in e.codes]
    root = [
        e for e in entries if len(e.codes) == 1 and all(o.startswith(e.codes[0]) for o in codes)
    ]
    if len(entries) > 1 and root:
        # "Turbojets and gas turbines are the largest line": heading 8411 and lines within it
        # are the heading.
        entries, codes = (root[0],), list(root[0].codes)
    level_said = GOODS_LEVELS.get(said)
    if (len(entries) == 1 and len(codes) > 1 and level_said
            and len({x[:level_said] for x in codes}) == 1
            and all(len(x) > level_said for x in codes)):  # fmt: skip
        # "Gas turbines kept their place as the biggest heading": lines of one heading, ranked
        # as a heading, are that heading.
        codes = [codes[0][:level_said]]
    if len(entries) != 1 or len(codes) != 1:
        what = ", ".join(e.name for e in entries) or "none"
        return Result(c, None, "unverifiable",
                      "a rank among goods: the text does not name one HS chapter or heading "
                      f"that is ranked (goods read: {what})")  # fmt: skip
    (code,) = codes
    if not said and entries[0].name == f"HS {code}":
        # "Chapter 48 climbed from fourth to first": goods named by their code are ranked at
        # the code's level.
        said = next((k for k, v in GOODS_LEVELS.items() if v == len(code)), "")
    level = GOODS_LEVELS[said] if said else len(code)
    noun = next((k for k, v in GOODS_LEVELS.items() if v == level), "")
    if len(code) != level or not noun:
        return Result(c, None, "unverifiable",
                      f"a rank among {said or 'goods'}s: {entries[0].name} is HS {code}, not one "
                      f"{said or 'chapter or heading'}")  # fmt: skip
    whole = Subject(c.subject.reporter, c.subject.flow, c.subject.partners,
                    c.subject.partner_group)  # fmt: skip
    sel = plan.selection(whole) | {"months": c.period.months}

    def units_of(year: int) -> pd.Series:
        """The trade's chapters (headings, lines) of ``year`` and their values."""
        t = s.table(year=year, by=["product"], small_base_usd=small, **sel)
        if t.empty:
            raise _NoData(f"no data: {describe(whole)} in {year} is not in the warehouse")
        if not t["classification"].astype(str).str.upper().str.startswith("H").all():
            raise _NoData(f"{describe(whole)} in {year} is not classified by HS: its "
                          f"{noun}s cannot be ranked")  # fmt: skip
        units = t.assign(unit=t["product"].astype(str).str[:level]).groupby("unit")["value_usd"]
        return units.sum()

    units = units_of(c.period.year)
    inside = _IN_CHAPTER.search(c.sentence) if level > 2 else None
    if inside is not None:
        # "Five headings in the chapter exceeded US$40 million; medical instruments (9018) came
        # second": among the headings of the code's own chapter.
        units = units[units.index.astype(str).str.startswith(code[:2])]
    within = f" (of chapter {code[:2]})" if inside is not None else ""
    if code not in units.index:
        raise _NoData(f"no data: HS {code} ({entries[0].name}) is not in {describe(whole)} in "
                      f"{_when(c)}")  # fmt: skip
    value = float(units[code])
    rank = 1 + int((units > value).sum())
    place = int(c.quantity.hi) if not math.isinf(c.quantity.hi) else int(c.quantity.value)
    if len(units) < max(2, place):
        return Result(c, None, "unverifiable",
                      f"the warehouse holds {len(units)} {noun}(s) of {describe(whole)} in "
                      f"{_when(c)}: a rank {place} among them cannot be checked")  # fmt: skip
    ahead = units[units > value].sort_values(ascending=False).index[:3]
    leaders = "; ahead: " + ", ".join(f"HS {u}" for u in ahead) if len(ahead) else ""
    text = (f"HS {code} ({entries[0].name}) ranks {rank} by value among {len(units)} {noun}s"
            f"{within} of {describe(whole)} ({_when(c)}, "
            f"{show(value, 'usd')}{leaders})")  # fmt: skip
    judged = _judge(c, float(rank), text)
    if judged.verdict == "supported":
        judged = _moved_from(c, judged, units_of, code, f"HS {code}", s)
    if judged.verdict == "contradicted" and not said:
        return Result(c, float(rank), "unverifiable",
                      f"{text}; the text does not say among which goods it ranks them "
                      f"(read as {noun}s, the level of HS {code})")  # fmt: skip
    return judged


def _moved_from(  # noqa: PLR0911 - one return per verdict and reason
    c: Claim,
    judged: Result,
    units_of: Callable[[int], pd.Series],
    code: str,
    label: str,
    s: Session,
) -> Result:
    """A move in the ranking ("climbed from fourth to first"): the place it moved from too.

    The year before is the claim's base where its words name one, else the latest year the
    warehouse holds before its own; a place that differs there is flagged only where that
    year is certain (named, or the only one held before), and left open otherwise.
    """
    places = [parse.place_of(m) for m in parse.PLACES.finditer(c.span)]
    if len(places) < 2 or (c.quantity is not None and c.quantity.lo != c.quantity.hi):
        # «в первую десятку»: a range of places, no move.
        return judged
    earlier = [y for y in _held_years(s).get(c.subject.reporter, ()) if y < c.period.year]
    # A base the sentence names ("between 2020 and 2021"); a rank's compare year is otherwise
    # the convention's, not the text's.
    named = c.period.compare is not None and str(c.period.compare) in c.sentence
    base = c.period.compare if named else None
    if base is None or base not in earlier:
        base = earlier[-1] if earlier else None
    if base is None:
        return Result(c, judged.computed, "unverifiable",
                      f"{judged.reason}; the warehouse holds no year before {c.period.year}: "
                      f"the place it moved from cannot be told")  # fmt: skip
    try:
        units = units_of(base)
    except (_NoData, HitexError) as exc:
        return Result(c, judged.computed, "unverifiable", f"{judged.reason}; {exc}")
    if code not in units.index:
        return Result(c, judged.computed, "unverifiable",
                      f"{judged.reason}; {label} is not in the trade of {base}")  # fmt: skip
    then = 1 + int((units > float(units[code])).sum())
    # Tied values share the places they span: "from ninth" holds for one tied eighth-ninth.
    last = int((units >= float(units[code])).sum())
    text = f"{judged.reason}; in {base} it ranked {then}" + (
        f" (tied with {last - then} other(s) for places {then}-{last})" if last > then else ""
    )
    if then <= places[0] <= last:
        return Result(c, judged.computed, "supported", text)
    if not named and len(earlier) > 1:
        # The year it moved from is not said, and the warehouse holds others it may be.
        return Result(c, judged.computed, "unverifiable",
                      f"{text}; the text does not say since when it moved from "
                      f"{places[0]}")  # fmt: skip
    return Result(c, judged.computed, "contradicted",
                  f"{text}, not {places[0]} as the text says it moved from")  # fmt: skip


def _extreme(c: Claim, s: Session, plan: Plan, small: float) -> Result:  # noqa: PLR0911 - per record
    """The lowest since 2001: every year between higher, and the year named as low or lower.

    For a deficit, "lowest" is the smallest deficit (the highest balance).
    """
    assert c.quantity is not None
    since = int(c.quantity.value)
    year = c.period.year
    if c.metric in ("largest_rise", "only_fall"):
        return _change_record(c, s, plan, small)
    if (c.metric or "").startswith(_RUNS):
        return _run(c, s, plan, small)
    if since == 0:
        return _record(c, s, plan, small)
    if since < 0:
        # "its narrowest in two decades": the lowest since the year N years before.
        since += year
    if since >= year:
        raise _NoData(f"not understood: since {since} is not before {year}")
    values: dict[int, float] = {}
    missing = []
    for y in range(since, year + 1):
        try:
            values[y] = _flow_value(c, s, plan, small, y)
        except _NoData:
            missing.append(y)
        except HitexError:
            missing.append(y)
    if missing:
        listed = ", ".join(str(y) for y in missing)
        raise _NoData(f"no data: {describe(c.subject)} in {listed} is not in the warehouse")
    deficit = c.subject.flow == "balance" and c.side == "deficit"
    size = {y: (-v if deficit else v) for y, v in values.items()}
    what = "deficit" if deficit else ("balance" if c.subject.flow == "balance" else "value")
    low = c.metric == "lowest"
    now = size[year]
    between = {y: v for y, v in size.items() if since < y < year}
    beyond = {y: v for y, v in between.items() if (v < now if low else v > now)}
    tied = sorted(y for y, v in between.items() if v == now)
    word = "lower" if low else "higher"
    head = f"{describe(c.subject)}: the {what} of {year} is {show(now, 'usd')}"
    if beyond:
        y, v = next(iter(sorted(beyond.items())))
        return Result(c, float(y), "contradicted",
                      f"{head}; {y} was {word} ({show(v, 'usd')}), so it is not the "
                      f"{c.metric} since {since}")  # fmt: skip
    if tied:
        # An equal year: "the highest since" may mean "none higher" or "above every year";
        # the data cannot say which the writer meant, so no red flag.
        listed = ", ".join(str(y) for y in tied)
        return Result(c, None, "unverifiable",
                      f"{head}; {listed} had the same {what}, so it is the {c.metric} since "
                      f"{since} only if an equal year counts")  # fmt: skip
    first = size[since]
    if between and (first > now if low else first < now):
        said = f"{head}, the {c.metric} of {since}-{year}: {since} ({show(first, 'usd')}) was not"
        return _record_before(c, s, plan, small, since, now, f"{said} {word}")
    span = f"{since + 1}-{year - 1}" if year - since > 2 else str(since + 1)
    extra = f"; {span} all {'higher' if low else 'lower'}" if between else ""
    why = f"{head}, the {c.metric} since {since} ({show(first, 'usd')}){extra}"
    return Result(c, float(since), "supported", why)


def _record_before(
    c: Claim, s: Session, plan: Plan, small: float, since: int, now: float, said: str
) -> Result:
    """A record since a year that was not as low (high) as the claim's: where it really begins.

    "The lowest since 2007" says 2007 was as low, so the record goes back to the last year
    before it that was, where the warehouse holds one (a red flag naming it); where it holds
    none, how far back is not known.
    """
    low = c.metric == "lowest"
    deficit = c.subject.flow == "balance" and c.side == "deficit"
    held = [y for y in _years_of(s, c.subject.reporter) if y < since]
    back = {y: -v if deficit else v for y, v in _flow_values(c, s, plan, small, held).items()}
    reached = [y for y, v in sorted(back.items(), reverse=True) if (v <= now if low else v >= now)]
    if reached:
        y = reached[0]
        return Result(c, float(y), "contradicted",
                      f"{said}; the record goes back to {y} ({show(back[y], 'usd')}), so it is "
                      f"the {c.metric} since {y}, not since {since}")  # fmt: skip
    none_held = f"; no year held before it ({min(back)}-{since - 1}) was either" if back else ""
    return Result(c, None, "unverifiable",
                  f"{said}{none_held}, so the record goes back before "
                  f"{min(back) if back else since} and the warehouse does not say how "
                  "far")  # fmt: skip


#: How many years before its own a series must hold for "a record" to be checked on it: a
#: record of two years ("the best result in the city's history" of 2019-2020) is not one.
RECORD_YEARS = 10


def _years_of(s: Session, reporter: str) -> list[int]:
    """The years the warehouse holds records of ``reporter`` in, in order (its holdings)."""
    return list(_held_years(s).get(reporter, ()))


def _change_record(c: Claim, s: Session, plan: Plan, small: float) -> Result:
    """A record of the changes from year to year, over every year the warehouse holds.

    "The largest annual increase in the series" is checked in dollars and in percent: the
    largest by both is supported, by neither contradicted, by one only left open. "The only
    fall in the series" holds when the claim's year is the one year below the year before.
    """
    year = c.period.year
    values = _flow_values(c, s, plan, small, _years_of(s, c.subject.reporter))
    steps = {y: (values[y - 1], v) for y, v in values.items() if y - 1 in values}
    if year not in steps or len(steps) < RECORD_YEARS:
        return Result(c, None, "unverifiable",
                      f"a record of the changes from year to year: the warehouse holds "
                      f"{len(steps)} pair(s) of years of {describe(c.subject)} in a row with "
                      f"{year} among them: {'yes' if year in steps else 'no'}, too few to "
                      "say")  # fmt: skip
    span = f"{min(steps) - 1}-{max(steps)}"
    head = f"{describe(c.subject)}, changes from year to year, {span}"
    change = {y: new - old for y, (old, new) in steps.items()}
    if c.metric == "only_fall":
        falls = sorted(y for y, d in change.items() if d < 0)
        listed = ", ".join(f"{y} ({show(change[y], 'usd')})" for y in falls) or "none"
        verdict = "supported" if falls == [year] else "contradicted"
        return Result(c, float(len(falls)), verdict, f"{head}: the years of a fall: {listed}")
    rate = {y: (new / old - 1) * 100 for y, (old, new) in steps.items() if old > 0}
    by_usd = max(change, key=lambda y: change[y])
    by_pct = max(rate, key=lambda y: rate[y]) if rate else None
    said = (f"{head}: the largest rise in dollars is {by_usd}'s ({show(change[by_usd], 'usd')}), "
            f"in percent {by_pct}'s"
            + (f" ({rate[by_pct]:.1f}%)" if by_pct is not None else ""))  # fmt: skip
    if by_usd == year and by_pct == year:
        return Result(c, float(year), "supported", said)
    if year not in (by_usd, by_pct):
        return Result(c, float(by_usd), "contradicted", said)
    return Result(c, float(year), "unverifiable",
                  f"{said}: the largest one way only, so which the text means decides")  # fmt: skip


#: Runs of years (parse): "every_rise" (a rise every year of the span), "never_fall" (no fall
#: in it), "run_rise" (the Nth rise in a row: N rises to the claim's year, not N + 1).
_RUNS = ("every_", "never_", "run_")
#: Whether a change breaks a run, by its kind and direction.
_BREAKS: dict[str, Callable[[float], bool]] = {
    "every_rise": lambda d: d <= 0, "every_fall": lambda d: d >= 0, "run_rise": lambda d: d <= 0,
    "run_fall": lambda d: d >= 0, "never_fall": lambda d: d < 0, "never_rise": lambda d: d > 0,
}  # fmt: skip


def _sizes(c: Claim, s: Session, plan: Plan, small: float) -> dict[int, float]:
    """The claim's figure each year held up to its year; of a balance, its size (one sign)."""
    years = [y for y in _years_of(s, c.subject.reporter) if y <= c.period.year]
    values = _flow_values(c, s, plan, small, years)
    if c.subject.flow != "balance":
        return values
    if not (all(v < 0 for v in values.values()) or all(v > 0 for v in values.values())):
        raise _NoData(f"{describe(c.subject)} changed sign over the years held: the run of its "
                      "size is not said of one side")  # fmt: skip
    return {y: abs(v) for y, v in values.items()}


def _run(c: Claim, s: Session, plan: Plan, small: float) -> Result:
    """A run of years: every change of the span in one direction (a break named), else open.

    "Since 2010" is read from 2011's change on; a break in 2010 itself leaves it open (the text
    may count from 2010's level). A year of the span the warehouse does not hold leaves it open
    unless a held year breaks the run.
    """
    assert c.quantity is not None
    assert c.metric is not None
    q, end = c.quantity, c.period.year
    sizes = _sizes(c, s, plan, small)
    change = {y: v - sizes[y - 1] for y, v in sizes.items() if y - 1 in sizes}
    breaks = _BREAKS[c.metric]
    if q.unit == "year" and q.hi > q.lo:
        first, end = int(q.lo) + 1, int(q.hi)
    elif q.unit == "year" and q.value < 0:
        first = end + int(q.value) + 1
    elif q.unit == "year" and q.value > 0:
        first = int(q.value) + 1
    elif q.unit == "year":
        first = min(change, default=end)
    else:
        first = end - int(q.value) + 1
    span = range(first, end + 1)
    head = f"{describe(c.subject)}, changes from year to year, {first - 1}-{end}"
    if c.subject.flow == "balance":
        head += " (its size)"
    broken = [y for y in span if y in change and breaks(change[y])]
    if broken:
        listed = ", ".join(f"{y} ({show(change[y], 'usd')})" for y in broken)
        return Result(c, float(broken[-1]), "contradicted", f"{head}: the run breaks in {listed}")
    missing = [y for y in span if y not in change]
    if missing:
        return Result(c, None, "unverifiable", f"{head}: the warehouse does not hold the change "
                      f"of {', '.join(map(str, missing))}: the run cannot be checked")  # fmt: skip
    before = first - 1
    if c.metric.startswith("run_") and before in change and not breaks(change[before]):
        longer = [y for y in change if y <= before and breaks(change[y])]
        since = (max(longer) + 1) if longer else min(change)
        n = end - since + 1
        return Result(c, float(n), "contradicted",
                      f"{head}: the run is longer, {n} years ({since}-{end})")  # fmt: skip
    if c.metric.startswith("run_") and before not in change:
        return Result(c, None, "unverifiable", f"{head}: every year of the run holds, but the "
                      f"warehouse does not hold {before}'s change: it may be longer")  # fmt: skip
    if q.unit == "year" and q.value > 0 and before in change and breaks(change[before]):
        return Result(c, None, "unverifiable", f"{head}: every year holds but {before}, which "
                      f"the text may or may not count ({show(change[before], 'usd')})")  # fmt: skip
    return Result(c, float(len(span)), "supported", f"{head}: every year holds the run")


def _record(c: Claim, s: Session, plan: Plan, small: float) -> Result:
    """A record of the whole series ("the highest value ever recorded", "a new high").

    Checked on every year the warehouse holds before the claim's own: all lower (higher for a
    low) is supported, one higher contradicts it, an equal year leaves it open. A series of
    fewer than :data:`RECORD_YEARS` earlier years cannot say what a record is.
    """
    year = c.period.year
    held = [y for y in _years_of(s, c.subject.reporter) if y < year]
    low = c.metric == "lowest"
    if len(held) < RECORD_YEARS:
        span = f"{held[0]}-{held[-1]}" if held else "none"
        return Result(c, None, "unverifiable",
                      f"a record of the whole series: the warehouse holds {len(held)} "
                      f"year(s) of {_name(c.subject.reporter)} before {year} ({span}), too few "
                      "to say")  # fmt: skip
    values = _flow_values(c, s, plan, small, [*held, year])
    if year not in values:
        raise _NoData(f"no data: {describe(c.subject)} in {year} is not in the warehouse")
    deficit = c.subject.flow == "balance" and c.side == "deficit"
    size = {y: (-v if deficit else v) for y, v in values.items()}
    what = "deficit" if deficit else ("balance" if c.subject.flow == "balance" else "value")
    now = size.pop(year)
    head = f"{describe(c.subject)}: the {what} of {year} is {show(now, 'usd')}"
    beyond = {y: v for y, v in size.items() if (v < now if low else v > now)}
    if beyond:
        y, v = next(iter(sorted(beyond.items())))
        return Result(c, float(y), "contradicted",
                      f"{head}; {y} was {'lower' if low else 'higher'} ({show(v, 'usd')}), so "
                      f"it is no record")  # fmt: skip
    tied = sorted(y for y, v in size.items() if v == now)
    if tied or len(size) < RECORD_YEARS:
        return Result(c, None, "unverifiable",
                      f"{head}; {', '.join(map(str, tied)) or 'too few years'} "
                      f"{'had the same ' + what if tied else 'hold data'}, so the record is "
                      "not certain")  # fmt: skip
    first = min(size)
    return Result(
        c,
        float(first),
        "supported",
        f"{head}, the {c.metric} of {first}-{year} (every year the warehouse holds)",
    )


def _count(c: Claim, s: Session, plan: Plan, small: float) -> Result:
    if c.metric == "partners":
        return _count_partners(c, s, plan, small)
    if c.metric in ("years_rise", "years_fall"):
        return _count_years(c, s, plan, small)
    level = GOODS_LEVELS.get(c.metric or "")
    if level is not None:
        # «45 товарных позиций», "45 headings": the headings (chapters) the trade holds.
        units = _goods_units(c, s, plan, small, level)
        n = int((units["value_usd"] != 0).sum())
        return _judge(c, float(n), f"{describe(c.subject)} in {_when(c)}: {n} {c.metric}s")
    row = _table(c, s, plan, small, indicators=["product_lines"]).iloc[0]
    figure = float(row.product_lines)
    return _judge(c, figure, f"{describe(c.subject)} in {_when(c)}: {int(figure)} product lines")


def _count_years(c: Claim, s: Session, plan: Plan, small: float) -> Result:
    """How many years the figure went one way ("imports fell in eleven years").

    The changes from year to year over every year the warehouse holds up to the claim's year,
    counted.

    A series of fewer than :data:`RECORD_YEARS` years cannot say; a year of the series the
    warehouse does not hold leaves the count open.
    """
    sizes = _sizes(c, s, plan, small)
    years = sorted(sizes)
    if len(years) < RECORD_YEARS:
        raise _NoData(f"the warehouse holds {len(years)} year(s) of {describe(c.subject)}: too "
                      "few to count its rises and falls")  # fmt: skip
    gaps = [y for y in range(years[0], years[-1] + 1) if y not in sizes]
    if gaps:
        raise _NoData(
            f"the warehouse does not hold {describe(c.subject)} in "
            f"{', '.join(map(str, gaps))}: its rises and falls cannot be counted"
        )
    change = {y: sizes[y] - sizes[y - 1] for y in years[1:]}
    up = c.metric == "years_rise"
    those = [y for y, d in change.items() if (d > 0 if up else d < 0)]
    listed = ", ".join(map(str, those)) or "none"
    return _judge(c, float(len(those)),
                  f"{describe(c.subject)}, {years[0]}-{years[-1]}: {len(those)} "
                  f"{'rise' if up else 'fall'}(s) from year to year ({listed})")  # fmt: skip


def _count_partners(c: Claim, s: Session, plan: Plan, small: float) -> Result:
    """How many partners took (or sent) the trade: those with a value in the period."""
    sel = plan.selection(c.subject, partners=False)
    everyone = s.table(year=c.period.year, by=["partner"], months=c.period.months,
                       small_base_usd=small, **sel)  # fmt: skip
    held = everyone[everyone["value_usd"] != 0]
    where = f"{describe(replace(c.subject, partners=()))} in {_when(c)}"
    if len(held) <= 1:
        # Chile's exports to Argentina when Argentina is all the warehouse holds.
        raise _NoData(f"the warehouse holds {len(held)} partner of {where}: a count of its "
                      "partners cannot be checked")  # fmt: skip
    figure = float(len(held))
    return _judge(c, figure, f"{where}: {int(figure)} partners")


CHECKS: Mapping[str, Check] = {
    "amount": _amount,
    "change": _growth_like("change_usd", "change"),
    "growth": _growth_like("growth_pct", "growth"),
    "multiple": _growth_like("multiple", "multiple"),
    "share": _share,
    "rank": _rank,
    "extreme": _extreme,
    "count": _count,
}


@dataclass(frozen=True)
class MetricCheck:
    """The check a claim's metric chooses over its kind's own (for the ``kinds`` it names)."""

    kinds: tuple[str, ...]
    check: Check
    #: The claim orders two subjects, its own and ``whole``: no other subject is a reading of it.
    orders: bool = False
    #: Its words say the flow (a side is of the balance): no other flow is a reading of it.
    flow_said: bool = False


_RATES = ("growth", "change", "multiple")

#: Checks by metric: an order of two subjects, an order that turned, a balance's side (and one
#: that turned), a figure said of every month.
BY_METRIC: Mapping[str, MetricCheck] = {
    "versus": MetricCheck(_RATES, _of_another(_versus), orders=True),
    "versus_growth": MetricCheck(_RATES, _of_another(_versus_growth), orders=True),
    "overtook": MetricCheck(_RATES, _of_another(_overtook(1)), orders=True),
    "overtook_first": MetricCheck(_RATES, _of_another(_overtook(30)), orders=True),
    "side": MetricCheck(("amount",), _side, flow_said=True),
    "side_turned": MetricCheck(("amount",), _side_turned),
    "each_month": MetricCheck(("amount",), _each_month),
}


def _check(c: Claim) -> Check:
    """The check of ``c``: its metric's (:data:`BY_METRIC`), else its kind's (:data:`CHECKS`)."""
    by = BY_METRIC.get(c.metric or "")
    return by.check if by is not None and c.kind in by.kinds else CHECKS[c.kind]


def _by_metric(c: Claim, flag: str) -> bool:
    """Whether ``c``'s metric (:data:`BY_METRIC`) carries ``flag`` (``orders``, ``flow_said``)."""
    by = BY_METRIC.get(c.metric or "")
    return by is not None and bool(getattr(by, flag))


# -- words -------------------------------------------------------------------------------------
def _judge(c: Claim, figure: float, text: str) -> Result:
    assert c.quantity is not None
    if c.quantity.allows(figure):
        return Result(c, figure, "supported", text)
    twice = _rounded_twice(c.quantity, figure)
    if twice is not None:
        # 1,772.448 said "1 772,5": rounded to 1,772.45 first, then to the words' digits.
        return Result(c, figure, "supported", f"{text} (said as {twice}, rounded twice)")
    return Result(c, figure, "contradicted", f"{text}; {_outside(c.quantity, figure)}")


def _allows(q: Quantity, figure: float) -> bool:
    """Whether the words allow the figure, or round it twice (:func:`_rounded_twice`)."""
    return q.allows(figure) or _rounded_twice(q, figure) is not None


def _rounded_twice(q: Quantity, figure: float) -> str | None:
    """The figure rounded to one more digit than the words, when that is what they round.

    A figure just outside a plain figure's words ("1 772,5 млн" for 1,772.448 million, "217,3"
    for 217.247) that the text rounded twice, first to the digit after its last: not an error.
    """
    if (q.qualifier or q.lo_open or q.hi_open or q.unit not in ("usd", "pct", "x")
            or math.isinf(q.lo) or math.isinf(q.hi) or q.hi <= q.lo):  # fmt: skip
        return None
    tenth = (q.hi - q.lo) / 10
    first = round(figure / tenth) * tenth
    if not q.allows(first):
        return None
    return show(first, q.unit, _digits(q, figure))


def _outside(q: Quantity, figure: float, either: str = "") -> str:
    """What the words allow, for a figure outside them, in as many decimals as tell them apart.

    "allow US$1.77 billion to US$1.77 billion" for a computed US$1.77 billion says nothing.
    """
    digits = _digits(q, figure)
    said = f"the text's words allow {allowed(q, digits)}{either}"
    return said if digits == 2 else f"{said}, and the figure is {show(figure, q.unit, digits)}"


def _digits(q: Quantity, figure: float) -> int:
    """The fewest decimals (2 to 6) that show a figure outside ``q`` apart from its bounds.

    Dollar bounds are shown exactly ("US$1.77245 billion", not "US$1.7725 billion").
    """
    ends = [b for b in (q.lo, q.hi) if not math.isinf(b)]
    for digits in range(2, 7):
        shown = {show(b, q.unit, digits) for b in ends}
        exact = q.unit != "usd" or all(
            show(b, q.unit, digits) == show(b, q.unit, digits + 3) for b in ends
        )
        if exact and len(shown) == len(set(ends)) and show(figure, q.unit, digits) not in shown:
            return digits
    return 6


def allowed(q: Quantity, digits: int = 2) -> str:
    """The values a quantity allows, in words.

    Examples
    --------
    >>> allowed(Quantity(63, "pct", 62.5, 63.5))
    '62.50% to 63.50%'
    >>> allowed(Quantity(100 / 3, "pct", 100 / 3, math.inf, lo_open=True))
    'more than 33.33%'
    """
    if math.isinf(q.hi):
        return ("more than " if q.lo_open else "at least ") + show(q.lo, q.unit, digits)
    if math.isinf(q.lo):
        return ("less than " if q.hi_open else "at most ") + show(q.hi, q.unit, digits)
    if q.lo == q.hi:
        return show(q.lo, q.unit, digits)
    return f"{show(q.lo, q.unit, digits)} to {show(q.hi, q.unit, digits)}"


def show(x: float, unit: str, digits: int = 2) -> str:
    """A computed figure in its unit (``US$563.31 million``, ``63.05%``, ``x2.98``).

    Examples
    --------
    >>> show(563_310_000, "usd"), show(63.049, "pct"), show(2.976, "x"), show(4.0, "rank")
    ('US$563.31 million', '63.05%', 'x2.98', '4')
    >>> show(1_772_447_646, "usd", 4)
    'US$1.7724 billion'
    """
    return messages.show(x, unit, digits)


def _number(v: object) -> float | None:
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    return float(v)  # type: ignore[arg-type]


def _name(code: str) -> str:
    return countries.name(code)


def _when(c: Claim) -> str:
    if c.period.months is None:
        return str(c.period.year)
    lo, hi = c.period.months
    return f"months {lo}-{hi} of {c.period.year}"


def describe(s: Subject) -> str:
    """A subject in words: ``Moscow's exports to India, China, Japan (gas turbines)``.

    Examples
    --------
    >>> describe(Subject("RU-MOW", "export", ("IND",), None, ("gas turbines",)))
    "Moscow's exports to India (gas turbines)"
    """
    return messages.describe(s)
