"""ROUGE-1, ROUGE-2 and ROUGE-L F1 as computed by Google's ``rouge-score`` package.

A small offline re-implementation so benchmarks need no extra dependency. It follows
``rouge_score.rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)``:

* tokens: lower-cased text, every run of characters outside ``[a-z0-9]`` is a separator,
  tokens longer than three characters are Porter-stemmed;
* the stemmer is the Porter algorithm with the extensions of NLTK's ``PorterStemmer``
  (its default ``NLTK_EXTENSIONS`` mode, which rouge-score uses);
* ROUGE-N: clipped n-gram overlap; ROUGE-L: longest common subsequence of the token
  sequences (not the summary-level ``rougeLsum``); F1 = 2PR / (P + R).

Checked token for token and score for score against rouge-score 0.1.2 (nltk 3.x).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["RougeScore", "porter_stem", "rouge", "tokenize"]

_NON_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")
_VOWELS = frozenset("aeiou")

# whole words the NLTK extensions map directly
_IRREGULAR = {
    "sky": "sky",
    "skies": "sky",
    "dying": "die",
    "lying": "lie",
    "tying": "tie",
    "news": "news",
    "innings": "inning",
    "inning": "inning",
    "outings": "outing",
    "outing": "outing",
    "cannings": "canning",
    "canning": "canning",
    "howe": "howe",
    "proceed": "proceed",
    "exceed": "exceed",
    "succeed": "succeed",
}


# ---------------------------------------------------------------- Porter stemmer


def _consonants(word: str) -> list[bool]:
    """For each letter, whether it is a consonant (a 'y' after a consonant is a vowel)."""
    flags: list[bool] = []
    for i, char in enumerate(word):
        if char in _VOWELS:
            flags.append(False)
        elif char == "y":
            flags.append(True if i == 0 else not flags[i - 1])
        else:
            flags.append(True)
    return flags


def _measure(stem: str) -> int:
    """Porter's m: the number of vowel-consonant sequences in [C](VC){m}[V]."""
    pattern = "".join("c" if c else "v" for c in _consonants(stem))
    return pattern.count("vc")


def _positive(stem: str) -> bool:
    return _measure(stem) > 0


def _above_one(stem: str) -> bool:
    return _measure(stem) > 1


def _has_vowel(stem: str) -> bool:
    return not all(_consonants(stem))


def _double_consonant(word: str) -> bool:
    return len(word) >= 2 and word[-1] == word[-2] and _consonants(word)[-1]


def _cvc(word: str) -> bool:
    """Ends consonant-vowel-consonant, the last not w, x or y (or is a two-letter vc)."""
    if len(word) >= 3:
        flags = _consonants(word)
        if flags[-3] and not flags[-2] and flags[-1] and word[-1] not in "wxy":
            return True
    if len(word) == 2:
        flags = _consonants(word)
        return not flags[0] and flags[1]
    return False


Rule = tuple[str, str, Callable[[str], bool] | None]


def _first_rule(word: str, rules: Sequence[Rule]) -> str:
    """Apply the rule of the first matching suffix; if its condition fails, keep the word."""
    for suffix, replacement, condition in rules:
        if suffix == "*d":
            if _double_consonant(word):
                stem = word[:-2]
                return stem + replacement if condition is None or condition(stem) else word
            continue
        if word.endswith(suffix):
            stem = word[: len(word) - len(suffix)]
            return stem + replacement if condition is None or condition(stem) else word
    return word


def _step1a(word: str) -> str:
    if word.endswith("ies") and len(word) == 4:
        return word[:-3] + "ie"
    return _first_rule(
        word, [("sses", "ss", None), ("ies", "i", None), ("ss", "ss", None), ("s", "", None)]
    )


def _step1b(word: str) -> str:
    if word.endswith("ied"):
        return word[:-3] + ("ie" if len(word) == 4 else "i")
    if word.endswith("eed"):
        stem = word[:-3]
        return stem + "ee" if _measure(stem) > 0 else word
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and _has_vowel(word[: -len(suffix)]):
            stem = word[: -len(suffix)]
            break
    else:
        return word
    last = stem[-1]
    return _first_rule(
        stem,
        [
            ("at", "ate", None),
            ("bl", "ble", None),
            ("iz", "ize", None),
            ("*d", last, lambda _: last not in "lsz"),
            ("", "e", lambda s: _measure(s) == 1 and _cvc(s)),
        ],
    )


def _step1c(word: str) -> str:
    return _first_rule(word, [("y", "i", lambda s: len(s) > 1 and _consonants(s)[-1])])


_STEP2: list[Rule] = [
    ("ational", "ate", _positive),
    ("tional", "tion", _positive),
    ("enci", "ence", _positive),
    ("anci", "ance", _positive),
    ("izer", "ize", _positive),
    ("bli", "ble", _positive),
    ("alli", "al", _positive),
    ("entli", "ent", _positive),
    ("eli", "e", _positive),
    ("ousli", "ous", _positive),
    ("ization", "ize", _positive),
    ("ation", "ate", _positive),
    ("ator", "ate", _positive),
    ("alism", "al", _positive),
    ("iveness", "ive", _positive),
    ("fulness", "ful", _positive),
    ("ousness", "ous", _positive),
    ("aliti", "al", _positive),
    ("iviti", "ive", _positive),
    ("biliti", "ble", _positive),
    ("fulli", "ful", _positive),
]


def _step2(word: str) -> str:
    if word.endswith("alli") and _positive(word[:-4]):
        return _step2(word[:-4] + "al")
    # "logi" -> "log" tests the measure of the stem with its "l"
    return _first_rule(word, [*_STEP2, ("logi", "log", lambda _: _positive(word[:-3]))])


_STEP3: list[Rule] = [
    ("icate", "ic", _positive),
    ("ative", "", _positive),
    ("alize", "al", _positive),
    ("iciti", "ic", _positive),
    ("ical", "ic", _positive),
    ("ful", "", _positive),
    ("ness", "", _positive),
]

_STEP4: list[Rule] = [
    ("al", "", _above_one),
    ("ance", "", _above_one),
    ("ence", "", _above_one),
    ("er", "", _above_one),
    ("ic", "", _above_one),
    ("able", "", _above_one),
    ("ible", "", _above_one),
    ("ant", "", _above_one),
    ("ement", "", _above_one),
    ("ment", "", _above_one),
    ("ent", "", _above_one),
    ("ion", "", lambda s: _measure(s) > 1 and s[-1:] in ("s", "t")),
    ("ou", "", _above_one),
    ("ism", "", _above_one),
    ("ate", "", _above_one),
    ("iti", "", _above_one),
    ("ous", "", _above_one),
    ("ive", "", _above_one),
    ("ize", "", _above_one),
]


def _step5a(word: str) -> str:
    if word.endswith("e"):
        stem = word[:-1]
        measure = _measure(stem)
        if measure > 1 or (measure == 1 and not _cvc(stem)):
            return stem
    return word


def _step5b(word: str) -> str:
    return _first_rule(word, [("ll", "l", lambda _: _measure(word[:-1]) > 1)])


@lru_cache(maxsize=65536)
def porter_stem(word: str) -> str:
    """The Porter stem of a lower-case word, as NLTK's PorterStemmer() gives it."""
    word = word.lower()
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 2:
        return word
    for step in (_step1a, _step1b, _step1c, _step2):
        word = step(word)
    word = _first_rule(word, _STEP3)
    word = _first_rule(word, _STEP4)
    return _step5b(_step5a(word))


# ---------------------------------------------------------------- ROUGE


def tokenize(text: str, stem: bool = True) -> list[str]:
    """rouge-score's tokens: lower-case alphanumeric runs, stemmed when longer than 3."""
    tokens = _NON_ALPHANUMERIC.sub(" ", text.lower()).split()
    if stem:
        tokens = [porter_stem(t) if len(t) > 3 else t for t in tokens]
    return [t for t in tokens if t]


@dataclass(frozen=True)
class RougeScore:
    precision: float
    recall: float
    fmeasure: float


def _score(overlap: int, predicted: int, reference: int) -> RougeScore:
    precision = overlap / max(predicted, 1)
    recall = overlap / max(reference, 1)
    total = precision + recall
    return RougeScore(precision, recall, 2 * precision * recall / total if total > 0 else 0.0)


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _rouge_n(reference: Sequence[str], prediction: Sequence[str], n: int) -> RougeScore:
    ref, pred = _ngrams(reference, n), _ngrams(prediction, n)
    overlap = sum(min(count, pred[gram]) for gram, count in ref.items())
    return _score(overlap, sum(pred.values()), sum(ref.values()))


def _lcs_length(first: Sequence[str], second: Sequence[str]) -> int:
    previous = [0] * (len(second) + 1)
    for token in first:
        current = [0]
        for j, other in enumerate(second, start=1):
            current.append(
                previous[j - 1] + 1 if token == other else max(previous[j], current[j - 1])
            )
        previous = current
    return previous[-1]


def _rouge_l(reference: Sequence[str], prediction: Sequence[str]) -> RougeScore:
    if not reference or not prediction:
        return RougeScore(0.0, 0.0, 0.0)
    return _score(_lcs_length(reference, prediction), len(prediction), len(reference))


def rouge(reference: str, prediction: str) -> dict[str, RougeScore]:
    """ROUGE-1, ROUGE-2 and ROUGE-L of ``prediction`` against one ``reference``."""
    ref, pred = tokenize(reference), tokenize(prediction)
    return {
        "rouge1": _rouge_n(ref, pred, 1),
        "rouge2": _rouge_n(ref, pred, 2),
        "rougeL": _rouge_l(ref, pred),
    }
