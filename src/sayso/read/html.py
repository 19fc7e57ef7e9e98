"""HTML input: the main text and metadata of a web page, boilerplate dropped.

trafilatura finds the article body (navigation, footers, comments are left out)
and reads title, author, date and site name from the page's metadata. A page
with no main text is an input error, not an empty article: it is almost always
an index page, an error page or a page that needs scripts to show anything.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sayso.errors import InputError
from sayso.read.article import Article
from sayso.read.text import read_bytes


def html_to_article(
    html: bytes | str,
    id: str,
    source: str,
    url: str | None = None,
    date: str | None = None,
) -> Article:
    """Extract one article from an HTML page; ``url``/``date`` win over the page's own."""
    import trafilatura  # optional dependency (extra "read"): imported where needed

    if isinstance(html, bytes) and b"\x00" in html[:8192]:
        raise InputError(f"{source}: looks like a binary file (NUL bytes), not HTML")
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as err:  # trafilatura/lxml raise many types on broken markup
        raise InputError(f"{source}: cannot parse HTML ({type(err).__name__}: {err})") from None
    data: dict[str, Any] = _as_dict(doc)
    # One paragraph a line from trafilatura; blank lines between them, as in plain-text
    # news, so paragraphs look the same whatever the input format.
    lines = (line.strip() for line in (data.get("text") or "").splitlines())
    text = "\n\n".join(line for line in lines if line)
    if not text:
        raise InputError(f"{source}: no main text found in the HTML page")
    return Article(
        id=id,
        text=text,
        title=data.get("title") or None,
        url=url or data.get("url") or None,
        date=date or data.get("date") or None,
        outlet=data.get("sitename") or data.get("hostname") or None,
        author=data.get("author") or None,
        source=source,
    )


def _as_dict(doc: Any) -> dict[str, Any]:
    if doc is None:
        return {}
    if isinstance(doc, dict):
        return doc
    return doc.as_dict() if hasattr(doc, "as_dict") else vars(doc)


def read_html_file(path: str | Path) -> Article:
    path = Path(path)
    return html_to_article(read_bytes(path), id=path.stem, source=str(path))
