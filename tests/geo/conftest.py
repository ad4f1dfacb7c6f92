"""Fixtures of the geo tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.geo import build as gbuild


@pytest.fixture(scope="session")
def parse_cfg() -> dict:
    """Settings for `geo.parse` with the shipped gazetteer and the spaCy parse (skipped without spaCy)."""
    pytest.importorskip("spacy")
    return {"geo": {"gazetteer": str(Path(gbuild.ensure(None)))}}
