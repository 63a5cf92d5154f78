"""Numbers to words: money, percentages, growth and multiples, in English and Russian.

Pure functions with no warehouse behind them, so that reports, the dashboard and the claim
checker word (and read back) figures the same way. Rounding rules (DOMAIN.md):

- money: billions and millions with two decimals, trailing zeros dropped ("$1.2 billion",
  "$563.31 million"); thousands and dollars whole;
- percentages: whole numbers from 10% up, one decimal below ("grew by 63%", "fell by 4.5%");
- growth near a simple fraction is said as that fraction ("grew by a third" for +33%),
  and a value that is 1.9 times its base or more is said as a multiple ("nearly tripled",
  "grew 5.3-fold"); "threefold" means x3, i.e. +200%.

Russian follows the same rules with its own plural forms (1, 2-4, 5-20, 21 ...) and number
format (``563,31 млн долл.``: decimal comma, a space between thousands).
"""

from __future__ import annotations

import math
import re

from hitex.errors import InputError

__all__ = [
    "COLUMNS_RU",
    "LANGS",
    "change",
    "count",
    "in_lang",
    "money",
    "multiple",
    "number",
    "parse_money",
    "parse_percent",
    "percent",
    "plural_ru",
    "points",
]

#: Languages every function here speaks.
LANGS = ("en", "ru")

#: Column headers in Russian: a Russian report's appendix and a terminal table of ``hitex ...
#: --lang ru``. English shows the column names, and CSV and JSON keep them in every language.
COLUMNS_RU: dict[str, str] = {
    "year": "год", "month": "месяц", "reporter": "отчитывающаяся сторона",
    "reporter_name": "наименование отчитывающейся стороны", "partner": "партнёр (код)",
    "partner_name": "наименование партнёра", "product": "товар (код)",
    "product_name": "наименование товара", "group": "группа (код)",
    "group_name": "наименование группы", "classification": "классификация",
    "value_usd": "стоимость, долл.", "base_value_usd": "стоимость в базовом году, долл.",
    "growth_pct": "рост, %", "share_pct": "доля, %", "change_usd": "прирост, долл.",
    "firms": "предприятий", "new_firms": "новых предприятий", "exits": "прекративших экспорт",
    "new_firms_usd": "экспорт новых предприятий, долл.",
    "exits_usd": "экспорт прекративших в базовом году, долл.",
    "continuing_change_usd": "прирост продолжающих, долл.",
    "value_per_firm_usd": "на одно предприятие, долл.", "suppressed": "скрыто",
    "suppression": "правило", "firm": "предприятие (код)", "firm_name": "наименование предприятия",
    "contribution_pct": "вклад в прирост, п. п.", "small_base": "малая база",
    "new": "новый рынок", "rank": "место", "product_lines": "товарных позиций",
    "multiple": "во сколько раз", "cagr_pct": "среднегодовой рост, %", "hhi": "индекс ХХ",
    "rows": "строк", "by": "по", "scheme": "схема (код)", "id": "номер", "file": "файл",
    "sha256": "контрольная сумма SHA-256", "format": "формат (код)", "rows_read": "строк прочитано",
    "rows_loaded": "строк загружено", "rows_rejected": "строк отклонено",
    "status": "состояние (код)",
    "exports_usd": "экспорт, долл.", "imports_usd": "импорт, долл.",
    "lowest_since": "минимум с года", "highest_since": "максимум с года",
    "nowcast_usd": "оценка за год, долл.", "months": "месяцы",
    "contribution_pp": "вклад в прирост, п. п.", "rank_value": "место по стоимости",
    "rank_growth": "место по росту", "balance_usd": "сальдо, долл.",
    "goods_exports_usd": "экспорт товаров, долл.", "goods_imports_usd": "импорт товаров, долл.",
    "services_exports_usd": "экспорт услуг, долл.",
    "services_imports_usd": "импорт услуг, долл.", "total_exports_usd": "экспорт всего, долл.",
    "total_imports_usd": "импорт всего, долл.", "total_balance_usd": "сальдо всего, долл.",
    "rows_merged": "строк объединено", "rows_revised": "прежних потоков заменено",
    "started": "начата", "message": "сообщение", "load_id": "загрузка", "line": "строка",
    "reason": "причина", "record": "запись", "code": "проверка (код)", "field": "поле",
    "value": "значение", "flow": "поток", "kinds": "виды записей", "complete": "полнота",
    "note": "примечание", "records": "записей", "exporters": "экспортёров",
    "countries": "стран", "missing": "недостающие", "outcome": "результат",
    "products": "товаров", "share": "доля", "kind": "вид", "groups": "групп",
    "codes": "коды товаров", "classifications": "классификации", "source": "источник",
    "group_code": "группа (код)", "description": "описание",
    "claim": "утверждение", "computed": "расчёт", "verdict": "вердикт", "about": "о чём",
}  # fmt: skip

_SCALES = ((1e9, "billion", "млрд"), (1e6, "million", "млн"), (1e3, "thousand", "тыс."))

#: Growth near these fractions is said in words (value, English, Russian).
_FRACTIONS = ((1 / 4, "a quarter", "на четверть"), (1 / 3, "a third", "на треть"),
              (1 / 2, "half", "наполовину"))  # fmt: skip

#: Whole multiples with a verb of their own (x2, x3, x4).
_MULTIPLES = {
    2: ("doubled", "удвоился"),
    3: ("tripled", "утроился"),
    4: ("quadrupled", "учетверился"),
}

_ORDERS = {2: ("two", "два"), 3: ("three", "три"), 4: ("four", "четыре")}

_NBSP = "\u00a0"
_SPACE = " "


def _check(lang: str) -> None:
    if lang not in LANGS:
        raise InputError(f"Language {lang!r} is not one of: {', '.join(LANGS)}.")


def number(x: float, digits: int = 0, *, lang: str = "en", trim: bool = False) -> str:
    """``x`` with ``digits`` decimals and thousands separators in the language's style.

    ``trim`` drops trailing zeros of the decimals (``1.20`` -> ``1.2``).

    Examples
    --------
    >>> number(1215.344, 2)
    '1,215.34'
    >>> number(1215.344, 2, lang="ru")
    '1 215,34'
    >>> number(1.20, 2, trim=True)
    '1.2'
    """
    _check(lang)
    text = f"{x:,.{digits}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return in_lang(text, lang)


def in_lang(text: str, lang: str) -> str:
    """A number Python formatted with ``,`` (``1,234.5``, ``1.235e+07``) as ``lang`` writes it.

    >>> in_lang("1,234.5", "ru")
    '1 234,5'
    """
    return text.replace(",", _SPACE).replace(".", ",") if lang == "ru" else text


def money(usd: float, *, lang: str = "en", digits: int = 2) -> str:
    """An amount in US dollars, scaled to billions, millions or thousands.

    ``digits``: decimals of the scaled figure at most (trailing zeros dropped).

    Examples
    --------
    >>> money(563_310_000)
    '$563.31 million'
    >>> money(1_200_000_000)
    '$1.2 billion'
    >>> money(1_215_340_000)
    '$1.22 billion'
    >>> money(-48_500)
    '-$48.5 thousand'
    >>> money(563_310_000, lang="ru")
    '563,31 млн долл.'
    >>> money(950, lang="ru")
    '950 долл.'
    >>> money(1_772_447_646, digits=4)
    '$1.7724 billion'
    """
    _check(lang)
    sign = "-" if usd < 0 else ""
    size = abs(usd)
    for scale, en, ru in _SCALES:
        # Round first: 999,999 is "$1 million", not "$1,000 thousand".
        if round(size / scale, digits) >= 1:
            figure = number(size / scale, digits, lang=lang, trim=True)
            return f"{sign}{figure} {ru} долл." if lang == "ru" else f"{sign}${figure} {en}"
    figure = number(size, 0, lang=lang)
    return f"{sign}{figure} долл." if lang == "ru" else f"{sign}${figure}"


def _pct_digits(pct: float) -> int:
    return 0 if abs(pct) >= 9.95 else 1


def percent(pct: float, *, lang: str = "en", digits: int | None = None) -> str:
    """A percentage (given in percent): whole from 10% up, one decimal below.

    Examples
    --------
    >>> percent(63.05)
    '63%'
    >>> percent(4.54)
    '4.5%'
    >>> percent(27.7, lang="ru", digits=1)
    '27,7%'
    """
    _check(lang)
    d = _pct_digits(pct) if digits is None else digits
    return f"{number(pct, d, lang=lang, trim=digits is None)}%"


def points(pp: float, *, lang: str = "en") -> str:
    """Percentage points, one decimal (``"12.3 percentage points"``).

    Examples
    --------
    >>> points(12.34)
    '12.3 percentage points'
    >>> points(1.0, lang="ru")
    '1 процентный пункт'
    >>> points(2.5, lang="ru")
    '2,5 процентного пункта'
    """
    _check(lang)
    figure = number(pp, 1, lang=lang, trim=True)
    if lang == "en":
        return f"{figure} percentage point{'' if figure == '1' else 's'}"
    forms = ("процентный пункт", "процентных пункта", "процентных пунктов")
    if "," in figure:
        return f"{figure} процентного пункта"
    return f"{figure} {plural_ru(int(figure.replace(_SPACE, '')), forms)}"


def plural_ru(n: float, forms: tuple[str, str, str]) -> str:
    """The Russian form of a noun for ``n``: ``forms`` = (1, 2-4, 5-20), e.g. год/года/лет.

    21 takes the form of 1, 22 of 2, 11-14 that of 5; a fraction takes the second form
    (for nouns such as процент, страна, позиция it is also the genitive singular).

    Examples
    --------
    >>> [plural_ru(n, ("страна", "страны", "стран")) for n in (1, 2, 5, 11, 21, 22, 1.5)]
    ['страна', 'страны', 'стран', 'стран', 'страна', 'страны', 'страны']
    """
    if not float(n).is_integer():
        return forms[1]
    k = abs(int(n))
    if k % 10 == 1 and k % 100 != 11:
        return forms[0]
    if 2 <= k % 10 <= 4 and not 12 <= k % 100 <= 14:
        return forms[1]
    return forms[2]


def count(n: float, forms_en: tuple[str, str], forms_ru: tuple[str, str, str], *,
          lang: str = "en") -> str:  # fmt: skip
    """``n`` with its noun: ``"144 product lines"``, ``"21 товарная позиция"``.

    Examples
    --------
    >>> count(1, ("partner", "partners"), ("страна", "страны", "стран"))
    '1 partner'
    >>> count(21, ("partner", "partners"), ("страна", "страны", "стран"), lang="ru")
    '21 страна'
    """
    _check(lang)
    whole = float(n).is_integer()
    figure = number(n, 0 if whole else 1, lang=lang, trim=not whole)
    if lang == "ru":
        return f"{figure} {plural_ru(n, forms_ru)}"
    return f"{figure} {forms_en[0] if n == 1 else forms_en[1]}"


def multiple(m: float, *, lang: str = "en") -> str:
    """A value ``m`` times its base, as a verb phrase (x3 = "tripled" = +200%).

    Within 0.5% of 2, 3 or 4 the verb itself; up to 10% below it "nearly"; up to half a unit
    above it "more than"; at 100x and beyond, orders of magnitude; else "grew 5.3-fold".

    Examples
    --------
    >>> multiple(2.98)
    'nearly tripled'
    >>> multiple(2.0)
    'doubled'
    >>> multiple(2.15)
    'more than doubled'
    >>> multiple(5.34)
    'grew 5.3-fold'
    >>> multiple(1000.0)
    'grew by three orders of magnitude'
    >>> multiple(2.98, lang="ru")
    'почти утроился'
    >>> multiple(5.34, lang="ru")
    'вырос в 5,3 раза'
    """
    _check(lang)
    i = 0 if lang == "en" else 1
    if m >= 100:
        orders = round(math.log10(m))
        if orders in _ORDERS and abs(math.log10(m) - orders) < 0.2:
            word = _ORDERS[orders][i]
            return (f"grew by {word} orders of magnitude" if lang == "en"
                    else f"вырос на {word} порядка")  # fmt: skip
    for n, verbs in _MULTIPLES.items():
        if abs(m - n) < 0.005 * n:
            return verbs[i]
        if n * 0.9 <= m < n:
            return ("nearly " if lang == "en" else "почти ") + verbs[i]
        if n < m <= n + 0.5:
            return ("more than " if lang == "en" else "более чем ") + verbs[i]
    figure = number(m, 1, lang=lang, trim=True)
    if lang == "en":
        return f"grew {figure}-fold"
    return f"вырос в {figure} {plural_ru(float(figure.replace(',', '.')), ('раз', 'раза', 'раз'))}"


def change(growth: float | None, *, lang: str = "en") -> str:  # noqa: PLR0911 - one per rule
    """Growth (a fraction: 0.333 = +33.3%) as a verb phrase.

    Examples
    --------
    >>> change(0.333)
    'grew by a third'
    >>> change(-0.152)
    'fell by 15%'
    >>> change(0.6305)
    'grew by 63%'
    >>> change(0.045)
    'grew by 4.5%'
    >>> change(1.98)
    'nearly tripled'
    >>> change(0.0001)
    'was unchanged'
    >>> change(None)
    'cannot be compared (no base)'
    >>> change(0.333, lang="ru")
    'вырос на треть'
    >>> change(-0.152, lang="ru")
    'снизился на 15%'
    """
    _check(lang)
    if growth is None or (isinstance(growth, float) and math.isnan(growth)):
        return "cannot be compared (no base)" if lang == "en" else "несопоставим (нет базы)"
    if abs(growth) < 0.0005:
        return "was unchanged" if lang == "en" else "не изменился"
    if growth >= 0.9:
        return multiple(1 + growth, lang=lang)
    for value, en, ru in _FRACTIONS:
        if abs(abs(growth) - value) < 0.005:
            if lang == "ru":
                return ("вырос " if growth > 0 else "снизился ") + ru
            return ("grew by " if growth > 0 else "fell by ") + en
    figure = percent(abs(growth) * 100, lang=lang)
    if lang == "ru":
        return ("вырос на " if growth > 0 else "снизился на ") + figure
    return ("grew by " if growth > 0 else "fell by ") + figure


_MONEY = re.compile(
    r"(?P<neg>[-−])?\s*\$?\s*(?P<num>\d[\d\s\u00a0,.]*)\s*"
    r"(?P<scale>billion|bn|million|mn|m\b|thousand|k\b|млрд|млн|тыс)?",
    re.IGNORECASE,
)
_FACTORS = {"billion": 1e9, "bn": 1e9, "млрд": 1e9, "million": 1e6, "mn": 1e6, "m": 1e6,
            "млн": 1e6, "thousand": 1e3, "k": 1e3, "тыс": 1e3}  # fmt: skip


def _to_float(text: str, *, lang: str) -> float:
    text = text.strip().replace(" ", "").replace(_NBSP, "")
    if lang == "ru" or ("," in text and "." not in text and re.search(r",\d{1,2}$", text)):
        text = text.replace(".", "").replace(",", ".")
    else:
        text = text.replace(",", "")
    return float(text.rstrip("."))


def parse_money(text: str, *, lang: str = "en") -> float:
    """Read an amount written as :func:`money` (and as articles write it) back into US$.

    Examples
    --------
    >>> parse_money("$563.31 million")
    563310000.0
    >>> parse_money("$1.2 billion")
    1200000000.0
    >>> parse_money("563,31 млн долл.", lang="ru")
    563310000.0
    """
    _check(lang)
    m = _MONEY.search(text)
    if m is None:
        raise InputError(f"{text!r} does not hold an amount of money.")
    value = _to_float(m["num"], lang=lang)
    factor = _FACTORS.get((m["scale"] or "").lower(), 1.0)
    return round((-1 if m["neg"] else 1) * value * factor, 2)


def parse_percent(text: str, *, lang: str = "en") -> float:
    """Read a percentage (``"27.7%"``, ``"27,7 %"``) as a number of percent.

    Examples
    --------
    >>> parse_percent("grew by 27.7%")
    27.7
    >>> parse_percent("на 27,7 %", lang="ru")
    27.7
    """
    _check(lang)
    m = re.search(r"([-−]?\d[\d,.]*)\s*%", text)
    if m is None:
        raise InputError(f"{text!r} does not hold a percentage.")
    return _to_float(m[1].replace("−", "-"), lang=lang)
