"""The rule cases' document builder lives in checker.read.spec (the docs run it too)."""

from checker.read.spec import build, table_from_text  # noqa: F401
