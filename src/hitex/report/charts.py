"""Charts as Vega-Lite specs built with Altair, and their offline rendering to SVG.

Every chart has a title, its units and a source line (the subtitle), and readable labels.
Specs carry their data inline, and the world map its geometry (world-atlas, shipped in
``data/``), so :func:`svg` needs nothing from the network.
"""

from __future__ import annotations

import functools
import json
import math
import re
from importlib import resources
from typing import TYPE_CHECKING, Any

import altair as alt
import pandas as pd

from hitex.report import names
from hitex.report.model import Chart

if TYPE_CHECKING:
    from hitex.report.sections import Spec

WIDTH = 560
BLUE, ORANGE, GREY = "#2b6cb0", "#dd6b20", "#a0aec0"

_UNITS = {"en": "US$ million", "ru": "млн долл. США"}
_SOURCE = {"en": "Source: hitex warehouse", "ru": "Источник: хранилище hitex"}
_TITLES = {
    "history": ("Exports by year", "Экспорт по годам"),
    "partners": ("Largest destinations, with growth", "Крупнейшие направления и рост"),
    "partners_value": ("Largest destinations", "Крупнейшие направления"),
    "world": ("Exports by destination", "Экспорт по странам назначения"),
    "products": ("Largest HS headings, share of the total", "Крупнейшие товарные позиции, доля"),
    "enduse": ("Finished goods and parts", "Готовые изделия и комплектующие"),
    "balance": ("Exports, imports and balance", "Экспорт, импорт и баланс"),
}


def _title(key: str, c: Spec, units: str | None = None) -> alt.TitleParams:
    en, ru = _TITLES[_titled(key, c)]
    text = ru if c.lang == "ru" else en
    sub = f"{units or _UNITS[c.lang]}. {_SOURCE[c.lang]}: {c.who}, {c.year}"
    return alt.TitleParams(text=text, subtitle=sub, anchor="start")


#: Vega's number and time format locale for Russian charts: ``1 532,6``, "январь 2020".
RU_LOCALE: dict[str, Any] = {
    "number": {"decimal": ",", "thousands": "\u00a0", "grouping": [3],
               "currency": ["", "\u00a0долл."], "minus": "\u2212"},
    "time": {
        "dateTime": "%A, %e %B %Y г. %X", "date": "%d.%m.%Y", "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница",
                 "суббота"],
        "shortDays": ["вс", "пн", "вт", "ср", "чт", "пт", "сб"],
        "months": ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
                   "сентябрь", "октябрь", "ноябрь", "декабрь"],
        "shortMonths": ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт",
                        "ноя", "дек"],
    },
}  # fmt: skip


def _titled(key: str, c: Spec) -> str:
    """The title's key: a partners chart without a base year promises no growth."""
    return "partners_value" if key == "partners" and c.compare is None else key


def _chart(key: str, c: Spec, chart: alt.TopLevelMixin) -> Chart:
    spec = chart.to_dict()
    title = _TITLES[_titled(key, c)][1 if c.lang == "ru" else 0]
    if c.lang == "ru":
        config = spec.setdefault("config", {})
        config["locale"] = RU_LOCALE
        # Vega describes axes, titles and marks to screen readers in English ("X-axis for a
        # discrete scale", "value_usd_m: 1 149,11"): a Russian chart is described by its own
        # title instead; its figures are in the section's table.
        config["aria"] = False
        spec["description"] = title
    return Chart(key, title, spec)


def _with_geometry(spec: dict[str, Any]) -> dict[str, Any]:
    """Put the world's geometry into the spec's empty topojson dataset.

    Altair is given an empty placeholder: validating 100 KB of coordinates cost it a second
    a map.
    """
    datasets = {k: (_geometry() if v == {} else v) for k, v in spec.get("datasets", {}).items()}
    return {**spec, "datasets": datasets} if datasets else spec


def _millions(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """Copies of value columns in US$ million, for axes (labels only; figures stay exact)."""
    return frame.assign(**{f"{col}_m": frame[col] / 1e6 for col in columns})


def history(frame: pd.DataFrame, c: Spec) -> Chart:
    """Bars of the value of each year loaded."""
    data = _millions(frame[["year", "value_usd"]], "value_usd").astype({"year": str})
    bars = (
        alt.Chart(data)
        .mark_bar(color=BLUE)
        .encode(
            x=alt.X("year:N", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value_usd_m:Q", title=_UNITS[c.lang]),
            tooltip=["year", alt.Tooltip("value_usd_m:Q", format=",.2f")],
        )
    )
    labels = bars.mark_text(dy=-6, fontSize=11).encode(
        text=alt.Text("value_usd_m:Q", format=",.1f")
    )
    return _chart("history", c, (bars + labels).properties(
        width=WIDTH, height=220, title=_title("history", c)))  # fmt: skip


def partners(frame: pd.DataFrame, c: Spec) -> Chart:
    """Horizontal bars of the largest partners, labelled with their growth."""
    data = _millions(frame, "value_usd")
    data = data.assign(
        name=[c.partner(p) for p in data["partner"]],
        label=[_growth_label(g, c) for g in data.get("growth_pct", [None] * len(data))],
    )[["name", "value_usd_m", "label"]]
    order = data["name"].tolist()
    bars = (
        alt.Chart(data)
        .mark_bar(color=BLUE)
        .encode(
            y=alt.Y("name:N", sort=order, title=None),
            x=alt.X("value_usd_m:Q", title=_UNITS[c.lang]),
            tooltip=["name", alt.Tooltip("value_usd_m:Q", format=",.2f"), "label"],
        )
    )
    labels = bars.mark_text(align="left", dx=4, fontSize=11).encode(text="label:N")
    return _chart("partners", c, (bars + labels).properties(
        width=WIDTH - 140, height=22 * len(data), title=_title("partners", c)))  # fmt: skip


def _growth_label(growth: Any, c: Spec) -> str:
    if growth is None or growth is pd.NA or math.isnan(growth):
        return ""
    return c.pct(growth, sign=True)


@functools.cache
def _geometry() -> dict[str, Any]:
    path = resources.files("hitex.report").joinpath("data", "world-atlas", "countries-110m.json")
    geometry: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return geometry


def world(frame: pd.DataFrame, c: Spec) -> Chart:
    """A world map of destinations shaded by value."""
    rows = [{"id": names.m49(p), "name": c.partner(p), "value": v / 1e6}
            for p, v in zip(frame["partner"], frame["value_usd"], strict=True)
            if names.m49(p) is not None]  # fmt: skip
    # The geometry goes in after the spec is built (_with_geometry).
    geo = alt.InlineData(values={}, format=alt.DataFormat(type="topojson", feature="countries"))
    land = alt.Chart(geo).mark_geoshape(fill="#edf2f7", stroke="white", strokeWidth=0.5)
    shaded = (
        alt.Chart(geo)
        .mark_geoshape(stroke="white", strokeWidth=0.5)
        .transform_lookup(
            lookup="id",
            from_=alt.LookupData(alt.InlineData(values=rows), "id", ["name", "value"]),
        )
        .transform_filter("isValid(datum.value)")
        .encode(
            color=alt.Color("value:Q", title=_UNITS[c.lang],
                            scale=alt.Scale(type="sqrt", scheme="blues")),
            tooltip=["name:N", alt.Tooltip("value:Q", format=",.2f")],
        )
    )  # fmt: skip
    chart = (land + shaded).project("equalEarth").properties(
        width=WIDTH, height=300, title=_title("world", c))  # fmt: skip
    made = _chart("world", c, chart)
    return Chart(made.name, made.title, _with_geometry(made.spec))


def _label(name: object, limit: int = 38) -> str:
    """A product's name short enough for an axis, cut at a word, never inside one."""
    text = str(name).split(";")[0].split(" (")[0].strip()
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",:") + "…"


def products(frame: pd.DataFrame, c: Spec) -> Chart:
    """Bars of the largest HS headings' shares of the total."""
    data = frame.assign(
        label=[f"{g} {_label(n)}" for g, n in
               zip(frame["group"], frame["group_name"], strict=True)],
    )[["label", "share_pct", "value_usd"]]  # fmt: skip
    order = data["label"].tolist()
    bars = (
        alt.Chart(data)
        .mark_bar(color=ORANGE)
        .encode(
            y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)),
            x=alt.X("share_pct:Q", title="%"),
            tooltip=["label", alt.Tooltip("share_pct:Q", format=".1f")],
        )
    )
    text = bars.mark_text(align="left", dx=4, fontSize=11).encode(
        text=alt.Text("share_pct:Q", format=".1f"))  # fmt: skip
    unit = "% of the total" if c.lang == "en" else "% от общего объёма"
    return _chart("products", c, (bars + text).properties(
        width=WIDTH - 280, height=22 * len(data), title=_title("products", c, unit)))  # fmt: skip


_STAGE_RU = {"finished": "готовые изделия", "parts": "комплектующие"}


def enduse(frame: pd.DataFrame, c: Spec) -> Chart:
    """Grouped bars: finished goods and parts in the base year and the report's year."""
    rows = []
    columns = (frame[k].tolist() for k in ("group", "base_value_usd", "value_usd"))
    for code, base, value in zip(*columns, strict=True):
        stage = _STAGE_RU.get(str(code), str(code)) if c.lang == "ru" else code
        rows.append({"stage": stage, "year": str(c.compare), "value": base / 1e6})
        rows.append({"stage": stage, "year": str(c.year), "value": value / 1e6})
    chart = alt.Chart(pd.DataFrame(rows)).mark_bar().encode(
        x=alt.X("year:N", title=None, axis=alt.Axis(labelAngle=0)),
        xOffset="year:N",
        column=alt.Column("stage:N", title=None),
        y=alt.Y("value:Q", title=_UNITS[c.lang]),
        color=alt.Color("year:N", scale=alt.Scale(range=[GREY, BLUE]), title=None),
    ).properties(width=200, height=200, title=_title("enduse", c))  # fmt: skip
    return _chart("enduse", c, chart)


def balance(frame: pd.DataFrame, c: Spec) -> Chart:
    """Lines of exports, imports and the balance by year."""
    labels = {"en": ("exports", "imports", "balance"), "ru": ("экспорт", "импорт", "баланс")}
    long = frame.melt(id_vars=["year"], value_vars=["exports_usd", "imports_usd", "value_usd"])
    long["series"] = long["variable"].map(dict(zip(["exports_usd", "imports_usd", "value_usd"],
                                                   labels[c.lang], strict=True)))  # fmt: skip
    long["value"] = long["value"] / 1e6
    long = long.astype({"year": str})[["year", "series", "value"]]
    chart = alt.Chart(long).mark_line(point=True).encode(
        x=alt.X("year:N", title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=_UNITS[c.lang]),
        color=alt.Color("series:N", title=None, scale=alt.Scale(range=[BLUE, ORANGE, GREY])),
    ).properties(width=WIDTH, height=240, title=_title("balance", c))  # fmt: skip
    return _chart("balance", c, chart)


def svg(chart: Chart) -> str:
    """The chart as SVG markup, rendered offline by vl-convert."""
    import vl_convert  # noqa: PLC0415 - loads a JavaScript engine; only rendering needs it

    drawn = str(vl_convert.vegalite_to_svg(chart.spec))
    # Vega labels a title "Title text '...'" for screen readers, in English whatever the
    # chart's language: the title's own words are label enough.
    return _TITLE_ARIA.sub(lambda m: f'aria-label="{m.group(1)}"', drawn)


_TITLE_ARIA = re.compile("aria-label=\"(?:Sub)?[Tt]itle text '(.*?)'\"")
