"""The one entry point: a text and a Session in, one :class:`Result` per claim out."""

from __future__ import annotations

import codecs
import collections
import dataclasses
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from hitex.errors import HitexError, InputError
from hitex.ingest.base import judge_encoding
from hitex.reference import countries
from hitex.report.claims import (
    consistency,
    enterprises,
    frames,
    lexicon,
    mark,
    messages,
    parse,
    resolve,
    verify,
)
from hitex.report.claims.model import Claim, Result
from hitex.session import Session, _reporter

__all__ = ["attach", "check", "check_file", "frame", "read_article"]


def check(
    session: Session,
    text: str,
    *,
    reporter: str | None = None,
    year: int | None = None,
    compare: int | None = None,
    lexicon_path: str | os.PathLike[str] | None = None,
    lang: str | None = "en",
) -> list[Result]:
    """Every numeric claim of ``text``, with the figure hitex computes and a verdict.

    Parameters
    ----------
    session
        Where every figure comes from.
    text
        The article (English or Russian).
    reporter
        Whose trade the text is about; by default the reporter of the warehouse it names most.
    year
        The year the text is about; by default the year it names most that the warehouse holds.
    compare
        The base of growth rates the text does not date; by default the year before.
    lexicon_path
        A YAML file of more product and partner words (see ``data/lexicon.yaml``).
    lang
        The language of the reasons (``en``, ``ru``; see ``data/messages.yaml``); None: the
        language most of the text's sentences are written in. Verdicts stay codes.
    """
    said = messages.language(text) if lang is None else _lang(lang)
    # A text in capitals (a telegram, a wire's flash) is read in lower case, its telegraph
    # words as the stops they stand for; the reporter is named in capitals too.
    said_text, text = text, in_lower_case(text)
    lex = lexicon.load(None if lexicon_path is None else Path(lexicon_path)).defined_by(text)
    who = _reporter(reporter) if reporter else infer_reporter(session, said_text)
    when, named = (year, True) if year is not None else _year(session, who, text)
    if compare is not None and compare >= when:
        raise InputError(f"--compare {compare} must be a year before {when}.")
    if compare is None:
        compare = _base(session, who, when, text)
    # The year a New Year greeting names is not the year of the figures after it.
    text = resolve.unsay_greeted(text)
    # "Yarn: export blue and import red": the text's own words for the flows, for all of it.
    with frames.flow_words_of(text):
        found = parse.parse(text)
        claims = resolve.resolve(found, lex, resolve.Context(who, when, compare, named), text)
        claims = enterprises.read(found, claims, session, lexicon_path=lexicon_path)
        claims = _one_flow_held(claims, session, text)
        results = consistency.flag(verify.verify(claims, session, lex))
    if said_text != text:
        results = [_as_said(r, text, said_text) for r in results]
    return results if said == "en" else [speak(r, said) for r in results]


def _one_flow_held(claims: list[Claim], session: Session, text: str) -> list[Claim]:
    """Claims whose flow is a default (or the paragraph's) made certain where the data hold only it.

    "MOSCOW'S EXPORTS, 2020. [...] The United States, at $180 million, was down a fifth": the
    warehouse holds only Moscow's exports, and the headline and the claim's paragraph up to its
    sentence name exports and no other flow, so a figure that names none is of exports for
    certain. A text that names imports (or both) of an exports-only reporter there keeps the
    default.
    """
    try:
        holdings = session.engine.holdings()
    except (HitexError, AttributeError):
        return claims
    read = parse.sentences(text)
    out = []
    for c in claims:
        held = {f for f in holdings.get(c.subject.reporter, {}) if f in ("export", "import")}
        # A flow carried from the paragraph only where the claim's own words speak of trade
        # ("Turbojets ... climbed 35%"), not of a figure that names none ("The final total").
        named = bool(c.subject.products or c.subject.partners or parse.trade_words(c.sentence))
        said_how = c.how("flow")
        if (
            c.understood
            and held == {c.subject.flow}
            and (said_how == "default" or (said_how == "paragraph" and named))
        ):
            said = {
                flow
                for x in read
                if x.paragraph == 0 or (x.paragraph == c.paragraph and x.start <= c.start)
                for _, flow, _ in frames.flows(x.text)
            }
            if said == held:
                how = {**dict(c.reading), "flow": "carried"}
                c = c.with_(reading=tuple(sorted(how.items())))  # noqa: PLW2901
        out.append(c)
    return out


#: Share of a text's cased letters in upper case from which it is read as written in capitals.
CAPITALS = 0.8
#: Telegraph words for stops: «ТЧК» (a full stop), «ЗПТ» (a comma), "STOP".
_TELEGRAPH = re.compile(r"(?<=\S)(?P<gap>\s+)(?P<word>ТЧК|ЗПТ|STOP)(?!\w)")


def in_lower_case(text: str) -> str:
    """``text`` in lower case if it is written in capitals, else ``text``; of the same length.

    Its telegraph words for stops become the marks they stand for, after the word before them.

    >>> in_lower_case("ЭКСПОРТ ВЫРОС НА 38 ПРОЦЕНТОВ ТЧК ДЕФИЦИТ 1772 МЛН ЗПТ ОБОРОТ 2298 МЛН")
    'экспорт вырос на 38 процентов.    дефицит 1772 млн,    оборот 2298 млн'
    >>> in_lower_case("Exports grew 38% in 2004. NB: FIGURES IN USD.")
    'Exports grew 38% in 2004. NB: FIGURES IN USD.'
    """
    cased = [c for c in text if c.isupper() or c.islower()]
    lower = text.lower()
    if len(cased) < 20 or sum(c.isupper() for c in cased) < CAPITALS * len(cased):
        return text
    if len(lower) != len(text):  # a letter whose lower case is longer: offsets would move
        return text

    def stop(m: re.Match[str]) -> str:
        mark = "." if m["word"] != "ЗПТ" else ","
        return mark + " " * (len(m[0]) - 1)

    return _TELEGRAPH.sub(stop, text).lower()


def _as_said(r: Result, read: str, said: str) -> Result:
    """``r`` with its sentence as ``said`` where it was ``read`` with a greeting's year blanked."""
    c = r.claim
    at = read.find(c.sentence, max(0, c.start - len(c.sentence)))
    if at < 0 or read[at : at + len(c.sentence)] == said[at : at + len(c.sentence)]:
        return r
    span = said[c.start : c.end] if read[c.start : c.end] == c.span else c.span
    claim = c.with_(sentence=said[at : at + len(c.sentence)], span=span)
    return dataclasses.replace(r, claim=claim)


def speak(result: Result, lang: str) -> Result:
    """``result`` with its reason in ``lang`` (:func:`messages.reason`)."""
    return dataclasses.replace(result, reason=messages.reason(result.reason, lang))


def _lang(lang: str) -> str:
    if lang not in messages.LANGS:
        raise InputError(f"--lang {lang!r} is not one of: {', '.join(messages.LANGS)}.",
                         ru=f"--lang {lang!r}: допустимые значения — en, ru.")  # fmt: skip
    return lang


def check_file(
    session: Session,
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    **options: object,
) -> list[Result]:
    """:func:`check` on a text file, read by :func:`read_article`."""
    return check(session, read_article(path, encoding=encoding), **options)  # type: ignore[arg-type]


#: The encodings an article that is not UTF-8 is judged between: Russian texts saved by
#: Windows programs (Windows-1251) or older Unix mail (KOI8-R), and Western European ones.
ARTICLE_ENCODINGS = ("cp1251", "koi8_r", "cp1252")

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"),
         (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip


def read_article(path: str | os.PathLike[str], *, encoding: str | None = None) -> str:
    """The text of an article file, in the encoding it came in.

    UTF-8 (with or without a byte-order mark), UTF-16 or UTF-32 with one (Word's "Unicode
    text"), else Windows-1251, KOI8-R or Windows-1252 judged from the bytes; ``encoding``
    overrides the judgement. Every line end (Windows, old Mac) reads as a newline.

    Raises :class:`InputError` naming the file and, where bytes do not decode, the first one's
    offset and value.
    """
    name = Path(path).name
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(
            f"Cannot read {path}: {exc.strerror}.",
            ru=f"Не удалось прочитать {path}: {exc.strerror}.",
        ) from None
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise InputError(
                f"--encoding {encoding!r} is not an encoding Python knows (e.g. utf-8, cp1251).",
                ru=f"--encoding {encoding!r}: такой кодировки Python не знает "
                "(например, utf-8, cp1251).",
            ) from None
        chosen = encoding
    else:
        chosen = next((enc for bom, enc in _BOMS if raw.startswith(bom)), "utf-8")
    try:
        text = raw.decode(chosen)
    except UnicodeDecodeError as exc:
        if encoding is not None or chosen != "utf-8":
            raise _undecodable(name, raw, exc, chosen) from None
        if b"\0" in raw:
            raise _binary(name, raw.index(b"\0")) from None
        # A UTF-8 text with a damaged byte is still UTF-8: read as Windows-1251 it would be
        # mojibake. Its valid multi-byte characters outnumber the bytes that do not decode.
        loose = raw.decode("utf-8", errors="replace")
        damaged = loose.count("\ufffd")
        judged = (
            None
            if sum(not c.isascii() for c in loose) - damaged > damaged
            else judge_encoding(raw, ARTICLE_ENCODINGS)
        )
        if judged is None:
            raise _undecodable(name, raw, exc, chosen) from None
        text = raw.decode(judged, errors="strict")
        chosen = judged
    if "\0" in text:
        # The NUL's offset in the file: the bytes of the text before it (with a UTF-16 or
        # UTF-32 file's byte-order mark, which encoding the text again writes back).
        raise _binary(name, len(text[: text.index("\0")].encode(chosen)))
    if not text.lstrip("\ufeff").strip():
        raise InputError(
            f"{name} holds no text: there is nothing to check.",
            ru=f"{name}: в файле нет текста, проверять нечего.",
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _binary(name: str, at: int) -> InputError:
    """A file with NUL characters is no text (a PDF, a Word or a compressed file).

    ``at`` is the byte offset of the first NUL in the file.
    """
    return InputError(
        f"{name} is not a text file: byte 0x00 at offset {at}; save the article as plain text "
        "(.txt).",
        ru=f"{name}: это не текстовый файл (байт 0x00, смещение {at}); сохраните статью как "
        "простой текст (.txt).",
    )


def _undecodable(name: str, raw: bytes, exc: UnicodeDecodeError, encoding: str) -> InputError:
    """One sentence: the file, the first byte that does not decode, and what to do."""
    line = raw.count(b"\n", 0, exc.start) + 1
    byte = raw[exc.start : exc.start + 1].hex().upper()
    encoding = codecs.lookup(encoding).name.upper() if encoding.startswith("utf") else encoding
    return InputError(
        f"{name} is not {encoding} text: byte 0x{byte} at offset {exc.start} (line {line}) does "
        "not decode; give the file's encoding with --encoding.",
        ru=f"{name}: текст не в кодировке {encoding}: байт 0x{byte} (смещение {exc.start}, "
        f"строка {line}) не читается; укажите кодировку файла через --encoding.",
    )


def infer_reporter(session: Session, text: str) -> str:
    """The reporter of the warehouse that ``text`` names most (by English or Russian name).

    Where it names none, the one whose capital it names most (a dateline's city). The
    reporters loaded are the engine's holdings (read from the partners rollup where the
    warehouse has it): the records are not read.
    """
    loaded = sorted(session.engine.holdings())
    named: collections.Counter[str] = collections.Counter()
    in_capitals = in_lower_case(text) != text  # «ЧИЛИ ПОДВЕЛО ИТОГИ»: names in capitals too
    for code in loaded:
        for stem in resolve.name_stems(code):
            said = stem.upper() if in_capitals else stem
            named[code] += len(re.findall(rf"(?<!\w){re.escape(said)}", text))
    # Indirectly, by the reference's demonyms and adjectives ("столичные компании",
    # "Chilean exporters", "Московский экспортный центр").
    pattern, keys = lexicon._demonyms_re()
    for m in pattern.finditer(text) if pattern is not None else ():
        code = keys[int(str(m.lastgroup)[1:])]
        if code in named:
            named[code] += 1
    if not any(named.values()):
        # Named by its capital alone, as a dateline does ("Lisbon, 15 February 2022"): only
        # where no reporter is named otherwise, so a place of writing never outweighs a name.
        capitals = countries.capitals()
        for code in loaded:
            city = capitals.get(code)
            if city:
                named[code] += len(re.findall(rf"(?<!\w){re.escape(city)}(?!\w)", text))
    if not any(named.values()):
        # Named by its code in a dataset's or a series' name alone ("TECHTRADE-PT dataset",
        # "EXPORTS_PRT"): an upper-case name ending in the reporter's ISO code.
        frame = countries.countries_frame()
        for code in loaded:
            isos = {code, *frame.loc[frame["iso3"] == code, "iso2"]}
            for iso in isos:
                named[code] += len(re.findall(rf"\b[A-Z]{{3,}}[-_]{re.escape(iso)}\b", text))
    best = [c for c, n in named.most_common() if n == max(named.values(), default=0) and n > 0]
    # Named by none ("the Argentine trade for us"): the one reporter that trades with every
    # partner the text names.
    best = best or _trading_with(session, text, loaded)
    if len(best) != 1:
        # Named by none (a dataset's code, "our exports") or by several as often: the one
        # whose data hold the text's dollar figures, where one clearly does.
        by_figures = _by_figures(session, text, best or loaded)
        if by_figures is not None:
            return by_figures
        raise _no_reporter(best, loaded)
    return best[0]


def _no_reporter(best: list[str], loaded: list[str]) -> InputError:
    """Why no reporter was taken from the text: it names several as often, or none."""
    listed = ", ".join(loaded) or "none"
    if best:
        both = " and ".join(best)
        return InputError(
            f"Give --reporter: the text names {both} as often as each other (loaded: {listed}).",
            ru=f"Укажите --reporter: текст называет {both.replace(' and ', ' и ')} "
            f"одинаково часто (загружены: {listed}).",
        )
    return InputError(
        f"Give --reporter: the text names no reporter the warehouse holds, and no one "
        f"reporter's data hold its dollar figures (loaded: {listed}).",
        ru="Укажите --reporter: текст не называет ни одного отчитывающегося из хранилища, "
        f"и его суммы в долларах не находятся в данных какого-то одного (загружены: {listed}).",
    )


#: Dollar amounts of a text that a reporter's data must hold, at least, to be taken as the
#: reporter of a text that names none; and how many times the runner-up's count it must be.
FIGURES_NEEDED, FIGURES_MARGIN = 3, 2


def _trading_with(session: Session, text: str, candidates: Sequence[str]) -> list[str]:
    """The one candidate whose flows hold every country partner ``text`` names, else []."""
    named = {m.value for m in lexicon.load().find_partners(text) if m.kind == "country"}
    named -= set(candidates)
    if not named:
        return []
    held = _partners_held(session)
    trading = [c for c in candidates if named <= held.get(c, frozenset())]
    return trading if len(trading) == 1 else []


def _partners_held(session: Session) -> dict[str, frozenset[str]]:
    """Reporter -> every partner its flows hold, kept by the engine until the warehouse changes.

    Read from the partners rollup (:mod:`hitex.store.rollups`: a row a reporter, partner and
    period) where the warehouse has it, as the engine's holdings are: the records are not read.
    """

    def make() -> dict[str, frozenset[str]]:
        route = "partners" if session.rollups else None
        flows = session.engine.answering(route, ["flows"])["flows"]
        pairs = flows.select("reporter", "partner").distinct().to_pandas()
        return {str(r): frozenset(p) for r, p in pairs.groupby("reporter")["partner"]}

    return dict(session.engine.kept(("partners held", session.rollups), make))


def _by_figures(session: Session, text: str, candidates: Sequence[str]) -> str | None:
    """The candidate whose totals hold most of the text's dollar amounts, if one clearly does.

    Each amount counts for a reporter when it is, within the text's own rounding, the
    reporter's exports or imports of some year, in all or with one partner. The winner needs
    :data:`FIGURES_NEEDED` amounts and :data:`FIGURES_MARGIN` times the runner-up's.
    """
    amounts = [f.claim.quantity for f in parse.parse(text)
               if f.claim.kind == "amount" and f.claim.quantity is not None
               and f.claim.quantity.unit == "usd"]  # fmt: skip
    if len(amounts) < FIGURES_NEEDED or not candidates:
        return None
    flows = session.tables()["flows"]
    mine = flows.filter(flows.reporter.isin(list(candidates)))
    keys = ["reporter", "year", "flow"]
    totals = mine.group_by(keys).aggregate(v=mine.value_usd.sum()).to_pandas()
    parts = mine.group_by([*keys, "partner"]).aggregate(v=mine.value_usd.sum()).to_pandas()
    values = pd.concat([totals, parts[[*keys, "v"]]]).groupby("reporter")["v"]
    held: collections.Counter[str] = collections.Counter()
    for reporter, v in values:
        held[str(reporter)] = sum(any(q.allows(float(x)) for x in v) for q in amounts)
    ranked = held.most_common(2)
    if not ranked or ranked[0][1] < FIGURES_NEEDED:
        return None
    if len(ranked) > 1 and ranked[0][1] < FIGURES_MARGIN * ranked[1][1]:
        return None
    return ranked[0][0]


def _held(session: Session, reporter: str) -> set[int]:
    flows = session.tables()["flows"]
    years = flows.filter(flows.reporter == reporter).select("year").distinct().to_pandas()
    return {int(y) for y in years["year"]}


def _base(session: Session, reporter: str, year: int, text: str) -> int | None:
    """The base of growth rates the text does not date.

    The year before when the warehouse holds it (None), else the latest earlier year the text
    names that it holds (an article on 2004 against 2002 names 2002), else the one earlier
    year the warehouse holds when it holds no other (the only comparison its data allow).
    """
    held = _held(session, reporter)
    if year - 1 in held:
        return None
    named = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text)}
    earlier = sorted(y for y in named & held if y < year)
    if earlier:
        return earlier[-1]
    # «увеличение в 2,21 раза за два года», "two years earlier": the span the text says.
    back = {year - resolve.years_back(m) for m in _YEARS_BACK.finditer(text)}
    if back & held:
        return max(back & held)
    # Chile-Argentina holds 2002 and 2004 only: a text on 2004 that compares without naming
    # its base («покупали мы на треть больше», "has nearly quadrupled") can compare with 2002
    # alone. Where more earlier years are held the base stays unsaid (no year is computed).
    before = sorted(y for y in held if y < year)
    return before[0] if len(before) == 1 else None


#: A span of years back from the year of a text: «за два года», «два года назад», "over two
#: years", "two years ago".
_YEARS_BACK = re.compile(
    rf"(?:(?<!\w)за|\bover|\bin|\bwithin)\s+(?P<n>{resolve.COUNT})\s+(?:года|лет|years)(?!\w)|"
    rf"(?<!\w)(?P<n2>{resolve.COUNT})\s+(?:года|годов|лет|years)\s+"
    r"(?:назад|тому назад|ago|earlier|before|ранее|раньше)(?!\w)",
    re.IGNORECASE,
)


def _year(session: Session, reporter: str, text: str) -> tuple[int, bool]:
    """The year ``text`` is about, and whether the text names it (False: a guess).

    A New Year greeting names the coming year («С Новым, 2021 годом!»): the text is about the
    year before. A text that names no year the warehouse holds is read as the latest one held,
    not certainly.
    """
    text, greeted = resolve.greeted_years(text)
    named = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text)}
    every = sorted(_held(session, reporter))
    # The years the text names that the warehouse holds, in any flow: a reporter with imports
    # alone has no export series to ask.
    held = [y for y in every if y in named]
    if not held:
        # «в двадцатом году»: a spoken text says its years in words, of the century held.
        said = resolve.ordinal_years(text, every)
        if said:
            return max(said), True
        before = {y - 1 for y in greeted} & set(every)
        if before:
            return max(before), True
        if every and not resolve.names_a_year(text):
            return every[-1], False
    return resolve.article_year(text, held, every), True


#: The keys of ``hitex check --format json`` (DESIGN.md), one object per claim.
COLUMNS = ["sentence", "span", "claim", "computed", "verdict", "reason"]


def frame(results: Sequence[Result], *, form: str = "json", lang: str = "en") -> pd.DataFrame:
    """Results as a table, one row per claim.

    ``json`` keeps ``claim`` an object, ``csv`` writes it as JSON text, ``table`` (a
    terminal) shows the claim's words, subject, figure and verdict in short, in ``lang``
    (the reasons are in the language :func:`check` gave them).
    """
    if form == "table":
        return pd.DataFrame(
            [{"#": i, "claim": r.claim.span, "computed": _computed(r, lang),
              "verdict": messages.verdict(r.verdict, lang), "reason": r.reason,
              "about": _about(r, lang)} for i, r in enumerate(results, 1)],
            # What the claim was read as comes last: a narrow terminal leaves it out first,
            # since the reason names the same subject and period.
            columns=["#", "claim", "computed", "verdict", "reason", "about"],
        )  # fmt: skip
    rows = [r.as_dict() for r in results]
    if form == "csv":
        rows = [row | {"claim": json.dumps(row["claim"], ensure_ascii=False)} for row in rows]
    return pd.DataFrame(rows, columns=COLUMNS)


def _about(r: Result, lang: str = "en") -> str:
    c = r.claim
    if not c.understood:
        return ""
    when = messages.word("about.year", lang, year=c.period.year)
    if c.period.compare is not None and c.kind in ("growth", "multiple", "change"):
        when += messages.word("about.compare", lang, compare=c.period.compare)
    if c.period.months is not None:
        lo, hi = c.period.months
        when += messages.word("about.months", lang, lo=lo, hi=hi)
    kind = messages.word(f"kind.{c.kind}", lang)
    return messages.word("about", lang, kind=kind, subject=messages.describe(c.subject, lang),
                         when=when)  # fmt: skip


def _computed(r: Result, lang: str = "en") -> str:
    q = r.claim.quantity
    if r.computed is None or q is None:
        return ""
    if r.claim.aggregation == "each" and r.claim.kind == "amount":
        # "Five chapters exceeded $100 million": what is computed is how many did, not dollars.
        return messages.show(r.computed, "count", lang=lang)
    return messages.show(r.computed, q.unit, lang=lang)


def attach(
    session: Session,
    report: Path,
    article: str | os.PathLike[str],
    *,
    reporter: str | None = None,
    year: int | None = None,
    compare: int | None = None,
    encoding: str | None = None,
    text: str | None = None,
    lang: str = "en",
) -> Path:
    """Check ``article`` and add it, marked, to the written ``report`` (``hitex report --check``).

    ``text`` is the article's text where the caller has read it already (with
    :func:`read_article`, before the report was built, so that an unreadable file stops first).
    ``lang`` is the report's: the reasons, verdicts and headings of the marked text.

    An HTML report gets it as its last section; another format gets ``NAME-check.html`` beside.
    """
    if text is None:
        text = read_article(article, encoding=encoding)
    results = check(session, text, reporter=reporter, year=year, compare=compare, lang=lang)
    title = messages.word("check.title", lang, name=Path(article).name)
    return mark.attach(report, text, results, title=title, lang=lang)
