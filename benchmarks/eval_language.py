"""Language identification: py3langid (used) against lingua, on trafilatura-eval pages.

    .venv/bin/python benchmarks/eval_language.py [--pages 300] [--data ../shared/data]

Gold: the page's own <html lang> declaration (two-letter code) where it has one. Text: what
trafilatura extracts. lingua is measured only when installed (pip install lingua-language-detector).
Also printed: how many texts the word test for plainly English texts decides
(``metadata.plainly_english``), and on how many of those py3langid alone answers otherwise.
"""

from __future__ import annotations

import argparse
import gzip
import re
import time
from pathlib import Path

import trafilatura

from triangulate.ingest import metadata
from triangulate.ingest.metadata import detect_language

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
LANG = re.compile(rb"<html[^>]*\blang=[\"']?([a-zA-Z]{2})\b", re.I)


def pages(limit: int, data: Path = DATA) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for path in sorted((data / "trafilatura-eval").rglob("*.html.gz")):
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


def py3langid_alone(text: str) -> str | None:
    """``detect_language`` without the word test for plainly English texts."""
    sample = text[: metadata.LANGUAGE_SAMPLE_CHARS]
    if len(sample.split()) < 3:
        return None
    language, confidence = metadata._identifier().classify(sample)
    return str(language) if confidence >= metadata.MIN_LANGUAGE_CONFIDENCE else None


def word_test_agreement(data: list[tuple[str, str]]) -> None:
    decided = [
        text
        for _, text in data
        if metadata.plainly_english(text[: metadata.LANGUAGE_SAMPLE_CHARS].split())
    ]
    otherwise = sum(1 for text in decided if py3langid_alone(text) != "en")
    english = sum(1 for _, text in data if py3langid_alone(text) == "en")
    print(
        f"\nthe word test decides {len(decided)} of {len(data)} texts ({english} are English"
        f" to py3langid); py3langid alone answers otherwise on {otherwise} of them"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--data", type=Path, default=DATA, help="default: ../shared/data")
    args = parser.parse_args()
    data = pages(args.pages, args.data)
    print("| detector | pages | accuracy vs <html lang> | ms per text |")
    print("|---|---|---|---|")
    detect_language("warm up the model before timing it")
    score("py3langid (triangulate)", detect_language, data)
    score("py3langid alone (without the word test)", py3langid_alone, data)
    word_test_agreement(data)
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
