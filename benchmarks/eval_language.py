"""Language identification: py3langid (used) against lingua, on trafilatura-eval pages.

    .venv/bin/python benchmarks/eval_language.py [--pages 300]

Gold: the page's own <html lang> declaration (two-letter code) where it has one. Text: what
trafilatura extracts. lingua is measured only when installed (pip install lingua-language-detector).
"""

from __future__ import annotations

import argparse
import gzip
import re
import time
from pathlib import Path

import trafilatura

from triangulate.ingest.metadata import detect_language

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "trafilatura-eval" / "cache"
LANG = re.compile(rb"<html[^>]*\blang=[\"']?([a-zA-Z]{2})\b", re.I)


def pages(limit: int) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for path in sorted(DATA.parent.rglob("*.html.gz")):
        raw = gzip.decompress(path.read_bytes())
        match = LANG.search(raw[:5000])
        text = trafilatura.extract(raw) if match else None
        if match and text and len(text.split()) >= 20:
            found.append((match.group(1).decode().lower(), text))
        if len(found) >= limit:
            break
    return found


def score(name: str, detect, data: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    right = sum(1 for gold, text in data if detect(text) == gold)
    ms = (time.perf_counter() - start) / len(data) * 1000
    print(f"| {name} | {len(data)} | {right / len(data):.3f} | {ms:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    data = pages(parser.parse_args().pages)
    print("| detector | pages | accuracy vs <html lang> | ms per text |")
    print("|---|---|---|---|")
    detect_language("warm up the model before timing it")
    score("py3langid (triangulate)", detect_language, data)
    try:
        from lingua import LanguageDetectorBuilder
    except ImportError:
        print("(lingua not installed: not measured)")
        return
    for mode, builder in (
        ("low accuracy", LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode()),
        ("high accuracy", LanguageDetectorBuilder.from_all_languages()),
    ):
        detector = builder.build()
        detector.detect_language_of("warm up")

        def lingua(text: str, d=detector) -> str | None:  # type: ignore[no-untyped-def]
            found = d.detect_language_of(text[:1500])
            return None if found is None else found.iso_code_639_1.name.lower()

        score(f"lingua, {mode}", lingua, data)


if __name__ == "__main__":
    main()
