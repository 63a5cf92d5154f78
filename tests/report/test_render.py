"""Rendered reports: Markdown with SVG files, one self-contained HTML file, PDF text, browser."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

import hitex.report as rep
from hitex.report import charts, names
from tests.report.test_build import ASIA


@pytest.fixture(scope="module")
def html_file(asia, tmp_path_factory):
    return rep.render(asia, tmp_path_factory.mktemp("html") / "asia.html")


def test_markdown_writes_charts_beside_it(asia, tmp_path):
    path = rep.render(asia, tmp_path / "asia.md")
    text = path.read_text()
    assert text.startswith("# Exports of Moscow to Asia, 2020 against 2019\n")
    assert asia.headline in text
    charts = sorted(p.name for p in tmp_path.glob("*.svg"))
    assert charts == ["asia-enduse.svg", "asia-history.svg", "asia-partners.svg",
                      "asia-products.svg", "asia-world.svg"]  # fmt: skip
    for name in charts:
        assert f"]({name})" in text
        assert (tmp_path / name).read_text().startswith("<svg")
    assert "| partner | partner_name | value_usd |" in text
    assert "| IND | India | 140,320,000 | 86,060,000 | 63.05 |" in text


def test_html_is_one_self_contained_file(html_file):
    text = html_file.read_text()
    assert "<script" not in text
    assert not re.search(r"""(src|href)=["']?https?:""", text)
    assert text.count("<svg") == 5
    assert "140,320,000" in text  # the appendix's exact figure


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_pdf_holds_the_headline_figure(asia, tmp_path):
    path = rep.render(asia, tmp_path / "asia.pdf")
    assert path.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout  # fmt: skip
    flat = " ".join(text.split())
    assert "grew by a third in 2020 against 2019, to $1.53 billion" in flat
    assert "140,320,000" in flat


def _shaded() -> int:
    ids = {g["id"] for g in charts._geometry()["objects"]["countries"]["geometries"] if "id" in g}
    return sum(names.m49(p) in ids for p in ASIA)


SHADED = _shaded()


@pytest.mark.browser
def test_charts_draw_in_chromium(html_file):
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "install chromium (.ci/system-deps)"
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(html_file.as_uri())
        figures = page.locator("figure.chart")
        assert figures.count() == 5
        for i in range(5):
            box = figures.nth(i).locator("svg").bounding_box()
            assert box is not None
            assert box["width"] > 300
            assert box["height"] > 150
        bars = page.locator('figure[data-chart="partners"] svg .mark-rect path')
        assert bars.count() == 12  # the twelve largest partners
        # The map draws every country of world-atlas, and shades the 15 Asian partners.
        world = 'figure[data-chart="world"] svg .mark-shape'
        assert page.locator(f"{world}.layer_0_marks path").count() > 150
        # Every Asian partner the 1:110m map has a shape for is shaded (Singapore has none).
        assert page.locator(f"{world}.layer_1_marks path").count() == SHADED
        labels = page.locator(
            'figure[data-chart="partners"] svg .mark-text text'
        ).all_text_contents()
        assert "+63%" in labels
        browser.close()
