"""The code behind each rule of the catalogue, by rule code.

Citation checks look at one citation, document checks at one document, run checks at every document of
a run (the same central document cited with two dates in two files). Each module holds one group of
the catalogue: form (CG1xx), consistency (CG2xx), known (CG3xx, the registry), document (CG4xx) and
style (CG5xx).
"""

from __future__ import annotations

from . import consistency, document, form, known, style
from .context import CitationCheck, DocumentCheck, RunCheck

CITATION_CHECKS: dict[str, CitationCheck] = {**form.CHECKS, **consistency.CHECKS, **known.CHECKS}
DOCUMENT_CHECKS: dict[str, DocumentCheck] = {**document.DOCUMENT_CHECKS, **style.DOCUMENT_CHECKS}
RUN_CHECKS: dict[str, RunCheck] = dict(consistency.RUN_CHECKS)
