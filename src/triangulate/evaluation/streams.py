"""Labelled, dated article streams for scoring story clustering, and the TF-IDF baseline.

Built at run time from the visible data in ``../shared/data``; the repository keeps only ids
and story labels of it (``tests/evaluation/tbaq_stories.json``), never its text.  The
repository's own invented reports (below) are kept whole.

* :func:`ecbplus_stream`: ECB+ topics mixed into one stream.  Gold story = topic + half
  (``ecb`` / ``ecbplus``: two similar but different events per topic).  Text and ids as in
  :mod:`triangulate.evaluation.clustering`.  Each document gets a plausible publication date,
  in order of preference: a dateline near the top of the text (the readers' own
  ``find_dateline``), or a ``/yyyy/mm/dd/`` date in the address of ``*ecbplus.xml`` documents
  (their sentence 0); else the median of the event's firmly dated reports, moved 0-2 days by a
  hash of the file name; else the latest date the text mentions (the readers' guess), pulled
  to the event's median guess; else (events none of whose reports is dated, mostly ``ecb``
  halves, collected around December 2008) a day in 2008-12-01 .. 2009-01-11 chosen by a hash
  of the event, each report 0-2 days after it.  The dates belong to the stream: the
  clusterer never sees the gold.
* :func:`tbaq_stream`: TimeBank + AQUAINT (TempEval-3 training data): 256 newswire and
  broadcast documents with their real creation dates (1989-2000).  Gold stories are labels
  made by reading each lead: one incident or decision with its direct follow-ups
  (investigation, arrests, charges, trial, funerals, reactions) whatever the gap; a new
  incident caused by an earlier one is a new story.  Most documents are single reports:
  same-day business briefs of the same types, the distractors follow-ups must not join.

* :func:`invented_stream`: local news reports we invented to try the clusterer as a user
  of local news would (``tests/evaluation/local_streams``: local-a and local-b, shootings,
  stabbings, a fire, a hit-and-run; local-c, crimes of one city; local-d, fires, crashes,
  drownings, a wildfire and a flood of one county; local-e, crimes, fires and crashes of one
  city; local-f and local-g, mostly shootings of one city; local-h, shootings, crashes on
  one highway, fires and a drowning of one county; local-i, shootings, stabbings, crashes
  on one highway, fires and a hiker found dead of one county; local-j, shootings (one by
  police), stabbings, robberies, crashes, a fire and a gas explosion of one city; local-k and
  local-l, crimes, crashes and fires of one county; local-m, scraped page text with heavy site
  furniture; local-n, saved HTML pages; local-o, disasters and accidents of a coastal county
  (a tornado, a flood, a collapse, an explosion, a bus crash) and four crimes; local-p, crimes
  and crashes told in five registers (broadcast copy, court reporting, police releases,
  radio briefs, a neighbourhood site); local-q, a busier city's crimes, crashes and fires
  with site furniture, updates added atop a page and releases' header lines; local-r, a
  mountain resort county's winter: crashes on a pass highway, shootings, a fire set on
  purpose, a snowcat rollover, a snowmobiler found dead, releases dated only in their
  header fields, a weekly's roundup items and radio briefs; local-s, a river-delta farming
  county's summer: drownings, a grain-bin entrapment, a pursuit's crash, shootings, a
  police blotter, TV transcripts with appended updates, a sheriff's running update log;
  local-t, a lakeside industrial county's winter: a county prosecutor's releases on one
  template (charges in four incidents), a pileup in a whiteout, house fires four days apart,
  an ice drowning, a man shot by police named only later, a live blog, a neighbourhood site
  giving only blocks; local-u, a river city's civic and business news, few harms: council
  votes (one postponed, held weeks later), a school closure plan, two plants' layoffs a week
  apart, a merger approved weeks on, a nurses' strike, a budget, a lawsuit's ruling, a
  bridge's closure, a council story listing other stories' agenda items; local-v and local-w,
  two states' politics told by outlets of opposite leanings in other words for one fact (a
  release, a wire, a left-leaning and a right-leaning site, public radio, a daily): two bills
  of one week, a veto and its override weeks on, a budget standoff, a lawsuit's ruling, a
  resignation, a special election called and then held (two events), a recount, a protest,
  a map, a breach's count revised; each
  incident told by one to six outlets over days to weeks: first reports, then an arrest, a
  victim named, a death days later, a vigil, a court date, a toll that rises; same-type
  incidents of one place within days or weeks, reports naming other incidents in passing;
  outlets' menus, footers and "Related stories" around some).  Ingested as ``triangulate
  ingest`` stores them (boilerplate removed, dated by their "Published" lines).  Invented
  text, no data of record: nothing is fitted on them.

Derived streams (deterministic): :func:`sparse` keeps 2-5 reports per story (the shape of a
local-news stream); :func:`collide` moves each topic's second event by whole weeks next to its
first (two same-type incidents in one week, weekdays kept); :func:`stretch` moves every report
but an event's first day 0-3 whole weeks later (follow-ups beyond the live window).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import random
import re
import statistics
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from triangulate.evaluation.clustering import BCubed, _detokenise, b_cubed
from triangulate.evaluation.ecbplus import (
    DEV_TOPICS,
    document_paths,
    is_plus,
    sentence_tokens,
    url_date,
)
from triangulate.ingest.ingester import ingest
from triangulate.models import Article
from triangulate.readers.published import publication_date
from triangulate.readers.times import find_dateline
from triangulate.settings import Settings
from triangulate.store import open_store
from triangulate.store.queries import iter_articles

ECBPLUS = Path("ecbplus-dev")
TBAQ = Path("tempeval3-train") / "Training" / "TBAQ-cleaned"
SYNTHETIC_START = datetime.date(2008, 12, 1)
SYNTHETIC_DAYS = 42
CUTS = tuple(round(0.50 + 0.025 * i, 3) for i in range(19))  # cosine distance 0.50 .. 0.95
_TAG = re.compile(r"<[^>]+>")
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


@dataclass(frozen=True)
class StreamDoc:
    article: Article
    gold: str  # the story the document belongs to
    group: str  # ECB+ topic, or TBAQ sub-corpus
    how: str = ""  # where the publication date came from


def gold_of(docs: Iterable[StreamDoc]) -> dict[str, str]:
    return {doc.article.id: doc.gold for doc in docs}


def _hash(text: str) -> int:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16)


def _shift(day: str, days: int) -> str:
    return (datetime.date.fromisoformat(day) + datetime.timedelta(days=days)).isoformat()


def _median_day(days: Sequence[str]) -> str:
    ordinals = sorted(datetime.date.fromisoformat(d).toordinal() for d in days)
    return datetime.date.fromordinal(int(statistics.median_low(ordinals))).isoformat()


def _ordered(docs: Iterable[StreamDoc]) -> list[StreamDoc]:
    return sorted(docs, key=lambda d: (d.article.published or "", d.article.id))


# ---------------------------------------------------------------- ECB+


def _ecb_parse(path: Path) -> tuple[str, str]:
    """(text as in evaluation/clustering.py, address of an ecbplus document or "")."""
    sentences = sentence_tokens(ElementTree.parse(path).getroot())
    plus = is_plus(path)
    lines = [_detokenise(w) for n, w in sorted(sentences.items()) if not (plus and n == 0)]
    return "\n".join(lines), "".join(sentences.get(0, [])) if plus else ""


def document_date(path: Path) -> str | None:
    """The publication date an ECB+ document shows: a dateline, else its address's date."""
    text, url = _ecb_parse(path)
    return find_dateline(text) or url_date(url)


def topics_of(data: Path, split: str) -> list[int] | None:
    """ECB+ topics of ``split``: all (None), dev, train, or a comma list."""
    if split == "all":
        return None
    folder = data / ECBPLUS / "ECB+"
    present = sorted(int(p.name) for p in folder.iterdir() if p.name.isdigit())
    if split == "dev":
        return [t for t in present if t in DEV_TOPICS]
    if split == "train":
        return [t for t in present if t not in DEV_TOPICS]
    return [int(t) for t in split.split(",")]


_FIRM_DAYS = ("dateline", "url")  # an ECB+ document's own days; the rest are inferred


def ecbplus_stream(data: Path, topics: Iterable[int] | None = None) -> list[StreamDoc]:
    """ECB+ documents of ``topics`` (default: every topic present), dated, in stream order."""
    paths = document_paths(data / ECBPLUS, topics)
    raw: list[tuple[Path, str, str, str | None, str]] = []  # path, text, event, day, how
    for path in paths:
        text, url = _ecb_parse(path)
        event = path.name.split("_", 1)[0] + ("+" if is_plus(path) else "")
        day, how = find_dateline(text), "dateline"
        if day is None and (day := url_date(url)) is not None:
            how = "url"
        raw.append((path, text, event, day, how if day else ""))
    firm: defaultdict[str, list[str]] = defaultdict(list)
    for _, _, event, day, _ in raw:
        if day:
            firm[event].append(day)
    docs = []
    for path, text, event, day, how in raw:
        jitter = _hash(path.name) % 3
        if day is None and firm[event]:
            day, how = _shift(_median_day(firm[event]), jitter), "event-median"
        if day is None and (guess := publication_date(text=text).date):
            day, how = guess, "inferred"
        if day is None:
            start = SYNTHETIC_START + datetime.timedelta(days=_hash(event) % SYNTHETIC_DAYS)
            day, how = _shift(start.isoformat(), jitter), "synthetic"
        identifier = "e" + hashlib.sha1(path.name.encode("utf-8")).hexdigest()[:10]
        # a day of the event's other reports or a guess is no anchor for "on Tuesday"
        article = Article(
            id=identifier,
            source=str(path),
            text=text,
            published=day,
            published_inferred=how not in _FIRM_DAYS,
        )
        docs.append(StreamDoc(article, event, path.name.split("_", 1)[0], how))
    return _ordered(_inferred_together(docs))


def _inferred_together(docs: list[StreamDoc]) -> list[StreamDoc]:
    """An event dated only by guesses: every report gets the event's median guess (+0-2 d)."""
    inferred: defaultdict[str, list[str]] = defaultdict(list)
    for doc in docs:
        if doc.how == "inferred" and doc.article.published:
            inferred[doc.gold].append(doc.article.published)
    out = []
    for doc in docs:
        if doc.how in ("inferred", "synthetic") and inferred.get(doc.gold):
            day = _shift(_median_day(inferred[doc.gold]), _hash(Path(doc.article.source).name) % 3)
            article = replace(doc.article, published=day, published_inferred=True)
            doc = replace(doc, article=article, how="event-inferred")
        out.append(doc)
    return out


# ---------------------------------------------------------------- TimeBank + AQUAINT


def _tml(path: Path) -> tuple[str, str, str]:
    """(creation date as ISO day, title, text) of one TimeML file."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    value = re.search(r'value="([^"]+)"', dct.group()) if dct else None
    title_match = re.search(r"<TITLE>(.*?)</TITLE>", raw, re.S)
    title = _TAG.sub("", title_match.group(1)).strip() if title_match else ""
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    text = _TAG.sub("", body.group(1) if body else "").replace("&amp;", "&")
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", text))
    return (value.group(1)[:10] if value else ""), title, "\n".join(p for p in paragraphs if p)


def tbaq_stream(data: Path, gold_path: Path) -> list[StreamDoc]:
    """TimeBank and AQUAINT documents with their creation dates and labelled stories."""
    labels: dict[str, str] = json.loads(gold_path.read_text(encoding="utf-8"))["stories"]
    docs = []
    for sub in ("TimeBank", "AQUAINT"):
        for path in sorted((data / TBAQ / sub).glob("*.tml")):
            day, title, text = _tml(path)
            identifier = "t" + hashlib.sha1(path.stem.encode("utf-8")).hexdigest()[:10]
            article = Article(identifier, path.stem, text, title=title or None)
            article = replace(article, published=day or None)
            gold = labels.get(path.stem, "single:" + path.stem)
            docs.append(StreamDoc(article, gold, sub, "dct"))
    return _ordered(docs)


# ---------------------------------------------------------------- invented local news


def invented_stream(folder: Path) -> list[StreamDoc]:
    """The reports of ``folder`` as ingest stores them, with their stories from its
    ``labels.json`` (file name -> incident)."""
    labels: dict[str, str] = json.loads((folder / "labels.json").read_text(encoding="utf-8"))
    settings = Settings(db_path=Path(":memory:"), workers=1)
    with open_store(":memory:") as store:
        ingest(store, [str(folder / name) for name in sorted(labels)], settings)
        articles = list(iter_articles(store))
    stored = {Path(a.source).name for a in articles}
    if stored != set(labels):  # ingest reports a failure or a copy and goes on: not here
        raise ValueError(f"{folder}: not stored as labelled: {sorted(stored ^ set(labels))}")
    docs = [
        # ids as the stream's own ("local-a/r01"): streams share one cache of features
        StreamDoc(
            replace(a, id=f"{folder.name}/{a.id}"),
            labels[Path(a.source).name],
            folder.name,
            a.published_how or "",
        )
        for a in articles
    ]
    return _ordered(docs)


# ---------------------------------------------------------------- derived streams


def undated(docs: Iterable[StreamDoc]) -> list[StreamDoc]:
    return [replace(d, article=replace(d.article, published=None)) for d in docs]


def sparse(docs: Sequence[StreamDoc], most: int = 5, seed: int = 0) -> list[StreamDoc]:
    """2..``most`` reports of each story: the first kept, then reports of days not yet taken."""
    rng = random.Random(seed)
    by_story: defaultdict[str, list[StreamDoc]] = defaultdict(list)
    for doc in docs:
        by_story[doc.gold].append(doc)
    kept: list[StreamDoc] = []
    for story in sorted(by_story):
        members = _ordered(by_story[story])
        if len(members) <= 2:
            kept += members
            continue
        count = rng.randint(2, min(most, len(members)))
        rest = members[1:]
        rng.shuffle(rest)
        rest.sort(key=lambda d: d.article.published == members[0].article.published)
        chosen, days = [members[0]], {members[0].article.published}
        for doc in rest:
            if len(chosen) < count and doc.article.published not in days:
                chosen.append(doc)
                days.add(doc.article.published)
        for doc in rest:
            if len(chosen) < count and doc not in chosen:
                chosen.append(doc)
        kept += chosen
    return _ordered(kept)


def collide(docs: Sequence[StreamDoc]) -> list[StreamDoc]:
    """Each ECB+ topic's ``ecbplus`` event moved by whole weeks to within 3 days of its
    ``ecb`` event: two same-type incidents in one week, every report keeping its weekday."""
    halves: defaultdict[str, list[str]] = defaultdict(list)
    for doc in docs:
        if doc.article.published:
            halves[doc.gold].append(doc.article.published)
    out = []
    for doc in docs:
        if doc.gold.endswith("+") and halves.get(doc.gold[:-1]) and doc.article.published:
            target = datetime.date.fromisoformat(_median_day(halves[doc.gold[:-1]]))
            mine = datetime.date.fromisoformat(_median_day(halves[doc.gold]))
            day = _shift(doc.article.published, 7 * round((target - mine).days / 7))
            doc = replace(doc, article=replace(doc.article, published=day))
        out.append(doc)
    return _ordered(out)


def stretch(docs: Sequence[StreamDoc], seed: int = 0, most_weeks: int = 3) -> list[StreamDoc]:
    """Every report but its story's first day moved 0..``most_weeks`` whole weeks later."""
    rng = random.Random(seed)
    first: dict[str, str] = {}
    for doc in docs:
        if day := doc.article.published:
            first[doc.gold] = min(first.get(doc.gold, day), day)
    out = []
    for doc in docs:
        day = doc.article.published
        if day and day != first[doc.gold]:
            weeks = rng.randint(0, most_weeks)
            # moved, the report's "on Saturday" no longer tells the day it wrote of
            article = replace(
                doc.article,
                published=_shift(day, 7 * weeks),
                published_inferred=doc.article.published_inferred or weeks > 0,
            )
            doc = replace(doc, article=article)
        out.append(doc)
    return _ordered(out)


def followup_stream(docs: Sequence[StreamDoc], seed: int) -> list[StreamDoc]:
    """A crime desk's stream: same-type incidents in one week (collided), 2-5 reports each,
    follow-ups days to weeks apart (stretched)."""
    return sparse(stretch(collide(docs), seed), 5, seed)


# ---------------------------------------------------------------- TF-IDF baseline


@dataclass(frozen=True)
class TfidfTree:
    """TF-IDF (sublinear tf, smoothed idf, English stop words) cosine average-link tree over
    title + text, cut at any distance: the usual off-the-shelf story clustering."""

    ids: tuple[str, ...]
    linkage: object  # scipy linkage matrix

    @classmethod
    def build(cls, articles: Sequence[Article]) -> TfidfTree:
        import numpy as np
        from scipy.cluster.hierarchy import linkage  # type: ignore[import-untyped]
        from scipy.spatial.distance import squareform  # type: ignore[import-untyped]

        matrix = tfidf_matrix([f"{a.title or ''}\n{a.text}" for a in articles])
        similarity = (matrix @ matrix.T).toarray()
        distances = np.clip(1.0 - similarity, 0.0, 2.0)
        np.fill_diagonal(distances, 0.0)
        condensed = squareform(distances, checks=False)
        return cls(tuple(a.id for a in articles), linkage(condensed, method="average"))

    def cut(self, distance: float) -> dict[str, str]:
        from scipy.cluster.hierarchy import fcluster

        if len(self.ids) < 2:
            return {i: "c0" for i in self.ids}
        labels = fcluster(self.linkage, t=distance, criterion="distance")
        return {i: f"c{label}" for i, label in zip(self.ids, labels, strict=True)}


def tfidf_matrix(texts: Sequence[str]) -> Any:
    """Rows: L2-normalised TF-IDF vectors (scipy CSR), as scikit-learn's TfidfVectorizer
    with sublinear_tf and English stop words makes them."""
    import numpy as np
    from scipy.sparse import csr_matrix  # type: ignore[import-untyped]

    from triangulate.core.words import STOP_WORDS

    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    for row, text in enumerate(texts):
        counts: dict[str, int] = {}
        for token in _TOKEN.findall(text.lower()):
            if token not in STOP_WORDS:
                counts[token] = counts.get(token, 0) + 1
        for token, count in counts.items():
            rows.append(row)
            cols.append(vocabulary.setdefault(token, len(vocabulary)))
            values.append(1.0 + float(np.log(count)))
    shape = (len(texts), max(len(vocabulary), 1))
    matrix = csr_matrix((values, (rows, cols)), shape=shape, dtype=np.float64)
    frequency = np.bincount(np.asarray(cols, dtype=np.int64), minlength=shape[1])
    idf = np.log((1 + len(texts)) / (1 + frequency)) + 1.0
    matrix = matrix.multiply(idf[np.newaxis, :]).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    scale = 1.0 / np.where(norms > 0, norms, 1.0)
    return matrix.multiply(scale[:, np.newaxis]).tocsr()


def best_cut(
    tree: TfidfTree, gold: Mapping[str, str], cuts: Sequence[float] = CUTS
) -> tuple[float, BCubed]:
    """The cut with the best B-cubed F1 against ``gold`` (an oracle: it reads the gold)."""
    scored = [(cut, b_cubed(tree.cut(cut), gold)) for cut in cuts]
    return max(scored, key=lambda item: item[1].f1)
