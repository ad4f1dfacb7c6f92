"""The loaded things the stages share, owned by one object per process: `Resources`.

Built from the settings (`Resources.from_config(cfg)`), it holds the spaCy pipeline (loaded once:
the coder's parse, the document classifier's main-verb parse and geo's NER all run the same `nlp`,
each enabling only the pipes it needs), the actor dictionary (built-in files + `code.actor_files`)
and the gazetteer (`geo.gazetteer` / the user's GeoNames import / the packaged data +
`geo.alias_files`), and the shipped models (relevance topic model, language identifier, eventness
weights, type model, ACLED classifier). Everything loads on first use, so commands that need none of it stay
fast.

The pipeline builds one per process (the parent, and each worker process once) and hands it to
the stages: `code(articles, config, res)`, `locate(events, by_id, config, res)`... A stage never
reaches for a loaded model, dictionary or gazetteer anywhere else.

This module sits above the stages (as a composition root): it imports their loaders, and they only
receive the object. Callers that pass no `res` (tests, library use) get `Resources.shared(config)`,
the one object of this process for those settings.
"""

from __future__ import annotations

import json
import threading
from functools import cached_property
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eventdesk.code.actors.dictionary import ActorDictionary
    from eventdesk.geo.gazetteer import Gazetteer

# The settings a Resources object is built from (section, key); nothing else changes what it loads.
SETTINGS: tuple[tuple[str, str], ...] = (
    ("annotate", "model"),
    ("annotate", "verify_model"),
    ("code", "actor_files"),
    ("geo", "gazetteer"),
    ("geo", "alias_files"),
    ("geo", "ner_model"),
)


def _setting(config: dict[str, Any] | None, section: str, key: str) -> Any:
    from eventdesk.config import setting

    got = setting(config, f"{section}.{key}")
    return list(got) if isinstance(got, list | tuple) else got


def fingerprint(config: dict[str, Any] | None) -> str:
    """What a Resources object built from `config` depends on, as a comparable string."""
    return json.dumps([_setting(config, s, k) for s, k in SETTINGS], sort_keys=True, default=str)


class Resources:
    """The spaCy pipeline, actor dictionary and gazetteer for one configuration, loaded lazily."""

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        self.config = config or {}
        self._lock = threading.RLock()

    @classmethod
    def from_config(cls, config: dict[str, Any] | None) -> Resources:
        return cls(config)

    # -- the process's object ------------------------------------------------------------------
    @staticmethod
    def shared(config: dict[str, Any] | None) -> Resources:
        """The Resources of this process for `config`'s settings (SETTINGS): built on the first call
        and kept for the next ones (the pipeline, each worker's initialiser, and callers that pass no
        `res` all get this one). A run has one configuration, so one object; a process that asks
        with several (tests, an application) keeps the last _SHARED_MAX, the oldest freed first."""
        key = fingerprint(config)
        with _SHARED_LOCK:
            cur = _SHARED.pop(key, None) or Resources.from_config(config)
            _SHARED[key] = cur  # most recently used last
            while len(_SHARED) > _SHARED_MAX:
                _SHARED.pop(next(iter(_SHARED)))
            return cur

    @cached_property
    def key(self) -> str:
        return fingerprint(self.config)

    # -- what it holds -------------------------------------------------------------------------
    @cached_property
    def dictionary(self) -> ActorDictionary:
        """Every actor name we know: the built-in files + `code.actor_files`."""
        from eventdesk.code.actors.dictionary import ActorDictionary

        return ActorDictionary(tuple(_setting(self.config, "code", "actor_files") or ()))

    @cached_property
    def nlp(self) -> Any:
        """The spaCy pipeline of `[annotate] model` (verified against our manifest unless
        `annotate.verify_model` is off), with an entity ruler fed by the actor dictionary."""
        from eventdesk.annotate import load_model

        with self._lock:
            return load_model(
                str(_setting(self.config, "annotate", "model")),
                verify=bool(_setting(self.config, "annotate", "verify_model")),
                ruler_patterns=lambda: self.dictionary.ruler_patterns(),
            )

    @cached_property
    def ner_nlp(self) -> Any:
        """The pipeline geo's NER runs: `geo.ner_model` when set (loaded for NER only), else `nlp`."""
        name = _setting(self.config, "geo", "ner_model")
        if not name:
            return self.nlp
        from eventdesk.annotate import load_model

        with self._lock:
            return load_model(
                str(name), verify=False, exclude=("parser", "lemmatizer", "tagger", "attribute_ruler")
            )

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer of `geo.gazetteer`, else the user's GeoNames import, else the packaged data
        (+ `geo.alias_files`), built on first use; fixed for this object's life, so a data file
        edited during a long run changes nothing mid-run."""
        from eventdesk.geo.gazetteer import open_gazetteer

        with self._lock:
            return open_gazetteer(self.config)

    # -- the shipped models (package data: the same for every setting, loaded once per process) --
    @cached_property
    def topic_model(self) -> Any:
        """The relevance stage's topic model (relevance/topic.py)."""
        from eventdesk.relevance.topic import load_model

        return load_model()

    @cached_property
    def language_identifier(self) -> Any:
        """py3langid's model, for texts the short-word test does not call English (2-4 s to load)."""
        from eventdesk.relevance.language import load_identifier

        with self._lock:
            return load_identifier()

    @cached_property
    def eventness(self) -> Any:
        """The eventness gate's weights (code/eventness.py), None when not shipped."""
        from eventdesk.code.eventness import EventnessModel

        return EventnessModel.shipped()

    @cached_property
    def type_model(self) -> Any:
        """The learned type chooser's weights (code/type_model.py), None when not shipped."""
        from eventdesk.code.type_model import TypeModel

        return TypeModel.shipped()

    @cached_property
    def acled_model(self) -> Any:
        """The ACLED sub-event-type classifier's weights (code/acled_model.py)."""
        from eventdesk.code.acled_model import load_model

        return load_model()

    def loaded(self) -> list[str]:
        """Names of what this object has loaded so far (for tests and `doctor`)."""
        return [k for k in _HOLDS if k in self.__dict__]


_HOLDS = (
    "dictionary",
    "nlp",
    "ner_nlp",
    "gazetteer",
    "topic_model",
    "language_identifier",
    "eventness",
    "type_model",
    "acled_model",
)


_SHARED: dict[str, Resources] = {}  # fingerprint -> object, least recently used first
_SHARED_MAX = 3
_SHARED_LOCK = threading.Lock()
