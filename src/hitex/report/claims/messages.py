"""The checker's words in the reader's language: verdicts, subjects and reasons.

Every sentence lives in one catalog, ``data/messages.yaml``: per key an English and a Russian
template with the same placeholders. :mod:`~hitex.report.claims.verify` composes its reasons
in English; :func:`reason` reads a reason back by the English templates (each placeholder a
figure, a year, a subject, a country or a nested reason) and writes it with the Russian ones:
country names declined by :mod:`hitex.report.grammar`, figures by :mod:`hitex.wording`. A part
of a reason no template reads stays in English.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml

from hitex import wording
from hitex.reference import countries, russian
from hitex.report import grammar
from hitex.report.claims.model import Subject

__all__ = ["LANGS", "catalog", "describe", "language", "reason", "show", "verdict", "word"]

LANGS = ("en", "ru")
CATALOG = Path(__file__).parent / "data" / "messages.yaml"


@functools.cache
def catalog() -> dict[str, Any]:
    """The catalog: ``words`` (key -> en, ru) and ``reasons`` (key -> en, ru templates)."""
    loaded: dict[str, Any] = yaml.safe_load(CATALOG.read_text(encoding="utf-8"))
    return loaded


def word(key: str, lang: str, **fields: object) -> str:
    """A catalog entry of ``words`` in ``lang`` with its fields filled in.

    Examples
    --------
    >>> word("verdict.contradicted", "ru")
    'опровергнуто'
    """
    entry = catalog()["words"][key]
    return str(entry.get(lang) or entry["en"]).format(**fields)


def verdict(code: str, lang: str) -> str:
    """A verdict code (``supported`` ...) as a reader of ``lang`` says it."""
    return word(f"verdict.{code}", lang) if f"verdict.{code}" in catalog()["words"] else code


def language(text: str) -> str:
    """``ru`` when most sentences of ``text`` are written in Cyrillic, else ``en``.

    The checker reads each sentence so (:attr:`~hitex.report.claims.parse.Sentence.lang`).

    Examples
    --------
    >>> language("Экспорт вырос на 5%. Imports fell. Импорт упал."), language("Up 5%.")
    ('ru', 'en')
    """
    from hitex.report.claims.parse import sentences  # noqa: PLC0415 - parse imports this module

    langs = [s.lang for s in sentences(text)]
    return "ru" if langs.count("ru") > langs.count("en") else "en"


# -- figures -----------------------------------------------------------------------------------
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_USD = r"-?US\$[\d,]+(?:\.\d+)?(?: (?:thousand|million|billion|trillion))?"
_PCT = r"-?[\d,]*\.?\d+%"
_X = r"x\d[\d.e+]*"
_FIGURE = rf"(?:{_USD}|{_PCT}|{_X}|-?\d+)"


def show(x: float, unit: str, digits: int = 2, *, lang: str = "en") -> str:
    """A computed figure in its unit, as :func:`hitex.report.claims.verify.show` in ``lang``.

    Examples
    --------
    >>> show(2_043_000_000, "usd", lang="ru"), show(63.049, "pct", lang="ru")
    ('2,04 млрд долл. США', '63,05%')
    >>> show(2.976, "x", lang="ru"), show(4.0, "rank", lang="ru"), show(1234.5, "pct")
    ('×2,98', '4', '1234.50%')
    """
    if unit == "usd":
        if lang == "ru":
            return word("usd", lang, amount=wording.money(x, digits=digits, lang=lang))
        return wording.money(x, digits=digits).replace("$", "US$")
    if unit == "pct":
        # No thousands separator: a growth of 1234.5% reads "1234.50%" (as the checker wrote it).
        return f"{wording.in_lang(f'{x:.{digits}f}', lang)}%"
    if unit == "x":
        shown = f"{x:.3g}" if x >= 100 and digits == 2 else f"{x:.{digits}f}"
        return f"×{wording.in_lang(shown, lang)}" if lang == "ru" else f"x{shown}"
    return f"{x:.0f}"


def _figure(text: str, lang: str) -> str | None:
    """An English figure of :func:`show` (``US$1.2 billion``, ``4.50%``, ``x2.98``) in ``lang``."""
    m = re.fullmatch(r"(-?)US\$([\d,]+(?:\.(\d+))?)(?: (\w+))?", text)
    if m:
        value = float(m[2].replace(",", "")) * _SCALES.get(m[4] or "", 1.0)
        return show(-value if m[1] else value, "usd", max(2, len(m[3] or "")), lang=lang)
    m = re.fullmatch(r"(-?[\d,]*(?:\.(\d+))?)%", text)
    if m:
        return show(float(m[1].replace(",", "")), "pct", len(m[2] or ""), lang=lang)
    m = re.fullmatch(r"x(\d[\d.e+]*)", text)
    if m:
        return f"×{wording.in_lang(m[1], lang)}" if lang == "ru" else text
    return text if re.fullmatch(r"-?\d+", text) else None


# -- subjects ----------------------------------------------------------------------------------
@functools.cache
def _codes() -> dict[str, str]:
    """English display name -> code, for the names a reason gives."""
    frame = countries.names_frame()
    return dict(zip(frame["name_en"], frame["code"], strict=True))


def _country(code: str, lang: str, case: str = "nomn") -> str:
    said = countries.name(code, lang=lang)
    return grammar.decline(said, case) if lang == "ru" and case != "nomn" else said


def _group(name: str, lang: str, case: str = "nomn") -> str:
    said = russian.partner_group_name(name, lang)
    return grammar.decline(said, case) if lang == "ru" and case != "nomn" else said


def _name(english: str, lang: str) -> str | None:
    """A country's, subdivision's or partner group's English name in ``lang``."""
    code = _codes().get(english)
    if code is not None:
        return _country(code, lang)
    return russian.partner_group_name(english, lang) if russian.partner_group(english) else None


def _goods(english: str, lang: str) -> str:
    """Product names as the lexicon names them (``gas turbines and HS 8411``) in ``lang``.

    Several names are joined by "and", which some names hold themselves ("paper and
    paperboard"): the longest run of parts that is one name is taken first.
    """
    if lang == "en":
        return english
    goods: Mapping[str, str] = catalog()["goods"]
    parts, out, i = english.split(" and "), [], 0
    while i < len(parts):
        j = next((j for j in range(len(parts), i, -1) if " and ".join(parts[i:j]) in goods), i + 1)
        name = " and ".join(parts[i:j])
        code = re.fullmatch(r"HS (\d+)", name)
        out.append(word("hs", lang, code=code[1]) if code else goods.get(name, name))
        i = j
    return word("and", lang).join(out)


def _preposition(prep: str, declined: str) -> str:
    """``в Китай``, ``во Францию``, ``с Аргентиной``, ``со Швецией``: the vowel before clusters."""
    first, second = declined[:1].lower(), declined[1:2].lower()
    clusters = {"в": "вф", "с": "сзшж"}.get(prep, "")
    if first and first in clusters and second and second not in "аеёиоуыэюя":
        prep += "о"
    return f"{prep} {declined}"


def describe(s: Subject, lang: str = "en") -> str:
    """A subject in words: ``Moscow's exports to India (gas turbines)``, in ``lang``.

    Examples
    --------
    >>> describe(Subject("RU-MOW", "export", ("IND",), None, ("gas turbines",)))
    "Moscow's exports to India (gas turbines)"
    >>> describe(Subject("CHL", "import", ("ARG",), None, ("fuels",)), "ru")
    'импорт Чили из Аргентины (топливо)'
    """
    flows = catalog()["flows"]
    entry = flows.get(s.flow) or flows["*"]
    case = entry.get("case", "nomn") if lang == "ru" else "nomn"
    to = ", ".join(_country(p, lang, case) for p in s.partners) or (
        _group(s.partner_group, lang, case) if s.partner_group else ""
    )
    prep = entry["to"][lang]
    where = (" " + (_preposition(prep, to) if lang == "ru" else f"{prep} {to}")) if to else ""
    what = f" ({_goods(word('and', 'en').join(s.products), lang)})" if s.products else ""
    who = _country(s.reporter, lang, "gent")
    said = str(entry[lang]).format(who=who, flow=s.flow, where=where, what=what)
    return said + _firm(s.firm_group, lang)


def _firm(group: str | None, lang: str) -> str:
    """`` (enterprises of group 'x')`` for a subject narrowed to an enterprise group."""
    if not group:
        return ""
    from hitex.report import firm_groups  # noqa: PLC0415

    called = firm_groups.label(group, lang)
    if called:
        return word("firm.called", lang, called=called, group=group)
    return word("firm", lang, group=group)


_SUBJECT = re.compile(
    r"(?P<who>.+?)'s (?P<flow>trade balance|trade turnover \(exports \+ imports\)|[\w-]+?s)"
    r"(?: (?:to|from|with) (?P<to>[^()]+?))?(?: \((?P<what>[^()]+)\))?"
    r"(?: \((?:enterprises of group '(?P<firm>[^']*)'|[^()]*, group '(?P<called>[^']*)')\))?"
)
_FLOWS = {"trade balance": "balance", "trade turnover (exports + imports)": "turnover"}


def _subject(english: str, lang: str) -> str | None:
    """An English subject of :func:`describe` in ``lang``, or None if it does not read as one."""
    m = _SUBJECT.fullmatch(english)
    if m is None or m["who"] not in _codes():
        return None
    partners: tuple[str, ...] = ()
    group = None
    if m["to"]:
        names = m["to"].split(", ")
        if all(n in _codes() for n in names):
            partners = tuple(_codes()[n] for n in names)
        else:
            group = m["to"]
    flow = _FLOWS.get(m["flow"], m["flow"].removesuffix("s"))
    products = (m["what"],) if m["what"] else ()
    s = Subject(_codes()[m["who"]], flow, partners, group, products, m["firm"] or m["called"])
    return describe(s, lang) if describe(s, "en") == english else None


# -- reasons -----------------------------------------------------------------------------------
class _Said(str):
    """A Russian phrase a template may ask for in a case: ``{subject:gent}``."""

    __slots__ = ()

    def __format__(self, spec: str) -> str:
        return grammar.decline(str(self), spec) if spec else str(self)


def _when(english: str, lang: str) -> str:
    m = re.fullmatch(r"months (\d+)-(\d+) of (\d{4})", english)
    if m:
        return word("when.months", lang, lo=m[1], hi=m[2], year=m[3])
    return word("when.year", lang, year=english)


def _allowed(english: str, lang: str) -> str | None:
    """What a quantity allows (:func:`hitex.report.claims.verify.allowed`) in ``lang``."""
    m = re.fullmatch(rf"(more than|at least|less than|at most) ({_FIGURE})", english)
    if m:
        figure = _figure(m[2], lang)
        return None if figure is None else word(f"bound.{m[1]}", lang, figure=figure)
    m = re.fullmatch(rf"({_FIGURE}) to ({_FIGURE})", english)
    if m:
        lo, hi = _figure(m[1], lang), _figure(m[2], lang)
        return None if lo is None or hi is None else word("range", lang, lo=lo, hi=hi)
    return _figure(english, lang)


def _years(english: str, lang: str) -> str:
    """``2023`` or ``2015-2022``, ``2021, 2023`` as a reader of ``lang`` writes years."""
    one = re.fullmatch(r"\d{4}", english) is not None
    return word("when.year" if one else "when.years", lang, year=english,
                years=english.replace("-", "–") if lang == "ru" else english)  # fmt: skip


def _flow(english: str, lang: str) -> str | None:
    """``exports``, ``import`` as ``lang`` says the flow; None for a word that is no flow."""
    key = f"flow.{english.removesuffix('s')}"
    return word(key, lang) if key in catalog()["words"] else None


def _words(prefix: str) -> Callable[[str, str], str]:
    """A placeholder said by the catalog's word ``prefix.<english>``."""
    return lambda english, lang: word(f"{prefix}.{english}", lang)


def _keep(english: str, lang: str) -> str:
    return english


def _quote(name: str, lang: str) -> str:
    """A lexicon name as the reasons quote it: ``'fuels'``, ``«топливо»``."""
    return word("quoted", lang, name=_goods(name, lang))


_SPAN = r'"[^"]*"'
_CODE = r"[A-Z]{3}|[A-Z]{2}-[A-Z0-9]{1,3}"


def _spans(english: str, lang: str) -> str:
    """The article's words a reason quotes (``"a", "b"``, ``"a" + "b"``) as ``lang`` quotes them."""
    return re.sub(_SPAN, lambda m: word("span", lang, text=m[0][1:-1]), english)


def _ahead(english: str, lang: str) -> str:
    """Partners and their words (``CHN "x", JPN "y"``): each partner by its name in ``lang``."""
    said = re.sub(rf"\b({_CODE}) (?={_SPAN})", lambda m: f"{countries.name(m[1], lang=lang)} ",
                  english)  # fmt: skip
    return _spans(said, lang)


def _all(
    parts: list[str], say: Callable[[str, str], str | None], lang: str, sep: str
) -> str | None:
    said = [say(p, lang) for p in parts]
    return None if any(p is None for p in said) else sep.join(str(p) for p in said)


#: Placeholder types: what each matches in an English reason and how it is said in ``lang``.
_TYPES: dict[str, tuple[str, Callable[[str, str], str | None]]] = {
    "subject": (r".+?", _subject),
    "when": (r"(?:months \d{1,2}-\d{1,2} of )?\d{4}", _when),
    "figure": (_FIGURE, _figure),
    "allowed": (rf"(?:(?:more|less) than |at (?:least|most) )?{_FIGURE}(?: to {_FIGURE})?",
                _allowed),
    "year": (r"\d{4}", _keep),
    "years": (r"\d{4}(?:(?:, |-)\d{4})*", _years),
    "code": (_CODE, lambda s, lang: countries.name(s, lang=lang)),
    "n": (r"\d+", _keep),
    "words": (r".+?", _keep),
    "name": (r".+?", _name),
    "goods": (r".+?", _goods),
    "flow": (r"[a-z-]+", _flow),
    "side": (r"deficit|surplus", _words("side")),
    "how": (r"read|carried|paragraph|default|back", _words("how")),
    "names": (r".+?", lambda s, lang: _all(s.split(", "), _name, lang, ", ")),
    "quoted": (r"'[^']+'(?:, '[^']+')*",
               lambda s, lang: _all(re.findall(r"'([^']+)'", s), _quote, lang, ", ")),
    "codes": (r"HS \d+(?:, HS \d+)*",
              lambda s, lang: _all(s.split(", "), _goods, lang, ", ")),
    "hs": (r"\d{2,6}", _keep),
    "flows": (r"[a-z-]+(?:, [a-z-]+)*", lambda s, lang: _all(s.split(", "), _flow, lang, ", ")),
    "num": (r"\d+(?:\.\d+)?", wording.in_lang),
    "level": (r"chapters|headings|products", _words("level")),
    "what": (r"deficit|balance|value", _words("what")),
    "metric": (r"lowest|highest", _words("metric")),
    "cmp": (r"lower|higher", _words("cmp")),
    "amount": (r"-?[\d,]+(?:\.\d+)?", wording.in_lang),
    "verdict": (r"supported|contradicted|unverifiable|inconsistent", verdict),
    "spans": (rf"{_SPAN}(?:(?:, | \+ ){_SPAN})*", _spans),
    "ahead": (rf"(?:{_CODE}) {_SPAN}(?:, (?:{_CODE}) {_SPAN})*", _ahead),
    "text": (r".+?", lambda s, lang: _clauses(s, lang)),  # noqa: PLW0108 - defined below
}  # fmt: skip


def fields(template: str) -> list[str]:
    """The placeholders of a template, without their case (``{subject:gent}`` -> ``subject``).

    Examples
    --------
    >>> fields("{subject:gent} в {when}: {figure}; {figure2}")
    ['subject', 'when', 'figure', 'figure2']
    """
    return [m[1] for m in re.finditer(r"\{(\w+)(?::\w+)?\}", template)]


@functools.cache
def _compiled() -> list[tuple[re.Pattern[str], dict[str, str]]]:
    """Each reason template: the regex of its English words, and the entry."""
    out = []
    for entry in catalog()["reasons"].values():
        pattern, at = "", 0
        for m in re.finditer(r"\{(\w+?)(\d*)\}", entry["en"]):
            pattern += re.escape(entry["en"][at : m.start()])
            pattern += f"(?P<{m[1]}{m[2]}>{_TYPES[m[1]][0]})"
            at = m.end()
        pattern += re.escape(entry["en"][at:])
        out.append((re.compile(pattern), entry))
    return out


#: The engine's refusal of partners the loads do not cover (:meth:`hitex.session.Session.
#: uncovered`), as a reason quotes it.
_UNCOVERED = re.compile(
    r"cannot be computed: The loaded data do not cover partners? (?P<asked>.+?): (?P<who>.+?)'s "
    r"(?P<what>exports and imports|[\w-]+s) in (?P<span>\d{4}(?: and \d{4})*) are loaded for "
    r"(?:one partner, (?P<one>.+?)|(?P<n>\d+) partners: (?P<many>.+?)(?: and (?P<more>\d+) more)?)"
    r" only, so no figure of (?:it|them) can be stated \(it is unknown, not zero\)\.?"
)
_WHAT_RU = {"exports": "экспорт", "imports": "импорт", "re-exports": "реэкспорт",
            "re-imports": "реимпорт", "exports and imports": "экспорт и импорт"}  # fmt: skip


def _uncovered(english: str, lang: str) -> str | None:
    """The engine's refusal of uncovered partners in ``lang``, or None if it is not one.

    >>> _uncovered("cannot be computed: The loaded data do not cover partner Peru: Chile's "
    ...            "exports in 2004 are loaded for one partner, Argentina only, so no figure of "
    ...            "it can be stated (it is unknown, not zero).", "ru")
    'не вычисляется: загруженные данные не охватывают партнёра Перу; экспорт Чили за 2004 г. \
загружен только по одному партнёру (Аргентина), поэтому его показатель указать нельзя: он \
неизвестен, а не равен нулю'
    """
    m = _UNCOVERED.fullmatch(english)
    codes = _codes()
    if m is None or m["who"] not in codes or m["what"] not in _WHAT_RU:
        return None
    asked = m["asked"].split(" and ")
    held = (m["one"] or m["many"]).split(", ")
    if not all(n in codes for n in [*asked, *held]):
        return None
    names = [countries.name(codes[n], lang=lang) for n in asked]
    shown = ", ".join(countries.name(codes[n], lang=lang) for n in held)
    more = f" и ещё {m['more']}" if m["more"] else ""
    many = len(asked) > 1
    span = m["span"].replace(" and ", " и ")
    years = "гг." if " и " in span else "г."
    loaded = "загружены" if m["what"] == "exports and imports" else "загружен"
    where = (f"одному партнёру ({shown})" if m["one"]
             else f"{m['n']} партнёрам ({shown}{more})")  # fmt: skip
    return (
        f"не вычисляется: загруженные данные не охватывают партнёр{'ов' if many else 'а'} "
        f"{' и '.join(names)}; {_WHAT_RU[m['what']]} {_country(codes[m['who']], lang, 'gent')} "
        f"за {span} {years} {loaded} только по {where}, поэтому "
        f"{'их показатели' if many else 'его показатель'} указать нельзя: "
        f"{'они неизвестны, а не равны нулю' if many else 'он неизвестен, а не равен нулю'}"
    )


def _clause(english: str, lang: str) -> str | None:
    """One clause of a reason in ``lang``, or None if no template reads it."""
    if lang == "ru" and english.startswith("cannot be computed: The loaded data"):
        return _uncovered(english, lang)
    for pattern, entry in _compiled():
        m = pattern.fullmatch(english)
        if m is None:
            continue
        said = {k: _TYPES[k.rstrip("0123456789")][1](v, lang) for k, v in m.groupdict().items()}
        if all(v is not None for v in said.values()):
            return entry[lang].format(**{k: _Said(v) for k, v in said.items()})
    return None


def clauses(english: str) -> list[str]:
    """A reason's clauses: split at each ``; `` outside brackets (where brackets pair up).

    Examples
    --------
    >>> clauses("a (b; c); d")
    ['a (b; c)', 'd']
    """
    parts, depth, at = [], 0, 0
    for i, char in enumerate(english):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and english.startswith("; ", i):
            parts.append(english[at:i])
            at = i + 2
    parts.append(english[at:])
    return parts if depth == 0 else english.split("; ")


def _clauses(english: str, lang: str) -> str | None:
    """A part of a reason in ``lang`` when every clause of it is in the catalog, else None."""
    said = [_clause(part, lang) for part in clauses(english)]
    return None if any(s is None for s in said) else "; ".join(str(s) for s in said)


def reason(english: str, lang: str) -> str:
    """A reason of the checker in ``lang``: each clause by the catalog, else as it is.

    Examples
    --------
    >>> reason("Chile's exports to Argentina (fuels) in 2004: US$917.23 million", "ru")
    'экспорт Чили в Аргентину (топливо) в 2004 г.: 917,23 млн долл. США'
    """
    if lang == "en":
        return english
    return "; ".join(_clause(part, lang) or part for part in clauses(english))
