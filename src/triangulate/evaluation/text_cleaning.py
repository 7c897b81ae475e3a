"""Scoring main-text extraction and plain-text cleaning.

The metric is the one of the article-extraction-benchmark (Zyte / ScrapingHub):
each text is cut into 4-word shingles (lowercased, split on non-word characters),
per-page true/false positives are counted over shingle multisets, precision and
recall are averaged over pages and the F1 is taken of the two averages.

The module also holds the two reference points scored beside the cleaner:
``html_to_block_text`` (what a naive scraper gets from a page: one line per
block-level element) and ``c4_clean`` (the C4 corpus' line rules).
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]
from lxml import html as lxml_html  # type: ignore[import-untyped]

from triangulate.ingest.clean import BoilerplateMemory, clean_text
from triangulate.ingest.extract import decode_html

SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class CorpusScores:
    precision: float
    recall: float
    f1: float
    pages: int


def tokenize(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    tokens = tokenize(text)
    # As upstream: a text shorter than one shingle still counts as one shingle.
    count = max(1, len(tokens) - size + 1) if tokens else 0
    return Counter(tuple(tokens[i : i + size]) for i in range(count))


def shingle_counts(predicted: str, truth: str) -> tuple[int, int, int]:
    """True positives, false positives and false negatives over shingle multisets."""
    pred, true = shingles(predicted), shingles(truth)
    true_positives = sum((pred & true).values())
    return (
        true_positives,
        sum(pred.values()) - true_positives,
        sum(true.values()) - true_positives,
    )


def shingle_scores(predicted: str, truth: str) -> tuple[float, float]:
    """Precision and recall of one page (both 1.0 when both texts are empty)."""
    tp, fp, fn = shingle_counts(predicted, truth)
    if fp == fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def corpus_scores(pairs: Iterable[tuple[str, str]]) -> CorpusScores:
    """Benchmark scores over ``(predicted, truth)`` pairs: F1 of averaged P and R.

    As upstream, a page enters the precision average only when something was
    predicted, and the recall average only when something was expected.
    """
    precisions: list[float] = []
    recalls: list[float] = []
    pages = 0
    for predicted, truth in pairs:
        pages += 1
        tp, fp, fn = shingle_counts(predicted, truth)
        precision, recall = shingle_scores(predicted, truth)
        if tp + fp > 0:
            precisions.append(precision)
        if tp + fn > 0:
            recalls.append(recall)
    mean_p = sum(precisions) / len(precisions) if precisions else 0.0
    mean_r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * mean_p * mean_r / (mean_p + mean_r) if mean_p + mean_r else 0.0
    return CorpusScores(mean_p, mean_r, f1, pages)


# --- C4 baseline -------------------------------------------------------------

_C4_TERMINAL = (".", "!", "?", '"', "'", "”", "’", "…")
_C4_BAD_LINE = re.compile(
    r"javascript|cookie|lorem ipsum|terms of use|privacy policy|[{}]", re.IGNORECASE
)


def c4_clean(text: str) -> str:
    """The C4 line rules (Raffel et al. 2020), minus the page-level rules.

    Keep lines ending in terminal punctuation with at least five words; drop lines
    mentioning javascript, cookies, "lorem ipsum", terms of use, privacy policy or
    holding a curly brace.
    """
    kept = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line.endswith(_C4_TERMINAL) or len(line.split()) < 5:
            continue
        if _C4_BAD_LINE.search(line):
            continue
        kept.append(line)
    return "\n".join(kept)


# --- naive HTML to text --------------------------------------------------------

_DROPPED_TAGS = ("script", "style", "noscript", "template")
_BLOCK_TAG_TEXT = """address article aside blockquote body caption dd details dialog div dl dt
    fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li
    main menu nav ol p pre section summary table tbody td tfoot th thead tr ul
    option select button label legend"""
_BLOCK_TAGS = frozenset(_BLOCK_TAG_TEXT.split())


def html_to_block_text(markup: str) -> str:
    """Page text as a naive scraper gets it: one line per block-level element.

    The page is parsed with lxml; script, style, noscript and template elements
    and comments are dropped; the text of ``<body>`` is emitted with a line
    break at every start and end of a block-level element and at ``<br>``;
    whitespace inside a line is collapsed and empty lines are skipped.
    """
    parser = lxml_html.HTMLParser(encoding="utf-8")
    try:
        root = lxml_html.document_fromstring(markup.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, *_DROPPED_TAGS, with_tail=False)
    body = root.find("body")
    parts: list[str] = []
    _walk(body if body is not None else root, parts)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(element: Any, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    is_block = tag.lower() in _BLOCK_TAGS
    if is_block or tag.lower() == "br":
        parts.append("\n")
    if tag and element.text:
        parts.append(element.text)
    for child in element:
        _walk(child, parts)
        if child.tail:
            parts.append(child.tail)
    if is_block:
        parts.append("\n")


# --- the benchmark on disk -----------------------------------------------------


@dataclass(frozen=True)
class BenchmarkPage:
    id: str
    html: str
    truth: str


def load_extraction_benchmark(root: Path) -> list[BenchmarkPage]:
    """Pages of the article-extraction-benchmark: ``html/<id>.html(.gz)`` + ground truth."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        path = root / "html" / f"{page_id}.html.gz"
        if not path.exists():
            path = root / "html" / f"{page_id}.html"
        markup = decode_html(_page_bytes(path), str(path))
        pages.append(BenchmarkPage(page_id, markup, truth[page_id].get("articleBody", "")))
    return pages


# --- the cleaner's evaluation ----------------------------------------------------


@dataclass(frozen=True)
class CleaningReport:
    raw: CorpusScores
    c4: CorpusScores
    ours: CorpusScores
    seconds: float  # time spent in clean_text over the whole batch


def evaluate_cleaning(root: Path) -> CleaningReport:
    """Score raw block text, the C4 rules and ``clean_text`` on the extraction benchmark.

    As a batch ingest does, a :class:`BoilerplateMemory` is fed every page first.
    """
    pages = load_extraction_benchmark(root)
    texts = [html_to_block_text(page.html) for page in pages]
    truths = [page.truth for page in pages]
    memory = BoilerplateMemory()
    for text in texts:
        memory.add_document(text)
    started = time.perf_counter()
    cleaned = [clean_text(text, memory).text for text in texts]
    seconds = time.perf_counter() - started
    return CleaningReport(
        raw=corpus_scores(zip(texts, truths, strict=True)),
        c4=corpus_scores(zip((c4_clean(text) for text in texts), truths, strict=True)),
        ours=corpus_scores(zip(cleaned, truths, strict=True)),
        seconds=seconds,
    )


# --- headlines ---------------------------------------------------------------------

# The page's own titles, most specific first: what its site declares for sharing, then its
# first headline element, then its window's title
_TITLE_PATHS = (
    '//meta[@property="og:title"]/@content',
    '//meta[@name="twitter:title"]/@content',
    "(//h1)[1]",
    "//title",
)
TITLE_WORDS = range(3, 31)  # what the cleaner and the baseline may take for a headline
# A title agrees with one of the page's when most of its words are that title's and it
# covers a good part of it (a site's name after a bar, a truncated title)
TITLE_OWN_SHARE = 0.7
TITLE_COVER = 0.4


@dataclass(frozen=True)
class TitleReport:
    pages: int  # pages that declare a title
    ours: int  # pages whose cleaned text's title agrees with the page's
    first_line: int  # ... for the baseline: the first line of 3 to 30 words


def page_titles(markup: str) -> list[str]:
    """The titles a page declares (see ``_TITLE_PATHS``), in that order."""
    try:
        tree = lxml_html.fromstring(markup)
    except (etree.ParserError, ValueError):
        return []
    titles = []
    for path in _TITLE_PATHS:
        found = tree.xpath(path)
        text = " ".join(
            " ".join(item.text_content().split()) if hasattr(item, "text_content") else item
            for item in found
        ).strip()
        if text:
            titles.append(text)
    return titles


def title_agrees(title: str | None, declared: Iterable[str]) -> bool:
    """Whether ``title`` is, in its words, one of the ``declared`` titles."""
    words = set(tokenize(title or ""))
    if len(words) < 2:
        return False
    for other in declared:
        theirs = set(tokenize(other))
        shared = len(words & theirs)
        if shared >= TITLE_OWN_SHARE * len(words) and shared >= TITLE_COVER * len(theirs):
            return True
    return False


def _first_line_title(text: str) -> str | None:
    lines = (line.strip() for line in text.splitlines())
    return next((line for line in lines if len(line.split()) in TITLE_WORDS), None)


def evaluate_titles(markups: Iterable[str]) -> TitleReport:
    """How many pages' block text (:func:`html_to_block_text`) ``clean_text`` titles as the
    page itself does, fed as a batch with its :class:`BoilerplateMemory`, beside the first
    line of headline length."""
    pages = [(html_to_block_text(markup), page_titles(markup)) for markup in markups]
    pages = [(text, declared) for text, declared in pages if declared]
    memory = BoilerplateMemory()
    for text, _ in pages:
        memory.add_document(text)
    ours = sum(title_agrees(clean_text(text, memory).title, declared) for text, declared in pages)
    first = sum(title_agrees(_first_line_title(text), declared) for text, declared in pages)
    return TitleReport(len(pages), ours, first)


def benchmark_markups(data: Path) -> list[str]:
    """The pages of the article-extraction-benchmark and of trafilatura's evaluation set
    under ``data`` (``../shared/data``), decoded."""
    markups = [
        page.html for page in load_extraction_benchmark(data / "article-extraction-benchmark")
    ]
    for path in sorted((data / "trafilatura-eval" / "eval").glob("*")):
        markups.append(decode_html(_page_bytes(path), str(path)))
    return markups


def _page_bytes(path: Path) -> bytes:
    """A saved page's bytes, gunzipped when they are gzip's (by their magic number)."""
    raw = path.read_bytes()
    return gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw


@dataclass(frozen=True)
class LineMistakes:
    dropped_body: tuple[tuple[str, int], ...]  # (file, line) labelled keep but removed
    kept_boilerplate: tuple[tuple[str, int], ...]  # (file, line) labelled drop but kept
    lines: int


def line_label_mistakes(samples: Path, labels: dict[str, dict[str, list[int]]]) -> LineMistakes:
    """Compare ``clean_text`` with hand labels of which lines are body and which boilerplate."""
    dropped_body: list[tuple[str, int]] = []
    kept_boilerplate: list[tuple[str, int]] = []
    lines = 0
    for name, label in sorted(labels.items()):
        removed = {line.line for line in clean_text((samples / name).read_text("utf-8")).removed}
        dropped_body += [(name, line) for line in label["keep"] if line in removed]
        kept_boilerplate += [(name, line) for line in label["drop"] if line not in removed]
        lines += len(label["keep"]) + len(label["drop"])
    return LineMistakes(tuple(dropped_body), tuple(kept_boilerplate), lines)


def articles_per_second(texts: list[str], repeat: int) -> float:
    """Single-threaded throughput of ``clean_text`` over ``texts`` repeated ``repeat`` times."""
    started = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            clean_text(text)
    return len(texts) * repeat / (time.perf_counter() - started)
