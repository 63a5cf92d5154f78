"""The other side of a multiple said against another subject, not an earlier year.

"Imports are eleven times exports", «ввоз превышает вывоз в 7,7 раза»: the other flow of the same
partners and goods; "China bought three times as much as the United States", «в 3,1 раза
опережает США»: another partner's trade in the same flow. The words are data
(``data/grammar.yaml``, ``versus``); which flow or partner they name, the grammar's flows and
the lexicon's partners.

>>> other_side("Imports are eleven times exports, a record.", 12, 24)
' exports'
>>> other_side("Ввоз превышает вывоз в 7,7 раза.", 21, 31)
' вывоз '
"""

from __future__ import annotations

import dataclasses
import functools
import re

from hitex.report.claims import frames
from hitex.report.claims.lexicon import Lexicon, Mention
from hitex.report.claims.model import Subject

__all__ = ["other_side", "reverse_flow", "reverse_subject", "sides", "turned"]

#: Where the other side's words end: a stop, a dash, a bracket, a comma not before "than"/"чем",
#: or a turn to another clause.
_END = re.compile(r"[;:.()—–]|,(?!\s*(?:than|чем|нежели)\b)|\s(?:and|while|but|whereas|и|а|но)\s",
                  re.IGNORECASE)  # fmt: skip
#: A second partner joined to the other side and summed with it: "(China) and Japan combined",
#: «(Китай) и Японию вместе».
_BOTH = re.compile(r"(?-i:[A-ZА-ЯЁ])[\w.-]*(?:\s+(?-i:[A-ZА-ЯЁ])[\w.-]*)?\s+"
                   r"(?:combined|together|taken together|вместе(?:\s+взят\w+)?)(?!\w)",
                   re.IGNORECASE)  # fmt: skip
_FLOWS = ("export", "import")
_OTHER = {"export": "import", "import": "export"}


@functools.cache
def _words(key: str) -> re.Pattern[str]:
    return re.compile("|".join(frames.grammar()["versus"][key]), re.IGNORECASE)


def other_side(text: str, start: int, end: int) -> str:
    """The words that name what the multiple at ``start``-``end`` of ``text`` is set against."""
    per = _words("per_dollar").search(text)
    if per is not None:
        # "for every dollar Chile sold", "$7.7 for each dollar it exported".
        return per.group(per.lastindex or 0)
    stop = _END.search(text, end)
    both = stop and _BOTH.match(text, stop.end())
    if both:
        # "its exports to China and Japan combined": the two partners are the other side.
        stop = _END.search(text, both.end())
    after = text[end : stop.start() if stop else len(text)]
    verbs = list(_words("exceeds").finditer(text, max(0, start - 80), start))
    if verbs and not _END.search(text, verbs[-1].end(), start):
        # «ввоз превышает вывоз в 7,7 раза»: the other side between the verb and the figure.
        return text[verbs[-1].end() : start]
    return after


def reverse_flow(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is said of the flow the other way in its own clause.

    «По стоимости обратный поток почти в восемь раз меньше» (grammar ``versus``, ``reverse``).

    >>> t = "Ввоз 2 млрд, то есть обратный поток в восемь раз меньше."
    >>> reverse_flow(t, t.index("в восемь"))
    True
    >>> t = "Ввоз 2 млрд; обратный поток 263 млн, а ввоз вырос в два раза."
    >>> reverse_flow(t, t.index("в два"))
    False
    """
    return _words("reverse").search(text, _clause_start(text, start), start) is not None


def reverse_subject(text: str, start: int) -> int | None:
    """Where the sentence ``text`` names the flow the other way before ``start``, as a subject.

    «Встречные поставки выросли на 7%, до 73,6 млн»: a word of the return flow before the
    figure, and no flow word of its own after it; else None.

    >>> t = "Встречные поставки выросли на 7%, до 73,6 млн."
    >>> reverse_subject(t, t.index("73,6")), reverse_subject(t, t.index("Встречные"))
    (0, None)
    >>> t = "Обратный поток мал, а экспорт вырос на 7%."
    >>> reverse_subject(t, t.index("7%")) is None
    True
    """
    said = list(_words("reverse").finditer(text, 0, start))
    if not said or frames.flows(text[said[-1].end() : start]):
        return None
    return said[-1].start()


def turned(words: str) -> bool:
    """Whether the other side's words turn the multiple around ("three times less than")."""
    return _words("less").search(words) is not None


def sides(
    text: str, start: int, end: int, subject: Subject, lexicon: Lexicon, own: set[str]
) -> tuple[Subject, Subject] | None:
    """The claim's own subject and the one it is set against, or ``None`` when not certain.

    ``own`` are the reporter's codes (never a partner). "Three times less than": the other
    side first, so that its multiple of the claim's is the figure said.
    """
    clause = text[_clause_start(text, start) : end]
    if _unsure(clause + other_side(text, start, end)):
        return None
    both = _partner_acts(text, start, end, subject, lexicon, own) or _sides(
        other_side(text, start, end), text, (start, end), subject, lexicon, own
    )
    if both is None and subject.flow in _FLOWS and reverse_flow(text, start):
        # «обратный поток почти в восемь раз меньше»: the other flow against the claim's own.
        both = dataclasses.replace(subject, flow=_OTHER[subject.flow]), subject
    if both is not None and turned(other_side(text, start, end)):
        return both[1], both[0]
    return both


#: A partner's verbs: what it sells the reporter imports, what it buys the reporter exports.
_SELLS = re.compile(r"sell|sold|suppl|ship|send|sent|export|прода|постав|отгруж|отправ|экспорт",
                    re.IGNORECASE)  # fmt: skip
_BUYS = re.compile(r"buy|bought|purchas|import|spend|spent|покупа|купи|купл|закуп|импорт|трат|"
                   r"потрат", re.IGNORECASE)  # fmt: skip
#: Another actor on the other side than the partner: the reporter's pronouns.
_WE = re.compile(r"(?<!\w)(?:we|us|our|I|me|my|мы|нас|нам|наш\w*|я|мне|меня)(?!\w)",
                 re.IGNORECASE)  # fmt: skip


def _verb_flow(word: str) -> str | None:
    """The reporter's flow of what a partner does: sells = import, buys = export."""
    sells, buys = _SELLS.match(word) is not None, _BUYS.match(word) is not None
    return "import" if sells and not buys else "export" if buys and not sells else None


def _partner_acts(
    text: str, start: int, end: int, subject: Subject, lexicon: Lexicon, own: set[str]
) -> tuple[Subject, Subject] | None:
    """One partner that sells and buys on both sides: the reporter's two flows with it.

    "Argentina sold Chile almost eight times what it bought there", «Аргентина продаёт Чили
    почти в восемь раз больше, чем покупает»: the partner's sales are the reporter's imports,
    its purchases the reporter's exports (only with the other side's verb the partner's own:
    no other partner and no pronoun of the reporter there).
    """
    clause = text[_clause_start(text, start) : start]
    acting = {m.value: m for m in lexicon.find_partners(clause)
              if m.value not in own and _DOES.match(clause, m.end)}  # fmt: skip
    words = other_side(text, start, end)
    named = {m.value for m in lexicon.find_partners(words)}
    if len(acting) != 1 or named - set(acting) - own:
        return None
    (m,) = acting.values()
    does = _DOES.match(clause, m.end)
    assert does is not None
    mine = _verb_flow(does.group().split()[-1])
    theirs = next((f for w in re.findall(r"\w+", words) if (f := _verb_flow(w)) is not None), None)
    if theirs is not None and (_WE.search(words) or named & own):
        # "eight dollars for every dollar Chile sends it", "... what we sell them": the
        # reporter acts on the other side; what it sells is its exports.
        if named & set(acting):
            return None
        theirs = _OTHER[theirs]
    if mine is None or theirs is None or mine == theirs:
        return None
    partner = _with(subject, [m])
    return (dataclasses.replace(partner, flow=mine),
            dataclasses.replace(partner, flow=theirs))  # fmt: skip


#: The reporter's pronoun and its verb: "than we buy", «чем мы покупаем».
_WE_DO = re.compile(r"(?<!\w)(?:we|I|мы|я)\s+(?:[^\W\d]+\s+)?([^\W\d]+)", re.IGNORECASE)


def _we_do(words: str) -> set[str]:
    """The reporter's own flow said by its pronoun and a verb: what we buy is our imports.

    >>> _we_do(" we buy"), _we_do(" чем мы покупаем"), _we_do(" we sell them"), _we_do(" they buy")
    ({'import'}, {'import'}, {'export'}, set())
    """
    flows = set()
    for m in _WE_DO.finditer(words):
        # The partner's flow of the verb, turned: what a partner buys the reporter exports.
        for word in (m.group(1), m.group().split()[1]):
            theirs = _verb_flow(word)
            if theirs is not None:
                flows.add(_OTHER[theirs])
                break
    return flows if len(flows) == 1 else set()


def _unsure(words: str) -> bool:
    """Whether ``words`` make the partner act on the reporter ("sold us") outside a flow word.

    "They sell us ten times what we sell them": "sell us" is a flow word of its own (the
    reporter's imports, grammar ``flows``), so each side's flow is said.
    """
    said = frames.flow_spans(words)
    return any(not any(a <= m.start() < b for a, b in said)
               for m in _words("unsure").finditer(words))  # fmt: skip


def _sides(  # noqa: PLR0911 - one return per reading of the other side
    words: str, text: str, at: tuple[int, int], subject: Subject, lexicon: Lexicon, own: set[str]
) -> tuple[Subject, Subject] | None:
    start, end = at
    flows = {f for _, f, _ in frames.flows(words) if f in _FLOWS} or _we_do(words)
    partners = {m.value: m for m in lexicon.find_partners(words) if m.value not in own}
    mine = set(subject.partners) | ({subject.partner_group} if subject.partner_group else set())
    if len(flows) == 1 and (set(partners) <= mine or not mine):
        # The other flow of the same partners and goods ("for every dollar Portugal sold to
        # China, it bought nine": the partner the other side names is both sides').
        (theirs,) = flows
        if not mine and partners:
            subject = _with(subject, list(partners.values()))
        clause = _own_words(text, start, end)
        said = {f for _, f, _ in frames.flows(clause) if f in _FLOWS}
        # «бумаги Аргентина продаёт Чили вдвое больше, чем покупает»: the partner sells and
        # buys; which of its flows is the reporter's is not read.
        does = any(_DOES.match(clause, m.end) for m in lexicon.find_partners(clause)
                   if m.value not in own)  # fmt: skip
        # "Argentina sold us eight times what we sold them": to "us", the reporter's side.
        to_us = any(a <= m.start() < b for a, b in frames.flow_spans(clause)
                    for m in _words("unsure").finditer(clause))  # fmt: skip
        # "Chile spends $7.74 on Argentine products for each dollar it earns there": so many
        # dollars for each of one flow, the clause naming no flow of its own, are of the other.
        per = not said and _words("per_dollar").search(text) is not None
        if (does and not to_us) or (
            subject.flow != _OTHER[theirs] and _OTHER[theirs] not in said and not per
        ):
            return None
        return (dataclasses.replace(subject, flow=_OTHER[theirs]),
                dataclasses.replace(subject, flow=theirs))  # fmt: skip
    if len(flows) == 1 and len(partners) > 1 and subject.flow == _OTHER[next(iter(flows))]:
        return _other_flow_of(text, at, subject, next(iter(flows)), list(partners.values()))
    if not words.strip(" ,") or not (flows or partners):
        return _clause_before(text, start, subject) or _partner_before(
            text, start, subject, lexicon, own
        )
    # «в 2,25 раза превышают поставки в Германию»: the other side's own flow word, if any, is
    # the claim's (a flow against the other is the branch above).
    if (flows - {subject.flow} or len(partners) != 1 or subject.flow not in _FLOWS
            or _partner_owns(text, start, lexicon, own)):  # fmt: skip
        return None
    (other,) = partners.values()
    theirs_ = _with(subject, [other])
    # The partner named in the figure's own clause ("Japan five times as much as Korea"), else
    # the subject's.
    named = [m.value for m in lexicon.find_partners(text[_clause_start(text, start) : start])
             if m.value not in own and m.value != other.value]  # fmt: skip
    left = tuple(dict.fromkeys(named)) or tuple(p for p in subject.partners if p != other.value)
    if not left or subject.partner_group:
        return None
    return dataclasses.replace(subject, partners=left), theirs_


#: A bare noun of trade owned by a pronoun: «её поставки», "its shipments".
_OWNED = re.compile(r"(?<!\w)(?:её|ее|его|их|its|their)\s+(?:поставк\w*|продаж\w*|закупк\w*|"
                    r"shipments|deliveries|sales|purchases)(?!\w)", re.IGNORECASE)  # fmt: skip


def _partner_owns(text: str, start: int, lexicon: Lexicon, own: set[str]) -> bool:
    """Whether the figure's clause says its flow by a partner's pronoun and a bare noun of trade.

    «Германия даёт треть импорта и её поставки в 2,5 раза превосходят корейские»: Germany's
    deliveries are the reporter's imports, whatever the bare noun reads as alone; which flow it
    is is not certain.
    """
    owned = _OWNED.search(text, _clause_start(text, start), start)
    return owned is not None and any(
        m.value not in own for m in lexicon.find_partners(text[: owned.start()])
    )


def _other_flow_of(
    text: str, at: tuple[int, int], subject: Subject, flow: str, partners: list[Mention]
) -> tuple[Subject, Subject] | None:
    """The other flow with the partners its own words name, against the claim's own.

    "Imports from China were 4.8 times its exports to China and Japan combined": only with the
    claim's flow said in its own clause, and no partner acting on "us" there.
    """
    clause = _own_words(text, *at)
    said = {f for _, f, _ in frames.flows(clause) if f in _FLOWS}
    if said != {subject.flow} or _unsure(clause):
        return None
    return subject, _with(dataclasses.replace(subject, flow=flow), partners)


#: A partner that sells or buys, named right before the verb: "Argentina sells", «Аргентина
#: всё равно продаёт».
_DOES = re.compile(
    r"(?:['’]s)?\s+(?:[^\W\d]+\s+){0,3}?(?:sell|sold|buy|bought|suppl|ship|purchas|send|sent|"
    r"прода|покупа|купил|купит|постав|закуп|привоз|привез)",
    re.IGNORECASE,
)


def _clause_before(text: str, start: int, subject: Subject) -> tuple[Subject, Subject] | None:
    """The flow of the figure's own clause against the other, named last in the clause before.

    «Экспорт в Китай составил 199,8 млн, а импорт оттуда был больше в девять раз».
    """
    lo = _clause_start(text, start)
    mine = [f for _, f, _ in frames.flows(text[lo:start]) if f in _FLOWS]
    before = [f for _, f, _ in frames.flows(text[:lo]) if f in _FLOWS]
    if not mine or not before or mine[-1] == before[-1] or subject.flow != mine[-1]:
        return None
    return subject, dataclasses.replace(subject, flow=before[-1])


def _partner_before(
    text: str, start: int, subject: Subject, lexicon: Lexicon, own: set[str]
) -> tuple[Subject, Subject] | None:
    """The partner of the figure's own clause against the one the clause before names.

    «Китай, 1 834 млн долларов; Германия приносит вдвое меньше»: Germany's trade against
    China's, in the same flow (one partner each side, else not certain).
    """
    lo = _clause_start(text, start)
    mine = {m.value for m in lexicon.find_partners(text[lo:start]) if m.value not in own}
    before = {m.value for m in lexicon.find_partners(text[:lo]) if m.value not in own}
    if len(mine) != 1 or len(before) != 1 or mine == before or subject.flow not in _FLOWS:
        return None
    return (dataclasses.replace(subject, partners=tuple(mine), partner_group=None),
            dataclasses.replace(subject, partners=tuple(before), partner_group=None))  # fmt: skip


def _with(subject: Subject, partners: list[Mention]) -> Subject:
    """``subject`` with the partners named (one group, or countries)."""
    groups = [m.value for m in partners if m.kind == "group"]
    if groups:
        return dataclasses.replace(subject, partners=(), partner_group=groups[0])
    codes = tuple(dict.fromkeys(m.value for m in partners))
    return dataclasses.replace(subject, partners=codes, partner_group=None)


def _own_words(text: str, start: int, end: int) -> str:
    """The words of the figure's own side: its clause, or after "for every dollar ...,"."""
    per = _words("per_dollar").search(text)
    if per is not None and per.start() <= start:
        return text[per.end() : end]
    return text[_clause_start(text, start) : start]


def _clause_start(text: str, at: int) -> int:
    stops = [m.end() for m in re.finditer(r"[;:.—–]|,\s", text[:at])]
    return stops[-1] if stops else 0
