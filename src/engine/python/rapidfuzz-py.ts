/**
 * The Python sources of the playground's rapidfuzz package (rapidfuzz 3.10's API: fuzz, utils, process,
 * distance.Levenshtein, distance.Indel). They only adapt arguments; every score is computed in TypeScript by
 * rapidfuzz.ts through the `_gp_rapidfuzz_js` module, so python graders and fuzzy_match share one implementation.
 */
export const RAPIDFUZZ_FILES: Record<string, string> = {
  'rapidfuzz/__init__.py': String.raw`"""rapidfuzz for python graders in the playground: rapidfuzz 3.10's API (fuzz, utils, process,
distance.Levenshtein, distance.Indel) computed by the playground's TypeScript metrics, the same code as the
text_similarity grader's fuzzy_match, so both give the same numbers."""

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


def flags(worst, optimal, integer=False):
    """Mark a scorer with its worst and best score (process.* needs to know which way is better)."""

    def mark(fn):
        fn._gp_scorer_flags = (worst, optimal, integer)
        return fn

    return mark


js = _js
`,
  'rapidfuzz/distance/Indel.py': String.raw`"""rapidfuzz.distance.Indel: insertions and deletions only (|a| + |b| - 2 LCS), on code points."""
from .._common import js
from ._metric import build

__all__ = ["distance", "normalized_distance", "normalized_similarity", "similarity"]


def _distance(a, b, flag):
    return int(js.indel(a, b, flag))


def _maximum(a, b, flag):
    len1, len2 = js.lengths(a, b, flag)
    return len1 + len2


build(globals(), _distance, _maximum)
`,
  'rapidfuzz/distance/Levenshtein.py': String.raw`"""rapidfuzz.distance.Levenshtein with (insertion, deletion, substitution) weights, on code points."""
from .._common import js
from ._metric import build

__all__ = ["distance", "normalized_distance", "normalized_similarity", "similarity"]


def _weights(weights):
    w = (1, 1, 1) if weights is None else tuple(weights)
    if len(w) != 3 or any(not isinstance(x, int) or x < 0 for x in w):
        raise ValueError("weights must be three non-negative ints (insertion, deletion, substitution)")
    return w


def _distance(a, b, flag, weights=(1, 1, 1)):
    ins, dele, sub = _weights(weights)
    return int(js.levenshtein(a, b, flag, ins, dele, sub))


def _maximum(a, b, flag, weights=(1, 1, 1)):
    ins, dele, sub = _weights(weights)
    len1, len2 = js.lengths(a, b, flag)
    top = len1 * dele + len2 * ins
    if len1 >= len2:
        return min(top, len2 * sub + (len1 - len2) * dele)
    return min(top, len1 * sub + (len2 - len1) * ins)


build(globals(), _distance, _maximum)


def editops(*args, **kwargs):
    raise NotImplementedError("Levenshtein.editops is not available in the playground's rapidfuzz")


def opcodes(*args, **kwargs):
    raise NotImplementedError("Levenshtein.opcodes is not available in the playground's rapidfuzz")
`,
  'rapidfuzz/distance/__init__.py': String.raw`"""rapidfuzz.distance: Levenshtein and Indel, and the ScoreAlignment type; the other metrics are not provided."""
from typing import NamedTuple


class ScoreAlignment(NamedTuple):
    score: float
    src_start: int
    src_end: int
    dest_start: int
    dest_end: int


from . import Indel, Levenshtein  # noqa: E402

__all__ = ["Indel", "Levenshtein", "ScoreAlignment"]

_MISSING = {"DamerauLevenshtein", "Hamming", "Jaro", "JaroWinkler", "LCSseq", "OSA", "Postfix", "Prefix",
            "Editops", "Opcodes", "Editop", "Opcode", "MatchingBlock"}


def __getattr__(name):
    if name in _MISSING:
        raise ImportError(
            "rapidfuzz.distance.%s is not available in the playground: its rapidfuzz provides fuzz, utils, process, "
            "distance.Levenshtein and distance.Indel. The grader would work on OpenAI, whose image has the full "
            "rapidfuzz 3.10.1." % name,
            name="rapidfuzz.distance." + name,
        )
    raise AttributeError("module 'rapidfuzz.distance' has no attribute %r" % name)
`,
  'rapidfuzz/distance/_metric.py': String.raw`"""distance / similarity / normalized_* for an edit distance, with rapidfuzz's score_cutoff rules."""
from .._common import flags, is_none, prepare

_WORST_DISTANCE = 2**63 - 1


def build(module, raw_distance, maximum):
    """Define the four functions in module from raw_distance(a, b, **kw) and maximum(len_a, len_b, **kw)."""

    @flags(_WORST_DISTANCE, 0, integer=True)
    def distance(s1, s2, *, processor=None, score_cutoff=None, score_hint=None, **kw):
        a, b, flag = prepare(s1, s2, processor)
        dist = raw_distance(a, b, flag, **kw)
        return dist if score_cutoff is None or dist <= score_cutoff else score_cutoff + 1

    @flags(0, _WORST_DISTANCE, integer=True)
    def similarity(s1, s2, *, processor=None, score_cutoff=None, score_hint=None, **kw):
        a, b, flag = prepare(s1, s2, processor)
        sim = maximum(a, b, flag, **kw) - raw_distance(a, b, flag, **kw)
        return sim if score_cutoff is None or sim >= score_cutoff else 0

    @flags(1, 0)
    def normalized_distance(s1, s2, *, processor=None, score_cutoff=None, score_hint=None, **kw):
        if is_none(s1) or is_none(s2):
            return 1.0
        a, b, flag = prepare(s1, s2, processor)
        top = maximum(a, b, flag, **kw)
        norm = raw_distance(a, b, flag, **kw) / top if top else 0.0
        return norm if score_cutoff is None or norm <= score_cutoff else 1.0

    @flags(0, 1)
    def normalized_similarity(s1, s2, *, processor=None, score_cutoff=None, score_hint=None, **kw):
        if is_none(s1) or is_none(s2):
            return 0.0
        norm = 1.0 - normalized_distance(s1, s2, processor=processor, **kw)
        return norm if score_cutoff is None or norm >= score_cutoff else 0.0

    for fn in (distance, similarity, normalized_distance, normalized_similarity):
        fn.__module__ = module["__name__"]
        module[fn.__name__] = fn
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
  'rapidfuzz/process.py': String.raw`"""rapidfuzz.process: extract, extractOne, extract_iter and cdist over any scorer, as rapidfuzz defines them."""
import heapq

from ._common import is_none
from .fuzz import WRatio, ratio

__all__ = ["cdist", "extract", "extractOne", "extract_iter"]


def _flags(scorer):
    # Scorers of our own carry their worst and best score; any other callable is a 0..100 similarity.
    worst, optimal, _ = getattr(scorer, "_gp_scorer_flags", (0, 100, False))
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
    cutoff = worst if score_cutoff is None else score_cutoff
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
    cutoff = worst if score_cutoff is None else score_cutoff
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
    worst, optimal = _flags(scorer)
    higher_better = optimal > worst
    found = extract_iter(query, choices, scorer=scorer, processor=processor, score_cutoff=score_cutoff,
                         scorer_kwargs=scorer_kwargs)
    if limit is None:
        return sorted(found, key=lambda r: r[1], reverse=higher_better)
    pick = heapq.nlargest if higher_better else heapq.nsmallest
    return pick(limit, found, key=lambda r: r[1])


def cdist(queries, choices, *, scorer=ratio, processor=None, score_cutoff=None, score_hint=None, dtype=None,
          workers=1, scorer_kwargs=None):
    try:
        import numpy as np
    except ImportError:
        raise ImportError("rapidfuzz.process.cdist returns a numpy array: add 'import numpy' to the grader so the "
                          "playground loads numpy") from None
    kwargs = scorer_kwargs or {}
    if dtype is None:
        dtype = np.int32 if getattr(scorer, "_gp_scorer_flags", (0, 100, False))[2] else np.float32
    out = np.zeros((len(queries), len(choices)), dtype=dtype)
    prepared = [c if processor is None or is_none(c) else processor(c) for c in choices]
    for i, q in enumerate(queries):
        pq = q if processor is None or is_none(q) else processor(q)
        for j, c in enumerate(prepared):
            out[i, j] = scorer(pq, c, score_cutoff=score_cutoff, **kwargs)
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
