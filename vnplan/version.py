"""The version of vnplan (kept apart so the command line and reports can name it without importing the API)."""

__version__ = "0.1.0"
