"""How each slot of a claim's frame was filled, and abstaining when one was guessed.

A claim is ``contradicted`` only when every slot its figure depends on (flow, partners, goods,
year) was read from its own clause or carried by a certain rule; a slot taken from an earlier
sentence, or the whole trade assumed while the sentence names a partner elsewhere, makes a
figure the data do not give ``unverifiable``, with the reason naming the slot. Expected figures
come from pandas on the example files.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import hitex.report.claims as claims
from hitex import demo
from hitex.report.claims import lexicon, parse, resolve

MOSCOW = Path(__file__).parents[3] / "examples" / "moscow-2020" / "flows.csv"


def read(text: str, reporter: str = "RU-MOW", year: int = 2020, compare: int | None = 2019):
    found = parse.parse(text)
    return resolve.resolve(found, lexicon.load(), resolve.Context(reporter, year, compare), text)


def _growth(partner: str | None = None) -> float:
    f = pd.read_csv(MOSCOW)
    if partner:
        f = f[f["partner"] == partner]
    by = f.groupby("year")["value_usd"].sum()
    return float(100 * (by[2020] / by[2019] - 1))


@pytest.mark.parametrize(
    ("text", "span", "partners", "flow"),
    [
        # Read from the claim's own words.
        ("Exports to Italy reached $75 million.", "$75 million", "read", "read"),
        ("Экспорт в Италию составил 75 млн долларов.", "75 млн", "read", "read"),
        # Carried from the clause before, in the same sentence (a certain rule).
        ("Shipments to Italy reached $75 million, up 25%.", "up 25%", "carried", "carried"),
        ("Экспорт в Италию составил 75 млн долларов, увеличившись на 25%.", "увеличившись", "carried",
         "carried"),
        # The whole trade while the sentence before was about one partner: a guess.
        ("Exports to Italy reached $75 million. Exports grew 41%.", "grew 41%", "paragraph",
         "read"),
        ("Экспорт в Италию составил 75 млн долларов. Экспорт вырос на 41%.", "вырос на 41%",
         "paragraph", "read"),
        # Nothing narrower in sight: the whole trade is read.
        ("Exports grew 30% in 2020.", "grew 30%", "read", "read"),
        ("Экспорт вырос на 30% в 2020 году.", "вырос на 30%", "read", "read"),
    ],
)  # fmt: skip
def test_how_partners_and_flow_were_filled(text, span, partners, flow):
    (c,) = [c for c in read(text) if c.span.startswith(span)]
    assert (c.how("partners"), c.how("flow")) == (partners, flow)
    assert c.as_dict()["reading"]["flow"] == flow


def test_a_figure_with_no_flow_word_guesses_the_flow():
    (c,) = read("Italy: 75 million dollars in 2020.")
    assert c.how("flow") == "default"
    assert "flow" in c.guessed()


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Moscow's exports to Italy reached $75 million in 2020. Exports grew 41%.", "grew 41%"),
        (
            "В 2020 году экспорт Москвы в Италию составил 75 млн долларов. Экспорт вырос на 41%.",
            "вырос на 41%",
        ),
    ],
)
def test_a_guessed_subject_is_not_accused(checked_warehouse, text, span):
    assert _growth("ITA") == pytest.approx(25.0)
    assert _growth() == pytest.approx(30.0, abs=0.01)
    results = claims.check(checked_warehouse, text, reporter="RU-MOW")
    (r,) = [r for r in results if r.claim.span.startswith(span)]
    assert r.verdict == "unverifiable", r.reason
    assert r.reason.startswith("uncertain reading: its partners")


@pytest.mark.parametrize(
    "text",
    ["Moscow's exports grew 41% in 2020.", "В 2020 году экспорт Москвы вырос на 41%."],
)
def test_a_read_subject_is_still_contradicted(checked_warehouse, text):
    (r,) = claims.check(checked_warehouse, text, reporter="RU-MOW")
    assert r.verdict == "contradicted", r.reason
    assert r.computed == pytest.approx(_growth())


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("In 2020 Moscow's exports rose 30% to $2.4 billion. Sales abroad climbed 41% as well.",
         "climbed 41%"),
        ("В 2020 году экспорт Москвы вырос на 30%, до 2,4 млрд долларов. Поставки выросли на "
         "41%.", "выросли на 41%"),
    ],
)  # fmt: skip
def test_a_figure_the_text_states_rightly_elsewhere(checked_warehouse, text, span):
    results = claims.check(checked_warehouse, text, reporter="RU-MOW")
    assert [r.verdict for r in results][:1] == ["supported"]
    (r,) = [r for r in results if r.claim.span.startswith(span)]
    assert r.verdict == "unverifiable", r.reason
    assert "states rightly" in r.reason


@pytest.mark.parametrize(
    "text",
    ["Argentina took 17% of Chile's imports in 2004.",
     "На Аргентину пришлось 17% импорта Чили в 2004 году."],
)  # fmt: skip
def test_a_share_of_the_only_partner_loaded(checked_warehouse, text):
    frame = pd.concat(pd.read_csv(f) for f in demo.files())
    assert set(frame[frame["flow"] == "import"]["partner"]) == {"ARG"}
    (r,) = claims.check(checked_warehouse, text, reporter="CHL")
    assert r.verdict == "unverifiable", r.reason
    assert "holds no partner" in r.reason


def test_text_arithmetic_never_overrules_the_data(checked_warehouse):
    # 64% of $2.4 billion is not $1.53 billion's share of... the data support the share; the
    # conflict the text's figures make is reported, never a red flag on a supported figure.
    f = pd.read_csv(MOSCOW)
    total = f[f["year"] == 2020]["value_usd"].sum()
    china = f[(f["year"] == 2020) & (f["partner"] == "CHN")]["value_usd"].sum()
    share = round(100 * china / total)
    text = (f"In 2020 Moscow's exports reached $2.4 billion. China took {share}% of them, "
            f"and India {100 - share + 10}% of them.")  # fmt: skip
    results = claims.check(checked_warehouse, text, reporter="RU-MOW")
    (r,) = [r for r in results if r.claim.span.startswith(f"{share}%")]
    assert r.verdict in ("supported", "unverifiable"), r.reason


@pytest.mark.parametrize(
    ("words", "value"),
    [("$4.5 bln", 4.5e9), ("USD 263 mln", 263e6), ("12.5 mln dollars", 12.5e6)],
)
def test_wire_service_scales(words, value):
    (f,) = parse.parse(f"Exports reached {words} in 2021.")
    assert f.claim.quantity is not None
    assert f.claim.quantity.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "products"),
    [
        ("Tyres (heading 4011) were sold for US$10.79 million.", ("HS 4011",)),
        ("Machinery and mechanical appliances (chapter 84) more than doubled, to $28.3 million.",
         ("HS 84",)),
        ("Exports of chapter 27 (mineral fuels) rose to $22.6 million.", ("HS 27",)),
        ("Экспорт машин и оборудования (группа 84) вырос до 28,3 млн долларов.", ("HS 84",)),
        ("Поставки газа (товарная позиция 2711) составили 5 млн долларов.", ("HS 2711",)),
    ],
)  # fmt: skip
def test_an_hs_code_named_is_the_goods(text, products):
    claims_ = [c for c in read(text, "CHL", 2004, 2002) if c.understood]
    assert claims_, "the code is no claim, the figure is"
    assert all(c.subject.products == products for c in claims_)
    assert lexicon.load().product(products[0]).codes == (products[0][3:],)


def test_an_hs_code_is_checked_on_its_codes(checked_warehouse):
    frame = pd.concat(pd.read_csv(f, dtype={"product": str}) for f in demo.files())
    rows = frame[(frame["year"] == 2004) & (frame["flow"] == "export")
                 & frame["product"].str.startswith("4011")]  # fmt: skip
    value = rows["value_usd"].sum()
    text = f"In 2004 Chile's exports of tyres (heading 4011) reached ${value / 1e6:.2f} million."
    (r,) = claims.check(checked_warehouse, text, reporter="CHL")
    assert r.verdict == "supported", r.reason
    assert r.computed == pytest.approx(value)


def _chile_exports(prefixes: tuple[str, ...]) -> float:
    frame = pd.concat(pd.read_csv(f, dtype={"product": str}) for f in demo.files())
    rows = frame[(frame["year"] == 2004) & (frame["flow"] == "export")
                 & frame["product"].str.startswith(prefixes)]  # fmt: skip
    return float(rows["value_usd"].sum())


@pytest.mark.parametrize(
    ("words", "prefixes", "loose"),
    [
        ("wine", ("2204",), False),  # an HS heading: the text means these goods
        # Chapters: read in each reading the lexicon lists (28-38, 28-29, 28-40), accused only
        # when every one disagrees.
        ("chemicals", tuple(str(c) for c in range(28, 39)), True),
        ("plastics", ("39",), False),  # a chapter's own title: the chapter alone
    ],
)
def test_goods_in_words_are_accused_only_when_every_reading_disagrees(
    checked_warehouse, tmp_path, words, prefixes, loose
):
    wrong = 3 * _chile_exports(prefixes)
    text = f"In 2004 Chile's exports of {words} reached ${wrong / 1e6:.2f} million."
    (r,) = claims.check(checked_warehouse, text, reporter="CHL")
    assert r.verdict == "contradicted", r.reason
    assert r.computed == pytest.approx(wrong / 3)
    assert not loose or f"every reading of '{words}' disagrees" in r.reason, r.reason
    # The user's own lexicon defines the words: its reading is certain.
    own = tmp_path / "lexicon.yaml"
    codes = ", ".join(f'"{p}"' for p in prefixes)
    own.write_text(f"products:\n  - name: {words}\n    words: [{words}]\n    codes: [{codes}]\n")
    (r,) = claims.check(checked_warehouse, text, reporter="CHL", lexicon_path=own)
    assert r.verdict == "contradicted", r.reason
    assert r.computed == pytest.approx(wrong / 3)


def test_a_loose_goods_word_whose_figure_fits_another_reading_is_not_accused(checked_warehouse):
    # "chemicals" read as chapters 28-38; its figure is that of chapters 28-40 (with plastics
    # and rubber), a reading the words allow.
    wide = _chile_exports(tuple(str(c) for c in range(28, 41)))
    narrow = _chile_exports(tuple(str(c) for c in range(28, 39)))
    assert abs(wide - narrow) > 0.01 * wide
    text = f"In 2004 Chile's exports of chemicals reached ${wide / 1e6:.2f} million."
    (r,) = claims.check(checked_warehouse, text, reporter="CHL")
    assert r.verdict != "contradicted", r.reason
    assert r.computed == pytest.approx(wide if r.verdict == "supported" else narrow), r.reason


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The crisis left its mark, with exports down 8% and imports down 12% in 2009.", "down 8%"),
        ("Кризис сказался и на торговле: в 2009 году экспорт упал на 8%.", "упал на 8%"),
    ],
)
def test_a_year_the_reading_did_not_use_is_not_certain(text, span):
    (c,) = [c for c in read(text, "PRT", 2021, 2020) if c.span.startswith(span)]
    assert c.period.year == 2009 or c.how("year") == "default"
