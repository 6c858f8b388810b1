"""Small things a new user trips over: quiet builds, watch, translate export, plain strings."""
from __future__ import annotations

from pathlib import Path

from conftest import SMALL_HEAD, add_comparison
from workshopkit import api
from workshopkit.build.watch import Watcher

SMALL = SMALL_HEAD + """        steps:
          - Formen grupos de tres personas.
          - {es: Compartan., en: Share.}
        notes: Deja que cada grupo cuente lo que vio.
authors:
  - name: Colectivo de Ejemplo en la Ciudad
"""


def write(folder: Path, text: str = SMALL) -> Path:
    path = folder / "curricula" / "small.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_plain_sentences_get_one_note_per_file_and_strict_still_passes(cli, tmp_path):
    path = write(tmp_path)
    res = cli("validate", "--strict", str(path))
    assert res.exit_code == 0, res.output
    notes = [l for l in res.output.splitlines() if ": note: " in l and "plain string" in l]
    assert len(notes) == 1, res.output
    assert "small.yaml:14:13: note: 'Formen grupos de tres personas.' and 1 more" in notes[0]
    assert "Colectivo" not in notes[0]  # a name is not a sentence to translate
    one = write(tmp_path, SMALL.replace("languages: [es, en]", "languages: [es]")
                .replace("{es: Taller, en: Workshop}", "Taller")
                .replace("{es: Sesión, en: Session}", "Sesión")
                .replace("{es: Actividad, en: Activity}", "Actividad")
                .replace("{es: Compartan., en: Share.}", "Compartan."))
    res = cli("validate", str(one))
    assert res.exit_code == 0 and "plain string" not in res.output, res.output


def test_quiet_hides_notes_but_not_warnings(cli, tmp_path):
    write(tmp_path)
    loud = cli("build", "curricula", "--only", "agenda", "--lang", "es", "-o", "a", "-j", "1",
               cwd=tmp_path)
    assert loud.exit_code == 0 and ": note: " in loud.output, loud.output
    quiet = cli("build", "curricula", "--only", "agenda", "--lang", "es", "-o", "b", "-j", "1",
                "-q", cwd=tmp_path)
    assert quiet.exit_code == 0 and quiet.output == "", quiet.output
    broken = write(tmp_path, SMALL.replace("duration: 10", "duration: 10\n        level: x"))
    res = cli("build", str(broken), "--only", "agenda", "-o", "c", "-q", cwd=tmp_path)
    assert res.exit_code == 1 and ": error: " in res.output


def test_watch_ignores_editors_files_and_counts_errors(tmp_path):
    path = write(tmp_path, SMALL.replace("phase: input", "phase: lecture"))
    request = api.BuildRequest(paths=(tmp_path / "curricula",), out_dir=tmp_path / "build",
                               kinds=("agenda",)).checked()
    lines: list[str] = []

    def rebuild() -> int:
        result = api.build(request)
        lines.append(result.summary())
        return result.exit_code

    w = Watcher(request, rebuild, echo=lines.append)
    folder = path.parent
    for name in ("#small.yaml#", "4913", "small.yaml___jb_tmp___", "small.yaml.swo",
                 "small.yaml.bak", ".#small.yaml", "small.yaml~", "small.yaml.kate-swp"):
        assert w.changed([folder / name]) is None, name
    assert w.changed([path]) == 1
    assert lines[-1].endswith(", 0 warnings, 1 error"), lines
    assert all(w.relevant(folder / n) for n in ("small.yaml", "small.pt.po", "map.png"))


def test_translate_export_prints_paths_from_here_and_names_catalogues(cli, example_project):
    add_comparison(example_project)
    res = cli("translate", "export", "--lang", "pt", ".", cwd=example_project / "curricula")
    assert res.exit_code == 0, res.output
    lines = [l for l in res.output.splitlines() if l.startswith("wrote ")]
    assert lines == ["wrote local-surveillance.pt.po",
                     "wrote catalog/free-software.pt.po (the catalogue 'free-software', "
                     "used by local-surveillance.yaml)"], res.output
