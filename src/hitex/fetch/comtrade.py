"""UN Comtrade: data requests to the current API (preview, final data, bulk files).

The requests follow the URL scheme of UN Comtrade's own Python client ``comtradeapicall``
(``public/v1/preview/{type}/{freq}/{cl}`` without a key, ``data/v1/get/{type}/{freq}/{cl}``
with one, ``bulk/v1/get/{type}/{freq}/{cl}`` for bulk files; parameters ``reporterCode``,
``period``, ``partnerCode``, ``partner2Code``, ``cmdCode``, ``flowCode``, ``customsCode``,
``motCode``, ``maxRecords``, ``includeDesc``). hitex speaks the API itself (with httpx)
rather than calling that client, because the client's base address is fixed (no mirror, no
local test server), it prints errors instead of raising them, does not wait as
``Retry-After`` says, and keeps no cache.

Reporters and partners are resolved through hitex's bundled country lists
(``reference/data/comtrade-areas``): a request names Comtrade's own numeric codes (842 USA,
251 France, 699 India).
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx

from hitex.errors import InputError, UnknownCodeError
from hitex.fetch.http import Client, FetchError, message, request_key
from hitex.ingest.comtrade import CLASSIFICATION_CODES

#: The public address of the API (``$HITEX_COMTRADE_URL`` replaces it).
BASE = "https://comtradeapi.un.org"

#: Records one answer may hold: 500 in a preview (no key), 100,000 with a key (the API's
#: limits for a free subscription); an answer that holds this many may be cut off.
PREVIEW_LIMIT = 500
FINAL_LIMIT = 100_000

#: Periods one request may name (the API refuses more).
MAX_PERIODS = 12

#: hitex's flow words and Comtrade's flow codes.
FLOWS = {"export": "X", "import": "M", "re-export": "RX", "re-import": "RM"}

#: Classification codes the API takes.
CLASSIFICATIONS = (
    "HS", "H0", "H1", "H2", "H3", "H4", "H5", "H6", "S1", "S2", "S3", "S4", "SS", "B4", "B5",
    "EB", "EB02", "EB10", "EB10S",
)  # fmt: skip

#: hitex's names of HS editions and SITC revisions -> Comtrade's classification codes (the
#: comtrade reader's table, read the other way), and a few names users write.
ALIASES = {
    **{ours: code for code, ours in CLASSIFICATION_CODES.items() if not code.startswith("EB")},
    "EBOPS": "EB", "EBOPS2010": "EB10", "EBOPS2002": "EB02", "BEC": "B5",
}  # fmt: skip

Step = Callable[[str], None]


@dataclass(frozen=True)
class Request:
    """One data request as the API takes it (codes, not names)."""

    type_code: str  # C goods, S services
    freq: str  # A annual, M monthly
    classification: str  # HS, H5, S4, EB, ...
    reporter: str  # Comtrade reporter code(s), comma-separated
    periods: tuple[str, ...]
    flows: tuple[str, ...]
    partners: tuple[str, ...] | None  # None: every partner
    cmd: tuple[str, ...] | None  # None: every code the API gives by default
    partner2: str | None = "0"
    customs: str | None = "C00"
    mot: str | None = "0"
    label: str = ""

    def params(self, limit: int) -> dict[str, Any]:
        """The query parameters (comtradeapicall's names)."""
        return {
            "reporterCode": self.reporter,
            "period": ",".join(self.periods),
            "partnerCode": ",".join(self.partners) if self.partners else None,
            "partner2Code": self.partner2,
            "cmdCode": ",".join(self.cmd) if self.cmd else None,
            "flowCode": ",".join(self.flows) if self.flows else None,
            "customsCode": self.customs,
            "motCode": self.mot,
            "maxRecords": limit,
            "format": "JSON",
            "includeDesc": "True",
        }

    def describe(self) -> str:
        """Words for messages: reporter, periods, flows."""
        kind = "services" if self.type_code == "S" else "goods"
        flows = ",".join(self.flows) if self.flows else "every flow"
        return f"{kind} of {self.label or self.reporter} in {_periods(self.periods)} (flow {flows})"


@dataclass
class Answer:
    """What one fetch wrote: the answer files, records in each, and the requests left empty."""

    files: list[Path]
    records: int
    empty: list[str]
    cached: int


def base_url() -> str:
    """``$HITEX_COMTRADE_URL`` or the public address."""
    import os  # noqa: PLC0415

    return (os.environ.get("HITEX_COMTRADE_URL") or BASE).rstrip("/")


# -- building requests ----------------------------------------------------------------------
def country_code(value: str, *, role: str = "reporter") -> tuple[str, str]:
    """Comtrade's numeric code of a country (and hitex's code for it, for messages).

    A number is taken as Comtrade's own code; anything else is resolved through hitex's
    country lists (``RUS``, ``Russia``, ``RU``) and then to the code Comtrade lists for it.
    """
    from hitex.reference.countries import (  # noqa: PLC0415
        comtrade_areas_frame,
        resolve,
        trade_codes_frame,
    )

    areas = comtrade_areas_frame()
    listed = areas[areas[role].astype(bool)] if role in areas.columns else areas
    text = value.strip()
    if text.isdigit():
        if int(text) == 0 and role == "partner":
            return "0", "World"
        if int(text) not in set(listed["code"]):
            raise UnknownCodeError.new(f"Comtrade {role} code", text, [])
        trade = trade_codes_frame()
        iso = trade.loc[trade["code"] == int(text), "iso3"]
        return str(int(text)), (str(iso.iloc[0]) if len(iso) else text)
    if role == "partner" and text.upper() in ("WLD", "W00", "WORLD"):
        return "0", "World"
    iso3 = resolve(text, subdivisions=False)
    trade = trade_codes_frame()
    codes = set(trade.loc[trade["iso3"] == iso3, "code"])
    found = sorted(c for c in listed["code"] if c in codes)
    if not found:
        raise InputError(f"UN Comtrade lists no {role} for {iso3} ({text}).")
    # Comtrade's current code first: the largest is the newer one (e.g. 251 for France
    # beside the old 250 where both are listed; 842 beside 840).
    return str(found[-1]), iso3


def periods(years: Iterable[int], freq: str, months: Sequence[int] | None = None) -> list[str]:
    """The API's periods: ``2019`` for a year, ``201901`` for a month."""
    if freq == "A":
        return [str(y) for y in years]
    chosen = list(months or range(1, 13))
    return [f"{y}{m:02d}" for y in years for m in chosen]


def classification_code(text: str, type_code: str) -> str:
    """The API's classification code for ``--classification`` (HS, H5, HS17, S4, EB ...)."""
    code = ALIASES.get(text.upper(), text.upper())
    if code not in CLASSIFICATIONS:
        raise UnknownCodeError.new("Comtrade classification", text, [*CLASSIFICATIONS])
    services = code.startswith("EB")
    if services != (type_code == "S"):
        kind = "services" if type_code == "S" else "goods"
        raise InputError(
            f"Classification {text} is not one of {kind}: goods take HS (or H0-H6, S1-S4, B4, B5), "
            "services take EB (EB02, EB10, EB10S)."
        )
    return code


def flow_codes(text: str | None) -> tuple[str, ...]:
    """``X,M`` or ``export,import`` -> ``("X", "M")``; nothing: every flow."""
    if not text:
        return ()
    out = []
    for item in text.split(","):
        word = item.strip()
        code = FLOWS.get(word.lower(), word.upper())
        if code not in FLOWS.values():
            raise UnknownCodeError.new("flow", word, [*FLOWS.values(), *FLOWS])
        out.append(code)
    return tuple(dict.fromkeys(out))


# -- fetching -------------------------------------------------------------------------------
def fetch(
    request: Request,
    *,
    key: str | None,
    client: Client | None = None,
    max_records: int | None = None,
    progress: Step | None = None,
) -> Answer:
    """Fetch every record of ``request``; split it where an answer may be cut off.

    Without a key the preview endpoint answers (at most 500 records each); with one, final
    data (100,000). Each answer is cached under a name made of the request.
    """
    own = client is None
    client = client or comtrade_client(key)
    limit = max_records or (FINAL_LIMIT if key else PREVIEW_LIMIT)
    path = "data/v1/get" if key else "public/v1/preview"
    answer = Answer([], 0, [], 0)
    try:
        _fetch(client, request, path, key, limit, answer, progress or (lambda _: None))
    finally:
        if own:
            client.close()
    return answer


def comtrade_client(key: str | None) -> Client:
    """An HTTP client for Comtrade: the key in its header, refusals explained."""
    headers = {"Ocp-Apim-Subscription-Key": key} if key else {}
    return Client("UN Comtrade", headers=headers, explain=lambda r: explain(r, key=key))


def _fetch(
    client: Client,
    request: Request,
    path: str,
    key: str | None,
    limit: int,
    answer: Answer,
    step: Step,
) -> None:
    if len(request.periods) > MAX_PERIODS:
        for chunk in _chunks(request.periods, MAX_PERIODS):
            _fetch(client, replace(request, periods=tuple(chunk)), path, key, limit, answer, step)
        return
    url = f"{base_url()}/{path}/{request.type_code}/{request.freq}/{request.classification}"
    params = request.params(limit)
    kind = "final" if key else "preview"
    name = (
        f"{kind}_{request.type_code}{request.freq}_{request.classification}_"
        f"{request.reporter.replace(',', '-')}_{_periods(request.periods).replace(' ', '')}_"
        f"{request_key(url, params)}.json"
    )
    cached = client.cache / "comtrade" / name
    # A request found too large once is split at once when asked again (no request spent).
    too_large = cached.with_name(cached.name.removesuffix(".json") + ".split")
    if too_large.is_file():
        doc = {"data": None}
        count = limit
    elif cached.is_file():
        doc = json.loads(cached.read_text(encoding="utf-8"))
        answer.cached += 1
        count = len(doc.get("data") or [])
    else:
        doc = client.json(url, params)
        _check_answer(doc, request)
        count = len(doc.get("data") or [])
    if count >= limit:
        smaller = split(request)
        if smaller is None:
            raise FetchError(
                f"The answer for {request.describe()} holds {limit:,} records, the most one "
                + ("request may hold" if key else "request without a key may hold")
                + "; ask fewer codes (--cmd, e.g. AG2 or TOTAL) or partners"
                + ("" if key else ", or give a key (COMTRADE_KEY) for up to 100,000")
                + "."
            )
        too_large.parent.mkdir(parents=True, exist_ok=True)
        too_large.touch()
        step(f"{request.describe()}: more than {limit:,} records, split in {len(smaller)}")
        for part in smaller:
            _fetch(client, part, path, key, limit, answer, step)
        return
    if not cached.is_file():
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(cached.name + ".part")
        tmp.write_text(json.dumps(doc), encoding="utf-8")
        tmp.replace(cached)
    if count == 0:
        answer.empty.append(request.describe())
    else:
        answer.files.append(cached)
        answer.records += count
    step(f"{request.describe()}: {count:,} records")


def split(request: Request) -> list[Request] | None:
    """Smaller requests that together ask the same: by reporter, period, flow, partner, code."""
    reporters = request.reporter.split(",")
    labels = request.label.split(",")
    if len(labels) != len(reporters):
        labels = reporters
    partners = request.partners or ()
    codes = request.cmd or ()
    ways: list[tuple[bool, Callable[[], list[Request]]]] = [
        (len(reporters) > 1, lambda: [replace(request, reporter=r, label=n)
                                      for r, n in zip(reporters, labels, strict=True)]),
        (len(request.periods) > 1, lambda: [replace(request, periods=(p,))
                                            for p in request.periods]),
        (len(request.flows) != 1, lambda: [replace(request, flows=(f,))
                                           for f in request.flows or tuple(FLOWS.values())]),
        # Every partner: Comtrade's partner list, in groups.
        (request.partners is None, lambda: [replace(request, partners=tuple(p))
                                            for p in _chunks(_partner_codes(), 40)]),
        (len(partners) > 1, lambda: [replace(request, partners=(p,)) for p in partners]),
        (len(codes) > 1, lambda: [replace(request, cmd=(c,)) for c in codes]),
    ]  # fmt: skip
    return next((make() for applies, make in ways if applies), None)


def _partner_codes() -> list[str]:
    from hitex.reference.countries import comtrade_areas_frame  # noqa: PLC0415

    areas = comtrade_areas_frame()
    codes = areas.loc[areas["partner"].astype(bool), "code"]
    return [str(c) for c in sorted(set(codes)) if c != 0]


def _check_answer(doc: Any, request: Request) -> None:
    if not isinstance(doc, dict) or "data" not in doc:
        raise FetchError(
            f"UN Comtrade's answer for {request.describe()} is not a data answer "
            f"({str(doc)[:120]!r})."
        )
    error = doc.get("error")
    if error:
        raise FetchError(f"UN Comtrade refused {request.describe()}: {error}")


def explain(response: httpx.Response, *, key: str | None) -> FetchError:
    """One sentence for a refused answer: no key, bad key, quota, or the API's reason."""
    status = response.status_code
    said = message(response)
    if status == 401:
        if key:
            return FetchError(
                f"UN Comtrade refused the subscription key (401: {said}) Check COMTRADE_KEY "
                "or --key."
            )
        return FetchError(
            f"UN Comtrade asks for a subscription key (401: {said}) Set COMTRADE_KEY or give "
            "--key (a free key: comtradedeveloper.un.org)."
        )
    if status == 403 and "quota" in said.lower():
        return FetchError(f"The Comtrade key's quota is used up (403: {said})")
    return FetchError(f"UN Comtrade refused the request ({status}: {said})")


def combine(files: Sequence[Path], folder: Path) -> Path:
    """One answer holding the records of several (the parts of a split request), for one load.

    The parts ask disjoint cells (periods, flows, partners, codes), so no record is in two.
    The file's name is made of the parts' names: the same fetch gives the same file, which a
    second load recognises as loaded already.
    """
    import hashlib  # noqa: PLC0415

    if len(files) == 1:
        return files[0]
    digest = hashlib.sha256("\n".join(sorted(f.name for f in files)).encode()).hexdigest()[:16]
    out = folder / f"combined_{digest}.json"
    if out.is_file():
        return out
    records: list[Any] = []
    for f in sorted(files):
        records += json.loads(f.read_text(encoding="utf-8")).get("data") or []
    tmp = out.with_name(out.name + ".part")
    tmp.write_text(
        json.dumps({"count": len(records), "data": records, "error": ""}), encoding="utf-8"
    )
    tmp.replace(out)
    return out


# -- bulk files -----------------------------------------------------------------------------
def fetch_bulk(
    request: Request,
    *,
    key: str | None,
    client: Client | None = None,
    progress: Callable[[str, int, int | None], None] | None = None,
) -> Answer:
    """Download the bulk files of ``request`` (one per reporter and period; a key is needed).

    Each file is a gzip of tab-separated records with the API's columns; it is kept
    unpacked (``.txt``) beside the download, which the comtrade reader loads.
    """
    if not key:
        raise FetchError(
            "UN Comtrade's bulk files need a subscription key: set COMTRADE_KEY or give --key."
        )
    own = client is None
    client = client or comtrade_client(key)
    answer = Answer([], 0, [], 0)
    try:
        for chunk in _chunks(request.periods, MAX_PERIODS):
            url = (
                f"{base_url()}/bulk/v1/get/{request.type_code}/{request.freq}/"
                f"{request.classification}"
            )
            doc = client.json(url, {"reporterCode": request.reporter, "period": ",".join(chunk)})
            _check_answer(doc, request)
            files = doc.get("data") or []
            if not files:
                answer.empty.append(replace(request, periods=tuple(chunk)).describe())
            for item in files:
                answer.files.append(_bulk_file(client, item, progress))
    finally:
        if own:
            client.close()
    return answer


def _bulk_file(
    client: Client, item: dict[str, Any], progress: Callable[[str, int, int | None], None] | None
) -> Path:
    address = httpx.URL(str(item["fileUrl"]))
    # A mirror (or a test server) serves the same paths under another address.
    url = f"{base_url()}{address.path}"
    name = "_".join(
        str(item.get(k, "")) for k in ("typeCode", "freqCode", "reporterCode", "period",
                                       "classificationCode")
    )  # fmt: skip
    name = re.sub(r"[^A-Za-z0-9_.-]", "", name) + f"_{str(item.get('rowKey', ''))[:12]}"
    folder = client.cache / "comtrade" / "bulk"
    gz = folder / f"{name}.txt.gz"
    text = folder / f"{name}.txt"
    if text.is_file():
        return text
    client.download(
        url, gz, progress=(lambda d, t: progress(gz.name, d, t)) if progress else lambda d, t: None
    )
    tmp = text.with_name(text.name + ".part")
    try:
        with gzip.open(gz, "rb") as src, tmp.open("wb") as out:
            shutil.copyfileobj(src, out)
    except (OSError, EOFError) as exc:
        gz.unlink(missing_ok=True)
        raise FetchError(
            f"The bulk file {gz.name} is not a complete gzip file ({exc}); it was removed, run "
            "the command again to download it anew."
        ) from None
    tmp.replace(text)
    return text


def _chunks(items: Sequence[str], size: int) -> list[list[str]]:
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def _periods(values: Sequence[str]) -> str:
    if not values:
        return "every period"
    if len(values) > 2 and all(v.isdigit() for v in values):
        return f"{values[0]}-{values[-1]}"
    return ",".join(values)
