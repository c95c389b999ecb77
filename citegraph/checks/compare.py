"""When two statements about one document say the same thing: issuers, titles, localities.

Drafters abbreviate (`UBND tỉnh`), shorten titles and name the Party centre by any of its three bodies,
so equality is too strict and a false alarm costs a reader's trust: these comparisons are loose on
purpose and only clear differences count.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from ..knowledge import Knowledge, clean, fold, load

# The three central Party bodies that all number their documents /TW.
_CENTRAL_PARTY_BODIES = ("ban chấp hành trung ương", "bộ chính trị", "ban bí thư")
_WORD = re.compile(r"[^\W_]+")
# Words that open a title without telling its subject: "về việc", "ban hành", the type ("Luật Đầu tư").
_TITLE_OPENERS = re.compile(
    r"^(?:(?:về việc|về|v v|ban hành|quy định|hướng dẫn|bộ luật|luật|pháp lệnh|nghị định|thông tư liên tịch"
    r"|thông tư|nghị quyết|quyết định|chỉ thị|kế hoạch|sửa đổi bổ sung)\s+)+"
)
# Words too common in titles to tell two documents apart.
_TITLE_STOPWORDS = frozenset("và của các trong năm trên địa bàn cho với đối tại theo một số những được".split())
_LOCAL_LEVELS = re.compile(r"\b(?:huyện|quận|thị xã|xã|phường|thị trấn)\b")


@lru_cache(maxsize=4096)
def words(text: str) -> str:
    """Folded words in new-style spelling (`Uỷ` = `Ủy`) with the usual abbreviations spelled out.

    Remembered: a run asks again and again about the same issuers and titles, each a normalisation."""
    abbreviations = _abbreviations()
    return " ".join(abbreviations.get(w, w) for w in _WORD.findall(fold(clean(text))))


@cache
def _abbreviations() -> dict[str, str]:
    """Folded abbreviation -> folded words it stands for (grammar.toml `name_abbreviations`)."""
    return {fold(short): fold(long) for short, long in load().grammar.name_abbreviations}


def central_party_bodies(issuer: str) -> set[str]:
    named = words(issuer)
    return {body for body in _CENTRAL_PARTY_BODIES if body in named}


def same_issuer(code_a: str, text_a: str, code_b: str, text_b: str, compatible: dict[str, list[str]]) -> bool:
    """Whether two named issuers can be the same body; the Party centre's three bodies are told apart."""
    if code_a != code_b and code_b not in compatible.get(code_a, ()) and code_a not in compatible.get(code_b, ()):
        return False
    bodies_a, bodies_b = central_party_bodies(text_a), central_party_bodies(text_b)
    return not (bodies_a and bodies_b and not bodies_a & bodies_b)


@cache
def _aliases(knowledge: Knowledge) -> list[tuple[str, str]]:
    """(words of a name or alias, issuer code), longest first; a name shared by two codes is the first's."""
    codes: dict[str, str] = {}
    for known in knowledge.issuers:
        for alias in (known.name, *known.aliases):
            codes.setdefault(words(alias), known.code)
    return sorted(((alias, code) for alias, code in codes.items() if alias), key=lambda pair: -len(pair[0]))


def issuer_code(issuer: str, knowledge: Knowledge) -> str | None:
    """The code of an issuer named in words (`Bộ Tài chính` -> BTC), by the knowledge files' aliases."""
    wanted = words(issuer)
    return next((code for alias, code in _aliases(knowledge) if wanted.startswith(alias)), None)


def title_words(title: str) -> set[str]:
    text = _TITLE_OPENERS.sub("", words(title))
    return {w for w in text.split() if w not in _TITLE_STOPWORDS}


def title_overlap(a: str, b: str) -> float:
    """Share of the shorter title's words found in the longer one (1.0 when one is empty)."""
    words_a, words_b = title_words(a), title_words(b)
    shorter = min(len(words_a), len(words_b))
    return len(words_a & words_b) / shorter if shorter else 1.0


def names_local_level(issuer: str | None) -> bool:
    """`UBND huyện X`, `UBND xã Y`: a body below the province."""
    return bool(issuer and _LOCAL_LEVELS.search(words(issuer)))
