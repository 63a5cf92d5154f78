"""The docs are part of the product: doctests run, and the CLI reference is current."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import runpy
from pathlib import Path

import pytest

import hitex

ROOT = Path(__file__).parents[1]

#: Modules imported for their doctests: every module of the package except optional engines.
MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(hitex.__path__, "hitex.")
    if not m.name.endswith("__main__")
)


def _examples() -> list[doctest.DocTest]:
    finder = doctest.DocTestFinder()
    tests = []
    for name in MODULES:
        module = importlib.import_module(name)
        tests += [t for t in finder.find(module, name) if t.examples]
    return tests


def test_doctests_pass_and_none_are_lost(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # examples that open a warehouse do so here
    tests = _examples()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for t in tests:
        runner.run(t)
    result = runner.summarize(verbose=False)
    assert result.failed == 0
    # Raise this floor when adding examples; a drop means examples stopped being collected.
    assert result.attempted >= 150


@pytest.mark.parametrize(
    "command",
    [
        "init",
        "load",
        "loads",
        "rejects",
        "table",
        "groups",
        "classify",
        "coverage",
        "report",
        "check",
        "complexity",
        "opportunities",
        "demo",
        "serve",
    ],
)
def test_every_command_is_in_the_reference(command):
    assert f"## `hitex {command}`" in (ROOT / "docs" / "cli.md").read_text()


def test_cli_reference_is_current():
    reference = runpy.run_path(str(ROOT / "docs" / "cli_reference.py"))
    assert (ROOT / "docs" / "cli.md").read_text() == reference["render"](), "run: make docs"
