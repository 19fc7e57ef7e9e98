"""``sayso serve``: a read-only web explorer and JSON API over a Sayso SQLite store."""

from sayso.faces.web.app import create_app

__all__ = ["create_app"]
