"""``workshopkit tally``: filled forms and typed CSVs in, a tally CSV and reports out.

Finds the survey (an id in the project's ``curricula/survey/``, or a survey file),
reads every file given (:mod:`workshopkit.source.responses`), checks and counts the
forms (:mod:`workshopkit.plan.tally`), and writes ``<id>-tally.csv`` and one
``<id>-<lang>-report.pdf`` per survey language, each atomically.  A file or form that
cannot be used is reported, skipped and counted; nothing is written when no form was
valid.  Outputs hold no file names, no file metadata and no dates read from files.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from workshopkit.build import directions
from workshopkit.build.files import atomic_write
from workshopkit.errors import Diagnostic, Pos, Problems, WorkshopkitError
from workshopkit.model.options import Options, output_date
from workshopkit.model.survey import Survey
from workshopkit.plan.tally import check, csv_rows, tally as count
from workshopkit.source.project import display, find_root
from workshopkit.source.surveys import known_surveys, load_survey, survey_file
from workshopkit.source.values import suggest


@dataclass
class TallyResult:
    out_dir: Path
    problems: Problems = field(default_factory=Problems)
    written: list[Path] = field(default_factory=list)
    files: int = 0
    files_skipped: int = 0
    forms: int = 0
    forms_skipped: int = 0

    @property
    def exit_code(self) -> int:
        return 1 if self.files_skipped or self.forms_skipped or self.problems.errors else 0

    def summary(self) -> str:
        def n(k: int, w: str) -> str:
            return f"{k} {w}{'' if k == 1 else 's'}"
        return (f"{self.out_dir}: {n(self.forms, 'form')} counted, {self.forms_skipped} "
                f"skipped; {n(self.files, 'file')} read, {self.files_skipped} skipped; "
                f"{n(len(self.written), 'file')} written")


def find_survey(ref: str, problems: Problems) -> Survey:
    """The survey ``ref``: an id in the project's curricula/survey/, or a survey file."""
    from workshopkit.source.validate import Workspace

    given = Path(ref)
    if given.suffix in (".yaml", ".yml"):
        path = given
        if not path.is_file():
            raise WorkshopkitError(Diagnostic("error", Pos(display(path)), "no such file"))
    else:
        root = find_root(Path.cwd() / "survey.yaml")
        path = survey_file(root, ref)
        if not path.is_file():
            known = known_surveys(root)
            raise WorkshopkitError(Diagnostic("error", Pos(display(path)), (
                f"no survey '{ref}' in this project" + (suggest(ref, known) or (
                    f" (surveys: {', '.join(known)})" if known else "")))))
    sv = load_survey(Workspace(problems), path)
    if not isinstance(sv, Survey):
        raise WorkshopkitError(problems)
    return sv


def template(ref: str) -> str:
    """The header line of a CSV typed from paper for survey ``ref``."""
    sv = find_survey(ref, Problems())
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(sv.fields())
    return buf.getvalue()


def csv_bytes(rows: Iterable[tuple[str, ...]]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue().encode("utf-8")


def run(ref: str, paths: Iterable[Path], out_dir: Path, include_text: bool = False,
        paper: str | None = None, jobs: int = 1) -> TallyResult:
    from workshopkit.source.responses import read

    result = TallyResult(Path(out_dir))
    problems = result.problems
    sv = find_survey(ref, problems)
    paths = [Path(p) for p in paths]
    got = read(sv, paths, problems, jobs)
    result.files, result.files_skipped = len(paths), len(got.skipped_files)
    responses = []
    for form in got.forms:
        if form.bad:
            result.forms_skipped += 1
            continue
        response, errors = check(sv, form.cells)
        for e in errors:
            problems.error(form.pos, f"{e}; form skipped")
        if response is None:
            result.forms_skipped += 1
        else:
            responses.append(response)
    result.forms = len(responses)
    if not responses:
        problems.error(Pos(display(result.out_dir)), f"no valid form of survey '{sv.id}'; "
                       "nothing written")
        return result
    t = count(sv, responses)
    outputs = {result.out_dir / f"{sv.id}-tally.csv": csv_bytes(csv_rows(t))}
    from workshopkit.render.pdf.survey_report import write
    from workshopkit.source.settings import bundled_fonts

    options = Options(date=output_date(None), paper=paper or (sv.config.paper if sv.config
                                                              else "letter"))
    fonts = bundled_fonts()
    for lang in sv.all_languages:
        if directions.refuses("pdf", (lang,)):  # reversed text is never printed
            problems.warning(Pos(display(sv.path)), directions.message(
                "report", lang, f"the counts are in {sv.id}-tally.csv"))
            continue
        outputs[result.out_dir / f"{sv.id}-{lang}-report.pdf"] = write(
            t, fonts, lang, options, include_text)
    result.out_dir.mkdir(parents=True, exist_ok=True)
    for path, data in outputs.items():
        atomic_write(path, data)
        result.written.append(path)
    return result
