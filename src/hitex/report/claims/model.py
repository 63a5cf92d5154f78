"""What a claim is: the quantity it states, about which trade, in which period; and its verdict.

Plain records. :mod:`~hitex.report.claims.parse` finds claims and the quantity each states,
:mod:`~hitex.report.claims.resolve` fills in subject and period, and
:mod:`~hitex.report.claims.verify` adds the figure hitex computes and the verdict.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Any

#: Kinds of claim: what is asserted about the subject.
KINDS = ("amount", "change", "growth", "multiple", "share", "rank", "extreme", "count")

#: Verdicts, in the order a table lists them.
VERDICTS = ("supported", "contradicted", "inconsistent", "unverifiable")

#: How a slot of a claim's frame was filled: ``read`` from the claim's own clause; ``carried``
#: by a certain rule (from the clause before it in the same sentence, the article's year, the
#: base a growth rate takes by convention); ``paragraph`` from a claim of an earlier sentence;
#: ``default`` when nothing said it (the whole trade while the sentence names a partner or goods
#: elsewhere, exports when no flow word is said); ``back`` for goods the clause refers back to
#: without naming them ("these instruments", read as all goods); ``field`` for a rank among the
#: buyers of goods the lexicon does not know ("third among instrument buyers"); ``unnamed`` for
#: a partner or month the text speaks of without naming it ("A country whose purchases rose
#: 60%", «Месяц, с которого продажи поднялись»). Only the first two are certain.
HOW = ("read", "carried", "paragraph", "default", "back", "field", "unnamed")
CERTAIN = ("read", "carried")

#: How the reason of a claim starts whose words name goods loosely (a chapter, a section or an
#: agency's own list): the figure as read is not certain enough to flag alone.
LOOSE_GOODS = "uncertain reading: which goods the text means by"
#: How the reason of a claim starts that was read as a figure the text states rightly elsewhere.
RESTATED = "uncertain reading: read as the figure the text states rightly"
#: A contradiction whose figure fits a reading the claim's words seem to rule out.
SECOND_LOOK = "uncertain reading: the figure fits with"

#: The reason given for text that holds a number but no claim hitex can read.
NOT_UNDERSTOOD = "not understood"


@dataclass(frozen=True)
class Quantity:
    """A stated figure and the interval of true values it allows (its rounding, qualifiers).

    ``unit`` is ``usd``, ``pct`` (percent), ``x`` (a multiple of the base), ``rank``, ``year``
    or ``count``. ``lo``/``hi`` bound the values the words allow; an open end excludes it.

    Examples
    --------
    >>> q = Quantity(63.0, "pct", 62.5, 63.5)
    >>> q.allows(62.99), q.allows(63.6)
    (True, False)
    >>> Quantity(100 / 3, "pct", 100 / 3, math.inf, lo_open=True).allows(100 / 3)
    False
    """

    value: float
    unit: str
    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False
    qualifier: str = ""

    def allows(self, x: float) -> bool:
        """Whether ``x`` is a value the words allow."""
        above = x > self.lo if self.lo_open else x >= self.lo - 1e-9 * max(1.0, abs(self.lo))
        below = x < self.hi if self.hi_open else x <= self.hi + 1e-9 * max(1.0, abs(self.hi))
        return above and below

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: infinite bounds as null."""
        return {
            "value": self.value, "unit": self.unit, "qualifier": self.qualifier or None,
            "lo": None if math.isinf(self.lo) else self.lo,
            "hi": None if math.isinf(self.hi) else self.hi,
        }  # fmt: skip


@dataclass(frozen=True)
class Subject:
    """Whose trade: reporter, flow, partners (countries or a group) and products."""

    reporter: str = ""
    flow: str = "export"
    partners: tuple[str, ...] = ()
    partner_group: str | None = None
    products: tuple[str, ...] = ()
    #: An enterprise group the figure is of (:mod:`~hitex.report.claims.enterprises`).
    firm_group: str | None = None

    def describe(self) -> str:
        """``RU-MOW export to IND+CHN, gas turbines``."""
        to = "+".join(self.partners) or self.partner_group or "all partners"
        what = f", {' and '.join(self.products)}" if self.products else ""
        return f"{self.reporter} {self.flow} to {to}{what}"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        out = {"reporter": self.reporter, "flow": self.flow, "partners": list(self.partners),
               "partner_group": self.partner_group, "products": list(self.products)}  # fmt: skip
        return out | ({"firm_group": self.firm_group} if self.firm_group else {})


@dataclass(frozen=True)
class Period:
    """When: the year, the base year of a comparison, and a month range (year to date)."""

    year: int
    compare: int | None = None
    months: tuple[int, int] | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        months = list(self.months) if self.months else None
        return {"year": self.year, "compare": self.compare, "months": months}


@dataclass(frozen=True)
class Claim:
    """One numeric claim of a text.

    ``start``/``end`` locate ``span`` in the whole text; ``metric`` says what a ``rank`` ranks
    (``value`` or ``growth``) or which ``extreme`` (``lowest`` or ``highest``). ``whole`` is
    the total a ``share`` is a share of. ``understood`` is false for numbers that hold no claim
    hitex can read (their verdict is ``unverifiable``, "not understood").
    """

    kind: str
    span: str
    sentence: str
    start: int
    end: int
    quantity: Quantity | None = None
    metric: str | None = None
    subject: Subject = field(default_factory=Subject)
    whole: Subject | None = None
    period: Period = field(default_factory=lambda: Period(0))
    paragraph: int = 0
    understood: bool = True
    note: str = ""
    #: ``deficit`` or ``surplus`` for a claim about the balance (flow ``balance``).
    side: str = ""
    #: ``each`` when the figure is said of each of ``count`` partners ("five markets ... each").
    aggregation: str = "sum"
    count: int | None = None
    #: How each slot of the frame was filled: (slot, how) with how one of :data:`HOW`.
    reading: tuple[tuple[str, str], ...] = ()

    def with_(self, **changes: Any) -> Claim:
        """A copy with ``changes``."""
        return replace(self, **changes)

    def how(self, slot: str) -> str:
        """How ``slot`` (``flow``, ``partners``, ``products``, ``year``, ``base``) was filled."""
        return dict(self.reading).get(slot, "read")

    def guessed(self) -> list[str]:
        """The slots not read from the claim's words nor carried by a certain rule."""
        return [slot for slot, how in self.reading if how not in CERTAIN]

    def as_dict(self) -> dict[str, Any]:
        """What it claims, JSON-ready: kind, quantity, subject, period, comparison."""
        comparison = None
        if self.period.compare is not None and self.kind in ("growth", "multiple", "change"):
            comparison = f"{self.period.year} against {self.period.compare}"
        return {
            "kind": self.kind,
            "metric": self.metric,
            "quantity": self.quantity.as_dict() if self.quantity else None,
            "subject": self.subject.as_dict(),
            "whole": self.whole.as_dict() if self.whole else None,
            "period": self.period.as_dict(),
            "comparison": comparison,
            "side": self.side or None,
            "aggregation": self.aggregation,
            "count": self.count,
            "reading": dict(self.reading),
        }


@dataclass(frozen=True)
class Result:
    """A claim, the figure hitex computes for it, the verdict and why."""

    claim: Claim
    computed: float | None
    verdict: str
    reason: str
    #: A balance whose size is wrong whichever side (deficit or surplus) is meant: its verdict
    #: does not rest on the side read.
    any_side: bool = False

    def as_dict(self) -> dict[str, Any]:
        """One object of ``hitex check --format json``."""
        c = self.claim
        return {
            "sentence": c.sentence,
            "span": c.span,
            "claim": c.as_dict(),
            "computed": self.computed,
            "verdict": self.verdict,
            "reason": self.reason,
        }
