"""Reading tokenised text as written prose, with every span mapped back to the original.

Some corpora store news as tokens joined by spaces: "Halvorsen , 38 , was arrested at
about 10 a . m . after a 48 - km chase" ("AK - 47", "2 , 000", "0 . 07", "co - workers").
Parsers and the readers' patterns read that badly: "47" becomes a count of rifles, "1 : 30
a . m ." is no time at all. For such texts the readers work on a joined view ("Halvorsen,
38, was arrested at about 10 a.m. after a 48-km chase"), and every span they find is mapped
back to the original text, so evidence always cites the text as stored.

Ordinary prose is read as it is: the view is used only when the text looks tokenised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Marks that attach to the token before them, and marks the next token attaches to.
ATTACH_LEFT = frozenset(
    {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "’s", "n't", "'re", "'ve", "'ll",
     "'d", "'m", "''", "”", "’"}
)  # fmt: skip
ATTACH_RIGHT = frozenset({"(", "[", "{", "$", "``", "“", "#"})
# How often tokenised punctuation must appear, per 100 tokens, before a text counts as tokenised.
# A tokenised mark is one of these after a space after a word character ("Halvorsen , 38");
# the pattern opens with the space so that the engine jumps from space to space (a pattern
# opening with ``\w`` is tried at every character: 6x slower on a text's head).
TOKENISED_MARKS = re.compile(r" (?:[,.;:)]|'s|n't)(?= |$)", re.MULTILINE)
WORD_CHARACTER = re.compile(r"\w")
MIN_MARKS_PER_100_TOKENS = 3.0
SINGLE_LETTER = re.compile(r"^[A-Za-z]$")


@dataclass(frozen=True)
class View:
    """Joined text and, for each of its characters, the offset in the original."""

    text: str
    origin: tuple[int, ...]  # len(text) + 1 entries; the last is the original's length

    def start(self, offset: int) -> int:
        return self.origin[offset]

    def end(self, offset: int) -> int:
        """Original end of a span ending at ``offset`` (just past its last character)."""
        if offset <= 0:
            return self.origin[0]
        return self.origin[offset - 1] + 1


def looks_tokenised(text: str) -> bool:
    marks = tokenised_marks(text)
    if not marks:
        return False  # prose, nearly always: its words need no counting
    tokens = len(text.split())
    if tokens < 20:
        return False
    return 100 * marks / tokens >= MIN_MARKS_PER_100_TOKENS


def tokenised_marks(text: str) -> int:
    """How many marks stand apart from the word before them (" ," after "Halvorsen"): the
    matches of a word character, a space and a mark, none sharing a character."""
    count, taken_to = 0, 0
    for mark in TOKENISED_MARKS.finditer(text):
        word = mark.start() - 1
        if word >= taken_to and WORD_CHARACTER.match(text, word):
            count += 1
            taken_to = mark.end()
    return count


def joined_view(text: str) -> View | None:
    """The joined view of a tokenised text, or None for ordinary prose."""
    if not looks_tokenised(text):
        return None
    out: list[str] = []
    origin: list[int] = []
    for line_start, line in _lines(text):
        _join_line(line, line_start, out, origin)
    origin.append(len(text))
    return View("".join(out), tuple(origin))


def _lines(text: str) -> list[tuple[int, str]]:
    found, position = [], 0
    for line in text.splitlines(keepends=True):
        found.append((position, line))
        position += len(line)
    return found


def _join_line(line: str, line_start: int, out: list[str], origin: list[int]) -> None:
    tokens = [(m.start() + line_start, m.group()) for m in re.finditer(r"\S+", line)]
    previous = ""
    for index, (start, token) in enumerate(tokens):
        following = tokens[index + 1][1] if index + 1 < len(tokens) else ""
        if index > 0 and not _glued(previous, token, following, tokens, index):
            out.append(" ")
            origin.append(start - 1)
        out.extend(token)
        origin.extend(range(start, start + len(token)))
        previous = token
    ending = line[len(line.rstrip("\r\n")) :]
    for offset, char in enumerate(ending):
        out.append(char)
        origin.append(line_start + len(line) - len(ending) + offset)


def _glued(previous: str, token: str, following: str, tokens: list, index: int) -> bool:  # type: ignore[type-arg]
    """Whether ``token`` is written against the token before it in prose."""
    if token in ATTACH_LEFT:
        return not (token in (",", ".") and previous == token)
    if previous in ATTACH_RIGHT:
        return True
    if previous == "-" and index >= 2:
        return _hyphen_joins(tokens[index - 2][1], token)
    if token == "-":
        return _hyphen_joins(previous, following)
    if previous == ":" and token.isdigit() and index >= 2 and tokens[index - 2][1].isdigit():
        return True  # "1 : 30"
    if previous == "," and re.fullmatch(r"\d{3}[^\W\d_]*", token) and index >= 2:
        return bool(re.fullmatch(r"\d{1,3}", tokens[index - 2][1]))  # "2 , 000"
    if previous == "." and index >= 2:
        before = tokens[index - 2][1]
        if before.isdigit() and token.isdigit():
            return True  # "0 . 07"
        if SINGLE_LETTER.match(before) and SINGLE_LETTER.match(token):
            return True  # "a . m", "U . S"
    return False


def _hyphen_joins(left: str, right: str) -> bool:
    """ "AK - 47", "36 - year - old", "co - workers"; not a spaced dash between clauses."""
    return bool(left) and bool(right) and left[-1].isalnum() and right[0].isalnum()
