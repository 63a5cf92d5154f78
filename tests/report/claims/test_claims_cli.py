"""hitex check and hitex report --check, through the command line; rules and lexicon files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hitex import demo
from hitex.cli import app
from hitex.errors import InputError
from hitex.report.claims import consistency, lexicon
from hitex.report.claims.check import infer_reporter
from hitex.report.claims.model import Claim, Period, Quantity, Result, Subject

MOSCOW = Path(__file__).parents[3] / "examples" / "moscow-2020"
runner = CliRunner()


def test_check_json_keys_and_verdicts(db):
    result = runner.invoke(app, ["--db", str(db), "check", str(MOSCOW / "article.txt"),
                                 "--reporter", "RU-MOW", "--year", "2020", "--compare", "2019",
                                 "--format", "json"])  # fmt: skip
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert len(records) == 26
    assert set(records[0]) == {"sentence", "span", "claim", "computed", "verdict", "reason"}
    assert set(records[0]["claim"]) >= {"kind", "quantity", "subject", "period", "comparison"}
    verdicts = [r["verdict"] for r in records]
    # "a leader in the growth rate" conflicts with the text's own rates, but the data support
    # it (first with small bases set aside): unverifiable, not red.
    assert (verdicts.count("supported"), verdicts.count("inconsistent"),
            verdicts.count("unverifiable")) == (20, 1, 5)  # fmt: skip


def test_check_csv_and_errors(db, tmp_path):
    result = runner.invoke(app, ["--db", str(db), "check", str(MOSCOW / "article.txt"),
                                 "--format", "csv"])  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout.startswith("sentence,span,claim")
    missing = runner.invoke(app, ["--db", str(db), "check", str(tmp_path / "none.txt")])
    assert missing.exit_code == 1
    assert "Cannot read" in missing.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("products:\n  - name: x\n    words: [x]\n")
    wrong = runner.invoke(app, ["--db", str(db), "check", str(MOSCOW / "article.txt"),
                                "--lexicon", str(bad)])  # fmt: skip
    assert wrong.exit_code == 1
    assert "exactly one of 'codes'" in wrong.stderr


def test_report_check_marks_the_article(db, tmp_path):
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["--db", str(db), "report", "--reporter", "RU-MOW", "--year",
                                 "2020", "--compare", "2019", "--out", str(out), "--check",
                                 str(MOSCOW / "article.txt")])  # fmt: skip
    assert result.exit_code == 0, result.output
    page = out.read_text()
    assert page.count('<mark class="inconsistent"') == 2  # one claim, in text and table
    assert 'data-claim="17"' in page
    assert page.index('id="check"') < page.index("</body>")


def test_user_lexicon_adds_words(tmp_path):
    extra = tmp_path / "more.yaml"
    extra.write_text("products:\n  - name: radars\n    codes: ['8526']\n    words: [radar]\n")
    lex = lexicon.load(extra)
    assert [m.value for m in lex.find_products("Radars and gas turbines")] == [
        "radars",
        "gas turbines",
    ]
    extra.write_text("[1, 2]")
    with pytest.raises(InputError, match="should hold"):
        lexicon.load(extra)


def _claim(kind, value, lo, hi, subject, *, whole=None, metric=None, span="x", year=2020):
    return Claim(
        kind,
        span,
        "s",
        0,
        1,
        Quantity(value, "pct" if kind != "amount" else "usd", lo, hi),
        metric=metric,
        subject=subject,
        whole=whole,
        period=Period(year, year - 1),
    )


def _flag(*claims, data="contradicted"):
    """The rules' verdicts on claims whose data verdict is ``data`` (the rules read text only).

    By default the data contradict every claim: the rules then say which of them the text's
    own figures put at fault (``inconsistent``) and leave the others as they were (``-``).
    """
    results = [Result(c, None, data, "") for c in claims]
    return [r.verdict if r.verdict != data else "-" for r in consistency.flag(results)]


R = "RU-MOW"


def test_parts_and_total_must_add_up():
    total = _claim("amount", 1.2e9, 1.15e9, 1.25e9, Subject(R, partners=("IND", "CHN")))
    ind = _claim("amount", 140e6, 139.5e6, 140.5e6, Subject(R, partners=("IND",)))
    chn = _claim("amount", 563e6, 562.5e6, 563.5e6, Subject(R, partners=("CHN",)))
    assert _flag(total, ind, chn) == ["inconsistent", "-", "-"]
    big = _claim("amount", 1.06e9, 1059.5e6, 1060.5e6, Subject(R, partners=("CHN",)))
    assert _flag(total, ind, big) == ["-"] * 3


def test_growth_must_follow_from_two_levels():
    s = Subject(R, partners=("IND",))
    now = _claim("amount", 140e6, 139.5e6, 140.5e6, s)
    before = _claim("amount", 86e6, 85.5e6, 86.5e6, s, year=2019)
    assert _flag(_claim("growth", 63, 62.5, 63.5, s), now, before)[0] == "-"
    assert _flag(_claim("growth", 30, 29.5, 30.5, s), now, before)[0] == "inconsistent"


def test_shares_of_one_whole_cannot_pass_100():
    whole = Subject(R)
    a = _claim("share", 60, 59.5, 60.5, Subject(R, partners=("IND",)), whole=whole)
    b = _claim("share", 50, 49.5, 50.5, Subject(R, partners=("CHN",)), whole=whole)
    c = _claim("share", 30, 29.5, 30.5, Subject(R, partners=("CHN",)), whole=whole)
    assert _flag(a, b) == ["inconsistent", "inconsistent"]
    assert _flag(a, c) == ["-", "-"]


def test_text_arithmetic_never_overrules_the_data():
    # The data support a claim the rules find at fault: the rule may have misread the other
    # claim; the conflict is named, the verdict is unverifiable, never a red flag.
    whole = Subject(R)
    a = _claim("share", 60, 59.5, 60.5, Subject(R, partners=("IND",)), whole=whole)
    b = _claim("share", 50, 49.5, 50.5, Subject(R, partners=("CHN",)), whole=whole)
    assert _flag(a, b, data="supported") == ["unverifiable", "unverifiable"]
    assert _flag(a, b, data="contradicted") == ["inconsistent", "inconsistent"]


def test_text_arithmetic_alone_is_no_red_flag():
    # The data cannot settle either claim (goods the lexicon does not know, a whole not read):
    # the conflict among the text's own figures is named, the verdict stays unverifiable.
    whole = Subject(R)
    a = _claim("share", 60, 59.5, 60.5, Subject(R, partners=("IND",)), whole=whole)
    b = _claim("share", 50, 49.5, 50.5, Subject(R, partners=("CHN",)), whole=whole)
    results = consistency.flag([Result(c, None, "unverifiable", "no data") for c in (a, b)])
    assert [r.verdict for r in results] == ["unverifiable", "unverifiable"]
    assert all("the text's figures conflict" in r.reason for r in results)
    assert all("data: unverifiable, no data" in r.reason for r in results)


def test_the_sample_files_are_where_the_tests_expect():
    assert MOSCOW.joinpath("flows.csv").read_bytes() == demo.moscow_file().read_bytes()


def test_a_reporter_named_only_by_its_adjective_is_found(checked_warehouse):
    text = "Столичные компании нарастили поставки, сообщил Московский экспортный центр."
    assert infer_reporter(checked_warehouse, text) == "RU-MOW"


@pytest.mark.parametrize("columns", [80, 120, 200])
def test_check_table_wraps_every_reason_whole(db, columns):
    """On a terminal each claim's reason is printed whole, wrapped to the width, never cut."""
    args = ["--db", str(db), "check", str(MOSCOW / "article.txt"), "--reporter", "RU-MOW",
            "--year", "2020", "--compare", "2019"]  # fmt: skip
    listed = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    table = runner.invoke(app, [*args, "--format", "table"], env={"COLUMNS": str(columns)})
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    assert max(map(len, lines)) <= columns
    head = next(line for line in lines if "reason" in line).split("┃")
    at = [cell.strip() for cell in head].index("reason")
    rows: list[list[str]] = []
    for line in lines:
        cells = line.split("│")
        if len(cells) <= at:
            continue
        if cells[1].strip():  # a claim's first line: its number
            rows.append([])
        rows[-1].append(cells[at].strip())
    assert len(rows) == len(listed)
    for shown, record in zip(rows, listed, strict=True):
        # A word longer than a narrow column is folded, so spaces are not compared.
        assert "".join("".join(shown).split()) == "".join(record["reason"].split())


def test_a_text_naming_no_reporter_is_refused_in_one_sentence(corpus):
    # One sentence saying what is missing, in the text's language where the CLI asks for it.
    with pytest.raises(InputError) as e:
        infer_reporter(corpus, "Привет. Погода хорошая.")
    assert "names no reporter the warehouse holds" in str(e.value)
    assert "CHL, PRT, RU-MOW" in str(e.value)
    assert "не называет ни одного" in e.value.ru


def test_a_text_naming_two_reporters_as_often_says_which(corpus):
    with pytest.raises(InputError) as e:
        infer_reporter(corpus, "Chile and Portugal. Weather notes only.")
    assert "names CHL and PRT as often as each other" in str(e.value)
    assert "CHL и PRT одинаково часто" in e.value.ru
