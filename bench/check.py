"""Score ``hitex check`` on the claim corpus (bench/check_corpus): ``python -m bench.check``.

Each article ``NAME.txt`` has an answer key ``NAME.yaml``: every claim (its exact words, in
text order), its kind and the verdict a careful reader gives it against the data
(``supported``; ``contradicted`` for a deliberate error; ``unverifiable`` when the data cannot
settle it). The checker runs on a fresh warehouse of the corpus data (the bundled Chile-Argentina
sample, the Moscow example, the Portugal technology series) with no options but the key's
``options`` (a lexicon file), so reporter, year and base are read from the text.

Scores, per language and per claim kind: claims found (a key claim overlapped by a result the
checker understood), precision of red flags (red results, contradicted or inconsistent, that
fall on deliberate errors, among all red results, including those on words that are no claim),
true claims supported, errors caught, false "supported" (a deliberate error called supported).

``python -m bench.check --part dev`` (default ``dev``; ``heldout`` or ``all``), ``--details``
lists every key claim with its verdict, ``--markdown`` prints the tables for RESULTS-check.md.
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import hitex
import hitex.report.claims as claims
from hitex import demo

ROOT = Path(__file__).parents[1]
CORPUS = Path(__file__).parent / "check_corpus"
DATA = [ROOT / "examples" / "moscow-2020" / "flows.csv", *demo.files(),
        CORPUS / "data" / "portugal-tech.csv"]  # fmt: skip
RED = ("contradicted", "inconsistent")


@dataclass
class Row:
    """One key claim (or one red result on no key claim) and what the checker said."""

    article: str
    lang: str
    kind: str
    span: str
    expected: str
    got: str
    reason: str = ""
    found: bool = False


def locate(text: str, key: list[dict[str, Any]], name: str) -> list[tuple[int, int]]:
    """Where each key claim is: its words searched after the end of the one before.

    A key claim is never found inside the one before it ("rose 5%" then "5%" is the next 5%).

    Examples
    --------
    >>> locate("Exports rose 5%, imports 5%.", [{"span": "rose 5%"}, {"span": "5%"}], "t")
    [(8, 15), (25, 27)]
    """
    out, at = [], 0
    for k in key:
        i = text.find(k["span"], at)
        if i < 0:
            raise SystemExit(f"{name}: key span {k['span']!r} not found after position {at}")
        out.append((i, i + len(k["span"])))
        at = i + len(k["span"])
    return out


def score_article(session: hitex.Session, path: Path) -> list[Row]:
    """The rows of one article: its key claims with the checker's verdicts, and stray red flags."""
    key = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    key["claims"] = [dict(zip(("span", "kind", "verdict", "note"), k, strict=False))
                     for k in key["claims"]]  # fmt: skip
    text = path.read_text(encoding="utf-8")
    options = dict(key.get("options") or {})
    if "lexicon_path" in options:
        options["lexicon_path"] = str(path.parent / options["lexicon_path"])
    try:
        results = claims.check(session, text, **options)
    except hitex.HitexError as exc:  # the checker refused the text: nothing found
        results = []
        print(f"{path.name}: {exc}", file=sys.stderr)
    spans = locate(text, key["claims"], path.name)
    used: set[int] = set()
    rows = []
    for k, (a, b) in zip(key["claims"], spans, strict=True):
        hits = [i for i, r in enumerate(results) if r.claim.start < b and a < r.claim.end]
        understood = [i for i in hits if results[i].claim.understood]
        used.update(hits)
        # "The 2019 deficit of $270 million was the smallest since 2011": a key claim that
        # holds results of several kinds is answered by the one of its own kind (the record),
        # else by the first.
        own = [i for i in understood if results[i].claim.kind == k["kind"]]
        pick = (own or understood)[0] if understood else (hits[0] if hits else None)
        got = "missed" if pick is None else results[pick].verdict
        if pick is not None and not results[pick].claim.understood:
            got = "not understood"
        why = "" if pick is None else results[pick].reason
        rows.append(Row(path.stem, key["lang"], k["kind"], k["span"], k["verdict"], got, why,
                        bool(understood)))  # fmt: skip
    for i, r in enumerate(results):
        if i not in used and r.verdict in RED:
            rows.append(Row(path.stem, key["lang"], "no claim", r.claim.span, "none", r.verdict,
                            r.reason))  # fmt: skip
    return rows


def metrics(rows: list[Row]) -> dict[str, Any]:
    """Counts and rates of a set of rows."""
    keyed = [r for r in rows if r.expected != "none"]
    red = [r for r in rows if r.got in RED]
    true_red = [r for r in red if r.expected == "contradicted"]
    true = [r for r in keyed if r.expected == "supported"]
    errors = [r for r in keyed if r.expected == "contradicted"]
    return {
        "claims": len(keyed),
        "found": sum(r.found for r in keyed),
        "red": len(red),
        "red_right": len(true_red),
        "true": len(true),
        "true_supported": sum(r.got == "supported" for r in true),
        "errors": len(errors),
        "errors_caught": sum(r.got in RED for r in errors),
        "false_supported": sum(r.got == "supported" for r in errors),
    }


def _pct(n: int, d: int) -> str:
    return "—" if d == 0 else f"{100 * n / d:.0f}% ({n}/{d})"


def table(rows: list[Row], by: str) -> str:
    """A markdown table of the metrics, one line per value of ``by`` and one for all."""
    groups: dict[str, list[Row]] = collections.defaultdict(list)
    for r in rows:
        groups[getattr(r, by)].append(r)
    lines = [f"| {by} | claims found | red flags right | true claims supported | errors caught "
             "| false supported |", "|---|---|---|---|---|---|"]  # fmt: skip
    for name, rs in [*sorted(groups.items()), ("all", rows)]:
        m = metrics(rs)
        if m["claims"] == 0 and m["red"] == 0:
            continue
        lines.append(
            f"| {name} | {_pct(m['found'], m['claims'])} | {_pct(m['red_right'], m['red'])} | "
            f"{_pct(m['true_supported'], m['true'])} | {_pct(m['errors_caught'], m['errors'])} | "
            f"{m['false_supported']} |"
        )
    return "\n".join(lines)


def articles(part: str) -> list[Path]:
    """The articles of a part of the corpus (``dev``, ``heldout`` or ``all``)."""
    parts = ["dev", "heldout"] if part == "all" else [part]
    return sorted(p for d in parts for p in (CORPUS / d).glob("*.txt"))


def run(part: str) -> list[Row]:
    """Score every article of ``part`` on a fresh warehouse of the corpus data."""
    with tempfile.TemporaryDirectory() as tmp:
        session = hitex.open(Path(tmp) / "corpus.duckdb")
        try:
            session.load(DATA, format="flows")
            return [row for path in articles(part) for row in score_article(session, path)]
        finally:
            session.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.check", description=__doc__.splitlines()[0])
    parts = sorted(d.name for d in CORPUS.iterdir() if any(d.glob("*.yaml")))  # dev, heldout, ...
    p.add_argument("--part", choices=[*parts, "all"], default="dev")
    p.add_argument("--details", action="store_true", help="list every claim and its verdict")
    p.add_argument("--markdown", action="store_true", help="only the tables")
    a = p.parse_args(argv)
    rows = run(a.part)
    if a.details:
        for r in rows:
            mark = "  " if (r.got in RED) == (r.expected == "contradicted") and (
                r.expected != "supported" or r.got == "supported") else "!!"  # fmt: skip
            print(f"{mark} {r.article:28} {r.kind:9} {r.expected:12} {r.got:14} {r.span!r}: "
                  f"{r.reason[:150]}")  # fmt: skip
    n = len(articles(a.part))
    langs = collections.Counter(yaml.safe_load(p.with_suffix(".yaml").read_text())["lang"]
                                for p in articles(a.part))  # fmt: skip
    print(f"\n{a.part}: {n} articles ({', '.join(f'{v} {k}' for k, v in sorted(langs.items()))})\n")
    print(table(rows, "lang"))
    print()
    print(table(rows, "kind"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
