from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Hypothesis' deadline is wall time: on a machine shared with other work it fails tests that are not
# slow at all. Tests that care about cost bound CPU time themselves.
settings.register_profile("pecheck", deadline=None)
settings.load_profile("pecheck")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES


_DOCS: dict = {}


def load_sample(name: str):
    """Parse a sample once per session."""
    from checker.read import load

    if name not in _DOCS:
        _DOCS[name] = load(SAMPLES / name)
    return _DOCS[name]


_FACTS: dict = {}


def facts_of(name: str, profile: str = "national"):
    from checker import knowledge
    from checker.understand.facts import extract

    key = (name, profile)
    if key not in _FACTS:
        _FACTS[key] = extract(load_sample(name), knowledge.load(profile))
    return _FACTS[key]
