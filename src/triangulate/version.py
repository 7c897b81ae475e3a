"""The version, alone, so that any layer can name it without importing the rest."""

__version__ = "0.1.0"
