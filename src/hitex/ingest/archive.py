"""CEPII BACI release archives (``BACI_HS17_V202401b.zip``) as they are downloaded.

A release zip holds one CSV per year (``BACI_HS17_Y2020_V202401b.csv``), the release's
country list (``country_codes_V202401b.csv``) and its product list
(``product_codes_HS17_V202401b.csv``). Loading the zip loads each year file, one at a time,
unpacked into a temporary folder next to nothing else and removed after its load; the
release's own country list is checked against hitex's before any year is loaded, so that a
code that means another country in this release stops the load instead of being
misattributed.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from hitex.errors import BadFileError, InputError
from hitex.ingest.base import not_a_file

R = TypeVar("R")

#: ``BACI_HS17_Y2020_V202401b.csv`` -> edition, year, release.
YEAR_FILE = re.compile(r"(?:.*/)?BACI_(HS\d\d)_Y(\d{4})_V(\w+)\.csv", re.IGNORECASE)
COUNTRY_FILE = re.compile(r"(?:.*/)?country_codes_V(\w+)\.csv", re.IGNORECASE)
PRODUCT_FILE = re.compile(r"(?:.*/)?product_codes_(HS\d\d)_V(\w+)\.csv", re.IGNORECASE)


@dataclass(frozen=True)
class Release:
    """What a BACI release zip holds."""

    path: Path
    edition: str
    release: str
    #: Year -> member name of its CSV.
    years: dict[int, str]
    countries: str | None
    products: str | None

    @property
    def name(self) -> str:
        """``HS17 V202401b``."""
        return f"{self.edition} V{self.release}"


def is_archive(path: Path) -> bool:
    """Whether ``path`` is a zip file (by its name)."""
    return path.suffix.lower() == ".zip"


def read_release(path: Path) -> Release:
    """List a release zip's year files and code lists; refuse a zip that is not one."""
    try:
        with zipfile.ZipFile(path) as z:
            names = z.namelist()
    except (OSError, zipfile.BadZipFile) as exc:
        raise BadFileError(
            f"{path.name} cannot be read as a zip archive ({exc}).", file=path.name,
            ru=f"{path.name} не читается как ZIP-архив (сообщение при чтении: «{exc}»).",
        ) from None  # fmt: skip
    years: dict[int, str] = {}
    editions: set[str] = set()
    releases: set[str] = set()
    countries = products = None
    for n in names:
        if m := YEAR_FILE.fullmatch(n):
            years[int(m.group(2))] = n
            editions.add(m.group(1).upper())
            releases.add(m.group(3))
        elif COUNTRY_FILE.fullmatch(n):
            countries = n
        elif m := PRODUCT_FILE.fullmatch(n):
            products = n
            editions.add(m.group(1).upper())
    if not years:
        raise BadFileError(
            f"{path.name} holds no BACI year file (BACI_HSxx_Yyyyy_Vrelease.csv); it holds "
            f"{', '.join(names[:6]) or 'nothing'}.",
            file=path.name,
            ru=f"В {path.name} нет годового файла BACI (BACI_HSxx_Yyyyy_Vrelease.csv); "
            + (f"в архиве: {', '.join(names[:6])}." if names else "архив пуст."),
        )
    # The product list names the edition too: a list of another edition is a mixed zip.
    if len(editions) > 1 or len(releases) > 1:
        raise BadFileError(
            f"{path.name} mixes BACI editions or releases ({', '.join(sorted(editions))}; "
            f"V{', V'.join(sorted(releases))}): load its files one by one.",
            file=path.name,
            ru=f"В {path.name} смешаны редакции или выпуски BACI ({', '.join(sorted(editions))}; "
            f"V{', V'.join(sorted(releases))}): загрузите его файлы по одному.",
        )
    return Release(path, editions.pop(), releases.pop(), dict(sorted(years.items())), countries,
                   products)  # fmt: skip


def release_countries(release: Release) -> dict[int, str]:
    """The release's country list: BACI code -> ISO alpha-3 (where it gives a 3-letter code).

    Reads both layouts CEPII has used: ``country_code, country_name_abbreviation,
    country_name_full, iso_2digit_alpha, iso_3digit_alpha`` (to V202301) and ``country_code,
    country_name, country_iso2, country_iso3`` (from V202401).
    """
    if release.countries is None:
        return {}
    with zipfile.ZipFile(release.path) as z, z.open(release.countries) as f:
        rows = list(csv.DictReader(io.TextIOWrapper(f, encoding="utf-8-sig", newline="")))
    out: dict[int, str] = {}
    for number, row in enumerate(rows, start=2):
        code = (row.get("country_code") or "").strip()
        iso = (row.get("country_iso3") or row.get("iso_3digit_alpha") or "").strip().upper()
        if not code.isdigit():
            raise BadFileError(
                f"{release.path.name}: {release.countries} line {number}, column country_code: "
                f"{code!r} is not a number.",
                file=release.countries, line=number, column="country_code", value=code,
                ru=f"{release.path.name}: {release.countries}, строка {number}, столбец "
                f"country_code: {code!r} — не число.",
            )  # fmt: skip
        if re.fullmatch(r"[A-Z]{3}", iso):
            out[int(code)] = iso
    return out


def release_products(release: Release) -> list[str]:
    """The release's product codes, six digits (a dropped leading zero put back)."""
    if release.products is None:
        return []
    with zipfile.ZipFile(release.path) as z, z.open(release.products) as f:
        rows = list(csv.DictReader(io.TextIOWrapper(f, encoding="utf-8-sig", newline="")))
    return [str(r.get("code", "")).strip().zfill(6) for r in rows if str(r.get("code", "")).strip()]


def check_countries(release: Release, known: dict[int, str]) -> list[int]:
    """Refuse a release whose code means another country than in hitex's table.

    ``known`` is hitex's BACI/Comtrade code -> ISO alpha-3. Returns the release's codes that
    hitex does not know (their records are refused at load with the reason "unknown country").
    """
    own = release_countries(release)
    from hitex.reference.countries import entities_frame  # noqa: PLC0415

    # hitex keeps historical and special entities under codes of their own (58 BLX
    # Belgium-Luxembourg, 280 X280): the release naming their main country is no clash.
    entities = set(entities_frame()["code"])
    clash = [
        (c, iso, known[c]) for c, iso in sorted(own.items())
        if c in known and known[c] != iso and known[c] not in entities
    ]  # fmt: skip
    if clash:
        c, iso, hitex = clash[0]
        more = f" (and {len(clash) - 1} more)" if len(clash) > 1 else ""
        raise BadFileError(
            f"{release.path.name}: {release.countries} gives code {c} as {iso}, where hitex's "
            f"country table has {hitex}{more}; nothing was loaded.",
            file=release.countries, column="country_code", value=str(c),
            ru=f"{release.path.name}: {release.countries} относит код {c} к {iso}, а в таблице "
            f"стран hitex это {hitex}"
            + (f" (и ещё {len(clash) - 1})" if len(clash) > 1 else "")
            + "; ничего не загружено.",
        )  # fmt: skip
    return [c for c in sorted(own) if c not in known]


def choose_years(release: Release, years: Iterable[int] | None) -> list[int]:
    """The years to load: all, or the ones asked (each must be in the zip)."""
    if years is None:
        return list(release.years)
    asked = sorted(set(years))
    missing = [y for y in asked if y not in release.years]
    if missing:
        have = ", ".join(map(str, release.years))
        raise InputError(
            f"{release.path.name} has no year {', '.join(map(str, missing))}; it has {have}.",
            ru=f"В {release.path.name} нет данных за {', '.join(map(str, missing))} "
            f"{'г.' if len(missing) == 1 else 'гг.'}; есть за {have}.",
        )
    return asked


@contextmanager
def unpacked(release: Release, year: int) -> Iterator[Path]:
    """The year's CSV unpacked into a temporary folder (removed afterwards)."""
    member = release.years[year]
    folder = Path(tempfile.mkdtemp(prefix="hitex-baci-"))
    try:
        target = folder / Path(member).name
        with zipfile.ZipFile(release.path) as z, z.open(member) as src, target.open("wb") as out:
            shutil.copyfileobj(src, out, 1 << 22)
        yield target
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def load(
    path: Path,
    fmt: str,
    years: Iterable[int] | None,
    load_one: Callable[[Path], list[R]],
) -> list[R]:
    """Load a release zip's years one by one through ``load_one`` (a file's usual load).

    The release's country list is checked first (:func:`check_countries`), so that a
    release that names countries differently from hitex loads nothing.
    """
    if fmt != "baci":
        raise InputError(
            f"{path.name} is a zip archive: hitex loads zips that are BACI releases "
            "(--format baci); unpack other archives first.",
            ru=f"{path.name} — ZIP-архив: hitex загружает только ZIP-архивы выпусков BACI "
            "(--format baci); другие архивы сначала распакуйте.",
        )
    if not path.is_file():
        raise not_a_file(path)
    release = read_release(path)
    from hitex.reference.countries import trade_codes_frame  # noqa: PLC0415

    trade = trade_codes_frame()
    check_countries(release, dict(zip(trade["code"], trade["iso3"], strict=True)))
    results: list[R] = []
    for year in choose_years(release, years):
        with unpacked(release, year) as csv_path:
            results += load_one(csv_path)
    return results
