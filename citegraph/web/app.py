"""The drafter's page: drop a file, see every citation checked (`citegraph serve`).

Pages are rendered on the server with Jinja2, which escapes every piece of document text; the one small
script only opens a citation's details without a jump. Every asset comes from the application itself and
a Content-Security-Policy forbids anything else, so the page works offline and a document's `<script>`
can never run. Uploads live in a temporary folder only while they are read, checked and annotated.
"""

from __future__ import annotations

import os
import secrets
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Sequence

from flask import Flask, Response, abort, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.serving import BaseWSGIServer, make_server

from ..query import rests_on
from ..read import DEFAULT_MAX_BYTES, InputError, describe_size
from .analysis import (
    ROLE_WORDS,
    STATUS_WORDS,
    Analysis,
    Upload,
    analyse,
    item_name,
    vietnamese_date,
)

PASTED_NAME = "Văn bản dán vào"
KEPT_RESULTS = 20  # uploads remembered for their page and downloads; older ones are forgotten
_SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class Results:
    """The latest analyses by unguessable token, so a page can be reloaded and its downloads fetched."""

    def __init__(self, keep: int = KEPT_RESULTS) -> None:
        self._kept: OrderedDict[str, Analysis] = OrderedDict()
        self._keep = keep
        self._lock = threading.Lock()

    def add(self, analysis: Analysis) -> str:
        token = secrets.token_urlsafe(16)
        with self._lock:
            self._kept[token] = analysis
            while len(self._kept) > self._keep:
                self._kept.popitem(last=False)
        return token

    def get(self, token: str) -> Analysis:
        with self._lock:
            found = self._kept.get(token)
        if found is None:
            abort(404)
        return found


def create_app(max_bytes: int = DEFAULT_MAX_BYTES, upload_root: str | None = None) -> Flask:
    """The application; `max_bytes` bounds one upload (all its files) and each file, as --max-size does."""
    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=max_bytes, MAX_FORM_MEMORY_SIZE=max_bytes)
    results = Results()
    limit = describe_size(max_bytes)
    app.jinja_env.globals.update(
        status_words=STATUS_WORDS, role_words=ROLE_WORDS, item_name=item_name, date=vietnamese_date, limit=limit
    )

    @app.after_request
    def secure(response: Response) -> Response:
        response.headers.update(_SECURITY_HEADERS)
        return response

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(_: RequestEntityTooLarge) -> tuple[str, int]:
        message = f"Tệp gửi lên quá lớn: mỗi lần gửi tối đa {limit}. Hãy gửi từng tệp một, hoặc tệp nhỏ hơn."
        return render_template("index.html", problems=[message]), 413

    @app.get("/")
    def index() -> str:
        return render_template("index.html", problems=[])

    @app.post("/kiem-tra")
    def check() -> ResponseReturnValue:
        files = [f for f in request.files.getlist("tep") if f.filename]
        pasted = request.form.get("van_ban", "")
        if not files and not pasted.strip():
            return render_template("index.html", problems=["Hãy chọn ít nhất một tệp, hoặc dán nội dung văn bản."]), 400
        with tempfile.TemporaryDirectory(prefix="citegraph-", dir=upload_root) as folder:
            analysis = analyse(_save(folder, files, pasted), max_bytes)
        if not analysis.files:
            return render_template("index.html", problems=[_unreadable(e) for e in analysis.errors]), 422
        return redirect(url_for("result", token=results.add(analysis)), code=303)

    @app.get("/ket-qua/<token>")
    def result(token: str) -> str:
        analysis = results.get(token)
        question = request.args.get("hoi", "").strip()
        transitive = request.args.get("bac_cau") == "1"
        answer = rests_on(analysis.graph, question, transitive=transitive) if question else None
        return render_template(
            "result.html", analysis=analysis, token=token, question=question, transitive=transitive, answer=answer,
            problems=[_unreadable(e) for e in analysis.errors],
        )

    @app.get("/ket-qua/<token>/bao-cao.json")
    def report_json(token: str) -> Response:
        return _download(results.get(token).json, "application/json", "citegraph-bao-cao.json")

    @app.get("/ket-qua/<token>/bao-cao.sarif")
    def report_sarif(token: str) -> Response:
        return _download(results.get(token).sarif, "application/sarif+json", "citegraph-bao-cao.sarif")

    @app.get("/ket-qua/<token>/do-thi.ttl")
    def turtle(token: str) -> Response:
        return _download(results.get(token).turtle, "text/turtle", "citegraph-do-thi.ttl")

    @app.get("/ket-qua/<token>/do-thi.svg")
    def picture(token: str) -> Response:
        return Response(results.get(token).picture, mimetype="image/svg+xml")

    @app.get("/ket-qua/<token>/<int:number>/ban-co-ghi-chu.docx")
    def annotated(token: str, number: int) -> Response:
        files = results.get(token).files
        view = files[number - 1] if 0 < number <= len(files) else None
        if view is None or view.annotated is None:
            abort(404)
        mimetype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        return _download(view.annotated, mimetype, view.download_name)

    return app


def _save(folder: str, files: Sequence[FileStorage], pasted: str) -> list[Upload]:
    """Each file under a plain numbered name (its own name could be a path); pasted text as a .txt."""
    uploads: list[Upload] = []
    names: set[str] = set()
    for number, storage in enumerate(files, 1):
        name = _unique(os.path.basename((storage.filename or "").replace("\\", "/")) or f"Tệp {number}", names)
        path = os.path.join(folder, f"{number}{_extension(name)}")
        storage.save(path)
        uploads.append(Upload(name, path))
    if pasted.strip():
        path = os.path.join(folder, "pasted.txt")
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(pasted.replace("\r\n", "\n"))
        uploads.append(Upload(_unique(PASTED_NAME, names), path))
    return uploads


def _unique(name: str, taken: set[str]) -> str:
    """Two files of the same name are told apart, since the graph knows a file by its name."""
    candidate, count = name, 1
    while candidate in taken:
        count += 1
        candidate = f"{name} ({count})"
    taken.add(candidate)
    return candidate


def _extension(name: str) -> str:
    """The name's extension when it is a plain one: the reader falls back on it for files without a signature."""
    extension = os.path.splitext(name)[1].lower()
    return extension if extension[1:].isalnum() and len(extension) <= 6 else ""


def _unreadable(error: InputError) -> str:
    return f"Không đọc được tệp “{error.path}”: {error.reason}"


def _download(content: str | bytes, mimetype: str, filename: str) -> Response:
    response = Response(content, mimetype=mimetype)
    response.headers.set("Content-Disposition", "attachment", filename=filename)
    return response


def server(host: str, port: int, max_bytes: int = DEFAULT_MAX_BYTES) -> BaseWSGIServer:
    """A threaded server for the application; `serve_forever()` runs it, `shutdown()` stops it."""
    return make_server(host, port, create_app(max_bytes), threaded=True)
