"""Russian grammar of report sentences, by the morphology library pymorphy3 (OpenCorpora).

Three things a sentence needs of the names it is given, whatever they are:

- :func:`agree`: a predicate agrees with its subject in gender and number ("Комплектующие
  выросли", "Индия выросла", "Экспорт вырос");
- :func:`decline`: a noun phrase in a case, for a preposition ("в Китай", "из Индии",
  "на комплектующие") or a genitive ("экспорт Москвы");
- :func:`count`: a number with its noun phrase ("1 товарная позиция", "144 товарные позиции",
  "5 товарных позиций").

Words the dictionary does not know (codes, foreign names) and indeclinable words (``США``)
are kept as they are written.
"""

from __future__ import annotations

import functools
import re
from typing import Any

__all__ = ["agree", "count", "decline", "preposition", "subject_tags"]

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
_ADJ = {"ADJF", "PRTF"}
_PRED = {"VERB", "ADJS", "PRTS"}


@functools.cache
def _morph() -> Any:
    import pymorphy3  # noqa: PLC0415 - loads its dictionary once, when Russian is asked for

    return pymorphy3.MorphAnalyzer()


def _parses(word: str) -> list[Any]:
    return list(_morph().parse(word))


def _keep_case(original: str, inflected: str) -> str:
    """``inflected`` written as ``original`` is: each part of a hyphenated name keeps its case.

    >>> _keep_case("Санкт-Петербург", "санкт-петербурга")
    'Санкт-Петербурга'
    """
    parts, forms = original.split("-"), inflected.split("-")
    if len(parts) > 1 and len(parts) == len(forms):
        return "-".join(_keep_case(p, f) for p, f in zip(parts, forms, strict=True))
    if original.isupper() and len(original) > 1:
        return inflected.upper()
    if original[:1].isupper():
        return inflected[:1].upper() + inflected[1:]
    return inflected


def _head(words: list[str]) -> tuple[int, Any] | None:
    """The first noun of a phrase in the nominative and the number its adjectives show."""
    number = None
    for i, word in enumerate(words):
        if word.isupper() and len(word) > 1 and not _morph().word_is_known(word):
            return None  # an abbreviation the dictionary does not know (БРИКС): as written
        parses = [p for p in _parses(word) if "nomn" in p.tag]
        nouns = [p for p in parses if "NOUN" in p.tag]
        if nouns:
            fitting = [p for p in nouns if number is None or number in p.tag]
            return i, (fitting or nouns)[0]
        adjectives = [p for p in parses if p.tag.POS in _ADJ]
        if adjectives and number is None:
            number = adjectives[0].tag.number
    return None


def subject_tags(subject: str) -> tuple[str, str | None]:
    """Number (``sing``/``plur``) and gender of a subject phrase's head noun.

    Examples
    --------
    >>> subject_tags("Готовые изделия"), subject_tags("Индия"), subject_tags("США")
    (('plur', None), ('sing', 'femn'), ('plur', None))
    """
    words = _WORD.findall(subject)
    found = _head(words)
    if found is None:
        return "sing", "masc"
    _, p = found
    if p.tag.number == "plur" or "Pltm" in p.tag:
        return "plur", None
    gender = p.tag.gender
    return "sing", gender if gender in ("masc", "femn", "neut") else "masc"


def agree(predicate: str, subject: str) -> str:
    """``predicate`` with its first verb or short adjective agreeing with ``subject``.

    Examples
    --------
    >>> agree("вырос на 40%", "Готовые изделия")
    'выросли на 40%'
    >>> agree("почти утроился", "Индия"), agree("несопоставим (нет базы)", "Комплектующие")
    ('почти утроилась', 'несопоставимы (нет базы)')
    """
    number, gender = subject_tags(subject)
    wanted = {"plur"} if number == "plur" else {"sing", gender or "masc"}
    for m in _WORD.finditer(predicate):
        word = m.group()
        parses = [p for p in _parses(word) if p.tag.POS in _PRED]
        verbs = [p for p in parses if p.tag.POS != "VERB" or "past" in p.tag]
        if not verbs:
            continue
        form = verbs[0].inflect(wanted)
        if form is None:
            return predicate
        return predicate[: m.start()] + _keep_case(word, form.word) + predicate[m.end() :]
    return predicate


def decline(phrase: str, case: str) -> str:
    """``phrase`` in ``case`` (``gent``, ``accs``, ``datv``, ``ablt``, ``loct``).

    The head noun and the adjectives before it change; words after the head (``Корея`` in
    ``Республика Корея``), words in brackets and unknown words stay.

    Examples
    --------
    >>> decline("Индия", "gent"), decline("Китай", "accs"), decline("Москва", "gent")
    ('Индии', 'Китай', 'Москвы')
    >>> decline("Республика Корея", "gent"), decline("Соединённые Штаты", "gent")
    ('Республики Корея', 'Соединённых Штатов')
    >>> decline("готовые изделия", "accs"), decline("США", "gent"), decline("БРИКС", "gent")
    ('готовые изделия', 'США', 'БРИКС')
    """
    head_text = phrase.split(" (", maxsplit=1)[0].split(",", maxsplit=1)[0]
    words = head_text.split(" ")
    found = _head(words)
    if found is None:
        return phrase
    index, noun = found
    if "Fixd" in noun.tag:
        return phrase
    number = "plur" if noun.tag.number == "plur" or "Pltm" in noun.tag else "sing"
    out = []
    for i, word in enumerate(words):
        if i > index:
            out.append(word)
            continue
        if i == index:
            form = noun.inflect({case})
        else:
            adjectives = [p for p in _parses(word) if p.tag.POS in _ADJ and "nomn" in p.tag]
            if not adjectives:
                out.append(word)
                continue
            tags = {case, number} | ({noun.tag.gender} if number == "sing" else set())
            if case == "accs" and (number == "plur" or noun.tag.gender == "masc"):
                tags.add("anim" if "anim" in noun.tag else "inan")
            form = adjectives[0].inflect(tags)
        out.append(word if form is None else _keep_case(word, form.word))
    return " ".join(out) + phrase[len(head_text) :]


def preposition(word: str, phrase: str, case: str) -> str:
    """A preposition with its phrase declined: ``в Китай``, ``из Индии``, ``во Францию``.

    Examples
    --------
    >>> preposition("в", "Китай", "accs"), preposition("из", "Индия", "gent")
    ('в Китай', 'из Индии')
    >>> preposition("в", "Франция", "accs"), preposition("в", "Вьетнам", "accs")
    ('во Францию', 'во Вьетнам')
    """
    declined = decline(phrase, case)
    first = declined[:1].lower()
    second = declined[1:2].lower()
    if word == "в" and first in "вф" and second and second not in "аеёиоуыэюя":
        word = "во"
    return f"{word} {declined}"


def count(n: float, phrase: str, figure: str) -> str:
    """``figure`` (``n`` as written) with ``phrase`` (nominative singular) agreeing with it.

    After 1 (21, 31 ...) the nominative singular; after 2-4 the noun in the genitive singular
    and its adjectives in the nominative plural for feminine nouns, the genitive plural for
    masculine and neuter ones; after 5-20, 0 and 11-14 the genitive plural; after a fraction
    the genitive singular.

    Examples
    --------
    >>> count(144, "товарная позиция", "144"), count(5, "товарная позиция", "5")
    ('144 товарные позиции', '5 товарных позиций')
    >>> count(21, "страна", "21"), count(3, "крупный рынок", "3")
    ('21 страна', '3 крупных рынка')
    """
    words = phrase.split(" ")
    found = _head(words)
    if found is None:
        return f"{figure} {phrase}"
    index, noun = found
    whole = float(n).is_integer()
    k = abs(int(n))
    one = whole and k % 10 == 1 and k % 100 != 11
    few = whole and 2 <= k % 10 <= 4 and not 12 <= k % 100 <= 14
    if one:
        return f"{figure} {phrase}"
    if not whole:
        noun_tags, adj_tags = {"gent", "sing"}, {"gent", "sing", noun.tag.gender}
    elif few:
        noun_tags = {"gent", "sing"}
        adj_tags = {"nomn", "plur"} if noun.tag.gender == "femn" else {"gent", "plur"}
    else:
        noun_tags, adj_tags = {"gent", "plur"}, {"gent", "plur"}
    out = []
    for i, word in enumerate(words):
        if i == index:
            form = noun.inflect(noun_tags)
        elif i < index:
            adjectives = [p for p in _parses(word) if p.tag.POS in _ADJ and "nomn" in p.tag]
            form = adjectives[0].inflect(adj_tags) if adjectives else None
        else:
            form = None
        out.append(word if form is None else _keep_case(word, form.word))
    return f"{figure} {' '.join(out)}"
