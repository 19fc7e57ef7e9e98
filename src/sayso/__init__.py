"""Sayso: who said what, to whom, and on whose authority, in news text."""

from sayso import component as _component  # noqa: F401  (registers the "sayso" spaCy factory)
from sayso.api import Extractor, extract, extract_many
from sayso.errors import InputError, ModelNotFoundError, SaysoError
from sayso.options import Options
from sayso.read.article import Article
from sayso.records import (
    ArticleError,
    ArticleResult,
    Attribution,
    Mention,
    Role,
    Speaker,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ArticleError",
    "ArticleResult",
    "Attribution",
    "Extractor",
    "InputError",
    "Mention",
    "ModelNotFoundError",
    "Options",
    "Role",
    "SaysoError",
    "Speaker",
    "extract",
    "extract_many",
]
