"""Claims about enterprises: counts of exporters, a group's figures, growth taken apart.

Where the reporter's records carry the declarant (``firm``), a text's words about enterprises
are read after :mod:`~hitex.report.claims.resolve`:

- the enterprise group a figure is of: "exports of the city's high-tech enterprises grew 30%",
  "экспорт высокотехнологичных предприятий вырос на 30%" (the words of
  ``report/data/firm_groups.yaml``, a user lexicon's ``firm_groups:``, or a registry's group
  name before an enterprise noun). The figure is then the group's; a group no registry loaded
  leaves the claim unverifiable, saying so;
- counts of enterprises: "144 companies exported to India", "144 компании экспортировали в
  Индию" (``firms``), "12 new exporters" (``new_firms``), "5 companies stopped exporting"
  (``exits``); without enterprise records they are unverifiable;
- the growth of a group taken apart: "new exporters brought $4 million" (``new_firms_value``),
  "those that stopped exporting took away $8 million" (``exits_value``), "continuing
  exporters added $15 million" (``continuing_change``).

A figure disclosure control suppresses is unverifiable, with the rule that applied; counts of
enterprises are never suppressed. The claim records the group in ``subject.firm_group`` and
what it counts in ``metric`` (one of :data:`MEASURES`).
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import pandas as pd

from hitex.reference import countries
from hitex.report import firm_groups, wording
from hitex.report.claims.model import Claim, Quantity, Result
from hitex.report.claims.parse import QUALIFIER, Found, negate, quantity

__all__ = ["MEASURES", "check", "describe", "read"]

#: What a claim about enterprises counts or sums -> the table column that holds it.
MEASURES: Mapping[str, str] = {
    "firms": "firms",
    "new_firms": "new_firms",
    "exits": "exits",
    "new_firms_value": "new_firms_usd",
    "exits_value": "exits_usd",
    "continuing_change": "continuing_change_usd",
}
_COUNTS = ("firms", "new_firms", "exits")
_WORDS = {
    "firms": "enterprises with records",
    "new_firms": "new exporters (none in the base year)",
    "exits": "enterprises gone (records in the base year, none now)",
    "new_firms_value": "the value of new exporters",
    "exits_value": "the base-year value of enterprises gone",
    "continuing_change": "the change of continuing exporters",
}

_I = re.IGNORECASE
_NOUN = firm_groups.NOUN
#: "144 companies", "144 high-tech companies", "144 компании", "12 новых экспортёров".
_COUNTED = re.compile(r"\s*(?:[^\W\d]+[\s-]+){0,2}?" + _NOUN, _I)
#: "the number of exporters reached 144", "число экспортёров — 144".
_WORDS_BEFORE = r"(?:[^\W\d]+[\s-]+){0,2}?"
_NUMBER_OF = re.compile(r"(?:number|count) of " + _WORDS_BEFORE + _NOUN
                        + r"|(?:числ|количеств)\w* " + _WORDS_BEFORE + _NOUN, _I)  # fmt: skip
_NEW = re.compile(r"\bnew\b|\bнов\w+|\bnewcomers?\b|\bновичк\w*|\bstart\w* (?:to )?export\w*|"
                  r"\bbegan (?:to )?export\w*|\bначал\w* экспорт\w*|\bвпервые\b|"
                  r"\bfirst[- ]time\b", _I)  # fmt: skip
_GONE = re.compile(r"\bstopped export\w*|\bceased export\w*|\bexits?\b|\bexited\b|\bgone\b|"
                   r"\bno longer export\w*|\bпрекрат\w* экспорт\w*|\bвыбыв\w*|\bвыбывш\w*|"
                   r"\bушедш\w*|\bушл\w*", _I)  # fmt: skip
_NEAR = r"[\s-]+(?:[^\W\d]+[\s-]+)?"
_PART_NEW = re.compile(r"\b(?:new|нов\w+)" + _NEAR + _NOUN + r"|\bnewcomers?\b|\bновичк\w*|"
                       r"\b(?:started|began) export\w*|\bначавш\w* экспорт\w*", _I)  # fmt: skip
_PART_GONE = re.compile(r"\b(?:stopped|ceased) export\w*|\bno longer export\w*|\bexits\b|"
                        r"\bexited\b|\bgone\b|\bпрекрат\w* экспорт\w*|\bвыбывш\w*|"
                        r"\bушедш\w*", _I)  # fmt: skip
_PART_GOING_ON = re.compile(r"\b(?:continuing|existing|продолжающ\w*|продолживш\w*)" + _NEAR
                            + _NOUN + r"|\bcontinued to export\w*|\bпродолжа\w* экспорт\w*",
                            _I)  # fmt: skip
#: "the 10 largest companies", "топ-10 экспортёров": a list, not a count.
_TOP = re.compile(r"largest|biggest|leading|\btop\b|крупнейш|ведущ|топ", _I)
_TOP_FIRMS = re.compile(r"\b(?:largest|biggest|leading|top|крупнейш\w*|ведущ\w*)"
                        r"(?:[\s-]+[^\s.,;]+){0,2}?[\s-]+" + _NOUN, _I)  # fmt: skip
_LOST = re.compile(r"\b(?:lost|shed|cut|потеряли|сократили|минус)\b", _I)
_QUALIFIED = re.compile(f"(?:{QUALIFIER})$", _I)


def _groups(session: Any) -> list[str]:
    """The groups the warehouse's registries give (none without a registry)."""
    try:
        m = session.tables()["firm_members"]
        return sorted(m.select("group_name").distinct().to_pandas()["group_name"])
    except (KeyError, AttributeError):
        return []


def _finder(
    entries: Sequence[firm_groups.FirmGroup],
) -> tuple[re.Pattern[str] | None, list[str]]:
    """One expression for every group's words (longest first), and the group of each."""
    pairs = sorted(((g.group, firm_groups.pattern(w)) for g in entries for w in g.words),
                   key=lambda kv: -len(kv[1]))  # fmt: skip
    if not pairs:
        return None, []
    body = "|".join(f"(?P<g{i}>{p})" for i, (_, p) in enumerate(pairs))
    return re.compile(f"(?<![\\w-])(?:{body})", _I), [k for k, _ in pairs]


def _mentions(
    finder: tuple[re.Pattern[str] | None, list[str]], text: str
) -> list[tuple[int, int, str]]:
    rx, keys = finder
    if rx is None:
        return []
    out = []
    for m in rx.finditer(text):
        i = int(next(k for k, v in m.groupdict().items() if v is not None)[1:])
        out.append((m.start(), m.end(), keys[i]))
    return out


def read(
    found: Sequence[Found],
    claims: Sequence[Claim],
    session: Any,
    *,
    lexicon_path: str | os.PathLike[str] | None = None,
) -> list[Claim]:
    """``claims`` (resolved, in the order of ``found``) with their enterprise words read."""
    if not claims:
        return list(claims)
    reporter = claims[0].subject.reporter
    carries = bool(reporter) and session.firm_records(reporter)
    loaded = _groups(session) if carries else []
    more = firm_groups.read(lexicon_path, required=False) if lexicon_path else []
    entries = firm_groups.named(loaded, more)
    rx = _finder(entries)
    known = {g.lower(): g for g in loaded}
    labels = {g.group.lower(): g for g in entries}
    out: list[Claim] = []
    named: list[str | None] = []  # the group each claim's words name (loaded or not)
    measures = [_measure(c, f.sentence.text, f.segment[0], _at(f, c))
                for f, c in zip(found, claims, strict=True)]  # fmt: skip
    # A sentence that takes growth apart ("of the $10 million increase, new exporters brought
    # $4 million") is of the group the text named last, when it names none itself.
    parts = {f.sentence.start for f, m in zip(found, measures, strict=True)
             if m is not None and m not in _COUNTS}  # fmt: skip
    last: str | None = None
    for f, c, measure in zip(found, claims, measures, strict=True):
        s = f.sentence
        at = _at(f, c)
        same = bool(out) and out[-1].sentence == c.sentence
        mentions = _mentions(rx, s.text)
        group = _group(mentions, f, at, named[-1] if same else None, same)
        if group is None and s.start in parts and not same:
            group = last
        last = mentions[-1][2] if mentions else group or last
        named.append(group)
        if not carries:
            # Without enterprise records the words are read as before; counts cannot be had.
            out.append(c if measure is None else c.with_(understood=False, note=(
                f"unverifiable: the warehouse holds no enterprise records of {reporter} (a "
                "firm column in the flows loaded)")))  # fmt: skip
            continue
        if (group is not None or measure is not None) and _unknown_is_ours(c, s.text, mentions):
            c = c.with_(understood=True, note="")  # noqa: PLW2901 - the words were ours
        read_as = _as_measure(c, measure, s.text, at) if measure is not None else c
        if measure is None and c.understood and _TOP_FIRMS.search(s.text[f.segment[0] : at[0]]):
            read_as = c.with_(understood=False, note=(
                "unverifiable: a figure of the largest enterprises; hitex states no figure of "
                "single enterprises (hitex table --by firm --no-suppress, for the data "
                "owner)"))  # fmt: skip
        out.append(_in_group(read_as, group, known, labels))
    return out


def _at(f: Found, c: Claim) -> tuple[int, int]:
    return c.start - f.sentence.start, c.end - f.sentence.start


_UNKNOWN = re.compile(r"the lexicon does not know the goods '([^']+)'")


def _unknown_is_ours(c: Claim, text: str, mentions: list[tuple[int, int, str]]) -> bool:
    """Whether the goods word that left ``c`` unverifiable names enterprises, or the reporter.

    "Exports of companies supported by ...", "exports of Saint Petersburg's high-tech
    enterprises": the words are the enterprises', not goods the lexicon lacks.
    """
    m = _UNKNOWN.search(c.note) if not c.understood else None
    if m is None:
        return False
    word = m[1]
    at = text.find(word)
    if any(a <= at < b for a, b, _ in mentions) or re.fullmatch(_NOUN, word, _I):
        return True
    reporter = countries.name(c.subject.reporter) if c.subject.reporter else ""
    return word.lower() in {w.lower() for w in re.split(r"[\s\-']+", reporter)}


def _in_group(
    c: Claim, group: str | None, known: Mapping[str, str],
    labels: Mapping[str, firm_groups.FirmGroup],
) -> Claim:  # fmt: skip
    """``c`` of the enterprise ``group``; unverifiable when no registry loaded the group."""
    if group is None:
        return c
    if group.lower() in known:
        return c.with_(subject=replace(c.subject, firm_group=known[group.lower()]))
    entry = labels.get(group.lower())
    called = f" ({entry.en})" if entry is not None and entry.en else ""
    listed = ", ".join(known.values()) or "none"
    return c.with_(understood=False, note=(
        f"unverifiable: the text is about the enterprise group '{group}'{called}, which no "
        f"registry loaded (groups loaded: {listed}; hitex firms add REGISTRY)"))  # fmt: skip


def _group(
    mentions: list[tuple[int, int, str]], f: Found, at: tuple[int, int], before: str | None,
    same: bool,
) -> str | None:  # fmt: skip
    """The group named in the claim's stretch, else the sentence's earlier claim's.

    The first claim of a sentence takes the first group the sentence names anywhere.
    """
    mine = [g for a, _, g in mentions if f.segment[0] <= a < at[0]]
    if mine:
        return mine[-1]
    if same:
        return before
    return mentions[0][2] if mentions else None


def _measure(  # noqa: PLR0911 - one return per measure
    c: Claim, text: str, lo: int, at: tuple[int, int]
) -> str | None:
    """What an enterprise claim counts or sums, from its words (None: not about enterprises)."""
    before, after = text[lo : at[0]], text[at[1] :]
    unit = c.quantity.unit if c.quantity is not None else None
    if unit not in ("usd", "pct") and re.fullmatch(r"[\d\s\u00a0,.]+", c.span.strip()):
        counted = _COUNTED.match(after)
        if counted and _TOP.search(counted.group() + " " + before[-12:]):
            return None  # "the 10 largest companies": a top list, not a count
        if counted or _NUMBER_OF.search(before):
            words = (counted.group() if counted else before) + " " + after[:60]
            if _GONE.search(words):
                return "exits"
            if _NEW.search(counted.group() if counted else before) or re.match(
                r"\s*(?:[^\W\d]+[\s-]+){0,3}?(?:started|began|начал|впервые)", after[
                    len(counted.group()) if counted else 0 :], _I):  # fmt: skip
                return "new_firms"
            return "firms"
        return None
    if unit != "usd":
        return None
    # The doers of growth's parts, named next to their noun: "new exporters", "новые
    # экспортёры", "those that stopped exporting", "continuing exporters".
    if _PART_GOING_ON.search(before):
        return "continuing_change"
    if _PART_GONE.search(before):
        return "exits_value"
    if _PART_NEW.search(before):
        return "new_firms_value"
    return None


def _as_measure(c: Claim, measure: str, text: str, at: tuple[int, int]) -> Claim:
    """``c`` as a claim of ``measure``: a count is a whole number, a value of the base too."""
    q = c.quantity
    per = c.period
    if measure != "firms" and per.compare is None:
        per = replace(per, compare=per.year - 1)
    if measure in _COUNTS:
        number = re.sub(r"[\s\u00a0,]", "", re.sub(r"[.,]\d{1,2}$", "", c.span))
        digits = re.search(r"\d+", number)
        if digits is None:
            return c.with_(understood=False, note="not understood: a count of enterprises")
        said = _QUALIFIED.search(text[: at[0]].rstrip() + " ")
        q = quantity(float(digits.group()), "count", 1.0, said["q"] if said else "")
        return c.with_(kind="count", metric=measure, quantity=q, period=per, understood=True,
                       note="")  # fmt: skip
    assert q is not None
    if measure == "continuing_change" and q.value > 0 and _LOST.search(text[: at[0]][-40:]):
        q = negate(q)  # "continuing exporters lost $250,000"
    return c.with_(kind="amount", metric=measure, period=per, quantity=q)


# -- the check ---------------------------------------------------------------------------------
def check(c: Claim, s: Any, selection: Mapping[str, Any], small: float) -> Result:
    """The figure and verdict of an enterprise claim (``c.metric`` in :data:`MEASURES`)."""
    assert c.quantity is not None
    assert c.metric is not None
    column = MEASURES[c.metric]
    options = dict(selection)
    indicator = "firms" if c.metric == "firms" else "firm_growth"
    compare = None if c.metric == "firms" else c.period.compare
    t = s.table(year=c.period.year, compare=compare, indicators=[indicator],
                months=c.period.months, small_base_usd=small, **options)  # fmt: skip
    where = f"{_subject_words(c)} in {_when(c)}"
    if t.empty:
        return Result(c, None, "unverifiable", f"no data: {where} is not in the warehouse")
    row = t.iloc[0]
    figure = row[column]
    if figure is None or (isinstance(figure, float) and math.isnan(figure)) or figure is pd.NA:
        rule = row.get("suppression") if "suppression" in t.columns else None
        return Result(c, None, "unverifiable", f"suppressed ({rule or 'disclosure control'}): "
                      f"{_WORDS[c.metric]}, {where}, may not be stated (disclosure "
                      "control)")  # fmt: skip
    value = float(figure)
    shown = f"{int(value)}" if c.metric in _COUNTS else wording.money(value).replace("$", "US$")
    against = f" against {c.period.compare}" if compare is not None else ""
    text = f"{_WORDS[c.metric]}, {where}{against}: {shown}"
    if c.quantity.allows(value):
        return Result(c, value, "supported", text)
    allows = _allowed(c.quantity)
    return Result(c, value, "contradicted", f"{text}; the text's words allow {allows}")


def _allowed(q: Quantity) -> str:
    if math.isinf(q.hi):
        return ("more than " if q.lo_open else "at least ") + _show(q.lo, q.unit)
    if math.isinf(q.lo):
        return ("fewer than " if q.hi_open else "at most ") + _show(q.hi, q.unit)
    return _show(q.value, q.unit) if q.unit == "count" else f"{_show(q.lo, q.unit)} to " \
        f"{_show(q.hi, q.unit)}"  # fmt: skip


def _show(x: float, unit: str) -> str:
    return f"{x:g}" if unit == "count" else wording.money(x).replace("$", "US$")


def _when(c: Claim) -> str:
    if c.period.months is None:
        return str(c.period.year)
    return f"months {c.period.months[0]}-{c.period.months[1]} of {c.period.year}"


def _subject_words(c: Claim) -> str:
    from hitex.report.claims.verify import describe as subject  # noqa: PLC0415 - verify uses us

    return subject(c.subject)


def describe(firm_group: str | None) -> str:
    """`` (enterprises of group 'high-tech')`` for a subject narrowed to a group, else ``""``."""
    if not firm_group:
        return ""
    called = firm_groups.label(firm_group, "en")
    return f" ({called}, group '{firm_group}')" if called else \
        f" (enterprises of group '{firm_group}')"  # fmt: skip
