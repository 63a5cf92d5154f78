"""Write docs/cli.md from the ``--help`` of every ``hitex`` command (``make docs``)."""

from __future__ import annotations

import sys
from pathlib import Path

from typer.main import get_command
from typer.testing import CliRunner

from hitex.cli import app

OUT = Path(__file__).with_name("cli.md")


def commands() -> list[str]:
    """Names of the top-level commands, in the order ``hitex --help`` lists them."""
    group = get_command(app)
    return list(getattr(group, "commands", {}))


def subcommands() -> list[list[str]]:
    """Each command, then the commands of a command group (``fetch comtrade``)."""
    group = get_command(app)
    out = []
    for name, command in getattr(group, "commands", {}).items():
        out.append([name])
        out += [[name, sub] for sub in getattr(command, "commands", {})]
    return out


def render() -> str:
    """The reference page: the main help, then each command's help."""
    runner = CliRunner()
    env = {"COLUMNS": "100", "TERM": "dumb", "NO_COLOR": "1"}
    parts = ["# hitex command reference", "", "Generated from `--help` by `make docs`.", ""]
    for args in [[], *subcommands()]:
        title = " ".join(["hitex", *args])
        result = runner.invoke(app, [*args, "--help"], env=env, prog_name="hitex")
        parts += [f"## `{title}`", "", "```", result.output.rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    text = render()
    if sys.argv[1:] == ["--check"]:
        sys.exit(0 if OUT.read_text() == text else 1)
    OUT.write_text(text)
