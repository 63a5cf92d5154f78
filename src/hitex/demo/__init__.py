"""The bundled demo: real Chile-Argentina HS6 flows for 2002 and 2004 (see data/SOURCE.md)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from hitex.session import Session
from hitex.session import open as open_session


def files() -> list[Path]:
    """The bundled demo files, oldest first."""
    folder = Path(str(resources.files("hitex.demo").joinpath("data")))
    return sorted(folder.glob("chl_arg_*.csv"))


def build(out: Path) -> Session:
    """Create ``out/hitex.duckdb`` and load the demo files into it (again: nothing added)."""
    out.mkdir(parents=True, exist_ok=True)
    session = open_session(out / "hitex.duckdb")
    session.load(files(), format="flows")
    return session
