"""What the claim checker's round tests share: the raw files, their sums and result lookups.

Expected figures are computed here from the raw files with pandas, never with hitex.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb
import pandas as pd

from hitex import demo
from hitex.report.claims.model import Result

ROOT = Path(__file__).parents[3]
MOSCOW = ROOT / "examples" / "moscow-2020" / "flows.csv"
PORTUGAL = ROOT / "bench" / "check_corpus" / "data" / "portugal-tech.csv"
#: The verdicts that flag a claim.
RED = ("contradicted", "inconsistent")


def by_span(results: list[Result]) -> dict[str, Result]:
    """The results by the words of their claim (without the stop at its end)."""
    return {r.claim.span.strip(" ."): r for r in results}


def by_span_quoted(results: list[Result]) -> dict[str, Result]:
    """As :func:`by_span`, without the Russian quotes around a claim either."""
    return {r.claim.span.strip(" .«»"): r for r in results}


def find(results: list[Result], words: str, *, understood: bool = False) -> Result:
    """The first result whose claim holds ``words`` (fails naming the claims where none does).

    ``understood=True`` passes over claims that were not understood.
    """
    hits = [r for r in results if words in r.claim.span and (r.claim.understood or not understood)]
    assert hits, [(r.claim.span, r.verdict) for r in results]
    return hits[0]


def raw_sum(
    path: Path | str | Sequence[Path], where: str, *, unit: float = 1e6, text_products: bool = False
) -> float:
    """The sum of value_usd of raw files' rows ``where`` says, in ``unit`` (millions); no row: 0.

    ``text_products=True`` reads the product codes as text (``product LIKE '2710%'``).
    """
    files = [str(p) for p in (path if isinstance(path, Sequence) and not isinstance(path, str)
                              else [path])]  # fmt: skip
    types = ", types={'product': 'VARCHAR'}" if text_products else ""
    rows = duckdb.sql(f"SELECT sum(value_usd) FROM read_csv({files}{types}) WHERE {where}")
    return float(rows.fetchall()[0][0] or 0.0) / unit


def moscow(heading: str = "", partner: str | None = None) -> pd.DataFrame:
    """Moscow's rows (goods whose codes start ``heading``, with ``partner``), codes as text."""
    m = pd.read_csv(MOSCOW, dtype={"product": str})
    m = m[m["product"].str.zfill(6).str.startswith(heading)] if heading else m
    return m if partner is None else m[m["partner"] == partner]


def ru(x: float) -> str:
    """``x`` with one decimal and a decimal comma, as Russian text writes it."""
    return f"{x:.1f}".replace(".", ",")


def moscow_exports() -> pd.Series:
    """Moscow's exports by year, in dollars."""
    m = pd.read_csv(MOSCOW)
    return m[m["flow"] == "export"].groupby("year")["value_usd"].sum()


def _portugal_by_flow(unit: float | None) -> pd.DataFrame:
    p = pd.read_csv(PORTUGAL)
    t = p.groupby(["year", "flow"])["value_usd"].sum().unstack()
    t = t if unit is None else t / unit
    t["deficit"] = t["import"] - t["export"]
    return t


def portugal_by_flow() -> pd.DataFrame:
    """Portugal's exports, imports and deficit (imports less exports) by year, in dollars."""
    return _portugal_by_flow(None)


def portugal_by_flow_mn() -> pd.DataFrame:
    """As :func:`portugal_by_flow`, in millions of dollars."""
    return _portugal_by_flow(1e6)


def portugal_mn(flow: str) -> pd.Series:
    """Portugal's ``flow`` by year, in millions of dollars."""
    p = pd.read_csv(PORTUGAL)
    return p[p["flow"] == flow].groupby("year")["value_usd"].sum() / 1e6


def chile_mn(flow: str, heading: str = "") -> pd.Series:
    """Chile's ``flow`` with Argentina by year (goods of codes starting ``heading``), in millions."""
    c = pd.concat(pd.read_csv(p, dtype={"product": str}) for p in demo.files())
    c = c[(c["flow"] == flow) & c["product"].str.zfill(6).str.startswith(heading)]
    return c.groupby("year")["value_usd"].sum() / 1e6


def one_of_kind(results: list[Result], kind: str) -> Result:
    """The one claim of ``kind`` understood among ``results``."""
    found = [r for r in results if r.claim.kind == kind and r.claim.understood]
    assert len(found) == 1, [(r.claim.span, r.reason) for r in results]
    return found[0]
