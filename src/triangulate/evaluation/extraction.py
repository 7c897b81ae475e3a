"""Scores for HTML main-text and date extraction on two public corpora.

* article-extraction-benchmark (Zyte): 181 English-language news pages with a gold article body,
  scored with the benchmark's own metric (``evaluate.py`` upstream): 4-word shingles per page,
  tokens ``\\w+`` as in the upstream scorer (case kept), per-page tp/fp/fn normalised to sum to 1,
  precision and recall averaged over pages, F1 of the two averages.
* trafilatura's evaluation corpus: 990 mostly German pages with snippets that must appear
  ("with") and must not ("without"); micro precision/recall/F1 as in trafilatura's own
  ``eval_common.py`` (whitespace-normalised substring matching), plus publication-date
  accuracy on the pages with a gold date.

Plain trafilatura (``favor_precision=True``) and htmldate are scored in the same run, so a
comparison never mixes library versions or machines.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import trafilatura
from htmldate import find_date

from triangulate.errors import InputError
from triangulate.ingest.extract import ExtractedPage, extract_html

BENCHMARK_DIR = "article-extraction-benchmark"
TRAFILATURA_EVAL_DIR = "trafilatura-eval"
SHINGLE_SIZE = 4

TpFpFn = tuple[float, float, float]
Counts = tuple[int, int, int, int]  # tp, fp, fn, tn
_Page = TypeVar("_Page")
_Result = TypeVar("_Result")
_TOKEN = re.compile(r"\w+")


# --- metrics -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ShingleScores:
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class SnippetScores:
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 0.0

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else 0.0


@dataclass(frozen=True)
class DateScores:
    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Multiset of ``size``-token shingles, as the benchmark builds them."""
    tokens = _TOKEN.findall(text or "")
    last_start = max(1, len(tokens) - size + 1)
    return Counter(tuple(tokens[i : i + size]) for i in range(last_start) if tokens[i : i + size])


def shingle_match(true: str, predicted: str, size: int = SHINGLE_SIZE) -> TpFpFn:
    """Per-page tp, fp, fn over shingles, normalised to sum to 1 (upstream behaviour)."""
    true_counts, predicted_counts = shingles(true, size), shingles(predicted, size)
    tp = sum((true_counts & predicted_counts).values())
    fp = sum((predicted_counts - true_counts).values())
    fn = sum((true_counts - predicted_counts).values())
    total = tp + fp + fn
    if not total:
        return (0.0, 0.0, 0.0)
    return (tp / total, fp / total, fn / total)


def _page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def _mean(values: Sequence[float]) -> float:
    return statistics.fmean(values) if values else 0.0


def shingle_scores(matches: Sequence[TpFpFn]) -> ShingleScores:
    """Average page precision and recall (pages with an empty denominator skipped), F1 of both."""
    precision = _mean([_page_precision(*m) for m in matches if m[0] + m[1] > 0])
    recall = _mean([_page_recall(*m) for m in matches if m[0] + m[2] > 0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ShingleScores(precision, recall, f1)


def _normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def snippet_counts(must: Sequence[str], must_not: Sequence[str], text: str) -> Counts:
    """tp, fp, fn, tn of one page, as trafilatura's evaluation counts them."""
    found = _normalise_space(text)
    tp = sum(1 for snippet in must if _normalise_space(snippet) in found)
    fp = sum(1 for snippet in must_not if _normalise_space(snippet) in found)
    return tp, fp, len(must) - tp, len(must_not) - fp


def sum_counts(counts: Iterable[Counts]) -> SnippetScores:
    tp = fp = fn = tn = 0
    for page_tp, page_fp, page_fn, page_tn in counts:
        tp, fp, fn, tn = tp + page_tp, fp + page_fp, fn + page_fn, tn + page_tn
    return SnippetScores(tp, fp, fn, tn)


# --- corpora -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BenchmarkPage:
    key: str
    url: str
    path: Path
    truth: str


@dataclass(frozen=True)
class SnippetPage:
    url: str
    path: Path
    must: tuple[str, ...]
    must_not: tuple[str, ...]
    date: str | None  # gold publication date, None when not annotated


def load_benchmark(data_root: Path) -> list[BenchmarkPage]:
    root = data_root / BENCHMARK_DIR
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        BenchmarkPage(key, item["url"], root / "html" / f"{key}.html.gz", item["articleBody"])
        for key, item in sorted(truth.items())
    ]


def load_trafilatura_eval(data_root: Path) -> list[SnippetPage]:
    root = data_root / TRAFILATURA_EVAL_DIR
    annotations = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for url, item in annotations.items():
        path = _eval_file(root, item["file"])
        if path is not None:
            must, must_not = tuple(item["with"]), tuple(item["without"])
            pages.append(SnippetPage(url, path, must, must_not, item.get("date") or None))
    return pages


def _eval_file(root: Path, name: str) -> Path | None:
    for folder in ("eval", "cache"):
        path = root / folder / f"{name}.gz"
        if path.is_file():
            return path
    return None


# --- systems -----------------------------------------------------------------------------------


def trafilatura_text(html: bytes, url: str | None) -> str:
    """Plain trafilatura, precision mode, the settings our extractor starts from."""
    text = trafilatura.extract(
        html, url=url, favor_precision=True, include_comments=False, include_tables=True
    )
    return text or ""


def our_page(html: bytes, url: str | None) -> ExtractedPage | None:
    try:
        return extract_html(html, url)
    except InputError:
        return None


def htmldate_date(html: bytes, url: str | None) -> str | None:
    found = find_date(html, url=url, original_date=True, extensive_search=True)
    return found if isinstance(found, str) else None


def _timed(
    function: Callable[[bytes, str | None], _Result], html: bytes, url: str
) -> tuple[_Result, float]:
    start = time.process_time()  # CPU time: robust to other processes sharing the cores
    result = function(html, url)
    return result, time.process_time() - start


# --- per-page work (top-level so a process pool can pickle it) ---------------------------------


@dataclass(frozen=True)
class BenchmarkResult:
    trafilatura: TpFpFn
    ours: TpFpFn
    trafilatura_seconds: float
    our_seconds: float


@dataclass(frozen=True)
class SnippetResult:
    trafilatura: Counts
    ours: Counts
    gold_date: str | None
    htmldate: str | None
    our_date: str | None


def score_benchmark_page(page: BenchmarkPage) -> BenchmarkResult:
    html = gzip.decompress(page.path.read_bytes())
    plain, plain_seconds = _timed(trafilatura_text, html, page.url)
    ours, our_seconds = _timed(our_page, html, page.url)
    our_text = ours.text if ours else ""
    return BenchmarkResult(
        shingle_match(page.truth, plain),
        shingle_match(page.truth, our_text),
        plain_seconds,
        our_seconds,
    )


def score_snippet_page(page: SnippetPage) -> SnippetResult:
    html = gzip.decompress(page.path.read_bytes())
    ours = our_page(html, page.url)
    return SnippetResult(
        snippet_counts(page.must, page.must_not, trafilatura_text(html, page.url)),
        snippet_counts(page.must, page.must_not, ours.text if ours else ""),
        page.date,
        htmldate_date(html, page.url) if page.date else None,
        ours.published if ours else None,
    )


# --- runs --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ExtractionReport:
    benchmark_pages: int
    benchmark_trafilatura: ShingleScores
    benchmark_ours: ShingleScores
    trafilatura_pages_per_second: float
    our_pages_per_second: float
    eval_pages: int
    eval_trafilatura: SnippetScores
    eval_ours: SnippetScores
    date_htmldate: DateScores
    date_ours: DateScores


def _map(
    function: Callable[[_Page], _Result], pages: Sequence[_Page], workers: int
) -> Iterator[_Result]:
    if workers <= 1:
        return map(function, pages)
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        return iter(list(pool.map(function, pages, chunksize=8)))
    finally:
        pool.shutdown()


def _date_scores(
    results: Sequence[SnippetResult], pick: Callable[[SnippetResult], str | None]
) -> DateScores:
    dated = [result for result in results if result.gold_date]
    return DateScores(sum(1 for r in dated if pick(r) == r.gold_date), len(dated))


def evaluate_extraction(
    data_root: Path, workers: int = 2, limit: int | None = None
) -> ExtractionReport:
    """Score trafilatura and our extractor on both corpora (``limit`` pages of each, if given)."""
    benchmark = list(_map(score_benchmark_page, load_benchmark(data_root)[:limit], workers))
    snippets = list(_map(score_snippet_page, load_trafilatura_eval(data_root)[:limit], workers))
    return ExtractionReport(
        benchmark_pages=len(benchmark),
        benchmark_trafilatura=shingle_scores([r.trafilatura for r in benchmark]),
        benchmark_ours=shingle_scores([r.ours for r in benchmark]),
        trafilatura_pages_per_second=len(benchmark) / sum(r.trafilatura_seconds for r in benchmark),
        our_pages_per_second=len(benchmark) / sum(r.our_seconds for r in benchmark),
        eval_pages=len(snippets),
        eval_trafilatura=sum_counts(r.trafilatura for r in snippets),
        eval_ours=sum_counts(r.ours for r in snippets),
        date_htmldate=_date_scores(snippets, lambda r: r.htmldate),
        date_ours=_date_scores(snippets, lambda r: r.our_date),
    )


def format_report(report: ExtractionReport) -> str:
    """The report as a Markdown table."""
    b_plain, b_ours = report.benchmark_trafilatura, report.benchmark_ours
    e_plain, e_ours = report.eval_trafilatura, report.eval_ours
    rows = [
        "| corpus | system | precision | recall | F1 | other |",
        "|---|---|---|---|---|---|",
        _row(f"article-extraction-benchmark ({report.benchmark_pages} pages)", "trafilatura",
             b_plain.precision, b_plain.recall, b_plain.f1,
             f"{report.trafilatura_pages_per_second:.1f} pages/s"),
        _row("", "ours", b_ours.precision, b_ours.recall, b_ours.f1,
             f"{report.our_pages_per_second:.1f} pages/s"),
        _row(f"trafilatura-eval ({report.eval_pages} pages)", "trafilatura",
             e_plain.precision, e_plain.recall, e_plain.f1, f"accuracy {e_plain.accuracy:.4f}"),
        _row("", "ours", e_ours.precision, e_ours.recall, e_ours.f1,
             f"accuracy {e_ours.accuracy:.4f}"),
        f"| date, {report.date_ours.total} pages with a gold date | htmldate | | | | "
        f"accuracy {report.date_htmldate.accuracy:.4f} |",
        f"| | ours | | | | accuracy {report.date_ours.accuracy:.4f} |",
    ]  # fmt: skip
    return "\n".join(rows)


def _row(corpus: str, system: str, precision: float, recall: float, f1: float, other: str) -> str:
    return f"| {corpus} | {system} | {precision:.4f} | {recall:.4f} | {f1:.4f} | {other} |"


@dataclass(frozen=True)
class Speed:
    pages: int
    trafilatura_pages_per_second: float
    our_pages_per_second: float


def measure_speed(data_root: Path, limit: int | None = None) -> Speed:
    """Pages per CPU second in this process on the benchmark pages (decompressed beforehand)."""
    pages = [
        (gzip.decompress(page.path.read_bytes()), page.url)
        for page in load_benchmark(data_root)[:limit]
    ]
    our_page(*pages[0])  # warm up lazy imports and compiled patterns
    return Speed(
        len(pages), _pages_per_second(trafilatura_text, pages), _pages_per_second(our_page, pages)
    )


def _pages_per_second(
    function: Callable[[bytes, str | None], object], pages: Sequence[tuple[bytes, str]]
) -> float:
    start = time.process_time()
    for html, url in pages:
        function(html, url)
    return len(pages) / (time.process_time() - start)
