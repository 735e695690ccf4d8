"""Moved to checker.understand.intervals (the one interval toolkit); kept importable for a while."""

from checker.understand.intervals import *  # noqa: F403
from checker.understand.intervals import __all__  # noqa: F401
