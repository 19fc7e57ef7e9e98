"""The typed result of Sayso: small immutable records, plus their JSON form.

Everything downstream (formats, stores, web, Spark) consumes these records and
nothing else, so their shape is the contract of the project.
"""

from sayso.records.types import (
    KINDS,
    ArticleError,
    ArticleResult,
    Attribution,
    Kind,
    Mention,
    Role,
    Span,
    Speaker,
)

__all__ = [
    "KINDS",
    "ArticleError",
    "ArticleResult",
    "Attribution",
    "Kind",
    "Mention",
    "Role",
    "Span",
    "Speaker",
]
