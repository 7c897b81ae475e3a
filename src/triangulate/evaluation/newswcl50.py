"""NewsWCL50 articles rebuilt from their CoNLL tokens, with the annotated mentions on them.

NewsWCL50 (Hamborg, Zhukova & Gipp, 2019): 10 events told by 5 US outlets, every mention of
the event's concepts annotated with how the outlet words it.  The texts ship only as
tokens (``NewsWCL50-prep/output_data/NewsWCL50.conll``); an article is rebuilt here as
people write it: a paragraph ends at each newline token, paragraphs are joined by a blank
line, tokens by one space except before closing punctuation and clitics, after opening
brackets and ``$``, around intra-word hyphens, and inside quotation marks, which open and
close by turns within a paragraph.  Each token keeps its character span in that text.

Two kinds of gold mentions come with it:

- *concept mentions* (the CoNLL chain column, projected on the tokens by the corpus'
  CDCR edition): every word choice for an actor, a country, a group, an event, an
  action...: ``(chain, type, start, end)``;
- *property mentions* (``original/Annotations.csv``, code type ``PROPERTY``): the words by
  which an outlet labels a concept ("anxious and uncertain", "tough rhetoric").  They carry
  positions of the original pages only, so each is found in the rebuilt text by its words
  (letters and digits compared, case folded), the first unused occurrence in the order of
  the annotations; the ones not found are counted.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

CONLL = Path("data/newswcl50/NewsWCL50-prep/output_data/NewsWCL50.conll")
ANNOTATIONS = Path("data/newswcl50/original/Annotations.csv")

_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|['’](?:s|re|ve|m|ll|d)|n['’]t)$", re.IGNORECASE)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "#"})
_CHAIN_MARK = re.compile(r"\(?[^()|\s]+\)?")

Span = tuple[int, int]


@dataclass(frozen=True)
class Mention:
    """A gold mention: its character span, its concept (chain) and its annotation type."""

    start: int
    end: int
    concept: str
    kind: str  # ACTOR, ACTOR-I, COUNTRY, GROUP, EVENT, ACTION, OBJECT, MISC or PROPERTY


@dataclass
class Document:
    id: str  # "0_L": event 0, outlet L
    text: str = ""
    tokens: dict[tuple[int, int], Span] = field(default_factory=dict)  # (sentence, token)
    concepts: list[Mention] = field(default_factory=list)
    properties: list[Mention] = field(default_factory=list)
    unplaced_properties: int = 0

    @property
    def event(self) -> str:
        return self.id.split("_")[0]


# ------------------------------------------------------------------ texts


def paragraph_text(tokens: Sequence[str]) -> tuple[str, list[Span]]:
    """One paragraph's tokens joined as written, with each token's span in it."""
    out: list[str] = []
    spans: list[Span] = []
    length = 0
    glue_next = False
    double_open = False
    single_open = False
    for token in tokens:
        space = " " if out else ""
        glue = True
        if token == '"':
            glue = double_open
            glue_next = not double_open
            double_open = not double_open
        elif token in {"‘", "“"}:
            glue, glue_next = False, True
            single_open = single_open or token == "‘"
        elif token in {"’", "”"}:
            glue_next = False
            single_open = single_open and token != "’"
        elif token == "'":
            possessive = not single_open and bool(out) and out[-1].endswith("s")
            if possessive or single_open:
                glue_next = False
                single_open = single_open and possessive
            else:
                glue, glue_next, single_open = False, True, True
        elif token == "-" and out:
            glue_next = True
        else:
            glue = not out or glue_next or bool(_NO_SPACE_BEFORE.match(token))
            glue_next = token in _NO_SPACE_AFTER
        piece = token if glue or not space else space + token
        out.append(piece)
        start = length + len(piece) - len(token)
        spans.append((start, start + len(token)))
        length += len(piece)
    return "".join(out), spans


def load_documents(shared: Path) -> dict[str, Document]:
    """Every NewsWCL50 article by id, rebuilt, with its concept mentions (no properties)."""
    rows: dict[str, list[list[tuple[int, int, str, str]]]] = defaultdict(lambda: [[]])
    for line in (shared / CONLL).read_text("utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 4 or line.startswith("#"):
            continue
        document, token = parts[0].split("/")[-1], parts[3]
        paragraphs = rows[document]
        if "\n" in token or token.strip() == "\\n":
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        if token.strip():
            chain = parts[4].strip() if len(parts) > 4 else "-"
            paragraphs[-1].append((int(parts[1]), int(parts[2]), token.strip(), chain))
    return {name: _document(name, paragraphs) for name, paragraphs in rows.items()}


def _document(name: str, paragraphs: list[list[tuple[int, int, str, str]]]) -> Document:
    document = Document(name)
    texts = []
    offset = 0
    marks: list[tuple[Span, str]] = []
    for paragraph in (p for p in paragraphs if p):
        text, spans = paragraph_text([token for _, _, token, _ in paragraph])
        for (sentence, number, _, chain), (start, end) in zip(paragraph, spans, strict=True):
            span = (offset + start, offset + end)
            document.tokens[(sentence, number)] = span
            marks.append((span, chain))
        texts.append(text)
        offset += len(text) + 2
    document.text = "\n\n".join(texts)
    document.concepts = list(_chains(marks))
    return document


def _chains(marks: list[tuple[Span, str]]) -> Iterator[Mention]:
    """Mentions from the chain column: "(c" opens, "c)" closes, "(c)" is one token."""
    open_at: dict[str, list[int]] = defaultdict(list)
    for (start, end), field_text in marks:
        if field_text in {"", "-"}:
            continue
        for mark in _CHAIN_MARK.findall(field_text):
            chain = mark.strip("()")
            if mark.startswith("("):
                open_at[chain].append(start)
            if mark.endswith(")") and open_at[chain]:
                yield Mention(open_at[chain].pop(), end, chain, chain.rsplit("_", 1)[-1])


def texts(shared: Path) -> dict[str, str]:
    """NewsWCL50 article texts by document id ("0_L")."""
    return {name: document.text for name, document in load_documents(shared).items()}


# ------------------------------------------------------------------ property mentions


def add_properties(shared: Path, documents: dict[str, Document]) -> None:
    """Place the PROPERTY annotations of ``Annotations.csv`` on the rebuilt texts."""
    with (shared / ANNOTATIONS).open(encoding="utf-8-sig") as handle:
        next(handle)  # "sep=,"
        rows = [row for row in csv.DictReader(handle) if row["code_type"] == "PROPERTY"]
    rows.sort(key=lambda r: (_number(r["paragraph"]), _number(r["sentence"]), _number(r["start"])))
    used: dict[str, set[int]] = defaultdict(set)
    folded = {name: _folded(document.text) for name, document in documents.items()}
    for row in rows:
        name = f"{row['event_id']}_{row['publisher_id']}"
        document = documents.get(name)
        if document is None:
            continue
        span = _find(folded[name], row["code_mention"], used[name])
        if span is None:
            document.unplaced_properties += 1
            continue
        concept = row["target_concept"] or row["code_name"]
        document.properties.append(Mention(span[0], span[1], concept, "PROPERTY"))


def _number(text: str) -> int:
    return int(text) if text.strip().isdigit() else 0


def _folded(text: str) -> tuple[str, list[int]]:
    """Letters and digits of a text, lower-cased, with the position each comes from."""
    kept = [(ch.lower(), i) for i, ch in enumerate(text) if ch.isalnum()]
    return "".join(ch for ch, _ in kept), [i for _, i in kept]


def _find(folded: tuple[str, list[int]], words: str, used: set[int]) -> Span | None:
    letters, positions = folded
    wanted = "".join(ch.lower() for ch in words if ch.isalnum())
    if not wanted:
        return None
    at = letters.find(wanted)
    while at >= 0 and at in used:
        at = letters.find(wanted, at + 1)
    if at < 0:
        return None
    used.add(at)
    return positions[at], positions[at + len(wanted) - 1] + 1
