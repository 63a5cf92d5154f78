"""CEPII BACI: a release archive, downloaded once and kept (resumable), loaded from the zip.

CEPII publishes each release and HS edition as one zip,
``https://www.cepii.fr/DATA_DOWNLOAD/baci/data/BACI_HS17_V202401b.zip`` (about 1-2 GB); the
base address can be set with ``$HITEX_BACI_URL`` (a mirror, a test server).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from hitex.errors import InputError
from hitex.fetch.http import Client, FetchError, Progress, message

#: Where CEPII keeps the release archives.
BASE = "https://www.cepii.fr/DATA_DOWNLOAD/baci/data"

#: BACI's HS editions (HS92 from 1995 on, HS22 from 2022 on).
EDITIONS = ("HS92", "HS96", "HS02", "HS07", "HS12", "HS17", "HS22")


def base_url() -> str:
    """``$HITEX_BACI_URL`` or CEPII's address."""
    return (os.environ.get("HITEX_BACI_URL") or BASE).rstrip("/")


def archive_name(release: str, edition: str) -> str:
    """``BACI_HS17_V202401b.zip`` for release ``V202401b`` (or ``202401b``) and ``HS17``."""
    rel = release.strip()
    rel = rel[1:] if rel[:1] in "vV" else rel
    if not re.fullmatch(r"\d{6}[a-z]?", rel):
        raise InputError(
            f"Release {release!r} is not a BACI release name (V202401b: year, month, letter)."
        )
    ed = edition.strip().upper()
    if not ed.startswith("HS"):
        ed = "HS" + ed
    if ed not in EDITIONS:
        raise InputError(f"HS edition {edition!r} is not one of BACI's: {', '.join(EDITIONS)}.")
    return f"BACI_{ed}_V{rel}.zip"


def download(
    release: str, edition: str, *, client: Client | None = None, progress: Progress | None = None
) -> Path:
    """The release zip in the cache: downloaded once, continued if interrupted."""
    name = archive_name(release, edition)
    own = client is None
    client = client or Client("CEPII", explain=_explain)
    try:
        return client.download(
            f"{base_url()}/{name}",
            client.cache / "baci" / name,
            progress=progress or (lambda d, t: None),
        )
    finally:
        if own:
            client.close()


def _explain(response: object) -> FetchError:
    import httpx  # noqa: PLC0415

    assert isinstance(response, httpx.Response)
    name = str(response.request.url).rsplit("/", 1)[-1]
    if response.status_code == 404:
        return FetchError(
            f"CEPII has no archive {name} at {base_url()} (404); check the release name and "
            "HS edition on CEPII's BACI page."
        )
    return FetchError(f"CEPII refused {name} ({response.status_code}: {message(response)})")
