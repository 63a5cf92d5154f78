"""EBOPS codes as services files write them, and the EBOPS 2010 code each record takes.

UN Comtrade answers services in four code lists (``classificationCode``): ``EB10S`` (the
EBOPS 2010 SDMX letter codes ``S``, ``SA`` ... ``SJ31``), ``EB10`` (EBOPS 2010 numbered as in
MSITS 2010: ``200`` total, ``8`` charges for the use of intellectual property, ``10.3.1``
architectural, engineering and other technical services), ``EB02`` (EBOPS 2002: ``200`` total,
``266`` royalties and licence fees, ``262`` computer and information services) and ``EB`` (the
union of the EB02 and EB10S lists). ``data/ebops/comtrade_services_codes.csv`` gives every
code of those lists the EBOPS 2010 code it is loaded as (upper case; ``TOTAL`` for the total,
which like goods' ``TOTAL`` never adds to its parts), or the reason it is refused:

* ``memorandum item``: a supplementary item (``C.5`` services between related enterprises)
  or an "of which" (``SC11z``); it is not a part of the total and would count trade twice;
* ``alternative breakdown``: a second split of the same value (transport by type, ``SCA``,
  ``3a.1``; travel by product, ``SD1``, ``4a.1``; "other modes" by mode, ``SC3A``); hitex
  keeps the BPM6 main breakdown (transport by mode, travel business / personal);
* ``no single EBOPS 2010 component: ...``: an EBOPS 2002 item that EBOPS 2010 split
  (``262`` computer *and* information services; ``245`` postal and telecommunications).
  Its parts load (``263`` computer services as ``SI2``, ``264`` as ``SI3``).

The lists do not collide: EB10's numbers are ``1`` to ``12`` with dotted sub-items, EB02's
are three digits, and ``200`` is the total in both. BPM6 services from other sources load
with either form through ``--format flows --classification EBOPS2010``.
"""

from __future__ import annotations

import csv
import functools

import pyarrow as pa

from hitex.reference._files import data_path


@functools.lru_cache(maxsize=1)
def _rows() -> list[dict[str, str]]:
    path = data_path("ebops", "comtrade_services_codes.csv")
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@functools.lru_cache(maxsize=1)
def services_codes() -> dict[str, tuple[str, str]]:
    """Return, for every code (upper case), the EBOPS 2010 code it loads as and the reason if not.

    Examples
    --------
    >>> codes = services_codes()
    >>> codes["200"], codes["266"], codes["10.3.1"], codes["SJ31"]
    (('TOTAL', ''), ('SH', ''), ('SJ31', ''), ('SJ31', ''))
    >>> codes["262"][1]
    'no single EBOPS 2010 component: computer (SI2) and information (SI3) services'
    """
    return {r["code"].upper(): (r["ebops2010"], r["reason"]) for r in _rows()}


def _sentence(code: str, why: str) -> str:
    if why == "memorandum item":
        return f"EBOPS code {code} is a memorandum item, not a part of the services total"
    if why == "alternative breakdown":
        return (
            f"EBOPS code {code} belongs to an alternative breakdown of the same services;"
            " only the main breakdown is loaded"
        )
    detail = why.partition(": ")[2]
    return (
        f"EBOPS 2002 code {code} has no single EBOPS 2010 component"
        + (f" ({detail})" if detail else "")
        + "; only its parts are loaded"
    )


def codes_table() -> pa.Table:
    """Every services code (upper case) with the EBOPS 2010 code it loads as, or why not.

    One row per code of the lists: ``services_code``, ``services_product`` (the EBOPS 2010
    code, NULL when refused) and ``services_reason`` (the sentence, NULL when it loads). The
    load plan joins it as a table rather than spelling its few hundred codes in SQL.

    Examples
    --------
    >>> rows = {r["services_code"]: r for r in codes_table().to_pylist()}
    >>> rows["10.3.1"]["services_product"], rows["10.3.1"]["services_reason"]
    ('SJ31', None)
    >>> print(rows["262"]["services_reason"])  # doctest: +ELLIPSIS
    EBOPS 2002 code 262 has no single EBOPS 2010 component (computer (SI2) and ...
    """
    written = {r["code"].upper(): r["code"] for r in _rows()}
    found = [
        (k, v or None, None if v or not why else _sentence(written[k], why))
        for k, (v, why) in services_codes().items()
        if v or why
    ]
    return pa.table(
        {
            "services_code": pa.array([r[0] for r in found], pa.string()),
            "services_product": pa.array([r[1] for r in found], pa.string()),
            "services_reason": pa.array([r[2] for r in found], pa.string()),
        }
    )
