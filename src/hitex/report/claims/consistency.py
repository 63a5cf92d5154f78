"""Claims of one text that cannot all be true, whatever the data.

Each rule reads only the text's own figures (the intervals their words allow) and names the
claim it finds at fault, with the claims it conflicts with:

- :func:`part_exceeds_whole` — a part larger than its whole ("more than a third" of a total
  that three of its parts already exceed);
- :func:`shares_exceed_all` — shares of distinct parts of one total adding up to more than
  100%;
- :func:`parts_and_total` — named parts that do not add up to their stated total;
- :func:`growth_and_levels` — a growth rate that the two stated levels do not give;
- :func:`leader_and_rates` — "the leader" by growth (or value) while the text gives another
  partner a higher rate (or value).

A claim found at fault becomes ``inconsistent`` when the data contradict it too (its reason
keeps what the data say); otherwise it is ``unverifiable`` with the conflict named: the
text's own arithmetic may rest on another claim read wrongly.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterator, Sequence

from hitex.errors import UnknownCodeError
from hitex.reference import partners as reference
from hitex.report.claims.model import RESTATED, Claim, Quantity, Result, Subject

__all__ = ["RULES", "flag"]

Finding = tuple[int, str]


def _scope(c: Claim) -> tuple[str, str, int, tuple[int, int] | None]:
    return (c.subject.reporter, c.subject.flow, c.period.year, c.period.months)


def _usable(claims: Sequence[Claim], kind: str) -> list[tuple[int, Claim, Quantity]]:
    return [(i, c, c.quantity) for i, c in enumerate(claims)
            if c.understood and c.kind == kind and c.quantity is not None]  # fmt: skip


def _quote(c: Claim) -> str:
    return f'"{c.span.strip()}"'


def _members(s: Subject, year: int) -> set[str] | None:
    """Partners a subject covers (None: every partner)."""
    if s.partners:
        return set(s.partners)
    if s.partner_group:
        try:
            return set(reference.members(s.partner_group, year))
        except UnknownCodeError:
            return set()
    return None


def within(a: Subject, b: Subject, year: int) -> bool:
    """Whether every flow of ``a`` is a flow of ``b`` (same reporter and flow).

    Examples
    --------
    >>> asia = Subject("RU-MOW", partner_group="Asia")
    >>> within(Subject("RU-MOW", partners=("IND", "CHN")), asia, 2020)
    True
    >>> within(Subject("RU-MOW", partner_group="Asia"), Subject("RU-MOW", partners=("IND",)), 2020)
    False
    """
    if (a.reporter, a.flow) != (b.reporter, b.flow):
        return False
    if b.products and set(a.products) != set(b.products):
        return False
    mb = _members(b, year)
    if mb is None:
        return True
    ma = _members(a, year)
    return ma is not None and ma <= mb


def _disjoint(a: Subject, b: Subject, year: int) -> bool:
    """Whether two parts of one whole share no trade (no partner, or other goods of one).

    Examples
    --------
    >>> _disjoint(Subject("X", partners=("CHN",)), Subject("X", partners=("JPN",)), 2020)
    True
    >>> _disjoint(Subject("X", partners=("CHN", "JPN")), Subject("X", partners=("CHN",)), 2020)
    False
    >>> _disjoint(Subject("X", partners=("CHN",)), Subject("X", partner_group="Asia"), 2020)
    False
    >>> _disjoint(Subject("X", products=("HS 84",)), Subject("X", products=("HS 85",)), 2020)
    True

    Goods named in both ("fuels with vehicles", "fuels, cereals and oils") are in both parts:
    not apart.

    >>> _disjoint(Subject("X", products=("fuels", "vehicles")),
    ...           Subject("X", products=("fuels", "cereals")), 2020)
    False
    >>> _disjoint(Subject("X", products=("HS 85",)), Subject("X", products=("HS 8517",)), 2020)
    False
    """
    ma, mb = _members(a, year), _members(b, year)
    if ma and mb and not ma & mb:  # (a group the reference does not know has no members)
        return True
    same_partners = ma == mb
    return same_partners and bool(a.products) and bool(b.products) and not any(
        _same_goods(x, y) for x in a.products for y in b.products)  # fmt: skip


def _same_goods(x: str, y: str) -> bool:
    """Whether goods ``x`` and ``y`` hold some trade in common.

    One name, or HS codes one of which starts the other ("HS 85" holds "HS 8517").
    """
    if x == y:
        return True
    if x.startswith("HS ") and y.startswith("HS "):
        return x[3:].startswith(y[3:]) or y[3:].startswith(x[3:])
    return False


# -- rules -------------------------------------------------------------------------------------
def _sure(c: Claim) -> bool:
    """Whether every slot of ``c`` that places its figure (flow, partners, goods, year) is sure.

    A level read with a guessed year or flow ("the 2020 level of USD 3,461.5 million" read as
    2021's) is no ground to fault another claim with.
    """
    return not [g for g in c.guessed() if g not in ("base", "side")]


def part_exceeds_whole(claims: Sequence[Claim]) -> Iterator[Finding]:
    """A stated part larger than a whole that a share and an amount imply (or state)."""
    # A figure of each month ("about 192 million every month of 2020") is no level of the year.
    stated = [(i, c, q) for i, c, q in _usable(claims, "amount")
              if c.metric not in ("per_month", "each_month")]  # fmt: skip
    amounts = [(i, c, q) for i, c, q in stated if _sure(c)]
    # Two levels of one subject and year that cannot both hold: one of them is read wrong
    # ("Integrated circuits give half of exports: $2.25 billion" after exports of $4.5 billion,
    # with goods the lexicon does not know), so neither bounds a whole.
    amounts = [(i, c, q) for i, c, q in amounts
               if all(max(q.lo, qb.lo) <= min(q.hi, qb.hi) for _, b, qb in stated
                      if b.subject == c.subject and _scope(b) == _scope(c))]  # fmt: skip
    bounds: list[tuple[Subject, float, float, int | None, Claim]] = []
    for _, c, q in amounts:
        bounds.append((c.subject, q.lo, q.hi, None, c))
    for i, c, q in _usable(claims, "share"):
        if c.whole is None or within(c.whole, c.subject, c.period.year):
            # A part read as its own whole ("Integrated circuits give half of exports" with goods
            # the lexicon does not know) says nothing of the whole's size.
            continue
        for _, a, qa in amounts:
            if a.subject == c.subject and _scope(a) == _scope(c) and q.lo > 0:
                hi = qa.hi / q.lo * 100
                lo = qa.lo / q.hi * 100 if not math.isinf(q.hi) else 0.0
                bounds.append((c.whole, lo, hi, i, a))
    for (sa, lo_a, _, da, ca), (sb, _, hi_b, db, cb) in itertools.permutations(bounds, 2):
        if (da is None and db is None) or da == db or lo_a <= hi_b * (1 + 1e-9):
            # One share with two levels of its part: the levels conflict, not the share.
            continue
        if _scope(ca) != _scope(cb) or not within(sa, sb, ca.period.year):
            continue
        if db is not None:
            yield (
                db,
                (
                    f"{_quote(claims[db])} with {_quote(cb)} puts the whole at most at "
                    f"{hi_b / 1e6:,.2f} million, yet {_quote(ca)} is already "
                    f"{lo_a / 1e6:,.2f} million or more of it"
                ),
            )
        else:
            assert da is not None
            yield (
                da,
                (
                    f"{_quote(claims[da])} with {_quote(ca)} puts the whole at least at "
                    f"{lo_a / 1e6:,.2f} million, yet {_quote(cb)} states it at most at "
                    f"{hi_b / 1e6:,.2f} million"
                ),
            )


def shares_exceed_all(claims: Sequence[Claim]) -> Iterator[Finding]:
    """Shares of distinct parts of one whole that add up to more than 100%."""
    shares = [(i, c, q) for i, c, q in _usable(claims, "share") if c.whole is not None]
    groups: dict[object, list[tuple[int, Claim, Quantity]]] = {}
    for item in shares:
        groups.setdefault((item[1].whole, _scope(item[1])), []).append(item)
    for items in groups.values():
        parts = list({(c.subject.partners, c.subject.partner_group, c.subject.products):
                      (i, c, q) for i, c, q in items}.values())[:12]  # fmt: skip
        if len(parts) < 2:
            continue
        # Only parts that share no partner add up: "China and Japan together taking almost 45%",
        # "China's share rose to a quarter" and "Asian buyers took nearly two thirds" are shares
        # of one total, but China is in all three.
        apart = [
            (a, b)
            for a, b in itertools.combinations(range(len(parts)), 2)
            if _disjoint(parts[a][1].subject, parts[b][1].subject, parts[a][1].period.year)
        ]
        best: tuple[int, ...] = ()
        for size in range(len(parts), 1, -1):
            for pick in itertools.combinations(range(len(parts)), size):
                if all((a, b) in apart for a, b in itertools.combinations(pick, 2)) and sum(
                    parts[k][2].lo for k in pick) > 100:  # fmt: skip
                    best = pick
                    break
            if best:
                break
        if best:
            total = sum(parts[k][2].lo for k in best)
            spans = ", ".join(_quote(parts[k][1]) for k in best)
            for k in best:
                yield parts[k][0], f"the shares {spans} of one total add up to {total:.1f}% or more"


def parts_and_total(claims: Sequence[Claim]) -> Iterator[Finding]:
    """Amounts of named partners that cannot add up to their stated total."""
    amounts = _usable(claims, "amount")
    for i, total, qt in amounts:
        if len(total.subject.partners) < 2:
            continue
        parts = {}
        for _, c, q in amounts:
            s = c.subject
            if (
                len(s.partners) == 1
                and s.partners[0] in total.subject.partners
                and s.products == total.subject.products
                and _scope(c) == _scope(total)
            ):
                parts[s.partners[0]] = (c, q)
        if set(parts) != set(total.subject.partners):
            continue
        lo = sum(q.lo for _, q in parts.values())
        hi = sum(q.hi for _, q in parts.values())
        if hi < qt.lo or lo > qt.hi:
            spans = " + ".join(_quote(c) for c, _ in parts.values())
            yield (
                i,
                f"{spans} add up to {lo / 1e6:,.2f}-{hi / 1e6:,.2f} million, not {_quote(total)}",
            )


def growth_and_levels(claims: Sequence[Claim]) -> Iterator[Finding]:
    """A growth rate that the text's own levels of both years do not give.

    Only levels read certainly count: "more than seven times the first year's USD 620 million"
    is no level of the year of the text because its year was not read.
    """
    amounts = [(i, c, q) for i, c, q in _usable(claims, "amount") if not c.guessed()]
    for i, g, qg in _usable(claims, "growth"):
        if g.metric == "per_year":
            continue  # "about 48% a year": an average rate, not the change over the span
        now = [q for _, c, q in amounts if c.subject == g.subject and _scope(c) == _scope(g)]
        then = [
            (c, q)
            for _, c, q in amounts
            if c.subject == g.subject
            and c.period.year == g.period.compare
            and c.period.months == g.period.months
        ]
        for q1, (c0, q0) in itertools.product(now, then):
            if q0.lo <= 0:
                continue
            lo, hi = (q1.lo / q0.hi - 1) * 100, (q1.hi / q0.lo - 1) * 100
            if hi < qg.lo or lo > qg.hi:
                yield (
                    i,
                    f"the levels stated give growth of {lo:.1f}%-{hi:.1f}% ({_quote(c0)} before)",
                )


def leader_and_rates(claims: Sequence[Claim]) -> Iterator[Finding]:
    """A partner called the leader by growth or value while the text gives another more."""
    for i, r, _ in _usable(claims, "rank"):
        if r.quantity is None or r.quantity.value != 1 or len(r.subject.partners) != 1:
            continue
        kind = "growth" if r.metric == "growth" else "amount"
        (leader,) = r.subject.partners
        stated = _usable(claims, kind)
        own = [q for _, c, q in stated if c.subject.partners == (leader,)
               and c.subject.products == r.subject.products and _scope(c) == _scope(r)]  # fmt: skip
        if not own:
            continue
        ahead = [c for _, c, q in stated
                 if len(c.subject.partners) == 1 and c.subject.partners != (leader,)
                 and c.subject.products == r.subject.products and _scope(c) == _scope(r)
                 and (r.whole is None or within(c.subject, r.whole, r.period.year))
                 and q.lo > max(o.hi for o in own)]  # fmt: skip
        if ahead:
            spans = ", ".join(f"{c.subject.partners[0]} {_quote(c)}" for c in ahead)
            yield i, f"{_quote(r)} ({leader}) while the text gives more to {spans}"


RULES: tuple[Callable[[Sequence[Claim]], Iterator[Finding]], ...] = (
    part_exceeds_whole,
    shares_exceed_all,
    parts_and_total,
    growth_and_levels,
    leader_and_rates,
)


def flag(results: Sequence[Result]) -> list[Result]:
    """``results`` with the claims some rule finds at fault marked ``inconsistent``."""
    claims = [r.claim for r in results]
    found: dict[int, list[str]] = {}
    for rule in RULES:
        for i, why in rule(claims):
            if why not in found.setdefault(i, []):
                found[i].append(why)
    out = []
    for i, r in enumerate(results):
        if i in found:
            data = f"data: {r.verdict}, {r.reason}"
            conflict = "; ".join(found[i])
            # The data contradict the figure as read, every slot read certainly: the text's
            # conflict and the figure agree it is wrong, even where another reading of its goods
            # or whole made the data alone abstain.
            q = r.claim.quantity
            wrong = r.verdict == "contradicted" or (
                r.verdict == "unverifiable" and r.computed is not None and q is not None
                and not q.allows(r.computed) and not r.reason.startswith(RESTATED)
                # Another flow fits it: the flow itself may be read wrong ("pipeline deliveries
                # ... some 30% of everything Chile bought" read as exports), not only the goods.
                and "; but with the flow read as" not in r.reason)  # fmt: skip
            if not wrong or r.claim.guessed():
                # The rule may have read another claim of the conflict wrongly, or this one:
                # text arithmetic alone is no red flag. Only where the data contradict the claim
                # itself, on a certain reading, does the conflict add to the flag.
                out.append(Result(r.claim, r.computed, "unverifiable",
                                  f"uncertain: the text's figures conflict ({conflict}) "
                                  f"({data})"))  # fmt: skip
            else:
                out.append(Result(r.claim, r.computed, "inconsistent", f"{conflict} ({data})"))
        else:
            out.append(r)
    return out
