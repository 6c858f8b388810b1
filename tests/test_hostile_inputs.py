"""A project folder is untrusted: nothing outside it is read, only regular files within
their caps are, and every value the format accepts renders or is a located error.

Each case runs the command line in-process under a 5-second deadline; a marker file
planted outside the project must never show in any message (nor any output: none is
written when the input has an error).
"""
from __future__ import annotations

import os
import shutil

import pytest

from hostile_kit import MARKER, deadline, no_marker, outputs, plant


def _po_link(root, target):
    (root / "curricula" / "mini.fr.po").symlink_to(target)


def _catalog_link(root, outside):
    (root / "curricula" / "catalog" / "tools.yaml").symlink_to(outside / "secret.yaml")
    f = root / "curricula" / "mini.yaml"
    f.write_text(f.read_text() + "          - comparison: tools\n")


def _theme_link(root, outside):
    (root / "theme.yaml").symlink_to(outside / "secret.yaml")


def _theme_logo(root, outside):
    (root / "theme.yaml").write_text(f"logo: ../outside/logo.png\n")


def _theme_logo_abs(root, outside):
    (root / "theme.yaml").write_text(f"logo: {outside / 'logo.png'}\n")


def _theme_font(root, outside):
    (root / "theme.yaml").write_text("fonts:\n  body: ../outside/secret.ttf\n")


def _config_theme(root, outside):
    (root / "workshopkit.yaml").write_text("theme: ../outside/secret.yaml\n")


def _config_template(root, outside):
    (root / "workshopkit.yaml").write_text(f"template: {outside / 'secret.pptx'}\n")


def _image_link(root, outside):
    (root / "curricula" / "pic.png").symlink_to(outside / "logo.png")
    f = root / "curricula" / "mini.yaml"
    f.write_text(f.read_text() + "          - image: {src: pic.png, alt: x}\n")


OUTSIDE = {  # case -> (make it, where the error is, what it says)
    "po-symlink": (lambda r, o: _po_link(r, o / "secret.po"), "mini.fr.po:1:1",
                   "is outside the project folder"),
    "po-etc-passwd": (lambda r, o: _po_link(r, "/etc/passwd"), "mini.fr.po:1:1",
                      "is outside the project folder"),
    "catalog-symlink": (_catalog_link, "tools.yaml:1:1", "is outside the project folder"),
    "theme-symlink": (_theme_link, "theme.yaml:1:1", "is outside the project folder"),
    "theme-logo-dotdot": (_theme_logo, "theme.yaml:1:7", "is outside the project folder"),
    "theme-logo-absolute": (_theme_logo_abs, "theme.yaml:1:7", "is outside the project folder"),
    "theme-font-dotdot": (_theme_font, "theme.yaml:2:9", "is outside the project folder"),
    "config-theme": (_config_theme, "workshopkit.yaml:1:8", "is outside the project folder"),
    "config-template": (_config_template, "workshopkit.yaml:1:11",
                        "is outside the project folder"),
    "image-symlink": (_image_link, "mini.yaml:17:26", "outside the project folder"),
}


@pytest.mark.parametrize("case", sorted(OUTSIDE))
def test_nothing_outside_the_project_is_read(tmp_path, cli, case):
    root, outside = plant(tmp_path)
    make, where, says = OUTSIDE[case]
    make(root, outside)
    with deadline():
        r = cli("build", "curricula", "-o", "out", "--only", "slides", cwd=root)
    assert r.exit_code == 1, r.output
    no_marker(r.output)
    lines = [ln for ln in r.output.splitlines() if ": error: " in ln]
    assert any(where in ln and says in ln for ln in lines), r.output
    assert outputs(root / "out") == [] or all(p.name.startswith(".") for p in outputs(root / "out"))


def _fifo(path):
    os.mkfifo(path)


NOT_REGULAR = {  # case -> (path to make, how, where the error is, what it says)
    "po-fifo": ("curricula/mini.fr.po", _fifo, "mini.fr.po:1:1", "named pipe (FIFO)"),
    "po-dev-zero": ("curricula/mini.fr.po", lambda p: p.symlink_to("/dev/zero"),
                    "mini.fr.po:1:1", "outside the project folder"),
    "po-folder": ("curricula/mini.fr.po", lambda p: p.mkdir(), "mini.fr.po:1:1", "a folder"),
    "theme-fifo": ("theme.yaml", _fifo, "theme.yaml:1:1", "named pipe (FIFO)"),
    "catalog-fifo": ("curricula/catalog/tools.yaml", _fifo, "tools.yaml:1:1",
                     "named pipe (FIFO)"),
    "config-fifo": ("workshopkit.yaml", lambda p: (p.unlink(), _fifo(p)),
                    "workshopkit.yaml:1:1", "named pipe (FIFO)"),
    "po-oversized": ("curricula/mini.fr.po",
                     lambda p: os.truncate(p.open("wb").name, 4 * 1024 * 1024 + 1),
                     "mini.fr.po:1:1", "the limit is 4194304 bytes"),
}


@pytest.mark.parametrize("case", sorted(NOT_REGULAR))
def test_only_regular_files_within_their_caps_are_read(tmp_path, cli, case):
    root, _ = plant(tmp_path)
    rel, make, where, says = NOT_REGULAR[case]
    make(root / rel)
    if "catalog" in case:
        f = root / "curricula" / "mini.yaml"
        f.write_text(f.read_text() + "          - comparison: tools\n")
    with deadline():
        r = cli("validate", "curricula", cwd=root)
    assert r.exit_code == 1, r.output
    assert any(where in ln and says in ln for ln in r.output.splitlines()), r.output


def test_a_device_or_fifo_named_on_the_command_line_is_refused(tmp_path, cli):
    os.mkfifo(tmp_path / "t.pptx")
    root, _ = plant(tmp_path)
    with deadline():
        r = cli("validate", "/dev/zero", cwd=root)
        assert r.exit_code == 1 and "/dev/zero:1:1: error: the file /dev/zero is a device" \
            in r.output, r.output
        r = cli("build", "curricula", "--template", str(tmp_path / "t.pptx"), "--only", "slides",
                "-o", "out", cwd=root)
    assert r.exit_code == 1 and "is a named pipe (FIFO), not a regular file" in r.output, r.output


PO_HEAD = ('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
           '"Plural-Forms: {forms}\\n"\n\n')


@pytest.mark.parametrize("forms, says", [
    ("nplurals=999999999; plural=n;", "nplurals must be between 1 and 6, not 999999999"),
    ("nplurals=2; plural=(n != 1;", "cannot parse the plural formula"),
    ("nplurals=2; plural=system(n);", "cannot parse the plural formula"),
    ("plural=n;", "expected 'nplurals=N; plural=EXPRESSION;'"),
])
def test_po_plural_forms_are_checked_at_the_header(tmp_path, cli, forms, says):
    root, _ = plant(tmp_path)
    (root / "curricula" / "mini.fr.po").write_text(
        PO_HEAD.format(forms=forms) + 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\n')
    with deadline():
        r = cli("validate", "curricula", cwd=root)
    assert r.exit_code == 1
    assert f"mini.fr.po:4:1: error: Plural-Forms: {says}" in r.output, r.output


def test_po_plural_forms_of_the_bundled_catalogues_are_accepted():
    from workshopkit.source.po_plural import plural_problem

    assert plural_problem("nplurals=3; plural=(n == 0 || n == 1) ? 0 : n != 0 && "
                          "n % 1000000 == 0 ? 1 : 2;") is None
    assert plural_problem("nplurals=1; plural=0;") is None


def test_msgstr_without_a_space_is_read_at_its_line(tmp_path, cli):
    root, _ = plant(tmp_path)
    (root / "curricula" / "mini.fr.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgctxt "title"\nmsgid "Mini"\nmsgstr"Mini FR"\n\nmsgid "Resumen"\nmsgstr"Résumé"\n'
        '\nmsgid "Nada"\nmsgstr"Ri\x01en"\n')
    with deadline():
        from workshopkit.source.validate import Workspace

        ws = Workspace()
        cur = ws.load(root / "curricula" / "mini.yaml")
    assert not [d for d in ws.problems if "not understood" in d.message]
    bad = [(d.pos.file, d.pos.line, d.message) for d in ws.problems.errors]
    assert bad == [(str(root / "curricula" / "mini.fr.po"), 12, "the translation contains the "
                    "control character U+0001, which no document can hold; remove it")], bad
    (root / "curricula" / "mini.fr.po").write_text(
        (root / "curricula" / "mini.fr.po").read_text().replace("\x01", ""))
    cur = Workspace().load(root / "curricula" / "mini.yaml")
    assert cur is not None and cur.title.get("fr") == "Mini FR" and cur.summary.get("fr") == "Résumé"


def test_translate_export_reads_no_catalogue_outside_the_project(tmp_path, cli):
    root, outside = plant(tmp_path)
    (outside / "secret.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        f'msgid "Mini"\nmsgstr "{MARKER}"\n')
    _po_link(root, outside / "secret.po")
    with deadline():
        r = cli("translate", "export", "--lang", "fr", "curricula", cwd=root)
    assert r.exit_code == 1, r.output
    assert "mini.fr.po:1:1: error: catalogue" in r.output and "is outside the project" in r.output
    assert (root / "curricula" / "mini.fr.po").is_symlink()  # left alone
    no_marker(r.output, *(p.read_text(errors="replace") for p in root.rglob("*")
                          if p.is_file() and not p.is_symlink()))
