"""The checked text as HTML: each claim marked with its verdict, the figures in a table after.

Self-contained (inline CSS, no scripts): a ``<section>`` that :func:`to_html` wraps in a page,
or that :func:`attach` adds to a report's HTML.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from hitex.report.claims.messages import show, verdict, word
from hitex.report.claims.model import VERDICTS, Result

__all__ = ["CSS", "attach", "section", "to_html"]

#: Colours of the verdicts (and the page's few rules).
CSS = """
section.check p { line-height: 1.6; }
mark { padding: 0 2px; border-radius: 3px; }
mark.supported { background: #c6f6d5; } mark.contradicted { background: #fed7d7; }
mark.inconsistent { background: #feebc8; } mark.unverifiable { background: #e2e8f0; }
mark sup { font-size: .65rem; color: #4a5568; margin-left: 1px; }
table.claims { border-collapse: collapse; font-size: .8rem; margin-top: 1rem; }
table.claims td, table.claims th { border-bottom: 1px solid #e2e8f0; padding: 2px 6px;
  text-align: left; vertical-align: top; }
"""


def section(
    text: str, results: Sequence[Result], *, title: str = "Claims checked", lang: str = "en"
) -> str:
    """The text with its claims marked, and the table of claims, as one HTML section.

    Verdicts and headings are in ``lang``; the reasons as the results give them.

    Examples
    --------
    >>> from hitex.report.claims.model import Claim, Quantity
    >>> c = Claim("growth", "63%", "Up 63%.", 3, 6, Quantity(63, "pct", 62.5, 63.5))
    >>> '<mark class="supported"' in section("Up 63%.", [Result(c, 63.05, "supported", "ok")])
    True
    """
    e = html.escape
    ordered = sorted(enumerate(results, 1), key=lambda ir: ir[1].claim.start)
    paragraphs: dict[int, list[str]] = {}
    cursor = 0
    pieces: list[tuple[int, str]] = []
    for n, r in ordered:
        c = r.claim
        if c.start < cursor:
            continue
        pieces.append((c.start, e(text[cursor : c.start])))
        tip = f"{verdict(r.verdict, lang)}: {r.reason}"
        pieces.append((c.start, f'<mark class="{r.verdict}" title="{e(tip)}" data-claim="{n}">'
                                f"{e(text[c.start : c.end])}<sup>{n}</sup></mark>"))  # fmt: skip
        cursor = c.end
    pieces.append((len(text), e(text[cursor:])))
    # Paragraphs: split the marked text where the source has line breaks.
    body = "".join(p for _, p in pieces)
    blocks = [b.strip() for b in body.split("\n") if b.strip()]
    paragraphs[0] = [f"<p>{b}</p>" for b in blocks]
    counts = {v: sum(r.verdict == v for r in results) for v in VERDICTS}
    summary = ", ".join(f"{n} {verdict(v, lang)}" for v, n in counts.items() if n)
    rows = "".join(
        f"<tr><td>{n}</td><td>{e(r.claim.span)}</td><td>{e(_computed(r, lang))}</td>"
        f'<td><mark class="{r.verdict}">{e(verdict(r.verdict, lang))}</mark></td>'
        f"<td>{e(r.reason)}</td></tr>"
        for n, r in enumerate(results, 1)
    )
    heads = "".join(f"<th>{e(word(f'check.{h}', lang))}</th>"
                    for h in ("claim", "computed", "verdict", "why"))  # fmt: skip
    subtitle = word("check.summary", lang, n=len(results), counts=summary)
    return (
        f'<section class="check" id="check"><h2>{e(title)}</h2>'
        f'<p class="subtitle">{e(subtitle)}</p>'
        + "".join(paragraphs[0])
        + f'<table class="claims"><tr><th>#</th>{heads}</tr>{rows}</table></section>'
    )


def _computed(r: Result, lang: str = "en") -> str:
    q = r.claim.quantity
    if r.computed is None or q is None:
        return ""
    return show(r.computed, q.unit, lang=lang)


def to_html(
    text: str, results: Sequence[Result], *, title: str = "Claims checked", lang: str = "en"
) -> str:
    """A whole HTML page of :func:`section`."""
    e = html.escape
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{e(title)}</title>'
        f"<style>body {{ font-family: sans-serif; max-width: 46rem; margin: 2rem auto; }}"
        f"{CSS}</style></head><body>{section(text, results, title=title, lang=lang)}"
        "</body></html>\n"
    )


def attach(
    report: Path, text: str, results: Sequence[Result], *, title: str, lang: str = "en"
) -> Path:
    """Add the checked text to a written report: inside an HTML report, else beside it.

    Returns the file that holds it.
    """
    if report.suffix.lower() in (".html", ".htm"):
        page = report.read_text(encoding="utf-8")
        extra = f"<style>{CSS}</style>{section(text, results, title=title, lang=lang)}"
        report.write_text(page.replace("</body>", extra + "</body>", 1), encoding="utf-8")
        return report
    out = report.with_name(f"{report.stem}-check.html")
    out.write_text(to_html(text, results, title=title, lang=lang), encoding="utf-8")
    return out
