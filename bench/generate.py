"""Synthetic curricula for the benchmark, and the same decks as pandoc Markdown."""
from __future__ import annotations


def _q(s: str) -> str:
    return '"' + s.replace('"', '\\"') + '"'


def deck_yaml(n: int) -> str:
    """One session, one activity per 10 slides; each slide: title, four bullets, notes."""
    out = [f"workshopkit: 1", f"id: deck-{n}", "languages: [en]",
           f"title: Benchmark deck of {n} slides", "sessions:", "  - id: main",
           "    title: Main session", "    activities:"]
    for a in range(0, n, 10):
        out += [f"      - id: part-{a // 10 + 1}", f"        title: Part {a // 10 + 1}",
                "        phase: input", "        duration: 10m", "        slides:"]
        for s in range(a, min(a + 10, n)):
            out.append(f"          - title: {_q(f'Slide {s + 1}: who watches the cameras')}")
            out.append("            bullets:")
            for b in range(4):
                out.append(f"              - {_q(f'Point {b + 1} of slide {s + 1}, with a few more words')}")
            out.append(f"            notes: {_q(f'Speaker notes for slide {s + 1}: ask the group.')}")
    return "\n".join(out) + "\n"


def deck_markdown(n: int) -> str:
    """The same slides as pandoc Markdown (title slide, then one slide per heading)."""
    out = [f"% Benchmark deck of {n} slides", ""]
    for s in range(n):
        out.append(f"## Slide {s + 1}: who watches the cameras\n")
        out += [f"- Point {b + 1} of slide {s + 1}, with a few more words" for b in range(4)]
        out.append(f"\n::: notes\nSpeaker notes for slide {s + 1}: ask the group.\n:::\n")
    return "\n".join(out)


def videos_yaml(n: int) -> str:
    out = ["workshopkit: 1", f"id: videos-{n}", "languages: [en]",
           f"title: Benchmark handout of {n} videos", "videos:"]
    for v in range(n):
        out += [f"  v{v + 1}:", f"    title: Video {v + 1}",
                f"    url: https://video.example.org/w/clip-{v + 1}?t=30",
                "    duration: 4m30s"]
    out += ["sessions:", "  - id: main", "    title: Main", "    activities:",
            "      - id: watch", "        title: Watch", "        phase: input",
            f"        duration: {max(1, n // 10)}m", "        slides:"]
    out += [f"          - video: v{v + 1}" for v in range(n)]
    return "\n".join(out) + "\n"
