"""Curricula that stress the layout: long words, long titles, long URLs, many rows.

Each is a valid bilingual (es, en) curriculum written to a folder, so every variant,
``--bilingual es,en`` included, can be built from it.
"""
from __future__ import annotations

from pathlib import Path

import yaml

LONG_ES = ["Otorrinolaringología", "Desinstitucionalización", "Electroencefalografía",
           "Anticonstitucionalmente", "Internacionalización", "Responsabilidades"]
LONG_EN = ["Incomprehensibilities", "Counterintelligence", "Telecommunications",
           "Institutionalisation", "Uncharacteristically", "Responsibilities"]
LONG_URL = ("https://example.org/a-very-long-path/with_many_segments/and-words-that-go-on"
            "/documentation_of_the_surveillance_infrastructure_in_our_city?lang=es&page=2")


def t(es: str, en: str) -> dict:
    return {"es": es, "en": en}


def _base(cid: str, title: dict, activities: list, **extra) -> dict:
    doc = {
        "workshopkit": 1, "id": cid, "languages": ["es", "en"], "title": title,
        "summary": t("Un currículo generado para probar la maquetación.",
                     "A generated curriculum to test the layout."),
        "audience": t("Personas que prueban", "Testers"), "level": "intro",
        "license": "CC-BY-SA-4.0", "updated": "2026-11-01",
        "authors": [{"name": "Equipo de pruebas"}],
        "objectives": [t("Ver que nada se rompe.", "See that nothing breaks.")],
        "sessions": [{"id": "s1", "title": t("Primera sesión", "First session"),
                      "activities": activities}],
    }
    doc.update(extra)
    return doc


def _activity(aid: str, title: dict, phase: str = "activity", **extra) -> dict:
    act = {"id": aid, "title": title, "phase": phase, "duration": "20m",
           "steps": [t("Un paso.", "One step.")]}
    act.update(extra)
    return act


def long_words() -> dict:
    cols = [t(w, e) for w, e in zip(LONG_ES[:5], LONG_EN[:5])]
    rows = [[t(w, e) for w, e in zip(LONG_ES[i:] + LONG_ES[:i], LONG_EN[i:] + LONG_EN[:i])][:5]
            for i in range(4)]
    acts = [_activity(f"a{i}", t(w, e), phase=ph)
            for i, (w, e, ph) in enumerate(zip(LONG_ES, LONG_EN,
                                               ["activity", "deepening", "input", "synthesis",
                                                "discussion", "activity"]))]
    acts[0]["slides"] = [{"title": t(LONG_ES[0], LONG_EN[0]), "table": {"columns": cols,
                                                                          "rows": rows}}]
    acts[0]["worksheet"] = [{"table": {"columns": cols, "rows": 3}},
                            {"checklist": [t(" ".join(LONG_ES), " ".join(LONG_EN))]}]
    acts[1]["worksheet"] = [{"risk_matrix": {"threats": [t(w, e) for w, e in zip(LONG_ES, LONG_EN)]}}]
    return _base("gen-long-words", t("Palabras larguísimas", "Very long words"), acts)


def long_titles() -> dict:
    long_es = ("Un título larguísimo para una actividad que no cabe en una línea y sigue "
               "y sigue hasta ocupar varias líneas de la página")
    long_en = ("A very long title for an activity that does not fit on one line and goes "
               "on and on until it fills several lines of the page")
    acts = [_activity(f"a{i}", t(f"{long_es} {i}", f"{long_en} {i}")) for i in range(4)]
    for a in acts:
        a["slides"] = [{"title": a["title"], "bullets": [t(long_es, long_en)]}]
        a["worksheet"] = [{"prompt": t(long_es + "?", long_en + "?"), "lines": 2}]
    return _base("gen-long-titles", t(long_es, long_en), acts)


def long_urls() -> dict:
    acts = [_activity("watch", t("Mirar un video", "Watch a video"),
                      slides=[{"video": "per-language"}, {"video": "captioned"}])]
    videos = {
        "per-language": {"title": t("Un video con una dirección por idioma",
                                    "A video with a URL per language"),
                         "url": t(LONG_URL, LONG_URL.replace("lang=es", "lang=en")),
                         "summary": t("Resumen.", "Summary.")},
        "captioned": {"title": t("Un video con subtítulos", "A captioned video"),
                      "url": LONG_URL.replace("page=2", "page=3"), "duration": "5m",
                      "captions": ["es", "en", "pt-BR"]},
    }
    resources = [{"title": f"Resource {i}", "url": LONG_URL.replace("page=2", f"page={i}0"),
                  "summary": t("Un recurso.", "A resource.")} for i in range(6)]
    return _base("gen-long-urls", t("Direcciones largas", "Long URLs"), acts,
                 videos=videos, resources=resources)


def many_rows() -> dict:
    acts = [_activity(f"a{i:02d}", t(f"Actividad número {i}", f"Activity number {i}"),
                      duration="5m") for i in range(24)]
    acts[0]["slides"] = [{"title": t("Muchas filas", "Many rows"), "table": {
        "columns": [t("Qué", "What"), t("Quién", "Who")],
        "rows": [[t(f"Fila {i}", f"Row {i}"), t("Alguien", "Someone")] for i in range(30)]}}]
    acts[0]["worksheet"] = [
        {"table": {"columns": [t("Lugar", "Place"), t("Notas", "Notes")], "rows": 40}},
        {"checklist": [t(f"Elemento {i}", f"Item {i}") for i in range(40)]}]
    glossary = [{"term": t(f"Término {i}", f"Term {i}"),
                 "definition": t("Una definición breve.", "A short definition.")}
                for i in range(40)]
    return _base("gen-many-rows", t("Muchas filas", "Many rows"), acts, glossary=glossary)


GENERATORS = (long_words, long_titles, long_urls, many_rows)


def write_generated(folder: Path) -> list[Path]:
    """Write every generated curriculum into ``folder``; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for make in GENERATORS:
        doc = make()
        path = folder / f"{doc['id']}.yaml"
        text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        out.append(path)
    return out
