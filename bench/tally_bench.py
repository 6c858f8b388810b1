"""The tally benchmark: 1,000 filled survey forms (half Spanish, half English) counted by
`workshopkit tally` (goal: at most 10 s on a 2-core machine).

The forms are the sample member survey's, built by workshopkit and filled with pypdf as a
PDF viewer fills them, each with its own answers."""
from __future__ import annotations

import io
import random
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fill(data: bytes, values: dict[str, str]) -> bytes:
    import logging

    from pypdf import PdfReader, PdfWriter

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # "no fields on this page"
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        writer.update_page_form_field_values(page, values, auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def answers(rnd: random.Random) -> dict[str, str]:
    out = {f"messaging.{o}": "/Yes" for o in ("whatsapp", "signal", "telegram", "sms", "email")
           if rnd.random() < 0.4}
    out.update({f"social.{o}": "/Yes" for o in ("facebook", "instagram", "tiktok")
                if rnd.random() < 0.4})
    if rnd.random() < 0.2:
        out["messaging.other.text"] = rnd.choice(["Delta Chat", "Briar", "Threema"])
    out["worry"] = f"/{rnd.randint(1, 5)}"
    out["language"] = rnd.choice(["/es", "/en"])
    out["device"] = rnd.choice(["/own-phone", "/shared-phone", "/computer"])
    if rnd.random() < 0.3:
        out["help"] = rnd.choice(["Cifrado del celular", "Contraseñas", "Más talleres"])
    return out


def prepare(work: Path, wk: str, n: int = 1000) -> list[Path]:
    """The sample survey in ``work``, its forms built, and ``n`` filled forms."""
    (work / "curricula" / "survey").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "curricula" / "survey" / "member-tech.yaml",
                work / "curricula" / "survey" / "member-tech.yaml")
    subprocess.run([wk, "build", "curricula/survey", "-o", "survey-build", "--only", "survey",
                    "-q"], cwd=work, check=True)
    forms = {lang: (work / "survey-build" / "survey" / "member-tech" /
                    f"member-tech-{lang}-survey.pdf").read_bytes() for lang in ("es", "en")}
    folder = work / "filled"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    rnd = random.Random(13)
    paths = []
    for i in range(n):
        lang = "es" if i % 2 else "en"
        p = folder / f"form-{i:04d}.pdf"
        p.write_bytes(fill(forms[lang], answers(rnd)))
        paths.append(p)
    return paths
