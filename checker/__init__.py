"""pecheck: a checker for budget-performance self-evaluation reports."""

__version__ = "0.1.0"

# Seconds per file in a batch; the CLI, `runner.run` and batch share it. Here, not in pipeline, so
# that the CLI can show it in --help without importing the checker.
DEFAULT_TIMEOUT = 300.0
