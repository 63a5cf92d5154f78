"""Reports people read: figures from a Session worded as sentences, with charts and tables.

>>> import hitex.report as rep  # doctest: +SKIP
>>> report = rep.build(session, reporter="RU-MOW", year=2020, compare=2019)  # doctest: +SKIP
>>> rep.render(report, "moscow-2020.html")  # doctest: +SKIP

:func:`build` asks the Session for every figure (:mod:`hitex.report.sections`) and returns a
:class:`Report`; :func:`render` writes it as Markdown, HTML or PDF. :mod:`hitex.report.wording`
holds the number-to-words rules the claim checker shares.
"""

from __future__ import annotations

from hitex.report.build import build
from hitex.report.model import Chart, Report, Section, Sentence
from hitex.report.render import FORMATS, render, to_html
from hitex.report.sections import SECTIONS

__all__ = ["FORMATS", "SECTIONS", "Chart", "Report", "Section", "Sentence", "build", "render",
           "to_html"]  # fmt: skip
