"""Remove boilerplate from plain text scraped from news pages.

Scraped text holds the article (headline, standfirst, paragraphs, bullet
summaries, subheads) mixed with what surrounded it on the page: menus, cookie
notices, donation pleas, captions and credits, share widgets, related-article
lists, comment prompts, copyright lines.  Each line is read on its own first
(length, final punctuation, share of function words, menu-likeness, phrases
that only boilerplate uses), then in context:

* the article is the contiguous run of lines with the highest score, where
  sentence-like lines count for their length and boilerplate against it
  (notices and pleas cluster at the head and tail, outside that run);
* the headline is the nearest headline-like line before the run;
* inside the run, short lines survive only as subheads (followed by a
  paragraph), and the headline list after "You might also like" goes;
* a line that recurs across an outlet's or a batch's documents is dropped
  only when it is also short or unlike article prose, so reprinted wire copy
  survives.

Every dropped line is returned with a reason so that a user can audit it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from triangulate.core.words import REPORTED_SPEECH, STOP_WORDS, word_set, words_of
from triangulate.models import RemovedLine

GOOD = "good"  # sentence-like prose
HEAD = "head"  # headline-like: a few words, no final full stop
SHORT = "short"  # a fragment: one word, a symbol, a number
BAD = "bad"  # matched a boilerplate rule; ``reason`` says which


@dataclass(frozen=True)
class CleanedText:
    text: str
    removed: tuple[RemovedLine, ...]
    title: str | None


# --- repetition across documents -------------------------------------------


def _normalised_bytes(line: str) -> bytes:
    """What a line's key hashes: the line lower-cased, its white space collapsed, every digit
    made 0, in UTF-8. An ASCII line's digits are 0-9 alone: they are zeroed in its bytes by a
    table, faster than the pattern."""
    folded = " ".join(line.lower().split())
    if folded.isascii():
        return folded.encode("ascii").translate(_ZERO_DIGITS)
    return _DIGITS.sub("0", folded).encode("utf-8", "replace")


_ZERO_DIGITS = bytes.maketrans(b"123456789", b"000000000")


def _text_keys(text: str) -> set[str]:
    return {_line_key(line) for line in text.splitlines() if line.strip()}


def _line_key(line: str) -> str:
    if len(line) > _DESCRIBED_CHARS:
        return _key_anew(line)
    key = _line_keys.get(line)
    if key is None:
        if len(_line_keys) >= _DESCRIBED_LINES:
            _line_keys.clear()
        key = _line_keys[line] = _key_anew(line)
    return key


_line_keys: dict[str, str] = {}  # short lines recur (see _describe)


def _key_anew(line: str) -> str:
    return hashlib.blake2b(_normalised_bytes(line), digest_size=8).hexdigest()


MEMORY_KEYS = 60_000
# Short lines (up to this many characters) are remembered, up to this many, with what is
# computed from their text alone: a batch's page furniture recurs from document to document.
_DESCRIBED_CHARS = 160
_DESCRIBED_LINES = 8_192


class BoilerplateMemory:
    """Counts in how many distinct documents each normalised line appears, overall and by outlet."""

    def __init__(self) -> None:
        self._overall: Counter[str] = Counter()
        self._by_outlet: dict[str, Counter[str]] = {}

    def add_document(self, text: str, outlet: str | None = None) -> frozenset[str]:
        """Count a document's lines; returns their keys, for ``for_keys`` later."""
        keys = frozenset(_text_keys(text))
        self._overall.update(keys)
        if outlet:
            self._by_outlet.setdefault(outlet, Counter()).update(keys)
        return keys

    def documents_with(self, line: str, outlet: str | None = None) -> int:
        return self.count_key(_line_key(line), outlet)

    def count_key(self, key: str, outlet: str | None = None) -> int:
        if outlet:
            return self._by_outlet.get(outlet, Counter())[key]
        return self._overall[key]

    def for_keys(self, keys: Iterable[str], outlet: str | None = None) -> BoilerplateMemory:
        """The counts of the given line keys only (as ``add_document`` returned them): small
        enough to send to a worker process with the text they are for."""
        subset = BoilerplateMemory()
        subset._overall.update({key: self._overall[key] for key in keys if key in self._overall})
        counts = self._by_outlet.get(outlet or "")
        if outlet and counts is not None:
            subset._by_outlet[outlet] = Counter({key: counts[key] for key in keys if key in counts})
        return subset

    def prune(self, max_keys: int = MEMORY_KEYS) -> None:
        """Past ``max_keys`` lines, forget those seen in one document only: memory stays
        bounded, and a boilerplate line still counts when it recurs within that span."""
        if len(self._overall) <= max_keys:
            return
        self._overall = Counter({k: n for k, n in self._overall.items() if n > 1})
        for outlet, counts in self._by_outlet.items():
            self._by_outlet[outlet] = Counter({k: n for k, n in counts.items() if n > 1})

    def rows(self) -> list[tuple[str, str, int]]:
        rows = [("", key, count) for key, count in self._overall.items()]
        for outlet, counts in self._by_outlet.items():
            rows.extend((outlet, key, count) for key, count in counts.items())
        return rows

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, int]]) -> BoilerplateMemory:
        memory = cls()
        for outlet, key, count in rows:
            counts = memory._by_outlet.setdefault(outlet, Counter()) if outlet else memory._overall
            counts[key] += count
        return memory


# --- lexicons and patterns ----------------------------------------------------

_DIGITS = re.compile(r"\d")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")

# Function words of the languages the cleaner meets most (English from the word layer): a
# line of prose has some, a menu or a row of tags has none.
_OTHER_LANGUAGES = word_set(
    """der die das und ist nicht ein eine mit von den dem des sich auf für im zu es auch
    le la les et est un une des du dans pour que qui pas sur au avec ce il elle
    el los las y en por con para una del se lo al como más pero
    il di che è non per una sono della nel alla
    o os as um uma não com para em da do no na
    de het een en van is dat op te niet met voor zijn"""
)
_STOPWORDS = STOP_WORDS | _OTHER_LANGUAGES

_TERMINAL = frozenset(".!?…。！？")
_CLOSERS = "\"'”’»)]*"
_BULLET = re.compile(r"^(?:[•·▪●◦‣∙*+–—-]|\d{1,2}[.)])\s+")

# Words of a plea for money that news of donations uses too (see _pleads)
_DONATION_WORDS = r"(?:donate|donation|donations|donating)\b"
_MAKE_A_GIFT = r"make a (?:contribution|donation|gift)"
_NEWS_TOO = frozenset({_DONATION_WORDS, _MAKE_A_GIFT})

# Phrases that only page furniture uses. Each pattern is tried, lowercased, where a line's
# word equals the pattern's first word (a leading "(?:a|b)" gives several first words);
# "^" patterns only at the start of the line. Indexing by first word keeps this fast.
_PHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "cookie-notice",
        (
            r"(?:accept|reject) all\b",
            r"manage (?:cookie|privacy|consent)",
            r"privacy (?:policy|settings|preferences|notice)\b",
            r"(?:enable|require|requires) javascript",
            r"turn on javascript",
            r"javascript is (?:disabled|off)",
            r"ad ?blocker",
            r"adblocker",
            r"whitelist (?:us|our)",
        ),
    ),
    (
        "language-menu",
        (
            r"version of (?:our|this|the) (?:web)?site",
            r"language settings",
            r"would you like to switch",
            r"choose (?:your|a) (?:language|edition|region)",
        ),
    ),
    (
        "donation-plea",
        (
            r"support us\b",
            r"support our (?:work|journalism|newsroom|reporting)",
            r"(?<=your )support\b",
            r"need your (?:help|support)",
            r"(?:favor|favour) to ask",
            r"independent journalism",
            r"(?<=our )journalism",
            _DONATION_WORDS,
            _MAKE_A_GIFT,
            r"contribute (?:now|today|to our)",
            r"become a (?:member|patron|supporter|friend)",
            r"reader[- ](?:funded|supported)",
            r"ad-free",
            r"disabled (?:all )?ads",
            r"remind me later",
            r"ready to (?:support|give|donate|subscribe)",
            r"(?:paiment|payment) methods",
            r"chip in\b",
            r"keep (?:our )?journalism (?:free|open)",
        ),
    ),
    (
        "subscription-plea",
        (
            r"subscribe (?:now|today|to (?:our|the))",
            r"sign up (?:for|to) (?:our|the)",
            r"(?:newsletter|newsletters)\b.{0,40}\b(?:sign|subscri|inbox|email)",
            r"delivered (?:straight )?to your inbox",
            r"already (?:a subscriber|have an account|registered)",
            r"create (?:a free|an) account",
            r"(?:log|login) ?in to (?:continue|read|comment)",
            r"continue reading\b",
            r"(?:subscriber|subscribers) only",
            r"unlimited (?:digital )?access",
            r"free trial",
        ),
    ),
    (
        "share-widget",
        (
            r"share (?:this|the) (?:article|story|page|post|video)",
            r"copy (?:to clipboard|link)",
            r"copy/paste the",
            r"embed (?:link|code)",
            r"close button",
            r"click to share",
            r"share on (?:facebook|twitter|whatsapp|linkedin|x)\b",
            r"opens in (?:a )?new window",
        ),
    ),
    (
        "comment-prompt",
        (
            r"first to comment",
            r"leave a (?:reply|comment)",
            r"post a comment",
            r"join the (?:conversation|discussion)",
            r"(?:comment|comments) (?:are|is) closed",
            r"akismet",
            r"your email address will not be published",
            r"required fields are marked",
            r"reduce spam",
            r"comment data is processed",
            r"(?:view|show|hide|load) (?:all )?comments",
            r"add a comment",
            r"(?:comment|comments) policy",
        ),
    ),
    (
        "copyright",
        (
            r"^(?:©|copyright)",
            r"^c\)\s*\d{4}",
            r"rights reserved",
            r"(?:unauthorized|unauthorised) (?:use|reproduction|copying)",
            r"(?<=may not be )(?:published|reproduced|broadcast|rewritten|redistributed)",
            r"written permission",
        ),
    ),
    (
        "credit",
        (
            r"^(?:image|images|photo|photos|picture|pictures|video|graphic|graphics|illustration"
            r"|photograph|foto|fotos)(?: source| credit| by)?\s*[:©]",
            r"(?:image|images|photo) (?:credit|source)\b",
            r"(?:photo|photos|image|images|picture)(?: by|:)[^)]*\)\s*$",
        ),
    ),
    (
        "caption",
        (
            r"^(?:above|below|pictured|caption|top|left|right)\s*:",
            r"^main picture\s*:",
            r"^file photo\s*:",
            r"(?<=, )(?:left|right|centre|center|top|bottom|above|below|pictured)(?: to right)?,",
            r"(?:getty|shutterstock|alamy|nurphoto|imago|sopa) images?\s*(?:/\s*[\w ]{0,30})?$",
            r"(?:afp|reuters|epa|efe|dpa|xinhua|anadolu|bloomberg)(?: via getty images| agency)?"
            r"\s*(?:/\s*[\w ]{0,30})?$",
            r"(?:ap|pa) (?:photo|wire|images)\s*$",
            r"associated press\s*$",
        ),
    ),
    (
        "related-list",
        (
            r"^(?:read|see|also|related|watch)(?: more| also| next| read)?\s*:",
            r"^more on this\s*:",
        ),
    ),
)
_PhraseRule = tuple[str, "re.Pattern[str]", bool, bool]  # reason, pattern, at start, news too
_FIRST_WORDS = re.compile(r"^\^?(?:\(\?<=[^)]*\))?(?:\(\?:([\w|©']+)\)|([\w©']+))")
_LINE_WORDS = re.compile(r"[\w']+|©")


def _index_phrases() -> dict[str, list[_PhraseRule]]:
    index: dict[str, list[_PhraseRule]] = {}
    for reason, patterns in _PHRASES:
        for pattern in patterns:
            first = _FIRST_WORDS.match(pattern)
            assert first, pattern
            compiled = re.compile(pattern.lstrip("^"))
            for word in (first.group(1) or first.group(2)).split("|"):
                rule = (reason, compiled, pattern.startswith("^"), pattern in _NEWS_TOO)
                index.setdefault(word, []).append(rule)
    return index


_PHRASE_INDEX = _index_phrases()


_TRIGGERS = frozenset(_PHRASE_INDEX)


def _phrase_reason(text: str, lowered_words: list[str]) -> str | None:
    if _TRIGGERS.isdisjoint(lowered_words) and "©" not in text:
        return None
    lowered = text.lower().replace("’", "'")
    for match in _LINE_WORDS.finditer(lowered):
        rules = _PHRASE_INDEX.get(match.group())
        if not rules:
            continue
        for reason, pattern, at_start, news_too in rules:
            if at_start and lowered[: match.start()].strip(" \t\"'([*•-"):
                continue
            if pattern.match(lowered, match.start()):
                if news_too and not _pleads(lowered):
                    continue
                return reason
    return None


# The words of donation make a site's plea for money when the line asks its reader ("If you
# value our reporting, please donate", "Your donation keeps our journalism free", "Donate
# now", "Make a one-time donation today"), or speaks of the site's work ("Donations are
# tax-deductible"); else they are news of donations, which tells what people do or say
# ("Donations are being accepted at the community center", "The family asked that donations
# be made to a scholarship fund", "Donations from across the US have reached $40,000",
# "'We need coats,' she explained"), and which a local report after a fire or a death often
# gives.
_PLEA = re.compile(
    r"\b(?:you|your|yours|our|ours|we|please|journalism|reporting|newsroom|tax[- ]deductible)\b"
    r"|(?:^|[.!?:]\s)\W*(?:donate|click|tap|chip in|become|join|make an?)\b"
)
_QUOTED_SPEECH = re.compile(r"[,.!?…][\"”']")  # a quotation that ends a speaker's words


def _pleads(lowered: str) -> bool:
    """Whether a line with words of a plea for money (``lowered``: lower-cased) reads as the
    site's plea rather than the article's news of donations."""
    if REPORTED_SPEECH.search(lowered) or _QUOTED_SPEECH.search(lowered):
        return False
    return bool(_PLEA.search(lowered))


# Whole short lines that are page furniture.
_WHOLE_LINES: tuple[tuple[str, str], ...] = (
    (
        "ad-marker",
        r"advertisement|advertising|advert|ad|sponsored(?: content)?|anzeige|publicité|"
        r"publicidad|pubblicità|reklama|(?:story|article) continues (?:below|after)"
        r"(?: (?:this )?(?:advertisement|ad))?|continue reading(?: (?:below|the main story))?|"
        r"scroll to continue(?: with content)?|skip (?:ad|advert)",
    ),
    (
        "related-list",
        r"(?:you (?:might|may) also (?:like|be interested in|enjoy)|related(?: (?:content|"
        r"articles?|stories|news|posts|coverage|topics|reading|links|videos?))?|read more|"
        r"read also|read next|see also|also read|more (?:on this story|stories|news|from .{1,40}"
        r"|like this|to explore)|most (?:read|popular|viewed|shared)|recommended(?: for you| "
        r"stories| articles)?|trending(?: now| stories)?|latest (?:news|stories|articles)|"
        r"top stories|don'?t miss|further reading|what to read next|editor'?s picks|"
        r"in (?:other|case you missed) .{1,30}|also in (?:today's|this week's) .{1,30}|"
        r"also in this (?:issue|edition|section)|"
        r"up next|next article|previous article|"
        r"more in .{1,40}|popular(?: now)?|in this section|watch next)",
    ),
    (
        "share-widget",
        r"(?:share|shares|tweet|email|e-mail|print|copy|copied|copy link|embed|whatsapp|"
        r"facebook|twitter|x|linkedin|reddit|telegram|pinterest|messenger|flipboard|"
        r"comments?|share (?:this|on|via) ?.{0,30}|follow us(?: on .{1,30})?|listen|"
        r"save|bookmark|gift (?:this )?article|font size|text size|zoom|close|menu|search|"
        r"loader|loading\W*|toggle .{1,20})",
    ),
    (
        "comment-prompt",
        r"(?:\d+\s+)?(?:comments?|responses?|replies|reply|discussion|join the discussion)",
    ),
    (
        "label",
        r"(?:category|categories|tags?|topics?|section|filed under|publication date|"
        r"published(?: on| at)?|updated(?: on| at)?|last updated|posted(?: on| in)?|date|"
        r"time|reading time|(?:reading time\W*)?\d+\s*min(?:ute)?s?(?: read)?|source|sources|"
        r"author|authors|"
        r"keywords|listen to (?:this )?article.{0,20}|audio|breaking(?: news)?|exclusive|"
        r"analysis|opinion|explainer|live|news|world|home|skip to (?:main )?content)",
    ),
)
_WHOLE_RE = re.compile(
    r"^\W*(?:"
    + "|".join(f"(?P<w{i}>{pattern})" for i, (_, pattern) in enumerate(_WHOLE_LINES))
    + r")\W*$",
    re.IGNORECASE,
)
_WHOLE_REASONS = {f"w{i}": reason for i, (reason, _) in enumerate(_WHOLE_LINES)}

_LANGUAGE_NAMES = re.compile(
    r"English|Français|Deutsch|Italiano|Español|Português|Русский|Türkçe|Ελληνικά|"
    r"Magyar|فارسی|العربية|Shqip|Română|ქართული|[Бб]ългарски|Srpski|Српски|Polski|"
    r"Nederlands|Svenska|Dansk|Norsk|Suomi|Čeština|Українська|日本語|中文|한국어|हिन्दी|"
    r"Bahasa|Tiếng Việt|עברית|Hrvatski|Slovenčina|Slovenščina|Lietuvių|Latviešu|Eesti|"
    r"Català|Azərbaycan|Қазақ|Հայերեն|O['ʻ]zbek|Беларуская|اردو|Kiswahili|ไทย"
)
_CREDIT_TAIL = re.compile(
    r"(?:^|[.!?]\s+|\s)(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*\s*/\s*"
    r"(?:[A-Z][\w&'’.-]*\s*){1,4}$"
)
_BYLINE = re.compile(
    r"^(?:by|(?:written|reporting|reported|posted|filed|words|text|story) by:?|von|par|por|di)\s+"
    r"(?:[A-Z]|the\b)",
    re.IGNORECASE,
)
# "KTVR News 9 Staff", "Mara Quinn, Staff Writer", "Valdosa Courier staff reports": a
# byline that names a newsroom or a role rather than opening with "By"
_STAFF_BYLINE = re.compile(
    r"^(?:[A-Z0-9][\w&'’.-]*,?\s+){2,5}(?i:staff(?:\s+(?:writer|reporter|report)s?)?"
    r"|staff\s+and\s+wire\s+reports|correspondent|news\s+desk)$"
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = re.compile(
    rf"\b(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|{_MONTH}\s+\d{{1,2}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|\d{{1,2}}[:.]\d{{2}}\s*(?:am|pm|a\.m\.|p\.m\.)?)",
    re.IGNORECASE,
)
_DATE_TOKENS = re.compile(
    rf"\b(?:{_MONTH}|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?|"
    r"am|pm|[a-z]{1,2}[sd]t|[ecmp]t|gmt|utc|cet|cest|msk|ist|jst|aest|hrs?|"
    r"date|dated|published|updated|posted|last|modified|on|at|the|of|and|since|ago|"
    r"minutes?|hours?|days?|weeks?|mins?|\d+(?:st|nd|rd|th)?)\b"
    # "a.m." ends in a stop, where no word boundary follows
    r"|\b[ap]\.m\.?|[\W_]+",
    re.IGNORECASE,
)
_COOKIE_CUE = re.compile(
    r"\b(?:consent|accept|agree|use|uses|using|privacy|browser|website|site|experience|"
    r"settings|preferences|policy|store|stores|enable|disable|block)\b"
)
_LABEL_ONLY = re.compile(
    r"^(?:category|categories|tags?|topics?|section|filed under|publication date|"
    r"published|updated|date|source|author)\W*$",
    re.IGNORECASE,
)


# --- one line at a time ---------------------------------------------------------


@dataclass(slots=True)
class _Line:
    index: int
    text: str
    words: int = 0
    terminal: bool = False
    stop_ratio: float = 0.0
    menu_like: bool = False
    title_case: bool = False
    prose: bool = False
    bullet: bool = False
    kind: str = SHORT
    reason: str | None = None
    norm: str = ""  # whitespace collapsed


# A line's description depends on its text alone, and page furniture (menus, share buttons,
# bylines, notices) recurs across a batch's documents: short lines are described once per
# worker and copied (a copy, since lines in context are marked in place).
_described: dict[str, _Line] = {}


def _describe(index: int, text: str) -> _Line:
    if len(text) > _DESCRIBED_CHARS:
        return _describe_anew(index, text)
    known = _described.get(text)
    if known is None:
        if len(_described) >= _DESCRIBED_LINES:
            _described.clear()
        known = _described[text] = _describe_anew(-1, text)
    return _Line(
        index, text, known.words, known.terminal, known.stop_ratio, known.menu_like,
        known.title_case, known.prose, known.bullet, known.kind, known.reason, known.norm,
    )  # fmt: skip


def _describe_anew(index: int, text: str) -> _Line:
    line = _Line(index, text)
    tokens = text.split()
    line.norm = " ".join(tokens)
    line.words = len(tokens)
    if not text.isascii():
        line.words = max(line.words, len(_CJK.findall(text)) // 3)
    stripped = text.rstrip(_CLOSERS)
    line.terminal = bool(stripped) and stripped[-1] in _TERMINAL
    words = [word for word in words_of(text) if word[0].isalpha()]
    lowered_words = " ".join(words).lower().replace("’", "'").split()
    _measure_words(line, words, lowered_words)
    line.bullet = bool(_BULLET.match(text))
    line.kind = _kind(line)
    line.reason = _rule_reason(line, lowered_words)
    if line.reason:
        line.kind = BAD
    return line


def _measure_words(line: _Line, words: list[str], lowered_words: list[str]) -> None:
    if not words:
        return
    stops = sum(map(_STOPWORDS.__contains__, lowered_words))
    capitalised = sum(map(str.isupper, [word[0] for word in words]))
    line.stop_ratio = stops / len(words)
    line.menu_like = len(words) >= 3 and stops == 0 and capitalised == len(words)
    if capitalised >= 3:
        long_initials = [word[0] for word in words if len(word) >= 4]
        long_capitalised = sum(map(str.isupper, long_initials))
        line.title_case = len(long_initials) >= 3 and long_capitalised >= 0.75 * len(long_initials)
    line.prose = (
        line.stop_ratio >= 0.1
        or (len(words) - capitalised) >= 0.5 * len(words)
        or not _is_latin(line.text)
    )


def _kind(line: _Line) -> str:
    prose = line.prose and not line.title_case
    if prose and line.terminal and line.words >= 5:
        return GOOD
    if prose and line.words >= 2 and _short_statement(line.text):
        return GOOD
    if prose and line.words >= 15:
        return GOOD
    if line.bullet and line.words >= 6 and prose:
        return GOOD
    if 2 <= line.words <= 30:
        return HEAD
    return SHORT


def _short_statement(text: str) -> bool:
    """ "She was 85.", "Nobody was hurt.": a short sentence of an article's own, told with a
    capital and one full stop; not a page's "Thanks for signing up!", "Like this article?" or
    "You may also like..." (a list's lead)."""
    stripped = text.rstrip(_CLOSERS)
    return text[:1].isupper() and stripped.endswith(".") and not stripped.endswith("..")


def _is_latin(text: str) -> bool:
    return text.isascii() or sum(char.isascii() for char in text) * 2 > len(text)


def _rule_reason(line: _Line, lowered_words: list[str]) -> str | None:
    text = line.text
    if line.words <= 8:
        match = _WHOLE_RE.match(text)
        if match and match.lastgroup:
            return _WHOLE_REASONS[match.lastgroup]
    if line.words <= 80:
        reason = _phrase_reason(text, lowered_words)
        if reason:
            return reason
    return _shape_reason(line)


# A dateline's words at most: two stamps on one line ("Published 10:48 a.m. ET Mar. 9, 2031
# | Updated 4:02 p.m. ET Mar. 9, 2031") are 15
DATELINE_WORDS = 20


def _shape_reason(line: _Line) -> str | None:
    text = line.text
    if line.words <= 80 and _is_cookie_notice(text):
        return "cookie-notice"
    if line.kind != GOOD and not text.isascii() and len(_LANGUAGE_NAMES.findall(text)) >= 3:
        return "language-menu"
    if line.words <= 60 and "/" in text and _CREDIT_TAIL.search(text):
        return "caption" if line.words > 6 else "credit"
    if (
        (line.words <= 10 or (line.words <= 20 and _long_byline(text)))
        and not line.terminal
        and (_BYLINE.match(text) or _STAFF_BYLINE.match(text))
    ):
        return "byline"
    if line.words <= DATELINE_WORDS and _is_dateline(text):
        return "dateline"
    return None


# A newsroom's word that a long byline tells ("..., Staff Writers", "(news release), posted
# by Valley Today staff"); a headline in title case tells none ("By The Numbers: How ...",
# "By Order Of The Court, ...")
_LONG_BYLINE_CUE = re.compile(
    r"\b(?:staff|writers?|reporters?|correspondents?|editors?|contributors?|release|posted"
    r"|contributed|wire|news\s+service)\b",
    re.IGNORECASE,
)


def _long_byline(text: str) -> bool:
    """Whether a line of more than ten words opening like a byline is one: half its words or
    more capitalised (people and newsrooms, not prose: "By land and sea, rescuers race to
    ..."), a newsroom's word (``_LONG_BYLINE_CUE``) and no colon (a headline's)."""
    words = text.split()
    capitalised = 2 * sum(word[:1].isupper() for word in words) >= len(words)
    return capitalised and ":" not in text and _LONG_BYLINE_CUE.search(text) is not None


def _is_cookie_notice(text: str) -> bool:
    lowered = text.lower()
    return "cookie" in lowered and bool(_COOKIE_CUE.search(lowered))


def _is_dateline(text: str) -> bool:
    """A line made of a date or time, possibly with a source name or two."""
    if not _DATE.search(text):
        return False
    rest = _DATE_TOKENS.sub(" ", text).split()
    return len(rest) <= 3 and all(word[0].isupper() for word in rest)


# --- lines in context -----------------------------------------------------------


def _mark_adjacent_repeats(lines: list[_Line]) -> None:
    """Captions repeated in a row (often the second with a credit) and glued breadcrumbs."""
    for position in range(len(lines) - 1):
        first, second = lines[position], lines[position + 1]
        a, b = first.norm, second.norm
        if a == b and first.words >= 3:
            if first.kind == HEAD and not any(line.kind == HEAD for line in lines[:position]):
                _mark(second, "duplicate-line")
            else:
                _mark(first, "caption")
                _mark(second, "caption")
        elif first.words >= 4 and b.startswith(a) and len(b) > len(a):
            _mark(first, "caption")
            _mark(second, "caption")
        elif second.words >= 3 and a.endswith(b) and len(a) > len(b):
            _mark(first, "menu")


def _mark(line: _Line, reason: str) -> None:
    line.kind = BAD
    line.reason = line.reason or reason


def _drop_repeats_of_kept(kept: list[_Line]) -> list[_Line]:
    """A kept line that repeats an earlier kept line (pull quote, second copy) goes."""
    seen: set[str] = set()
    unique = []
    for line in kept:
        key = line.norm.lower()
        if key in seen:
            line.reason = "duplicate-line"
            continue
        seen.add(key)
        unique.append(line)
    return unique


_REPEATED = "repeated-across-batch"


def _mark_repeated(lines: list[_Line], memory: BoilerplateMemory, outlet: str | None) -> None:
    """Drop recurring lines, but only short or unlike-prose ones: wire copy recurs too."""
    for line in lines:
        if line.kind == BAD or not _looks_like_furniture(line):
            continue
        key = _line_key(line.text)
        overall = memory.count_key(key)
        same_outlet = memory.count_key(key, outlet) if outlet else 0
        if overall >= 3 or same_outlet >= 2:
            _mark(line, _REPEATED)


def _looks_like_furniture(line: _Line) -> bool:
    if line.words < 6 or line.menu_like:
        return True
    return line.kind != GOOD and line.stop_ratio < 0.1


# The longest headline a list of links under "Related stories" holds, in words
RELATED_ITEM_WORDS = 20


def _mark_lists_after_headers(lines: list[_Line]) -> None:
    """After "You might also like", "Related" and labels, the headlines that follow go too,
    a headline that reads as a sentence too when the list marks it as an item ("- Two men
    wounded in drive-by")."""
    for position, line in enumerate(lines):
        if line.reason == "related-list" and line.words <= 8:
            for follower in lines[position + 1 : position + 16]:
                listed = follower.bullet and follower.words <= RELATED_ITEM_WORDS
                if follower.kind == GOOD and not listed:
                    break
                _mark(follower, "related-list")
        elif _LABEL_ONLY.match(line.text) and position + 1 < len(lines):
            follower = lines[position + 1]
            if follower.kind != GOOD and follower.words <= 4:
                _mark(follower, "dateline" if _DATE.search(follower.text) else "label")


HEAD_WEIGHT = -2.0
MENU_WEIGHT = -2.0
BAD_WEIGHT_RANGE = (10, 40)
ISOLATED_FACTOR = 0.5
ISOLATED_OFFSET = 10.0


def _weights(lines: list[_Line]) -> list[float]:
    """How much each line argues for (prose) or against (furniture) the article run."""
    weights = []
    for position, line in enumerate(lines):
        if line.kind == GOOD:
            weight = float(line.words)
            if _isolated(lines, position):
                weight = weight * ISOLATED_FACTOR - ISOLATED_OFFSET
        elif line.kind == BAD:
            low, high = BAD_WEIGHT_RANGE
            weight = -float(max(low, min(line.words, high)))
        else:
            weight = MENU_WEIGHT if line.menu_like else HEAD_WEIGHT
        weights.append(weight)
    return weights


def _isolated(lines: list[_Line], position: int) -> bool:
    """A lone paragraph between non-prose lines, as teasers in a list of links are."""
    before = position > 0 and lines[position - 1].kind == GOOD
    after = position + 1 < len(lines) and lines[position + 1].kind == GOOD
    return not before and not after


def _best_span(lines: list[_Line]) -> tuple[int, int]:
    """Positions [start, end) of the contiguous run of lines with the highest total weight."""
    best, best_span = 0.0, (0, 0)
    running, start = 0.0, 0
    for position, weight in enumerate(_weights(lines)):
        if running <= 0:
            running, start = 0.0, position
        running += weight
        if running > best:
            best, best_span = running, (start, position + 1)
    return best_span


STANDFIRST_REACH = 4


def _extend_to_standfirst(lines: list[_Line], start: int) -> int:
    """Take back a lone paragraph just before the run (a standfirst, or a first sentence in
    capitals enough to look like a headline: :func:`_lead_sentence`) unless a notice is
    between."""
    position, gap = start - 1, 0
    while position >= 0 and gap < STANDFIRST_REACH:
        line = lines[position]
        if line.reason in _BLOCK_REASONS:
            break
        if line.kind == GOOD or _opening_sentence(lines, position):
            start, gap = position, 0
        else:
            gap += 1
        position -= 1
    return start


OPENER_WORDS = 8  # a first sentence read as a headline this long is the story's


def _opening_sentence(lines: list[_Line], position: int) -> bool:
    """A story's first sentence in capitals enough to read as a headline ("Today, President
    Tam Vell Announced ..."): a sentence that no headline can be (:func:`_lead_sentence`)."""
    line = lines[position]
    return (
        line.kind == HEAD
        and line.words >= OPENER_WORDS
        and line.text.rstrip(_CLOSERS).endswith(".")
        and _lead_sentence(lines, position)
        and not _NO_OPENING.search(line.text)
    )


# A credit, a note of an update or a correction, a plea: lines no story opens with
_NO_OPENING = re.compile(
    r"^\W*(?:photo|photos|photograph|courtesy|credit|correction|editor['’]?s\s+note|copyright"
    r"|subscribe|advertisement|this\s+(?:story|article|report)\s+(?:was|has\s+been)\s+updated)\b",
    re.IGNORECASE,
)


def _is_subhead(lines: list[_Line], position: int, end: int) -> bool:
    line = lines[position]
    if line.kind != HEAD or line.words > 20:
        return False
    following = lines[position + 1] if position + 1 < end else None
    return following is not None and following.kind == GOOD


TITLE_REACH = 25  # lines searched back from the article run for its headline


def _find_title(lines: list[_Line], start: int) -> int | None:
    """Position of the headline: a long headline read as the run's first paragraph
    (:func:`_long_headline`) unless a headline stands right above it (then it is the
    standfirst), else the nearest line before the run that can be a headline."""
    if _long_headline(lines, start) and not _headline_above(lines, start):
        return start  # before the search: a menu above it is no headline
    found = _headline_above_run(lines, start - 1, start)
    if found is None:
        return None
    # a release's own headline under its header: the page's headline above the release, if
    # it has one, tells the story ("FATAL CRASH - STATE ROUTE 9" under "Woman killed when ...")
    header = next(
        (
            p
            for p in range(found - 1, max(-1, start - TITLE_REACH), -1)
            if _release_header(lines[p]) and not _headline_over_byline(lines, p)
        ),
        None,
    )
    if header is not None:
        above = _headline_above_run(lines, header, start)
        if above is not None and not lines[above].text.isupper():  # not an agency's name
            found = above
    return _first_copy(lines, found)


def _headline_above_run(lines: list[_Line], position: int, start: int) -> int | None:
    """The nearest line from ``position`` up that can be the headline of the run at
    ``start``, past a release's header and letterhead and a site's note of reprinting, or
    a headline the batch took for furniture (:func:`_recurring_headline`). With none, the
    top line passed as a letterhead when it reads as a headline (a release's headline in
    capitals over its agency's name)."""
    passed = None
    while position > max(-1, start - TITLE_REACH):
        line = lines[position]
        if _recurring_headline(lines, position):
            return position
        if _release_header(line) and not _headline_over_byline(lines, position):
            above = _above_letterhead(lines, position)
            if above + 1 < position:
                passed = above + 1
            position = above
            continue
        if line.words <= HEADER_WORDS and _REPRINT_NOTE.search(line.norm):
            position -= 1
            continue
        if _can_be_headline(lines, position):
            return position
        position -= 1
    if passed is not None and _headline_in_capitals(lines[passed]):
        return passed if _can_be_headline(lines, passed) else None
    return None


def _headline_in_capitals(line: _Line) -> bool:
    """A release's headline in capitals over its letterhead ("FOUR ARRESTED AFTER SEARCH
    WARRANT ON MARLOW STREET"), not an agency's name ("OFFICE OF THE COUNTY PROSECUTOR")."""
    return line.text.isupper() and line.words >= LETTERHEAD_HEADLINE_WORDS


def _recurring_headline(lines: list[_Line], position: int) -> bool:
    """A headline its site lists in its other pages' links, so the batch's memory took it
    for furniture: right above the byline (a masthead recurs too, over its date: "HRN News |
    90.7 Harwick Radio")."""
    line = lines[position]
    return (
        line.reason == _REPEATED
        and 4 <= line.words <= 30
        and _headline_over_byline(lines, position)
        and not _page_furniture(lines, position)
    )


# A news release's header ("NEWS RELEASE", "FOR IMMEDIATE RELEASE", "Media advisory"), with
# its agency's letterhead above it; a site's note that it reprints releases ("posted as
# received"), with the page's headline above it
_RELEASE_WORDS = r"(?:news|press|media)\s+release|media\s+advisory"
_RELEASE_HEADER = re.compile(
    rf"^\W*(?:{_RELEASE_WORDS})\W*$|(?:^|[-–—|:]\s*)for\s+immediate\s+release\b", re.IGNORECASE
)
_RELEASE_IN_CAPITALS = re.compile(r"\b(?:(?:NEWS|PRESS|MEDIA)\s+RELEASE|MEDIA\s+ADVISORY)\W*$")
_REPRINT_NOTE = re.compile(
    r"\b(?:posted|published|printed|reprinted|distributed)\s+as\s+"
    r"(?:received|submitted|issued|provided|written)\b",
    re.IGNORECASE,
)
_RELEASE_CUE = re.compile(r"(?i:elease|dvisory)")  # in every header: a quick refusal
HEADER_WORDS = 10  # a longer line that tells of a release is a headline or a sentence
LETTERHEAD_HEADLINE_WORDS = 7  # a letterhead's top line in capitals this long may be one
LETTERHEAD_LINES = 4  # an agency's name, its office, its chief, its address: above a header


def _headline_over_byline(lines: list[_Line], position: int) -> bool:
    """A line right over a byline is a headline ("MAYOR SLAMS POLICE PRESS RELEASE"), not a
    release's header (a date follows that)."""
    return position + 1 < len(lines) and lines[position + 1].reason == "byline"


def _release_header(line: _Line) -> bool:
    """A release's header line: the words alone ("News Release"), "FOR IMMEDIATE RELEASE",
    or an agency's name over them in capitals ("HARWICK POLICE NEWS RELEASE"); a headline
    that tells of a release ("Mayor's press release draws criticism") is none."""
    text = line.norm
    if line.words > HEADER_WORDS or not _RELEASE_CUE.search(text):
        return False
    return bool(
        _RELEASE_HEADER.search(text) or (text.isupper() and _RELEASE_IN_CAPITALS.search(text))
    )


def _above_letterhead(lines: list[_Line], position: int) -> int:
    """The position above a release's header and the letterhead lines over it (short lines,
    never a paragraph; a second header line, "PRESS RELEASE" over "For Immediate Release",
    is no letterhead's)."""
    letterhead = 0
    position -= 1
    while position >= 0 and lines[position].kind != GOOD:
        line = lines[position]
        if not _release_header(line):
            if letterhead == LETTERHEAD_LINES or not _letterhead_line(line):
                break
            letterhead += 1
        position -= 1
    return position


def _letterhead_line(line: _Line) -> bool:
    """An agency's name, an office, a person's title, an address: short, in capitals or in
    title case, never a headline's sentence ("Two hurt in ... stabbing; suspect arrested")."""
    return line.words <= HEADER_WORDS and (
        line.words <= 3 or line.text.isupper() or line.title_case
    )


def _can_be_headline(lines: list[_Line], position: int) -> bool:
    """A headline-like line, or the page's first paragraph when it ends without a full stop
    (a headline long enough to read as prose, with its standfirst below it); never a
    field of a release, a stamp, a menu, a list's item or the story's first sentence."""
    line = lines[position]
    if line.kind == BAD and _MEDIA_LABEL.match(line.norm):
        # one that names its medium reads as an item of a list of links: the byline below
        # tells the headline
        return 4 <= line.words <= 30 and _byline_follows(lines, position)
    if line.kind == GOOD:
        headline = (
            not _full_stop(line)
            and 3 <= line.words <= 30
            and not any(other.kind == GOOD for other in lines[:position])
            and not _headline_above(lines, position)  # then this is its standfirst
        )
    else:
        headline = line.kind == HEAD and 3 <= line.words <= 30
    return headline and not _page_furniture(lines, position) and not _lead_sentence(lines, position)


def _lead_sentence(lines: list[_Line], position: int) -> bool:
    """A sentence that opens the story: long and ending in a full stop, or ending in one
    below a byline or a dateline (a headline stands above them)."""
    line = lines[position]
    if not line.text.rstrip(_CLOSERS).endswith((".", ":")) or _byline_follows(lines, position):
        return False  # a headline with its full stop stands over its byline
    above = lines[max(0, position - 2) : position]
    return line.words >= SENTENCE_WORDS or any(other.reason in _BYLINE_REASONS for other in above)


# A headline's label of the medium it leads to ("VIDEO: Police release footage of ..."): a
# teaser in a list of links, but the page's headline when its byline follows
_MEDIA_LABEL = re.compile(r"^(?:video|watch|listen|live|breaking)\s*:\s*\S", re.IGNORECASE)


def _byline_follows(lines: list[_Line], position: int) -> bool:
    """A byline or a dateline right below, or below a standfirst."""
    following = lines[position + 1 : position + 3]
    return any(line.reason in _BYLINE_REASONS for line in following)


def _headline_above(lines: list[_Line], position: int) -> bool:
    above = lines[position - 1] if position > 0 else None
    return (
        above is not None
        and above.kind == HEAD
        and 3 <= above.words <= 30
        and not above.menu_like
        and not _page_furniture(lines, position - 1)
    )


# Labels of a release's or a page's fields ("Location:", "DATE/TIME:", "Report #:", "For
# further information contact:", "DRIVER 3:"): the line is a field, not a headline. A
# headline's own colon follows a speaker or an agency ("Police: ...", "LPD: ...").
_FIELD_LABEL = re.compile(
    r"^(?:date|dates|date\s*(?:/|and|&)\s*time|location|address|author|authors|byline|posted|"
    r"published|updated|modified|release\s+date|released|contacts?|"
    r"media\s+(?:contact|inquiries|relations)|(?:for\s+)?(?:further|more)\s+information"
    r"(?:\s+contact)?|pio|filed(?:\s+under)?|tags?|category|categories|section|topics?|photo|"
    r"credit|occurred|agency|agencies|investigating\s+(?:unit|agency|officer)|"
    r"(?:case|report|incident|file|release)\s*(?:#|no\.?|number))"
    r"(?:\s*:|\s*[\w-]*\d[\w-]*\s*(?:\||$))"  # "Case No.:", "Release No. 48-101 | ..."
    r"|^(?:driver|passenger|vehicle|victim|suspect|occupant|unit|officer|patient)s?"
    r"\s*#?\s*\d+[a-z]?\s*:",
    re.IGNORECASE,
)
# ... and labels a headline may open with too ("Report: ...", "Sources: ...", "Subject:
# ..."): a field's in capitals, or beside another field
_FIELD_OR_HEADLINE_LABEL = re.compile(r"^(sources?|time|subject|re|report|incident|case)\s*:", re.I)


def _field_line(line: _Line, beside: bool = False) -> bool:
    """A field of a release or a page ("Location: ...", "SUBJECT: ..."); ``beside`` a line
    with a label a headline may have too, a stamp or a byline is no sign of a release."""
    text = line.norm
    if beside and (_STAMP.match(text) or _BYLINE_FIELD.match(text)):
        return False
    found = _FIELD_OR_HEADLINE_LABEL.match(text)
    capital_label = found is not None and found.group(1).isupper() and not text.isupper()
    return bool(_FIELD_LABEL.match(text) or capital_label)


# A byline's or a stamp's label: beside a headline, no sign of a release's fields
_BYLINE_FIELD = re.compile(r"^(?:author|authors|byline|posted|published|updated)\s*:", re.I)


# A stamp of when and by whom ("Published 9:12 a.m. Mar. 24", "Posted by Staff | May 8,
# 2044 at 11:52 AM", "Updated: ..."), a newsroom's credit ("Courier Staff Writer")
_STAMP = re.compile(
    r"^(?:(?:first|last|originally)\s+)?(?:published|posted|updated|modified)\b"
    rf"(?=\s*(?:by\s+(?-i:[A-Z])|on\s+\S+\s+\d|at\s+\d|:\s*(?:(?-i:[A-Z])|\d|$)"
    rf"|\d{{1,2}}[:./]\d{{1,2}}"
    rf"|\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d))"
    r"|^(?-i:(?:[A-Z][\w&'’.-]*\s+){1,3})staff\s+(?:writer|reporter|report)s?$"
    r"|^(?-i:(?:[A-Z][\w&'’.-]*\s+){1,2})staff$"
    r"|^staff\s+reports?$",
    re.IGNORECASE,
)
# Separators of a menu or a breadcrumb trail ("Home › News › Crime", "Watch Live | Weather
# | Traffic"): one breadcrumb mark, or the same bar twice
_MENU_MARK = re.compile(r"[›»>|·]")
_BREADCRUMB = re.compile(r"\s(?:›|»|>)\s|^(?:[^|]*\|){2}|^(?:[^·]*\s·\s){2}")


def _page_furniture(lines: list[_Line], position: int) -> bool:
    """A line that stands where a headline would but tells something else: a field, a
    stamp, a menu or a list's item."""
    line = lines[position]
    text = line.norm
    if (
        line.bullet
        or _STAMP.match(text)
        or (_MENU_MARK.search(text) is not None and _BREADCRUMB.search(text) is not None)
        or _field_line(line)
    ):
        return True
    if not _FIELD_OR_HEADLINE_LABEL.match(text):
        return False
    beside = lines[max(0, position - 1) : position] + lines[position + 1 : position + 2]
    return any(_field_line(other, beside=True) for other in beside)


# A line this long ending in a full stop or a colon is a sentence (a headline may end with
# a full stop: "... Earnings Release. Why You Shouldn't Worry.")
SENTENCE_WORDS = 20


_BYLINE_REASONS = frozenset({"byline", "dateline"})


def _long_headline(lines: list[_Line], position: int) -> bool:
    """A headline long enough to read as prose ('Man killed on Tamsin Street was Marcus
    Tibbets, 27; neighbors knew him as "Big Marc"'): the article's first line, without a
    full stop, right before its byline or dateline or its standfirst (a site's menu may stand
    above it)."""
    if position >= len(lines) - 1 or any(line.kind == GOOD for line in lines[:position]):
        return False
    line = lines[position]
    return (
        line.kind == GOOD
        and not _full_stop(line)
        and line.words <= 30
        and _byline_follows(lines, position)
    )


def _full_stop(line: _Line) -> bool:
    """Whether a line ends as a sentence does; a headline may end with its question or
    exclamation ("... parents ask: 'Where were the officers?'")."""
    return line.terminal and not line.text.rstrip(_CLOSERS).endswith(("?", "!", "？", "！"))


def _first_copy(lines: list[_Line], position: int) -> int:
    key = lines[position].norm.lower()
    return next(i for i in range(position + 1) if lines[i].norm.lower() == key)


def _outside_reason(lines: list[_Line], position: int) -> str:
    """Unflagged lines outside the article take the reason of the block they sit in."""
    for step in (-1, 1, -2, 2):
        neighbour = position + step
        if 0 <= neighbour < len(lines) and lines[neighbour].reason:
            reason = lines[neighbour].reason
            if reason in _BLOCK_REASONS:
                return reason
    line = lines[position]
    if line.menu_like:
        return "menu"
    return "outside-article" if line.kind == GOOD else "short-fragment"


_BLOCK_REASONS = frozenset(
    {"cookie-notice", "donation-plea", "subscription-plea", "comment-prompt", "related-list"}
)


# A list's items a report's own sentence leads into ("The two who died were named as:")
LIST_ITEM_WORDS = 20
LIST_LEAD_WORDS = 3


def _mark_listed_facts(lines: list[_Line]) -> None:
    """A report's sentence ending with a colon and the list items after it ("The two who
    died were named as:" / "- <name>, 64, of <town>") read as its prose, when an item holds
    a figure: a release's names and figures, not a list of links (whose lead is a label:
    "RELATED:", "You might also like")."""
    for position, lead in enumerate(lines):
        if lead.kind == BAD or lead.words < LIST_LEAD_WORDS or not lead.norm.endswith(":"):
            continue
        if not lead.prose or lead.title_case:
            continue
        items = []
        for item in lines[position + 1 :]:
            if not item.bullet or item.words > LIST_ITEM_WORDS or item.kind == BAD:
                break
            items.append(item)
        if any(_DIGITS.search(item.text) for item in items):
            for line in (lead, *items):
                line.kind = GOOD


# A fact sheet's field: "Acres burned: 3,420 acres", "Date/Time: Tuesday, ..., 6:50 a.m."
_FACT_FIELD = re.compile(r"^(?P<label>[A-Z][\w/&' -]{0,40}?)\s*:\s+(?P<value>\S.*)$")
# ... but not a field of a page's or a release's furniture (whom to call, where to read more;
# its stamps and bylines are _BYLINE_FIELD's), a label of its own whole
_NO_FACT_LABEL = re.compile(
    r"(?:(?:media|press|news)\s+)?(?:contacts?|inquiries|information(?:\s+line)?)|"
    r"(?:for\s+)?(?:more|further)\s+information|phone|e-?mail|web(?:site)?|tags?|"
    r"categor(?:y|ies)|modified|photos?|credits?|filed(?:\s+under)?|sections?|topics?|"
    r"share|follow(?:\s+us)?|subscribe|advertisement|related(?:\s+\w+)?|read(?:\s+more)?|"
    r"watch|listen|comments?|sources?|released?(?:\s+(?:date|time|no\.?|number|#))?|"
    r"(?:\w+\s+)?(?:posted|updated|published|modified)|"  # "Date posted", "Last updated"
    r"(?:phone|fax|e-?mail|mobile|cell)(?:\s+(?:number|address))?|"
    r"public\s+information\s+officer|pio",
    re.IGNORECASE,
)
_LABEL_WORDS = re.compile(r"[^\W\d_]{2,}")  # "Acres burned", "Date/Time"; not "S&P 500"
FACT_SHEET_LINES = 3  # fields in a row, two of them with a figure
FACT_SHEET_REACH = 3  # lines from the article's run a fact sheet may stand


def _fact_sheet(lines: list[_Line], start: int, end: int) -> set[int]:
    """An incident's fact sheet beside or inside the article: three "Label: value" fields or
    more in a row, two of them with a figure and one label of two words or more ("Acres
    burned: 3,420 acres", "Containment: 15%"); its fields of furniture (a contact, a stamp)
    stay out, and so does a sheet a block of furniture stands between it and the article (a
    page's widgets, readers' comments)."""
    found: set[int] = set()
    run: dict[int, re.Match[str]] = {}  # the fields in a row, by position
    for position, line in enumerate([*lines, None]):
        field = _FACT_FIELD.match(line.norm) if line and ":" in line.norm else None
        if field is not None:
            run[position] = field
            continue
        if len(run) >= FACT_SHEET_LINES and _beside(lines, list(run), start, end):
            found.update(_fact_fields(lines, run))
        run = {}
    return found


def _beside(lines: list[_Line], run: list[int], start: int, end: int) -> bool:
    """Whether lines in a row end near the article's start or begin near its end, or inside
    it, with no block of furniture between."""
    if run[-1] < start - FACT_SHEET_REACH or run[0] >= end + FACT_SHEET_REACH:
        return False
    between = [*range(run[-1] + 1, start), *range(end, run[0])]
    return not any(lines[i].reason in _BLOCK_REASONS for i in between)


def _fact_fields(lines: list[_Line], run: dict[int, re.Match[str]]) -> list[int]:
    """The fields of a run that tell facts, when they make a fact sheet."""
    facts = {i: field for i, field in run.items() if _a_fact_field(lines[i], field)}
    figures = sum(1 for field in facts.values() if _DIGITS.search(field.group("value")))
    named = any(len(_LABEL_WORDS.findall(field.group("label"))) >= 2 for field in facts.values())
    return list(facts) if len(facts) >= FACT_SHEET_LINES and figures >= 2 and named else []


def _a_fact_field(line: _Line, field: re.Match[str]) -> bool:
    if _BYLINE_FIELD.match(line.norm) or _NO_FACT_LABEL.fullmatch(field.group("label").strip()):
        return False
    return line.kind != BAD or line.reason == "dateline"


def _decide(lines: list[_Line]) -> tuple[list[_Line], int | None]:
    """Which lines to keep, and the position of the headline among ``lines``."""
    run_start, end = _best_span(lines)
    start = _extend_to_standfirst(lines, run_start)
    if start == end:
        kept = [line for line in lines if line.kind != BAD]
        title = next((i for i, line in enumerate(lines) if line.kind == HEAD), None)
        return kept, title
    title = _find_title(lines, start)
    # first sentences taken back with the standfirst, though they read as headlines
    openers = {p for p in range(start, run_start) if _opening_sentence(lines, p)}
    told = _fact_sheet(lines, start, end)
    kept = []
    for position, line in enumerate(lines):
        inside = start <= position < end
        if (
            position == title
            or position in openers
            or position in told
            or (inside and line.kind == GOOD)
        ):
            kept.append(line)
        elif inside and line.kind != BAD:
            if _is_subhead(lines, position, end):
                kept.append(line)
            else:
                line.reason = "menu" if line.menu_like else "short-fragment"
        elif not inside and line.kind != BAD:
            line.reason = _outside_reason(lines, position)
            if title is not None and line.norm.lower() == lines[title].norm.lower():
                line.reason = "duplicate-line"
    return kept, title


def clean_text(
    text: str, memory: BoilerplateMemory | None = None, outlet: str | None = None
) -> CleanedText:
    """Keep the article in scraped text; say why each other non-blank line went."""
    lines = [_describe(i, raw.strip()) for i, raw in enumerate(text.splitlines()) if raw.strip()]
    _mark_adjacent_repeats(lines)
    if memory is not None:
        _mark_repeated(lines, memory, outlet)
    _mark_lists_after_headers(lines)
    _mark_listed_facts(lines)
    kept, title_position = _decide(lines)
    kept = _drop_repeats_of_kept(kept)
    kept_ids = {id(line) for line in kept}
    removed = tuple(
        RemovedLine(line.index, line.text, line.reason or "short-fragment")
        for line in lines
        if id(line) not in kept_ids
    )
    title = lines[title_position].text if title_position is not None else None
    return CleanedText("\n\n".join(line.text for line in kept), removed, title)
