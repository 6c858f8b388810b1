"""Print variants have file and kit names of their own, so they never overwrite each other."""
from __future__ import annotations

import json
import zipfile

from pypdf import PdfReader

from conftest import pdf_text
from workshopkit.build.kinds import kind, variant_suffix
from workshopkit.model.options import Options

ID = "local-surveillance"


def test_suffixes_in_order_and_only_for_what_a_kind_draws():
    opts = Options(large_print=True, booklet=True, ink="low")
    assert variant_suffix(opts) == "-large-print-booklet-low-ink"
    assert kind("guide").file_name(ID, ("es",), opts) == \
        f"{ID}/es/{ID}-es-guide-large-print-booklet-low-ink.pdf"
    # the deck is the same deck in large print or as a booklet; low ink greys it
    assert kind("slides").file_name(ID, ("es",), opts) == f"{ID}/es/{ID}-es-slides-low-ink.pptx"
    assert kind("guide").file_name(ID, ("es", "en"), Options()) == f"{ID}/es+en/{ID}-es+en-guide.pdf"


def test_normal_large_print_and_booklet_builds_coexist(cli, example_project):
    out = example_project / "build" / ID / "es"
    for flags in ((), ("--large-print",), ("--booklet",)):
        res = cli("kit", "curricula", "--only", "agenda", "--lang", "es", "-j", "1", *flags,
                  cwd=example_project)
        assert res.exit_code == 0, res.output
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"{ID}-es-agenda-booklet.pdf", f"{ID}-es-agenda-large-print.pdf",
                     f"{ID}-es-agenda.pdf"]
    normal, booklet = PdfReader(out / names[2]), PdfReader(out / names[0])
    assert float(booklet.pages[0].mediabox.width) > float(booklet.pages[0].mediabox.height)
    assert float(normal.pages[0].mediabox.width) < float(normal.pages[0].mediabox.height)
    assert "Vigilancia" in pdf_text((out / names[1]).read_bytes())
    kits = example_project / "build" / "kits"
    assert sorted(p.name for p in kits.iterdir()) == [
        f"{ID}-es-booklet.zip", f"{ID}-es-large-print.zip", f"{ID}-es.zip"]
    z = zipfile.ZipFile(kits / f"{ID}-es-booklet.zip")
    man = json.loads(z.read(f"{ID}-es-booklet/manifest.json"))
    assert man["print"] == {"paper": "letter", "large_print": False, "booklet": True,
                            "ink": "normal"}
    assert f"{ID}-es-agenda-booklet.pdf" in {f["name"] for f in man["files"]}
    # the record keeps each variant: building any of them again writes nothing
    for flags in (("--large-print",), ()):
        res = cli("build", "curricula", "--only", "agenda", "--lang", "es", "-j", "1", *flags,
                  cwd=example_project)
        assert res.exit_code == 0 and " 0 files written" in res.output, res.output


def test_a_delivery_suffix_comes_before_the_print_variants():
    from workshopkit.build import kinds
    from workshopkit.model.options import Options

    opts = Options(large_print=True, ink="low", delivery="online")
    name = kinds.kind("guide").file_name("x", ("es",), opts,
                                         kinds.delivery_suffix("hybrid", opts))
    assert name.endswith("x-es-guide-online-large-print-low-ink.pdf"), name
    assert kinds.delivery_suffix("online", opts) == ""  # the file's own delivery: no suffix
    assert kinds.delivery_suffix(None, Options()) == ""
