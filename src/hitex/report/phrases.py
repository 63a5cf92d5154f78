"""Sentence templates of every section, in English and Russian.

Templates hold no numbers: the figures are worded by :mod:`hitex.report.wording` and put in
by name. Russian templates take names already declined by :mod:`hitex.report.grammar`
(``{who_gen}`` "Москвы", ``{to}`` "в Индию") and predicates agreeing with their subjects.
"""

from __future__ import annotations

from hitex.errors import InputError

T: dict[str, dict[str, str]] = {
    "title": {
        "en": "Exports of {who}{scope}, {year}{against}",
        "ru": "Экспорт {who_gen}{scope}, {year} г.{against}",
    },
    "scope": {"en": " to {group}", "ru": " {to_group}"},
    "against": {"en": " against {compare}", "ru": " к {compare} г."},
    "subtitle": {
        "en": "US dollars, current prices. Source: the hitex warehouse ({loads}).",
        "ru": "Долл. США в текущих ценах. Источник: хранилище hitex ({loads}).",
    },
    # -- headline ----------------------------------------------------------------------------
    "s.headline": {"en": "Headline", "ru": "Главное"},
    "headline.change": {
        "en": "{who}'s exports{scope} {change} in {year} against {compare}, "
        "to {value} from {base}.",
        "ru": "Экспорт {who_gen}{scope} {change} в {year} г. по сравнению с {compare} г.: "
        "{value} против {base}.",
    },
    "headline.value": {
        "en": "{who}'s exports{scope} were {value} in {year}.",
        "ru": "Экспорт {who_gen}{scope} в {year} г. составил {value}.",
    },
    "headline.span": {
        "en": "Over {first}–{year} they {multiple} ({cagr} a year on average).",
        "ru": "За {first}–{year} гг. он {multiple} (в среднем {cagr} в год).",
    },
    "headline.partners": {
        "en": "The largest buyers were {leaders}.",
        "ru": "Крупнейшие покупатели: {leaders}.",
    },
    # -- destinations ------------------------------------------------------------------------
    "s.destinations": {"en": "Destinations", "ru": "Направления"},
    "dest.value": {
        "en": "By value the leaders were {leaders}.",
        "ru": "Лидеры по объёму: {leaders}.",
    },
    "dest.item": {
        "en": "{name} ({value}, {share} of the total{growth})",
        "ru": "{name} ({value}, {share} от общего объёма{growth})",
    },
    "dest.growth": {
        "en": "Among partners with a base of {threshold} or more, exports grew fastest to "
        "{leaders}.",
        "ru": "Среди партнёров с базой от {threshold} быстрее всего рос экспорт: {leaders}.",
    },
    "dest.small": {
        "en": "Higher rates to {names} rest on bases under {threshold} and are not ranked.",
        "ru": "Более высокие темпы ({names}) получены на базе менее {threshold} и в рейтинг "
        "не включены.",
    },
    "dest.lines": {
        "en": "Exports to {name} spanned {lines} (HS 6-digit).",
        "ru": "Экспорт {to} охватил {lines} (6 знаков ТН ВЭД).",
    },
    "dest.new": {
        "en": "New markets in {year}: {names}.",
        "ru": "Новые рынки в {year} г.: {names}.",
    },
    # -- products ----------------------------------------------------------------------------
    "s.products": {"en": "Products", "ru": "Товарная структура"},
    "prod.top": {
        "en": "The largest product heading was {code} ({name}): {value}, {share} of the "
        "total{growth}.",
        "ru": "Крупнейшая товарная позиция — {code} ({name}): {value}, {share} от общего "
        "объёма{growth}.",
    },
    "prod.next": {"en": "Next came {items}.", "ru": "Далее следуют: {items}."},
    # -- technology and end use --------------------------------------------------------------
    "s.technology": {
        "en": "Technology intensity and end use",
        "ru": "Технологический уровень и назначение",
    },
    "tech.shares": {
        "en": "By OECD technology intensity: {items}.",
        "ru": "По технологическому уровню ОЭСР: {items}.",
    },
    "tech.enduse": {
        "en": "By end use (BEC): {items}.",
        "ru": "По назначению (КШЭК): {items}.",
    },
    "tech.enduse.item": {
        "en": "{name} {change} ({value}; added {added} to growth)",
        "ru": "{name} {change} ({value}; вклад в прирост {added})",
    },
    "tech.partner": {
        "en": "Of the {change} increase in exports to {partner}, {items}.",
        "ru": "Из прироста экспорта {to} на {change} {items}.",
    },
    "tech.partner.item": {"en": "{name} brought {change}", "ru": "на {name} — {change}"},
    "tech.partner.first": {"en": "{name} brought {change}", "ru": "на {name} пришлось {change}"},
    # -- year to date ------------------------------------------------------------------------
    "s.ytd": {"en": "Year to date", "ru": "С начала года"},
    "ytd.change": {
        "en": "In {months} {year}, exports {change} against the same months of {compare} "
        "({value} against {base}).",
        "ru": "За {months} {year} г. экспорт {change} к тем же месяцам {compare} г. "
        "({value} против {base}).",
    },
    "ytd.nowcast": {
        "en": "If the rest of the year follows, {year} would reach about {nowcast} "
        "(an estimate: {compare}'s full year scaled by the year-to-date ratio).",
        "ru": "Если остаток года сложится так же, за {year} г. экспорт составит около "
        "{nowcast} (оценка: итог {compare} г., умноженный на отношение с начала года).",
    },
    # -- balance -----------------------------------------------------------------------------
    "s.balance": {"en": "Trade balance", "ru": "Торговый баланс"},
    "bal.value": {
        "en": "In {year} the balance was {kind} of {value}{since}.",
        "ru": "В {year} г. {kind} составил {value}{since}.",
    },
    "bal.lowest": {"en": ", the lowest since {since}", "ru": ", минимум с {since} г."},
    "bal.highest": {"en": ", the highest since {since}", "ru": ", максимум с {since} г."},
    "bal.lowest_all": {
        "en": ", the lowest of the years loaded ({span})",
        "ru": ", минимум за загруженные годы ({span})",
    },
    "bal.highest_all": {
        "en": ", the highest of the years loaded ({span})",
        "ru": ", максимум за загруженные годы ({span})",
    },
    "bal.flows": {
        "en": "Exports were {exports} and imports {imports}.",
        "ru": "Экспорт составил {exports}, импорт — {imports}.",
    },
    # -- concentration -----------------------------------------------------------------------
    "s.concentration": {"en": "Concentration", "ru": "Концентрация"},
    "conc.hhi": {
        "en": "The Herfindahl-Hirschman index of partners was {partners} ({pword}); "
        "of products, {products} ({qword}).",
        "ru": "Индекс Херфиндаля-Хиршмана по партнёрам — {partners} ({pword}), "
        "по товарам — {products} ({qword}).",
    },
    # -- technology trade balance ------------------------------------------------------------
    "s.techbalance": {
        "en": "Technology trade balance (goods and services)",
        "ru": "Баланс торговли технологиями (товары и услуги)",
    },
    "tb.value": {
        "en": "In {year} high-tech goods and technology services together gave exports of "
        "{exports}, imports of {imports} and {kind} of {balance}.",
        "ru": "В {year} г. по высокотехнологичным товарам и технологическим услугам экспорт "
        "составил {exports}, импорт — {imports}, {kind} — {balance}.",
    },
    # -- data note ---------------------------------------------------------------------------
    "s.note": {"en": "Data note", "ru": "О данных"},
    "note.loads": {
        "en": "Figures come from {n} (rows read {read}, loaded {loaded}, rejected {rejected}): "
        "{files}.",
        "ru": "Данные: {n} (строк прочитано {read}, загружено {loaded}, отклонено "
        "{rejected}): {files}.",
    },
    "note.reference": {
        "en": "Classifications: reference data {version}; {unclassified} of {who}'s {year} "
        "value has no OECD technology class.",
        "ru": "Классификации: справочники {version}; {unclassified} стоимости экспорта "
        "{who_gen} за {year} г. не имеет класса технологического уровня ОЭСР.",
    },
    "note.method": {
        "en": "Exports are valued FOB in US dollars; growth rates on a base under {threshold} "
        "are flagged, not ranked.",
        "ru": "Экспорт в ценах ФОБ, долл. США; темпы роста на базе менее {threshold} "
        "отмечены и не ранжируются.",
    },
    "skip.nodata": {
        "en": "No {what} for this selection.",
        "ru": "Нет данных {what} для этой выборки.",
    },
    "skip.complete": {
        "en": "{year} is complete (all twelve months loaded): no year-to-date estimate needed.",
        "ru": "{year} год полный (загружены все двенадцать месяцев): оценка не нужна.",
    },
    "skip.annual": {
        "en": "Only annual records are loaded: no year to date.",
        "ru": "Загружены только годовые данные: сравнение с начала года невозможно.",
    },
    "skip.imports": {
        "en": "No imports of {who} are loaded: no trade balance.",
        "ru": "Импорт {who_gen} не загружен: баланс не рассчитать.",
    },
    "skip.services": {
        "en": "No services records (EBOPS) are loaded for {who}: no technology trade balance.",
        "ru": "Данные об услугах (РКУПБ) для {who_gen} не загружены: баланс технологий не "
        "рассчитать.",
    },
    "skip.compare": {
        "en": "Needs a comparison year (--compare).",
        "ru": "Нужен базовый год (--compare).",
    },
    "note.english": {
        "en": "{n} without a Russian name are shown in English: {codes}.",
        "ru": "{n} без русского наименования {shown} по-английски: {codes}.",
    },
    "what.partners": {"en": "partners", "ru": "о партнёрах"},
    "what.hs": {"en": "HS", "ru": "о товарах (ТН ВЭД)"},
    "what.tech": {"en": "tech", "ru": "о технологическом уровне"},
    "what.hhi": {"en": "HHI", "ru": "для индекса концентрации"},
    # -- what the figures rest on (data coverage) ---------------------------------------------
    "skip.partial": {
        "en": "No trade balance of {who} for {year}: exports, {exports}; imports, {imports}.",
        "ru": "Баланс ({who}, {year} г.) не рассчитан: экспорт — {exports}; импорт — {imports}.",
    },
    "note.coverage": {
        "en": "Coverage of {year}: exports, {exports}; imports, {imports}.",
        "ru": "Охват данных за {year} г.: экспорт — {exports}; импорт — {imports}.",
    },
    "cov.own": {"en": "{who}'s own records", "ru": "собственные данные"},
    "cov.totals": {
        "en": "totals only (no partner or product detail)",
        "ru": "только итоги (без разбивки)",
    },
    "cov.none": {"en": "not loaded (not stated)", "ru": "не загружен (не приводится)"},
    "cov.mirror": {
        "en": "mirrored from the exports of all {n} countries in the loads",
        "ru": "зеркальные данные всех {n} стран-экспортёров",
    },
    "cov.mirror_most": {
        "en": "mirrored from the exports of {n} of the {of} countries in the loads (the others "
        "export nothing in them and import little)",
        "ru": "зеркальные данные {n} из {of} стран (остальные в данных не экспортируют и "
        "импортируют мало)",
    },
    "cov.mirror_partial": {
        "en": "partial, mirrored from {n} of {of} exporters only ({names}), so not stated",
        "ru": "неполный: зеркальные данные лишь {n} из {of} экспортёров ({names}), не приводится",
    },
    "cov.both": {
        "en": "own and mirror records both loaded, which overlap (not stated)",
        "ru": "загружены и собственные, и зеркальные данные; они пересекаются (не приводится)",
    },
    # -- enterprises -------------------------------------------------------------------------
    "s.enterprises": {"en": "Enterprises", "ru": "Предприятия"},
    "ent.count": {
        "en": "{firms} exported{scope} in {year}{of_group}.",
        "ru": "Экспортёров{scope} в {year} г.{of_group}: {firms}.",
    },
    "ent.scope": {
        "en": " (enterprises of group '{group}')",
        "ru": " (предприятия группы «{group}»)",
    },
    "skip.suppressed": {
        "en": "Every figure of this section rests on fewer enterprises than disclosure control "
        "allows, or on one dominant enterprise: suppressed.",
        "ru": "Все показатели раздела основаны на данных слишком малого числа предприятий или "
        "одного доминирующего: не публикуются.",
    },
    "ent.group": {"en": " (group '{group}')", "ru": " (группа «{group}»)"},
    "ent.group_label": {"en": " (group: {label})", "ru": " ({label})"},
    "ent.scope_label": {"en": " ({label})", "ru": " ({label})"},
    "ent.parts_hidden": {
        "en": "The {kind} is not taken apart between new, gone and continuing exporters: {why} "
        "(disclosure control).",
        "ru": "Разложение {kind} на вклад новых, выбывших и продолжающих экспорт предприятий не "
        "приводится: {why} (защита конфиденциальности).",
    },
    "ent.flows": {
        "en": "Against {compare}: {new} new, {exits} no longer exporting.",
        "ru": "По сравнению с {compare} г.: новых — {new}, прекративших экспорт — {exits}.",
    },
    "ent.flows_group": {
        "en": "Against {compare}: {new} new, {exits} gone (stopped exporting or left the group).",
        "ru": "По сравнению с {compare} г.: новых — {new}, выбывших (прекративших экспорт или "
        "вышедших из группы) — {exits}.",
    },
    "ent.per_firm": {
        "en": "Exports per enterprise were {value}.",
        "ru": "Экспорт в расчёте на одно предприятие — {value}.",
    },
    "ent.growth": {
        "en": "Of the {change} {kind}, new exporters brought {new}, enterprises that stopped "
        "exporting took away {exits}, and continuing exporters {continuing_verb} {continuing}.",
        "ru": "Из {kind} в {change} новые экспортёры дали {new}, прекратившие экспорт "
        "предприятия — минус {exits}, продолжающие экспорт — {continuing_sign}{continuing}.",
    },
    "ent.growth_group": {
        "en": "Of the {change} {kind}, new exporters brought {new}, those gone took away "
        "{exits}, and continuing exporters {continuing_verb} {continuing}.",
        "ru": "Из {kind} в {change} новые экспортёры дали {new}, выбывшие — минус {exits}, "
        "продолжающие экспорт — {continuing_sign}{continuing}.",
    },
    "ent.increase": {"en": "increase", "ru": "прироста"},
    "ent.decrease": {"en": "decrease", "ru": "снижения"},
    "ent.added": {"en": "added", "ru": ""},
    "ent.lost": {"en": "lost", "ru": ""},
    "ent.partners": {
        "en": "Most enterprises exported to {items}.",
        "ru": "Больше всего экспортёров — в направлениях: {items}.",
    },
    "ent.top": {
        "en": "The largest exporters were {items}.",
        "ru": "Крупнейшие экспортёры: {items}.",
    },
    "ent.membership": {
        "en": "Enterprises are counted with the group's membership of each year ({years}).",
        "ru": "Предприятия учитываются по составу группы в каждом году ({years}).",
    },
    "ent.suppressed": {
        "en": "Disclosure control: {rule}; {n} of this report's tables were suppressed.",
        "ru": "Защита конфиденциальности: {rule}; в таблицах отчёта скрыто: {n}.",
    },
    "ent.rule": {
        "en": "figures resting on fewer than {min_firms} enterprises, or with one enterprise "
        "over {dominance}% of them, are suppressed, with further figures where a total would "
        "reveal them",
        "ru": "не публикуются показатели, основанные на данных менее {min_firms} предприятий "
        "или с долей одного предприятия более {dominance}%, а также показатели, по которым их "
        "можно восстановить из итога",
    },
    "ent.lifted": {
        "en": "Disclosure control was lifted for this report (--no-suppress): it shows figures "
        "of single enterprises and is not for publication.",
        "ru": "Защита конфиденциальности отключена (--no-suppress): отчёт содержит показатели "
        "отдельных предприятий и не предназначен для публикации.",
    },
    "ent.single": {
        "en": "Figures of single enterprises are not shown.",
        "ru": "Показатели отдельных предприятий не приводятся.",
    },
    "ent.hidden": {
        "en": "The group's total is suppressed: it rests on too few enterprises or on one "
        "dominant enterprise.",
        "ru": "Итог по группе не публикуется: он основан на данных слишком малого числа "
        "предприятий или одного доминирующего.",
    },
    "skip.firms": {
        "en": "The records of {who} carry no enterprises (no firm column loaded).",
        "ru": "Записи {who_gen} не содержат сведений о предприятиях (код декларанта не загружен).",
    },
    "and": {"en": " and ", "ru": " и "},
    "deficit": {"en": "a deficit", "ru": "дефицит"},
    "surplus": {"en": "a surplus", "ru": "профицит"},
    "unconcentrated": {"en": "unconcentrated", "ru": "низкая концентрация"},
    "moderate": {"en": "moderately concentrated", "ru": "умеренная концентрация"},
    "concentrated": {"en": "highly concentrated", "ru": "высокая концентрация"},
    "total": {"en": "Total", "ru": "Итого"},
    "appendix": {"en": "Figures behind this section", "ru": "Данные раздела"},
    "skipped": {"en": "Skipped", "ru": "Раздел пропущен"},
}


def say(key: str, lang: str, **values: object) -> str:
    """The template ``key`` in ``lang`` with ``values`` put in.

    Examples
    --------
    >>> say("dest.new", "en", year=2020, names="Mongolia")
    'New markets in 2020: Mongolia.'
    """
    try:
        template = T[key][lang]
    except KeyError:
        raise InputError(f"No {lang!r} wording for {key!r}.") from None
    # A sentence that ends on an abbreviation (``долл.``) takes no second full stop.
    return template.format(**values).replace("..", ".")


def listing(items: list[str], lang: str) -> str:
    """``a, b and c`` (``a, b и c``).

    Examples
    --------
    >>> listing(["China", "Japan", "India"], "en")
    'China, Japan and India'
    """
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + T["and"][lang] + items[-1]
