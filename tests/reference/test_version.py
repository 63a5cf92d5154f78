from __future__ import annotations

import re

from hitex.reference.version import REFERENCE_LABEL, REFERENCE_VERSION, data_hash


def test_version_format() -> None:
    assert re.fullmatch(r"\d{4}\.\d+\+[0-9a-f]{12}", REFERENCE_VERSION)
    assert f"{REFERENCE_LABEL}+{data_hash()}" == REFERENCE_VERSION
