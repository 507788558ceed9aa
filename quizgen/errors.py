"""Errors a user can act on. The CLI prints `str(error)` as one line and exits non-zero."""
from __future__ import annotations


class QuizgenError(Exception):
    """Base class: the message says what was wrong and what to do."""

    exit_code = 1


class InputError(QuizgenError):
    """The input cannot be read as Chinese text (missing, empty, binary, undecodable, not Chinese)."""

    exit_code = 2


class OutputError(QuizgenError):
    """The output cannot be written where the user asked."""

    exit_code = 3
