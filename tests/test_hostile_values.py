"""Every value the format accepts renders, or is a located error: dates, ids, paths,
URLs, control characters, images, templates, and documents that aliases make huge."""
from __future__ import annotations

import io
import struct
import time
import zipfile
import zlib

import pytest
from PIL import Image

from hostile_kit import MINI, deadline, plant


def _errors(r) -> list[str]:
    return [ln for ln in r.output.splitlines() if ": error: " in ln]


def _with(root, extra: str = "", replace: tuple[str, str] = ("", "")) -> None:
    f = root / "curricula" / "mini.yaml"
    f.write_text(MINI.replace(*replace) + extra)


VALUES = {  # case -> (edit of MINI, where, what the error says)
    "updated-2108": (("summary:", "updated: 2108-01-01\nsummary:"), "mini.yaml:5:10",
                     "'updated' must be between 1980-01-01 and 2107-12-31"),
    "updated-1970": (("summary:", "updated: 1970-01-01\nsummary:"), "mini.yaml:5:10",
                     "'updated' must be between 1980-01-01 and 2107-12-31"),
    "long-id": (("id: mini", "id: " + "a" * 300), "mini.yaml:2:5",
                "id is 300 characters long; the limit is 64"),
    "catalog-nul": (("", ""), "mini.yaml:17:25", "control character U+0000"),
    "catalog-long": (("", ""), "mini.yaml:17:25", "id is 300 characters long; the limit is 64"),
    "src-nul": (("", ""), "mini.yaml:17:26", "control character U+0000"),
    "src-long": (("", ""), "mini.yaml:17:26", "file path is 300 characters long; the limit is 255"),
    "title-control": (("title: {es: Mini, en: Mini}", 'title: {es: "Mi\\x01ni", en: Mini}'),
                      "mini.yaml:4:13", "control character U+0001"),
    "author-nul": (("summary:", 'authors: [{name: "A\\0B", org: "O\\x02"}]\nsummary:'),
                   "mini.yaml:5:18", "control character U+0000"),
    "version-control": (("summary:", 'version: "1.0\\x1b"\nsummary:'), "mini.yaml:5:10",
                        "control character U+001B"),
    "url-2400": (("", ""), "mini.yaml:21:10", "URL is 2414 bytes long; the limit is 1200 bytes"),
    "url-1900": (("", ""), "mini.yaml:21:10", "URL is 1914 bytes long; the limit is 1200 bytes"),
    "url-non-ascii": (("", ""), "mini.yaml:21:10", "URL is 1814 bytes long; the limit is 1200"),
    "url-credentials": (("", ""), "mini.yaml:21:10", "cannot hold a user name and password"),
    "url-userinfo-host": (("", ""), "mini.yaml:21:10", "the host of this URL is 'evil.example'"),
}
EXTRA = {
    "catalog-nul": '          - comparison: "to\\0ols"\n',
    "catalog-long": f"          - comparison: {'t' * 300}\n",
    "src-nul": '          - image: {src: "p\\0.png", alt: x}\n',
    "src-long": f"          - image: {{src: {'p' * 296}.png, alt: x}}\n",
    "url-2400": "          - video: v\nvideos:\n  v:\n    title: V\n    url: https://e.org/"
                + "a" * 2400 + "\n",
    "url-1900": "          - video: v\nvideos:\n  v:\n    title: V\n    url: https://e.org/"
                + "a" * 1900 + "\n",
    "url-non-ascii": "          - video: v\nvideos:\n  v:\n    title: V\n    url: https://e.org/"
                     + "ñ" * 900 + "\n",
    "url-credentials": "          - video: v\nvideos:\n  v:\n    title: V\n"
                       "    url: https://user:secret@e.org/\n",
    "url-userinfo-host": "          - video: v\nvideos:\n  v:\n    title: V\n"
                         "    url: https://trusted.org@evil.example/\n",
}


@pytest.mark.parametrize("case", sorted(VALUES))
def test_values_render_or_are_located_errors(tmp_path, cli, case):
    root, _ = plant(tmp_path)
    replace, where, says = VALUES[case]
    _with(root, EXTRA.get(case, ""), replace)
    with deadline():
        r = cli("validate", "curricula", cwd=root)
    assert r.exit_code == 1, r.output
    assert any(where in ln and says in ln for ln in _errors(r)), r.output


def test_a_long_url_within_the_cap_builds_a_readable_handout(tmp_path, cli):
    root, _ = plant(tmp_path)
    url = "https://e.org/" + "a" * (1200 - 14)
    _with(root, f"          - video: v\nvideos:\n  v:\n    title: V\n    url: {url}\n")
    with deadline(20):
        r = cli("build", "curricula", "--only", "videos", "--lang", "es", "-o", "out", cwd=root)
    assert r.exit_code == 0, r.output
    import pypdfium2 as pdfium
    import zxingcpp

    (pdf_path,) = (root / "out" / "mini" / "es").glob("*.pdf")
    pdf = pdfium.PdfDocument(str(pdf_path))
    found = {b.text for page in pdf for b in zxingcpp.read_barcodes(
        page.render(scale=200 / 72).to_pil())}
    assert url in found


@pytest.mark.parametrize("value, says", [
    ("abc", "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not 'abc'"),
    ("4354819200", "is 2108-01-01; outputs can carry dates from 1980-01-01 to 2107-12-31"),
])
def test_source_date_epoch_is_checked(tmp_path, cli, monkeypatch, value, says):
    root, _ = plant(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    r = cli("build", "curricula", "--only", "slides", "-o", "out", cwd=root)
    assert r.exit_code == 1 and f"SOURCE_DATE_EPOCH: error: " in r.output and says in r.output
    assert not (root / "out" / "mini").exists()


def test_one_function_keeps_xml_illegal_characters_out_of_every_writer():
    from workshopkit.model.text import xml_safe
    from workshopkit.render.pdf.base import escape
    from workshopkit.render.pdf.styles import markup
    from workshopkit.render.pptx.slidexml import attr, esc

    bad = "a\x00b\x01c\x1f\ufffe"
    assert xml_safe(bad) == "abc" and xml_safe("tab\tnew\nline") == "tab\tnew\nline"
    for out in (esc(bad), attr(bad), escape(bad), markup(bad)):
        assert "abc" in out and not any(ch in out for ch in "\x00\x01\x1f\ufffe*"), out


def test_markup_is_linear_and_never_prints_a_nul_as_a_star():
    from workshopkit.plan.markup import parse, plain

    assert plain("a\x00b \\*x\\*") == "a\x00b *x*"
    assert [(r.text, r.bold, r.italic) for r in parse("**a** *b* \\**c**")] == [
        ("a", True, False), (" ", False, False), ("b", False, True), (" *", False, False),
        ("c", False, True), ("*", False, False)]
    started = time.process_time()
    for text in ("**a " * 2500, "*a " * 3333, "** " * 3333, "*" * 10_000):
        parse(text)
    assert time.process_time() - started < 0.5


# ------------------------------------------------------------------ images

def _png(w: int, h: int) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (w, h), (200, 10, 10)).save(buf, "PNG")
    return buf.getvalue()


def _claiming(w: int, h: int) -> bytes:
    """A PNG header claiming ``w``×``h`` pixels, with no pixel data."""
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk
            + struct.pack(">I", zlib.crc32(chunk)) + b"\x00\x00\x00\x00IEND\xaeB`\x82")


def _jpeg_cut() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (64, 64), (0, 90, 200)).save(buf, "JPEG")
    return buf.getvalue()[:300]


IMAGES = {
    "png-truncated": (lambda: _png(64, 64)[:120], "cannot be read: the file is damaged or cut short"),
    "png-no-data": (lambda: _claiming(100, 100), "cannot be read: the file is damaged or cut short"),
    "jpeg-truncated": (_jpeg_cut, "cannot be read: the file is damaged or cut short"),
    "bomb": (lambda: _claiming(60_000, 60_000), "the limit of 50000000 pixels"),
}


@pytest.mark.parametrize("case", sorted(IMAGES))
def test_images_are_what_they_claim(tmp_path, cli, case):
    root, _ = plant(tmp_path)
    make, says = IMAGES[case]
    (root / "curricula" / "pic.png").write_bytes(make())
    _with(root, "          - image: {src: pic.png, alt: x}\n")
    with deadline():
        r = cli("validate", "curricula", cwd=root)
    assert r.exit_code == 1
    assert any("mini.yaml:17:26" in ln and says in ln for ln in _errors(r)), r.output


@pytest.mark.parametrize("data, says", [(b"GIF89a not really", "is not a PNG or JPEG file"),
                                        (_claiming(60_000, 60_000), "50000000 pixels")])
def test_a_theme_logo_that_is_no_image_is_an_error_in_the_theme(tmp_path, cli, data, says):
    root, _ = plant(tmp_path)
    (root / "logo.png").write_bytes(data)
    (root / "theme.yaml").write_text("logo: logo.png\n")
    with deadline():
        r = cli("build", "curricula", "--only", "slides", "-o", "out", cwd=root)
    assert r.exit_code == 1 and "internal error" not in r.output
    assert any(ln.startswith("theme.yaml:1:7: error: ") and says in ln for ln in _errors(r)), \
        r.output


# ------------------------------------------------------------------ templates

def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


def _no_layout_template() -> bytes:
    import re

    from pptx import Presentation

    buf = io.BytesIO()
    Presentation().save(buf)
    with zipfile.ZipFile(buf) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for name in [n for n in parts if re.match(r"ppt/slideLayouts/slideLayout\d+\.xml$", n)]:
        parts[name] = re.sub(rb'<p:ph type="(title|ctrTitle)"', b'<p:ph type="body"', parts[name])
    return _zip(parts)


TEMPLATES = {
    "many-entries": (lambda: _zip({f"f{i}.xml": b"x" for i in range(2001)}),
                     "the template holds 2001 files; the limit is 2000"),
    "zip-bomb": (lambda: _zip({"ppt/big.xml": b"\0" * (3 * 1024 * 1024)}),
                 "is compressed more than 100 to 1"),
    "not-a-zip": (lambda: b"PK\x03\x04 broken", "is not a .pptx presentation"),
    "no-title-layout": (_no_layout_template, "has no layout with a title placeholder"),
}


@pytest.mark.parametrize("case", sorted(TEMPLATES))
def test_templates_are_checked_before_they_are_unzipped(tmp_path, cli, case):
    root, _ = plant(tmp_path)
    make, says = TEMPLATES[case]
    (root / "t.pptx").write_bytes(make())
    with deadline():
        r = cli("build", "curricula", "--only", "slides", "--template", "t.pptx", "-o", "out",
                cwd=root)
    assert r.exit_code == 1 and "internal error" not in r.output, r.output
    assert any(ln.startswith("t.pptx: error: ") and says in ln for ln in _errors(r)), r.output
    assert not (root / "out" / "mini").exists()


def test_the_unzipped_size_of_a_template_is_capped(tmp_path, monkeypatch):
    from workshopkit.errors import WorkshopkitError
    from workshopkit.source import settings

    monkeypatch.setattr(settings, "MAX_TEMPLATE_UNZIPPED", 1000)
    with pytest.raises(WorkshopkitError, match="unzips to 2000 bytes; the limit is 1000 bytes"):
        settings._check_zip(_zip({"a": b"ab" * 500, "b": bytes(range(250)) * 4}), "t.pptx")


# ------------------------------------------------------------------ amplification

AMPLIFIED = {
    "characters": ("t: &t " + "x" * 9_999 + "\n", "sessions:",
                   "          - title: T\n            bullets: [" + ", ".join(["*t"] * 101) + "]\n",
                   "mini.yaml:1:1", "characters once aliases are expanded; the limit is 1000000"),
    "slides": ("", "", "", "mini.yaml:1:1", "the curriculum has 2500 slides once aliases are "
               "expanded; the limit is 2000"),
    "slide-characters": ("", "", "          - title: T\n            bullets: [\"" + "y" * 2500
                         + "\", \"" + "z" * 2500 + "\"]\n", "mini.yaml:17:13",
                         "this slide shows 5001 characters in 'es'; the limit is 4000"),
}


def _slides_bomb() -> str:
    slides = "\n".join("      - {title: S%d}" % i for i in range(500))
    acts = "\n".join(f"      - <<: *act\n        id: a{i}" for i in range(2, 6))
    return (MINI.split("sessions:")[0] + "sessions:\n  - id: s1\n    title: S\n    activities:\n"
            "      - &act\n        id: a1\n        title: A\n        phase: input\n"
            "        duration: 1m\n        slides:\n"
            + slides.replace("      - {", "          - {") + "\n" + acts + "\n")


@pytest.mark.parametrize("case", sorted(AMPLIFIED))
def test_the_expanded_document_is_capped(tmp_path, cli, case):
    root, _ = plant(tmp_path)
    head, before, extra, where, says = AMPLIFIED[case]
    if case == "slides":
        (root / "curricula" / "mini.yaml").write_text(_slides_bomb())
    else:
        text = MINI.replace("sessions:", head.replace("t: &t", "x-anchor: &t") + "sessions:") \
            if head else MINI
        (root / "curricula" / "mini.yaml").write_text(text + extra)
    started = time.monotonic()
    with deadline():
        r = cli("validate", "curricula", cwd=root)
    assert r.exit_code == 1 and time.monotonic() - started < 5
    assert any(where in ln and says in ln for ln in _errors(r)), r.output


def test_the_number_of_videos_is_capped(tmp_path, cli, monkeypatch):
    from workshopkit.source import checks

    assert checks.MAX_VIDEOS == 1000
    monkeypatch.setattr(checks, "MAX_VIDEOS", 3)  # the same check, with a small file
    root, _ = plant(tmp_path)
    _with(root, "videos:\n" + "".join(f"  v{i}: {{title: V, url: 'https://e.org/{i}'}}\n"
                                      for i in range(4)))
    r = cli("validate", "curricula", cwd=root)
    assert r.exit_code == 1
    assert any("mini.yaml:1:1" in ln and "the curriculum defines 4 videos; the limit is 3" in ln
               for ln in _errors(r)), r.output
