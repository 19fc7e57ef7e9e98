"""Helpers of the Spark tests: what is missing to run Spark, and a WARC of our own pages."""

from __future__ import annotations

import importlib.util
import io
import os
import shutil
from pathlib import Path

PAGE = (
    "<html><head><title>{title}</title>"
    '<meta property="og:site_name" content="Test Times">'
    '<meta property="article:published_time" content="2024-02-03">'
    "</head><body><nav>Home | World | Contact</nav><article><h1>{title}</h1>"
    "<p>{body}</p><p>The harbour master Ann Lee said the new quay would open in the spring, "
    "after two years of delays and a long dispute over the budget.</p></article>"
    "<footer>All rights reserved.</footer></body></html>"
)


def spark_missing() -> str | None:
    """Why the Spark tests cannot run here, or ``None`` when they can."""
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "Java is not installed (Spark needs Java 17+); see scripts/check_spark.sh"
    if importlib.util.find_spec("pyspark") is None:
        return "PySpark is not installed: pip install 'sayso[spark]'; see scripts/check_spark.sh"
    return None


def page(title: str, body: str) -> bytes:
    return PAGE.format(title=title, body=body).encode("utf-8")


def write_warc(path: Path, pages: list[tuple[str, bytes]]) -> bool:
    """A gzipped WARC of HTML responses ``(url, html)``; False when warcio is missing."""
    if importlib.util.find_spec("warcio") is None:
        return False
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(html), http_headers=headers
        )
        writer.write_record(record)
    path.write_bytes(buffer.getvalue())
    return True
