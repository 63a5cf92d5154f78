"""ECI, PCI, proximity, density, COI and COG from the export matrix, in numpy.

These need the whole reporter x product matrix at once (an eigenvector, a product x product
matrix), which no SQL engine computes well; the matrix of one year is small (about 220 x
5,000 for BACI at HS6), so :func:`measure` takes the rows of
:func:`hitex.complexity.exports.export_matrix` as a DataFrame and works on dense arrays.

The formulas, signs and normalisation are those of the Growth Lab's ``ecomplexity`` package
(Python, and the Stata command behind the Atlas of Economic Complexity):

- ECI and PCI: the eigenvector of the second largest eigenvalue of ``M~`` (Hidalgo and
  Hausmann 2009, the "method of reflections" to its limit). hitex solves the small reporter x
  reporter problem (a symmetric form of ``M~cc``, by ``numpy.linalg.eigh``) and gets the
  product side as ``kp ∝ (M / ubiquity)^T v``; ``ecomplexity`` solves the product x product one.
  Both give the same vector up to scale, and the normalisation removes the scale. The sign
  makes ECI correlate positively with diversity. Then ``eci = (kc - mean(kc)) / std(kc)``,
  ``pci = (kp - mean(kc)) / std(kc)`` (population standard deviation), so that a reporter's
  ECI is the mean PCI of the products it exports with advantage.
- Proximity ``phi_pq = C_pq / max(u_p, u_q)``, ``C = M^T M`` (products exported together).
- Density ``d_cp = sum_q M_cq phi_qp / sum_q phi_pq``.
- COI ``sum_p d_cp (1 - M_cp) PCI_p``, standardised over reporters; COG
  ``(1 - M_cp) sum_q (1 - M_cq) phi_qp PCI_q / sum_k phi_qk``, divided by ``std(kc)``. Both use
  the PCI before its shift, as ``ecomplexity`` does.

``method="stata"`` follows the Growth Lab's Stata command ``ecomplexity`` (``ecomplexity.ado``,
the pipeline behind the Atlas) where it differs from the Python package:

- Mcp is 1 where ``rca > threshold`` (strictly), not ``>=``.
- Proximity has a zero diagonal (``min(P1, P2) - I`` in ``proxdiscrete.ado``): a product is not
  its own neighbour, so density and COG count only the other products.
- ECI, PCI, COG and COI are standardised with Stata's ``summarize`` over the long
  reporter x product rows: every reporter counted once per product, and the sample standard
  deviation (``n - 1``, with ``n`` = reporters x products), not the population one over reporters.

Sub-national reporters (``national`` false) take no part in the eigenvector or the proximity;
they are placed in the world's space afterwards: ``kc = mean of kp over their products with
advantage``, density, COI and COG with the world's proximity and PCI, and normalised with the
world's mean and standard deviation.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd

from hitex.errors import InputError

log = logging.getLogger(__name__)

#: Output columns, in the order of DESIGN.md's ``complexity --format json``.
COLUMNS = (
    "year", "reporter", "product", "export_value", "rca", "mcp", "diversity", "ubiquity",
    "eci", "pci", "density", "coi", "cog",
)  # fmt: skip

#: Eigenvalues closer than this to the largest mean the network falls apart into pieces.
GAP = 1e-9
#: How :func:`measure` computes: the ``ecomplexity`` Python package, or its Stata original.
METHODS = ("ecomplexity", "stata")

#: A correlation of ECI with diversity smaller than this leaves ECI's sign undefined.
SIGN_TOLERANCE = 1e-9


@dataclass(frozen=True)
class Matrix:
    """The export matrix of one year as dense arrays: world reporters first, then sub-national."""

    reporters: np.ndarray
    products: np.ndarray
    national: np.ndarray
    value: np.ndarray
    rca: np.ndarray
    mcp: np.ndarray
    diversity: np.ndarray
    ubiquity: np.ndarray

    @classmethod
    def from_rows(cls, rows: pd.DataFrame) -> Matrix:
        """Dense arrays from the sparse rows of :func:`~hitex.complexity.exports.export_matrix`."""
        first = rows.drop_duplicates("reporter").sort_values(["national", "reporter"])
        national = first["national"].to_numpy(dtype=bool)
        order = np.argsort(~national, kind="stable")  # national reporters first
        reporters = first["reporter"].to_numpy()[order]
        products = np.sort(rows["product"].unique())
        r = pd.Index(reporters).get_indexer(rows["reporter"])
        p = pd.Index(products).get_indexer(rows["product"])
        shape = (len(reporters), len(products))

        def dense(column: str) -> np.ndarray:
            out = np.zeros(shape)
            out[r, p] = rows[column].to_numpy(dtype=float)
            return out

        # Diversity and ubiquity come with the rows (computed by the engine), not recounted.
        diversity = rows.groupby("reporter")["diversity"].first().reindex(reporters)
        ubiquity = rows.groupby("product")["ubiquity"].first().reindex(products)
        return cls(
            reporters, products, national[order], dense("export_value"), dense("rca"),
            dense("mcp"), diversity.to_numpy(dtype=float), ubiquity.to_numpy(dtype=float),
        )  # fmt: skip

    def strict(self, threshold: float) -> Matrix:
        """The same matrix with Mcp 1 where ``rca > threshold`` (Stata's test), recounted."""
        mcp = (self.rca > threshold).astype(float)
        return Matrix(
            self.reporters, self.products, self.national, self.value, self.rca, mcp,
            mcp.sum(axis=1), mcp[self.national].sum(axis=0),
        )  # fmt: skip


def measure(
    rows: pd.DataFrame, *, year: int, method: str = "ecomplexity", threshold: float = 1.0
) -> pd.DataFrame:
    """ECI, PCI, density, COI and COG of every reporter x product of one year.

    ``rows`` are the rows of :func:`~hitex.complexity.exports.export_matrix` (exported pairs
    only); the result has one row per reporter and per product of the world's product space,
    exported or not (density and COG matter most where a reporter exports nothing yet), with
    the columns of :data:`COLUMNS`.

    Examples
    --------
    >>> rows = pd.DataFrame({
    ...     "reporter": ["A", "A", "A", "B", "B", "C"], "product": ["p", "q", "r", "p", "q", "p"],
    ...     "national": [True] * 6, "export_value": [1.0, 1.0, 1.0, 1.0, 2.0, 3.0]})
    >>> rows["rca"], rows["mcp"] = 1.0, 1  # (illustration: the Mcp of the example)
    >>> rows["diversity"] = rows.groupby("reporter")["mcp"].transform("sum")
    >>> rows["ubiquity"] = rows.groupby("product")["mcp"].transform("sum")
    >>> out = measure(rows, year=2020)
    >>> out.groupby("reporter")["eci"].first().round(3).tolist()  # A holds the most, C the least
    [1.225, -0.0, -1.225]
    """
    if method not in METHODS:
        raise InputError(f"--method {method!r}: complexity is computed as {' or '.join(METHODS)}.")
    stata = method == "stata"
    m = Matrix.from_rows(rows)
    if stata:
        m = m.strict(threshold)
    world = m.national
    if world.sum() < 2:
        names = ", ".join(m.reporters[world]) or "none"
        raise InputError(
            f"Complexity compares countries, but {year} has exports of one country only "
            f"({names}): load world data for the year (e.g. a BACI file)."
        )
    mw = m.mcp[world]
    diversity, ubiquity = m.diversity, m.ubiquity
    _warn_absent(m, ubiquity, year)
    kc, kp = _eigenvectors(mw, diversity[world], ubiquity, year)
    # A sub-national reporter's kc: the mean kp of its products with advantage.
    with np.errstate(divide="ignore", invalid="ignore"):
        kc_all = (m.mcp @ np.nan_to_num(kp)) / diversity
    kc_all[: len(kc)] = kc
    phi = proximity(mw, ubiquity)
    if stata:
        np.fill_diagonal(phi, 0.0)
    density = density_of(m.mcp, phi)
    coi, cog = _outlook(m.mcp, density, phi, kp)
    cog[:, ubiquity == 0] = np.nan  # outside the product space: no gain to speak of
    coi_world = coi[world]
    if stata:
        std, coi_std = _long_sd(kc, len(m.products)), _long_sd(coi_world, len(m.products))
    else:
        std, coi_std = kc.std(), coi_world.std()
    mean = kc.mean()
    return _frame(
        m, year, diversity=diversity, ubiquity=ubiquity,
        eci=(kc_all - mean) / std, pci=(kp - mean) / std, density=density,
        coi=(coi - coi_world.mean()) / coi_std, cog=cog / std,
    )  # fmt: skip


def _long_sd(per_reporter: np.ndarray, products: int) -> float:
    """Stata's ``summarize`` sd of a per-reporter value repeated on each of ``products`` rows.

    Examples
    --------
    >>> round(_long_sd(np.array([0.0, 2.0]), 3), 6)  # rows 0, 0, 0, 2, 2, 2
    1.095445
    """
    n = len(per_reporter) * products
    squares = ((per_reporter - per_reporter.mean()) ** 2).sum() * products
    return float(np.sqrt(squares / (n - 1)))


def _warn_absent(m: Matrix, ubiquity: np.ndarray, year: int) -> None:
    absent = m.products[ubiquity == 0]
    if len(absent):
        shown = ", ".join(absent[:10]) + (" ..." if len(absent) > 10 else "")
        log.warning(
            "%d product(s) of %d are exported with advantage by no country (%s): "
            "they get no PCI, density or COG.", len(absent), year, shown,
        )  # fmt: skip


def _eigenvectors(
    mcp: np.ndarray, diversity: np.ndarray, ubiquity: np.ndarray, year: int
) -> tuple[np.ndarray, np.ndarray]:
    """Raw ECI (per world reporter) and PCI (per product), signed as ``ecomplexity`` signs them.

    Products no country exports with advantage get NaN; so would a reporter without any, but
    RCA >= 1 somewhere holds for every exporter at threshold 1.
    """
    rows, cols = diversity > 0, ubiquity > 0
    mv = mcp[np.ix_(rows, cols)]
    d, u = diversity[rows], ubiquity[cols]
    # M~cc = D_c^-1 M D_p^-1 M^T is similar to the symmetric S = D_c^-1/2 M D_p^-1 M^T D_c^-1/2.
    if len(d) < 2:
        raise InputError(
            f"ECI and PCI are undefined for {year}: only {len(d)} country exports any product "
            "with advantage (lower the RCA threshold, or load more countries)."
        )
    half = 1 / np.sqrt(d)
    a = mv * half[:, None] / np.sqrt(u)[None, :]
    values, vectors = np.linalg.eigh(a @ a.T)
    if values[-1] - values[-2] < GAP:
        raise InputError(
            f"ECI and PCI are undefined for {year}: the countries fall into groups that share "
            "no product exported with advantage (the country-product network is not "
            "connected). Load more countries, or use fewer product digits."
        )
    v = vectors[:, -2] * half
    kp_valid = (mv / u[None, :]).T @ v
    kc_valid = (mv / d[:, None]) @ kp_valid
    with np.errstate(divide="ignore", invalid="ignore"):
        corr = np.corrcoef(d, kc_valid)[0, 1]
    if not abs(corr) > SIGN_TOLERANCE:
        # ecomplexity's sign is a coin toss here; hitex keeps the eigenvector as it comes.
        log.warning(
            "The sign of ECI in %d is undefined (ECI does not correlate with diversity).", year
        )
    sign = np.sign(corr) if abs(corr) > SIGN_TOLERANCE else 1.0
    kc = np.full(len(diversity), np.nan)
    kp = np.full(len(ubiquity), np.nan)
    kc[rows], kp[cols] = sign * kc_valid, sign * kp_valid
    return kc, kp


def proximity(mcp: np.ndarray, ubiquity: np.ndarray) -> np.ndarray:
    """Product proximity ``phi_pq = C_pq / max(u_p, u_q)``; 0 for products nobody exports.

    Examples
    --------
    >>> m = np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 1.0]])
    >>> proximity(m, m.sum(axis=0))
    array([[1. , 0.5, 0.5],
           [0.5, 1. , 0. ],
           [0.5, 0. , 1. ]])
    """
    together = mcp.T @ mcp
    with np.errstate(divide="ignore", invalid="ignore"):
        phi = together / np.maximum(ubiquity[:, None], ubiquity[None, :])
    return np.nan_to_num(phi, nan=0.0)


def density_of(mcp: np.ndarray, phi: np.ndarray) -> np.ndarray:
    """Density: the share of a product's proximity that leads to products held with advantage."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return mcp @ (phi / phi.sum(axis=1)[None, :])


def _outlook(
    mcp: np.ndarray, density: np.ndarray, phi: np.ndarray, kp: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Raw COI per reporter and COG per reporter x product (``kp`` raw, NaN counted as 0)."""
    pci = np.nan_to_num(kp)
    absent = 1 - mcp
    coi = np.nansum(density * absent * pci[None, :], axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        weights = np.nan_to_num(phi * (pci / phi.sum(axis=1))[:, None])
    return coi, absent * (absent @ weights)


def _frame(m: Matrix, year: int, **columns: np.ndarray) -> pd.DataFrame:
    n_r, n_p = m.mcp.shape
    per_reporter = {"diversity", "eci", "coi"}
    per_product = {"ubiquity", "pci"}
    data: dict[str, object] = {
        "year": np.full(n_r * n_p, year),
        "reporter": np.repeat(m.reporters, n_p),
        "product": np.tile(m.products, n_r),
        "export_value": m.value.ravel(),
        "rca": m.rca.ravel(),
        "mcp": m.mcp.ravel().astype(np.int64),
    }
    for name, values in columns.items():
        if name in per_reporter:
            data[name] = np.repeat(values, n_p)
        elif name in per_product:
            data[name] = np.tile(values, n_r)
        else:
            data[name] = values.ravel()
    out = pd.DataFrame(data)
    out["diversity"] = out["diversity"].astype(np.int64)
    out["ubiquity"] = out["ubiquity"].astype(np.int64)
    return out[list(COLUMNS)]
