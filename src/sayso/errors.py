"""Domain errors. Faces (CLI, web, Spark) turn these into their own error forms."""


class SaysoError(Exception):
    """Base class for every error Sayso raises on purpose."""


class ModelNotFoundError(SaysoError):
    """The requested spaCy model is not installed."""


class InputError(SaysoError):
    """An input could not be read: missing, binary, not UTF-8, malformed record."""
