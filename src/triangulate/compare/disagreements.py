"""Disagreements about people and organisations in aligned statements.

A person or an organisation named differently in the same role by two aligned sentences
("police chief A. Brandt" / "police chief M. Lindholm", "the accounting firm Brell Partners"
/ "the accounting firm Varna Audit") is a disagreement about who it was; one name
written two ways in linked sentences ("Dmitri Halvorsen" / "Dmitry Halvorsen") is shown as
a spelling, most likely of one person. Figures, ages and dates are linked in ``link.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from functools import lru_cache

from triangulate.compare.statements import Statement
from triangulate.core.sources import Sources, independent_sources, keyed
from triangulate.core.spans import holds
from triangulate.models import Article, Claim, Entity, Evidence, Reading, Side

ROLE_WORDS = 3  # words before a name that can give its role ("general manager")
ROLE_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "said",
        "says",
        "and",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        ",",
        ".",
        "'",
        "s",
        # prepositions end a role phrase: "appear before", "over time" are no roles
        "before",
        "after",
        "from",
        "into",
        "against",
        "about",
        "over",
        "under",
        "near",
        "than",
        "as",
        "between",
        "through",
        "during",
        "without",
        "within",
    ]
)
ROLE_BREAK = re.compile(r"[,;:()\[\]\"\u201c\u201d]")
# the dot between two initials, spaced or not ("A. J.", "A . J ."): the next initial is a
# letter standing alone, not the first letter of a word or of "O'Dell"
INITIALS_DOT = re.compile(r"(?<=\b[A-Za-z])\s*\.\s*(?=[A-Za-z](?![\w'’]))")
_TOKEN = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*\.?")


# ---------------------------------------------------------------- figures


# ---------------------------------------------------------------- ages


# ---------------------------------------------------------------- names in one role


def role_before(text: str, start: int) -> str:
    """The words right before a name, up to three and none a function word: its role
    ("Harbour police chief A. Brandt"); "a rescue of A. Smith" gives no role."""
    before = text[max(0, start - 60) : start]
    if before and not before[-1].isspace():
        return ""  # "manager's", "(A. Smith": not a title right before the name
    before = ROLE_BREAK.split(before)[-1]  # a role never runs across a comma or a quote
    words = [w.lower().strip(".") for w in _TOKEN.findall(before)]
    role: list[str] = []
    for word in reversed(words[-ROLE_WORDS:]):
        if word in ROLE_STOP or not word.isalpha():
            break
        role.insert(0, word)
    return " ".join(role)


Clash = tuple[Statement, Statement, str, str, str, str]  # a, b, name, other name, role, label


def name_clashes(
    statements: Sequence[Statement], readings: Sequence[Reading], aligned: Iterable[tuple[int, int]]
) -> list[Clash]:
    """(statement, statement, name, other name, role) for two people, or two organisations,
    named in one role ("police chief A. Brandt" / "police chief M. Lindholm", "the accounting
    firm Brell Partners" / "the accounting firm Varna Audit")."""
    named = {r.article: [e for e in r.entities if e.label in ("PERSON", "ORG")] for r in readings}
    # each statement's roles read once: a statement is linked to many others
    read: dict[int, tuple[dict[str, tuple[str, str]], dict[str, str]]] = {}

    def roles_of(statement: Statement) -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
        if statement.index not in read:
            roles = _roles(statement, named.get(statement.article, []))
            read[statement.index] = (roles, _written_roles(statement, named, roles))
        return read[statement.index]

    # each article's people and organisations as it names them anywhere, by their whole
    # name and by its last word (a person's surname; the tagger may take a person for an
    # organisation in one sentence and not in another)
    holders = {
        article: {key for e in entities for key in _name_and_last_word(e.canonical)}
        for article, entities in named.items()
    }

    found: list[Clash] = []
    for i, j in aligned:
        a, b = statements[i], statements[j]
        (roles_a, written_a), (roles_b, written_b) = roles_of(a), roles_of(b)
        for role, (name, label) in roles_a.items():
            other, other_label = roles_b.get(role, ("", ""))
            if not other or other_label != label or other in a.names | {name}:
                continue
            if written_a.get(role) == written_b.get(role):
                continue  # one name as written, read as two people: a reading slip
            if _holder_key(other, label) in holders.get(a.article, ()) or _holder_key(
                name, label
            ) in holders.get(b.article, ()):
                # a source that names the other holder too tells of two people (two
                # deputy prosecutors of one trial, a suspect and a victim of one age), or
                # of one person by a short first name ("Ted" / "Theodore" <surname>)
                continue
            different = _different_names if label == "ORG" else _different_people
            if different(name, other):
                found.append((a, b, name, other, role, label))
    return found


def name_key(name: str) -> tuple[str, ...]:
    """A name's words without case, dots or initials' spacing: "A. J. Brandt" = "AJ Brandt"
    = "A . J . Brandt" (a tokenised text spaces the dots too); an initial before a surname
    with an apostrophe stays a word of its own ("J. O'Dell" is no "JO'Dell")."""
    words = INITIALS_DOT.sub("", name).replace(".", " ").split()
    return tuple(w.lower() for w in words)


def _name_and_last_word(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A name's key (``name_key``) whole and its last word alone."""
    key = name_key(name)
    return key, key[-1:]


def _holder_key(name: str, label: str) -> tuple[str, ...]:
    """A person by surname (the last word of the name), an organisation by its whole name."""
    key = name_key(name)
    return key[-1:] if label == "PERSON" else key


def _different_people(a: str, b: str) -> bool:
    """Two full names that cannot be the same name written twice."""
    first, second = name_key(a), name_key(b)
    if len(first) < 2 or len(second) < 2 or first == second:
        return False
    if set(first) <= set(second) or set(second) <= set(first):
        return False
    return not spelled_alike(" ".join(first), " ".join(second))


def _written_roles(
    statement: Statement, named: dict[str, list[Entity]], roles: dict[str, tuple[str, str]]
) -> dict[str, str]:
    """Role -> the name as the sentence writes it (lower case)."""
    span = statement.evidence
    written = {}
    for entity in named.get(statement.article, []):
        inside = holds(span, entity.evidence)
        role = role_before(span.text, entity.evidence.start - span.start) if inside else ""
        if role in roles:
            written[role] = entity.evidence.text.lower()
    return written


def _different_names(a: str, b: str) -> bool:
    """Two organisation names that share no word and are not one name spelled two ways."""
    first, second = name_key(a), name_key(b)
    if not first or not second or set(first) & set(second):
        return False
    return not spelled_alike(" ".join(first), " ".join(second))


def spelled_alike(a: str, b: str) -> bool:
    """One name spelled two ways ("Vik", "Vick"): at most two letters apart."""
    if abs(len(a) - len(b)) > 2:
        return False
    if (Counter(a) - Counter(b)).total() + (Counter(b) - Counter(a)).total() > 4:
        return False  # each edit changes the letters' counts by two at most
    return edit_distance(a, b) <= 2


def edit_distance(a: str, b: str) -> int:
    """Letters to insert, delete or change to make ``a`` into ``b`` (Levenshtein)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def _roles(statement: Statement, named: Sequence[Entity]) -> dict[str, tuple[str, str]]:
    """Role phrase -> (canonical name, label), for people and organisations named after a
    role of two words or more in this sentence."""
    sentence = statement.evidence
    found = {}
    for entity in named:
        if holds(sentence, entity.evidence):
            offset = entity.evidence.start - sentence.start
            role = role_before(sentence.text, offset)
            if len(role.split()) >= 2 and role.replace(" ", "").isalpha():
                found[role] = (entity.canonical, entity.label)
    return found


# ---------------------------------------------------------------- claims


def _side(display: str, evidence: Sequence[Evidence], value: object) -> Side:
    articles = tuple(dict.fromkeys(e.article for e in evidence))
    return Side(value=value, display=display, articles=articles, evidence=tuple(evidence))


def name_claims(
    clashes: Sequence[Clash], articles: Sequence[Article] | Sources[Article]
) -> list[Claim]:
    """One conflict per role: each way of naming its holder is a side ("A.J. Brandt" and
    "AJ Brandt" are one name written twice)."""
    articles = keyed(articles)  # each claim counts its sources among them
    by_role: dict[str, dict[tuple[str, ...], tuple[str, list[Evidence]]]] = {}
    written_role: dict[str, str] = {}
    organisations = set()
    for a, b, name, other, role, label in clashes:
        written_role.setdefault(role, _as_written(role, a.text))
        if label == "ORG":
            organisations.add(role)
        names = by_role.setdefault(role, {})
        for person, statement in ((name, a), (other, b)):
            _, evidence = names.setdefault(name_key(person), (person, []))
            if statement.evidence not in evidence:
                evidence.append(statement.evidence)
    claims = []
    for role, names in by_role.items():
        sides = tuple(_side(person, evidence, person) for person, evidence in names.values())
        parts = [
            f"{person} ({', '.join(sorted(_sources_of(ev, articles)))})"
            for person, ev in names.values()
        ]
        shown = written_role[role]
        reason = f"{' and '.join(parts)} are named as the {shown} in the same account."
        about = f"Which {shown}" if role in organisations else f"Who the {shown} was"
        claims.append(Claim("", about, "conflict", reason, sides, 0.6, kind="role"))
    return claims


def _as_written(role: str, text: str) -> str:
    """The role as the sentence writes it ("Harbour police chief"), else as given."""
    pattern = r"\b" + r"\W+".join(re.escape(word) for word in role.split()) + r"\b"
    found = re.search(pattern, text, re.IGNORECASE)
    return found.group(0) if found else role


def spelling_claims(
    statements: Sequence[Statement],
    readings: Sequence[Reading],
    linked: Iterable[tuple[int, int]],
    articles: Sequence[Article] | Sources[Article],
) -> list[Claim]:
    """One name written two ways in linked sentences of different sources ("Dmitri
    Halvorsen", "Dmitry Halvorsen"): worth showing, and said to be likely one person.

    Each way of writing it is a side holding every source that writes it (the first
    sentence that does), so a source writing both is on both sides; the name most sources
    write comes first and heads the claim. A name every source also writes the usual way is
    a slip, not a spelling the sources differ on."""
    articles = keyed(articles)  # each claim counts its sources among them
    people = {r.article: [e for e in r.entities if e.label == "PERSON"] for r in readings}
    names = [_written_names(s, people.get(s.article, [])) for s in statements]  # each once
    variants = _Groups()
    alike = _Variants()
    for i, j in linked:
        for first in names[i]:
            for second in names[j]:
                if alike(first, second):
                    variants.join(_ends(first), _ends(second))
    written = _first_writings(statements, names)
    claims = []
    for ways in variants.in_order():
        surnames = Counter(ends[1] for ends in ways)
        found = {
            # a surname written alone tells a way apart only when no other way shares it
            ends: _with_surname(written, ends) if surnames[ends[1]] == 1 else written[ends]
            for ends in ways
            if ends in written
        }
        claim = _spelling_claim(found, articles) if len(found) > 1 else None
        if claim is not None:
            claims.append(claim)
    return claims


def _ends(name: str) -> tuple[str, str]:
    ends = name_ends(name)
    assert ends is not None  # a variant is a full name
    return ends


class _Groups:
    """Ways of writing one name, joined pair by pair: two ways join the group holding
    either (their groups merge), and the groups come out in the order they were last
    joined to. Each way's group is looked up, not searched for among all the groups, so
    joining costs the same however many groups there are."""

    def __init__(self) -> None:
        self._group_of: dict[tuple[str, str], int] = {}
        self._members: dict[int, set[tuple[str, str]]] = {}  # by the time last joined to
        self._time = 0

    def join(self, first: tuple[str, str], second: tuple[str, str]) -> None:
        self._time += 1
        merged = {first, second}
        for way in (first, second):
            touched = self._group_of.get(way)
            if touched is not None and touched in self._members:
                merged |= self._members.pop(touched)
        self._members[self._time] = merged
        for way in merged:
            self._group_of[way] = self._time

    def in_order(self) -> list[set[tuple[str, str]]]:
        return [self._members[time] for time in sorted(self._members)]


Writings = dict[tuple[str, str], dict[str, tuple[str, Evidence]]]


def _first_writings(statements: Sequence[Statement], names: Sequence[list[str]]) -> Writings:
    """Name ends -> article -> (the name as written, the first sentence writing it); a
    surname written alone ("rescue Vick") under ("", surname). ``names``: the people each
    statement names, as written."""
    found: Writings = {}
    for statement, written in zip(statements, names, strict=True):  # in article order
        for name in written:
            key = name_key(name)
            ends = name_ends(name) or (("", key[0]) if len(key) == 1 else None)
            if ends is not None:
                per_article = found.setdefault(ends, {})
                per_article.setdefault(statement.article, (name, statement.evidence))
    return found


def _with_surname(written: Writings, ends: tuple[str, str]) -> dict[str, tuple[str, Evidence]]:
    """The articles writing a full name, and those writing its surname alone that way."""
    found = dict(written[ends])
    for article, surname in written.get(("", ends[1]), {}).items():
        found.setdefault(article, surname)
    return found


def _written_names(statement: Statement, people: Sequence[Entity]) -> list[str]:
    span = statement.evidence
    return [p.evidence.text for p in people if holds(span, p.evidence)]


class _Variants:
    """Whether two names as written are spelling variants: two full names a letter or two
    apart that are not one name with more or fewer parts (a middle name, a generational
    suffix, a title: :func:`name_ends`). Asked of the names of sentence after linked
    sentence: each two names are compared once, each name's ends and words found once, and
    each two ends' spellings compared once ("Jonas Vik" and "Jonas E. Vik" have one ends)."""

    def __init__(self) -> None:
        self._pairs: dict[tuple[str, str], bool] = {}
        self._names: dict[str, tuple[tuple[str, str] | None, frozenset[str]]] = {}
        self._alike: dict[tuple[tuple[str, str], tuple[str, str]], bool] = {}
        self.compared = 0  # spellings of two names' ends compared (each two ends' once)

    def __call__(self, first: str, second: str) -> bool:
        found = self._pairs.get((first, second))
        if found is None:
            found = self._pairs[(first, second)] = self._variants(first, second)
        return found

    def _name(self, name: str) -> tuple[tuple[str, str] | None, frozenset[str]]:
        found = self._names.get(name)
        if found is None:
            found = self._names[name] = (name_ends(name), frozenset(name_key(name)))
        return found

    def _variants(self, first: str, second: str) -> bool:
        (a, words_a), (b, words_b) = self._name(first), self._name(second)
        if a is None or b is None or a == b:
            return False
        if (words_a and words_a <= words_b) or (words_b and words_b <= words_a):
            return False
        alike = self._alike.get((a, b))
        if alike is None:
            self.compared += 1
            alike = self._alike[(a, b)] = spelled_alike(" ".join(a), " ".join(b))
        return alike


def name_ends(name: str) -> tuple[str, str] | None:
    """(first name, surname) of a full name, without a title before it ("Dr", "Mr") or a
    generational suffix after it ("III", "Jr"): the parts that tell one person's name
    from another's, a middle name left out; None for a single name."""
    words = list(name_key(name))
    while words and words[0] in NAME_TITLES:
        words = words[1:]
    while words and words[-1] in NAME_SUFFIXES:
        words = words[:-1]
    return (words[0], words[-1]) if len(words) >= FULL_NAME_WORDS else None


NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
NAME_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "rev", "lord"})
FULL_NAME_WORDS = 2  # a name written in two or more words is a full name


def _spelling_claim(found: Writings, articles: Sources[Article]) -> Claim | None:
    """The sides, the most widely written way first; None when every source writing
    another way also writes that one."""
    ordered = sorted(
        found.values(), key=lambda per: (-len(_sources_of(_evidence(per), articles)), _first(per))
    )
    usual = set(ordered[0])
    if all(set(per) <= usual for per in ordered[1:]):
        return None
    shown = [(_shown(per), _evidence(per)) for per in ordered]
    sides = tuple(_side(name, evidence, name) for name, evidence in shown)
    parts = [
        f"\u201c{name}\u201d ({', '.join(sorted(_sources_of(ev, articles)))})" for name, ev in shown
    ]
    reason = (
        f"{' and '.join(parts)} spell one name differently in linked sentences: "
        "most likely one person, named two ways."
    )
    return Claim(
        "", f"Spelling of the name {shown[0][0]}", "conflict", reason, sides, 0.6, kind="spelling"
    )


def _evidence(per_article: dict[str, tuple[str, Evidence]]) -> list[Evidence]:
    return [evidence for _, evidence in per_article.values()]


def _first(per_article: dict[str, tuple[str, Evidence]]) -> tuple[str, int]:
    return min((e.article, e.start) for _, e in per_article.values())


def _shown(per_article: dict[str, tuple[str, Evidence]]) -> str:
    """The way most of its articles write the name ("Jonas Vik" over "Jonas Vik III")."""
    names = [" ".join(name.split()) for name, _ in per_article.values()]
    counts = Counter(name for name in names if len(name.split()) >= FULL_NAME_WORDS)
    return max(counts, key=lambda name: (counts[name], -len(name)))


def _sources_of(evidence: Sequence[Evidence], articles: Sources[Article]) -> set[str]:
    return set(independent_sources([e.article for e in evidence], articles))


def usual_spellings(claims: Iterable[Claim]) -> dict[str, str]:
    """Each less written way of a name the spelling claims show -> the way most sources
    write it (their first side); a surname alone too when the ways share the first name
    ("Brenick" -> "Brennick" beside "Tomas Brennick" / "Tomas Brenick")."""
    found: dict[str, str] = {}
    for claim in claims:
        if claim.kind != "spelling" or len(claim.sides) < 2:
            continue
        usual = claim.sides[0].display
        for side in claim.sides[1:]:
            found.setdefault(side.display, usual)
            ends, usual_ends = name_ends(side.display), name_ends(usual)
            if ends and usual_ends and ends[0] == usual_ends[0] and ends[1] != usual_ends[1]:
                surname, usual_surname = side.display.split()[-1], usual.split()[-1]
                if surname.lower() == ends[1] and usual_surname.lower() == usual_ends[1]:
                    found.setdefault(surname, usual_surname)
    return found


def respelled(claim: Claim, spellings: Mapping[str, str]) -> Claim:
    """A claim whose label writes a name as most sources do, when a sentence it cites surely
    writes it so (a label cut from one source's own sentence, "The ferry was steered by X", is
    not put in the others' words); a spelling claim keeps its ways, the sides the words their
    sources wrote. A statement's label is its display too."""
    if claim.kind == "spelling" or not spellings:
        return claim
    about = _respell(claim.about, spellings)
    if about == claim.about:
        return claim
    sure = [e.text for side in claim.sides for e in side.evidence if not e.tentative]
    usual = {spellings[name] for name in spellings if re.search(_whole(name), claim.about)}
    if not any(re.search(_whole(name), text) for name in usual for text in sure):
        return claim
    sides = tuple(
        replace(side, display=about) if side.display == claim.about else side
        for side in claim.sides
    )
    return replace(claim, about=about, sides=sides)


def _respell(text: str, spellings: Mapping[str, str]) -> str:
    pattern = _any_of(tuple(spellings))
    return pattern.sub(lambda found: spellings[found.group(1)], text)


@lru_cache(maxsize=16)
def _any_of(names: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern of the names as whole words, the longest first: made once for the claims
    of a comparison (joined again for each claim, it grew with the claims times the names)."""
    longest_first = sorted(names, key=len, reverse=True)
    return re.compile(_whole("|".join(re.escape(name) for name in longest_first), escaped=True))


def _whole(name: str, escaped: bool = False) -> str:
    """A pattern of the name as a whole word (or words), spaced as the text spaces it."""
    written = name if escaped else r"\s+".join(re.escape(word) for word in name.split())
    return rf"(?<![\w-])({written})(?![\w-])"
