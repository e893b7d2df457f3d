"""One exception hierarchy. Messages are one line and say what to do next."""


class WartaError(Exception):
    """Base class: the CLI prints ``str(error)`` and exits non-zero."""
    exit_code = 2


class InputError(WartaError):
    """A document or path that cannot be read. Becomes a stored rejection."""


class StageError(WartaError):
    """A stage failed on one document. Becomes a stored rejection."""


class StoreError(WartaError):
    """The database cannot be opened or written."""
    exit_code = 3


class ModelError(WartaError):
    """A shipped model file is missing or corrupt."""
    exit_code = 4


class PipelineError(WartaError):
    """Stages are ordered so that one needs what no earlier stage provides."""
