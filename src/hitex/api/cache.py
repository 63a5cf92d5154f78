"""Answers remembered per warehouse version: a dashboard asks the same questions again and again.

A key holds the warehouse version read in the same snapshot as the answer, so an answer is
never served for a warehouse it was not computed on: a load changes the version, and the next
question is answered afresh.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

import pandas as pd

from hitex.session import Session


class Answers:
    """The last ``size`` answers, by (warehouse version, question).

    Examples
    --------
    >>> import hitex
    >>> s = hitex.open(":memory:")
    >>> answers = Answers(size=2)
    >>> calls = []
    >>> ask = lambda: calls.append(1) or pd.DataFrame({"v": [1]})
    >>> _ = answers.get(s, ("table", 1), ask); _ = answers.get(s, ("table", 1), ask)
    >>> len(calls)
    1
    """

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._answers: OrderedDict[Hashable, pd.DataFrame] = OrderedDict()

    def get(self, s: Session, question: Hashable, ask: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """The answer to ``question`` on ``s``'s snapshot: remembered, or ``ask()`` now."""
        key = (s.warehouse.version(), question)
        with self._lock:
            found = self._answers.get(key)
            if found is not None:
                self._answers.move_to_end(key)
                return found
        answer = ask()
        with self._lock:
            self._answers[key] = answer
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)
        return answer
