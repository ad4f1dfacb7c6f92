"""The web dashboard and its JSON API (`eventdesk serve`): see `eventdesk.serve.app`."""

from __future__ import annotations

from eventdesk.serve.app import create_app

__all__ = ["create_app"]
