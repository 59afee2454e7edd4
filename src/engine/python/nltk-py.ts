/**
 * The Python side of the playground's `nltk.translate` (bleu_score, gleu_score, meteor_score) and `rouge_score`
 * (rouge_scorer, scoring): thin modules with the libraries' signatures that call the engine's metrics through
 * the `_gp_metrics_js` module (nltk.ts). Tokens cross as JSON text. What the engine does not implement (smoothing
 * functions, custom tokenizers, rougeLsum) raises NotImplementedError naming the argument.
 */
const NLTK_INIT = `"""The playground's nltk: only nltk.translate's bleu_score, gleu_score and meteor_score (the engine's exact
ports of NLTK 3.9). The rest of NLTK is not available here."""
__version__ = "3.9.1"
`;

const TRANSLATE_INIT = `from nltk.translate.bleu_score import sentence_bleu
from nltk.translate.gleu_score import sentence_gleu
from nltk.translate.meteor_score import meteor_score, single_meteor_score
`;

const COMMON = `import json as _json

import _gp_metrics_js


def _tokens(value, what):
    if isinstance(value, str):
        raise TypeError('"%s" expects pre-tokenized text (a list of str), not a str: %r' % (what, value[:40]))
    out = list(value)
    for t in out:
        if not isinstance(t, str):
            raise TypeError('"%s" must contain str tokens, not %s' % (what, type(t).__name__))
    return out
`;

const BLEU = `${COMMON}

def sentence_bleu(references, hypothesis, weights=(0.25, 0.25, 0.25, 0.25), smoothing_function=None, auto_reweigh=False):
    """NLTK's sentence_bleu without smoothing (the engine's metrics/bleu.ts)."""
    if smoothing_function is not None:
        raise NotImplementedError("the playground's nltk has no smoothing functions: use smoothing_function=None")
    if auto_reweigh:
        raise NotImplementedError("the playground's nltk does not implement auto_reweigh")
    w = list(weights)
    if w and isinstance(w[0], (tuple, list)):
        raise NotImplementedError("the playground's nltk takes one weight tuple")
    refs = [_tokens(r, "references") for r in references]
    hyp = _tokens(hypothesis, "hypothesis")
    score, as_int = _gp_metrics_js.bleu(_json.dumps(refs), _json.dumps(hyp), _json.dumps([float(x) for x in w])).to_py()
    return 0 if as_int else float(score)
`;

const GLEU = `${COMMON}

def sentence_gleu(references, hypothesis, min_len=1, max_len=4):
    """NLTK's sentence_gleu (the engine's metrics/gleu.ts)."""
    refs = [_tokens(r, "references") for r in references]
    return float(_gp_metrics_js.gleu(_json.dumps(refs), _json.dumps(_tokens(hypothesis, "hypothesis")), int(min_len), int(max_len)))
`;

const METEOR = `${COMMON}

def _check(preprocess, stemmer, wordnet):
    if preprocess is not str.lower or stemmer is not None or wordnet is not None:
        raise NotImplementedError("the playground's nltk computes METEOR with NLTK's defaults only (str.lower, PorterStemmer, WordNet)")


def single_meteor_score(reference, hypothesis, preprocess=str.lower, stemmer=None, wordnet=None, alpha=0.9, beta=3.0, gamma=0.5):
    """NLTK's single_meteor_score (the engine's metrics/meteor.ts with WordNet 3.0)."""
    _check(preprocess, stemmer, wordnet)
    ref = _tokens(reference, "reference")
    hyp = _tokens(hypothesis, "hypothesis")
    return float(_gp_metrics_js.meteor(_json.dumps([ref]), _json.dumps(hyp), float(alpha), float(beta), float(gamma)))


def meteor_score(references, hypothesis, preprocess=str.lower, stemmer=None, wordnet=None, alpha=0.9, beta=3.0, gamma=0.5):
    """NLTK's meteor_score: the best single_meteor_score over the references."""
    _check(preprocess, stemmer, wordnet)
    refs = [_tokens(r, "references") for r in references]
    hyp = _tokens(hypothesis, "hypothesis")
    return float(_gp_metrics_js.meteor(_json.dumps(refs), _json.dumps(hyp), float(alpha), float(beta), float(gamma)))
`;

const ROUGE_INIT = `"""The playground's rouge_score 0.1.2: rouge_scorer.RougeScorer on the engine's metrics/rouge.ts."""
`;

const SCORING = `import collections


class Score(collections.namedtuple("Score", ["precision", "recall", "fmeasure"])):
    """Precision, recall and F-measure, as rouge_score.scoring.Score."""
`;

const ROUGE_SCORER = `import re as _re

import _gp_metrics_js
from rouge_score.scoring import Score


class RougeScorer:
    """rouge_score.rouge_scorer.RougeScorer with its default tokenizer (rougeN and rougeL; not rougeLsum)."""

    def __init__(self, rouge_types, use_stemmer=False, split_summaries=False, tokenizer=None):
        if tokenizer is not None:
            raise NotImplementedError("the playground's rouge_score uses the default tokenizer only")
        for t in rouge_types:
            if t != "rougeL" and not _re.fullmatch(r"rouge[1-9]", t):
                raise NotImplementedError("the playground's rouge_score has rouge1-rouge9 and rougeL, not %r" % t)
        self.rouge_types = list(rouge_types)
        self._stem = bool(use_stemmer)

    def score(self, target, prediction):
        out = {}
        for t in self.rouge_types:
            n = 0 if t == "rougeL" else int(t[5:])
            p, r, f = _gp_metrics_js.rouge(target, prediction, n, self._stem).to_py()
            out[t] = Score(precision=float(p), recall=float(r), fmeasure=float(f))
        return out
`;

/** Files written under the provided-packages directory, by path relative to it. */
export const NLTK_FILES: Record<string, string> = {
  'nltk/__init__.py': NLTK_INIT,
  'nltk/translate/__init__.py': TRANSLATE_INIT,
  'nltk/translate/bleu_score.py': BLEU,
  'nltk/translate/gleu_score.py': GLEU,
  'nltk/translate/meteor_score.py': METEOR,
  'rouge_score/__init__.py': ROUGE_INIT,
  'rouge_score/scoring.py': SCORING,
  'rouge_score/rouge_scorer.py': ROUGE_SCORER,
};
