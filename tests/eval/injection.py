"""Error-injection evaluation of `citegraph check` (issue 3, item 5).

Each real document of corpus/ (the seed included) gets, in a copy, one error of each kind that issue 3
item 2 lists, at the first citation where that kind can be made. A kind counts as detected in a
document when the mutated text has a warning or error overlapping the mutated citation whose code the
original did not have at that citation. The clean originals' own warnings and errors are listed too,
with the reviewer's verdict on each.

    python -m tests.eval.injection          # print the tables
    python -m tests.eval.injection --write  # regenerate docs/checker-eval.md
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from citegraph.check import Finding, check_documents
from citegraph.checks.compare import title_overlap
from citegraph.checks.context import Context
from citegraph.checks.written import Written, number_family
from citegraph.knowledge import fold, load
from citegraph.models import ExtractedDocument
from citegraph.pipeline import extract_text
from citegraph.registry import load as load_registry
from citegraph.rules import catalogue, select

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = [ROOT / "corpus" / "000_ab1912c7cdbda0bb.txt", *sorted((ROOT / "corpus" / "real").glob("A*.txt"))]
REPORT = ROOT / "docs" / "checker-eval.md"
SERIOUS = ("warning", "error")

# The warnings and errors on the clean originals, each read in its document: (file prefix, line, code)
# -> verdict. tests/test_check_corpus.py fails when the checker reports anything not listed here.
REVIEWED = {
    ("000", 28, "CG115"): "right: closing ” after the title of 33/CT-TTg has no opening mark",
    ("000", 66, "CG115"): "right: closing ” after the title of 18-CT/TW has no opening mark",
    ("A04", 1492, "CG107"): "right: “Quyết định số 347-CT/TW”; the same text cites it as 347-QĐ/TW below",
    ("A04", 1741, "CG202"): "right: 296-QĐ/TW is dated 30/5/2025 at line 22 and 20/5/2025 here",
    ("A05", 44, "CG110"): "right: space in “12- HD/BTCTW”",
    ("A05", 201, "CG110"): "right: space in “06 -HD/TW”",
    ("A05", 311, "CG110"): "right: space and en dash in “08 –HD/BTCTU”",
    ("A08", 261, "CG110"): "right: space in “92/2009/TT- BTC”",
    ("A09", 851, "CG110"): "right: space in the licence number “711/GP-TNMT- QLTN”",
    ("A09", 861, "CG110"): "right: space in “710/GP-TNMT- QLTN”",
    ("A09", 871, "CG110"): "right: space in “460/GP-TNMT- QLTN”",
    ("A09", 881, "CG110"): "right: space in “461/GP-TNMT- QLTN”",
    ("A09", 891, "CG110"): "right: space in “1364/GP-STNMT- TNNKS”",
    ("A09", 901, "CG110"): "right: space in “1365/GP-STNMT- TNNKS”",
    ("A09", 933, "CG110"): "right: space in “906/GP-TNMT- QLTN”",
    ("A09", 945, "CG110"): "right: space in “709/GP-TNMT- QLTN”",
    ("A09", 957, "CG110"): "right: space in “708/GP-TNMT- QLTN”",
    ("A10", 92, "CG110"): "right: space in “68/TTr- SDTTG”",
    ("A14", 219, "CG110"): "right: space in “02/2024/TT- BKHĐT”",
    ("A14", 243, "CG105"): "right: “22/2023/OH15” for Luật 22/2023/QH15 (O for Q)",
    ("A15", 321, "CG102"): "right: the Thủ tướng's directive written Party-style, “38-CT/TTg”",
    ("A18", 44, "CG115"): "right: “Chiến lược địa chất, khoáng sản ... 2045; is never closed",
    ("A18", 66, "CG202"): "right that 11-CT/TU has two dates, 04/02/2026 at line 46 and 04/01/2026 here; "
                          "A15 says 04/01/2026, so line 46 is wrong: on a tie the first date is taken as agreed",
    ("A19", 19, "CG207"): "right: OCR's “58/2024/QH1 5”: QH1 is not the legislature of 2024",
    ("A19", 97, "CG111"): "right: OCR lost the ký hiệu of “Quyết định số 49/2024”",
    ("A20", 122, "CG115"): "right: the quotation opened after 856/PCCC-TM is never closed",
    ("A26", 11, "CG110"): "right: space in “119- KH/TU”",
    ("A26", 33, "CG110"): "right: space in “37- CT/TW”",
    ("A26", 104, "CG110"): "right: space in “416/QĐ- TTg”",
    ("A26", 107, "CG115"): "right: closing ” after the title of 18-NQ/TW has no opening mark",
}


@dataclass(frozen=True)
class Mutation:
    """A mutated copy of a document; `start`/`end` is the mutated citation, `origin` the one it came from."""

    text: str
    start: int
    end: int
    before: str
    after: str
    origin: tuple[int, int]


Mutate = Callable[[Context, Written], Mutation | None]


def _replace(context: Context, written: Written, span: tuple[int, int], new: str) -> Mutation:
    """Replace `span` inside the citation; the mutated citation keeps its start and moves its end."""
    text = context.document.text
    old = text[span[0]:span[1]]
    delta = len(new) - len(old)
    citation = written.citation
    mutated = text[:span[0]] + new + text[span[1]:]
    return Mutation(mutated, citation.start, citation.end + delta, old, new, (citation.start, citation.end))


def _number(context: Context, written: Written, new: str) -> Mutation | None:
    """The number replaced by `new`; numbers already written with spaces are left to other kinds."""
    if not written.number_span or " " in written.number_written or new == written.number_written:
        return None
    return _replace(context, written, written.number_span, new)


def _duplicate(context: Context, written: Written, change: Callable[[str], str | None]) -> Mutation | None:
    """A second mention of the same document, in a clause of its own after the first, with one part changed."""
    citation = written.citation
    copy = change(citation.text)
    if copy is None or copy == citation.text:
        return None
    text = context.document.text
    clause = re.compile(r";|\.(?=\s)|\n[ \t]*\n").search(text, citation.end)
    at = clause.end() if clause else len(text)
    origin = (citation.start, citation.end)
    return Mutation(f"{text[:at]} {copy};{text[at:]}", at + 1, at + 1 + len(copy), citation.text, copy, origin)


def _in_citation(written: Written, span: tuple[int, int] | None, new: Callable[[str], str]) -> Callable[[str], str | None]:
    """A change to the part of the citation text at `span` (absolute offsets)."""
    def change(text: str) -> str | None:
        if span is None:
            return None
        start, end = span[0] - written.citation.start, span[1] - written.citation.start
        return text[:start] + new(text[start:end]) + text[end:]
    return change


def _codes(written: Written) -> tuple[str, ...]:
    number = written.citation.number_parts
    return number.issuer_codes if number else ()


def party_in_state_form(context: Context, written: Written) -> Mutation | None:
    number = written.citation.number_parts
    if not number or number.family != "party" or number_family(number, context.knowledge) != "party":
        return None
    return _number(context, written, f"{number.ordinal}/{number.type_code}-{'-'.join(number.issuer_codes)}")


def state_in_party_form(context: Context, written: Written) -> Mutation | None:
    number = written.citation.number_parts
    if not number or number.family != "state" or number.year or not number.type_code or written.enterprise:
        return None
    if number_family(number, context.knowledge) != "state" or (written.date and written.date.year < 1997):
        return None
    return _number(context, written, f"{number.ordinal}-{number.type_code}/{'-'.join(number.issuer_codes)}")


def normative_without_year(context: Context, written: Written) -> Mutation | None:
    number = written.citation.number_parts
    if not number or number.family != "state" or not number.year or number.type_code not in ("NĐ", "TT", "TTLT"):
        return None
    return _number(context, written, written.number_written.replace(f"/{number.year}/", "/", 1))


def year_on_non_normative(context: Context, written: Written) -> Mutation | None:
    number = written.citation.number_parts
    date = written.date
    doc_type = context.knowledge.state_type_by_code.get(number.type_code or "") if number else None
    if not number or number.family != "state" or number.year or doc_type is None or doc_type.normative != "never":
        return None
    if date is None or date < dt.date(2016, 7, 1) or number.type_code == "VBHN" or written.enterprise:
        return None
    return _number(context, written, written.number_written.replace("/", f"/{date.year}/", 1))


def unknown_type_code(context: Context, written: Written) -> Mutation | None:
    number = written.citation.number_parts
    if not number or not number.type_code or written.enterprise:
        return None
    if "Đ" in number.type_code:
        return _number(context, written, written.number_written.replace(number.type_code, number.type_code.replace("Đ", "D"), 1))
    if number.family == "party" and number_family(number, context.knowledge) == "party":
        return _number(context, written, written.number_written.replace(f"-{number.type_code}/", "-ZZ/", 1))
    return None


def unknown_issuer_code(context: Context, written: Written) -> Mutation | None:
    number = written.citation.number_parts
    if not number or written.enterprise:
        return None
    if number.family == "party" and number.issuer_codes == ("TW",):
        return _number(context, written, written.number_written.replace("/TW", "/BCT", 1))
    if number.family == "state" and number.year and number.type_code in ("NĐ", "TT", "TTLT"):
        code = number.issuer_codes[0]
        return _number(context, written, written.number_written.replace(f"-{code}", "-XYZ", 1))
    return None


def type_word_contradicts_code(context: Context, written: Written) -> Mutation | None:
    number = written.citation.number_parts
    word = written.type_word
    if not number or not number.type_code or word is None or written.enterprise or number.family not in ("state", "party"):
        return None
    if fold(word[0]) in ("văn bản", "công văn", "thư công"):
        return None
    knowledge = context.knowledge
    for name in ("Chỉ thị", "Kế hoạch", "Thông báo"):
        other = knowledge.type_by_name[name]
        codes = other.party_codes if number.family == "party" else other.state_codes
        if number.type_code not in codes and name != word[1].name:
            prefix = written.prefix
            at = fold(prefix).rfind(fold(word[0]))
            if at < 0:
                return None
            start = written.citation.start + at
            return _replace(context, written, (start, start + len(word[0])), name)
    return None


def impossible_date(context: Context, written: Written) -> Mutation | None:
    date = written.date
    if date is None or written.date_span is None:
        return None
    return _replace(context, written, written.date_span, f"31/02/{date.year}")


_LOOKALIKES = {"Đ": "\u00d0", "C": "\u0421", "T": "\u0422", "H": "\u041d"}


def look_alike(context: Context, written: Written) -> Mutation | None:
    if not written.number_span:
        return None
    number = written.number_written
    for plain, lookalike in _LOOKALIKES.items():
        if plain in number:
            return _number(context, written, number.replace(plain, lookalike, 1))
    return None


def separator(context: Context, written: Written) -> Mutation | None:
    if not written.number_span or "-" not in written.number_written or " " in written.number_written:
        return None
    return _number(context, written, written.number_written.replace("-", "- ", 1))


def _legislature(written: Written, context: Context) -> tuple[str, int] | None:
    codes = _codes(written)
    return context.knowledge.legislature_code(codes[0]) if codes else None


def resolution_code_in_assembly_number(context: Context, written: Written) -> Mutation | None:
    legislature = _legislature(written, context)
    number = written.citation.number_parts
    if not legislature or legislature[0] != "QH" or not number or number.type_code:
        return None
    return _number(context, written, written.number_written.replace("QH", "NQ-QH", 1))


def promulgation_order_as_law(context: Context, written: Written) -> Mutation | None:
    legislature = _legislature(written, context)
    if not legislature or legislature[0] != "QH" or written.citation.type not in ("Luật", "Bộ luật"):
        return None
    return _number(context, written, re.sub(r"QH\d+", "L-CTN", written.number_written, count=1))


def state_code_in_party_number(context: Context, written: Written) -> Mutation | None:
    number = written.citation.number_parts
    if not number or number.family != "party" or number_family(number, context.knowledge) != "party":
        return None
    return _number(context, written, written.number_written.replace(f"-{number.type_code}/", "-QyĐ/", 1))


def unbalanced_quote(context: Context, written: Written) -> Mutation | None:
    citation = written.citation
    if not citation.title or citation.quoted_title or not written.number_span:
        return None
    at = context.document.text.find(citation.title.split()[0], written.number_span[1], citation.end)
    return _replace(context, written, (at, at), "“") if at >= 0 else None


def number_year_differs_from_date(context: Context, written: Written) -> Mutation | None:
    number = written.citation.number_parts
    if not number or not number.year or not written.date_span:
        return None
    return _replace(context, written, written.date_span, _with_year(context, written, number.year - 1))


def _with_year(context: Context, written: Written, year: int) -> str:
    assert written.date_span
    shown = context.document.text[written.date_span[0]:written.date_span[1]]
    return shown[:-4] + str(year)


def _other_day(shown: str) -> str:
    day = int(re.match(r"\d+", shown).group())  # type: ignore[union-attr]
    return re.sub(r"^\d+", f"{day + 1 if day < 27 else day - 1:02d}", shown)


def inconsistent_date(context: Context, written: Written) -> Mutation | None:
    return _duplicate(context, written, _in_citation(written, written.date_span, _other_day))


def _other_body(written: Written, same_code: bool) -> str | None:
    """Another body: of the same code when `same_code` (the Party centre's bodies), else one the code excludes."""
    code = written.citation.issuer_code
    issuer = fold(written.citation.issuer or "")
    if code == "TW" and same_code:
        return "Ban Bí thư" if "bộ chính trị" in issuer else "Bộ Chính trị"
    if code is None:
        return None
    return {"CP": "Thủ tướng Chính phủ", "UBND": "Hội đồng nhân dân tỉnh", "HĐND": "Ủy ban nhân dân tỉnh"}.get(
        code, "Bộ Tài chính" if code != "BTC" else "Bộ Y tế"
    )


def inconsistent_issuer(context: Context, written: Written) -> Mutation | None:
    body = _other_body(written, same_code=True)
    if body is None or written.citation.shared:
        return None
    return _duplicate(context, written, _in_citation(written, written.issuer_span, lambda _: body))


_UNRELATED_TITLES = ("về phát triển nuôi trồng thủy sản vùng ven biển", "về công tác văn thư, lưu trữ tài liệu điện tử")


def inconsistent_title(context: Context, written: Written) -> Mutation | None:
    citation = written.citation
    if not citation.title or citation.quoted_title or not written.number_span:
        return None
    relative = citation.text.find(citation.title)
    if relative < 0:
        return None
    start = citation.start + relative
    unrelated = min(_UNRELATED_TITLES, key=lambda t: title_overlap(t, citation.title or ""))
    return _duplicate(context, written, _in_citation(written, (start, start + len(citation.title)), lambda _: unrelated))


def issuer_contradicts_code(context: Context, written: Written) -> Mutation | None:
    body = _other_body(written, same_code=False)
    number = written.citation.number_parts
    if body is None or not number or not written.issuer_span or written.citation.shared:
        return None
    return _replace(context, written, written.issuer_span, body)


def party_term(context: Context, written: Written) -> Mutation | None:
    date = written.date
    if written.citation.issuer_code != "TW" or date is None or written.citation.term:
        return None
    wrong = "IX" if date.year > 2007 else "XII"
    anchor = written.issuer_span or written.date_span
    return _replace(context, written, (anchor[1], anchor[1]), f" (khóa {wrong})") if anchor else None


def legislature_year(context: Context, written: Written) -> Mutation | None:
    legislature = _legislature(written, context)
    number = written.citation.number_parts
    if not legislature or not number or not number.year:
        return None
    prefix, khoa = legislature
    return _number(context, written, written.number_written.replace(f"{prefix}{khoa}", f"{prefix}{khoa - 2}", 1))


def cited_after_citing(context: Context, written: Written) -> Mutation | None:
    own_year = context.own_year
    if own_year is None or not written.date_span or written.citation.number_parts is None:
        return None
    return _replace(context, written, written.date_span, _with_year(context, written, own_year + 1))


def issuer_not_valid(context: Context, written: Written) -> Mutation | None:
    number = written.citation.number_parts
    date = written.date
    if not number or number.family != "state" or not number.type_code or date is None or date < dt.date(2025, 3, 1):
        return None
    return _number(context, written, written.number_written.replace(f"-{number.issuer_codes[0]}", "-BTNMT", 1))


def district_after_reform(context: Context, written: Written) -> Mutation | None:
    issuer = written.citation.issuer or ""
    date = written.date
    if written.citation.issuer_code not in ("UBND", "HĐND") or "tỉnh" not in issuer or date is None:
        return None
    if date < dt.date(2025, 7, 1) or not written.issuer_span:
        return None
    return _replace(context, written, written.issuer_span, issuer.replace("tỉnh", "huyện", 1))


def registry_date(context: Context, written: Written) -> Mutation | None:
    citation = written.citation
    if not written.date_span or citation.number is None:
        return None
    known = [e for e in context.registry.entries(citation.key) if e.date and not e.locality]
    if not known:
        return None
    shown = context.document.text[written.date_span[0]:written.date_span[1]]
    return _replace(context, written, written.date_span, _other_day(shown))


@dataclass(frozen=True)
class Kind:
    name: str
    description: str
    mutate: Mutate


KINDS = [
    Kind("party-in-state-form", "Party number written State-style (23-QĐ/TW → 23/QĐ-TW)", party_in_state_form),
    Kind("state-in-party-form", "State number written Party-style (16/CT-TTg → 16-CT/TTg)", state_in_party_form),
    Kind("normative-without-year", "year dropped from a Nghị định/Thông tư number", normative_without_year),
    Kind("year-on-non-normative", "year added to a Chỉ thị/Kế hoạch/... number after 01/7/2016", year_on_non_normative),
    Kind("unknown-type-code", "type code unknown (Đ lost: QĐ → QD; Party code → ZZ)", unknown_type_code),
    Kind("unknown-issuer-code", "issuer code unknown (/TW → /BCT; NĐ-CP → NĐ-XYZ)", unknown_issuer_code),
    Kind("type-word-contradicts-code", "type word replaced (Quyết định số 23-QĐ/TW → Chỉ thị số 23-QĐ/TW)", type_word_contradicts_code),
    Kind("impossible-date", "date set to 31/02", impossible_date),
    Kind("look-alike", "Đ → Ð (U+00D0) or a Latin letter → Cyrillic in the number", look_alike),
    Kind("separator", "stray space after a hyphen in the number", separator),
    Kind("nq-in-assembly-number", "NQ- added to a Quốc hội number", resolution_code_in_assembly_number),
    Kind("lenh-number-as-law", "a law's number replaced by a Lệnh's (…/L-CTN)", promulgation_order_as_law),
    Kind("state-code-in-party-number", "Party type code replaced by QyĐ", state_code_in_party_number),
    Kind("unbalanced-quote", "opening “ before a title, never closed", unbalanced_quote),
    Kind("year-differs-from-date", "date's year one before the number's year", number_year_differs_from_date),
    Kind("inconsistent-date", "second mention with another day", inconsistent_date),
    Kind("inconsistent-issuer", "second mention naming another body", inconsistent_issuer),
    Kind("inconsistent-title", "second mention with an unrelated title", inconsistent_title),
    Kind("issuer-contradicts-code", "issuer replaced by a body the code excludes", issuer_contradicts_code),
    Kind("party-term-contradicts-date", "(khóa IX) added to a Party centre citation of another term", party_term),
    Kind("legislature-contradicts-year", "QHk → QH(k-2)", legislature_year),
    Kind("cited-after-citing", "cited date moved past the citing document's year", cited_after_citing),
    Kind("issuer-not-valid-on-date", "issuer code of a 2025+ citation replaced by BTNMT (ceased 28/02/2025)", issuer_not_valid),
    Kind("district-body-after-2025", "UBND tỉnh → UBND huyện for a citation dated from 01/7/2025", district_after_reform),
    Kind("date-differs-from-registry", "a registered document's day changed", registry_date),
]


@dataclass
class Outcome:
    kind: Kind
    injected: list[str] = field(default_factory=list)
    detected: list[str] = field(default_factory=list)
    codes: set[str] = field(default_factory=set)
    example: str = ""


def _serious_at(findings: tuple[Finding, ...], start: int, end: int) -> set[str]:
    return {f.code for f in findings if f.severity in SERIOUS and f.start < end and f.end > start}


def _check(document: ExtractedDocument) -> tuple[Finding, ...]:
    return check_documents([document], select(catalogue()))[0].findings


def evaluate(paths: list[Path] = DOCUMENTS) -> tuple[list[Outcome], list[tuple[str, Finding]]]:
    """Per kind: the documents injected and detected; and the clean originals' warnings and errors."""
    knowledge = load()
    outcomes = [Outcome(kind) for kind in KINDS]
    clean_findings: list[tuple[str, Finding]] = []
    for path in paths:
        document = extract_text(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
        original = _check(document)
        clean_findings += [(document.source, f) for f in original if f.severity in SERIOUS]
        context = Context(document, knowledge, load_registry)
        for outcome in outcomes:
            mutation = next((m for w in context.written if (m := outcome.kind.mutate(context, w))), None)
            if mutation is None:
                continue
            outcome.injected.append(path.name)
            outcome.example = outcome.example or f"`{mutation.before[:60]}` → `{mutation.after[:60]}`"
            before = _serious_at(original, *mutation.origin)
            mutated = extract_text(mutation.text, document.source)
            new = _serious_at(_check(mutated), mutation.start, mutation.end) - before
            if new:
                outcome.detected.append(path.name)
                outcome.codes |= new
    return outcomes, clean_findings


def verdict(source: str, finding: Finding) -> str | None:
    return REVIEWED.get((Path(source).name[:3], finding.line, finding.code))


def markdown(outcomes: list[Outcome], clean: list[tuple[str, Finding]]) -> str:
    lines = [
        "# citegraph check: error-injection evaluation",
        "",
        "Generated by `python -m tests.eval.injection --write`; tests/test_check_injection.py reruns it.",
        "",
        f"Each of the {len(DOCUMENTS)} real documents of `corpus/` (the seed and `corpus/real/A*.txt`) gets, in a copy,",
        "one error of each kind of issue 3 item 2 at the first citation where the kind can be made. A kind",
        "is detected in a document when the copy has a warning or error overlapping the mutated citation whose",
        "code the original did not have there. Default rule selection (style rules off).",
        "",
        "| Kind | Mutation (first example) | Injected | Detected | Share | Caught by |",
        "|---|---|---|---|---|---|",
    ]
    for o in outcomes:
        share = f"{100 * len(o.detected) / len(o.injected):.0f}%" if o.injected else "n/a"
        lines.append(
            f"| {o.kind.name} | {o.kind.description}; {o.example} | {len(o.injected)} | {len(o.detected)} | {share} "
            f"| {', '.join(sorted(o.codes))} |"
        )
    lines += [
        "",
        "Not injected: the same document cited differently in two files of one run (CG202–CG204 across",
        "files need two documents; tests/test_check.py covers it), and the document-level info rules",
        "(CG401 unsigned draft, CG402 order of bases), which are info by design.",
        "",
        "## Warnings and errors on the clean originals",
        "",
        "Every one was read in its document; none is a false alarm.",
        "",
        "| Document | Line | Code | Severity | Verdict |",
        "|---|---|---|---|---|",
    ]
    for source, finding in clean:
        lines.append(
            f"| {Path(source).name} | {finding.line} | {finding.code} | {finding.severity} "
            f"| {verdict(source, finding) or 'NOT REVIEWED'} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="Error-injection evaluation of citegraph check")
    parser.add_argument("--write", action="store_true", help=f"write {REPORT.relative_to(ROOT)}")
    args = parser.parse_args()
    rendered = markdown(*evaluate())
    if args.write:
        REPORT.write_text(rendered, encoding="utf-8")
    print(rendered)


if __name__ == "__main__":
    main()
