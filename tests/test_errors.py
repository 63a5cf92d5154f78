"""The one "Did you mean …?" of hitex: which names are close (close_matches), and its words."""

from __future__ import annotations

import pytest

from hitex.errors import UnknownCodeError, close_matches, did_you_mean, suggest

# Ratios by hand, difflib's 2*M/T (M: characters of the matching blocks, T: both lengths):
#   frnace/france: blocks "fr", "ce", "n" -> 2*5/12 = 0.833
#   frnace/greece: blocks "ce", "r"       -> 2*3/12 = 0.5
#   frnace/iran:   blocks "r", "n"        -> 2*2/10 = 0.4
#   asai/asia:     blocks "as", "a"       -> 2*3/8  = 0.75 (the default cutoff, kept: >=)
#   iran/iraq:     block "ira"            -> 2*3/8  = 0.75
COUNTRIES = ["Greece", "France", "Iran"]


def test_the_close_names_are_offered_as_spelled():
    assert close_matches("Frnace", COUNTRIES) == ["France"]
    assert close_matches("FRNACE", COUNTRIES) == ["France"]  # case does not count
    assert close_matches("FRNACE", COUNTRIES, ignore_case=False) == []  # "F" alone: 2/12
    assert close_matches("zzz", COUNTRIES) == []


def test_cutoff_is_the_least_ratio_offered():
    assert close_matches("Asai", ["Asia"]) == ["Asia"]  # 0.75 >= 0.75
    assert close_matches("Asai", ["Asia"], cutoff=0.76) == []
    assert close_matches("Frnace", COUNTRIES, cutoff=0.5) == ["France", "Greece"]


def test_the_best_comes_first_and_at_most_n():
    assert close_matches("Iran", ["Iraq", "Iran"]) == ["Iran", "Iraq"]  # 1.0, then 0.75
    assert close_matches("Iran", ["Iraq", "Iran"], n=1) == ["Iran"]


def test_the_sentence_in_each_language():
    assert did_you_mean(["Iran", "Iraq"]) == "Did you mean 'Iran' or 'Iraq'?"
    assert did_you_mean(["Iran", "Iraq"], "ru") == "Возможно, имелось в виду «Iran» или «Iraq»?"
    assert did_you_mean(["x"], "ru", quote=lambda n: f"«{n}» (икс)") == (
        "Возможно, имелось в виду «x» (икс)?"
    )
    assert did_you_mean([]) == did_you_mean([], "ru") == ""


@pytest.mark.parametrize(
    ("value", "en", "ru"),
    [
        ("Frnace", "Unknown country 'Frnace'. Did you mean 'France'?",
         "Не найдено: страна «Frnace». Возможно, имелось в виду «France»?"),
        ("zzz", "Unknown country 'zzz'. Choose from: Greece, France, Iran.",
         "Не найдено: страна «zzz». Допустимые значения: «Greece», «France», «Iran»."),
    ],
)  # fmt: skip
def test_an_unknown_name_says_it_in_both_languages(value, en, ru):
    error = UnknownCodeError.new("country", value, COUNTRIES)
    assert (error.text("en"), error.text("ru")) == (en, ru)


def test_suggest_is_the_english_sentence_after_a_space():
    assert suggest("Frnace", COUNTRIES) == " Did you mean 'France'?"
    assert suggest("zzz", COUNTRIES) == ""
