"""`eventdesk ingest`: read, clean, dedup and store articles, no event coding."""

from __future__ import annotations

import argparse

from eventdesk.cli import run as run_cmd

NAME = "ingest"
HELP = "read, clean, deduplicate and store articles only (events later with `run`)"
DESCRIPTION = """\
Like `run`, without event coding: fast, for loading a large archive first. A later
`eventdesk run` on any input codes the stored articles that have no events yet.
"""
EPILOG = """\
examples:
  eventdesk ingest ../archive/ --db archive.db
  eventdesk run --db archive.db            then code the stored articles (no new input)
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    run_cmd.add_arguments(p)


def main(args: argparse.Namespace) -> int:
    return run_cmd.execute(args, events=False)
