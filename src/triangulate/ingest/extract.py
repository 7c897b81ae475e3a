"""Main text and metadata of an HTML page.

trafilatura does the heavy lifting (precision mode by default).  On top of it:

* a gated retry in balanced mode when the precise output covers little of the page
  (precision mode has no such escape hatch and sometimes returns a stray block);
* the page title is removed when it is repeated as the first line (it is kept in ``title``);
* short boilerplate lines trafilatura lets through (share/subscribe prompts, "read more"
  teasers, photo credits, copyright notices) are dropped.

Each step was kept only because it raised the scores in ``benchmarks/eval_extraction.py``.

Speed: the page is parsed once and that tree is shared by every step.  The precise pass runs
trafilatura's own extraction sequence but calls its readability/justext comparison (a third
of its time) only when the main extractor's result is one the comparison can repair: short,
holding elements the comparison would sanitise, or without paragraph structure.  Its XPath
expressions with regular expressions (the body's, the pruning lists') are answered by
``page_prune``'s finders, the same elements without a call into Python for every element.
Metadata skips the fields nobody reads (categories, tags, licence).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from contextlib import suppress
from copy import copy
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import trafilatura
from lxml.etree import ElementDefaultClassLookup, XPath, strip_tags  # type: ignore[import-untyped]
from lxml.html import (  # type: ignore[import-untyped]
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HtmlProcessingInstruction,
)
from platformdirs import user_cache_path
from trafilatura import core as trafilatura_core
from trafilatura import utils as trafilatura_utils
from trafilatura.external import SANITIZED_XPATH, compare_extraction, justext_rescue
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.main_extractor import extract_content
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.settings import Document, Extractor, set_date_params
from trafilatura.utils import normalize_unicode
from trafilatura.xml import xmltotxt
from trafilatura.xpaths import (
    RAW_TREE_PRUNE_XPATH,
    REMOVE_COMMENTS_AND_LISTS_XPATH,
    REMOVE_COMMENTS_XPATH,
)

from triangulate.core.files import write_atomically
from triangulate.errors import InputError
from triangulate.ingest.decode import decode_text
from triangulate.ingest.page_authors import extract_author as page_author
from triangulate.ingest.page_dates import find_page_date, sharing_pruned_copy
from triangulate.ingest.page_prune import finders, trafilatura_with_finders
from triangulate.ingest.page_text import page_text_length

# A precise extraction shorter than this, covering less than PAGE_SHARE of the page's text,
# is compared with a balanced-mode extraction (same gate as trafilatura's own recall escalation).
RETRY_MAX_CHARS = 3000
RETRY_PAGE_SHARE = 0.2
# ... and replaced by it when the precise text is under this share of the balanced one.
RETRY_ACCEPT_SHARE = 0.3
# Larger pages get no retry: on them it costs more than the whole extraction of most pages.
RETRY_MAX_PAGE_SIZE = 1_500_000  # characters (or bytes) of HTML
# trafilatura's MAX_TREE_SIZE (unset by default): an output of more top-level elements has its
# highlighting dropped, and is discarded when still larger.
MAX_OUTPUT_ELEMENTS = 20_000
MIN_CHUNK_PARAGRAPH_CHARS = 40  # sibling-chunk paragraphs shorter than this are not added
MIN_CHUNK_ADDED_CHARS = 200  # ... nor anything when they add less than this in total
MIN_FULL_WORDS = 40  # shorter texts are flagged as not fully extracted
MAX_BOILERPLATE_WORDS = 25  # longer lines are never dropped as boilerplate
# shorter precise extractions always get the comparison (trafilatura's MIN_EXTRACTED_SIZE)
MIN_COMPARED_CHARS = 250
# The precise pass re-implements trafilatura's sequence for our options with its internal
# helpers; it was checked output-identical on this version only, any other one gets the public call.
GATED_TRAFILATURA_VERSION = "2.3.1"
_GATED = trafilatura.__version__ == GATED_TRAFILATURA_VERSION and all(
    hasattr(trafilatura_core, name)
    for name in (
        "_forum_thread_page",
        "_prepare_tree",
        "_recall_retry",
        "ESCALATION_MAX_LENGTH",
        "ESCALATION_PAGE_SHARE",
        "ESCALATION_ACCEPT_RATIO",
        "ESCALATION_JUSTEXT_RATIO",
    )
)

_TRAFILATURA_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "output_format": "txt",
}

_BOILERPLATE_PATTERNS = (
    r"(\d+\s+)?(comments?|kommentare?|keine kommentare|leave a (comment|reply)"
    r"|kommentar schreiben|join the conversation)\s*:?",
    r"(you (may|might) also like|related( articles| stories| posts| content| coverage)?"
    r"|read (more|also|next)|see also|more on this( story| topic)?|more:|don'?t miss"
    r"|recommended( for you)?|most (read|popular|viewed)|trending( now)?"
    r"|(das ist )?auch interessant|das (thema )?könnte (dich|sie) auch interessieren"
    r"|mehr zum thema|weitere (themen|artikel|nachrichten)|lesen sie (auch|mehr)|schon gelesen"
    r"|(à )?lire aussi|czytaj (też|także)|leggi anche|lee también|ver también)\b.{0,80}",
    r"(share|teilen|tweet|e-?mail|print|drucken|like this story\?)( (this|on|via|it) .{0,40})?",
    r"(advertisement|anzeige|werbung|sponsored( content)?)",
    r"(photo|foto|image|bild|picture|credits?|quelle|fotos?|photos?|crédits? photos?|titelbild"
    r"|beitragsbild|bildquelle|source)\s*(credits?)?\s*:.{0,80}",
    r"(©|\(c\)|copyright).{0,120}",
    r".{0,120}(all rights reserved|alle rechte vorbehalten).{0,40}",
    r".{0,80}\b(sign up|subscribe|abonnieren|newsletter|download (the|our) .{0,20}apps?)\b.{0,120}",
)
_BOILERPLATE_LINE = re.compile(rf"\s*(?:{'|'.join(_BOILERPLATE_PATTERNS)})\s*", re.IGNORECASE)
_AGENCY_CREDIT = re.compile(
    r"\s*\(?(getty images|afp|reuters|ap photo|dpa|epa|imago|picture alliance|shutterstock)\b"
    r"[^.!?]{0,60}\)?\s*",
    re.IGNORECASE,
)
_PAYWALL = re.compile(
    r"(subscribe|subscription|log ?in|sign in|register)\b.{0,40}\b(to (continue|keep) reading"
    r"|to read (the|this) (full|rest)|for the full (story|article))"
    r"|(to (view|read|continue reading) the (full|rest of the) (story|article))"
    r"|nur für (abonnenten|abonnentinnen|abonnent\*innen)|weiterlesen mit",
    re.IGNORECASE,
)
_BODY_CLASS = re.compile(r"body|content|article|story|text|chunk|entry|post", re.IGNORECASE)
_WORDLESS = re.compile(r"^\W*$")
_DECLARED_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:\D|$)")
_ISO_DATE = re.compile(r"((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")
_LANGUAGE_TAG = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")
# The meta tags declaring a publication date or the page's language, by attribute value
_DATE_META_PROPERTIES = frozenset({"article:published_time", "og:published_time"})
_DATE_META_NAMES = frozenset({
    "date", "pubdate", "publishdate", "publish-date", "DC.date.issued", "dc.date",
    "dcterms.created", "parsely-pub-date", "sailthru.date",
})  # fmt: skip
_LANGUAGE_META_NAMES = frozenset({"language", "Language", "dc.language"})
_HTML_LANG = XPath(
    "/html/@lang | /html/@xml:lang", namespaces={"xml": "http://www.w3.org/XML/1998/namespace"}
)
# XPath's translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')
_HTTP_EQUIV_FOLD = str.maketrans("CONTENT-LANGUAGE", "content-language")
# trafilatura's pruning lists as the sequence below prunes with them (page_prune: the same
# elements found without a call into Python for every element)
_RAW_TREE_PRUNE = finders(RAW_TREE_PRUNE_XPATH)
_REMOVE_COMMENTS_AND_LISTS = finders(REMOVE_COMMENTS_AND_LISTS_XPATH)
_REMOVE_COMMENTS = finders(REMOVE_COMMENTS_XPATH)


@dataclass(frozen=True)
class ExtractedPage:
    text: str  # main text, paragraphs separated by "\n\n"
    title: str | None
    authors: tuple[str, ...]
    published: str | None  # ISO YYYY-MM-DD
    published_how: str | None  # "html-meta", "html-time", "url", "htmldate", "htmldate-guess"
    sitename: str | None
    url: str | None
    language: str | None  # declared in <html lang> or a meta tag, else None
    fully_extracted: bool  # False after a fallback, for very short texts or paywalls


@dataclass(frozen=True)
class _MainText:
    lines: tuple[str, ...]
    fell_back: bool


def extract_html(
    html: str | bytes, url: str | None = None, *, favor_precision: bool = True
) -> ExtractedPage:
    """Main text and metadata of one HTML page; raises InputError only when no text exists."""
    source = url or "<html>"
    tree = parse_html(html, source)
    if tree is None:
        raise InputError(source, "no HTML text found", "is the input an empty or binary file?")
    retry = favor_precision and len(html) <= RETRY_MAX_PAGE_SIZE
    main = _main_text(tree, url, favor_precision, retry)
    with sharing_pruned_copy(tree):  # htmldate's two searches of the page
        metadata = _metadata(tree, url)
        lines = _clean_lines(main.lines, metadata.title)
        if not lines:
            raise InputError(source, "no main text found in the HTML", "is this an article page?")
        text = "\n\n".join(lines)
        published, published_how = _publication(tree, metadata.date, metadata.url or url)
    return ExtractedPage(
        text=text,
        title=metadata.title or None,
        authors=_split_authors(metadata.author),
        published=published,
        published_how=published_how,
        sitename=metadata.sitename or None,
        url=url or metadata.url or None,
        language=declared_language(tree),
        fully_extracted=_looks_complete(tree, main, text),
    )


def _plain_element_classes() -> None:
    """Give the elements of trafilatura's parser one class, chosen in C.

    lxml.html's parser asks a Python method for the class of every element it hands to
    Python (a form, an input, a select, a textarea or a label get their own subclass), so
    each of the few thousand elements extraction walks per page costs a Python call: a
    twentieth of the extraction. Nothing in trafilatura, htmldate or this package uses those
    subclasses; every element stays an ``HtmlElement``, and the output is the same.
    """
    parser = getattr(trafilatura_utils, "HTML_PARSER", None)
    if _GATED and parser is not None:
        parser.set_element_class_lookup(
            ElementDefaultClassLookup(
                element=HtmlElement,
                comment=HtmlComment,
                pi=HtmlProcessingInstruction,
                entity=HtmlEntity,
            )
        )


_plain_element_classes()


def parse_html(html: str | bytes, source: str = "<html>") -> HtmlElement | None:
    """An lxml tree of the page, or None when there is nothing to parse."""
    markup = decode_html(html, source) if isinstance(html, bytes) else html
    if not markup.strip():
        return None
    tree = _load(markup)
    if tree is None:  # trafilatura rejects bare fragments: give them a document around them
        tree = _load(f"<html><body><div>{markup}</div></body></html>")
    return tree


def _load(markup: str) -> HtmlElement | None:
    try:
        return trafilatura.load_html(markup)  # type: ignore[no-any-return]
    except Exception:  # lxml raises several types on garbage; all mean "not HTML"
        return None


def decode_html(data: bytes, source: str = "<html>") -> str:
    """Text of an HTML byte string, the charset its head declares taken into account."""
    declared = _DECLARED_CHARSET.search(data[:4096])
    return decode_text(data, source, declared.group(1).decode("ascii") if declared else None)


def _main_text(tree: HtmlElement, url: str | None, favor_precision: bool, retry: bool) -> _MainText:
    text, fell_back = _first_and_retry(tree, url, favor_precision, retry and favor_precision)
    if not text.strip():
        text, fell_back = _baseline_text(tree), True
    lines = _split_lines(text)
    return _MainText(tuple(_add_sibling_chunks(tree, lines)), fell_back)


def prepare_workers() -> None:
    """Build, before worker processes are forked, what trafilatura otherwise builds on first
    use in every worker: the stop words of all justext languages, which its comparison step
    and the retry need (read from the user cache: building them costs a quarter of a
    CPU-second), kept as the lower-cased frozen set justext makes of them, which justext is
    then handed as it is."""
    if not _GATED:  # the names below were checked on that version only
        return
    import justext.core  # type: ignore[import-untyped]
    from trafilatura import external

    if external.JT_STOPLIST is None:  # typed None there: it is set the way trafilatura sets it
        setattr(external, "JT_STOPLIST", _lowercase_stop_words())  # noqa: B010
    if getattr(justext.core.define_stoplist, "func", None) is not _define_stoplist:
        justext.core.define_stoplist = partial(_define_stoplist, justext.core.define_stoplist)


def _lowercase_stop_words() -> frozenset[str]:
    """The stop words as justext uses them (lower-cased, a frozen set): they are lower-case
    already, which one test of all of them joined shows in less time than lower-casing each."""
    words = _justext_stop_words()
    joined = "\n".join(words)
    if joined.lower() == joined:
        return frozenset(words)
    return frozenset(word.lower() for word in words)


def _define_stoplist(
    justext_define: Callable[[Any], frozenset[str]], stoplist: Any
) -> frozenset[str]:
    """justext's ``define_stoplist`` (the words lower-cased, as a frozen set), which it runs
    on every page it reads: the stop words set above are that set already, so they are
    given back as they are, where justext would hash the tuple of 154,000 words on every
    call and lower-case them once per process."""
    from trafilatura import external

    if stoplist is external.JT_STOPLIST and isinstance(stoplist, frozenset):
        return stoplist
    return justext_define(stoplist)


def _justext_stop_words() -> tuple[str, ...]:
    """What trafilatura's ``jt_stoplist_init`` gives (justext takes it as a set), kept in the
    user cache directory under justext's version and the date of its stop lists."""
    import justext  # type: ignore[import-untyped]
    from trafilatura import external

    folder = Path(justext.__file__).parent / "stoplists"
    stamp = f"{justext.__version__}-{folder.stat().st_mtime_ns}"
    cached = user_cache_path("triangulate") / f"justext-{stamp}-stop-words.json"
    with suppress(OSError, ValueError):
        words = json.loads(cached.read_text(encoding="utf-8"))
        if isinstance(words, list) and set(map(type, words)) <= {str}:
            return tuple(words)
    built: tuple[str, ...] = external.jt_stoplist_init()
    with suppress(OSError):
        write_atomically(cached, json.dumps(sorted(built), ensure_ascii=False))
    return built


def _first_and_retry(
    tree: HtmlElement, url: str | None, favor_precision: bool, retry: bool
) -> tuple[str, bool]:
    """The precise text, or the balanced one when the precise pass kept a stray block.

    The retry is decided from the first pass (its text is short and covers little of the
    page) and reuses its pruned tree.
    """
    if not _GATED:
        return _public_text(tree, url, favor_precision, retry=retry)
    with trafilatura_with_finders():
        try:
            page = _PrunedPage.of(tree)
            text = _sequence_text(page, url, _options(url, precise=favor_precision))
        except Exception:  # trafilatura can trip over pathological markup: "nothing found"
            return "", False
        if not retry or not _covers_little(tree, text):
            return text, False
        try:
            balanced = _sequence_text(page, url, _options(url, precise=False), always_compare=True)
        except Exception:
            return text, False
    if len(text) < RETRY_ACCEPT_SHARE * len(balanced):
        return balanced, True
    return text, False


def _public_text(
    tree: HtmlElement, url: str | None, favor_precision: bool, *, retry: bool
) -> tuple[str, bool]:
    """The same through trafilatura's public call (for versions the sequence was not checked on)."""
    text = _extract(tree, url, favor_precision)
    if retry and _covers_little(tree, text):
        balanced = _extract(tree, url, False)
        if len(text) < RETRY_ACCEPT_SHARE * len(balanced):
            return balanced, True
    return text, False


def _extract(tree: HtmlElement, url: str | None, favor_precision: bool) -> str:
    try:
        text = trafilatura.extract(
            tree, url=url, favor_precision=favor_precision, **_TRAFILATURA_OPTIONS
        )
    except Exception:  # trafilatura can trip over pathological markup: treat as "nothing found"
        return ""
    return text or ""


def _add_sibling_chunks(tree: HtmlElement, lines: list[str]) -> list[str]:
    """Add paragraphs from containers that share the class of the extracted body's container.

    Some sites split an article body into several identical containers around ads and
    trafilatura keeps only the first one.
    """
    known = {_comparable(line): index for index, line in enumerate(lines)}
    container = _body_container(tree, known)
    if container is None:
        return lines
    chunks = [el for el in tree.iter(container.tag) if el.get("class") == container.get("class")]
    if len(chunks) < 2:
        return lines
    extra: dict[int, list[str]] = {}
    anchor, seen = -1, set(known)
    for element in (p for chunk in chunks for p in chunk.iter("p")):
        paragraph = " ".join(element.text_content().split())
        key = _comparable(paragraph)
        if key in known:
            anchor = known[key]
        elif key not in seen and _is_prose(element, paragraph):
            extra.setdefault(anchor, []).append(paragraph)
        seen.add(key)
    if sum(len(p) for added in extra.values() for p in added) < MIN_CHUNK_ADDED_CHARS:
        return lines
    merged = extra.get(-1, [])
    for index, line in enumerate(lines):
        merged += [line, *extra.get(index, [])]
    return merged


def _is_prose(element: HtmlElement, paragraph: str) -> bool:
    if len(paragraph) < MIN_CHUNK_PARAGRAPH_CHARS:
        return False
    link_chars = sum(len(link.text_content()) for link in element.iter("a"))
    return link_chars < 0.5 * len(paragraph)


def _body_container(tree: HtmlElement, known: dict[str, int]) -> HtmlElement | None:
    pairs = [(p, p.getparent()) for p in tree.iter("p")]
    pairs = [(p, parent) for p, parent in pairs if parent is not None]
    # cheap test first: the container must have a body-like class, so without one, none
    if not any(_BODY_CLASS.search(parent.get("class") or "") for _, parent in pairs):
        return None
    parents: dict[HtmlElement, int] = {}
    for paragraph, parent in pairs:
        if _comparable(paragraph.text_content()) in known:
            parents[parent] = parents.get(parent, 0) + 1
    if not parents:
        return None
    container = max(parents, key=parents.__getitem__)
    return container if _BODY_CLASS.search(container.get("class") or "") else None


def _options(url: str | None, *, precise: bool) -> Extractor:
    options = Extractor(
        output_format="txt", precision=precise, comments=False, tables=True, url=url
    )
    options.max_tree_size = MAX_OUTPUT_ELEMENTS
    return options


@dataclass(frozen=True)
class _PrunedPage:
    """The page as both passes start from it: a copy, pruned as trafilatura prunes it."""

    raw: HtmlElement
    is_forum: bool

    @classmethod
    def of(cls, tree: HtmlElement) -> _PrunedPage:
        raw = copy(tree)
        is_forum = trafilatura_core._forum_thread_page(raw)
        raw = prune_unwanted_nodes(raw, _RAW_TREE_PRUNE)
        if not is_forum:  # comments are off: both focuses prune them (the precise one always)
            raw = prune_unwanted_nodes(raw, _REMOVE_COMMENTS_AND_LISTS)
        return cls(raw, is_forum)


def precise_text(tree: HtmlElement, url: str | None, *, always_compare: bool = False) -> str:
    """``trafilatura.extract(tree, favor_precision=True, ...)`` with a gated comparison step.

    With ``always_compare`` the result is exactly trafilatura's (tests hold it to that);
    ``tree`` is left untouched.
    """
    options = _options(url, precise=True)
    with trafilatura_with_finders():
        return _sequence_text(_PrunedPage.of(tree), url, options, always_compare=always_compare)


def _sequence_text(
    page: _PrunedPage, url: str | None, options: Extractor, *, always_compare: bool = False
) -> str:
    """trafilatura's ``trafilatura_sequence`` without comments, its comparison step gated.

    Precision mode has no baseline rescue and no recall escalation; balanced mode (the retry)
    has both, as trafilatura runs them. ``page`` is left untouched.
    """
    precise = options.focus == "precision"
    raw = page.raw
    if precise and page.is_forum:  # precision prunes comment lists on forums too
        raw = prune_unwanted_nodes(copy(raw), _REMOVE_COMMENTS_AND_LISTS)
    cleaned, cleaned_backup = trafilatura_core._prepare_tree(raw, options, url)
    if precise and not page.is_forum:
        cleaned = prune_unwanted_nodes(cleaned, _REMOVE_COMMENTS)
    body, text = extract_content(cleaned, options)
    if always_compare or comparison_may_help(body, text):
        body, text = compare_extraction(cleaned_backup, copy(raw), body, text, options)
    if not precise and len(text) < options.min_extracted_size:
        rescue, rescued, length = trafilatura.baseline(raw)
        if length > len(text):
            body, text = rescue, rescued
    if not precise:
        body, text = _recall_escalation(raw, url, options, body, text)
    if len(text) < options.min_output_size or not _within_tree_size(body, options):
        return ""
    return str(normalize_unicode(xmltotxt(body, options.formatting).strip()))


def _recall_escalation(
    raw: HtmlElement, url: str | None, options: Extractor, body: Any, text: str
) -> tuple[Any, str]:
    """trafilatura's last stage in balanced mode: a short text covering little of the page is
    extracted again in recall mode, and by justext; the longer wins when clearly longer."""
    if not 0 < len(text) < trafilatura_core.ESCALATION_MAX_LENGTH or len(
        text
    ) >= trafilatura_core.ESCALATION_PAGE_SHARE * page_text_length(raw):
        return body, text
    recall = copy(options)
    recall.focus = "recall"
    recalled, recalled_text = _attempt(lambda: trafilatura_core._recall_retry(raw, recall, url))
    justext, justext_text = _attempt(lambda: justext_rescue(copy(raw), options))
    if len(justext_text) > max(
        len(recalled_text), trafilatura_core.ESCALATION_JUSTEXT_RATIO * len(text)
    ):
        return justext, justext_text
    if len(recalled_text) >= options.min_extracted_size and len(
        recalled_text
    ) > trafilatura_core.ESCALATION_ACCEPT_RATIO * len(text):
        return recalled, recalled_text
    return body, text


def _attempt(candidate: Callable[[], tuple[Any, str]]) -> tuple[Any, str]:
    """A candidate extraction, or none when it fails (as trafilatura treats them)."""
    try:
        return candidate()
    except Exception:
        return None, ""


def _within_tree_size(body: Any, options: Extractor) -> bool:
    """trafilatura's output size check: highlighting is dropped first, then the page."""
    if options.max_tree_size and len(body) > options.max_tree_size:
        strip_tags(body, "hi")
    return not options.max_tree_size or len(body) <= options.max_tree_size


def comparison_may_help(body: Any, text: str) -> bool:
    """Whether trafilatura's readability/justext comparison could repair this extraction.

    justext is only consulted for short bodies or bodies holding elements it would sanitise,
    and readability wins mostly over empty or paragraph-less bodies; over a clean, long,
    paragraph-based body it can only win by being twice as long, which on news pages means
    it took the page furniture (measured: skipping it there raised both F1 scores).
    """
    if len(text) < MIN_COMPARED_CHARS or body.xpath(SANITIZED_XPATH):
        return True
    return not body.xpath(".//p//text()") or len(body.findall(".//table")) > len(
        body.findall(".//p")
    )


def _covers_little(tree: HtmlElement, text: str) -> bool:
    if len(text) >= RETRY_MAX_CHARS:
        return False
    return len(text) < RETRY_PAGE_SHARE * _text_length(tree)


def _text_length(tree: HtmlElement) -> int:
    """``len(trafilatura.html2txt(tree))``, in a third less time where checked to be the same."""
    return page_text_length(tree) if _GATED else len(trafilatura.html2txt(tree))


def _baseline_text(tree: HtmlElement) -> str:
    try:
        return str(trafilatura.baseline(tree)[1])
    except Exception:
        return ""


def _split_lines(text: str) -> list[str]:
    lines = (line.strip() for line in text.split("\n"))
    return [_strip_bullet(line) for line in lines if line]


def _strip_bullet(line: str) -> str:
    # trafilatura renders list items as "- item"; the marker is not part of the text
    return line[2:].strip() if line.startswith("- ") and len(line) > 2 else line


def _clean_lines(lines: tuple[str, ...], title: str | None) -> list[str]:
    kept = list(lines)
    if kept and title and _repeats_title(kept[0], title):
        kept = kept[1:]
    without_boilerplate = [line for line in kept if not is_boilerplate_line(line)]
    return without_boilerplate or [line for line in kept if not _WORDLESS.match(line)]


def _comparable(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _repeats_title(line: str, title: str) -> bool:
    line_key, title_key = _comparable(line), _comparable(title)
    if not line_key:
        return False
    return line_key == title_key or (len(line_key) > 20 and line_key in title_key)


def is_boilerplate_line(line: str) -> bool:
    """True for short lines that are page furniture rather than article text."""
    if _WORDLESS.match(line):
        return True
    words = len(line.split())
    if words > MAX_BOILERPLATE_WORDS:
        return False
    if _BOILERPLATE_LINE.fullmatch(line):
        return True
    return words <= 8 and _AGENCY_CREDIT.fullmatch(line) is not None


def _metadata(tree: HtmlElement, url: str | None) -> Document:
    try:
        return page_metadata(tree, url)
    except Exception:  # a metadata bug must not cost the text
        return Document()


def page_metadata(tree: HtmlElement, url: str | None) -> Document:
    """trafilatura's ``extract_metadata`` (same steps, same order) without the fields we never
    read: categories, tags and licence (a sixth of its time); its author search tested in
    Python (``page_authors``: the same answers in half the time)."""
    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    with suppress(Exception):  # bugs in trafilatura's JSON-LD reader: keep the meta tags
        metadata = extract_meta_json(tree, metadata)
    metadata.title = metadata.title or extract_title(tree)
    metadata.author = metadata.author or (page_author if _GATED else extract_author)(tree)
    metadata.url = metadata.url or extract_url(tree, url)
    metadata.date = find_page_date(tree, **{**set_date_params(True), "url": metadata.url})
    metadata.sitename = _sitename(tree, metadata.sitename, metadata.url)
    metadata.clean_and_trim()
    return metadata


def _sitename(tree: HtmlElement, declared: str | None, url: str | None) -> str | None:
    sitename = declared or extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
        return sitename
    match = META_URL.match(url) if url else None
    return match[1] if match else None


def _split_authors(author: str | None) -> tuple[str, ...]:
    if not author:
        return ()
    names = (name.strip() for name in re.split(r";|\s+(?:and|und)\s+", author))
    return tuple(dict.fromkeys(name for name in names if name))


def _publication(
    tree: HtmlElement, found: str | None, url: str | None
) -> tuple[str | None, str | None]:
    """The publication day and where it came from.

    ``found`` is htmldate's answer (run by ``page_metadata`` with trafilatura's settings,
    ``original_date=True, extensive_search=True``); declared meta dates and the URL
    only fill in when it has none.
    """
    declared = [day for day in _declared_dates(tree) if day <= date.today().isoformat()]
    url_day = _url_date(url) if url else None
    published = found or (declared[0] if declared else None) or url_day
    if published is None:
        return None, None
    if published in declared:
        return published, "html-meta"
    if published in _time_element_dates(tree):
        return published, "html-time"
    if url_day == published:
        return published, "url"
    return published, "htmldate" if _in_markup(tree, published) else "htmldate-guess"


def _in_markup(tree: HtmlElement, day: str) -> bool:
    """Whether htmldate finds the day without reading the text (its extensive search is a
    guess from dates mentioned in the article, marked as such); its test of the elements that
    may hold a date as ``find_page_date`` runs it (the same answers, in less time)."""
    try:
        quick = find_page_date(tree, extensive_search=False, original_date=True)
    except Exception:  # htmldate on hostile markup: treat the date as a guess
        return False
    return bool(quick) and str(quick) == day


def _declared_dates(tree: HtmlElement) -> list[str]:
    values = [str(meta.get("content")) for meta in _meta_tags(tree) if _declares_date(meta)]
    values += _json_ld_values(tree, "datePublished")
    return [date for date in (_iso_day(value) for value in values) if date]


def _meta_tags(tree: HtmlElement) -> list[HtmlElement]:
    """The page's meta tags with a content, in document order (as ``//meta[@content]``): a
    walk in C, the tests of the few tags found in Python, where an XPath for each question
    walked the page several times (half the time)."""
    return [meta for meta in tree.getroottree().iter("meta") if meta.get("content") is not None]


def _declares_date(meta: HtmlElement) -> bool:
    return (
        meta.get("property") in _DATE_META_PROPERTIES
        or meta.get("itemprop") == "datePublished"
        or meta.get("name") in _DATE_META_NAMES
    )


def _declares_language(meta: HtmlElement) -> bool:
    http_equiv = meta.get("http-equiv")
    return (
        (http_equiv is not None and http_equiv.translate(_HTTP_EQUIV_FOLD) == "content-language")
        or meta.get("name") in _LANGUAGE_META_NAMES
        or meta.get("property") == "og:locale"
    )


def _time_element_dates(tree: HtmlElement) -> list[str]:
    values = [str(value) for value in tree.xpath("//time/@datetime")]
    return [date for date in (_iso_day(value) for value in values) if date]


def _iso_day(value: str) -> str | None:
    match = _ISO_DATE.search(value)
    return match.group(0) if match else None


def _url_date(url: str) -> str | None:
    match = _URL_DATE.search(url)
    day = "-".join(match.groups()) if match else None
    return day if day and day <= date.today().isoformat() else None


def _json_ld_values(tree: HtmlElement, key: str) -> list[str]:
    values: list[str] = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        if key not in script:  # parsing is the costly part, and most scripts lack the key
            continue
        try:
            data = json.loads(str(script))
        except ValueError:
            continue
        values += _find_key(data, key)
    return values


def _find_key(data: object, key: str) -> list[str]:
    if isinstance(data, dict):
        found = [str(data[key])] if key in data and data[key] is not None else []
        return found + [value for child in data.values() for value in _find_key(child, key)]
    if isinstance(data, list):
        return [value for child in data for value in _find_key(child, key)]
    return []


def declared_language(tree: HtmlElement) -> str | None:
    """Primary language subtag declared by the page (``<html lang>``, meta tags), lowercased."""
    candidates = _HTML_LANG(tree)  # the root's attributes come before any meta tag
    candidates += [meta.get("content") for meta in _meta_tags(tree) if _declares_language(meta)]
    for candidate in candidates:
        match = _LANGUAGE_TAG.match(str(candidate).strip().split(",")[0].strip())
        if match:
            return match.group(1).lower()
    return None


def _looks_complete(tree: HtmlElement, main: _MainText, text: str) -> bool:
    if main.fell_back or len(text.split()) < MIN_FULL_WORDS:
        return False
    if any(value.lower() == "false" for value in _json_ld_values(tree, "isAccessibleForFree")):
        return False
    # the paywall notice is often dropped as boilerplate: look at the uncleaned tail
    return _PAYWALL.search(" ".join(main.lines[-5:])) is None
