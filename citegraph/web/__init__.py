"""The local web page of `citegraph serve`: app.py holds the routes, analysis.py what a page shows."""

from .app import create_app, server

__all__ = ["create_app", "server"]
