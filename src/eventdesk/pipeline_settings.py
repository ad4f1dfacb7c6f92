"""Settings of the run loop, pipeline.py ([run] in eventdesk.toml); see eventdesk.config."""

from eventdesk.config import Setting

SETTINGS = [
    Setting(
        "run.batch_files",
        64,
        "Files per committed batch (also capped by batch_bytes).",
        min=1,
    ),
    Setting(
        "run.batch_bytes",
        256_000,
        "Bytes of input per committed batch: bounds the articles in flight, and so memory.",
        min=1,
    ),
    Setting("run.code_batch", 32, "Articles per event-extraction task.", min=1),
    Setting(
        "run.published",
        None,
        "Publication date (YYYY-MM-DD) given to undated articles (`run --published`).",
        type=str,
    ),
    Setting(
        "run.date_from",
        None,
        'Or take it per file, only when asked (`run --date-from`): "filename" (a YYYY-MM-DD or '
        'YYYYMMDD date in the file\'s path) or "mtime" (the day the file was last modified, UTC).',
        type=str,
        choices=("filename", "mtime"),
    ),
]
