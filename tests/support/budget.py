"""How many generated examples a property test tries.

Each property test states the number it needs (`max_examples=scaled(1000)`). CI runs exactly that
(.ci/run sets EVENTDESK_THOROUGH=1, as may anyone: `EVENTDESK_THOROUGH=1 pytest`); the default
local run tries a fifth of it, at least 50, so the suite stays fast on a laptop. The assertions are
the same either way: only how far Hypothesis searches changes.
"""

from __future__ import annotations

import os

THOROUGH = os.environ.get("EVENTDESK_THOROUGH", "") not in ("", "0")


def scaled(n: int) -> int:
    """`n` in a thorough run, else a fifth of it (at least 50)."""
    return n if THOROUGH else max(50, n // 5)
