"""The web editions in a real browser: Debian's Chromium driven by Playwright (no browser
download), axe-core from the axe-playwright-python package (offline).

For each page: axe finds no violation of serious or critical impact, the page does not
scroll sideways at 390 px nor at 320 px (a 1280 px screen at 400 % zoom), the skip link
is the first thing a keyboard reaches and shows when focused, and the browser makes no
request besides the file itself (the page's Content-Security-Policy is bypassed, so that
the content is tested and not the policy).

One browser per test process, one page per file. axe costs seconds of CPU per page, so
``make test`` checks two participant editions, about 7 s of CPU: the bilingual one with
every worksheet item kind, an image and a comparison, and the Arabic one; CI
(``CI=true``) checks every sample in every language, both editions, and both fixtures'
facilitator editions (about 3 s of CPU a page).
Chromium or Playwright missing: skipped locally, a failure in CI.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import DATA, EVERY_KIND, IN_CI, SAMPLES, require_tool

RTL = DATA / "rtl" / "curricula" / "rtl-test.yaml"
SERIOUS = {"serious", "critical"}


def _need_playwright():
    try:
        import axe_playwright_python  # noqa: F401
        from playwright.sync_api import sync_playwright  # noqa: F401
    except ImportError:
        if IN_CI:
            pytest.fail("playwright and axe-playwright-python are required in CI (the test extra)")
        pytest.skip("playwright or axe-playwright-python not installed")


@pytest.fixture(scope="session")
def browser():
    path = require_tool("chromium")
    _need_playwright()
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    b = pw.chromium.launch(executable_path=path, args=["--no-sandbox"])
    yield b
    b.close()
    pw.stop()


@pytest.fixture(scope="session")
def axe_js() -> str:
    _need_playwright()
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text("utf-8")


@pytest.fixture(scope="module")
def fixtures_built(tmp_path_factory) -> Path:
    """EVERY_KIND's (es+en) and the Arabic fixture's web editions."""
    from click.testing import CliRunner

    from workshopkit.cli import main

    base = tmp_path_factory.mktemp("webb")
    shutil.copytree(EVERY_KIND.parent.parent, base / "ek")
    shutil.copytree(RTL.parent.parent, base / "rtl")
    out = base / "out"
    for args in (["ek/curricula", "--lang", "es", "--bilingual", "es,en"],
                 ["rtl/curricula", "--lang", "ar"]):
        res = CliRunner().invoke(main, ["build", str(base / args[0]), *args[1:], "-o", str(out),
                                        "--only", "web,web-guide", "-j", "1"])
        assert res.exit_code == 0, res.output
    return out


def check(browser, axe_js: str, path: Path) -> dict:
    """What the browser finds on one page."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, bypass_csp=True)
    requests: list[str] = []
    me = path.resolve().as_uri()

    def route(r):
        requests.append(r.request.url)
        r.continue_() if r.request.url == me else r.abort()

    ctx.route("**/*", route)
    page = ctx.new_page()
    try:
        page.goto(me)
        widths = {390: page.evaluate("document.documentElement.scrollWidth")}
        page.set_viewport_size({"width": 320, "height": 640})
        widths[320] = page.evaluate("document.documentElement.scrollWidth")
        page.keyboard.press("Tab")
        skip = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
            return [e.getAttribute('href'), r.top >= 0 && r.bottom <= innerHeight && r.width > 0,
                    getComputedStyle(e).outlineStyle]; }""")
        page.set_viewport_size({"width": 390, "height": 844})
        page.add_script_tag(content=axe_js)
        violations = page.evaluate("""axe.run(document, {resultTypes: ['violations']})
            .then(r => r.violations.map(v => ({id: v.id, impact: v.impact,
                                                where: v.nodes.slice(0, 3).map(n => n.html)})))""")
    finally:
        ctx.close()
    return {"requests": [u for u in requests if u != me], "widths": widths, "skip": skip,
            "violations": violations}


def pages(request, fixtures: Path) -> list[Path]:
    own = [fixtures / "every-kind" / "es+en" / "every-kind-es+en.html",
           fixtures / "rtl-test" / "ar" / "rtl-test-ar.html"]
    if not IN_CI:
        return own
    samples = request.getfixturevalue("samples_built").out
    return own + [fixtures / "rtl-test" / "ar" / "rtl-test-ar-guide.html",
                  fixtures / "every-kind" / "es+en" / "every-kind-es+en-guide.html",
                  *sorted(samples.rglob("*.html"))]


@pytest.mark.slow
def test_every_web_edition_passes_axe_reflows_and_stays_offline(browser, axe_js, fixtures_built,
                                                                request, tmp_path):
    not_vacuous(browser, axe_js, tmp_path)
    files = pages(request, fixtures_built)
    assert all(f.is_file() for f in files), [f for f in files if not f.is_file()]
    if IN_CI:  # every sample, every language, both editions
        samples = len(list(SAMPLES.glob("*.yaml")))
        assert len(files) >= 4 + samples * 3 * 2
    failures = {}
    for f in files:
        got = check(browser, axe_js, f)
        bad = [v for v in got["violations"] if v["impact"] in SERIOUS]
        wide = {w: sw for w, sw in got["widths"].items() if sw > w}
        if bad or wide or got["requests"] or got["skip"][:2] != ["#main", True]:
            failures[f.name] = {"axe": bad, "scrolls sideways": wide,
                                "requests": got["requests"], "skip link": got["skip"]}
    assert not failures, failures


def not_vacuous(browser, axe_js, tmp_path):
    """The check fails on a page with a missing alt, a low-contrast text, a remote
    image and a wide element: it is not vacuous."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><main>'
                   '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
                   '<p style="color:#bbb;background:#fff">faint</p>'
                   '<img src="https://example.org/x.png" alt="remote">'
                   '<div style="width:900px">wide</div></main></body></html>', "utf-8")
    got = check(browser, axe_js, bad)
    ids = {v["id"] for v in got["violations"] if v["impact"] in SERIOUS}
    assert {"image-alt", "color-contrast"} <= ids
    assert got["requests"] == ["https://example.org/x.png"]
    assert got["widths"][390] > 390 and got["skip"][0] != "#main"
