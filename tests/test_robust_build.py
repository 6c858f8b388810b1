"""Valid curricula never seen before build every output without a crash.

Hypothesis generates whole projects as YAML text across the format's space
(languages with regional tags and without an interface catalogue, Texts as
strings or partial mappings, markup, very long texts and unbreakable words,
every slide body and worksheet item, images of extreme aspect ratios, videos,
catalogues, days, breaks, a schedule past midnight). Each one must load
without errors, and every registered writer must return bytes that open, for
each language and for a bilingual pair, under several printing options.

Each example renders every kind several times, so `make test` draws a few and
CI (the "ci" hypothesis profile, see conftest.py) a few more; ``WK_EXAMPLES=400``
searches harder locally.
"""
from __future__ import annotations

import io
import random
import re

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings, strategies as st
from PIL import Image as PILImage
from pptx import Presentation
from pypdf import PdfReader

from conftest import examples
from workshopkit.build import kinds as writers
from workshopkit.build.targets import options_for
from workshopkit.errors import Problems
from workshopkit.source.settings import resolve
from workshopkit.source.validate import Workspace

pytestmark = pytest.mark.slow


def budget(dev: int, ci: int) -> settings:
    return settings(max_examples=examples(dev, ci), deadline=None, derandomize=True,
                    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: slow here
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


LANGS = ["es", "en", "pt-BR", "es-419", "de", "fr"]
WORDS = ("cámara vigilancia datos privacidad red señal contraseña cifrado barrio "
         "policía ñandú Überwachung façade naïve œuvre").split()
LONG_WORD = "Datenschutzgrundverordnungsüberwachungsbehörde" * 6
LONG_URL = "https://example.org/" + "/".join(["segmento-muy-largo-sin-espacios"] * 12) + "?q=1&t=30"
SPECIAL = [
    "**negrita** y *cursiva*", "a \\* literal asterisk", "unmatched * star", "**open bold",
    "*a* **b** *c*", "No", "yes", "1.10", "2024-05-01", "a: b, c? d", "x" * 1, LONG_WORD,
    LONG_URL, "emoji 🙂 here", "ИНН и СНИЛС", "عربي نص", "tab\there", "# not a comment",
    "- not a list", "{not: a map}", "[not, a, list]", "&anchor *alias", "'single' \"double\"",
    "line one\nline two\n\nparagraph", "trailing backslash \\", "percent %s {0} {page}",
]


SLIDE_CAP = 4000
"""The most characters a slide may show in one language (workshopkit.source.checks)."""


def _chars(value) -> int:
    """Characters ``value`` shows in its longest language (every language counted apart)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return max((_chars(v) for v in value.values()), default=0) if all(
            isinstance(v, str) for v in value.values()) else sum(_chars(v) for v in value.values())
    if isinstance(value, list):
        return sum(_chars(v) for v in value)
    return 0


def within_slide_cap(s: dict) -> dict:
    """``s`` cut to a valid slide: bullets, rows and column items dropped from the end
    until what it shows stays under the cap (the generator makes valid curricula)."""
    shown = ("title", "bullets", "quote", "table", "columns")
    while sum(_chars(s.get(k)) for k in shown) > SLIDE_CAP * 0.9:
        if len(s.get("bullets") or ()) > 1:
            s["bullets"].pop()
        elif (s.get("table") or {}).get("rows"):
            s["table"]["rows"].pop()
        elif any(len(c) > 0 for c in s.get("columns") or ()):
            max(s["columns"], key=len).pop()
        else:
            for k in ("bullets", "quote", "table", "columns"):
                s.pop(k, None)
            s["title"] = "Short title"
            break
    return s


@st.composite
def plain(draw, long_ok: bool = True) -> str:
    kind = draw(st.integers(0, 9))
    if kind <= 4:
        return " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8)))
    if kind <= 7:
        return draw(st.sampled_from(SPECIAL))
    if kind == 8 and long_ok:
        rnd = random.Random(draw(st.integers(0, 1000)))
        return " ".join(rnd.choice(WORDS) for _ in range(400))[:2000].strip()
    return draw(st.sampled_from(WORDS)).capitalize()


class Gen:
    """Draws the parts of one project; knows its languages, videos, catalogues."""

    def __init__(self, draw, langs: list[str]):
        self.draw = draw
        self.langs = langs
        self.videos: list[str] = []
        self.catalogs: list[str] = []
        self.images: dict[str, tuple[int, int, str]] = {}
        self.n = 0

    def uid(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}-{self.n}"

    def int(self, lo: int, hi: int) -> int:
        return self.draw(st.integers(lo, hi))

    def maybe(self, p: int = 50) -> bool:
        return self.int(1, 100) <= p

    def text(self, long_ok: bool = True):
        d = self.draw
        if self.maybe(40):
            return d(plain(long_ok))
        out = {self.langs[0]: d(plain(long_ok))}
        for lang in self.langs[1:]:
            if self.maybe(70):
                out[lang] = d(plain(long_ok))
        return out

    def texts(self, lo: int, hi: int, long_ok: bool = False) -> list:
        return [self.text(long_ok) for _ in range(self.int(lo, hi))]

    def cell(self):
        return "" if self.maybe(15) else self.text(long_ok=False)

    def url(self, *, per_lang: bool = True):
        base = self.draw(st.sampled_from([
            "https://video.example.org/w/abc", "http://example.org/v?utm_source=x&t=42",
            LONG_URL, "https://ejemplo.org/vídeo/ñ?si=abc&fbclid=1", "HTTPS://EXAMPLE.ORG/X"]))
        if per_lang and self.maybe(30):
            out = {self.langs[0]: base}
            for i, lang in enumerate(self.langs[1:]):
                if self.maybe(60):
                    out[lang] = f"{base.rstrip('/')}/{lang}{i}"
            return out
        return base

    def duration(self, seconds: bool = False):
        if seconds:
            return self.draw(st.sampled_from([1, 90, "4m30s", "59s", "1h2m3s", "10m"]))
        return self.draw(st.sampled_from([1, 5, 20, 45, 90, "90m", "1h", "1h30m", "2h", 240]))

    def care(self, rec: dict) -> None:
        for key in ("wellbeing", "opsec"):
            if self.maybe(25):
                rec[key] = self.text()

    # ---------------------------------------------------------------- images

    def image(self) -> dict:
        src = self.image_file() if self.maybe(70) else {l: self.image_file() for l in self.langs
                                                        if l == self.langs[0] or self.maybe(50)}
        out = {"src": src, "alt": self.text(long_ok=False)}
        if self.maybe(50):
            out["credit"] = self.text(long_ok=False)
            out["license"] = self.draw(st.sampled_from(["CC-BY-4.0", "CC0-1.0", "Propia"]))
        return out

    def image_file(self) -> str:
        w, h = self.draw(st.sampled_from([(1, 400), (400, 1), (1, 1), (64, 48), (3, 900)]))
        fmt = self.draw(st.sampled_from(["png", "jpg"]))
        name = f"img/{self.uid('i')}-{w}x{h}.{fmt}"
        mode = self.draw(st.sampled_from(["RGB", "RGBA", "L", "P", "LA"]))
        if fmt == "jpg" and mode not in ("RGB", "L"):
            mode = "RGB"
        self.images[name] = (w, h, mode)
        return name

    # ---------------------------------------------------------------- slides

    def slide(self) -> dict:
        s: dict = {}
        if self.maybe(75):
            s["title"] = self.text()
        if self.maybe(30):
            s["notes"] = self.text()
        body = self.draw(st.sampled_from(["none", "bullets", "image", "video", "quote", "table",
                                          "columns", "comparison"]))
        if body == "bullets":
            s["bullets"] = self.texts(1, self.draw(st.sampled_from([3, 12, 80])), long_ok=self.maybe(20))
        elif body == "image":
            s["image"] = self.image()
        elif body == "video" and self.videos:
            s["video"] = self.draw(st.sampled_from(self.videos))
        elif body == "quote":
            s["quote"] = {"text": self.text()}
            if self.maybe(50):
                s["quote"]["source"] = self.text(long_ok=False)
        elif body == "table":
            ncol = self.int(1, 12)
            s["table"] = {"columns": self.texts(ncol, ncol)}
            if self.maybe(80):
                s["table"]["rows"] = [[self.cell() for _ in range(ncol)]
                                      for _ in range(self.int(0, self.draw(st.sampled_from([3, 40]))))]
        elif body == "columns":
            s["columns"] = [self.texts(0, 15), self.texts(0, 4)]
        elif body == "comparison" and self.catalogs:
            s["comparison"] = self.draw(st.sampled_from(self.catalogs))
        return within_slide_cap(s)

    # ---------------------------------------------------------------- worksheets

    def item(self) -> dict:
        kind = self.draw(st.sampled_from(["prompt", "checklist", "choice", "table", "risk_matrix",
                                          "case_study", "comparison", "text"]))
        if kind == "prompt":
            out = {"prompt": self.text()}
            if self.maybe(70):
                out["lines"] = self.draw(st.sampled_from([0, 1, 3, 40]))
            return out
        if kind == "checklist":
            return {"checklist": self.texts(1, self.draw(st.sampled_from([4, 60])))}
        if kind == "choice":
            c: dict = {"options": self.texts(1, self.draw(st.sampled_from([4, 30])))}
            if self.maybe(60):
                c["prompt"] = self.text()
            if self.maybe(60):
                c["multiple"] = self.maybe(50)
            return {"choice": c}
        if kind == "table":
            ncol = self.int(1, 12)
            t: dict = {"columns": self.texts(ncol, ncol)}
            if self.maybe(50):
                t["rows"] = self.draw(st.sampled_from([0, 1, 5, 60]))
            elif self.maybe(80):
                t["rows"] = [[self.cell() for _ in range(ncol)] for _ in range(self.int(0, 25))]
            return {"table": t}
        if kind == "risk_matrix":
            return {"risk_matrix": {"threats": self.texts(1, self.draw(st.sampled_from([3, 25])))}}
        if kind == "case_study":
            cs: dict = {"story": self.text()}
            if self.maybe(50):
                cs["title"] = self.text(long_ok=False)
            if self.maybe(60):
                cs["questions"] = self.texts(0, 8)
            if self.maybe(30):
                cs["lines"] = self.draw(st.sampled_from([0, 2, 40]))
            return {"case_study": cs}
        if kind == "comparison" and self.catalogs:
            return {"comparison": self.draw(st.sampled_from(self.catalogs))}
        return {"text": self.text()}

    # ---------------------------------------------------------------- structure

    def activity(self) -> dict:
        if self.maybe(15):
            a: dict = {"id": self.uid("pausa"), "break": True, "duration": self.duration()}
            if self.maybe(50):
                a["title"] = self.text(long_ok=False)
            if self.maybe(20):
                a["notes"] = self.text()
            self.care(a)
            return a
        a = {"id": self.uid("act"), "title": self.text(),
             "phase": self.draw(st.sampled_from(["activity", "discussion", "input", "deepening",
                                                 "synthesis"])),
             "duration": self.duration()}
        if self.maybe(30):
            a["summary"] = self.text()
        if self.maybe(40):
            a["materials"] = self.texts(0, 5)
        if self.maybe(50):
            a["steps"] = self.texts(0, 12)
        if self.maybe(40):
            a["notes"] = self.text()
        if self.maybe(75):
            a["slides"] = [self.slide() for _ in range(self.int(0, 5))]
        if self.maybe(60):
            a["worksheet"] = [self.item() for _ in range(self.int(0, 4))]
        self.care(a)
        return a

    def session(self, day: int) -> dict:
        s: dict = {"id": self.uid("ses"), "title": self.text()}
        if self.maybe(20):
            s["activities"] = [{"id": self.uid("pausa"), "break": True, "duration": self.duration()}]
        else:
            s["activities"] = [self.activity() for _ in range(self.int(1, 4))]
        if day:
            s["day"] = day
        for key in ("summary", "notes"):
            if self.maybe(25):
                s[key] = self.text()
        if self.maybe(15):
            s["duration"] = self.duration()  # may disagree: a warning
        self.care(s)
        return s

    def video(self) -> dict:
        v: dict = {"url": self.url()}
        if self.maybe(70):
            v["title"] = self.text(long_ok=self.maybe(20))
        if self.maybe(60):
            v["duration"] = self.duration(seconds=True)
        if self.maybe(50):
            v["captions"] = self.draw(st.lists(st.sampled_from(
                ["es", "en", "pt-BR", "es-419", "de", "zh-Hant-TW", "sr-Latn", "fr", "ar", "qu"]),
                unique=True, max_size=10))
        if self.maybe(50):
            v["summary"] = self.text()
        return v

    def catalog(self, cid: str) -> dict:
        rows = []
        for _ in range(self.int(1, self.draw(st.sampled_from([3, 30])))):
            r = {"need": self.text(long_ok=False), "free": self.text(long_ok=False)}
            for key in ("hosted_by", "free_license", "commercial", "commercial_license", "notes"):
                if self.maybe(60):
                    r[key] = self.text(long_ok=key == "notes")
            rows.append(r)
        out: dict = {"workshopkit": 1, "languages": list(self.langs), "rows": rows}
        if self.maybe(50):
            out["id"] = cid
        if self.maybe(50):
            out["title"] = self.text(long_ok=False)
        return out


@st.composite
def projects(draw) -> dict:
    """A whole valid project: {relative path: YAML text or image spec}."""
    n = draw(st.integers(1, 3))
    langs = draw(st.lists(st.sampled_from(LANGS), min_size=n, max_size=n, unique=True))
    g = Gen(draw, langs)
    files: dict = {}
    for _ in range(draw(st.integers(0, 2))):
        cid = g.uid("herramientas")
        g.catalogs.append(cid)
        files[f"curricula/catalog/{cid}.yaml"] = g.catalog(cid)
    cur: dict = {"workshopkit": 1, "id": "robust", "languages": langs, "title": g.text()}
    videos = {}
    for _ in range(draw(st.integers(0, 3))):
        vid = g.uid("video")
        videos[vid] = g.video()
        g.videos.append(vid)
    if videos or g.maybe(20):
        cur["videos"] = videos
    for key in ("summary", "audience"):
        if g.maybe(50):
            cur[key] = g.text()
    for key in ("objectives", "materials"):
        if g.maybe(50):
            cur[key] = g.texts(0, 6, long_ok=True)
    if g.maybe(50):
        cur["level"] = draw(st.sampled_from(["intro", "intermediate", "advanced"]))
    if g.maybe(40):
        cur["license"] = draw(st.sampled_from(["CC-BY-SA-4.0", "GPL-3.0-or-later OR MIT"]))
    if g.maybe(30):
        cur["version"] = draw(st.sampled_from(["1.2.0", "2026.1"]))
    if g.maybe(40):
        cur["updated"] = draw(st.sampled_from(["2026-11-01", "1999-12-31"]))
    if g.maybe(50):
        cur["authors"] = [{"name": g.text(long_ok=False), **({"org": g.text(long_ok=False)} if g.maybe() else {}),
                           **({"url": g.url(per_lang=False)} if g.maybe(30) else {})}
                          for _ in range(g.int(1, 4))]
    g.care(cur)
    sessions, day = [], 0
    for _ in range(draw(st.integers(1, 4))):
        if g.maybe(30):
            day = day + g.int(0 if day else 1, 2)
        sessions.append(g.session(day))
    cur["sessions"] = sessions
    if g.maybe(40):
        cur["glossary"] = [{"term": g.text(long_ok=False),
                            **({"definition": g.text()} if g.maybe(70) else {})}
                           for _ in range(g.int(0, 12))]
    if g.maybe(40):
        cur["resources"] = [{"title": g.text(long_ok=False),
                             **({"url": g.url()} if g.maybe(70) else {}),
                             **({"summary": g.text()} if g.maybe(50) else {})}
                            for _ in range(g.int(0, 8))]
    files["curricula/robust.yaml"] = cur
    extra = [lang for lang in ("de", "fr", "pt-BR") if lang not in langs]
    if g.maybe(20):  # a gettext catalogue adds a language the YAML does not list
        source = cur["title"] if isinstance(cur["title"], str) else cur["title"][langs[0]]
        files[f"curricula/robust.{extra[0]}.po"] = (
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            f'msgctxt "title"\nmsgid {po_quote(source)}\nmsgstr {po_quote(draw(plain(False)))}\n')
    if g.maybe(70):
        files["workshopkit.yaml"] = {
            **({"paper": draw(st.sampled_from(["a4", "letter"]))} if g.maybe(70) else {}),
            **({"start": draw(st.sampled_from(["23:30", "0:00", "9:00", "18:45"]))} if g.maybe(80) else {})}
    files["_images"] = g.images
    return files


def po_quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def write_project(root, files: dict) -> None:
    for rel, (w, h, mode) in files["_images"].items():
        p = root / "curricula" / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        img = PILImage.new(mode, (w, h))
        buf = io.BytesIO()
        img.save(buf, format="JPEG" if rel.endswith(".jpg") else "PNG")
        p.write_bytes(buf.getvalue())
    for rel, data in files.items():
        if rel == "_images":
            continue
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True,
                                                                 sort_keys=False, width=100)
        p.write_text(text, encoding="utf-8")


def load(root):
    problems = Problems()
    cur = Workspace(problems).load(root / "curricula" / "robust.yaml")
    errors = [str(d) for d in problems if d.severity == "error"]
    assert cur is not None and not errors, "generator made an invalid curriculum:\n" + "\n".join(errors)
    return cur


def opens(kind: str, data: bytes) -> None:
    assert isinstance(data, bytes) and data, kind
    if writers.EXTENSIONS[kind] == "pptx":
        assert len(Presentation(io.BytesIO(data)).slides) >= 1
    elif writers.EXTENSIONS[kind] == "html":
        assert data.startswith(b"<!DOCTYPE html>") and data.rstrip().endswith(b"</html>")
    else:
        assert len(PdfReader(io.BytesIO(data)).pages) >= 1


OPTION_SETS = [
    {},
    {"paper": "a4", "ink": "low"},
    {"large_print": True, "paper": "letter"},
    {"booklet": True, "cards": "page"},
    {"anonymous": True, "large_print": True, "ink": "low", "paper": "a4"},
]


def build_all(cur, option_sets: list[dict], bilingual_only: bool = False) -> None:
    langs = list(cur.all_languages)
    combos = [] if bilingual_only else [(l,) for l in langs]
    if len(langs) > 1:
        combos.append((langs[-1], langs[0]))
    for i, combo in enumerate(combos):
        overrides = option_sets[i % len(option_sets)]
        options = options_for(cur, overrides)
        settings = resolve(cur, options.theme, options.template)
        for kind in writers.available():
            opens(kind, writers.get(kind)(cur, settings, combo, options))


@budget(1, 6)
@given(files=projects(), which=st.integers(0, len(OPTION_SETS) - 1))
def test_generated_curricula_build_every_output(tmp_path_factory, files, which):
    root = tmp_path_factory.mktemp("p")
    write_project(root, files)
    cur = load(root)
    build_all(cur, OPTION_SETS[which:] + OPTION_SETS[:which])


@budget(1, 3)
@given(files=projects(), which=st.integers(0, len(OPTION_SETS) - 1))
def test_generated_bilingual_under_every_option(tmp_path_factory, files, which):
    root = tmp_path_factory.mktemp("p")
    write_project(root, files)
    cur = load(root)
    if len(cur.all_languages) == 1:
        build_all(cur, [OPTION_SETS[which]])
    else:
        build_all(cur, [OPTION_SETS[which]], bilingual_only=True)


@budget(1, 2)
@given(files=projects())
def test_generated_project_builds_from_the_command_line(tmp_path_factory, files):
    from click.testing import CliRunner

    from workshopkit.cli import main

    root = tmp_path_factory.mktemp("p")
    write_project(root, files)
    out = root / "out"
    result = CliRunner().invoke(main, ["build", str(root / "curricula"), "-o", str(out), "-j", "1"],
                                catch_exceptions=True)
    output = result.output + (repr(result.exception) if result.exception else "")
    assert "Traceback" not in output
    assert result.exit_code in (0, 1), output
    if result.exit_code == 1:
        assert re.search(r":\d+:\d+: error: ", output), output
    else:
        built = sorted(p.name for p in out.rglob("*") if p.is_file())
        assert any(n.endswith("-slides.pptx") for n in built), built
