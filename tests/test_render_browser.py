"""HTML in a real browser: Chromium (Debian's, driven by Playwright) opens the tables' page and the
whole LKjIP, and no table is wider than the window or than its page when printed; screenshots of
each are kept beside the test's files. Skipped where Playwright or Chromium is absent (CI installs
both: .ci/run)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPECS = [ROOT / "specs" / "seririt-2023.lkj", ROOT / "examples" / "rencana-aksi.lkj"]
CHROMIUM = next((path for path in (shutil.which("chromium"), shutil.which("chromium-browser"),
                                   shutil.which("google-chrome")) if path), None)
WINDOW = 1400

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine")

# Every table's box (its scrolling frame when it has one) and the page's own width, in CSS pixels
MEASURE = """() => {
  const boxes = [...document.querySelectorAll('table')].map(t => {
    const frame = t.closest('.gulir') || t;
    return {title: (t.closest('section') || t).querySelector('h2,h3,h4')?.textContent || '',
            right: frame.getBoundingClientRect().right, width: frame.getBoundingClientRect().width};
  });
  return {boxes, page: document.documentElement.scrollWidth, window: window.innerWidth};
}"""


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    made = {}
    for spec in SPECS:
        for kind, command in (("lkjip", ["render", str(spec)]), ("tabel", ["eval", str(spec)])):
            out = folder / f"{spec.stem}-{kind}.html"
            run = subprocess.run([sys.executable, "-m", "lkjipdsl.cli", *command, "-o", str(out), "--no-charts"],
                                 capture_output=True, text=True, timeout=300)
            assert out.exists(), run.stderr
            made[out.stem] = out
    return made


def window_problems(browser, pages, names) -> list:
    page = browser.new_page(viewport={"width": WINDOW, "height": 900})
    problems = []
    for name in names:
        path = pages[name]
        page.goto(path.as_uri())
        measured = page.evaluate(MEASURE)
        assert measured["boxes"], name
        page.screenshot(path=str(path.with_suffix(".png")), full_page=False)
        assert path.with_suffix(".png").stat().st_size > 10_000
        if measured["page"] > measured["window"]:  # the page scrolls sideways
            problems.append((name, "page", measured["page"]))
        problems += [(name, box["title"], box["right"]) for box in measured["boxes"]
                     if box["right"] > measured["window"] + 0.5]
    page.close()
    return problems


def test_no_table_of_the_whole_lkjip_is_wider_than_the_window(browser, pages):
    assert window_problems(browser, pages, [name for name in pages if name.endswith("-lkjip")]) == []


def test_no_table_of_the_tables_page_is_wider_than_the_window(browser, pages):
    assert window_problems(browser, pages, [name for name in pages if name.endswith("-tabel")]) == []


def test_no_table_is_wider_than_its_printed_page(browser, pages):
    """Printed (the media the PDF is made for), each table fits the width of its page: A4 portrait or,
    for the wide ones of lkjip.html, A4 landscape."""
    page = browser.new_page()
    for name in [n for n in pages if n.endswith("-lkjip")]:
        page.goto(pages[name].as_uri())
        page.emulate_media(media="print")
        for wide in (True, False):
            # the text's width in CSS px (96 per inch): A4 landscape less 2 × 12 mm, A4 portrait less 25 + 20 mm
            limit = round((297 - 24) / 25.4 * 96 if wide else (210 - 45) / 25.4 * 96)
            page.set_viewport_size({"width": limit, "height": 900})
            measured = page.evaluate("""(wide) => [...document.querySelectorAll('table')]
                .filter(t => !!t.closest('.lebar') === wide)
                .map(t => ({width: t.getBoundingClientRect().width,
                            title: (t.closest('section') || t).querySelector('h4')?.textContent || ''}))""", wide)
            for table in measured:
                assert table["width"] <= limit + 0.5, (name, wide, table)
        page.screenshot(path=str(pages[name].with_name(name + "-print.png")), full_page=False)
    page.close()
