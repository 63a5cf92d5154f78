"""What a report is made of, before it is rendered: sections of sentences, tables and charts.

A :class:`Report` is plain data. Renderers (:mod:`hitex.report.render`) turn it into Markdown,
HTML or PDF; the HTTP API can serve it as JSON; the claim checker reads the facts behind each
:class:`Sentence`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class Sentence:
    """One generated sentence and the figures it quotes (name -> the exact value)."""

    text: str
    facts: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Chart:
    """A chart as a Vega-Lite spec (rendered to SVG offline); ``name`` is its file stem."""

    name: str
    title: str
    spec: dict[str, Any]


@dataclass
class Section:
    """One section: sentences, charts, and the appendix table of the figures behind them.

    ``skipped`` holds the one-line reason when the data cannot support the section.
    """

    key: str
    title: str
    sentences: list[Sentence] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    appendix: pd.DataFrame | None = None
    skipped: str | None = None

    def say(self, text: str, **facts: Any) -> None:
        """Add a sentence with the figures it quotes."""
        self.sentences.append(Sentence(text, {k: float(v) for k, v in facts.items()}))


@dataclass
class Report:
    """A whole report: title, language, sections in order."""

    title: str
    lang: str
    sections: list[Section]
    subtitle: str = ""

    @property
    def headline(self) -> str:
        """The headline paragraph (the first section's sentences)."""
        return " ".join(s.text for s in self.sections[0].sentences)

    def section(self, key: str) -> Section:
        """The section called ``key``."""
        return next(s for s in self.sections if s.key == key)
