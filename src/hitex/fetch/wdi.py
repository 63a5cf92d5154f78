"""World Bank World Development Indicators: a published series, kept for comparison.

The World Bank's API v2 (``/v2/country/RUS;CHN/indicator/TX.VAL.TECH.CD?format=json``)
answers a list ``[page info, records]``; every page is read. hitex speaks it with httpx (as it
does Comtrade) rather than through ``wbgapi``: one client, one cache and one way of waiting on
rate limits for every source, and a base address that can be set (``$HITEX_WDI_URL``).
The series is written as a CSV (``indicator, country, iso3, year, value``), never loaded as
trade records.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from hitex.errors import InputError
from hitex.fetch.http import Client, FetchError, message, request_key

#: The World Bank's API.
BASE = "https://api.worldbank.org"

#: Records asked per page.
PER_PAGE = 1000

#: The CSV's columns.
COLUMNS = ("indicator", "indicator_name", "country", "iso3", "year", "value", "lastupdated")


def base_url() -> str:
    """``$HITEX_WDI_URL`` or the World Bank's address."""
    return (os.environ.get("HITEX_WDI_URL") or BASE).rstrip("/")


def fetch(
    indicator: str,
    countries: Sequence[str],
    years: Iterable[int] | None = None,
    *,
    client: Client | None = None,
) -> pd.DataFrame:
    """The series for ``countries`` (ISO alpha-3; hitex's names are resolved), every page."""
    from hitex.reference.countries import resolve  # noqa: PLC0415

    if not indicator.strip():
        raise InputError("Give the indicator (e.g. --indicator TX.VAL.TECH.CD).")
    every = not countries or [c.lower() for c in countries] == ["all"]
    codes = ["all"] if every else [resolve(c, subdivisions=False) for c in countries]
    span = sorted(set(years)) if years is not None else []
    url = f"{base_url()}/v2/country/{';'.join(codes)}/indicator/{indicator.strip()}"
    own = client is None
    client = client or Client("The World Bank", explain=_explain)
    rows: list[dict[str, Any]] = []
    try:
        page, pages = 1, 1
        while page <= pages:
            params = {"format": "json", "per_page": PER_PAGE, "page": page}
            if span:
                params["date"] = f"{span[0]}:{span[-1]}"
            name = f"{indicator.strip()}_{'-'.join(codes)}_{request_key(url, params)}.json"
            _, doc, _ = client.cached_json("wdi", name, url, params)
            info, records = _page(doc, indicator)
            pages = int(info.get("pages") or 1)
            for r in records:
                rows.append(
                    {
                        "indicator": (r.get("indicator") or {}).get("id", indicator),
                        "indicator_name": (r.get("indicator") or {}).get("value", ""),
                        "country": (r.get("country") or {}).get("value", ""),
                        "iso3": r.get("countryiso3code") or (r.get("country") or {}).get("id"),
                        "year": int(r["date"]) if str(r.get("date", "")).isdigit() else None,
                        "value": r.get("value"),
                        "lastupdated": info.get("lastupdated", ""),
                    }
                )
            page += 1
    finally:
        if own:
            client.close()
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    if span:
        frame = frame[frame["year"].isin(span)]
    if frame.empty or frame["value"].isna().all():
        raise FetchError(
            f"The World Bank publishes no values of {indicator} for {', '.join(codes)}"
            + (f" in {span[0]}-{span[-1]}" if span else "")
            + "."
        )
    frame = frame.astype({"year": "Int64", "value": "Float64"})
    return frame.sort_values(["iso3", "year"], ignore_index=True)


def save(frame: pd.DataFrame, out: Path) -> Path:
    """Write the series as CSV (one line per country and year; empty value: not published)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(out, index=False)
    return out


def default_out(indicator: str, client_cache: Path | None = None) -> Path:
    """``<cache>/wdi/<indicator>.csv``."""
    from hitex.fetch.http import cache_dir  # noqa: PLC0415

    return (client_cache or cache_dir()) / "wdi" / f"{indicator}.csv"


def _page(doc: Any, indicator: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    # An error is a one-element list holding {"message": [{"id", "key", "value"}]}.
    if isinstance(doc, list) and doc and isinstance(doc[0], dict) and "message" in doc[0]:
        said = "; ".join(
            f"{m.get('key', '')}: {m.get('value', '')}" for m in doc[0]["message"] or []
        )
        raise FetchError(f"The World Bank refused indicator {indicator} ({said}).")
    if not isinstance(doc, list) or len(doc) < 1 or not isinstance(doc[0], dict):
        raise FetchError(f"The World Bank's answer for {indicator} is not a data answer.")
    records = doc[1] if len(doc) > 1 and isinstance(doc[1], list) else []
    return doc[0], records


def _explain(response: object) -> FetchError:
    import httpx  # noqa: PLC0415

    assert isinstance(response, httpx.Response)
    return FetchError(
        f"The World Bank refused the request ({response.status_code}: {message(response)})"
    )
