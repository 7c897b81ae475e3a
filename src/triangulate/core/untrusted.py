"""Article text is untrusted: the characters a terminal, a spreadsheet or a report's reader
would act on, and how each output shows them instead.

A terminal runs control characters (escape sequences that move the cursor, rewrite lines or
set the window title) and reorders text at bidirectional overrides; a spreadsheet runs a cell
that opens like a formula. Each output here shows such a character as a visible symbol, one
for one, so offsets into the text stay right; JSON writes it as a ``\\u`` escape (the same
value to a JSON reader).
"""

from __future__ import annotations

import json
import re
from typing import Any

# C0 controls but tab and newline, DEL, C1 controls, bidirectional marks and overrides, and
# lone surrogates (a file name that is not UTF-8): none can be printed as they are
_OTHERS = r"\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = re.compile(rf"[\x00-\x08\x0b-\x1f{_OTHERS}]")
_UNSAFE_IN_LINE = re.compile(rf"[\x00-\x1f{_OTHERS}]")
_UNSAFE_IN_JSON = re.compile(rf"[{_OTHERS}]")  # json.dumps escapes C0 controls itself
# In a page or a report file the bidirectional marks stay: right-to-left text needs them, and
# a browser shows them as it should; the controls would run when the file is printed.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# A cell opening with one of these is a formula (or the start of one) to a spreadsheet.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␛ for ESC
    return "\u2421" if code == 0x7F else "\ufffd"


def printable(text: str) -> str:
    """Text safe for a terminal, the same length: each control character becomes a symbol."""
    return _UNSAFE.sub(_picture, text)


def one_line(text: str) -> str:
    """:func:`printable`, with line breaks shown as symbols too (an error is one line)."""
    return _UNSAFE_IN_LINE.sub(_picture, text)


def without_controls(text: str) -> str:
    """Text for a page or a report file, the same length: control characters (line breaks,
    tabs and carriage returns kept) become symbols; bidirectional marks stay."""
    return _CONTROLS.sub(_picture, text)


def json_text(data: Any, indent: int | None = 2) -> str:
    """JSON whose characters a terminal would act on are written as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def spreadsheet_cell(value: str) -> str:
    """A text cell a spreadsheet shows as text: one opening like a formula gets a leading
    apostrophe (the spreadsheets' own mark for "text, not a formula")."""
    return "'" + value if value.startswith(_FORMULA_START) else value
