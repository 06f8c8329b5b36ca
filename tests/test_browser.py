"""What readers do, in a real browser (Debian's Chromium driven by Playwright): search, follow a
permalink, copy a citation, read on a phone, switch to dark mode; hostile notes run nothing; and the
pages pass an axe-core accessibility scan with zero violations."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, copy_repo, mkdocs_build

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), (
        "Chromium is missing: the README's test command installs it (apt-get install chromium)"
    )
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def base(built, serve):
    return serve(built)


@pytest.fixture
def page(browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    pg = context.new_page()
    yield pg
    context.close()


def first_search_result(page, base: str, query: str) -> str:
    page.goto(f"{base}/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.fill("input.md-search__input", query)
    page.wait_for_selector(".md-search-result__item a", timeout=15000)
    return page.locator(".md-search-result__item a").first.get_attribute("href")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("consent of a victim", "/tip-protocol/article-3/"),
        ("non-punishment", "/coe-convention/article-26/"),
        ("forced or compulsory labour", "/ilo-c029/article-2/"),
        ("organized criminal group", "/untoc/article-2/"),
    ],
)
def test_search_journey_lands_on_the_defining_article(page, base, query, expected):
    assert expected in first_search_result(page, base, query)


def search_results(page, base: str, query: str, count: int = 5) -> list[str]:
    first_search_result(page, base, query)
    return [a.get_attribute("href") for a in page.locator(".md-search-result__item > a").all()[:count]]


def test_searching_sale_of_children_reaches_crc_article_35_and_optional_protocol_article_2(page, base):
    results = " ".join(search_results(page, base, "sale of children"))
    assert "/crc/article-35/" in results and "/crc-opsc/article-2/" in results


def test_searching_slavery_reaches_iccpr_article_8(page, base):
    assert any("/iccpr/article-8/" in r for r in search_results(page, base, "slavery", 3))


def test_permalink_scrolls_to_and_highlights_the_subparagraph(page, base):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{base}/tip-protocol/article-6/#3-b")
    target = page.locator('[id="3-b"]')
    assert target.evaluate("el => el.matches(':target')")
    box = target.bounding_box()
    assert 0 <= box["y"] < 800
    colour = target.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")


def test_copy_button_puts_the_citation_on_the_clipboard(page, base):
    page.goto(f"{base}/tip-protocol/article-3/")
    page.locator(".tt-cite pre").hover()
    page.locator(".tt-cite .md-code__button, .tt-cite .md-clipboard").first.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(
        "Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children"
    )
    assert copied.strip().endswith("2237 UNTS 319, art 3")


def test_phone_width_has_no_horizontal_scroll_and_the_menu_opens(page, base):
    page.set_viewport_size({"width": 375, "height": 740})
    for path in ("/", "/tip-protocol/", "/tip-protocol/article-6/", "/definitions/", "/crc/article-35/"):
        page.goto(f"{base}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
        size = page.evaluate(
            "parseFloat(getComputedStyle(document.querySelector('.tt-official, .md-content p')).fontSize)"
        )
        assert size >= 14, path
    page.goto(f"{base}/tip-protocol/article-6/")
    page.locator('label.md-header__button[for="__drawer"]').click()
    page.wait_for_timeout(400)
    assert page.locator(".md-sidebar--primary").evaluate("el => el.getBoundingClientRect().right > 100")


def test_dark_mode_toggles(page, base):
    page.goto(f"{base}/tip-protocol/article-3/")
    before = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    after = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert {before, after} == {"default", "slate"}


HOSTILE_NOTE = """---
targets: [tip-protocol/art_6__para_3]
kind: challenge
title: '" onmouseover="alert(1)'
themes: [victim-support]
sources:
  - cite: "Trafficking in Persons Protocol, art 6(3)"
reviewed: 2026-11-28
---
[one](javascript:alert(1)) [two](JaVaScRiPt:alert(2)) [three](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
![four](javascript:alert(4)) [five][evil]

[evil]: javascript:alert(5)
"""


def test_hostile_note_runs_nothing_in_the_browser(browser, tmp_path, serve):
    repo = copy_repo(tmp_path / "repo")
    note = repo / "sources" / "commentary" / "tip-protocol" / "art_6" / "hostile.md"
    note.write_text(HOSTILE_NOTE, encoding="utf-8")
    site = tmp_path / "site"
    result = mkdocs_build(repo, site)
    assert result.returncode == 0, result.stdout + result.stderr
    base = serve(site)
    context = browser.new_context()
    pg = context.new_page()
    dialogs, errors = [], []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(f"{base}/tip-protocol/article-6/")
    pg.locator("#note-hostile summary").hover()
    for link in pg.locator("#note-hostile a").all():
        link.click(no_wait_after=True, timeout=2000)
        pg.wait_for_timeout(100)
        if not pg.url.startswith(f"{base}/tip-protocol/article-6/"):
            pg.goto(f"{base}/tip-protocol/article-6/")
    context.close()
    assert dialogs == [] and errors == []
    shutil.rmtree(site)


AXE_PAGES = ["/", "/tip-protocol/", "/tip-protocol/article-6/", "/themes/victim-support/", "/definitions/"]


@pytest.mark.parametrize("path", AXE_PAGES)
def test_page_has_no_accessibility_violations(page, base, path):
    assert AXE.exists(), "axe-core is missing: the README's test command installs it (npm install)"
    page.goto(f"{base}{path}")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    print(f"{path}: {len(result['passes'])} axe rules passed")
    assert violations == []
