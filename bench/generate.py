"""Generate BACI-shaped trade data: deterministic from a seed, skewed like the real thing.

The output mimics CEPII BACI (release V202301, HS2017 edition): one CSV per year named
``BACI_HS17_Y{year}_V202301.csv`` with the header ``t,i,j,k,v,q`` (year, exporter, importer,
HS6 product written as an integer without leading zeros, value in thousands of USD with
three decimals, quantity in tons, empty for about 2% of rows), plus the same rows in one
Parquet file ``BACI_HS17_V202301.parquet``.

How rows are drawn
------------------
Countries get a lognormal economic mass; products a lognormal popularity that each exporter
tilts by its own specialisation. Rows are shared out between exporters in proportion to
their mass (capped so no exporter fills more than ``max_density`` of its key space), and
each exporter's (importer, product) keys are drawn without replacement with probability
proportional to importer mass x product weight (successive sampling: first distinct draws
when the exporter is sparse, exponential-key top-n when it is dense); 70% of them come from a
stream that ignores the year, so most flows recur from one year to the next. Values combine the
same weights with a per-key lognormal noise that is a hash of the key, so a flow keeps its
size from year to year, and a smaller per-year noise. Every exporter-year draws from its
own seeded stream, so the output does not depend on how the work is chunked, and memory
stays bounded by one write batch whatever the number of rows.

Examples
--------
``python -m bench.generate --rows 10_000_000 --years 2019-2020 --seed 1 --out bench/data``
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from bench import refdata

SCHEMA = pa.schema(
    [
        ("t", pa.int16()),
        ("i", pa.int16()),
        ("j", pa.int16()),
        ("k", pa.int32()),
        ("v", pa.float64()),
        ("q", pa.float64()),
    ]
)
HEADER = b"t,i,j,k,v,q\n"
PARQUET_NAME = "BACI_HS17_V202301.parquet"
MANIFEST_NAME = "manifest.json"
#: Bumped whenever the same spec would give different rows, so cached data is regenerated.
VERSION = 2
BATCH_ROWS = 1_000_000
#: Share of an exporter's keys that recur every year.
PERSISTENT = 0.7
#: Above this fraction of its key space an exporter is sampled with exponential keys.
DENSE_FRACTION = 0.05
#: Values are kept below 1e10 thousand USD so that Arrow never writes them in exponent form.
MAX_MILLI = 10**12


def csv_name(year: int) -> str:
    """BACI's file name for one year of the HS2017 edition."""
    return f"BACI_HS17_Y{year}_V202301.csv"


@dataclasses.dataclass(frozen=True)
class Spec:
    """What to generate: row count (over all years), years, seed and the shape of the world."""

    rows: int
    years: tuple[int, ...]
    seed: int = 1
    exporters: int = 200
    importers: int = 220
    missing_q: float = 0.02
    max_density: float = 0.6


@dataclasses.dataclass(frozen=True)
class World:
    """The parts of the synthetic world that persist from year to year."""

    exporters: np.ndarray  # BACI codes, sorted
    importers: np.ndarray  # BACI codes, sorted
    exporter_mass: np.ndarray
    importer_mass: np.ndarray
    products: np.ndarray  # HS6 codes as integers, sorted
    popularity: np.ndarray  # per product
    unit_price: np.ndarray  # thousand USD per ton, per product


def _rng(spec: Spec, *key: int) -> np.random.Generator:
    """A generator seeded by the spec's seed and a tuple of non-negative integers."""
    return np.random.default_rng([spec.seed, *key])


def _pick_countries(rng: np.random.Generator, codes: np.ndarray, count: int) -> np.ndarray:
    """Choose ``count`` codes at random, always including the required reporters."""
    required = np.array(refdata.REQUIRED_COUNTRIES)
    others = np.setdiff1d(codes, required)
    extra = rng.choice(others, size=min(count, len(codes)) - len(required), replace=False)
    return np.sort(np.concatenate([required, extra]))


def _masses(rng: np.random.Generator, codes: np.ndarray) -> np.ndarray:
    """Lognormal economic masses; the largest few go to the big traders, as in reality."""
    mass = np.sort(rng.lognormal(0.0, 1.5, size=len(codes)))[::-1]
    big = [c for c in (156, 842, 276, 392, 699, 410, 643, 251) if c in set(codes.tolist())]
    order = [int(np.flatnonzero(codes == c)[0]) for c in big]
    rest = [i for i in rng.permutation(len(codes)).tolist() if i not in order]
    out = np.empty(len(codes))
    out[order + rest] = mass
    return out


def build_world(spec: Spec) -> World:
    """Draw the persistent world: countries, masses, products and their prices."""
    rng = _rng(spec, 0)
    codes = refdata.countries()["code"].to_numpy()
    exporters = _pick_countries(rng, codes, spec.exporters)
    importers = _pick_countries(rng, codes, spec.importers)
    mass = dict(zip(codes.tolist(), _masses(rng, codes).tolist(), strict=True))
    products = np.array([int(code) for code in refdata.hs6_codes()], dtype=np.int32)
    return World(
        exporters=exporters,
        importers=importers,
        exporter_mass=np.array([mass[c] for c in exporters.tolist()]),
        importer_mass=np.array([mass[c] for c in importers.tolist()]) ** 0.8,
        products=products,
        popularity=rng.lognormal(0.0, 1.2, size=len(products)),
        unit_price=rng.lognormal(1.0, 1.5, size=len(products)),
    )


def allocate(total: int, weights: np.ndarray, capacity: np.ndarray) -> np.ndarray:
    """Share ``total`` rows in proportion to ``weights``, none above its ``capacity``.

    Water-filling: capped entries are fixed and the rest re-shared, then the integer
    remainder goes to the largest fractional parts, so the result sums to ``total``.
    """
    if total > capacity.sum():
        raise ValueError(
            f"{total:,} rows do not fit the key space ({int(capacity.sum()):,}); add years"
        )
    share = np.zeros(len(weights))
    free = np.ones(len(weights), dtype=bool)
    while True:
        share[free] = (total - share[~free].sum()) * weights[free] / weights[free].sum()
        over = free & (share > capacity)
        if not over.any():
            break
        share[over] = capacity[over]
        free &= ~over
    rows = np.floor(share).astype(np.int64)
    rest = np.argsort(-(share - rows), kind="stable")[: total - rows.sum()]
    rows[rest] += 1
    return rows


def _draw(rng: np.random.Generator, cumulative: np.ndarray, size: int) -> np.ndarray:
    """Indices drawn with replacement with probability proportional to the bin widths."""
    target = rng.random(size) * cumulative[-1]
    return np.minimum(np.searchsorted(cumulative, target, side="right"), len(cumulative) - 1)


def _sparse_keys(
    rng: np.random.Generator, wj: np.ndarray, wk: np.ndarray, n: int, keep: np.ndarray
) -> np.ndarray:
    """``keep``, then the first distinct keys of a with-replacement stream, ``n`` in all."""
    cj, ck = np.cumsum(wj), np.cumsum(wk)
    drawn = keep.astype(np.int64)
    while True:
        size = max(64, int(1.3 * n) - len(drawn) // 2)
        fresh = _draw(rng, cj, size) * len(wk) + _draw(rng, ck, size)
        drawn = np.concatenate([drawn, fresh])
        keys, first = np.unique(drawn, return_index=True)
        if len(keys) >= n:
            return np.sort(keys[np.argsort(first, kind="stable")[:n]])


def _dense_keys(
    rng: np.random.Generator, wj: np.ndarray, wk: np.ndarray, n: int, keep: np.ndarray
) -> np.ndarray:
    """``keep`` and the keys with the smallest exponential key E / w (Efraimidis-Spirakis)."""
    weight = np.outer(wj, wk).ravel()
    with np.errstate(divide="ignore"):
        score = rng.standard_exponential(len(weight)) / weight
    score[keep] = -np.inf
    return np.sort(np.argpartition(score, n - 1)[:n])


def sample_keys(
    rng: np.random.Generator,
    wj: np.ndarray,
    wk: np.ndarray,
    n: int,
    keep: np.ndarray | None = None,
) -> np.ndarray:
    """``n`` distinct flat keys ``j * len(wk) + k`` drawn without replacement by weight.

    The keys in ``keep`` (fewer than ``n``) are always among them.
    """
    if n == 0:
        return np.empty(0, dtype=np.int64)
    keep = np.empty(0, dtype=np.int64) if keep is None else keep
    space = np.count_nonzero(wj) * np.count_nonzero(wk)
    pick = _dense_keys if n > DENSE_FRACTION * space else _sparse_keys
    return pick(rng, wj, wk, n, keep)


def _splitmix(x: np.ndarray) -> np.ndarray:
    """The splitmix64 finaliser: a fast, well-mixed hash of unsigned 64-bit integers."""
    x = x + np.uint64(0x9E3779B97F4A7C15)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def key_noise(seed: int, i: np.ndarray, j: np.ndarray, k: np.ndarray) -> np.ndarray:
    """A standard normal per (i, j, k) that depends only on the key and the seed."""
    key = (i.astype(np.uint64) * np.uint64(1000) + j.astype(np.uint64)) * np.uint64(10**6)
    key = (key + k.astype(np.uint64)) ^ np.uint64(seed * 0x2545F4914F6CDD1D % 2**64)
    h1 = _splitmix(key)
    h2 = _splitmix(h1)
    u1 = ((h1 >> np.uint64(11)).astype(np.float64) + 1.0) * 2.0**-53
    u2 = (h2 >> np.uint64(11)).astype(np.float64) * 2.0**-53
    return np.sqrt(-2.0 * np.log(u1)) * np.cos(2.0 * np.pi * u2)


def _affinity(spec: Spec, world: World, exporter: int) -> np.ndarray:
    """Product weights of one exporter: world popularity tilted by its specialisation."""
    tilt = _rng(spec, 1, exporter).normal(0.0, 1.2, size=len(world.products))
    return world.popularity * np.exp(tilt)


def _values(
    spec: Spec, world: World, chunk: dict[str, np.ndarray], rng: np.random.Generator
) -> np.ndarray:
    """Values in thousandths of thousand USD (integers), heavy-tailed and persistent per key."""
    log_v = (
        1.6
        + 0.5 * np.log(chunk["exporter_mass"])
        + 0.5 * np.log(chunk["importer_mass"])
        + 0.4 * np.log(chunk["product_weight"])
        + 2.1 * key_noise(spec.seed, chunk["i"], chunk["j"], chunk["k"])
        + rng.normal(0.0, 0.35, size=len(chunk["i"]))
    )
    milli = np.rint(np.exp(log_v) * 1000.0)
    return np.clip(milli, 1, MAX_MILLI - 1).astype(np.int64)


def _quantities(
    spec: Spec, milli_v: np.ndarray, price: np.ndarray, rng: np.random.Generator
) -> pa.Array:
    """Tons with three decimals, from value / unit price; missing for ``missing_q`` of rows."""
    tons = milli_v / 1000.0 / price * rng.lognormal(0.0, 0.3, size=len(milli_v))
    milli_q = np.clip(np.rint(tons * 1000.0), 1, MAX_MILLI - 1)
    missing = rng.random(len(milli_v)) < spec.missing_q
    return pa.array(milli_q / 1000.0, type=pa.float64(), mask=missing)


def exporter_batch(spec: Spec, world: World, year: int, index: int, rows: int) -> pa.RecordBatch:
    """All rows of one exporter in one year, sorted by importer and product code."""
    exporter = int(world.exporters[index])
    rng = _rng(spec, 2, year, exporter)
    wk = _affinity(spec, world, exporter)
    wj = np.where(world.importers == exporter, 0.0, world.importer_mass)
    # Most flows recur every year (the core is drawn from a stream that ignores the year);
    # the rest churn, as small flows do in BACI.
    core = sample_keys(_rng(spec, 3, exporter), wj, wk, int(PERSISTENT * rows))
    keys = sample_keys(rng, wj, wk, rows, keep=core)
    j_idx, k_idx = np.divmod(keys, len(wk))
    chunk = {
        "i": np.full(rows, exporter, dtype=np.int16),
        "j": world.importers[j_idx].astype(np.int16),
        "k": world.products[k_idx],
        "exporter_mass": np.full(rows, world.exporter_mass[index]),
        "importer_mass": wj[j_idx],
        "product_weight": wk[k_idx] / wk.mean(),
    }
    milli_v = _values(spec, world, chunk, rng)
    columns = [
        pa.array(np.full(rows, year, dtype=np.int16)),
        pa.array(chunk["i"]),
        pa.array(chunk["j"]),
        pa.array(chunk["k"]),
        pa.array(milli_v / 1000.0),
        _quantities(spec, milli_v, world.unit_price[k_idx], rng),
    ]
    return pa.RecordBatch.from_arrays(columns, schema=SCHEMA)


def year_rows(spec: Spec) -> dict[int, int]:
    """Rows per year: the total split evenly, the remainder to the first years."""
    base, extra = divmod(spec.rows, len(spec.years))
    return {year: base + (n < extra) for n, year in enumerate(spec.years)}


def year_batches(spec: Spec, world: World, year: int, rows: int) -> Iterator[pa.RecordBatch]:
    """One batch per exporter (in code order) for one year."""
    space = (len(world.importers) - 1) * len(world.products)
    capacity = np.full(len(world.exporters), spec.max_density * space)
    shares = allocate(rows, world.exporter_mass**0.6, capacity)
    for index, count in enumerate(shares.tolist()):
        if count:
            yield exporter_batch(spec, world, year, index, count)


def rebatch(batches: Iterator[pa.RecordBatch], size: int = BATCH_ROWS) -> Iterator[pa.Table]:
    """Group small batches into tables of at least ``size`` rows (the last may be smaller)."""
    pending: list[pa.RecordBatch] = []
    count = 0
    for batch in batches:
        pending.append(batch)
        count += batch.num_rows
        if count >= size:
            yield pa.Table.from_batches(pending, schema=SCHEMA)
            pending, count = [], 0
    if pending:
        yield pa.Table.from_batches(pending, schema=SCHEMA)


def _write_year(
    spec: Spec, world: World, year: int, rows: int, out: Path, parquet: pq.ParquetWriter
) -> None:
    """Write one year's CSV and append the same rows to the Parquet file."""
    options = pa_csv.WriteOptions(include_header=False, quoting_style="none")
    with pa.OSFile(str(out / csv_name(year)), "wb") as sink:
        sink.write(HEADER)
        with pa_csv.CSVWriter(sink, SCHEMA, write_options=options) as writer:
            for table in rebatch(year_batches(spec, world, year, rows)):
                writer.write_table(table)
                parquet.write_table(table)


def generate(spec: Spec, out: Path) -> dict[str, object]:
    """Write the CSV files, the Parquet file and a manifest into ``out``; return the manifest."""
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    world = build_world(spec)
    rows = year_rows(spec)
    with pq.ParquetWriter(out / PARQUET_NAME, SCHEMA, compression="zstd") as parquet:
        for year in spec.years:
            _write_year(spec, world, year, rows[year], out, parquet)
    manifest = {
        "generator": VERSION,
        "spec": dataclasses.asdict(spec),
        "csv": [csv_name(year) for year in spec.years],
        "parquet": PARQUET_NAME,
        "rows_per_year": {str(year): count for year, count in rows.items()},
        "seconds": round(time.perf_counter() - started, 2),
    }
    (out / MANIFEST_NAME).write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def ensure(spec: Spec, out: Path) -> dict[str, object]:
    """Generate into ``out`` unless its manifest records the same spec and generator version."""
    path = out / MANIFEST_NAME
    if path.exists():
        manifest: dict[str, object] = json.loads(path.read_text())
        same_spec = manifest["spec"] == json.loads(json.dumps(dataclasses.asdict(spec)))
        if same_spec and manifest.get("generator") == VERSION:
            return manifest
    return generate(spec, out)


def parse_count(text: str) -> int:
    """Parse a row count: ``10_000_000``, ``10000000``, ``10M``, ``2.5M`` or ``500k``."""
    text = text.strip().replace("_", "")
    scale = {"k": 10**3, "m": 10**6, "g": 10**9}.get(text[-1:].lower(), 1)
    number = text[:-1] if scale > 1 else text
    return int(float(number) * scale) if "." in number else int(number) * scale


def parse_years(text: str) -> tuple[int, ...]:
    """Parse ``2019-2020`` or ``2017,2019`` (or a mix) into a sorted tuple of years."""
    years: set[int] = set()
    for part in text.split(","):
        first, _, last = part.strip().partition("-")
        years.update(range(int(first), int(last or first) + 1))
    return tuple(sorted(years))


def main(argv: Sequence[str] | None = None) -> None:
    """Generate BACI-shaped CSV and Parquet files."""
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=main.__doc__)
    parser.add_argument(
        "--rows", type=parse_count, default=1_000_000, help="rows over all years (10_000_000, 10M)"
    )
    parser.add_argument(
        "--years", type=parse_years, default=(2019, 2020), help="2019-2020 or 2017,2019"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("bench/data"))
    args = parser.parse_args(argv)
    manifest = generate(Spec(rows=args.rows, years=args.years, seed=args.seed), args.out)
    print(json.dumps(manifest, indent=2))


if __name__ == "__main__":
    main()
