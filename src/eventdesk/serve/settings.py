"""Settings of the dashboard and API server ([serve] in eventdesk.toml); see eventdesk.config."""

from eventdesk.config import Setting

SETTINGS = [
    Setting(
        "serve.search_budget_s",
        2.0,
        "Seconds one dashboard search may run; a longer one stops with 503.",
    ),
    Setting("serve.max_search_terms", 16, "Words in one search (more: 422)."),
    Setting(
        "serve.max_prefix_terms",
        4,
        "Words ending in * in one search (each costs a scan of the index; more: 422).",
    ),
]
