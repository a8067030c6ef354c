"""A bound on Python's recursion for the tests that prove a walk uses no recursion per item."""

from __future__ import annotations

import inspect
import sys
from contextlib import contextmanager


@contextmanager
def recursion_headroom(frames: int):
    """Only `frames` more Python frames than the caller's: a walk that recursed per item fails."""
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + frames)
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)
