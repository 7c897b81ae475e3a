"""Read each article: sentences, entities, times, figures, quotes, framing and facts.

``read_many`` parses all texts with ``nlp.pipe`` (the only parallel step), runs
the readers on each parsed text, then merges entity name variants across all
articles so every reading uses the same canonical names.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from triangulate.core.words import lemma_pairs
from triangulate.models import (
    Article,
    Entity,
    Event,
    Evidence,
    Fact,
    FramingMarker,
    Quantity,
    Quote,
    Reading,
    Sentence,
    TimeExpression,
)
from triangulate.nlp.language import load_nlp
from triangulate.readers.entities import EntityIndex, find_entities, merge_entities
from triangulate.readers.events import find_events
from triangulate.readers.facts import find_facts
from triangulate.readers.framing import find_framing
from triangulate.readers.published import publication_of
from triangulate.readers.quantities import find_quantities
from triangulate.readers.quotes import find_quotes
from triangulate.readers.sentences import find_sentences
from triangulate.readers.times import find_times

READER_VERSION = "4"  # 3: lemmas; 4: events, voices of framing markers, speakers
Record = TypeVar("Record")


def _as_date(iso: str | None) -> datetime.date | None:
    if not iso:
        return None
    try:
        return datetime.date.fromisoformat(iso[:10])
    except ValueError:
        return None


def read_parsed(article: Article, doc: Doc) -> Reading:
    """The reading of an article whose text spaCy has already parsed."""
    publication = publication_of(article)
    published, inferred = publication.date, publication.inferred
    text, article_id = article.text, article.id
    entities = find_entities(doc, article_id)
    index = EntityIndex.of(entities)
    times = find_times(text, article_id, _as_date(published))
    quantities = find_quantities(text, article_id, doc)
    quotes = find_quotes(doc, index, article_id)
    return Reading(
        article=article_id,
        version=READER_VERSION,
        published=published,
        published_inferred=inferred,
        sentences=tuple(find_sentences(doc, article_id)),
        entities=tuple(entities),
        times=tuple(times),
        quantities=tuple(quantities),
        quotes=tuple(quotes),
        framing=tuple(find_framing(text, article_id, article.title, quotes)),
        facts=tuple(find_facts(doc, article_id, index, times, quantities)),
        events=tuple(find_events(doc, article_id, entities, times)),
        lemmas=lemma_pairs((token.text, token.lemma_) for token in doc if token.is_alpha),
    )


def read_article(article: Article, nlp: Language | None = None) -> Reading:
    """Read one article (entity names merged within the article only)."""
    pipeline = nlp if nlp is not None else load_nlp()
    return read_parsed(article, pipeline(article.text))


def read_many(
    articles: Sequence[Article], n_process: int = 1, batch_size: int = 32
) -> list[Reading]:
    """Read several articles, then give each entity one canonical name across all of them."""
    nlp = load_nlp()
    texts = (article.text for article in articles)
    docs = nlp.pipe(texts, n_process=n_process, batch_size=batch_size)
    readings = [read_parsed(article, doc) for article, doc in zip(articles, docs, strict=True)]
    return merge_across(readings)


def merge_across(readings: Sequence[Reading]) -> list[Reading]:
    """Readings whose entity canonicals are merged over all the given readings."""
    mapping = merge_entities(entity for reading in readings for entity in reading.entities)
    return [_renamed(reading, mapping) for reading in readings]


def _renamed(reading: Reading, mapping: Mapping[str, str]) -> Reading:
    renames: dict[str, str] = {}
    # An entity's longest mention decides its name across articles: a bare surname means
    # the article's own bearer of it, whoever bears that surname elsewhere.
    for entity in sorted(reading.entities, key=lambda e: len(e.evidence.text.split())):
        renames[entity.canonical] = mapping.get(entity.evidence.text, entity.canonical)

    def rename(name: str | None) -> str | None:
        return renames.get(name, name) if name is not None else None

    def names(values: Iterable[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(renames.get(value, value) for value in values))

    entities = tuple(
        dataclasses.replace(e, canonical=renames.get(e.canonical, e.canonical))
        for e in reading.entities
    )
    quotes = tuple(dataclasses.replace(q, speaker=rename(q.speaker)) for q in reading.quotes)
    framing = tuple(dataclasses.replace(m, speaker=rename(m.speaker)) for m in reading.framing)
    facts = tuple(
        dataclasses.replace(
            fact,
            subject=rename(fact.subject),
            object=rename(fact.object),
            places=names(fact.places),
            entities=names(fact.entities),
        )
        for fact in reading.facts
    )
    events = tuple(
        dataclasses.replace(event, participants=names(event.participants))
        for event in reading.events
    )
    return dataclasses.replace(
        reading, entities=entities, quotes=quotes, framing=framing, facts=facts, events=events
    )


# ---------------------------------------------------------------- JSON contract


def _span_json(evidence: Evidence) -> dict[str, Any]:
    return {"text": evidence.text, "start": evidence.start, "end": evidence.end}


def _record_json(record: Any) -> dict[str, Any]:
    """Evidence flattened into text/start/end, then every other field of the record."""
    data = _span_json(record.evidence)
    for field in dataclasses.fields(record):
        if field.name != "evidence":
            data[field.name] = getattr(record, field.name)
    return data


def _quote_json(quote: Quote) -> dict[str, Any]:
    data = _record_json(quote)
    spoken = data.pop("speaker_evidence")
    data["speaker_span"] = _span_json(spoken) if spoken is not None else None
    return data


def _fact_json(fact: Fact) -> dict[str, Any]:
    data = _record_json(fact)
    data["times"] = [_record_json(time) for time in fact.times]
    data["quantities"] = [_record_json(quantity) for quantity in fact.quantities]
    data["places"] = list(fact.places)
    data["entities"] = list(fact.entities)
    return data


def _event_json(event: Event) -> dict[str, Any]:
    data = _span_json(event.evidence)
    data["clause"] = _span_json(event.clause)
    data["telling"] = [_span_json(piece) for piece in event.telling]
    data["time"] = _record_json(event.time) if event.time is not None else None
    data["participants"] = list(event.participants)
    data["reporting"] = event.reporting
    data["tense"] = event.tense
    return data


def reading_to_json(reading: Reading) -> dict[str, Any]:
    """One JSON object per article, as the CLI prints it and the store keeps it."""
    return {
        "id": reading.article,
        "version": reading.version,
        "published": reading.published,
        "published_inferred": reading.published_inferred,
        "sentences": [_span_json(sentence.evidence) for sentence in reading.sentences],
        "entities": [_record_json(entity) for entity in reading.entities],
        "times": [_record_json(time) for time in reading.times],
        "quantities": [_record_json(quantity) for quantity in reading.quantities],
        "quotes": [_quote_json(quote) for quote in reading.quotes],
        "framing": [_record_json(marker) for marker in reading.framing],
        "facts": [_fact_json(fact) for fact in reading.facts],
        "events": [_event_json(event) for event in reading.events],
        "lemmas": dict(reading.lemmas),
    }


def _evidence_from(article_id: str, data: Mapping[str, Any]) -> Evidence:
    return Evidence(article_id, int(data["start"]), int(data["end"]), str(data["text"]))


def _record_from(kind: Callable[..., Record], article_id: str, data: Mapping[str, Any]) -> Record:
    values = {
        field.name: data[field.name]
        for field in dataclasses.fields(kind)  # type: ignore[arg-type]
        if field.name != "evidence" and field.name in data
    }
    values["evidence"] = _evidence_from(article_id, data)
    return kind(**values)


def _quote_from(article_id: str, data: Mapping[str, Any]) -> Quote:
    spoken = data.get("speaker_span")
    fields = {key: value for key, value in data.items() if key != "speaker_span"}
    quote = _record_from(Quote, article_id, fields)
    speaker_evidence = _evidence_from(article_id, spoken) if spoken else None
    return dataclasses.replace(quote, speaker_evidence=speaker_evidence)


def _fact_from(article_id: str, data: Mapping[str, Any]) -> Fact:
    fact = _record_from(Fact, article_id, data)
    return dataclasses.replace(
        fact,
        times=tuple(_record_from(TimeExpression, article_id, t) for t in data.get("times", [])),
        quantities=tuple(_record_from(Quantity, article_id, q) for q in data.get("quantities", [])),
        places=tuple(data.get("places", [])),
        entities=tuple(data.get("entities", [])),
    )


def _event_from(article_id: str, data: Mapping[str, Any]) -> Event:
    time = data.get("time")
    return Event(
        evidence=_evidence_from(article_id, data),
        clause=_evidence_from(article_id, data["clause"]),
        telling=tuple(_evidence_from(article_id, piece) for piece in data["telling"]),
        time=_record_from(TimeExpression, article_id, time) if time else None,
        participants=tuple(data.get("participants", [])),
        reporting=bool(data.get("reporting", False)),
        tense=str(data.get("tense", "past")),
    )


def reading_from_json(data: Mapping[str, Any]) -> Reading:
    """The reading a :func:`reading_to_json` object was made from."""
    article_id = str(data["id"])
    return Reading(
        article=article_id,
        version=str(data.get("version", READER_VERSION)),
        published=data.get("published"),
        published_inferred=bool(data.get("published_inferred", False)),
        sentences=tuple(Sentence(_evidence_from(article_id, s)) for s in data["sentences"]),
        entities=tuple(_record_from(Entity, article_id, e) for e in data["entities"]),
        times=tuple(_record_from(TimeExpression, article_id, t) for t in data["times"]),
        quantities=tuple(_record_from(Quantity, article_id, q) for q in data["quantities"]),
        quotes=tuple(_quote_from(article_id, q) for q in data["quotes"]),
        framing=tuple(_record_from(FramingMarker, article_id, m) for m in data["framing"]),
        facts=tuple(_fact_from(article_id, f) for f in data["facts"]),
        events=tuple(_event_from(article_id, e) for e in data.get("events", [])),
        lemmas=tuple(sorted(data.get("lemmas", {}).items())),
    )
