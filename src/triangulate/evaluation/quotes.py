"""Scoring quote detection and speaker attribution on hand-labelled gold quotes.

Gold: ``quotes_gold.json`` (offsets only; no names or quoted words).  Each gold quote is
(document, start, end, kind, speakers, speaker_aliases, tags) where the spans are character
offsets into the document's text and the speakers are spans of mentions in the same text.

Protocol (what ``score`` computes):

* Text: for ``samples/...`` the file read as UTF-8, unchanged; for
  ``data/newswcl50/.../NewsWCL50.conll#DOC`` the article rebuilt from the CoNLL tokens as
  :mod:`triangulate.evaluation.newswcl50` does.  Every document carries the SHA-256 of its
  text; a mismatch stops the run.
* Gold quotes: every quotation in the labelled articles: the words inside quotation marks
  (``direct``; one gold quote per quoted stretch, so ``"A," he said, "B."`` is two quotes;
  one-word quotes are not labelled) and the clause a speech verb or "according to" attributes
  to someone (``reported``).  Scare quotes and titles are not quotes.
* Matching: one to one.  A system quote and a gold quote are a candidate pair when they share
  at least half of the shorter span's characters.  Pairs are taken greedily, same kind first,
  then by shared characters over the union of the two spans (first in document order on
  ties), so a direct quote nested in a reported clause pairs with the direct gold quote.
* Detection: recall = matched gold / gold; precision = matched system / system quotes.
* Speaker: a matched pair is right when :func:`same_speaker` holds: the gold quote is
  unattributed and the system gives no speaker; or the system speaker string, normalised
  (lower case, possessive ``'s``, punctuation, leading articles and titles such as "Mr.",
  "President", "Prime Minister" removed), names the same referent as one gold mention
  (the speaker span or an alias span, also normalised):
    - equal token sequences; or
    - person speakers: the same last token, unless both have more words and neither one's
      first word occurs in the other (surname rule: "Mr. Abe" = "Shinzo Abe",
      "DNC Chair Tom Perez" = "Tom Perez", but "Boris Johnson" != "Woody Johnson"); or
    - organisations and descriptions: one is a contiguous part of the other and both end
      in the same head word ("Defense Ministry" = "Kestrania's Defense Ministry",
      "officials" = "Valdoran officials", but "Kestrania" != "Kestrania's Defense Ministry").
  A system speaker joined with " and " is right when any part is right; a gold quote with
  several speakers is right when the system names any of them.
* Figures: quote recall, quote precision, speaker accuracy on matched quotes, end-to-end
  speaker recall (right / gold), each also per kind and per hard-case tag.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from triangulate.core.words import word_set
from triangulate.evaluation import newswcl50

Span = tuple[int, int]

NEWSWCL50_CONLL = newswcl50.CONLL
MIN_SHARED = 0.5  # share of the shorter span two matched quotes must have in common

_TITLES = word_set(
    """mr mrs ms miss dr sir dame lord lady president vice prime minister secretary senator sen
    rep representative gov governor mayor judge chancellor king queen prince princess pope
    general gen col colonel lt adm admiral former acting deputy chief spokesman spokeswoman
    spokesperson director attorney ambassador foreign defense defence interior leader"""
)
_ARTICLES = frozenset({"the", "a", "an"})


# ------------------------------------------------------------------ texts


def document_text(shared: Path, ref: str, cache: dict[str, dict[str, str]] | None = None) -> str:
    """The text a gold document reference points at (a path under ``shared``, or CoNLL#DOC)."""
    if "#" not in ref:
        return (shared / ref).read_text("utf-8")
    path, document = ref.split("#", 1)
    if Path(path) != NEWSWCL50_CONLL:
        raise ValueError(f"unknown corpus in {ref}")
    store = cache if cache is not None else {}
    if "newswcl50" not in store:
        store["newswcl50"] = newswcl50.texts(shared)
    return store["newswcl50"][document]


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ------------------------------------------------------------------ gold


@dataclass(frozen=True)
class GoldSpeaker:
    start: int
    end: int
    type: str  # person, organisation, description


@dataclass(frozen=True)
class GoldQuote:
    id: str
    doc: str
    start: int
    end: int
    kind: str  # direct or reported
    speakers: tuple[GoldSpeaker, ...]
    aliases: tuple[Span, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True)
class GoldSet:
    texts: dict[str, str]
    quotes: tuple[GoldQuote, ...]


def load_gold(path: Path, shared: Path, split: str | None = None) -> GoldSet:
    """Gold quotes and the texts they point into (each text checked against its digest);
    ``split`` ("dev" or "test") keeps that part only."""
    data = json.loads(path.read_text("utf-8"))
    cache: dict[str, dict[str, str]] = {}
    texts: dict[str, str] = {}
    for ref, meta in data["documents"].items():
        if split is not None and meta.get("split") != split:
            continue
        text = document_text(shared, ref, cache)
        if text_digest(text) != meta["sha256"]:
            raise ValueError(f"text of {ref} differs from the one the gold was labelled on")
        texts[ref] = text
    quotes = tuple(
        GoldQuote(
            id=item["id"],
            doc=item["doc"],
            start=item["start"],
            end=item["end"],
            kind=item["kind"],
            speakers=tuple(GoldSpeaker(s["start"], s["end"], s["type"]) for s in item["speakers"]),
            aliases=tuple((a[0], a[1]) for a in item.get("speaker_aliases", [])),
            tags=tuple(item["tags"]),
        )
        for item in data["quotes"]
        if item["doc"] in texts
    )
    return GoldSet(texts, quotes)


# ------------------------------------------------------------------ speakers


def name_tokens(name: str) -> tuple[str, ...]:
    """A speaker name or mention as comparable words (no case, possessive, articles, titles)."""
    text = name.lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    words = re.findall(r"[\w]+(?:[-.][\w]+)*", text)
    words = [w.replace(".", "") for w in words]
    while words and words[0] in _ARTICLES:
        words = words[1:]
    trimmed = list(words)
    while len(trimmed) > 1 and trimmed[0] in _TITLES:
        trimmed = trimmed[1:]
    return tuple(trimmed)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    size = len(shorter)
    return any(longer[i : i + size] == shorter for i in range(len(longer) - size + 1))


def same_referent(system: str, mention: str, person: bool) -> bool:
    """Whether a system speaker string names what a gold mention names (see module doc)."""
    said, gold = name_tokens(system), name_tokens(mention)
    if not said or not gold:
        return False
    if said == gold:
        return True
    if person:  # surname rule; a first name the other lacks means two people
        return said[-1] == gold[-1] and (
            len(said) == 1 or len(gold) == 1 or gold[0] in said or said[0] in gold
        )
    if said[-1] != gold[-1]:
        return False
    return _contains(gold, said) or _contains(said, gold)


def same_speaker(system: str | None, quote: GoldQuote, text: str) -> bool:
    if not quote.speakers:
        return not system
    if not system:
        return False
    person = any(s.type == "person" for s in quote.speakers)
    mentions = [text[s.start : s.end] for s in quote.speakers]
    mentions += [text[a:b] for a, b in quote.aliases]
    candidates = [system, *re.split(r"\s+and\s+", system)]
    return any(same_referent(c, m, person) for c in candidates for m in mentions)


# ------------------------------------------------------------------ matching and scores


@dataclass(frozen=True)
class SystemQuote:
    start: int
    end: int
    kind: str
    speaker: str | None
    speaker_span: Span | None = None


@dataclass(frozen=True)
class Outcome:
    """One gold quote: the system quote paired with it (if any) and whether its speaker is right."""

    gold: GoldQuote
    system: SystemQuote | None
    right: bool


def _shared(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(gold: Sequence[GoldQuote], system: Sequence[SystemQuote]) -> dict[int, int]:
    """Gold index -> system index, one to one (protocol in the module doc)."""
    pairs = []
    for g, quote in enumerate(gold):
        for s, found in enumerate(system):
            common = _shared((quote.start, quote.end), (found.start, found.end))
            shorter = min(quote.end - quote.start, found.end - found.start)
            if common and common >= MIN_SHARED * shorter:
                union = max(quote.end, found.end) - min(quote.start, found.start)
                pairs.append((quote.kind != found.kind, -common / union, quote.start, g, s))
    pairs.sort()
    paired: dict[int, int] = {}
    used: set[int] = set()
    for _, _, _, g, s in pairs:
        if g not in paired and s not in used:
            paired[g] = s
            used.add(s)
    return paired


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    right: int = 0

    def add(self, outcome: Outcome) -> None:
        self.gold += 1
        self.found += outcome.system is not None
        self.right += outcome.right

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else float("nan")

    @property
    def accuracy(self) -> float:
        return self.right / self.found if self.found else float("nan")

    @property
    def end_to_end(self) -> float:
        return self.right / self.gold if self.gold else float("nan")


@dataclass
class Scores:
    overall: Tally = field(default_factory=Tally)
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_tag: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_doc: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    system: int = 0
    system_matched: int = 0
    outcomes: list[Outcome] = field(default_factory=list)
    unmatched_system: list[tuple[str, SystemQuote]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.system_matched / self.system if self.system else float("nan")


Reader = Callable[[str, str], list[SystemQuote]]  # (document ref, text) -> quotes


def score(gold: GoldSet, reader: Reader) -> Scores:
    """Run ``reader`` on every gold document and score its quotes against the gold."""
    scores = Scores()
    by_doc: dict[str, list[GoldQuote]] = defaultdict(list)
    for quote in gold.quotes:
        by_doc[quote.doc].append(quote)
    for ref, text in gold.texts.items():
        wanted = sorted(by_doc[ref], key=lambda q: (q.start, q.end))
        found = reader(ref, text)
        paired = match(wanted, found)
        scores.system += len(found)
        scores.system_matched += len(paired)
        taken = set(paired.values())
        scores.unmatched_system += [(ref, q) for i, q in enumerate(found) if i not in taken]
        for g, quote in enumerate(wanted):
            system = found[paired[g]] if g in paired else None
            right = system is not None and same_speaker(system.speaker, quote, text)
            outcome = Outcome(quote, system, right)
            scores.outcomes.append(outcome)
            scores.overall.add(outcome)
            scores.by_kind[quote.kind].add(outcome)
            scores.by_doc[ref].add(outcome)
            for tag in quote.tags:
                scores.by_tag[tag].add(outcome)
    return scores


def triangulate_reader() -> Reader:
    """The project's quote reader (``read_article``) as a :data:`Reader`."""
    from triangulate.models import Article
    from triangulate.nlp.language import load_nlp
    from triangulate.readers.reader import read_article

    nlp = load_nlp()

    def read(ref: str, text: str) -> list[SystemQuote]:
        reading = read_article(Article(id=ref, source=ref, text=text), nlp)
        return [
            SystemQuote(
                q.evidence.start,
                q.evidence.end,
                q.kind,
                q.speaker,
                (q.speaker_evidence.start, q.speaker_evidence.end) if q.speaker_evidence else None,
            )
            for q in reading.quotes
        ]

    return read


def tally_rows(tallies: Iterable[tuple[str, Tally]]) -> list[str]:
    rows = ["| group | gold | found | recall | speaker right | speaker acc | end-to-end |"]
    rows.append("|---|---:|---:|---:|---:|---:|---:|")
    for name, t in tallies:
        rows.append(
            f"| {name} | {t.gold} | {t.found} | {t.recall:.3f} | {t.right} | "
            f"{t.accuracy:.3f} | {t.end_to_end:.3f} |"
        )
    return rows


def summary(scores: Scores) -> list[str]:
    o = scores.overall
    lines = [
        f"gold quotes {o.gold}, system quotes {scores.system}, matched {o.found}",
        f"quote recall {o.recall:.3f}  quote precision {scores.precision:.3f}",
        f"speaker accuracy on found quotes {o.accuracy:.3f} ({o.right}/{o.found})  "
        f"end-to-end {o.end_to_end:.3f} ({o.right}/{o.gold})",
        "",
    ]
    lines += tally_rows([("all", o), *sorted(scores.by_kind.items())])
    lines.append("")
    lines += tally_rows(sorted(scores.by_tag.items(), key=lambda kv: -kv[1].gold))
    return lines
