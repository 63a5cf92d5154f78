"""Check a corpus part's answer keys without running the checker (heldout2 here).

``python -m bench.check_corpus.heldout2.validate``.

Each key is read the way the scorer reads it (``bench.check``: the YAML's ``claims`` rows zipped
into span, kind, verdict, note, and ``bench.check.locate`` finding every span in text order);
on top of that every row must have a known kind and verdict and a note with the true figure, and
every article must be 120-300 words. Prints the counts of claims per language, verdict and kind.
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

import yaml

from bench.check import locate

HERE = Path(__file__).parent
KINDS = {"amount", "growth", "multiple", "share", "rank", "balance", "turnover", "extreme", "count"}
VERDICTS = {"supported", "contradicted", "unverifiable"}


def check(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The problems of one article and its key, and its claims as the scorer reads them."""
    problems = []
    key = yaml.safe_load(path.with_suffix(".yaml").read_text(encoding="utf-8"))
    claims = [dict(zip(("span", "kind", "verdict", "note"), k, strict=False))
              for k in key["claims"]]  # fmt: skip
    text = path.read_text(encoding="utf-8")
    locate(text, claims, path.name)  # raises SystemExit naming the span that is not found
    words = len(re.findall(r"\w+", text))
    if not 120 <= words <= 300:
        problems.append(f"{words} words")
    cyrillic = bool(re.search("[а-яё]", text, re.IGNORECASE))
    if key.get("lang") not in {"en", "ru"} or cyrillic != (key["lang"] == "ru"):
        problems.append(f"lang {key.get('lang')!r} does not fit the text")
    for c in claims:
        if c["kind"] not in KINDS or c["verdict"] not in VERDICTS or not c.get("note"):
            problems.append(f"bad row {c}")
        c["lang"] = key["lang"]
    return problems, claims


def main(folder: Path = HERE) -> int:
    """Check every article of ``folder`` (a corpus part) and print its counts."""
    paths = sorted(folder.glob("*.txt"))
    rows: list[dict[str, str]] = []
    bad = 0
    for path in paths:
        problems, claims = check(path)
        rows += claims
        errors = sum(c["verdict"] == "contradicted" for c in claims)
        print(f"{path.name:32} {len(claims):3} claims, {errors} errors"
              + (f"  PROBLEMS: {problems}" if problems else ""))  # fmt: skip
        bad += bool(problems)
    print(f"\n{len(paths)} articles, {len(rows)} claims")
    for lang in ("en", "ru", "all"):
        rs = [r for r in rows if lang in {"all", r["lang"]}]
        verdicts = collections.Counter(r["verdict"] for r in rs)
        kinds = collections.Counter(r["kind"] for r in rs)
        counts = ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items()))
        rate = 100 * verdicts["contradicted"] / max(len(rs), 1)
        print(f"{lang}: {len(rs)} claims; {counts} ({rate:.1f}% errors)")
        print("    kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    table = collections.Counter((r["kind"], r["verdict"]) for r in rows)
    print("\nkind x verdict: " + ", ".join(f"{k}/{v} {n}" for (k, v), n in sorted(table.items())))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
