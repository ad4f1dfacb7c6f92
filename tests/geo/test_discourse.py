"""One sense per discourse (resolver docstring): the mentions of a name are read alike, also where the
name is written in capitals in a dateline and in mixed case in the story, and such a pair does not
vote for its own reading. Texts written for these tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventdesk.geo import build as gbuild
from eventdesk.geo.resolver import resolve_mentions
from eventdesk.resources import Resources


@pytest.fixture(scope="module")
def gaz():
    cfg = {"geo": {"gazetteer": str(Path(gbuild.ensure(None)))}}
    return Resources.shared(cfg).gazetteer


def _read(gaz, text: str, names: str) -> list[tuple[str, str | None]]:
    spans = [(m.start(), m.end()) for m in re.finditer(names, text)]
    out = []
    for m in resolve_mentions(gaz, text, spans):
        e = m.cands[m.best].entry
        out.append((m.text, gaz.entry(e.adm1).name if e.adm1 else None))
    return out


def test_a_dateline_in_capitals_and_the_name_in_the_story_are_one_place(gaz):
    read = _read(
        gaz,
        "MANSFIELD — The mayor of Mansfield met officials from Columbus on Monday.",
        r"MANSFIELD|Mansfield|Columbus",
    )
    assert read == [("MANSFIELD", "Ohio"), ("Mansfield", "Ohio"), ("Columbus", "Ohio")], read


def test_a_name_written_three_times_takes_the_reading_its_neighbours_support(gaz):
    t = "Fire in Athens. ATHENS — A barn burned near Athens on Sunday, firefighters from Marietta said."
    read = _read(gaz, t, r"Athens|ATHENS|Marietta")
    assert {a for _, a in read} == {"Georgia"}, read
