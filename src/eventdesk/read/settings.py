"""Settings of reading input files ([read] in eventdesk.toml); see eventdesk.config for the form."""

from eventdesk.config import Setting

SETTINGS = [
    Setting("read.max_file_bytes", 200_000_000, "Larger input files are reported and skipped (bytes)."),
    Setting(
        "read.max_document_chars",
        2_000_000,
        "Longest article text after extraction from HTML or JSON; longer ones are cut, with a problem "
        "reported. A longer plain-text dump is not cut: it is read in pieces of this size.",
        min=1,
    ),
    Setting(
        "read.max_markup_chars",
        20_000_000,
        "An HTML page with more markup than this (inline images dropped) is skipped, with a problem.",
    ),
    Setting(
        "read.max_decompressed_bytes",
        200_000_000,
        "gzip input (files, WARC records, feeds) expanding to more bytes than this is skipped.",
    ),
    Setting(
        "read.max_compression_ratio",
        100,
        "gzip input expanding to over this many times its size (once past 10 MB) is a bomb: skipped.",
    ),
    Setting(
        "read.file_timeout_s",
        300,
        "Seconds to read and parse one input file; over it, the file is reported and retried on the "
        "next run. 0 turns the limit off.",
        type=float,
    ),
    Setting(
        "read.document_timeout_s",
        60,
        "Seconds to segment and extract one document; over it, the document is reported. 0 turns "
        "the limit off.",
        type=float,
    ),
]
