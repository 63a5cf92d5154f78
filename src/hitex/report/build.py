"""Build a :class:`~hitex.report.model.Report` from a Session: the one entry point of reports."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import hitex.indicators as ind
from hitex.errors import InputError
from hitex.report import wording
from hitex.report.model import Report, Section
from hitex.report.phrases import say
from hitex.report.render import ahead
from hitex.report.sections import SECTIONS, Spec
from hitex.session import Session, _reporter


def build(
    session: Session,
    *,
    reporter: str,
    year: int,
    compare: int | None = None,
    partner_group: str | None = None,
    lang: str = "en",
    months: tuple[int, int] | None = None,
    notes: Sequence[str] = (),
    small_base_usd: float = ind.SMALL_BASE_USD,
    progress: Callable[[str], None] | None = None,
    draw_ahead: str | None = None,
    firm_group: str | None = None,
) -> Report:
    """The report on ``reporter``'s exports in ``year`` (against ``compare``).

    Parameters
    ----------
    session
        Where every figure comes from.
    reporter, year, compare, partner_group, months
        The selection, as for :meth:`hitex.Session.table`.
    lang
        ``en`` or ``ru``.
    notes
        Lines added to the data note (a licence, a caveat).
    progress
        Called with each section's name as it is built.
    firm_group
        An enterprise group (``hitex firms``): every figure is of its enterprises, each year
        with the membership of that year, and the report has an "Enterprises" section.
    draw_ahead
        The suffix of the file the report will be rendered to (``.html``, ``.pdf``, ``.md``):
        each chart is drawn for it in the background while the next sections are built.
    """
    if lang not in wording.LANGS:
        raise InputError(f"--lang {lang!r} is not one of: {', '.join(wording.LANGS)}.")
    if compare is not None and compare >= year:
        raise InputError(f"--compare {compare} must be a year before {year}.")
    c = Spec(session, _reporter(reporter), year, compare, partner_group, lang, months,
             tuple(notes), small_base_usd, firm_group)  # fmt: skip
    sections = []
    for make in SECTIONS:
        if progress is not None:
            progress(make.__name__)
        section = make(c)
        if section.key == "enterprises" and section.skipped and firm_group is None:
            continue  # records without enterprises: no section to speak of
        sections.append(section)
        if draw_ahead is not None:
            for chart in section.charts:
                ahead(chart, draw_ahead)
    if lang == "ru":
        _english_names(c, sections)
    return Report(_title(c), lang, sections, _subtitle(c))


def _english_names(c: Spec, sections: list[Section]) -> None:
    """Count in the data note the codes a Russian report shows with their English names."""
    from hitex.reference.russian import missing_names  # noqa: PLC0415

    codes = sorted({code for s in sections if s.appendix is not None
                    for code in missing_names(s.appendix)})  # fmt: skip
    note = next((s for s in sections if s.key == "note" and not s.skipped), None)
    if codes and note is not None:
        n = wording.count(len(codes), ("code", "codes"), ("код", "кода", "кодов"), lang=c.lang)
        one = len(codes) % 10 == 1 and len(codes) % 100 != 11  # "1 код показан", "2 кода показаны"
        note.say(c.t("note.english", n=n, codes=", ".join(codes),
                     shown="показан" if one else "показаны"),
                 names_in_english=len(codes))  # fmt: skip


def _title(c: Spec) -> str:
    against = "" if c.compare is None else say("against", c.lang, compare=c.compare)
    return c.t("title", who=c.who, scope=c.scope + c.firm_scope, year=c.year, against=against)


def _subtitle(c: Spec) -> str:
    loads = c.session.loads()
    ids = loads.loc[loads["status"] == "loaded", "id"].astype(int).tolist()
    listed = wording.count(len(ids), ("load", "loads"), ("загрузка", "загрузки", "загрузок"),
                           lang=c.lang)  # fmt: skip
    return say("subtitle", c.lang, loads=listed)
