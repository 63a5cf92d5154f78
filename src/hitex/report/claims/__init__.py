"""Check a press text against the data: every number in it, supported or contradicted.

>>> import hitex.report.claims as claims  # doctest: +SKIP
>>> results = claims.check(session, text, reporter="RU-MOW", year=2020)  # doctest: +SKIP
>>> [r.verdict for r in results][:3]  # doctest: +SKIP
['supported', 'supported', 'supported']

:mod:`~hitex.report.claims.parse` finds the claims (English and Russian),
:mod:`~hitex.report.claims.resolve` says what each is about,
:mod:`~hitex.report.claims.verify` computes each figure with the Session and gives a verdict,
:mod:`~hitex.report.claims.consistency` finds claims that contradict each other whatever the
data, and :mod:`~hitex.report.claims.mark` shows the text with each claim marked;
:mod:`~hitex.report.claims.messages` says it all in English or Russian.
"""

from __future__ import annotations

from hitex.report.claims.check import attach, check, check_file, frame, read_article
from hitex.report.claims.mark import to_html
from hitex.report.claims.messages import language
from hitex.report.claims.model import VERDICTS, Claim, Period, Quantity, Result, Subject

__all__ = ["VERDICTS", "Claim", "Period", "Quantity", "Result", "Subject", "attach", "check",
           "check_file", "frame", "language", "read_article", "to_html"]  # fmt: skip
