"""Named entities and the merging of their name variants into one canonical name.

Variants of a person merge on the surname, compared through a transliteration-
tolerant consonant skeleton ("Nikolaidis"/"Nikolaides", "Volkov"/"Wolkow") or an
edit distance of one on long surnames; leading titles ("Prime Minister") are
dropped.  Organisations and places merge on a normalised key ("the Ministry of
Defence" = "Defence Ministry" = "Defense Ministry"); common alternative state
names ("U.S.") map to one name.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from triangulate.core.words import word_set
from triangulate.models import Entity, Evidence

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TITLE_WORDS = word_set(
    """president vice prime minister foreign defense defence interior finance economy
    deputy secretary of state general gen gen. lt lt. col col. colonel maj maj. major capt
    capt. captain adm adm. admiral marshal field sen sen. senator rep rep. representative gov
    gov. governor mayor dr dr. mr mr. mrs mrs. ms ms. sir lord lady dame king queen prince
    princess crown sheikh emir ayatollah pope premier chancellor speaker chief justice judge
    ambassador envoy spokesman spokeswoman spokesperson leader commander lawmaker mp
    senior former acting opposition"""
)
MIN_SKELETON_NAME = 5  # shorter surnames must match exactly: too many collide
MIN_EDIT_NAME = 6
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@lru_cache(maxsize=1)
def _geo_tables() -> dict[str, dict[str, str]]:
    text = resources.files("triangulate").joinpath("data/capitals.json").read_text("utf-8")
    tables: dict[str, dict[str, str]] = json.loads(text)
    return tables


def state_of(name: str) -> str | None:
    """The state a capital or seat of government stands for ("the Elysee" -> "France")."""
    tables = _geo_tables()
    return tables["capitals"].get(name) or tables["seats_of_government"].get(name)


def is_seat_of_government(name: str) -> bool:
    """Whether a name is a seat of government ("the Kremlin", "White House")."""
    return clean_name(name) in _geo_tables()["seats_of_government"]


def is_known_place(name: str) -> bool:
    """Whether a name is a state, a capital or another usual name of a state."""
    tables = _geo_tables()
    states = set(tables["capitals"].values()) | set(tables["aliases"].values())
    return name in states or name in tables["capitals"] or name in tables["aliases"]


def state_alias(name: str) -> str | None:
    """The usual name of a state given an alternative one ("U.S." -> "United States")."""
    return _geo_tables()["aliases"].get(name)


def fold(text: str) -> str:
    """Lower case without accents, so "Nunez" and "Núñez" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def skeleton(name: str) -> str:
    """A consonant skeleton that survives the usual transliteration differences."""
    text = re.sub(r"[^a-z]", "", fold(name))
    for written, sound in (("x", "ks"), ("ph", "f"), ("ck", "k"), ("q", "k"), ("w", "v")):
        text = text.replace(written, sound)
    text = re.sub(r"[aeiouyhj]", "", text)
    return re.sub(r"(.)\1+", r"\1", text)


def edit_distance_at_most_one(first: str, second: str) -> bool:
    if abs(len(first) - len(second)) > 1:
        return False
    if len(first) > len(second):
        first, second = second, first
    for index, (a, b) in enumerate(zip(first, second, strict=False)):
        if a != b:
            skip_one = first[index:] == second[index + 1 :]
            return skip_one or first[index + 1 :] == second[index + 1 :]
    return True


def same_name_word(first: str, second: str) -> bool:
    """Whether two name words are one name in different spellings."""
    a, b = fold(first), fold(second)
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_SKELETON_NAME:
        return False
    if skeleton(a) == skeleton(b) and (len(skeleton(a)) >= 3 or a[0] == b[0]):
        return True
    return min(len(a), len(b)) >= MIN_EDIT_NAME and edit_distance_at_most_one(a, b)


def clean_name(text: str) -> str:
    """The name without a leading "the", a possessive ending or surrounding punctuation."""
    name = " ".join(text.split()).strip(" ,;:.\"“”‘’'()[]")
    if text.rstrip().endswith(".") and re.search(r"\b[A-Z]\.[A-Z]$", name):
        name += "."  # keep the final dot of "U.S."
    name = POSSESSIVE.sub("", name)
    return re.sub(r"^(?:the|The)\s+", "", name)


def person_words(text: str) -> list[str]:
    """A person's name words without leading titles ("Prime Minister Elena Nikolaidis")."""
    words = clean_name(text).split()
    while len(words) > 1 and words[0].lower() in TITLE_WORDS:
        words = words[1:]
    while len(words) > 1 and words[-1].lower().rstrip(".") in {"jr", "sr", "ii", "iii"}:
        words = words[:-1]
    return words


def organisation_key(text: str) -> str:
    """A key equal for "the Ministry of Defence" and "Defense Ministry"."""
    name = clean_name(text)
    name = state_alias(name) or state_alias("the " + name) or name
    key = fold(name).replace("defence", "defense").replace("-", " ")
    key = re.sub(r"^(.*?)\bministry of (?:the )?(.+)$", r"\1\2 ministry", key)
    return " ".join(re.sub(r"[^\w ]", "", key).split())


def display_name(text: str, label: str) -> str:
    """How a variant is shown when it is chosen as the canonical name."""
    if label == "PERSON":
        return " ".join(person_words(text))
    name = clean_name(text)
    return state_alias(name) or state_alias("the " + name) or name


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, first: str, second: str) -> None:
        root_a, root_b = self.find(first), self.find(second)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def _surname_groups(surnames: Iterable[str]) -> dict[str, str]:
    """Surname -> representative of its group of spelling variants."""
    union = _UnionFind()
    by_first: dict[str, list[str]] = defaultdict(list)
    for surname in sorted(set(surnames)):
        union.find(surname)
        by_first[skeleton(surname)[:1]].append(surname)
    for bucket in by_first.values():
        for index, first in enumerate(bucket):
            for second in bucket[index + 1 :]:
                if same_name_word(first, second):
                    union.union(first, second)
    return {surname: union.find(surname) for surname in union.parent}


def _given_names_match(first: Sequence[str], second: Sequence[str]) -> bool:
    a, b = first[0].rstrip("."), second[0].rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return fold(a)[:1] == fold(b)[:1]
    return same_name_word(a, b)


def _best_name(counts: Counter[str]) -> str:
    return min(counts, key=lambda name: (-counts[name], -len(name.split()), -len(name), name))


def _cluster_full_names(full: Counter[str]) -> list[Counter[str]]:
    clusters: list[Counter[str]] = []
    for name in sorted(full, key=lambda item: (-full[item], -len(item), item)):
        words = name.split()[:-1]
        home = next(
            (c for c in clusters if _given_names_match(_best_name(c).split()[:-1], words)), None
        )
        if home is None:
            home = Counter()
            clusters.append(home)
        home[name] += full[name]
    return clusters


def _person_canonicals(names: Counter[str]) -> dict[str, str]:
    """Person name (title-free) -> canonical full name."""
    groups = _surname_groups(name.split()[-1] for name in names)
    members: dict[str, list[str]] = defaultdict(list)
    for name in names:
        members[groups[name.split()[-1]]].append(name)
    canonical: dict[str, str] = {}
    for group in members.values():
        full = Counter({name: names[name] for name in group if len(name.split()) > 1})
        bare = Counter({name: names[name] for name in group if len(name.split()) == 1})
        clusters = _cluster_full_names(full)
        for cluster in clusters:
            canonical.update(dict.fromkeys(cluster, _best_name(cluster)))
        # a bare surname is the person of that name told most, then first ("Bertram Osk
        # stabbed ... Osk, 61, owned the building", his daughter Lena Osk named later)
        order = {name: position for position, name in enumerate(names)}
        largest = max(
            clusters, key=lambda c: (sum(c.values()), -min(order[n] for n in c)), default=None
        )
        bare_home = _best_name(largest) if largest else _best_name(bare) if bare else ""
        canonical.update(dict.fromkeys(bare, bare_home))
    return canonical


def _other_canonicals(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Variant text -> canonical for organisations, places and groups."""
    by_key: dict[str, Counter[str]] = defaultdict(Counter)
    variant_key: dict[str, str] = {}
    for text, label in pairs:
        key = organisation_key(text)
        variant_key[text] = key
        by_key[key][display_name(text, label)] += 1
    return {text: _best_name(by_key[key]) for text, key in variant_key.items()}


def _main_bearers(people: Mapping[str, str], counts: Counter[str]) -> dict[str, str]:
    """Folded surname -> the person of that surname mentioned most, then first (a bare
    "Varga" is the main bearer of the name, not whichever relative was named last)."""
    mentions: Counter[str] = Counter()
    first: dict[str, int] = {}
    for order, name in enumerate(counts):  # counts keep the order names first appear in
        canonical = people[name]
        mentions[canonical] += counts[name]
        first.setdefault(canonical, order)
    bearers: dict[str, str] = {}
    for canonical in sorted(mentions, key=lambda name: (mentions[name], -first[name])):
        bearers[fold(canonical.split()[-1])] = canonical
    return bearers


def merge_entities(readings_entities: Iterable[Entity]) -> dict[str, str]:
    """Variant text -> canonical name, over the entities of one or many articles."""
    entities = list(readings_entities)
    person_names: Counter[str] = Counter()
    person_variant: dict[str, str] = {}
    others: list[tuple[str, str]] = []
    for entity in entities:
        if entity.label == "PERSON":
            name = " ".join(person_words(entity.evidence.text))
            person_names[name] += 1
            person_variant[entity.evidence.text] = name
        else:
            others.append((entity.evidence.text, entity.label))
    people = _person_canonicals(person_names)
    mapping = _other_canonicals(others)
    by_surname = _main_bearers(people, person_names)
    for text in mapping:  # a surname the tagger took for a place or an organisation
        if " " not in clean_name(text) and not state_of(clean_name(text)):
            mapping[text] = by_surname.get(fold(clean_name(text)), mapping[text])
    mapping.update({text: people[name] for text, name in person_variant.items()})
    return mapping


def _is_filler(token: Token) -> bool:
    return token.is_punct or token.is_space


def _trimmed(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ == "the" or _is_filler(doc[start])):
        start += 1
    while end > start and (doc[end - 1].text in {"'s", "’s", "'", "’"} or _is_filler(doc[end - 1])):
        end -= 1
    return doc[start:end] if end > start else None


# Hyphens that join the parts of one name ("Seo-in", "Ruiz-Vela")
NAME_HYPHENS = frozenset({"-", "\u2010", "\u2011"})
# A name's hyphenated part is a short syllable ("Seo-in", "Min-ho"); longer words and these
# make a modifier of the name ("a Vance-led panel", "Vance-era rules", "Vance-backed")
NAME_PART_LETTERS = 4
NAME_COMPOUND_HEADS = word_set("led run era like type born free ish ite ist ism")


def _hyphen_joined(span: Span) -> Span:
    """A name the tagger ended at a hyphen inside a word ("Han Seo" of "Han Seo-in": the
    tokeniser splits the hyphen off and the tagger takes "in" for a preposition), to the
    word's end."""
    doc, end = span.doc, span.end
    if len(span) < 2:
        return span  # a surname alone ("Vance-backed") is no given name cut short
    while (
        end + 1 < len(doc)
        and not doc[end - 1].whitespace_
        and doc[end].text in NAME_HYPHENS
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        and len(doc[end + 1].text) <= NAME_PART_LETTERS
        and doc[end + 1].lower_ not in NAME_COMPOUND_HEADS
    ):
        end += 2
    return doc[span.start : end]


def _raw_entities(doc: Doc, article_id: str) -> list[Entity]:
    found = []
    for ent in doc.ents:
        span = _trimmed(ent) if ent.label_ in ENTITY_LABELS else None
        if span is not None and ent.label_ == "PERSON":
            span = _hyphen_joined(span)
        if span is not None and (span.text[:1].isupper() or span.text[:1].isdigit()):
            evidence = Evidence(article_id, span.start_char, span.end_char, span.text)
            label = "GPE" if ent.label_ == "PERSON" and is_known_place(span.text) else ent.label_
            found.append(Entity(evidence, label, span.text))
    return found


def find_entities(doc: Doc, article_id: str) -> list[Entity]:
    """Entities of the kinds the dossier uses, each with its within-article canonical name."""
    raw = _raw_entities(doc, article_id)
    mapping = merge_entities(raw)
    return [Entity(e.evidence, e.label, mapping[e.evidence.text]) for e in raw]


@dataclass(frozen=True)
class EntityIndex:
    """Entities of one article sorted by position, for speaker and subject lookups."""

    entities: tuple[Entity, ...]

    @classmethod
    def of(cls, entities: Iterable[Entity]) -> EntityIndex:
        return cls(tuple(sorted(entities, key=lambda e: (e.evidence.start, e.evidence.end))))

    @cached_property
    def _starts(self) -> list[int]:
        return [e.evidence.start for e in self.entities]

    def within(self, start: int, end: int) -> list[Entity]:
        first = bisect_left(self._starts, start)
        return [
            e for e in self.entities[first:] if e.evidence.end <= end and e.evidence.start < end
        ]

    @cached_property
    def person_names(self) -> frozenset[str]:
        return frozenset(e.canonical for e in self.entities if e.label == "PERSON")

    def containing(self, position: int) -> Entity | None:
        candidates = self.entities[: bisect_right(self._starts, position)]
        return next((e for e in reversed(candidates) if e.evidence.end > position), None)

    def last_before(self, position: int, wanted: Callable[[Entity], bool]) -> Entity | None:
        found = [e for e in self.entities if e.evidence.end <= position and wanted(e)]
        return found[-1] if found else None

    def last_person_before(self, position: int) -> Entity | None:
        return self.last_before(position, lambda e: e.label == "PERSON")
