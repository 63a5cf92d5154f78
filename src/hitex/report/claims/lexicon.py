"""Words of press texts -> partners and products: the lexicon, country names and demonyms.

The lexicon (``data/lexicon.yaml``, extended by the user's file) maps product words to HS codes
or to a scheme's group, and region words to partner groups. Countries are found by their
English and Russian names and aliases (the reference data of :mod:`hitex.reference.countries`)
and by demonyms (``data/demonyms.csv``: "Indian companies", "китайские партнёры").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from hitex.errors import InputError
from hitex.reference import countries

__all__ = ["Lexicon", "Mention", "PartnerEntry", "ProductEntry", "load", "word_pattern"]


@dataclass(frozen=True)
class ProductEntry:
    """A product group named by words: HS ``codes``, or ``scheme``/``group``, or ``all``."""

    name: str
    words: tuple[str, ...]
    codes: tuple[str, ...] = ()
    scheme: str | None = None
    group: str | None = None
    all: bool = False
    #: Defined by whoever checks (the user's lexicon, an HS code the text names), not guessed.
    defined: bool = False
    #: The other codes the words plausibly mean ("machinery and equipment": HS 84 alone, or
    #: HS 84-90), each a reading checked before the text is said to be wrong.
    readings: tuple[tuple[str, ...], ...] = ()
    #: The words are the HS chapter's own title ("articles of iron or steel" is chapter 73's):
    #: they name that chapter and nothing else, as a heading's words do.
    titled: bool = False

    @property
    def exact(self) -> bool:
        """Whether a text using these words certainly means these goods.

        An HS heading or finer names goods as the HS does ("gas turbines", "wheat"); words of
        chapters and schemes ("chemicals", "machinery", "high-tech goods") are one reading of
        what a text may define otherwise, unless the user's lexicon defines them.

        >>> ProductEntry("wheat", ("wheat",), ("1001",)).exact
        True
        >>> ProductEntry("chemicals", ("chemicals",), ("28", "29")).exact
        False
        >>> ProductEntry("steel articles", ("steel articles",), ("73",), titled=True).exact
        True
        """
        headings = bool(self.codes) and all(len(c) >= 4 for c in self.codes)
        titled = self.titled and len(self.codes) == 1 and not self.readings
        return self.defined or self.all or titled or (headings and not self.readings)


@dataclass(frozen=True)
class PartnerEntry:
    """A partner group of the reference data (``group``) named by words."""

    name: str
    words: tuple[str, ...]
    group: str


@dataclass(frozen=True)
class Mention:
    """Where a text names a partner (``kind`` country or group) or a product group."""

    start: int
    end: int
    kind: str
    value: str


def word_pattern(word: str) -> str:
    r"""A regular expression for a lexicon word: any ending, spaces or hyphens between parts.

    Acronyms (``EU``, ``СНГ``) match exactly and with their case.

    Examples
    --------
    >>> bool(re.fullmatch(word_pattern("gas turbine"), "Gas-turbines", re.IGNORECASE))
    True
    >>> word_pattern("EU")
    '(?-i:EU)(?!\\w)'

    A word ending in a full stop takes no ending ("меди." is copper's genitive, not the start
    of «медицинские»):

    >>> copper = word_pattern("меди.")
    >>> bool(re.match(copper, "медицинские")), bool(re.match(copper, "меди,"))
    (False, True)
    """
    word = word.strip()
    if word.isupper() and len(word) <= 5 and " " not in word:
        return f"(?-i:{re.escape(word)})(?!\\w)"
    exact = word.endswith(".")
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", word.rstrip(".")) if p]
    found = r"[\s\-]+".join(f"{p}\\w*" for p in parts)
    return found[: -len("\\w*")] + "(?!\\w)" if exact else found


def _alternation(patterns: Iterable[tuple[str, str]]) -> re.Pattern[str] | None:
    """One regex whose named groups say which key matched (longest words tried first)."""
    ordered = sorted(patterns, key=lambda kv: -len(kv[1]))
    if not ordered:
        return None
    body = "|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(ordered))
    return re.compile(f"(?<![\\w-])(?:{body})", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    """Product and partner words, with the country names and demonyms of the reference data."""

    products: tuple[ProductEntry, ...]
    partners: tuple[PartnerEntry, ...]

    def product(self, name: str) -> ProductEntry:
        """The product entry called ``name`` (``HS 8474``: the goods of an HS code a text names)."""
        code = _CODE_NAME.fullmatch(name)
        if code is not None:
            return ProductEntry(name, (), (code[1],), defined=True)
        return next(p for p in self.products if p.name == name)

    @functools.cached_property
    def _product_re(self) -> tuple[re.Pattern[str] | None, list[str]]:
        pairs = [(p.name, word_pattern(w)) for p in self.products for w in p.words]
        ordered = sorted(pairs, key=lambda kv: -len(kv[1]))
        return _alternation(pairs), [k for k, _ in ordered]

    @functools.cached_property
    def _partner_re(self) -> tuple[re.Pattern[str] | None, list[str]]:
        pairs = [(p.group, word_pattern(w)) for p in self.partners for w in p.words]
        ordered = sorted(pairs, key=lambda kv: -len(kv[1]))
        return _alternation(pairs), [k for k, _ in ordered]

    def find_products(self, text: str) -> list[Mention]:
        """Product groups the text names, in order.

        An HS code the text names ("Tyres (heading 4011)", "машины (группа 84)") is the goods
        it means: it replaces the words it glosses, which the lexicon may map wider or narrower.

        >>> [m.value for m in load().find_products("Machinery (chapter 84) and turbines")]
        ['HS 84', 'turbines']
        """
        words = [w for w in _scan(text, *self._product_re, "product")
                 if not (_VERB_SHIPS.fullmatch(text, w.start, w.end)
                         and _SUBJECT_BEFORE.search(text, 0, w.start))]  # fmt: skip
        # "HS 8542.31" is subheading 854231.
        said = ("code", "bare", "bare2", "ord", "ord2", "ord3", "bare3")
        codes = [Mention(m.start(), m.end(), "product",
                         "HS " + next(m[g] for g in said if m[g]).replace(".", ""))
                 for m in _HS_CODE.finditer(text)
                 if (not m["ord3"] or _CHAPTER_WORD.search(text, 0, m.start()))
                 # «древесина (44)»: two bare digits are a chapter only where they gloss goods.
                 and (not m["bare3"] or any(_glosses(text, w, Mention(m.start(), m.end(), "", ""))
                                            for w in words))]  # fmt: skip
        glossed = [w for w in words for c in codes if _glosses(text, w, c)]
        return sorted([*codes, *(w for w in words if w not in glossed)], key=lambda m: m.start)

    def defined_by(self, text: str) -> Lexicon:
        """The lexicon with the words ``text`` glosses by their own codes defined by it.

        "Electrical equipment (chapter 85) grew 29% ... Korea's purchases of electrical goods
        grew more than fourfold": the text has said which goods its word means, and the word
        means them wherever it says it again (:attr:`ProductEntry.exact`).

        >>> lex = load().defined_by("Machinery (chapter 84) rose. Machinery fell.")
        >>> lex.product("machinery").exact, lex.product("chemicals").exact
        (True, False)
        """
        words = list(_scan(text, *self._product_re, "product"))
        codes = [m for m in _HS_CODE.finditer(text) if m["code"]]
        said = {
            w.value
            for w in words
            for c in codes
            if _glosses(text, w, Mention(c.start(), c.end(), "product", c["code"]))
            and (c["code"],) == self.product(w.value).codes
        }
        new = self._coined_by(text, words)
        if not said and not new:
            return self
        products = tuple(replace(p, defined=True) if p.name in said else p for p in self.products)
        return replace(self, products=(*products, *new))

    def _coined_by(self, text: str, words: list[Mention]) -> tuple[ProductEntry, ...]:
        """Goods words the lexicon lacks that ``text`` glosses by a code: new entries.

        "Gadgets (HS 90) were the fastest movers ... Japan took $173m of Moscow's
        gadgets": one plain word opening its clause, glossed by its code in brackets, means
        those goods wherever the text says it again (in the singular too).

        >>> lex = load().defined_by("Gadgets (HS 90) rose. Japan took gadgets.")
        >>> lex.product("gadgets").codes, lex.product("gadgets").words
        (('90',), ('gadget',))
        """
        from hitex.report.claims.frames import grammar  # noqa: PLC0415 - frames reads it

        general = {w.lower() for w in grammar()["general"]["en"]}
        taken = {p.name for p in self.products}
        out: dict[str, ProductEntry] = {}
        for m in _COINED.finditer(text):
            word = m["word"].lower()
            if (word in general or word in _NOT_COINED or word in taken or word in out
                    or any(w.start <= m.start("word") < w.end for w in words)):  # fmt: skip
                continue
            stem = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
            out[word] = ProductEntry(word, (stem,), (m["code"],), defined=True)
        return tuple(out.values())

    def find_partners(self, text: str) -> list[Mention]:
        """Partner groups and countries the text names (demonyms too), in order."""
        groups = list(_scan(text, *self._partner_re, "group"))
        # «американский», «с американцами»: a demonym that covers a group's stem («Америк») is
        # the country's.
        people = [(m.start, m.end) for m in _scan(text, *_demonyms_re(), "country")]
        groups = [m for m in groups if not any(a == m.start and b >= m.end for a, b in people)]
        taken = [(m.start, m.end) for m in groups]
        found = [m for m in _countries(text) if not any(s <= m.start < e for s, e in taken)]
        # «группы 84, 85 и 90 ТН ВЭД ЕАЭС»: the union's goods nomenclature, no partner.
        return sorted((m for m in groups + found
                       if not _NOMENCLATURE.search(text, max(0, m.start - 16), m.start)),
                      key=lambda m: m.start)  # fmt: skip


#: The name of a goods nomenclature right before a union's name: «ТН ВЭД ЕАЭС», «ЕТТ ЕАЭС».
_NOMENCLATURE = re.compile(r"(?<!\w)(?:ТН\s*ВЭД|ЕТТ|ТР|ТС)\s+$")


#: A heading (subheading) said by its bare digits between goods' words and a dash or a question
#: mark: «компьютеры 8471 — 257 млн», «а счётные машины, 8470?». Parse skips it as a figure.
#: Never a year, nor a round figure («экспорт 4500 — рекорд»): no heading ends in 00.
BARE_CODE = (
    r"(?:(?<=[^\W\d]\s)|(?<=[^\W\d],\s))"
    r"(?P<c>(?!(?:19|20)\d\d\b|\d\d00\b)\d{4}(?:\d{2})?)(?=\s*[—–?])"
)
#: An HS code a text names: "chapter 84", "(heading 4011)", "HS 8542", "группа 84", "товарная
#: позиция 2711", "код ТН ВЭД 8703", «мебель (гр. 94)», «приборы (гл. 90)». Words of the text
#: (not of the lexicon): a grammar rule.
_HS_CODE = re.compile(
    r"(?<![\w-])(?:(?:HS\s+)?(?:chapter|heading|subheading|code)|HS|ch\.|"
    r"(?:товарн\w+\s+)?(?:глав[аеыу]|групп[аеыу]|позици[яиюей]+|субпозици[яиюей]+)|"
    r"(?:код\w*\s+)?ТН\s+ВЭД|гр\.|гл\.|поз\.)\s+(?P<code>\d{4}\.\d{2}|\d{2}(?:\d{2}){0,2})(?![\d,.]\d|\w)"
    # A bare heading or subheading in brackets right after goods' words: "приёмники (8527)"
    # (never a year: "(2019)" dates, it does not classify).
    r"|(?<=[^\W\d]\s\()(?P<bare>(?!(?:19|20)\d\d\))\d{4}(?:\d{2})?)(?=\))"
    # A chapter by its two bare digits in brackets right after goods' words: «сталь (73)»
    # (kept only where it glosses goods' words).
    r"|(?<=[^\W\d]\s\()(?P<bare3>\d{2})(?=\))"
    # A bare heading after goods' words and before a dash or a question, in a list or a chat:
    # «компьютеры 8471 — 257 млн», «а счётные машины, 8470?» (never a year).
    r"|" + BARE_CODE.replace("?P<c>", "?P<bare2>") +
    # A chapter said by its ordinal: «84-я группа», «(38-я группа)», «из 85-й главы», and after
    # its noun: «Крупнейшая товарная группа экспорта — 84-я».
    r"|(?<![\w-])(?P<ord>\d{2})-(?:я|й|ой|ая|ую|ей)\s+(?:товарн\w+\s+)?(?:глав|групп)\w*"
    r"|(?<![\w-])(?:глав|групп)\w*(?:\s+[^\W\d]+){0,2}\s*[—–-]\s*(?P<ord2>\d{2})-(?:я|й|ая)(?!\w)"
    # In a list of chapters, the ordinal alone before its figure: «84-я группа 1116 млн, 85-я
    # 774» (kept where the text names a chapter before it).
    r"|(?<![\w-])(?P<ord3>\d{2})-(?:я|й)(?=\s+\d)",
    re.IGNORECASE,
)
_CODE_NAME = re.compile(r"HS (\d{2,6})")
_CHAPTER_WORD = re.compile(r"(?<!\w)(?:глав|групп)\w*", re.IGNORECASE)
#: What may stand between goods' words and the code that glosses them: no clause boundary.
_GLOSS = re.compile(r"[^,;.:()]{0,60}\(?\s*")


#: "Everything Moscow ships", "all that it ships": the verb after its subject, not vessels.
_VERB_SHIPS = re.compile(r"ships", re.IGNORECASE)
_SUBJECT_BEFORE = re.compile(
    r"(?:\b(?:it|she|he|which|that|who|city|country|capital|region)|"
    r"(?-i:[A-Z])[\w'’-]*)\s+$",
    re.IGNORECASE,
)
#: One plain word that opens its clause, glossed by its HS code in brackets: "Instruments (HS
#: 90) were the fastest movers", "; timber (chapter 44) rose sixfold".
_COINED = re.compile(
    r"(?:^|(?<=[.;:!?]\s)|(?<=\n))(?P<word>[A-Za-z][a-z]{3,})\s+"
    r"\((?:HS\s+(?:chapter\s+|heading\s+)?|chapter\s+|heading\s+)(?P<code>\d{2}|\d{4})\)"
)
#: Words that name no goods of their own before a code ("Others (HS 90)").
_NOT_COINED = frozenset({"others", "other", "rest", "remainder", "parts", "exports", "imports",
                         "sales", "shipments", "purchases", "chapter", "heading"})  # fmt: skip


def _glosses(text: str, word: Mention, code: Mention) -> bool:
    """Whether ``code`` glosses the goods ``word`` names ("Tyres (heading 4011)")."""
    if word.end <= code.start:
        # "Computers, heading 8471, follow": the code set in commas right after the words.
        gap = text[word.end : code.start]
        # "Rubber and its articles as a whole, chapter 40, reached": the code set in commas
        # after words of the goods alone.
        aside = re.fullmatch(r"[a-z' -]{0,40},\s*", gap) is not None and re.match(
            r"\s*,", text[code.end :]) is not None  # fmt: skip
        return _GLOSS.fullmatch(gap) is not None or re.fullmatch(r",\s*", gap) is not None or aside
    # "chapter 27 (mineral fuels)": the words in brackets right after the code.
    if re.fullmatch(r"\)?\s*[(—–:-]\s*[^,;.()]{0,30}", text[code.end : word.start]):
        return True
    # "Heading 3006, pharmaceutical goods, reached": the words set in commas after the code.
    return bool(re.fullmatch(r",\s*", text[code.end : word.start])
                and re.match(r"[a-z' -]{0,20},", text[word.end :]))  # fmt: skip


def _scan(
    text: str, pattern: re.Pattern[str] | None, keys: list[str], kind: str
) -> Iterator[Mention]:
    if pattern is None:
        return
    for m in pattern.finditer(text):
        index = int(next(k for k, v in m.groupdict().items() if v is not None)[1:])
        yield Mention(m.start(), m.end(), kind, keys[index])


def countries_in(text: str) -> list[Mention]:
    """The countries ``text`` names (by name or demonym), not the currencies."""
    return list(_countries(text))


def _countries(text: str) -> Iterator[Mention]:
    for pattern, keys in (_names_re(), _demonyms_re()):
        for m in _scan(text, pattern, keys, "country"):
            if not _CURRENCY_BEFORE.search(
                text[max(0, m.start - 20) : m.start]
            ) and not _CURRENCY_AFTER.match(text, m.end):
                yield m


#: «2 403,8 млн (в долларах США)», «620 млн долл. США»: the country names the currency, not a
#: partner.
_CURRENCY_BEFORE = re.compile(r"(?<!\w)(?:долл\w*\.?|dollars?)\s*$", re.IGNORECASE)
#: «млн американских долларов»: the demonym names the currency, not a partner.
_CURRENCY_AFTER = re.compile(r"\w*\s+долл", re.IGNORECASE)


@functools.cache
def _names_re() -> tuple[re.Pattern[str] | None, list[str]]:
    """Country names and aliases (English as written, Russian by stem), case-sensitive."""
    frame = countries.countries_frame()
    aliases = countries.aliases_frame()
    pairs: list[tuple[str, str]] = []
    names = [*zip(frame["name_en"], frame["iso3"], strict=True),
             *zip(frame["name_ru"], frame["iso3"], strict=True)]  # fmt: skip
    common = pd.read_csv(countries.data_path("aliases", "country_aliases.csv"), dtype=str)
    names += list(zip(common["alias"], common["iso3"], strict=True))
    known = set(aliases["iso3"])
    for full, iso3 in names:
        # "Нидерланды (Королевство)" is said "Нидерланды".
        name = re.sub(r"\s*\(.*\)$", "", full) if isinstance(full, str) else full
        if not name or iso3 not in known or "," in name or "(" in name:
            continue
        pairs.append((iso3, _name_pattern(name)))
    ordered = sorted(pairs, key=lambda kv: -len(kv[1]))
    body = "|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(ordered))
    # "US$563 million" names a currency, not the United States.
    return re.compile(f"(?<![\\w-])(?:{body})(?!\\$)"), [k for k, _ in ordered]


def _name_pattern(name: str) -> str:
    if re.search("[а-яё]", name, re.IGNORECASE):
        # Russian names decline: Индия, Индию, Индии; keep the stem, allow any ending.
        stem = name[:-1] if len(name) > 4 and name[-1] in "аяйьеоыи" else name
        return re.escape(stem) + r"\w*"
    if name.isupper() or "." in name:
        # Not the dollar's sign: "US$563 million" names no partner.
        return re.escape(name) + r"(?![\w.$])"
    # "India's", "Japan" but not "Japanese" (demonyms have their own list).
    return re.escape(name) + r"(?!\w)"


@functools.cache
def _demonyms_re() -> tuple[re.Pattern[str] | None, list[str]]:
    path = resources.files("hitex.report.claims").joinpath("data", "demonyms.csv")
    frame = pd.read_csv(str(path), dtype=str, keep_default_na=False)
    pairs = []
    for iso3, en, ru in frame.itertuples(index=False):
        pairs += [(iso3, re.escape(w) + r"(?!\w)") for w in en.split("|") if w]
        pairs += [(iso3, "(?i:" + re.escape(w) + r"\w*)") for w in ru.split("|") if w]
    ordered = sorted(pairs, key=lambda kv: -len(kv[1]))
    body = "|".join(f"(?P<k{i}>{p})" for i, (_, p) in enumerate(ordered))
    # "US$563 million" names a currency, not the United States.
    return re.compile(f"(?<![\\w-])(?:{body})(?!\\$)"), [k for k, _ in ordered]


def demonym_at(text: str, pos: int) -> str | None:
    """The country (or reporter) whose demonym ``text`` says at ``pos``, if any.

    >>> demonym_at("импорт московской продукции", 7)
    'RU-MOW'
    """
    pattern, keys = _demonyms_re()
    m = pattern.match(text, pos) if pattern is not None else None
    if m is None:
        return None
    return keys[int(next(k for k, v in m.groupdict().items() if v is not None)[1:])]


# -- loading -----------------------------------------------------------------------------------
def _default_path() -> Path:
    return Path(str(resources.files("hitex.report.claims").joinpath("data", "lexicon.yaml")))


def load(path: str | Path | None = None) -> Lexicon:
    """The built-in lexicon, extended (entries of the same name replaced) by ``path``.

    Examples
    --------
    >>> lex = load()
    >>> lex.product("gas turbines").codes
    ('841181', '841182')
    >>> [m.value for m in lex.find_partners("Indian companies and Asian partners")]
    ['IND', 'Asia']
    """
    products, partners = _read(_default_path())
    if path is not None:
        more_products, more_partners = _read(Path(path))
        more_products = [replace(p, defined=True) for p in more_products]
        products = _merge(products, more_products)
        partners = _merge(partners, more_partners)
    return Lexicon(tuple(products), tuple(partners))


def _merge(base: list[Any], more: list[Any]) -> list[Any]:
    names = {e.name for e in more}
    return [*more, *(e for e in base if e.name not in names)]


def _read(path: Path) -> tuple[list[ProductEntry], list[PartnerEntry]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise InputError(f"Cannot read the lexicon {path}: {exc.strerror}.") from None
    except yaml.YAMLError as exc:
        raise InputError(f"The lexicon {path} is not valid YAML: {exc}.") from None
    if not isinstance(data, dict) or set(data) - {"products", "partners", "firm_groups"}:
        raise InputError(f"The lexicon {path} should hold 'products:' and 'partners:' lists.")
    products = [_product(path, e) for e in data.get("products") or []]
    partners = [_partner(path, e) for e in data.get("partners") or []]
    return products, partners


def _words(path: Path, entry: dict[str, Any]) -> tuple[str, ...]:
    words = entry.get("words")
    if not isinstance(words, list) or not words:
        raise InputError(f"The lexicon {path}: entry {entry.get('name')!r} needs a 'words' list.")
    return tuple(str(w) for w in words)


def _product(path: Path, entry: Any) -> ProductEntry:
    if not isinstance(entry, dict) or "name" not in entry:
        raise InputError(f"The lexicon {path}: each product needs a 'name' ({entry!r}).")
    codes = tuple(str(c) for c in entry.get("codes") or ())
    ways = sum([bool(codes), "scheme" in entry, bool(entry.get("all"))])
    if ways != 1:
        raise InputError(
            f"The lexicon {path}: product {entry['name']!r} needs exactly one of 'codes', "
            "'scheme' (with 'group') or 'all: true'."
        )
    readings = tuple(tuple(str(c) for c in r) for r in entry.get("readings") or ())
    if any(not c.isdigit() for c in (*codes, *(c for r in readings for c in r))):
        raise InputError(f"The lexicon {path}: codes of {entry['name']!r} must be digits.")
    return ProductEntry(
        str(entry["name"]), _words(path, entry), codes, entry.get("scheme"),
        None if entry.get("group") is None else str(entry["group"]), bool(entry.get("all")),
        readings=readings, titled=bool(entry.get("titled")),
    )  # fmt: skip


def _partner(path: Path, entry: Any) -> PartnerEntry:
    if not isinstance(entry, dict) or "name" not in entry or "group" not in entry:
        raise InputError(f"The lexicon {path}: each partner needs 'name' and 'group' ({entry!r}).")
    return PartnerEntry(str(entry["name"]), _words(path, entry), str(entry["group"]))
