"""The package's version, written once: ``pyproject.toml`` reads it from here (hatch's
dynamic version) and :data:`quotetrack.__version__` re-exports it."""

__version__ = "0.1.0"
