"""Direct quotes and reported speech, each with its speaker.

A direct quote is text between quotation marks with a speech verb nearby ("X
said", "said X", "X said in a statement", a quote over several sentences).  A
quote of one to three words counts only when it is what someone said (the
object of a speech verb's clause); otherwise it is a scare-quoted label, left
to the framing reader.  Reported speech is the clause a speech verb introduces
("X said that ...", "X pointed out that ...", "the ministry announced the end
of ...") or the rest of a sentence with "according to X".

Speakers follow who is speaking, not the nearest name:

- a quote's attribution verb is the innermost speech verb whose clause spans
  it; a speech verb inside quotation marks never attributes, and climbing from
  "..., pointing out that" never takes a subject from inside reported content;
- "he"/"she" go to the subject of the clause that governs them, else to an
  earlier subject of the sentence, else to the subjects of the sentences before;
  "it"/"they" likewise to organisations and to joint subjects ("A and B said ...
  they added"); a name inside quotation marks is never an antecedent;
- "who"/"which"/"that" go to the noun their relative clause hangs on;
- a bare surname goes to the namesake just introduced speaking ("her son, Tom
  X, said ... X said"), else to the bearer the article writes in full most often;
  a bare title ("the president") to the one person the article writes with the
  same title words;
- "X's mother, Ann X, said": the speaker is the name in apposition, never the
  possessor of a kin or role noun; a name beside a role ("his lawyer, Jo X")
  is a person even when the entity tagger took it for an organisation;
- a wire dateline opening a lead is no speaker and no part of what is said;
- a capital speaks for its state ("Oslo said"), a seat of government stays the
  institution ("the White House said");
- a paragraph that opens with an unattributed quote goes on with the speaker of
  the paragraph before; an "according to X" in its sentence attributes it too.

The speaker is who speaks; the outlet carrying the quote is the article's, and a
person the quote only talks about is never its speaker.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from triangulate.core.dates import lead_datelines
from triangulate.core.words import (
    NO_ONE_DETERMINERS,
    NO_ONE_WORDS,
    PERSON_NOUNS,
    SPEECH_VERBS,
    word_set,
)
from triangulate.models import Entity, Evidence, Quote
from triangulate.nlp.language import doc_text
from triangulate.readers.entities import (
    TITLE_WORDS,
    EntityIndex,
    fold,
    is_seat_of_government,
    person_words,
    state_of,
)

PHRASAL_SPEECH = {"point": "out", "spell": "out"}  # "pointed out", "spelled out"
OBJECT_CONTENT_VERBS = word_set("announce confirm deny report acknowledge reveal admit")
SPEAKER_NOUNS = word_set(
    """official source spokesman spokeswoman spokesperson ministry minister government agency
    witness police military army authority office service president leader diplomat
    statement expert analyst resident observer commander representative"""
)
# auxiliaries of a saying yet to come or only possible ("will announce", "might announce")
PLANNED_AUXILIARIES = word_set("will would to shall might may could can should must")
# what a short quote is to the verb when it is what was said ("called it 'a failure'",
# "described them as 'guardians'": the object of the "as" phrase)
OBJECT_DEPS = frozenset({"dobj", "attr", "ccomp", "xcomp", "acomp", "oprd", "pobj", "ROOT"})
CUT_DEPS = frozenset({"appos", "relcl", "acl", "advcl"})
SINGLE_NAME_CUT_DEPS = CUT_DEPS | {"conj", "cc"}
QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "'"})
MAX_LABEL_WORDS = 3
MIN_QUOTE_WORDS_WITHOUT_VERB = 4
COVERED_SHARE = 0.8
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
UNNAMED = ""  # a pronoun's antecedent is a person the text does not name
GROUP_PRONOUNS = frozenset({"it", "they"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
DOCUMENT_NOUNS = word_set("lawsuit report newspaper agency memo letter statement")
AUTHORED_NOUNS = word_set("statement report letter memo lawsuit release communique")
# titles a full stop may cut from the name after them ("police Sgt." + ". Ana Veldt said")
CUT_TITLES = TITLE_WORDS | word_set("sgt sergeant cpl corporal insp inspector supt superintendent")
# nouns for an outlet: "the newspaper reported" speaks for the outlet named before it
OUTLET_NOUNS = word_set("newspaper paper daily broadcaster network channel magazine tabloid")
# words an outlet's name is made of ("The Valley Courier", "Harbor-Times"): "the newspaper"
# is such an organisation, not a prison or a company named before it
OUTLET_NAME_WORDS = OUTLET_NOUNS | word_set(
    """times post news herald journal tribune gazette telegraph globe press mail express star
    sun chronicle record register observer guardian independent inquirer bulletin courier
    standard review dispatch examiner monitor reporter today weekly radio tv television
    broadcasting media"""
)
# nouns for a person by kin or role: "X's mother, <name>", "his lawyer, <name>"; a
# possessor of such a noun is whom the person belongs to, never the person
ROLE_NOUNS = (
    PERSON_NOUNS
    | TITLE_WORDS
    | word_set(
        """lawyer attorney counsel prosecutor aide adviser advisor executive chairman chairwoman
        director manager founder analyst economist brother sister cousin uncle aunt nephew niece
        grandmother grandfather grandson granddaughter fiancee fiance partner friend relative
        colleague boss sheriff detective lieutenant sergeant coach official representative"""
    )
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
CLIMB_DEPS = frozenset({"advcl", "acl", "xcomp", "conj", "pcomp", "dobj", "pobj", "prep"})
DATELINES_KEY = "triangulate.lead_datelines"  # the key the event reader caches them under
WITHHOLDING_VERBS = word_set("decline refuse")  # "declined to say": nothing said
DENYING_VERBS = word_set("deny")
# verbs naming what something is ("what X called “a sham”"), and how far "what" may stand
# before one
NAMING_VERBS = word_set("call describe term dub label")
MAX_WHAT_GAP = 6
# things a speech verb may have as its subject that say nothing themselves ("the timing
# suggested", "his comments suggested", "a legal finding says"): what they "say" is the
# writer's reading of them, and no one named there speaks
THING_NOUNS = word_set(
    """fact finding case comment remark return crisis feedback estimate toll response
    reaction email file disc data evidence poll survey study result sign photo
    video image footage picture timing information regulation rule law battle day week month"""
)
# verbs a thing is as often the subject of as a person ("the data suggest"): their subject
# speaks only when it names someone or something that speaks
INFERENCE_VERBS = word_set("suggest indicate reveal predict estimate")
# nouns for people together or one of them ("his family", "the team", "the head of ...") and
# for what speaks for its author ("court records")
PEOPLE_NOUNS = word_set(
    """people group family team staff panel committee board jury court administration campaign
    party union public majority crew council coalition opposition head chief member record
    document filing"""
)
# how a noun for people who act ends: "researchers", "investigators", "activists"
AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "eer", "ee")
# words before "of" that stand for a part of what follows ("most of the questions")
PART_WORDS = frozenset({"most", "some", "many", "few", "all", "one", "none", "each", "several"})
SENTENCES_BACK = 3  # how far back a pronoun looks for the subject it stands for
MAX_CHAIN = 4  # pronoun to pronoun, clause to clause: how many steps a lookup takes

QUOTE_PATTERNS = (
    re.compile(r"“([^“”]+?)”"),
    re.compile(r"(?<![\w’'])‘([^‘’]+?)’(?![A-Za-z])"),
    re.compile(r"(?<![\w'’])'(?=[A-Za-z])([^'\n]+?)(?<=[\w.,!?])'(?![\w])"),
)


def _straight_double_quotes(text: str) -> Iterator[tuple[int, int]]:
    """Pairs of straight double quotes, paired within each paragraph."""
    offset = 0
    for paragraph in text.split("\n\n"):
        marks = [m.start() + offset for m in re.finditer('"', paragraph)]
        for opening, closing in zip(marks[::2], marks[1::2], strict=False):
            yield opening, closing + 1
        offset += len(paragraph) + 2


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation including its marks, in text order, not nested."""
    regions = list(_straight_double_quotes(text))
    for pattern in QUOTE_PATTERNS:
        regions += [(m.start(), m.end()) for m in pattern.finditer(text) if "\n\n" not in m[0]]
    regions.sort(key=lambda region: (region[0], -region[1]))
    kept: list[tuple[int, int]] = []
    for start, end in regions:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted words without the marks, white space and a trailing comma."""
    inner_start, inner_end = start + 1, end - 1
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and (
        text[inner_end - 1].isspace() or text[inner_end - 1] in ",;:"
    ):
        inner_end -= 1
    return inner_start, inner_end


def is_speech_verb(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"} or any(child.dep_ == "neg" for child in token.children):
        return False
    if _says_nothing_at_all(token):
        return False
    particle = PHRASAL_SPEECH.get(token.lemma_)
    if particle:
        return any(child.dep_ == "prt" and child.lower_ == particle for child in token.children)
    return token.lemma_ in SPEECH_VERBS and token.pos_ == "VERB"


def _says_nothing_at_all(verb: Token) -> bool:
    """A speech verb that tells no words said: said by no one ("Neither senator has
    confirmed", "No one has claimed"), declined ("declined to say"), or telling a state
    ("were reported missing", "reported dead")."""
    if verb.dep_ == "xcomp" and verb.head.lemma_ in WITHHOLDING_VERBS:
        return True
    for child in verb.children:
        if child.dep_ in {"oprd", "acomp"} and verb.lemma_ not in NAMING_VERBS:
            return True  # "calling it “very good news”" names what was said
        if child.dep_ in SUBJECT_DEPS and is_no_one(child):
            return True
    return False


def is_no_one(noun: Token) -> bool:
    """Whether a noun names nobody and nothing ("nobody", "no one", "no arrests", "neither
    side"): what a clause tells of it, it denies."""
    return noun.lower_ in NO_ONE_WORDS or any(
        c.dep_ == "det" and c.lower_ in NO_ONE_DETERMINERS for c in noun.children
    )


def _subject_of(verb: Token, quoted: Sequence[tuple[int, int]] = ()) -> Token | None:
    """The speaker token of a speech verb, climbing from "a statement saying" to its issuer.

    A climb that enters a clause which is itself reported content ("X said the deal
    was ..., pointing out that ...") goes on to the speech verb that reports it.
    """
    named_by = _what_clause_subject(verb) or _subject_taken_as_conjunct(verb)
    if named_by is not None:
        return named_by
    current: Token | None = verb
    for _ in range(MAX_CHAIN + 2):
        if current is None:
            return None
        inside = current != verb and _content_owner(current) is not None
        subjects = [child for child in current.children if child.dep_ in {"nsubj", "agent"}]
        if subjects and not inside:
            # two subjects ("..., two countries on the coast, Sinha said"): the nearer one
            # outside quotation marks speaks
            outside = [s for s in subjects if not _in_regions(s.idx, quoted)] or subjects
            here = current.i
            subject = min(outside, key=lambda s: abs(s.i - here))
            return next(iter(subject.children), subject) if subject.dep_ == "agent" else subject
        if inside:
            current = _content_owner(current)
            continue
        if current.dep_ not in CLIMB_DEPS:
            return None
        current = current.head if current.head != current else None
    return None


def _subject_noun(subject: Token) -> Token:
    """The noun a subject stands for: the one "which"/"that" hangs on ("emails that
    suggested"), the whole after a part word ("most of the questions")."""
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        subject = subject.head.head
    if subject.lower_ in PART_WORDS:
        of = next((c for c in subject.children if c.lower_ == "of"), None)
        whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if whole is not None:
            return whole
    return subject


# every noun a subject may be that names someone, or something, that speaks; built once
SPEAKING_NOUNS = (
    ROLE_NOUNS | SPEAKER_NOUNS | DOCUMENT_NOUNS | AUTHORED_NOUNS | OUTLET_NOUNS | PEOPLE_NOUNS
)


def _can_speak(noun: Token) -> bool:
    """Whether a subject names someone who may speak: a name, a pronoun, a noun for people, an
    organisation or a document that speaks for its author."""
    if noun.pos_ in {"PROPN", "PRON"} or noun.ent_type_:
        return True
    lemma = noun.lemma_.lower()
    if lemma in SPEAKING_NOUNS or lemma.endswith(AGENT_ENDINGS):
        return True
    # "The head of the team, Ana X, estimated": the name in apposition speaks
    return any(_can_speak(appos) for appos in _appositions(noun))


def _said_by_a_thing(verb: Token, subject: Token | None) -> bool:
    """ "A few questions reveal that ...", "his comments suggested he ...": the subject is a
    thing, what it "says" the writer's reading of it, and no one speaks."""
    if subject is None:
        return False
    noun = _subject_noun(subject)
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return False
    if noun.lemma_.lower() in THING_NOUNS:
        return True
    return verb.lemma_.lower() in INFERENCE_VERBS and not _can_speak(noun)


def _names_an_outlet(entity: Entity) -> bool:
    words = re.split(r"[\s-]+", entity.evidence.text.lower())
    return entity.label == "ORG" and any(word in OUTLET_NAME_WORDS for word in words)


def _subject_taken_as_conjunct(verb: Token) -> Token | None:
    """ "X denied his office dealt with Y and Z has denied meddling", parsed with Z as Y's
    conjunct and no subject for the second "denied": Z, right before the verb, says it,
    not X."""
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    first = verb.left_edge.i
    before = verb.doc[first - 1] if first > verb.sent.start else None
    if before is None or before.dep_ != "conj" or before.pos_ not in {"NOUN", "PROPN"}:
        return None
    return before if before.head.i < before.i else None


def _what_clause_subject(verb: Token) -> Token | None:
    """ "blamed ... what CEO Lee X called “a broken model”", parsed with no subject for
    "called": who calls it so is the noun phrase between "what" and the verb."""
    if verb.lemma_ not in NAMING_VERBS or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    doc = verb.doc
    start = max(verb.sent.start, verb.i - MAX_WHAT_GAP)
    what = next((t for t in reversed(doc[start : verb.i]) if t.lower_ == "what"), None)
    if what is None or what.i + 1 >= verb.i:
        return None
    between = doc[what.i + 1 : verb.i]
    heads = [
        t
        for t in between
        if not (between.start <= t.head.i < between.end) and t.pos_ in {"NOUN", "PROPN", "PRON"}
    ]
    return heads[0] if len(heads) == 1 else None


def _content_owner(token: Token) -> Token | None:
    """The speech verb whose reported clause (its ccomp) holds ``token``, if any."""
    current = token
    while current.head != current:
        if current.dep_ == "ccomp" and is_speech_verb(current.head):
            return current.head
        if current.dep_ in {"ROOT", "relcl"}:
            return None
        current = current.head
    return None


def _is_trailing_filler(token: Token) -> bool:
    quote_mark = token.text in QUOTE_MARKS
    return token.is_space or token.dep_ == "cc" or (token.is_punct and not quote_mark)


def _is_leading_filler(token: Token) -> bool:
    if token.text in QUOTE_MARKS or token.lower_ == "no":
        return False
    return token.is_space or token.dep_ in {"det", "punct"}


def noun_phrase(token: Token, cut_deps: frozenset[str] = CUT_DEPS) -> Span:
    """The noun phrase of a token without appositions, relative clauses and a leading article."""
    doc = token.doc
    cut: set[int] = set()
    inside = {t.i for t in token.subtree}
    for child in token.subtree:
        if child.i > token.i and child.dep_ in cut_deps and child.i not in cut:
            cut.update(t.i for t in child.subtree)
    end = token.i + 1
    # a subtree the parser spread over other words ("X say ..., two countries") stops there
    while end <= token.right_edge.i and end not in cut and end in inside:
        end += 1
    while end - 1 > token.i and _is_trailing_filler(doc[end - 1]):
        end -= 1
    start = token.left_edge.i
    dateline_end = _dateline_end(doc[start])
    while start < token.i and (
        _is_leading_filler(doc[start]) or (dateline_end and doc[start].idx < dateline_end)
    ):
        start += 1  # nor a wire dateline the parser hung on it ("PORT ELLIS - Officials said")
    return doc[start:end]


def _datelines(doc: Doc) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] | None = doc.user_data.get(DATELINES_KEY)
    if found is None:  # found once a text
        found = doc.user_data[DATELINES_KEY] = lead_datelines(doc_text(doc))
    return found


def _dateline_end(token: Token) -> int | None:
    """Where the wire dateline holding a token ends ("PORTVALE, May 2 (Wire) - ")."""
    return next((end for start, end in _datelines(token.doc) if start <= token.idx < end), None)


def _past_dateline(subject: Token) -> Token:
    """A subject the parser took from a wire dateline ("PORTVALE, May 2 (Wire) -
    Acme Corp said"): the dateline is no one; who speaks is the phrase after it."""
    end = _dateline_end(subject)
    if end is None:
        return subject
    after = [t for t in subject.subtree if t.idx >= end]
    tops = [t for t in after if t.head not in after and t.pos_ in {"NOUN", "PROPN"}]
    return tops[0] if tops else subject


def _after_dateline(span: Span) -> Span:
    """Reported content without the wire dateline it starts with."""
    end = _dateline_end(span[0]) if len(span) else None
    if end is None:
        return span
    start = next((t.i for t in span if t.idx >= end), span.end)
    return span.doc[start : span.end]


def _evidence(span: Span | Token, article_id: str) -> Evidence:
    start = span.idx if isinstance(span, Token) else span.start_char
    end = start + len(span.text)
    return Evidence(article_id, start, end, span.text)


def _in_regions(position: int, regions: Sequence[tuple[int, int]]) -> bool:
    """Whether a character lies between the marks of a quotation."""
    return any(start < position < end - 1 for start, end in regions)


class SpeakerResolver:
    """Turns a subject token into a speaker name and the evidence of its mention.

    ``quoted`` are the article's quotation regions (:func:`quoted_regions`); they are
    found from the parsed text when not given.
    """

    def __init__(
        self,
        index: EntityIndex,
        article_id: str,
        quoted: Sequence[tuple[int, int]] | None = None,
    ) -> None:
        self.index = index
        self.article_id = article_id
        self._quoted = list(quoted) if quoted is not None else None
        self._tagged_full_names = [
            e
            for e in index.entities
            if e.label == "PERSON" and len(person_words(e.evidence.text)) > 1
        ]
        self._named_by_role: list[Entity] | None = None
        # full names by their folded surname, in text order (asked for at every bare surname)
        self._by_surname: dict[str, list[Entity]] | None = None

    def named_by_role(self, doc: Doc) -> list[Entity]:
        """People the entity tagger missed or took for an organisation, known by the role
        written beside their name (:func:`_names_beside_a_role`)."""
        if self._named_by_role is None:
            self._named_by_role = list(_names_beside_a_role(doc, self.index, self.article_id))
        return self._named_by_role

    def _full_names_by_surname(self, doc: Doc) -> dict[str, list[Entity]]:
        if self._by_surname is None:
            people = sorted(
                self._tagged_full_names + self.named_by_role(doc), key=lambda e: e.evidence.start
            )
            self._by_surname = {}
            for person in people:
                key = fold(person_words(person.evidence.text)[-1])
                self._by_surname.setdefault(key, []).append(person)
        return self._by_surname

    def _person_at(self, token: Token) -> Entity | None:
        """The person named at a token: a person entity, or one known by a role beside it."""
        entity = self.index.containing(token.idx)
        if entity is not None and entity.label == "PERSON":
            return entity
        return next(
            (
                e
                for e in self.named_by_role(token.doc)
                if e.evidence.start <= token.idx < e.evidence.end
            ),
            None,
        )

    def in_quote(self, token: Token) -> bool:
        return _in_regions(token.idx, self.regions(token.doc))

    def regions(self, doc: Doc) -> list[tuple[int, int]]:
        if self._quoted is None:
            self._quoted = quoted_regions(doc_text(doc))
        return self._quoted

    def resolve(self, subject: Token) -> tuple[str | None, Evidence | None]:
        lower = subject.lower_
        mention = _evidence(subject, self.article_id)
        if lower in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
            noun = subject.head.head  # "X, who said ...": X
            if noun.pos_ in {"NOUN", "PROPN"}:
                return self.resolve(noun)[0], mention
        if lower in PERSONAL_PRONOUNS | GROUP_PRONOUNS:
            person = lower in PERSONAL_PRONOUNS
            name = self._antecedent(subject, person, depth=0)
            if name is None and person:
                last = self._last_person_outside_quotes(subject)
                name = self.person_name(last, subject.doc) if last is not None else None
            return name or None, mention
        if subject.pos_ == "PRON":
            return None, mention
        subject = _past_dateline(subject)
        titled = self._name_after_title(subject)
        if titled is not None:
            return titled
        name, evidence = self._phrase(subject)
        if name is not None:
            name = self._titled_person(subject, name) or name
        return name, evidence

    def person_meant(self, pronoun: Token) -> str | None:
        """The person "he", "she", "his" or "her" stands for, as a speaker's pronoun is
        resolved: the subject it refers back to, else the last person named before it."""
        if pronoun.lower_ not in PERSONAL_PRONOUNS | {"his"}:
            return None
        name = self._antecedent(pronoun, True, depth=0)
        if name is None:
            last = self._last_person_outside_quotes(pronoun)
            name = self.person_name(last, pronoun.doc) if last is not None else None
        return name or None

    def _name_after_title(self, subject: Token) -> tuple[str, Evidence] | None:
        """ "said harbour police Sgt. Ana Veldt" cut after "Sgt.": the person named right
        after the title the subject phrase ends with."""
        doc = subject.doc
        last = doc[subject.right_edge.i]
        if last.lower_.rstrip(".") not in CUT_TITLES or not last.text[:1].isupper():
            return None
        end = last.idx + len(last.text)
        if not last.text.endswith(".") and doc_text(doc)[end : end + 1] != ".":
            return None
        for entity in self.index.entities:
            if entity.label == "PERSON" and end < entity.evidence.start <= end + 3:
                return self.person_name(entity, subject.doc), entity.evidence
        start = last.i + 1 + (doc[last.i + 1].text == "." if last.i + 1 < len(doc) else 0)
        words = []
        for token in doc[start : start + 4]:
            if not (token.is_alpha and token.text[:1].isupper()) or is_speech_verb(token):
                break
            words.append(token)
        if len(words) < 2:
            return None
        name = doc[words[0].i : words[-1].i + 1]
        return name.text, _evidence(name, self.article_id)

    def person_name(self, entity: Entity, doc: Doc) -> str:
        """A person's name: the article's one name for all its mentions ("Nikolaidis",
        "Ms. Nikolaidis" and "Elena Nikolaidis" are one person); a bare surname is named
        as :meth:`_full_name_for` says."""
        words = person_words(entity.evidence.text)
        if len(words) == 1:
            bearer = self._full_name_for(words[0], entity.evidence.start, doc)
            if bearer is not None:
                return bearer.canonical
            if self._namesakes(words[0], doc):
                # "Mr. X" where the article writes only "Anna X" in full: another person,
                # whom the surname names
                return words[0]
        return entity.canonical

    def _namesakes(self, surname: str, doc: Doc) -> list[Entity]:
        return list(self._full_names_by_surname(doc).get(fold(surname), ()))

    def _full_name_for(self, surname: str, position: int, doc: Doc) -> Entity | None:
        """The person a bare surname at ``position`` names: the bearer written in full
        nearest before it when that one was just introduced speaking ("her son, Tom X,
        said ... \"...,\" X said"), else the one written in full most often (the main
        bearer: "Brigitte X" is written in full, "X" is the other)."""
        same = self._namesakes(surname, doc)
        wanted = _honorific_sex(doc_text(doc), position)
        if wanted is not None:
            sexes = _sexes_written(same, doc_text(doc))
            same = [e for e in same if sexes.get(e.canonical) in (None, wanted)]
        before = [e for e in same if e.evidence.end <= position]
        if before and _introduced_speaking(before[-1], position, doc):
            return before[-1]
        counts = Counter(e.canonical for e in same)
        return max(same, key=lambda e: counts[e.canonical], default=None)

    # ------------------------------------------------------------ names and phrases

    def _phrase(self, subject: Token) -> tuple[str | None, Evidence | None]:
        conjuncts = _conjuncts(subject)
        if not conjuncts:
            return self._named(subject)
        names = [self._named(part)[0] for part in [subject, *conjuncts]]
        whole = subject.doc[subject.left_edge.i : subject.right_edge.i + 1]
        joined = " and ".join(dict.fromkeys(name for name in names if name))
        return joined or None, _evidence(whole, self.article_id)

    def _named(self, subject: Token) -> tuple[str | None, Evidence | None]:
        mentions = [subject, *_appositions(subject)]
        others = {t.i for c in _conjuncts(subject) for t in c.subtree}
        named_parts = [
            t
            for t in subject.subtree
            if t.i not in others and (t is subject or t.dep_ in {"appos", "conj"})
        ]
        people = self._people_at(named_parts)
        if people:
            names = list(dict.fromkeys(self.person_name(p, subject.doc) for p in people))
            if len(names) == 1:
                return names[0], people[0].evidence
            full = subject.doc[subject.left_edge.i : subject.right_edge.i + 1]
            return " and ".join(names), _evidence(full, self.article_id)
        if _untagged_name(subject) and _appositions(subject):
            # "Rubilio Mendez, 34, a migrant from ...": the name, not the description
            phrase = noun_phrase(subject, SINGLE_NAME_CUT_DEPS)
            return phrase.text, _evidence(phrase, self.article_id)
        phrases = [noun_phrase(mention, SINGLE_NAME_CUT_DEPS) for mention in mentions]
        for phrase in phrases:
            person = self._surname_of(phrase)
            if person is not None:
                return person.canonical, _evidence(phrase, self.article_id)
        for phrase in phrases:
            entity = self._entity_equal_to(phrase)
            if entity is not None:
                return _speaking_for(entity), entity.evidence
        named = [p for p in phrases if self.index.within(p.start_char, p.end_char)]
        phrase = named[0] if named else phrases[0]
        author = self._author_of(subject, phrase)
        if author is not None:
            return _speaking_for(author), author.evidence
        earlier = self._named_before(phrase)
        if earlier is not None:
            return earlier.canonical, _evidence(phrase, self.article_id)
        return phrase.text, _evidence(phrase, self.article_id)

    def _surname_of(self, phrase: Span) -> Entity | None:
        """ "Mills said", "Chief Mills said": a surname, with or without a title, that the
        tagger did not take for a person names the one the article writes in full with it."""
        words = [t for t in phrase if t.lower_.rstrip(".") not in CUT_TITLES]
        # the tagger may take a surname that is also a word ("Mills") for a common noun
        if len(words) != 1 or words[0].pos_ not in {"PROPN", "NOUN"}:
            return None
        if not words[0].text[:1].isupper():
            return None
        if words[0].ent_type_ == "PERSON":
            return None  # a person the tagger found: the entity index names it
        return self._full_name_for(words[0].text, words[0].idx, phrase.doc)

    def _author_of(self, subject: Token, phrase: Span) -> Entity | None:
        """ "A Defence Ministry statement said": the statement speaks for its author."""
        if subject.lemma_.lower() not in AUTHORED_NOUNS:
            return None
        inside = self.index.within(phrase.start_char, phrase.end_char)
        return next((e for e in inside if e.label in {"ORG", "PERSON", "GPE", "NORP"}), None)

    def _named_before(self, phrase: Span) -> Entity | None:
        """For "the ministry", the last organisation named "... Ministry" before it."""
        if len(phrase) != 1 or phrase[0].pos_ != "NOUN":
            return None
        word = phrase[0].lower_
        if word in OUTLET_NOUNS:
            return self.index.last_before(phrase.start_char, _names_an_outlet)
        return self.index.last_before(
            phrase.start_char,
            lambda e: e.label == "ORG" and e.evidence.text.lower().split()[-1] == word,
        )

    def _people_at(self, tokens: list[Token]) -> list[Entity]:
        """Entities at the tokens that name a person (also a surname tagged as something else,
        and a name known as a person by the role beside it)."""
        people = self.index.person_names
        found = []
        for token in tokens:
            entity = self.index.containing(token.idx)
            if entity is None or entity.canonical not in people:
                entity = self._person_at(token)
            if entity is not None:
                found.append(entity)
        return list(dict.fromkeys(found))

    def _entity_equal_to(self, phrase: Span) -> Entity | None:
        bounds = (phrase.start_char, phrase.end_char)
        matches = self.index.within(*bounds)
        return next((e for e in matches if (e.evidence.start, e.evidence.end) == bounds), None)

    def _titled_person(self, subject: Token, name: str) -> str | None:
        """ "the president" -> the one person the article writes as "President X" (the same
        title words: "Vice President Y" is not "the president")."""
        if name in self.index.person_names or subject.pos_ not in {"NOUN", "PROPN"}:
            return None
        if subject.lower_ not in TITLE_WORDS:
            return None
        title = [t.lower_ for t in subject.lefts if t.lower_ in TITLE_WORDS] + [subject.lower_]
        text = doc_text(subject.doc)
        titled = []
        for entity in self.index.entities:
            if entity.label != "PERSON":
                continue
            words = text[max(0, entity.evidence.start - 60) : entity.evidence.start].lower().split()
            prefix: list[str] = []
            while words and words[-1] in TITLE_WORDS:
                prefix.insert(0, words.pop())
            if prefix == title:
                titled.append(entity)
        names = list(dict.fromkeys(e.canonical for e in titled))
        if len(names) == 1:
            return names[0]
        earlier = [e for e in titled if e.evidence.end <= subject.idx]
        return earlier[-1].canonical if earlier else None

    # ------------------------------------------------------------ pronouns

    def _antecedent(self, pronoun: Token, person: bool, depth: int) -> str | None:
        """The subject a pronoun stands for: in its own sentence first, then the ones before.
        ``UNNAMED`` when that subject is a person the text does not name ("The store clerk,
        35, was stabbed ... He was released"): not the person named before it."""
        if depth > MAX_CHAIN:
            return None
        plural = pronoun.lower_ == "they"
        for subject in _earlier_subjects(pronoun):
            name = self._candidate(subject, person, depth, plural)
            if name is not None:
                return name
        doc = pronoun.doc
        previous = pronoun.sent.start - 1
        for _ in range(SENTENCES_BACK):
            if previous < 0:
                break
            earlier = doc[previous].sent
            for subject in _sentence_subjects(earlier):
                name = self._candidate(subject, person, depth, plural)
                if name is not None:
                    return name
            previous = earlier.start - 1
        return None

    def _candidate(
        self, token: Token, person: bool, depth: int, plural: bool = False
    ) -> str | None:
        """The name a subject token stands for, when it is of the kind the pronoun wants
        (``plural``: "they", which a group that spoke may be)."""
        if self.in_quote(token):
            return None
        lower = token.lower_
        if lower in PERSONAL_PRONOUNS:
            return self._antecedent(token, True, depth + 1) if person else None
        if lower in GROUP_PRONOUNS:
            return None if person else self._antecedent(token, False, depth + 1)
        if token.pos_ == "PRON":
            return None
        if person:
            found = self._person_candidate(token)
            if found is None and token.pos_ == "NOUN" and token.lemma_.lower() in PERSON_NOUNS:
                return UNNAMED  # "the store clerk": a person, unnamed
            return found
        if any(child.dep_ == "conj" for child in token.children):
            return self._phrase(token)[0]  # "they" after "A, B and C said"
        entity = self.index.containing(token.idx)
        if entity is not None and entity.label == "PERSON":
            return self.person_name(entity, token.doc)
        if entity is not None and entity.label in {"ORG", "GPE", "NORP"}:
            return _speaking_for(entity)
        if token.pos_ == "NOUN" and token.lemma_.lower() in SPEAKER_NOUNS | DOCUMENT_NOUNS:
            return self._phrase(token)[0]
        if plural and token.tag_ == "NNS" and is_speech_verb(token.head):
            # "Prosecutors said ... Two engineers were questioned, they said"
            return self._phrase(token)[0]
        return None

    def _person_candidate(self, token: Token) -> str | None:
        for part in _referent_parts(token):
            entity = self._person_at(part)
            if entity is not None:
                return self.person_name(entity, token.doc)
            if part.text[:1].isupper():  # a surname the tagger did not take for a person
                full = self._full_name_for(part.text, part.idx, part.doc)
                if full is not None:
                    return full.canonical
        if _untagged_name(token) and is_speech_verb(token.head):
            return noun_phrase(token, SINGLE_NAME_CUT_DEPS).text
        return None

    def _last_person_outside_quotes(self, pronoun: Token) -> Entity | None:
        people = [
            e
            for e in self.index.entities
            if e.label == "PERSON"
            and e.evidence.end <= pronoun.idx
            and not _in_regions(e.evidence.start, self.regions(pronoun.doc))
        ]
        return people[-1] if people else None


# an honorific right before a surname ("Mr. X"), and what marks a name written in full as a
# woman's or a man's: the honorific or kin noun before it ("his wife, Anna X", "Mrs. Anna
# X"), or the one in apposition after it ("Anna X, the first lady,")
HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+$")
SEX_NOUNS = {
    "f": "mrs ms miss wife widow lady mother daughter sister grandmother aunt niece girlfriend",
    "m": "mr husband widower father son brother grandfather uncle nephew boyfriend",
}
SEX_OF_HONORIFIC = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
SEX_MARK_REACH = 30  # characters around a full name where its honorific or kin noun stands


def _honorific_sex(text: str, position: int) -> str | None:
    """ "m" for "Mr. X", "f" for "Mrs."/"Ms."/"Miss X", else None."""
    found = HONORIFIC_BEFORE.search(text[max(0, position - 6) : position])
    return SEX_OF_HONORIFIC[found.group(1).lower()] if found else None


def _sexes_written(people: Sequence[Entity], text: str) -> dict[str, str]:
    """Canonical name -> "f" or "m", for the people the article marks as a woman or a man
    beside one of their names written in full (and never as the other)."""
    marks: dict[str, set[str]] = {}
    for person in people:
        sex = _sex_written_with(person, text)
        if sex is not None:
            marks.setdefault(person.canonical, set()).add(sex)
    return {name: found.pop() for name, found in marks.items() if len(found) == 1}


def _sex_written_with(person: Entity, text: str) -> str | None:
    """Whether the article marks this mention of a name written in full as a woman's or a
    man's right around it; None when it does not say, or says both."""
    before = text[max(0, person.evidence.start - SEX_MARK_REACH) : person.evidence.start]
    after = text[person.evidence.end : person.evidence.end + SEX_MARK_REACH]
    near = [
        *re.findall(r"(\w+)\W{0,3}$", before),
        *re.findall(r"^\s*,\s*(?:the|his|her|their)?\s*(?:first\s+)?(\w+)", after),
    ]
    marks = {
        sex for sex, nouns in SEX_NOUNS.items() for word in near if word.lower() in nouns.split()
    }
    return marks.pop() if len(marks) == 1 else None


def _names_beside_a_role(doc: Doc, index: EntityIndex, article_id: str) -> Iterator[Entity]:
    """Full names the tagger did not take for people that a role noun stands beside: "his
    lawyer, Jo X, said" (the name in apposition to the role), "Kim X, the company's
    chief executive, defended ..." (the role in apposition to the name)."""
    for token in doc:
        if token.pos_ != "PROPN" or token.dep_ == "compound":
            continue
        beside_role = token.dep_ == "appos" and _is_role_noun(token.head)
        with_role = any(c.dep_ == "appos" and _is_role_noun(c) for c in token.children)
        if not (beside_role or with_role):
            continue
        entity = index.containing(token.idx)
        if entity is not None and entity.label != "ORG":
            continue  # a person already, or a place
        name = _name_words(token)
        if name is not None:
            yield Entity(_evidence(name, article_id), "PERSON", name.text)


def _name_words(token: Token) -> Span | None:
    """A full name ending at ``token``: its capitalised compound words, with no title."""
    start = token.i
    while start > 0 and (
        token.doc[start - 1].dep_ == "compound"
        and token.doc[start - 1].head == token
        and token.doc[start - 1].pos_ == "PROPN"
        and token.doc[start - 1].lower_.rstrip(".") not in TITLE_WORDS
    ):
        start -= 1
    words = token.doc[start : token.i + 1]
    if not 2 <= len(words) <= 3 or not all(w.is_alpha and w.text[:1].isupper() for w in words):
        return None
    return words


def _introduced_speaking(person: Entity, position: int, doc: Doc) -> bool:
    """Whether a person written in full stands as a speaking subject ("X's son, Tom X,
    said", "Tom X said") in the paragraph of ``position`` or the one before: a bare
    surname right after names that one, not a namesake told more often."""
    between = doc_text(doc)[person.evidence.end : position]
    if between.count("\n\n") > 1:
        return False
    span = doc.char_span(person.evidence.start, person.evidence.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    if head.dep_ == "appos":
        head = head.head
    return head.dep_ in {"nsubj", "nsubjpass"} and is_speech_verb(head.head)


def _untagged_name(token: Token) -> bool:
    """A proper noun the entity tagger left out."""
    return token.pos_ == "PROPN" and not token.ent_type_


def _speaking_for(entity: Entity) -> str:
    """Who speaks when a place or an institution does: a capital speaks for its state
    ("Oslo said"), a seat of government stays the institution ("the White House said")."""
    if is_seat_of_government(entity.evidence.text):
        return entity.canonical
    return state_of(entity.evidence.text) or entity.canonical


def _earlier_subjects(pronoun: Token) -> Iterable[Token]:
    """Subjects before a pronoun in its sentence: those of the clauses above it first, then
    the others, nearest first ("While A praised B, which he said ..." -> A)."""
    above: list[Token] = []
    current = pronoun.head
    for _ in range(MAX_CHAIN):
        if current.head == current:
            break
        current = current.head
        above += [c for c in current.children if c.dep_ in SUBJECT_DEPS and c.i < pronoun.i]
    others = [
        t for t in pronoun.sent if t.dep_ in SUBJECT_DEPS and t.i < pronoun.i and t not in above
    ]
    yield from above
    yield from sorted(others, key=lambda t: -t.i)


def _is_role_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in ROLE_NOUNS


def _referent_parts(token: Token) -> list[Token]:
    """The tokens that may name whom a subject is: the subject, its appositions ("X's
    mother, Ann X": the mother is Ann), then its possessor only when the subject is no
    person ("X's comments" stand for X; "X's spokeswoman" is not X)."""
    parts = [token, *_appositions(token)]
    if not _is_role_noun(token):
        parts += [c for c in token.children if c.dep_ == "poss"]
    return parts


def _sentence_subjects(sentence: Span) -> Iterable[Token]:
    """The subject of a sentence's root (and its possessor: "X's comments", not "X's
    lawyer"); where the root is a speech verb, the one named subject of what it reports
    ("Vell holds a permit, police said": Vell; not a pronoun, which points further back, nor
    two people joined); then the subjects of its speech verbs."""
    root = sentence.root
    for child in root.children:
        if child.dep_ in SUBJECT_DEPS:
            yield child
            if not _is_role_noun(child):
                yield from (c for c in child.children if c.dep_ == "poss")
    if is_speech_verb(root):
        for clause in (child for child in root.children if child.dep_ == "ccomp"):
            yield from (
                c
                for c in clause.children
                if c.dep_ in SUBJECT_DEPS
                and c.pos_ != "PRON"
                and not any(part.dep_ == "cc" for part in c.subtree)  # "X and Y", however parsed
            )
    for token in sentence:
        if token is not root and is_speech_verb(token):
            yield from (child for child in token.children if child.dep_ == "nsubj")


def _conjuncts(token: Token) -> list[Token]:
    """Tokens coordinated with a subject: "Talvania and Ostrel" -> [Ostrel]."""
    found = []
    for child in token.children:
        if child.dep_ == "conj":
            found += [child, *_conjuncts(child)]
    return found


def _appositions(token: Token) -> list[Token]:
    return [child for child in token.children if child.dep_ == "appos"]


def _quoted_tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _spans(verb: Token, start: int, end: int) -> bool:
    """Whether the verb's clause spans the quoted words (closing punctuation aside)."""
    text = doc_text(verb.doc)
    inner_end = end
    while inner_end > start and not text[inner_end - 1].isalnum():
        inner_end -= 1
    left = verb.left_edge.idx
    right = verb.right_edge.idx + len(verb.right_edge.text)
    return left <= start + 1 and inner_end <= right


def _attribution_verb(
    sentences: list[Span],
    speech_verbs: list[Token],
    quoted: Sequence[tuple[int, int]],
    start: int,
    end: int,
) -> Token | None:
    """The speech verb that attributes a quote, in the sentences around it.

    The innermost one whose clause spans the quote, else the nearest one; a speech verb
    inside quotation marks (the quote's own or another's) is quoted, not attributing.
    """
    around = [s for s in sentences if s.start_char < end and s.end_char > start]
    if not around:
        return None
    doc = around[0].doc
    first, last = around[0].start, around[-1].end
    # doc[last].text, not doc[last:].text: the rest of the text, for each quote, is quadratic
    if last < len(doc) and doc[last].text[:1] and doc[last].sent.end - last <= 8:
        last = doc[last].sent.end  # '"..."' then a short "she said." sentence
    verbs = [
        t
        for t in speech_verbs
        if first <= t.i < last and not start <= t.idx < end and not _in_regions(t.idx, quoted)
    ]
    spanning = [verb for verb in verbs if _spans(verb, start, end)]
    if spanning:
        return min(spanning, key=lambda verb: verb.right_edge.i - verb.left_edge.i)
    return min(verbs, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)), default=None)


def _is_said_content(quoted: Span | None, verb: Token) -> bool:
    """Whether a short quote is what the verb's clause says rather than a label."""
    if quoted is None or not len(quoted):
        return False
    if any(token.pos_ in {"VERB", "AUX"} and token.dep_ != "amod" for token in quoted):
        return True
    head = quoted.root
    return head.dep_ in OBJECT_DEPS and verb in head.ancestors


def _names_within_a_phrase(quoted: Span | None, start: int, verb: Token | None) -> bool:
    """A short quote that ends the object of a preposition begun before its marks, in a
    clause of another verb than the speech verb ("camps along the northern “green belt”",
    "named in its “core team”"): a term quoted as the thing's name, not speech ("called it
    a “sham vote”" is speech)."""
    if quoted is None or not len(quoted):
        return False
    head = quoted.root
    if head.pos_ not in {"NOUN", "PROPN"} or head.dep_ != "pobj" or head.left_edge.idx >= start:
        return False
    clause = next((t for t in head.ancestors if t.pos_ == "VERB"), None)
    return clause is not None and clause != verb


def find_direct_quotes(
    doc: Doc, resolver: SpeakerResolver, speech_verbs: list[Token]
) -> list[Quote]:
    """Quoted text with a speech verb nearby (``speech_verbs``: those of ``doc``, in order)."""
    quotes: list[Quote] = []
    text = doc_text(doc)
    sentences = list(doc.sents)
    regions = quoted_regions(text)
    for start, end in regions:
        inner_start, inner_end = _inner(text, start, end)
        words = len(text[inner_start:inner_end].split())
        if words == 0:
            continue
        verb = _attribution_verb(sentences, speech_verbs, regions, start, end)
        if verb is None and words < MIN_QUOTE_WORDS_WITHOUT_VERB:
            continue
        quoted = _quoted_tokens(doc, inner_start, inner_end)
        if verb is not None and words <= MAX_LABEL_WORDS and not _is_said_content(quoted, verb):
            continue
        if words <= MAX_LABEL_WORDS and _names_within_a_phrase(quoted, start, verb):
            continue  # "its “core team”": the outlet's term for a thing, quoted
        subject = _subject_of(verb, regions) if verb is not None else None
        if verb is not None and _said_by_a_thing(verb, subject):
            subject = _speaker_around_a_thing(sentences, speech_verbs, regions, verb, start, end)
        speaker, speaker_evidence = resolver.resolve(subject) if subject else (None, None)
        if verb is None and quotes and "\n\n" not in text[quotes[-1].evidence.end : start]:
            speaker, speaker_evidence = quotes[-1].speaker, quotes[-1].speaker_evidence
        evidence = Evidence(
            resolver.article_id, inner_start, inner_end, text[inner_start:inner_end]
        )
        quotes.append(Quote(evidence, speaker, "direct", speaker_evidence))
    return quotes


def _speaker_around_a_thing(
    sentences: list[Span],
    speech_verbs: list[Token],
    quoted: Sequence[tuple[int, int]],
    verb: Token,
    start: int,
    end: int,
) -> Token | None:
    """A quote in what a thing "says" ("X suggested the returns would reveal “...”") is the
    words of who says it around that: the subject of the next speech verb whose clause spans
    the quote, else no one."""
    others = [v for v in speech_verbs if v != verb]
    outer = _attribution_verb(sentences, others, quoted, start, end)
    if outer is None or not _spans(outer, start, end):
        return None
    subject = _subject_of(outer, quoted)
    return None if _said_by_a_thing(outer, subject) else subject


def _content_span(verb: Token) -> Span | None:
    doc = verb.doc
    for child in verb.children:
        if child.dep_ == "ccomp" or (
            child.dep_ == "dobj" and verb.lemma_ in OBJECT_CONTENT_VERBS and _tells_its_object(verb)
        ):
            tokens = [t for t in child.subtree if not (t.dep_ == "mark" and t.head == child)]
            if tokens and tokens[0].i < verb.i < tokens[-1].i:
                # "a bill that critics said would gut ...": the clause's subject is a relative
                # word before who says it; what is said is after the verb
                tokens = [t for t in tokens if t.i > verb.i]
            tokens = [t for t in tokens if t.i >= tokens[0].i] if tokens else tokens
            if not tokens:
                return None
            start = _subject_left_as_object(verb, child, tokens[0].i)
            end = _before_next_subject(doc, tokens[-1].i + 1)
            span = _after_dateline(_past_split_possessive(doc[start:end]))
            span = _without_split_attribution(_without_attribution(span))
            trimmed = _trim_punctuation(span)
            trimmed = _trim_punctuation(_without_lone_closing_mark(trimmed)) if trimmed else None
            return _with_denial(verb, _closing_mark_kept(trimmed) if trimmed is not None else None)
    return None


def _before_next_subject(doc: Doc, end: int) -> int:
    """Content ending with a conjunct that is the subject of the verb after it ("... with Y
    and Z has denied ..."): it ends before the "and"."""
    last = doc[end - 1]
    if end >= len(doc) or last.dep_ != "conj" or doc[end].pos_ not in {"AUX", "VERB"}:
        return end
    cc = next((c for c in last.head.children if c.dep_ == "cc" and c.i < last.i), None)
    return cc.i if cc is not None and cc.i > last.head.i else end


def _with_denial(verb: Token, span: Span | None) -> Span | None:
    """What a denial says starts with its verb ("denied his campaign colluded"): the
    clause alone, given as the speaker's words, would say the opposite."""
    if span is None or verb.lemma_.lower() not in DENYING_VERBS or verb.i >= span.start:
        return span
    return verb.doc[verb.i : span.end]


def _tells_its_object(verb: Token) -> bool:
    """ "announced his resignation", "confirmed the deal": what was said is the object; not
    in "will report fourth-quarter results" (a plan) nor "denying Vantic the clear win"
    (a thing withheld from someone), nor "might announce a deal" (a maybe)."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
    if len(objects) > 1:
        return False  # "denying Vantic the win": one object is whom it is withheld from
    return not any(c.dep_ == "aux" and c.lower_ in PLANNED_AUXILIARIES for c in verb.children)


def _subject_left_as_object(verb: Token, clause: Token, start: int) -> int:
    """ "argued the mayor's lack of planning was the cause", parsed with the lack as the
    verb's object: the reported clause starts with it, else it would say "was the cause"."""
    if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children):
        return start
    objects = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i]
    return objects[0].left_edge.i if objects else start


def _past_split_possessive(span: Span) -> Span:
    """A clause cut at a possessive mark written apart ("into the mill ’ s back yard"): it
    goes on to its sentence's end."""
    doc = span.doc
    end = span.end
    if end + 1 < len(doc) and doc[end].text in {"’", "'"} and doc[end + 1].lower_ == "s":
        return doc[span.start : doc[end].sent.end]
    return span


def _without_split_attribution(span: Span) -> Span:
    """Reported content closed by an attribution that a sentence break after a title cut
    off ("the boat sank fast, harbour police Sgt" + ". Ana Veldt said."): it ends at the
    comma."""
    doc = span.doc
    end = span.end
    while end > span.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= span.start or doc[end - 1].lower_.rstrip(".") not in CUT_TITLES:
        return span
    if doc_text(doc)[doc[end - 1].idx + len(doc[end - 1].text) :][:1] != ".":
        return span
    commas = [t for t in doc[span.start : end] if t.text == ","]
    if not commas or end - commas[-1].i > 6:
        return span
    following = doc[end : end + 8]
    if not any(is_speech_verb(t) for t in following):
        return span  # the next sentence does not go on with who said it
    return doc[span.start : commas[-1].i]


def _without_lone_closing_mark(span: Span) -> Span:
    """Content ending with the closing mark of a quotation it does not open ("'The dam
    will hold, '"): the mark, and the comma before it, are not the content's."""
    doc = span.doc
    end = span.end
    while end > span.start and doc[end - 1].text in {"'", '"', "”", "’"}:
        mark = doc[end - 1].text
        opened = {"”": "“", "’": "‘"}.get(mark, mark)
        if sum(t.text == opened for t in doc[span.start : end - 1]):
            break
        end -= 1
        while end > span.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            if doc[end - 1].text in QUOTE_MARKS:
                break
            end -= 1
    return doc[span.start : end] if end > span.start else span


def _closing_mark_kept(span: Span) -> Span:
    """Content that opens a quotation keeps its closing mark (" was a “grave error.”")."""
    text = span.text
    if text.count("“") <= text.count("”"):
        return span
    doc = span.doc
    for token in doc[span.end : span.end + 3]:
        if token.text == "”":
            return doc[span.start : token.i + 1]
    return span


def _without_attribution(span: Span) -> Span:
    """Reported content without another speaker's attribution closing it ("police said
    the shooter fled, Lieutenant X said": the content ends at "fled")."""
    doc = span.doc
    for token in span:
        if token.i == span.start or not is_speech_verb(token):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        left = subject.left_edge.i if subject is not None and subject.i < token.i else token.i
        closes = token.right_edge.i >= span.end - 2
        if span.start < left and doc[left - 1].text == "," and closes:
            return doc[span.start : left - 1]
    return span


def _trim_punctuation(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].is_punct or doc[start].is_space or doc[start].lower_ == "that"
    ):
        start += 1
    while end > start and (doc[end - 1].is_space or _is_trailing_filler(doc[end - 1])):
        end -= 1
    return doc[start:end] if end > start else None


def _covered_share(span: Span, regions: list[tuple[int, int]]) -> float:
    covered = sum(
        max(0, min(end, span.end_char) - max(start, span.start_char)) for start, end in regions
    )
    return covered / max(1, span.end_char - span.start_char)


def _according_to(doc: Doc) -> Iterator[tuple[Token, Span]]:
    """(source token, content span) for each "according to X" with a speaking source."""
    for token in doc:
        if token.lower_ != "according":
            continue
        preposition = next((c for c in token.children if c.lower_ == "to"), None)
        source = (
            next((c for c in preposition.children if c.dep_ == "pobj"), None)
            if preposition
            else None
        )
        if source is None or not (source.ent_type_ or source.lemma_.lower() in SPEAKER_NOUNS):
            continue
        sentence = token.sent
        phrase_end = source.right_edge.i + 1
        if token.i - sentence.start <= 1:
            content = _trim_punctuation(doc[phrase_end : sentence.end])
        else:
            content = _trim_punctuation(_after_dateline(doc[sentence.start : token.i]))
        if content is not None:
            yield source, content


def find_reported_speech(
    doc: Doc,
    resolver: SpeakerResolver,
    direct: list[tuple[int, int]],
    speech_verbs: list[Token],
) -> list[Quote]:
    reported = []
    for verb in speech_verbs:
        content = _content_span(verb)
        subject = _subject_of(verb, resolver.regions(doc))
        if content is None or subject is None or _covered_share(content, direct) >= COVERED_SHARE:
            continue
        if _across_lines(verb, content) or _says_nothing(content):
            continue
        if _led_into_a_quotation(content, resolver.regions(doc)):
            continue
        if _said_by_a_thing(verb, subject):
            continue  # "the timing suggested that ...": the writer's inference, no one's words
        if _said_after_its_quotation(verb, subject, content, resolver.regions(doc)):
            continue
        speaker, speaker_evidence = resolver.resolve(subject)
        kind = "direct" if _enclosed(doc_text(doc), content) else "reported"
        reported.append(
            Quote(_evidence(content, resolver.article_id), speaker, kind, speaker_evidence)
        )
    for source, content in _according_to(doc):
        if _holds_a_quote(content, direct + [(q.evidence.start, q.evidence.end) for q in reported]):
            continue  # "..., police said, according to the Courier": the outlet only carries it
        speaker, speaker_evidence = resolver.resolve(source)
        reported.append(
            Quote(_evidence(content, resolver.article_id), speaker, "reported", speaker_evidence)
        )
    return reported


def _holds_a_quote(content: Span, quoted: Sequence[tuple[int, int]]) -> bool:
    """An "according to X" content that is someone else's saying: its own verb is the
    saying of words found as theirs ("“Stay back,” guards said, according to the Courier";
    "the mayor told reporters that ...", even when what was said runs on past the
    "according to"), or their words fill it. X only carried them. A quote inside a clause of
    X's own report ("Deputies fired at the van, which the driver said was stolen, according
    to the Courier") leaves the report X's."""
    if _covered_share(content, list(quoted)) >= COVERED_SHARE:
        return True
    said = is_speech_verb(content.root)
    return said and any(content.start_char <= start < content.end_char for start, _ in quoted)


def _said_after_its_quotation(
    verb: Token, subject: Token, content: Span, regions: Sequence[tuple[int, int]]
) -> bool:
    """ "“The day has come,” Varga said as he and dozens of others gathered ...": what was
    said is the quotation before the speaker; a clause after the verb is the writer's."""
    if content.start_char <= verb.idx or subject.head != verb or subject.i > verb.i:
        return False
    opening = subject.left_edge.idx
    sentence = verb.sent.start_char
    text = doc_text(verb.doc)
    return any(
        sentence <= start and end <= opening and not text[end:opening].strip(" ,\"“”'‘’")
        for start, end in regions
    )


def _across_lines(verb: Token, content: Span) -> bool:
    """A verb and content on different lines or either side of a semicolon: a headline is
    no one's words ("Ferry sinks off Orlen; crew say the engine had failed")."""
    if content.start_char <= verb.idx < content.end_char:
        return False
    start = min(verb.idx, content.end_char)
    end = max(verb.idx, content.start_char)
    between = doc_text(verb.doc)[start:end]
    return "\n" in between or ";" in between


def _says_nothing(content: Span) -> bool:
    """Content that is itself only someone speaking to someone ("residents told reporters"),
    what they said parsed elsewhere."""
    root = content.root
    if not is_speech_verb(root):
        return False
    bare = {"nsubj", "nsubjpass", "aux", "auxpass", "punct", "dobj", "dative", "det"}
    if any(c.dep_ not in bare for c in root.children):
        return False
    objects = [c for c in root.children if c.dep_ in {"dobj", "dative"}]
    return all(len(list(o.subtree)) <= 2 and o.pos_ != "PRON" for o in objects)


def _led_into_a_quotation(content: Span, regions: Sequence[tuple[int, int]]) -> bool:
    """ "Though officials gave no reason, “the port stays shut,” X said": the words said are
    the quotation; the clause before its comma is the writer's."""
    root = content.root.idx
    for start, end in regions:
        if start < root < end and start > content.start_char:
            return doc_text(content.doc)[content.start_char : start].rstrip().endswith(",")
    return False


def _enclosed(text: str, content: Span) -> bool:
    """Content standing between quotation marks ("'The dam will hold,' she said"): the
    speaker's own words, though the marks did not pair. A quotation opened ('said : "We
    are ...') and running to the end of its paragraph is one too: news leaves the mark
    open where a quotation goes on in the next paragraph."""
    before = text[: content.start_char].rstrip(" ")
    after = text[content.end_char :].lstrip(" ,.!?")
    opens = before[-1:] in {"'", '"', "“", "‘"} and before[-2:-1] in {"", "\n", " "}
    return opens and after[:1] in {"'", '"', "”", "’", "\n", ""}


def find_quotes(doc: Doc, index: EntityIndex, article_id: str) -> list[Quote]:
    """Direct and reported quotes of an article, in text order."""
    regions = quoted_regions(doc_text(doc))
    resolver = SpeakerResolver(index, article_id, regions)
    speech_verbs = [token for token in doc if is_speech_verb(token)]
    direct = find_direct_quotes(doc, resolver, speech_verbs)
    spans = [(q.evidence.start, q.evidence.end) for q in direct]
    quotes = direct + find_reported_speech(doc, resolver, spans, speech_verbs)
    ordered = sorted(quotes, key=lambda q: (q.evidence.start, q.evidence.end, q.kind))
    return _attribute_the_unattributed(doc, resolver, ordered)


def _attribute_the_unattributed(
    doc: Doc, resolver: SpeakerResolver, quotes: list[Quote]
) -> list[Quote]:
    """A direct quote with no speech verb takes the source of an "according to X" in its
    sentence, else (opening a paragraph) the last speaker of the paragraph before."""
    done: list[Quote] = []
    for quote in quotes:
        if quote.kind == "direct" and quote.speaker is None and quote.speaker_evidence is None:
            quote = _according_source(doc, quote, resolver) or quote
            if quote.speaker is None:
                quote = _carried_over(doc_text(doc), quote, done) or quote
        done.append(quote)
    return done


def _according_source(doc: Doc, quote: Quote, resolver: SpeakerResolver) -> Quote | None:
    span = doc.char_span(quote.evidence.start, quote.evidence.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for source, _content in _according_to(doc):
        if source.sent.start <= span.start < source.sent.end or source.sent == span[-1].sent:
            speaker, evidence = resolver.resolve(source)
            return Quote(quote.evidence, speaker, quote.kind, evidence)
    return None


def _carried_over(text: str, quote: Quote, earlier: list[Quote]) -> Quote | None:
    """A paragraph opening with an unattributed quote: the last speaker of the one before."""
    start = quote.evidence.start
    opening = text.rfind("\n\n", 0, start)
    if opening < 0 or text[opening + 2 : start].strip(" \"“'‘"):
        return None
    before = text.rfind("\n\n", 0, opening)
    candidates = [
        q for q in earlier if q.speaker is not None and before < q.evidence.start < opening
    ]
    if not candidates:
        return None
    source = max(candidates, key=lambda q: q.evidence.end)
    return Quote(quote.evidence, source.speaker, quote.kind, source.speaker_evidence)
