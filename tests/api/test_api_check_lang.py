"""``POST /api/check`` in the text's language, or the one ``lang`` asks for (as ``hitex check``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

import hitex
from hitex import demo
from hitex.api import create_app

RU = "В 2020 году Москва продала за рубеж высокотехнологичных товаров на 2,4 млрд долларов."
EN = "In 2020 Moscow sold high-tech goods abroad for $2.4 billion."


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("check-lang") / "hitex.duckdb"
    with hitex.open(path) as s:
        s.load([*demo.files(), demo.moscow_file()], format="flows")
    with TestClient(create_app(path, token="")) as c:
        yield c


def _reasons(client: TestClient, **body: str) -> list[str]:
    answer = client.post("/api/check", json=body)
    assert answer.status_code == 200, answer.text
    return [r["reason"] for r in answer.json()]


def test_a_russian_text_is_answered_in_russian(client):
    (reason,) = _reasons(client, text=RU)
    assert reason.startswith("экспорт Москвы в 2020 г.:"), reason
    assert "млрд долл. США" in reason


def test_lang_asks_for_the_other_language(client):
    (english,) = _reasons(client, text=RU, lang="en")
    assert english.startswith("Moscow's exports in 2020:"), english
    (russian,) = _reasons(client, text=EN, lang="ru")
    assert russian.startswith("экспорт Москвы в 2020 г.:"), russian
    (plain,) = _reasons(client, text=EN)
    assert plain == english


def test_verdicts_stay_codes_in_both_languages(client):
    en = client.post("/api/check", json={"text": RU, "lang": "en"}).json()
    ru = client.post("/api/check", json={"text": RU}).json()
    assert [r["verdict"] for r in en] == [r["verdict"] for r in ru] == ["supported"]


@pytest.mark.parametrize("lang", ["de", "RU", ""])
def test_an_unknown_language_is_a_422_with_one_sentence(client, lang):
    answer = client.post("/api/check", json={"text": EN, "lang": lang})
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["parameter"] == "lang"
    assert error["message"].count(".") == 1, error
    assert "'en' or 'ru'" in error["message"], error
