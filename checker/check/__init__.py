"""The rules. Importing this package registers every rule (checker.check.registry holds them), so
the registry never imports a rule module and a rule module imports only the registry, its options
and understand/."""

from checker.check import arithmetic, consistency, logic, missing, narrative, scoring, text  # noqa: F401
