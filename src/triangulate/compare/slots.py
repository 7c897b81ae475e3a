"""Slot claims: the people, the named places and the days several sources name.

Who took part and where it happened are facts the sources share, but only where their
sentences tell one happening: a name or a day that two sentences of different happenings
share ("<name> opened fire ..." / "<name>, who had been fired, is accused of ...") is no
fact they agree on. Each person, and each named place narrower than a town (a building, a
mountain, a road), named in full by two or more independent sources is one claim of its own
(a name ending in a firm's or an office's word, "<name> Advisors", "<county> Sheriff", is
neither). Its evidence is, per source, the first sentence naming the person or place that the
aligner links to another source's sentence naming them; a source without one is left out
(the readers have merged the names across articles, so "Anna Lund" and "Lund" are one
person). The claim is one of identity: the sources agree the person or place is part of the
story; a role the sources write where they first name them ("prime minister <name>",
"<name>, the coach", "former mayor <name>") is given in its label when two sources give it.
A role two or more independent sources give a person is itself what they state of them: each
source writing it is cited where it first names them in it, where they speak too ("..., fire
chief <name> said"), and a person the sources name only so is a claim all the same.
A day two or more sources give ("on Friday", "on 2 May") is a claim the same way when two
sources' sentences giving it are linked, citing each source's first such linked sentence (or
its first giving the day); an article without a publication date names a day of the week,
which joins the one date the dated articles give on that day of the week within a week of
one's publication.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date

from triangulate.compare.disagreements import (
    FULL_NAME_WORDS,
    name_ends,
    role_before,
    spelled_alike,
)
from triangulate.compare.statements import Statement, saying_times
from triangulate.core.dates import given_publication, value_in_words
from triangulate.core.sources import Sources, independent_sources, keyed
from triangulate.core.words import compiled_pattern, stem, word_set
from triangulate.models import Article, Claim, Entity, Evidence, Reading, Side, TimeExpression

# Nouns that give a person's role when written beside a name ("prime minister <name>",
# "<name>, the team's coach"): general news roles, singular (a role written in the plural
# names a group, not the one person).
ROLE_NOUNS = word_set(
    """suspect victim gunman shooter killer attacker assailant driver passenger pilot
    coach player manager owner president minister premier chancellor chief officer
    spokesman spokeswoman spokesperson constable sheriff undersheriff detective inspector
    sergeant lieutenant captain commander general colonel admiral prosecutor attorney lawyer
    judge mayor governor senator secretary ambassador envoy leader chairman chairwoman
    director executive founder employee worker partner receptionist actor actress singer
    star host producer writer author comedian climber guide rescuer firefighter doctor nurse
    witness resident student teacher professor priest bishop king queen prince princess
    mother father son daughter wife husband brother sister champion winner candidate nominee
    analyst official aide adviser advisor commissioner superintendent guard soldier referee
    musician journalist reporter editor photographer coroner paramedic economist diplomat
    deputy"""
)
# Words that say the role is not (or not fully) held now: "former mayor" is no mayor, and
# "acting chief" no chief, so the label keeps them
STANDING = frozenset({"former", "acting", "ex", "interim", "outgoing", "retired"})
WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEK = 7  # days: a day of the week is told of the week around the report
RECURRING = re.compile(r"\b(?:each|every)\b", re.I)
DAY_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}")
WHO_LABELS = frozenset({"PERSON"})
# Named places narrower than a town: a country or a city is the setting of most of a
# story's sentences, not a fact its sources share
WHERE_LABELS = frozenset({"FAC", "LOC"})
APPOSITION = re.compile(
    r"\s*,\s*(?:\d+\s*,\s*)?(?:the|a|an|its|his|her|their)?\s*(?P<phrase>[^,.;:()\"]{0,60})"
)
APPOSITION_WORDS = 4  # the role noun of "<name>, the team's head coach, said"
# words that make one role of the noun after them ("prime minister", "vice president")
ROLE_QUALIFIERS = frozenset(
    {"prime", "vice", "deputy", "head", "chief", "police", "fire", "foreign"}
)
# Of those, the words that name a role's office and leave its rank as it is: "police chief"
# and "chief", "head coach" and "coach" are one role told more or less fully ("deputy chief",
# "vice president" and "prime minister" are other ranks)
OFFICE_WORDS = frozenset({"police", "fire", "head"})
SPELLED_SURNAME = 5  # shorter surnames a letter apart are as often two names
# Last words of the names of firms, offices and bodies: a name ending in one is neither a
# person nor a place, whatever label the tagger gave it ("<name> Advisors", "<county>
# Sheriff's Office", "<city> Police Department")
BODY_HEADS = word_set(
    """office department inc incorporated corp corporation co company ltd llc plc llp group
    advisors advisers associates partners partnership holdings consulting consultants
    accounting agency authority council ministry committee commission bureau services
    police sheriff hospital clinic university institute foundation association firm"""
)


@dataclass(frozen=True)
class _Named:
    """Where one article first names a person or place in full."""

    statement: Statement
    entity: Entity
    role: str  # a role noun written beside the name, "" when none


def slot_claims(
    statements: Sequence[Statement],
    readings: Sequence[Reading],
    articles: Sequence[Article] | Sources[Article],
    links: Collection[tuple[int, int]] | None = None,
) -> list[Claim]:
    """One agreed claim per person or named place that two or more independent sources
    name in full, and per day two or more sources give, most widely named first.
    ``links``: the aligner's pairs of statements (indices) telling one happening; given,
    a source joins a person's or a place's claim only by a sentence naming them that is
    linked to another source's sentence naming them, and that sentence is cited; a day
    needs two sources' sentences giving it linked (two sentences that only share a day or
    a name tell different things, not one fact)."""
    articles = keyed(articles)  # each claim counts its sources among them
    claims = []
    elsewhere = _named_otherwise(readings)
    linked = _linked(links) if links is not None else None
    of_article: dict[str, list[Statement]] = {}  # each article's statements, in order
    for statement in statements:
        of_article.setdefault(statement.article, []).append(statement)
    named, titled = _merged(*_first_named(statements, readings, articles))
    for key in dict.fromkeys([*named, *titled]):
        kind, name = key
        per_article = named.get(key, {})
        firsts = list(per_article.values())
        naming = {n.statement.article for n in [*firsts, *titled.get(key, {}).values()]}
        if kind == "who" and elsewhere.get(name.casefold(), 0) > len(naming):
            continue  # more articles take it for a place or an organisation than for a person
        if linked is not None:
            firsts = _told_alike(firsts, of_article, _naming(kind, name), linked)
        firsts = _with_titles(firsts, list(titled.get(key, {}).values()))
        if len({n.statement.source for n in firsts}) >= 2:
            claims.append(_claim(kind, name, firsts, articles))
    published = {r.article: given_publication(r.published, r.published_inferred) for r in readings}
    # "officials said on Wednesday": the day something was said is no day of the event
    said = {(r.article, start) for r in readings for start in saying_times(r)}
    every = linked is not None
    for day, stating in _first_dated(statements, published, said, every).items():
        if linked is not None:
            stating = _linked_stating(stating, linked)
        if len({st.source for st in stating}) >= 2:
            claims.append(_day_claim(day, stating, articles))
    return sorted(claims, key=lambda c: -len(c.sides[0].articles))


def _linked(links: Collection[tuple[int, int]]) -> dict[int, set[int]]:
    """Statement index -> the indices of the statements linked to it."""
    found: dict[int, set[int]] = {}
    for i, j in links:
        found.setdefault(i, set()).add(j)
        found.setdefault(j, set()).add(i)
    return found


def _naming(kind: str, name: str) -> re.Pattern[str]:
    """A sentence that names a person by their full name or surname, or a place by its
    full name (the last word of a place's name, "Valley", "Street", names others too)."""
    words = name.split()
    tail = words[-1] if kind == "who" and len(words) >= 2 else name
    return compiled_pattern(rf"\b(?:{re.escape(name)}|{re.escape(tail)})\b")


def _told_alike(
    firsts: Sequence[_Named],
    of_article: dict[str, list[Statement]],
    naming: re.Pattern[str],
    linked: dict[int, set[int]],
) -> list[_Named]:
    """Each article's first sentence naming the person or place that is linked to another
    source's sentence naming it (the role read where the article first names them).
    ``of_article``: each article's statements; only those of the articles naming it are
    read (not every statement for each name: the names grow with the statements too)."""
    by_article = {n.statement.article: n for n in firsts}
    own = {
        article: [st for st in of_article.get(article, ()) if naming.search(st.text)]
        for article in by_article
    }
    naming_in = {st.index: st for naming_article in own.values() for st in naming_article}
    kept = []
    for article, first in by_article.items():
        told = _first_linked(own[article], naming_in, linked)
        if told is not None:
            kept.append(_Named(told, first.entity, first.role))
    return kept


def _first_linked(
    own: Sequence[Statement], others: dict[int, Statement], linked: dict[int, set[int]]
) -> Statement | None:
    """The first of an article's statements linked to another source's among ``others``."""
    for statement in sorted(own, key=lambda st: st.evidence.start):
        if any(
            others[j].source != statement.source
            for j in linked.get(statement.index, ())
            if j in others
        ):
            return statement
    return None


def _linked_stating(stating: Sequence[Statement], linked: dict[int, set[int]]) -> list[Statement]:
    """Per article, the first statement giving the day that is linked to another source's
    statement giving it, else its first giving it; none when no two sources' statements
    giving the day are linked (each tells another happening on that day)."""
    others = {st.index: st for st in stating}
    kept: dict[str, Statement] = {}
    for statement in stating:
        if statement.article not in kept and _first_linked([statement], others, linked):
            kept[statement.article] = statement
    if len({st.source for st in kept.values()}) < 2:
        return []
    for statement in stating:  # the day as such is shared: the others cite where they give it
        kept.setdefault(statement.article, statement)
    return list(kept.values())


def _named_otherwise(readings: Sequence[Reading]) -> Counter[str]:
    """How many articles write each name (case-folded) as something other than a person
    and never as one: the tagger's label for a name varies from article to article."""
    labels: dict[str, dict[str, set[str]]] = {}
    for reading in readings:
        for entity in reading.entities:
            for name in {entity.canonical.casefold(), entity.evidence.text.casefold()}:
                labels.setdefault(name, {}).setdefault(reading.article, set()).add(entity.label)
    return Counter(
        name
        for name, per_article in labels.items()
        for found in per_article.values()
        if not found & WHO_LABELS
    )


def _first_dated(
    statements: Sequence[Statement],
    published: dict[str, str | None],
    said: set[tuple[str, int]] = frozenset(),  # type: ignore[assignment]
    every: bool = False,
) -> dict[str, list[Statement]]:
    """Day in words -> each article's first statement that gives it (statements in article
    order), but for the days things were said on (``said``: (article, start of the time));
    ``every``: each article's every statement that gives it, in article order."""
    found: dict[str, dict[str, Statement]] = {}
    more: dict[str, list[Statement]] = {}
    for statement in statements:
        for time in statement.times:
            if (statement.article, time.evidence.start) in said:
                continue
            day = _day(time, published.get(statement.article))
            if day is not None:
                found.setdefault(day, {}).setdefault(statement.article, statement)
                more.setdefault(day, []).append(statement)
    for weekday in [day for day in found if not DAY_VALUE.fullmatch(day)]:
        same = [d for d in found if _reported_day(d, found[d], published) == weekday]
        if len(same) == 1:  # "Monday" in an undated article: the Monday dated ones report
            for article, statement in found.pop(weekday).items():
                found[same[0]].setdefault(article, statement)
            more[same[0]].extend(more.pop(weekday))
    if every:
        return {
            value_in_words(day) if DAY_VALUE.fullmatch(day) else day: list(dict.fromkeys(more[day]))
            for day in found
        }
    return {
        value_in_words(day) if DAY_VALUE.fullmatch(day) else day: list(per_article.values())
        for day, per_article in found.items()
    }


def _reported_day(
    day: str, stating: dict[str, Statement], published: dict[str, str | None]
) -> str | None:
    """The weekday of a date that an article giving it was published within a week of (a
    day of the week a dated report tells), else None: a date of long before is no
    "Monday" an undated report could mean."""
    if not DAY_VALUE.fullmatch(day):
        return None
    near = any(_near(day, p) for p in (published.get(a) for a in stating) if p is not None)
    return WEEKDAYS[date.fromisoformat(day).weekday()] if near else None


def _day(time: TimeExpression, published: str | None) -> str | None:
    """The day a time expression written with a day's name or number gives: a date as
    written ("2 May 2031", "May 2") or a day of the week resolved near the article's
    publication date, as its date; a day of the week in an article without a publication
    date ("Friday": nothing to resolve it by), as its name. A recurring day ("every Friday")
    and a day of the week the time reader resolved far from the publication date (against
    another date of the text) give none."""
    weekday = WEEKDAY.search(time.evidence.text)
    dated = any(ch.isdigit() for ch in time.evidence.text)
    if time.granularity != "day" or RECURRING.search(time.evidence.text):
        return None
    resolved = time.value if time.anchored and time.value else ""
    if not DAY_VALUE.fullmatch(resolved):
        resolved = ""
    if dated:
        return resolved or None
    if weekday is None:
        return None  # "today", "earlier in the day": no day a reader could check
    if published is None:
        return weekday.group(1).capitalize()
    return resolved if resolved and _near(resolved, published) else None


def _near(day: str, published: str) -> bool:
    try:
        gap = date.fromisoformat(day) - date.fromisoformat(published[:10])
    except ValueError:
        return False
    return abs(gap.days) <= WEEK


def _day_claim(day: str, stating: Sequence[Statement], articles: Sources[Article]) -> Claim:
    article_ids = tuple(dict.fromkeys(st.article for st in stating))
    sources = independent_sources(article_ids, articles)
    reason = (
        f"{len(sources)} independent sources give the day {day}; each cited sentence is the "
        "first in which the source gives it."
    )
    evidence = tuple(st.evidence for st in stating)
    side = Side(value=day, display=day, articles=article_ids, evidence=evidence)
    return Claim("", f"Day: {day}", "agreed", reason, (side,), _confidence(sources), "when")


Named = dict[tuple[str, str], dict[str, _Named]]


def _merged(*maps: Named) -> tuple[Named, ...]:
    """People the readers left apart whose names differ by a middle name, a suffix or a
    letter or two of the surname ("Ana Maria Veldt", "Ana Veldte") are one person: in each
    map, each article's first naming of either, under the name more articles write (the
    names matched once over all the maps, so that one person has one name in each)."""
    sizes: dict[tuple[str, str], set[str]] = {}
    for named in maps:
        for key, per_article in named.items():
            sizes.setdefault(key, set()).update(n.statement.article for n in per_article.values())
    people = sorted((key for key in sizes if key[0] == "who"), key=lambda k: (-len(sizes[k]), k[1]))
    into: dict[tuple[str, str], tuple[str, str]] = {}
    hosts: dict[str, list[tuple[str, str]]] = {}  # by first name: one person shares it
    for key in people:
        ends = name_ends(key[1])
        if ends is None:
            continue
        same_first = hosts.setdefault(ends[0], [])
        host = next((k for k in same_first if _one_person(k[1], key[1])), None)
        if host is None:
            same_first.append(key)
        else:
            into[key] = host
    return tuple(_merged_into(named, into) for named in maps)


def _merged_into(named: Named, into: dict[tuple[str, str], tuple[str, str]]) -> Named:
    merged: Named = {}
    for key, per_article in named.items():
        target = merged.setdefault(into.get(key, key), {})
        for place, found in per_article.items():
            if (
                place not in target
                or found.entity.evidence.start < target[place].entity.evidence.start
            ):
                target[place] = found
    return merged


def _one_person(first: str, second: str) -> bool:
    a, b = name_ends(first), name_ends(second)
    if a is None or b is None or a[0] != b[0]:
        return False
    if a[1] == b[1]:
        return True
    return min(len(a[1]), len(b[1])) >= SPELLED_SURNAME and spelled_alike(a[1], b[1])


def _with_titles(firsts: Sequence[_Named], titled: Sequence[_Named]) -> list[_Named]:
    """A person two or more sources name in one role ("fire chief <name>", "<name>, the
    company's spokeswoman") is, in each source writing that role, cited where it first names
    them in it: the role is what those sources state of them."""
    forms = _shared_role_forms(titled)
    if not forms:
        return list(firsts)
    in_role: dict[str, _Named] = {}
    for n in sorted(titled, key=lambda n: n.entity.evidence.start):
        if n.role in forms:
            in_role.setdefault(n.statement.article, n)
    kept = [in_role.get(n.statement.article, n) for n in firsts]
    told = {n.statement.article for n in kept}
    return kept + [n for article, n in in_role.items() if article not in told]


def _first_named(
    statements: Sequence[Statement], readings: Sequence[Reading], articles: Sources[Article]
) -> tuple[Named, Named]:
    """(slot, canonical name) -> article -> where that article first names it in full; and,
    for people, where each article first names them with each role it writes beside the
    name, as the speaker of a quote too ("..., fire chief <name> said")."""
    texts = {article.id: article.text for article in articles.values()}
    by_article: dict[str, list[Statement]] = {}
    for statement in statements:
        by_article.setdefault(statement.article, []).append(statement)
    named: Named = {}
    titled: Named = {}
    for reading in readings:
        text = texts.get(reading.article)
        if text is None:
            continue
        speaking = _speaker_spans(reading)
        for entity in sorted(reading.entities, key=lambda e: e.evidence.start):
            kind = _slot(entity)
            if kind is None or len(entity.evidence.text.split()) < FULL_NAME_WORDS:
                continue
            key = (kind, entity.canonical)
            # "..., Lt. A. Smith said": it tells what they said, not who they are
            spoken = (entity.evidence.start, entity.evidence.end) in speaking
            per_article = None if spoken else named.setdefault(key, {})
            in_roles = titled.setdefault(key, {}) if kind == "who" else None
            holding = _holding(by_article.get(reading.article, []), entity.evidence)
            if holding is None:
                continue
            role = _role(text, entity, holding) if kind == "who" else ""
            if per_article is not None and reading.article not in per_article:
                per_article[reading.article] = _Named(holding, entity, role)
            if in_roles is not None and role:
                # each role the article writes beside the name, once
                place = f"{reading.article}\x00{_role_key(role)}"
                _keep_titled(in_roles, place, _Named(holding, entity, role), speaking)
    return named, titled


def _keep_titled(
    per_place: dict[str, _Named], place: str, found: _Named, speaking: set[tuple[int, int]]
) -> None:
    """Keep an article's first naming of a person in a role, one that tells of them before
    one where they only speak ("..., fire chief <name> said")."""
    known = per_place.get(place)
    if known is None or (_spoken(known, speaking) and not _spoken(found, speaking)):
        per_place[place] = found


def _spoken(named: _Named, speaking: set[tuple[int, int]]) -> bool:
    return (named.entity.evidence.start, named.entity.evidence.end) in speaking


def _speaker_spans(reading: Reading) -> set[tuple[int, int]]:
    """Where the reading names the speaker of a quote."""
    return {
        (q.speaker_evidence.start, q.speaker_evidence.end)
        for q in reading.quotes
        if q.speaker_evidence is not None
    }


def _slot(entity: Entity) -> str | None:
    last = {_last_word(entity.evidence.text), _last_word(entity.canonical)}
    if last & BODY_HEADS:
        return None  # a firm or an office: no one's name, and no place
    if entity.label in WHO_LABELS:
        return "who"
    if entity.label in WHERE_LABELS and not last & ROLE_NOUNS:
        return "where"  # "<county> Sheriff" is an office holder, not a place
    return None


def _last_word(name: str) -> str:
    """The last word of a name of two words or more, lower-cased ("Sheriff's" -> "sheriff");
    "" for a single word."""
    words = re.findall(r"[^\W\d_]+", name.lower())
    while words and words[-1] == "s":  # "Sheriff's", tokenised "Sheriff ' s"
        words = words[:-1]
    return words[-1] if len(words) >= 2 else ""


def _holding(statements: Sequence[Statement], span: Evidence) -> Statement | None:
    return next(
        (st for st in statements if st.evidence.start <= span.start < st.evidence.end), None
    )


def _role(text: str, entity: Entity, statement: Statement) -> str:
    """A role noun written right before the name ("prime minister <name>") or in an
    apposition after it ("<name>, 61, the company's founder")."""
    role = _role_phrase(role_before(text, entity.evidence.start).split())
    if role:
        standing = _standing_before(text, entity.evidence.start)
        if not standing or role.startswith(_held_so(standing, "").rstrip()):
            return role  # "former mayor" read already
        return _held_so(standing, role)
    apposition = APPOSITION.match(text, entity.evidence.end, statement.evidence.end)
    if apposition is None:
        return ""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", apposition.group("phrase"))]
    return _role_phrase(words[:APPOSITION_WORDS])


def _standing_before(text: str, start: int) -> str:
    """A word of STANDING that opens the title before a name, past the place's name the
    title may hold ("former Port Alder City mayor <name>"), else ""."""
    before = re.split(r"[,.;:\"()]", text[max(0, start - 60) : start])[-1]
    words = re.findall(r"[^\W\d_]+", before)
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in STANDING:
            rest = words[i + 1 :]
            titled = all(w[0].isupper() or w.lower() in ROLE_NOUNS | ROLE_QUALIFIERS for w in rest)
            return words[i].lower() if titled else ""
    return ""


def _held_so(standing: str, role: str) -> str:
    """A role with the word of STANDING before it: "former mayor", "ex-chairman"."""
    return f"ex-{role}" if standing == "ex" else f"{standing} {role}"


def _role_phrase(words: Sequence[str]) -> str:
    """The last role noun of some words, with the word before it when that word makes one
    role of it ("prime minister", "attorney general", "police chief")."""
    nouns = [i for i, word in enumerate(words) if word in ROLE_NOUNS]
    if not nouns:
        return ""
    last = nouns[-1]
    before = words[last - 1] if last > 0 else ""
    qualified = before in ROLE_QUALIFIERS or before in ROLE_NOUNS
    role = f"{before} {words[last]}" if qualified else words[last]
    standing = next((w for w in words[:last] if w in STANDING), "")
    return _held_so(standing, role) if standing else role


def _claim(kind: str, name: str, firsts: Sequence[_Named], articles: Sources[Article]) -> Claim:
    evidence = tuple(n.statement.evidence for n in firsts)
    article_ids = tuple(dict.fromkeys(n.statement.article for n in firsts))
    sources = independent_sources(article_ids, articles)
    role = _shared_role(firsts)
    if kind == "who":
        about = f"{name}, {role}" if role else f"Who {name} is"
        what = "the person"
    else:
        about = f"Place: {name}"
        what = "the place"
    told = f"names {what} in full" + (f", or first names them as {role}" if role else "")
    reason = (
        f"{len(sources)} independent sources name {name}; each cited sentence is where the "
        f"source first {told}"
        + (f" ({role} in {_role_count(firsts, role)} of them)." if role else ".")
    )
    side = Side(value=name, display=name, articles=article_ids, evidence=evidence)
    return Claim("", about, "agreed", reason, (side,), confidence=_confidence(sources), kind=kind)


def _shared_role(firsts: Sequence[_Named]) -> str:
    """The role two or more sources write beside the name, as written most fully ("police
    chief" over "chief"), else ""."""
    return max(sorted(_shared_role_forms(firsts)), key=len, default="")


def _shared_role_forms(firsts: Sequence[_Named]) -> frozenset[str]:
    """The forms of the role two or more sources write beside the name (the most widely
    written role): a role told more or less fully is one ("chief", "police chief"), unless
    the sources tell it fully in two ways ("fire chief", "police chief": "chief" is then
    either, and each is its own)."""
    sources: dict[str, set[str]] = {}
    for n in firsts:
        if n.role:
            sources.setdefault(n.role, set()).add(n.statement.source)
    by_key: dict[str, list[str]] = {}
    for role in sources:
        by_key.setdefault(_role_key(role), []).append(role)
    roles: list[frozenset[str]] = []
    for forms in by_key.values():
        fuller = [role for role in forms if _role_key(role) != stem(role)]
        roles.extend([frozenset({r}) for r in forms] if len(fuller) > 1 else [frozenset(forms)])
    told = [(len(set().union(*(sources[r] for r in forms))), sorted(forms)) for forms in roles]
    shared = sorted((count, forms) for count, forms in told if count >= 2)
    if not shared or (len(shared) > 1 and shared[-1][0] == shared[-2][0]):
        return frozenset()  # no role, or two roles as widely written: the sources differ
    return frozenset(shared[-1][1])


def _role_count(firsts: Sequence[_Named], role: str) -> int:
    forms = _shared_role_forms(firsts)
    return len({n.statement.source for n in firsts if n.role in forms}) if role in forms else 0


def _role_key(role: str) -> str:
    """What two sources' roles must share to be one: the role without its office words."""
    words = role.split()
    return stem(" ".join([w for w in words[:-1] if w not in OFFICE_WORDS] + words[-1:]))


def _confidence(sources: set[str]) -> float:
    """More sources naming the same person, more sure it is one of the story's facts."""
    return round(min(0.5 + 0.1 * len(sources), 0.9), 3)
