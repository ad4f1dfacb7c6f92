"""Settings of `eventdesk watch` ([watch] in eventdesk.toml); see eventdesk.config for the form."""

from eventdesk.config import Setting

SETTINGS = [
    Setting(
        "watch.timeout_seconds",
        20,
        "Seconds for one whole feed fetch (connect, headers, body); the feeds are fetched at once.",
        type=float,
    ),
    Setting(
        "watch.max_feed_bytes",
        20_000_000,
        "A larger feed is refused, with a message naming it (bytes).",
    ),
    Setting(
        "watch.settle_seconds",
        1.0,
        "A file modified more recently than this waits for the next poll (it may still be written).",
    ),
]
