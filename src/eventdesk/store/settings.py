"""Settings of the store ([store] in eventdesk.toml); see eventdesk.config for the form."""

from eventdesk.config import Setting

SETTINGS = [
    Setting(
        "store.db",
        "eventdesk.db",
        "The store every command uses when --db is not given: an SQLite file or a postgresql:// URL.",
    ),
]
