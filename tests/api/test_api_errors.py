"""One JSON error shape for every failure (pinned), and the parameter at fault named."""

from __future__ import annotations

import pytest


def test_the_error_shape_is_pinned(reader):
    answer = reader.get("/api/table", params={"reporter": "Chlie", "year": 2004})
    assert answer.status_code == 422
    assert answer.json() == {
        "error": {
            "status": 422,
            "code": "unknown_code",
            "parameter": "reporter",
            "message": "reporter: Unknown country 'Chlie'. Did you mean 'Chile'?",
        }
    }


@pytest.mark.parametrize(
    ("params", "status", "parameter", "message"),
    [
        ({"reporter": "CHL", "year": "twenty"}, 422, "year",
         "year: Input should be a valid integer, unable to parse string as an integer."),
        ({"reporter": "CHL", "year": 2004, "flow": "exports"}, 422, "flow",
         "flow: Unknown flow 'exports'. Did you mean 'export' or 're-export'?"),
        ({"reporter": "CHL", "year": 2004, "by": "partnr"}, 422, "by",
         "by: Unknown dimension 'partnr'. Did you mean 'partner'?"),
        ({"reporter": "CHL", "year": 2004, "partner_group": "Asai"}, 422, "partner_group",
         "partner_group: Unknown partner group 'Asai'. Did you mean 'Asia'?"),
        ({"reporter": "CHL", "year": 2004, "groups": "tek"}, 422, "groups",
         "groups: Unknown product scheme 'tek'. Choose from: tech, enduse, enduse-stage, bec, "
         "hs-section, hs-chapter, hs-heading, techservices."),
        ({"reporter": "CHL", "year": 2004, "groups": "tech", "group": "hihg"}, 422, "group",
         "group: Unknown group 'hihg'. Did you mean 'high'?"),
        ({"reporter": "CHL", "year": 2004, "classification": "HS2017"}, 422, "classification",
         "classification: Unknown classification 'HS2017'. Did you mean 'HS17' or 'HS07'?"),
        ({"reporter": "CHL", "year": 2004, "indicators": "growht"}, 422, "indicators",
         "indicators: Unknown indicator 'growht'. Did you mean 'growth'?"),
        ({"reporter": "CHL", "year": 2004, "months": "1-13"}, 422, "months",
         "months: '1-13' is not a month range within 1-12, first to last."),
        ({"reporter": "CHL", "years": "2004-2002"}, 422, "years",
         "years: '2004-2002' is not a span of years within 1900-2100, first to last."),
        ({"reporter": "CHL", "year": 2004, "reporter_": "x"}, 422, "reporter_",
         "Unknown parameter 'reporter_'."),
        ({"year": 2004}, 422, "reporter", "reporter: this parameter is required."),
        ({"reporter": "CHL"}, 422, None, "Give year (and compare for growth) or years=FIRST-LAST."),
        ({"reporter": "CHL", "year": 2004, "months": "1-8"}, 422, None,
         "CHL has no monthly records in the warehouse; --months needs them."),
        ({"reporter": "CHL", "year": 2004, "top": 0}, 422, "top",
         "top: Input should be greater than or equal to 1."),
    ],
)  # fmt: skip
def test_bad_table_parameters(reader, params, status, parameter, message):
    answer = reader.get("/api/table", params=params)
    assert answer.status_code == status
    error = answer.json()["error"]
    assert (error["parameter"], error["message"]) == (parameter, message)
    assert set(answer.json()) == {"error"}
    assert set(error) == {"status", "code", "parameter", "message"}


@pytest.mark.parametrize(
    ("url", "status", "code", "parameter"),
    [
        ("/api/rejects?load=99", 422, "bad_input", "load"),
        ("/api/groups?scheme=tekh", 422, "unknown_code", "scheme"),
        ("/api/classify?code=841181&classification=HS3", 422, "unknown_code", "classification"),
        ("/api/classify", 422, "bad_input", "code"),
        ("/api/nowhere", 404, "not_found", None),
        ("/api/report?reporter=CHL&year=2004&format=docx", 422, "bad_input", "format"),
        ("/api/report?reporter=CHL&year=2031", 422, "bad_input", None),
        ("/api/loads/progress/unknown", 404, "not_found", "id"),
    ],
)
def test_every_error_has_the_shape(reader, url, status, code, parameter):
    answer = reader.get(url)
    assert answer.status_code == status, answer.text
    assert answer.json()["error"]["code"] == code
    assert answer.json()["error"]["parameter"] == parameter
    assert answer.json()["error"]["message"].endswith((".", "?"))


def test_wrong_method_has_the_shape(reader):
    answer = reader.delete("/api/loads")
    assert answer.status_code == 405
    assert answer.json()["error"]["code"] == "method_not_allowed"


def test_report_download_is_the_report(reader):
    answer = reader.get("/api/report", params={"reporter": "CHL", "year": 2004, "compare": 2002})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/html")
    assert 'filename="hitex-CHL-2004.html"' in answer.headers["content-disposition"]
    assert "Chile" in answer.text
    assert "<svg" in answer.text
