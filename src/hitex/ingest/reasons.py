"""Why a record was refused, said in Russian from the refusal's code, field and value.

A refused record is kept (``rejects``) with the English sentence and, beside it, the check that
refused it (``code``: :func:`hitex.ingest.check.checked_sql`, the load's own checks, a
format's), the field it looked at and the value found there. The Russian sentence is built
from those three, not from the English one; a plug-in format's own refusal (code ``format``),
whose words hitex does not know, is said as such with its English sentence quoted.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from hitex.errors import close_matches, did_you_mean

__all__ = ["reason_ru"]

#: A field as a Russian sentence names it (nominative), and its gender for "не указан(а)".
_FIELD = {
    "year": ("год", ""), "month": ("месяц", ""), "reporter": ("отчитывающаяся страна", "а"),
    "partner": ("страна-партнёр", "а"), "flow": ("направление потока", "о"),
    "classification": ("классификация", "а"), "product": ("код товара", ""),
    "value_usd": ("стоимость", "а"), "quantity": ("количество", "о"),
}  # fmt: skip


def _field(field: str | None) -> str:
    return _FIELD.get(field or "", (f"поле {field}", "о"))[0]


def _empty(field: str | None, value: str) -> str:
    name, ending = _FIELD.get(field or "", (f"поле {field}", "о"))
    return f"{name} не указан{ending}"


def _quoted(field: str | None, value: str) -> str:
    return f"{_field(field)} «{value}»"


#: "unknown X" by field.
_UNKNOWN = {"reporter": "неизвестная отчитывающаяся страна",
            "partner": "неизвестная страна-партнёр", "flow": "неизвестное направление потока",
            "classification": "неизвестная классификация"}  # fmt: skip


def _unknown(field: str | None, value: str) -> str:
    what = _UNKNOWN.get(field or "", f"неизвестное значение поля {field}")
    said = f"{what} «{value}»"
    if field in ("reporter", "partner"):
        said += _did_you_mean(value)
    return said


@functools.lru_cache(maxsize=4096)
def _did_you_mean(value: str) -> str:
    """The countries the English reason offers (:func:`hitex.errors.suggest`), in Russian."""
    from hitex.reference.countries import spellings  # noqa: PLC0415 - pandas, on demand

    close = close_matches(value, spellings())
    return ". " + did_you_mean(close, "ru") if close else ""


def _services(field: str | None, value: str) -> str:
    from hitex.reference.ebops import services_codes  # noqa: PLC0415

    why = services_codes().get(value.strip().upper(), ("", ""))[1]
    if why == "memorandum item":
        return (f"код РКУПБ {value} — справочная статья (в том числе или дополнительно), "
                "а не часть итога услуг")  # fmt: skip
    if why == "alternative breakdown":
        return (f"код РКУПБ {value} относится к другой разбивке тех же услуг; загружается только "
                "основная разбивка")  # fmt: skip
    return (f"коду РКУПБ 2002 {value} не соответствует один компонент РКУПБ 2010; загружаются "
            "только его части")  # fmt: skip


def _malformed(english: str) -> str:
    # The reader's own message (DuckDB's) is quoted as it is: hitex does not word it.
    said = english.removeprefix("malformed line: ").strip()
    return "строку не удалось разобрать на поля записи" + (
        f" (сообщение при чтении: «{said}»)" if said else ""
    )


#: code -> the Russian sentence from (field, value); a few also read the English one.
_SAY: dict[str, Callable[[str | None, str], str]] = {
    "empty": _empty,
    "not_a_year": lambda f, v: f"год «{v}» — не год (допустимы годы с 1900 по 2100)",
    "not_a_month": lambda f, v: f"месяц «{v}» — вне диапазона 1–12",
    "aggregate": lambda f, v: f"«{v}» — совокупность стран, а не отчитывающаяся страна",
    "unknown_country": _unknown,
    "subdivision": lambda f, v: f"«{v}» — регион страны; партнёрами бывают только страны",
    "domestic": lambda f, v: (f"отчитывающийся регион находится в стране-партнёре «{v}»: "
                              "торговля внутри страны — не внешняя торговля"),
    "unknown_flow": _unknown,
    "unknown_classification": _unknown,
    "services_item": _services,
    "not_a_code": lambda f, v: f"«{v}» — не код товара классификации записи",
    "not_a_number": lambda f, v: f"{_quoted(f, v)} — не число",
    "negative": lambda f, v: f"отрицательная стоимость {v}",
    "not_finite": lambda f, v: f"{_quoted(f, v)} — не конечное число",
    "aggregate_code": lambda f, v: (f"код {v} — сумма более детальных кодов того же файла; "
                                    "загружаются только самые детальные коды"),
    "duplicate": lambda f, v: (f"запись уже загружена загрузкой {v} (чтобы заменить, "
                               "загрузите файл с --revise)"),
    "aggregate_row": lambda f, v: f"строка итога Comtrade (cmdCode «{v}»), а не товар",
    "breakdown": lambda f, v: (f"разбивка по столбцу «{f}» («{v}»); загружается только итог "
                               "без разбивки"),
}  # fmt: skip


def reason_ru(code: object, field: object, value: object, english: object) -> str:
    """The Russian sentence of one refusal, from its code, field and value.

    ``english`` is read only where the code's value does not say it all: a malformed line
    (the reader's message is quoted) and a plug-in format's own refusal.

    Examples
    --------
    >>> reason_ru("unknown_country", "partner", "Atlantis", "unknown partner 'Atlantis'")
    'неизвестная страна-партнёр «Atlantis»'
    >>> reason_ru("negative", "value_usd", "-5", "negative value -5")
    'отрицательная стоимость -5'
    >>> reason_ru("empty", "year", "", "empty year")
    'год не указан'
    >>> reason_ru("format", None, None, "header row repeated")
    'отклонено правилом формата файла (причина, как её называет формат: «header row repeated»)'
    >>> reason_ru(None, None, None, "bad record")
    'причина на английском: «bad record»'
    """
    said = _SAY.get(str(code)) if isinstance(code, str) else None
    text = value if isinstance(value, str) else ""
    if code == "malformed":
        return _malformed(str(english or ""))
    if code == "format":
        return ("отклонено правилом формата файла (причина, как её называет формат: "
                f"«{english}»)")  # fmt: skip
    if said is None:
        # A code this version does not know (or none, in a warehouse older than the codes).
        return f"причина на английском: «{english}»"
    return said(field if isinstance(field, str) else None, text)
