"""Known phrases (document type words, issuer names) found word by word instead of by one large pattern.

A pattern with an alternation of every type word or issuer name costs tens of milliseconds to compile
and is tried at every position it is asked about. A table of the phrases' words answers "which known
phrase starts (or ends) here?" with a few dictionary look-ups, reading words only while they still
begin (or end) some known phrase. Words are runs of non-space characters, so a phrase may wrap onto
the next line ("Thủ tướng\\nChính phủ") and its last word may carry closing punctuation (`Chính phủ,`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Generic, TypeVar

Value = TypeVar("Value")

CLOSING = ",;.:)”\""
_WORD_AND_SPACE = re.compile(r"(\S+)\s*")
# `at` files its answers under this many first characters (`before` under as many last ones), and keeps
# at most this many such keys.
_KEY_LENGTH = 8
_MAX_ANSWERS = 4096
# Answers by key: the words each was read from, and the answer relative to where they stand.
Remembered = dict[str, list[tuple[str, tuple[int, Value] | None]]]


class PhraseTable(Generic[Value]):
    """Phrases of one or more words, each with a value, compared in any case or exactly as written."""

    def __init__(self, phrases: Iterable[tuple[str, Value]], *, any_case: bool) -> None:
        self.fold = str.casefold if any_case else str
        self.values: dict[str, Value] = {}
        for phrase, value in phrases:
            self.values.setdefault(" ".join(self.fold(word) for word in phrase.split()), value)
        word_lists = [key.split(" ") for key in self.values]
        # A phrase can only start with one of these characters: most positions are turned away at once.
        self.first_characters = frozenset(
            case(key[0]) for key in self.values for case in ((str.lower, str.upper) if any_case else (str,))
        )
        self.longest = max((len(words) for words in word_lists), default=0)
        # The words a phrase begins with (each followed by a space) and ends with (each after a space).
        self.heads: set[str] = set()
        self.tails: set[str] = set()
        for words in word_lists:
            head = tail = ""
            for first, last in zip(words[:-1], reversed(words[1:])):
                head += first + " "
                tail = " " + last + tail
                self.heads.add(head)
                self.tails.add(tail)
        # The answers of `at` so far, by the text's first characters at the position asked about.
        self._answers: Remembered[Value] = {}
        self._answers_before: Remembered[Value] = {}

    def forget(self) -> None:
        """Drop the answers `at` and `before` remember. They are kept for one document at a time (the extractor
        calls this first), so that memory stays a document's and a document read again is read anew."""
        self._answers.clear()
        self._answers_before.clear()

    def at(self, text: str, pos: int) -> tuple[int, Value] | None:
        """(end, value) of the longest phrase starting at `pos`; its last word may be followed by
        closing punctuation, which is not part of it.

        A document names the same bodies and laws again and again, and the answer depends only on the
        words read to find it: it is remembered with them, and given again wherever they stand again,
        each a whole word (the answer for `Chính phủ` is not the one for `Chính phủ,`)."""
        if text[pos:pos + 1] not in self.first_characters:
            return None
        key = text[pos:pos + _KEY_LENGTH]
        for words, answer in self._answers.get(key, ()):
            after = pos + len(words)
            if text.startswith(words, pos) and (after == len(text) or text[after].isspace()):
                return None if answer is None else (pos + answer[0], answer[1])
        answer, read = self._read_phrase(text, pos)
        if read is not None:
            _remember(self._answers, key, text[pos:read], None if answer is None else (answer[0] - pos, answer[1]))
        return answer

    def _read_phrase(self, text: str, pos: int) -> tuple[tuple[int, Value] | None, int | None]:
        """`at`'s answer, read word by word, and where the last word read ends: None when the text ended
        before the answer was certain."""
        values, heads, fold = self.values, self.heads, self.fold
        found: tuple[int, Value] | None = None
        head = ""
        cursor = read = pos
        for _ in range(self.longest):
            # One match gives the word and, by its end, where the next word starts.
            word = _WORD_AND_SPACE.match(text, cursor)
            if not word:
                return found, None
            token = word.group(1)
            read = cursor + len(token)
            phrase = head + fold(token)
            if token[-1] in CLOSING:
                for bare in _without_closing(token):
                    value = values.get(head + fold(bare))
                    if value is not None:
                        found = cursor + len(bare), value
                        break
            elif (value := values.get(phrase)) is not None:
                found = read, value
            head = phrase + " "
            if head not in heads:
                break
            cursor = word.end()
        return found, read

    def before(self, text: str, end: int, floor: int = 0) -> tuple[int, Value] | None:
        """(start, value) of the longest phrase ending exactly at `end` (not before `floor`); its first
        word may follow punctuation or digits (`(Nghị định`, `mới”(Chỉ thị`), which are not part of it.

        Remembered as `at` remembers: with the whole words read, back from `end`."""
        if end <= floor or text[end - 1].isspace():
            return None
        key = text[max(floor, end - _KEY_LENGTH):end]
        for words, answer in self._answers_before.get(key, ()):
            start = end - len(words)
            if start > floor and text[start - 1].isspace() and text.startswith(words, start):
                return None if answer is None else (end - answer[0], answer[1])
        answer, read = self._read_phrase_before(text, end, floor)
        if read is not None:
            _remember(self._answers_before, key, text[read:end], None if answer is None else (end - answer[0], answer[1]))
        return answer

    def _read_phrase_before(self, text: str, end: int, floor: int) -> tuple[tuple[int, Value] | None, int | None]:
        """`before`'s answer, read word by word back from `end`, and where the last word read starts:
        None when that word may have been cut by `floor`, or `floor` ended the reading."""
        values, tails, fold = self.values, self.tails, self.fold
        found: tuple[int, Value] | None = None
        tail = ""
        stop = read = end
        # The last words, split off in one call rather than read back character by character.
        pieces = text[floor:end].rsplit(None, self.longest)
        for token in reversed(pieces[-self.longest:]):
            folded = fold(token)
            bare = trailing_word(token)
            value = values.get((folded if bare is token else fold(bare)) + tail)
            if value is not None:
                found = stop - len(bare), value
            tail = " " + folded + tail
            read = stop - len(token)
            if tail not in tails:
                break
            # Back over the spaces before the word, in place: a call would cost more than the loop.
            stop = read
            while stop > floor and text[stop - 1].isspace():
                stop -= 1
        else:
            if len(pieces) <= self.longest:
                return found, None  # every word before `end` was read: what comes before `floor` counted
        return found, read if read > floor and text[read - 1].isspace() else None


def _remember(answers: Remembered[Value], key: str, words: str, answer: tuple[int, Value] | None) -> None:
    """File an answer, relative to where its words stand, under `key`. A caller that never calls `forget`
    still keeps a bounded memory: past _MAX_ANSWERS keys, the answers are dropped."""
    if len(answers) >= _MAX_ANSWERS:
        answers.clear()
    answers.setdefault(key, []).append((words, answer))


def _without_closing(token: str) -> tuple[str, ...]:
    """The ways a phrase's last word may end a token that ends with closing punctuation: `(HIV/AIDS)` keeps
    its bracket, `phủ)` does not."""
    bare = token.rstrip(CLOSING)
    kept = token.rstrip(",;.:")
    return (bare,) if kept == bare else (kept, bare)


def trailing_word(token: str) -> str:
    """`(Nghị` -> `Nghị`, `mới”(Chỉ` -> `Chỉ`, `5Mẫu` -> `Mẫu`: the letters that end the token."""
    if token.isalpha():
        return token  # most tokens, tested at once
    for index in range(len(token) - 1, -1, -1):
        if not token[index].isalpha():
            return token[index + 1:]
    return token


def skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def skip_space_back(text: str, pos: int, floor: int) -> int:
    while pos > floor and text[pos - 1].isspace():
        pos -= 1
    return pos


def word_start(text: str, pos: int, floor: int) -> int:
    start = pos
    while start > floor and not text[start - 1].isspace():
        start -= 1
    return start
