"""Read: turn inputs (text, HTML, JSONL, WARC) into ``Article`` objects."""

from sayso.read.article import Article

__all__ = ["Article"]
