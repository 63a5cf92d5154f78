"""The version of the bundled reference data: a label plus a hash of the data files.

The warehouse records :data:`REFERENCE_VERSION` when ``hitex init`` loads the reference
tables, so that a figure can be traced to the classifications it was computed with.
Bump :data:`REFERENCE_LABEL` when a data file changes on purpose; the hash changes by
itself with any edit.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

# Not imported from ._files, which pulls in pandas: reading the version should be cheap.
DATA_DIR = Path(__file__).parent / "data"

REFERENCE_LABEL = "2026.2"
"""Human label of the reference data release."""


def data_hash(length: int = 12) -> str:
    """Return the first ``length`` hex digits of a SHA-256 over every reference data file.

    Files are taken in sorted order of their path relative to ``reference/data`` (hidden
    files and ``__pycache__`` left out), and each path is hashed together with its
    content, so renaming a file changes the hash too.
    """
    digest = hashlib.sha256()
    files = sorted(
        p
        for p in DATA_DIR.rglob("*")
        if p.is_file() and not any(part.startswith((".", "__")) for part in p.parts)
    )
    for path in files:
        digest.update(path.relative_to(DATA_DIR).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:length]


REFERENCE_VERSION = f"{REFERENCE_LABEL}+{data_hash()}"
"""``"<label>+<12 hex digits>"``, e.g. ``"2026.1+3f9c2a7b1d04"``."""
