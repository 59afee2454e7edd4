/**
 * The Python sources of the playground's rapidfuzz package (rapidfuzz 3.x's public API: fuzz, utils, process and
 * every distance module with editops/opcodes). They only adapt arguments; every score and edit script is computed
 * in TypeScript by rapidfuzz.ts through the `_gp_rapidfuzz_js` module, so python graders and fuzzy_match share one
 * implementation. The result classes are our own implementation of rapidfuzz's interface (rapidfuzz-initialize-py.ts).
 */
import { RAPIDFUZZ_INITIALIZE_PY } from './rapidfuzz-initialize-py.ts';

export const RAPIDFUZZ_FILES: Record<string, string> = {
  'rapidfuzz/__init__.py': String.raw`"""rapidfuzz for python graders in the playground: rapidfuzz 3.x's public API (fuzz, utils, process and
every distance module) computed by the playground's TypeScript metrics, the same code as the text_similarity
grader's fuzzy_match, so both give the same numbers."""

__version__ = "3.10.1"
__all__ = ["distance", "fuzz", "process", "utils"]

from . import distance, fuzz, process, utils
`,
  'rapidfuzz/_common.py': String.raw`"""Shared by the shim's modules: None handling, processors, and turning inputs into text for the bridge."""
import math

import _gp_rapidfuzz_js as _js

from . import utils


def is_none(s):
    return s is None or (isinstance(s, float) and math.isnan(s))


def _symbols(a, b):
    """Map two non-str sequences onto strings that are equal exactly where their elements are equal."""
    table = {}

    def code(x):
        if isinstance(x, str) and len(x) == 1:
            x = ord(x)
        c = table.get(x)
        if c is None:
            c = 0x100 + len(table)
            if c >= 0xD800:  # skip the surrogate block: it is not a code point
                c += 0x800
            table[x] = c
        return chr(c)

    return "".join(code(x) for x in a), "".join(code(x) for x in b)


def as_text(s1, s2, scorer):
    if isinstance(s1, str) and isinstance(s2, str):
        return s1, s2
    if isinstance(s1, (bytes, bytearray)):
        s1 = list(s1)
    if isinstance(s2, (bytes, bytearray)):
        s2 = list(s2)
    if scorer is not None:
        raise TypeError(
            "the playground's rapidfuzz compares strings in %s; got %s and %s (ratio, partial_ratio, QRatio, "
            "Levenshtein and Indel also accept other sequences)" % (scorer, type(s1).__name__, type(s2).__name__)
        )
    return _symbols(s1, s2)


def prepare(s1, s2, processor, token_scorer=None):
    """(a, b, js_default_process): utils.default_process runs in TypeScript, any other processor here."""
    flag = False
    if processor is utils.default_process:
        if not isinstance(s1, str) or not isinstance(s2, str):
            s1, s2 = processor(s1), processor(s2)
        else:
            flag = True
    elif processor is not None:
        s1, s2 = processor(s1), processor(s2)
    a, b = as_text(s1, s2, token_scorer)
    return a, b, flag


def flags(worst, optimal, dtype="float32"):
    """Mark a scorer with its worst and best score (process.* needs to know which way is better) and the numpy
    dtype process.cdist gives its results, as rapidfuzz's scorer flags do."""

    def mark(fn):
        fn._gp_scorer_flags = (worst, optimal, dtype)
        return fn

    return mark


js = _js
`,
  'rapidfuzz/distance/__init__.py': String.raw`"""rapidfuzz.distance: every metric module of rapidfuzz 3.x and its result types."""
from ._initialize import Editop, Editops, MatchingBlock, Opcode, Opcodes, ScoreAlignment
from . import (DamerauLevenshtein, Hamming, Indel, Jaro, JaroWinkler, LCSseq, Levenshtein, OSA,  # noqa: E402
               Postfix, Prefix)

__all__ = [
    "OSA", "DamerauLevenshtein", "Editop", "Editops", "Hamming", "Indel", "Jaro", "JaroWinkler", "LCSseq",
    "Levenshtein", "MatchingBlock", "Opcode", "Opcodes", "Postfix", "Prefix", "ScoreAlignment",
]
`,
  'rapidfuzz/distance/_initialize.py': RAPIDFUZZ_INITIALIZE_PY,
  'rapidfuzz/distance/_metric.py': String.raw`"""The four functions of a rapidfuzz distance module (and editops/opcodes), computed by the engine's
rf-metrics.ts with rapidfuzz's score_cutoff rules; this side checks arguments as rapidfuzz's signatures do."""
from .._common import flags, is_none, js, prepare
from ._initialize import Editop, Editops

_WORST_DISTANCE = 2**63 - 1
_FLOAT_METRICS = ("Jaro", "JaroWinkler")


def _weights(weights):
    w = (1, 1, 1) if weights is None else tuple(weights)
    if len(w) != 3 or any(not isinstance(x, int) or x < 0 for x in w):
        raise ValueError("weights must be three non-negative ints (insertion, deletion, substitution)")
    return w


def _options(name, fn, extras, kw):
    for k in kw:
        if k not in extras:
            raise TypeError("%s() got an unexpected keyword argument '%s'" % (fn, k))
    o = dict(extras)
    o.update(kw)
    if "weights" in o:
        o["weights"] = _weights(o["weights"])
    if "prefix_weight" in o and not 0.0 <= o["prefix_weight"] <= 1.0:
        raise ValueError("prefix_weight has to be in the range 0.0 - 1.0")
    return o


def _prepared(name, s1, s2, processor, o):
    a, b, flag = prepare(s1, s2, processor)
    if name == "Hamming" and not o["pad"]:
        len1, len2 = js.lengths(a, b, flag)
        if len1 != len2:
            raise ValueError("Sequences are not the same length.")
    return a, b, flag


def _call(name, fn, s1, s2, processor, score_cutoff, o):
    a, b, flag = _prepared(name, s1, s2, processor, o)
    ins, dele, sub = o.get("weights", (1, 1, 1))
    r = js.rf_metric(name, fn, a, b, flag, None if score_cutoff is None else score_cutoff, ins, dele, sub,
                     bool(o.get("pad", True)), float(o.get("prefix_weight", 0.1)))
    if name not in _FLOAT_METRICS and fn in ("distance", "similarity"):
        return int(r)
    return float(r)


def build(module, name, extras):
    """Define distance, similarity, normalized_distance and normalized_similarity in module."""
    float_metric = name in _FLOAT_METRICS
    whole = "float32" if float_metric else "uint32"

    def make(fn, worst, optimal, dtype, none_result):
        @flags(worst, optimal, dtype)
        def metric(s1, s2, *, processor=None, score_cutoff=None, **kw):
            o = _options(name, fn, extras, kw)
            if none_result is not None and (is_none(s1) or is_none(s2)):
                return none_result
            return _call(name, fn, s1, s2, processor, score_cutoff, o)

        metric.__name__ = metric.__qualname__ = fn
        metric.__module__ = module["__name__"]
        module[fn] = metric

    make("distance", 1 if float_metric else _WORST_DISTANCE, 0, whole, 1.0 if float_metric else None)
    make("similarity", 0, 1 if float_metric else _WORST_DISTANCE, whole, 0.0 if float_metric else None)
    make("normalized_distance", 1, 0, "float32", 1.0)
    make("normalized_similarity", 0, 1, "float32", 0.0)


def build_editops(module, name, extras):
    """Define editops and opcodes: the engine computes the script, our result classes (_initialize) hold it."""

    def editops(s1, s2, *, processor=None, **kw):
        o = _options(name, "editops", extras, kw)
        a, b, flag = _prepared(name, s1, s2, processor, o)
        ops, len1, len2 = js.rf_editops(name, a, b, flag).to_py()
        return Editops._build([Editop(tag, int(src), int(dest)) for tag, src, dest in ops], int(len1), int(len2))

    def opcodes(s1, s2, *, processor=None, **kw):
        return editops(s1, s2, processor=processor, **kw).as_opcodes()

    for fn in (editops, opcodes):
        fn.__module__ = module["__name__"]
        module[fn.__name__] = fn
`,
  'rapidfuzz/distance/Levenshtein.py': String.raw`"""rapidfuzz.distance.Levenshtein: Levenshtein distance with (insertion, deletion, substitution) weights; on code points."""
from ._metric import build, build_editops

__all__ = ["distance", "normalized_distance", "normalized_similarity", "similarity", "editops", "opcodes"]

build(globals(), "Levenshtein", {"weights": (1, 1, 1), "score_hint": None})
build_editops(globals(), "Levenshtein", {"score_hint": None})
`,
  'rapidfuzz/distance/Indel.py': String.raw`"""rapidfuzz.distance.Indel: insertions and deletions only (|a| + |b| - 2 LCS); on code points."""
from ._metric import build, build_editops

__all__ = ["distance", "normalized_distance", "normalized_similarity", "similarity", "editops", "opcodes"]

build(globals(), "Indel", {})
build_editops(globals(), "Indel", {})
`,
  'rapidfuzz/distance/Hamming.py': String.raw`"""rapidfuzz.distance.Hamming: substitutions only; pad=True counts the longer tail as substitutions; on code points."""
from ._metric import build, build_editops

__all__ = ["distance", "normalized_distance", "normalized_similarity", "similarity", "editops", "opcodes"]

build(globals(), "Hamming", {"pad": True})
build_editops(globals(), "Hamming", {"pad": True})
`,
  'rapidfuzz/distance/Jaro.py': String.raw`"""rapidfuzz.distance.Jaro: Jaro similarity; on code points."""
from ._metric import build

__all__ = ["distance", "normalized_distance", "normalized_similarity", "similarity"]

build(globals(), "Jaro", {})
`,
  'rapidfuzz/distance/JaroWinkler.py': String.raw`"""rapidfuzz.distance.JaroWinkler: Jaro similarity with a bonus for a common prefix (at most 4); on code points."""
from ._metric import build

__all__ = ["distance", "normalized_distance", "normalized_similarity", "similarity"]

build(globals(), "JaroWinkler", {"prefix_weight": 0.1})
`,
  'rapidfuzz/distance/LCSseq.py': String.raw`"""rapidfuzz.distance.LCSseq: longest common subsequence; on code points."""
from ._metric import build, build_editops

__all__ = ["distance", "normalized_distance", "normalized_similarity", "similarity", "editops", "opcodes"]

build(globals(), "LCSseq", {})
build_editops(globals(), "LCSseq", {})
`,
  'rapidfuzz/distance/OSA.py': String.raw`"""rapidfuzz.distance.OSA: optimal string alignment (adjacent transpositions); on code points."""
from ._metric import build

__all__ = ["distance", "normalized_distance", "normalized_similarity", "similarity"]

build(globals(), "OSA", {})
`,
  'rapidfuzz/distance/DamerauLevenshtein.py': String.raw`"""rapidfuzz.distance.DamerauLevenshtein: unrestricted Damerau-Levenshtein; on code points."""
from ._metric import build

__all__ = ["distance", "normalized_distance", "normalized_similarity", "similarity"]

build(globals(), "DamerauLevenshtein", {})
`,
  'rapidfuzz/distance/Prefix.py': String.raw`"""rapidfuzz.distance.Prefix: length of the common prefix; on code points."""
from ._metric import build

__all__ = ["distance", "normalized_distance", "normalized_similarity", "similarity"]

build(globals(), "Prefix", {})
`,
  'rapidfuzz/distance/Postfix.py': String.raw`"""rapidfuzz.distance.Postfix: length of the common suffix; on code points."""
from ._metric import build

__all__ = ["distance", "normalized_distance", "normalized_similarity", "similarity"]

build(globals(), "Postfix", {})
`,
  'rapidfuzz/fuzz.py': String.raw`"""rapidfuzz.fuzz: the ten scorers and partial_ratio_alignment, scores 0..100 as floats."""
from ._common import flags, is_none, js, prepare
from .distance import ScoreAlignment

__all__ = [
    "QRatio", "WRatio", "partial_ratio", "partial_ratio_alignment", "partial_token_ratio",
    "partial_token_set_ratio", "partial_token_sort_ratio", "ratio", "token_ratio", "token_set_ratio",
    "token_sort_ratio",
]

_TOKEN = {"token_sort_ratio", "token_set_ratio", "token_ratio", "partial_token_sort_ratio",
          "partial_token_set_ratio", "partial_token_ratio", "WRatio"}


def _scorer(name):
    @flags(0, 100)
    def scorer(s1, s2, *, processor=None, score_cutoff=None):
        if is_none(s1) or is_none(s2):
            return 0.0
        a, b, flag = prepare(s1, s2, processor, name if name in _TOKEN else None)
        return float(js.score(name, a, b, flag, 0 if score_cutoff is None else float(score_cutoff)))

    scorer.__name__ = scorer.__qualname__ = name
    return scorer


ratio = _scorer("ratio")
partial_ratio = _scorer("partial_ratio")
token_sort_ratio = _scorer("token_sort_ratio")
token_set_ratio = _scorer("token_set_ratio")
token_ratio = _scorer("token_ratio")
partial_token_sort_ratio = _scorer("partial_token_sort_ratio")
partial_token_set_ratio = _scorer("partial_token_set_ratio")
partial_token_ratio = _scorer("partial_token_ratio")
WRatio = _scorer("WRatio")
QRatio = _scorer("QRatio")


def partial_ratio_alignment(s1, s2, *, processor=None, score_cutoff=None):
    if is_none(s1) or is_none(s2):
        return None
    a, b, flag = prepare(s1, s2, processor)
    cutoff = 0 if score_cutoff is None else float(score_cutoff)
    score, src_start, src_end, dest_start, dest_end = js.partial_ratio_alignment(a, b, flag, cutoff)
    if score < cutoff or (cutoff > 0 and score == 0):
        return None
    return ScoreAlignment(float(score), int(src_start), int(src_end), int(dest_start), int(dest_end))
`,
  'rapidfuzz/process.py': String.raw`"""rapidfuzz.process: extract, extractOne, extract_iter, cdist and cpdist over any scorer, as rapidfuzz
defines them (its pure-Python process module, step for step). cdist and cpdist return numpy arrays, so they
need numpy: the playground loads it for any grader whose source calls them."""
import heapq
import struct

from ._common import is_none
from .fuzz import WRatio, ratio

__all__ = ["cdist", "cpdist", "extract", "extractOne", "extract_iter"]


def _cutoff(scorer, score_cutoff):
    """rapidfuzz's process functions hand the cut-off of its own float scorers (fuzz.*, normalized_*, Jaro) to
    C++ as a 32-bit float: extractOne(..., scorer=fuzz.ratio, score_cutoff=85.71428571428572) finds nothing at
    85.71428571428572, since float32 rounds the cut-off up. Any other scorer gets the cut-off as given."""
    flags = getattr(scorer, "_gp_scorer_flags", None)
    if score_cutoff is None or flags is None or flags[2] != "float32":
        return score_cutoff
    try:
        return struct.unpack("f", struct.pack("f", score_cutoff))[0]
    except (OverflowError, struct.error, TypeError):
        return score_cutoff


def _flags(scorer):
    # Scorers of our own carry their worst and best score; any other callable is a 0..100 similarity.
    worst, optimal, _ = getattr(scorer, "_gp_scorer_flags", (0, 100, "float32"))
    return worst, optimal


def _pairs(choices):
    return choices.items() if hasattr(choices, "items") else enumerate(choices)


def extract_iter(query, choices, *, scorer=WRatio, processor=None, score_cutoff=None, score_hint=None,
                 scorer_kwargs=None):
    kwargs = scorer_kwargs or {}
    worst, optimal = _flags(scorer)
    higher_better = optimal > worst
    if is_none(query):
        return
    cutoff = worst if score_cutoff is None else _cutoff(scorer, score_cutoff)
    if processor is not None:
        query = processor(query)
    for key, choice in _pairs(choices):
        if is_none(choice):
            continue
        score = scorer(query, choice if processor is None else processor(choice), score_cutoff=cutoff, **kwargs)
        if (score >= cutoff) if higher_better else (score <= cutoff):
            yield (choice, score, key)


def extractOne(query, choices, *, scorer=WRatio, processor=None, score_cutoff=None, score_hint=None,
               scorer_kwargs=None):
    kwargs = scorer_kwargs or {}
    worst, optimal = _flags(scorer)
    higher_better = optimal > worst
    if is_none(query):
        return None
    cutoff = worst if score_cutoff is None else _cutoff(scorer, score_cutoff)
    if processor is not None:
        query = processor(query)
    best = None
    for key, choice in _pairs(choices):
        if is_none(choice):
            continue
        score = scorer(query, choice if processor is None else processor(choice), score_cutoff=cutoff, **kwargs)
        better = (score >= cutoff and (best is None or score > best[1])) if higher_better else (
            score <= cutoff and (best is None or score < best[1]))
        if better:
            cutoff = score
            best = (choice, score, key)
        if score == optimal:
            break
    return best


def extract(query, choices, *, scorer=WRatio, processor=None, limit=5, score_cutoff=None, score_hint=None,
            scorer_kwargs=None):
    if limit == 1:
        found = extractOne(query, choices, scorer=scorer, processor=processor, score_cutoff=score_cutoff,
                           scorer_kwargs=scorer_kwargs)
        return [] if found is None else [found]
    worst, optimal = _flags(scorer)
    higher_better = optimal > worst
    found = extract_iter(query, choices, scorer=scorer, processor=processor, score_cutoff=score_cutoff,
                         scorer_kwargs=scorer_kwargs)
    if limit is None:
        return sorted(found, key=lambda r: r[1], reverse=higher_better)
    pick = heapq.nlargest if higher_better else heapq.nsmallest
    return pick(limit, found, key=lambda r: r[1])


def _numpy():
    try:
        import numpy
    except ImportError:
        raise ImportError("rapidfuzz.process.cdist and cpdist return numpy arrays, and numpy could not be loaded "
                          "here (the playground loads it from the Python package index when a grader calls them; "
                          "you may be offline)") from None
    return numpy


def _dtype_name(scorer, dtype):
    return dtype if dtype is not None else getattr(scorer, "_gp_scorer_flags", (0, 100, "float32"))[2]


def _score(scorer, q, c, score_cutoff, score_multiplier, integer, kwargs):
    score = scorer(q, c, score_cutoff=score_cutoff, **kwargs) * score_multiplier
    return round(score) if integer else score


def _cdist_rows(queries, choices, scorer, processor, score_cutoff, score_multiplier, integer, kwargs):
    """cdist's values as lists of rows (integer dtypes get round(score), as rapidfuzz does)."""
    score_cutoff = _cutoff(scorer, score_cutoff)
    prepared = list(choices) if processor is None else [c if is_none(c) else processor(c) for c in choices]
    rows = []
    for q in queries:
        pq = q if processor is None or is_none(q) else processor(q)
        rows.append([_score(scorer, pq, c, score_cutoff, score_multiplier, integer, kwargs) for c in prepared])
    return rows


def _cpdist_values(queries, choices, scorer, processor, score_cutoff, score_multiplier, integer, kwargs):
    if len(queries) != len(choices):
        raise ValueError("Length of queries and choices must be the same!")
    score_cutoff = _cutoff(scorer, score_cutoff)
    out = []
    for q, c in zip(queries, choices):
        pq = q if processor is None or is_none(q) else processor(q)
        pc = c if processor is None or is_none(c) else processor(c)
        out.append(_score(scorer, pq, pc, score_cutoff, score_multiplier, integer, kwargs))
    return out


def cdist(queries, choices, *, scorer=ratio, processor=None, score_cutoff=None, score_hint=None, score_multiplier=1,
          dtype=None, workers=1, scorer_kwargs=None):
    np = _numpy()
    dt = np.dtype(_dtype_name(scorer, dtype))
    integer = np.issubdtype(dt, np.integer)
    rows = _cdist_rows(queries, choices, scorer, processor, score_cutoff, score_multiplier, integer,
                       scorer_kwargs or {})
    out = np.zeros((len(queries), len(choices)), dtype=dt)
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            out[i, j] = v
    return out


def cpdist(queries, choices, *, scorer=ratio, processor=None, score_cutoff=None, score_hint=None,
           score_multiplier=1, dtype=None, workers=1, scorer_kwargs=None):
    np = _numpy()
    dt = np.dtype(_dtype_name(scorer, dtype))
    integer = np.issubdtype(dt, np.integer)
    values = _cpdist_values(queries, choices, scorer, processor, score_cutoff, score_multiplier, integer,
                            scorer_kwargs or {})
    out = np.zeros((len(values),), dtype=dt)
    for i, v in enumerate(values):
        out[i] = v
    return out
`,
  'rapidfuzz/utils.py': String.raw`"""rapidfuzz.utils: default_process as rapidfuzz's C++ build does it (lower-case, non-alphanumerics to spaces, trim)."""
import _gp_rapidfuzz_js as _js

__all__ = ["default_process"]


def default_process(sentence):
    if not isinstance(sentence, str):
        raise TypeError("sentence must be a String")
    return _js.default_process(sentence)
`,
};
