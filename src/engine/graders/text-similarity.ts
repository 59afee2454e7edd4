/**
 * text_similarity: render `input` and `reference`, then score them with the metric `evaluation_metric` names.
 * Each metric is computed in its own module under metrics/; this file only picks sides, tokenization and
 * settings, and says which choices were made where OpenAI is silent. It computes no metric itself.
 *
 * Argument order. OpenAI's grader calls metric(input, reference), and the input is the text being graded:
 * - BLEU / GLEU: the hypothesis is the input, the reference is the reference
 *   (`sentence_bleu([reference.split()], input.split())`);
 * - METEOR: `meteor_score([reference.split()], input.split())`;
 * - ROUGE: `RougeScorer([...]).score(target=reference, prediction=input)`, so precision is over the input's
 *   n-grams and recall over the reference's;
 * - fuzzy_match: `scorer(input, reference, processor=default_process)`, in that order.
 */
import { bleu } from '../metrics/bleu.ts';
import { explainFuzzy, FUZZY_SCORERS } from '../metrics/fuzzy.ts';
import { gleu } from '../metrics/gleu.ts';
import { porterStem } from '../metrics/porter.ts';
import { rougeL, rougeN } from '../metrics/rouge.ts';
import { cosineSimilarityGrade } from '../model/cosine.ts';
import { assumption, explanation, failure, noErrors, type GradeOutcome } from '../result.ts';
import type { Assumption, EngineSettings, RenderedField, TextSimilarityGrader, TextSimilarityMetric } from '../types.ts';
import type { FullContext } from './index.ts';
import { renderField } from './render.ts';

const TYPE = 'text_similarity';

interface Scored {
  score: number;
  summary: string;
  details: Record<string, unknown>;
  assumptions: Assumption[];
}

/** A score for people: 4 significant digits, exponent form for BLEU's tiny values. */
function fmt(x: number): string {
  return String(Number(x.toPrecision(4)));
}

const SPLIT_TOKENS = assumption(
  'split-tokens',
  "Texts are tokenized with Python's str.split(): case-sensitive, punctuation stays attached to words (OpenAI does not say which tokenizer it uses).",
);

export async function gradeTextSimilarity(grader: TextSimilarityGrader, ctx: FullContext): Promise<GradeOutcome> {
  const rendered: RenderedField[] = [];
  const input = renderField(TYPE, ctx, grader.input, 'input', rendered);
  if (!input.ok) return input.outcome;
  const reference = renderField(TYPE, ctx, grader.reference, 'reference', rendered);
  if (!reference.ok) return reference.outcome;

  const metric = grader.evaluation_metric;
  // Embeddings come from the model endpoint; model/cosine.ts builds the whole grade.
  if (metric === 'cosine') return cosineSimilarityGrade(input.text, reference.text, ctx, rendered);
  const r = await score(metric, input.text, reference.text, ctx);
  if ('errors' in r) {
    r.explain.rendered = rendered;
    return r;
  }
  return {
    reward: r.score,
    errors: noErrors(),
    scores: { [metric]: r.score },
    explain: explanation(TYPE, r.summary, {
      rendered,
      assumptions: r.assumptions,
      details: { metric, ...r.details },
    }),
  };
}

async function score(
  metric: Exclude<TextSimilarityMetric, 'cosine'>,
  input: string,
  reference: string,
  ctx: FullContext,
): Promise<Scored | GradeOutcome> {
  const settings = ctx.settings;
  switch (metric) {
    case 'fuzzy_match':
      return fuzzy(input, reference, settings, ctx.brief);
    case 'bleu':
      return bleuScore(input, reference, ctx.brief);
    case 'gleu':
      return gleuScore(input, reference);
    case 'meteor':
      return meteorScoreOf(input, reference, ctx);
    case 'rouge_l':
      return rouge(input, reference, 'l', settings);
    default:
      return rouge(input, reference, Number(metric.slice('rouge_'.length)), settings);
  }
}

function fuzzy(input: string, reference: string, settings: EngineSettings, brief = false): Scored {
  const scorer = settings.fuzzyScorer;
  const opts = { processor: settings.fuzzyDefaultProcess };
  const raw = FUZZY_SCORERS[scorer](input, reference, opts);
  const s = raw / 100;
  const processed = settings.fuzzyDefaultProcess ? ' after utils.default_process' : '';
  return {
    score: s,
    summary: `fuzzy_match ${fmt(s)}: rapidfuzz fuzz.${scorer}(input, reference)${processed} = ${fmt(raw)} out of 100.`,
    // The alignment costs more than the score itself; dataset runs (brief) do without it.
    details: brief ? { kind: 'fuzzy', scorer, score: raw, brief: true } : (explainFuzzy(input, reference, scorer, opts) as unknown as Record<string, unknown>),
    assumptions: [
      assumption(
        'fuzzy-scorer',
        `fuzzy_match is rapidfuzz fuzz.${scorer}(input, reference) / 100. OpenAI only says "using rapidfuzz"; WRatio is what its own python-grader example uses.`,
        'fuzzyScorer',
      ),
      assumption(
        'fuzzy-process',
        settings.fuzzyDefaultProcess
          ? 'Both texts first go through rapidfuzz utils.default_process (lower-case, non-alphanumerics to spaces, trimmed), as in OpenAI\'s example.'
          : 'The texts are compared as they are (no utils.default_process).',
        'fuzzyDefaultProcess',
      ),
    ],
  };
}

const BLEU_NLTK = assumption(
  'bleu-nltk',
  "BLEU is NLTK's sentence_bleu([reference], input): 1–4-grams with equal weights, no smoothing (an order without any match counts as 2.2e-308), brevity penalty.",
);

/** What a brief (dataset) run says of a BLEU score: no one reads it there, and the full sentence cost ~15% of a row. */
const BLEU_BRIEF_SUMMARY = 'BLEU: geometric mean of the 1–4-gram precisions × brevity penalty (a dataset run: no n-gram table).';

function bleuScore(input: string, reference: string, brief = false): Scored {
  // Dataset runs (brief) show no n-gram table: the same score without the matched n-gram lists.
  const r = bleu(reference, input, brief);
  const d = r.details;
  return {
    score: r.score,
    summary: brief ? BLEU_BRIEF_SUMMARY : bleuSummary(r.score, d),
    details: brief ? { ...d, brief: true } : d,
    assumptions: [SPLIT_TOKENS, BLEU_NLTK],
  };
}

function bleuSummary(score: number, d: ReturnType<typeof bleu>['details']): string {
  if (d.zeroReason) {
    return d.hypothesisLength === 0
      ? 'The input has no tokens, so BLEU is 0.'
      : 'No token of the input occurs in the reference (case-sensitive, punctuation attached), so BLEU is 0.';
  }
  const missing = d.orders.filter((o) => o.smoothed).map((o) => `${o.n}-grams`);
  if (missing.length > 0) {
    return (
      `BLEU ${fmt(score)}: no ${missing.join(', ')} of the input occur in the reference. NLTK without smoothing counts ` +
      'such a precision as 2.2e-308 instead of 0, so the score is tiny but not 0.'
    );
  }
  const ps = d.orders.map((o) => `${o.numerator}/${o.denominator}`).join(', ');
  return `BLEU ${fmt(score)}: geometric mean of the 1–4-gram precisions (${ps}) × brevity penalty ${fmt(d.brevityPenalty)}.`;
}

function gleuScore(input: string, reference: string): Scored {
  const r = gleu(reference, input);
  const c = r.details.bestReference === null ? null : r.details.candidates[r.details.bestReference]!;
  const summary = c
    ? `GLEU ${fmt(r.score)}: ${c.truePositives} shared 1–4-grams out of max(${c.hypothesisNgrams} in the input, ${c.referenceNgrams} in the reference).`
    : 'Both texts have no tokens, so GLEU is 0.';
  return {
    score: r.score,
    summary,
    details: r.details,
    assumptions: [SPLIT_TOKENS, assumption('gleu-nltk', "GLEU is NLTK's sentence_gleu([reference], input) with min_len 1 and max_len 4.")],
  };
}

async function meteorScoreOf(input: string, reference: string, ctx: FullContext): Promise<Scored | GradeOutcome> {
  // Loaded on first use: METEOR brings the Porter stemmer and WordNet along, which BLEU and ROUGE do not need.
  const { meteorFromStrings } = await import('../metrics/meteor.ts');
  let r;
  try {
    r = await meteorFromStrings(reference, input, ctx.runtime);
  } catch (e) {
    return failure(TYPE, {
      flag: 'other_error',
      message: `METEOR needs the WordNet data file, which could not be loaded: ${e instanceof Error ? e.message : String(e)}`,
      pointer: `${ctx.pointer}/evaluation_metric`,
    });
  }
  const d = r.details;
  const stages = (['exact', 'stem', 'synonym'] as const)
    .map((st) => [st, d.alignment.filter((m) => m.stage === st).length] as const)
    .filter(([, k]) => k > 0)
    .map(([st, k]) => `${k} ${st}`);
  const summary =
    d.matches === 0
      ? 'No word of the input matches the reference (exactly, by stem or by WordNet synonym), so METEOR is 0.'
      : `METEOR ${fmt(r.score)}: ${d.matches} matched word${d.matches === 1 ? '' : 's'} (${stages.join(', ')}) in ${d.chunks} ` +
        `chunk${d.chunks === 1 ? '' : 's'}; F-mean ${fmt(d.fmean)} × (1 − fragmentation penalty ${fmt(d.penalty)}).`;
  return {
    score: r.score,
    summary,
    details: d as unknown as Record<string, unknown>,
    assumptions: [
      SPLIT_TOKENS,
      assumption(
        'meteor-nltk',
        "METEOR is NLTK's meteor_score([reference], input) with its defaults (alpha 0.9, beta 3, gamma 0.5): words are lower-cased, " +
          'matched exactly, then by Porter stem, then by WordNet 3.0 synonym (NLTK looks synonyms up on the stemmed leftovers).',
      ),
    ],
  };
}

function rouge(input: string, reference: string, n: number | 'l', settings: EngineSettings): Scored {
  const stemmer = settings.rougeStemming ? (t: string) => porterStem(t) : null;
  const r = n === 'l' ? rougeL(reference, input, { stemmer }) : rougeN(reference, input, n, { stemmer });
  const d = r.details;
  const name = n === 'l' ? 'ROUGE-L' : `ROUGE-${n}`;
  let summary: string;
  if (d.inputTokens.length === 0 || d.referenceTokens.length === 0) {
    const side = d.inputTokens.length === 0 ? 'input' : 'reference';
    summary = `The ${side} has no tokens after rouge-score's tokenizer (it keeps only a–z and 0–9 after lower-casing), so ${name} is 0.`;
  } else {
    const what =
      d.variant === 'rouge_l'
        ? `the longest common subsequence has ${d.lcsLength} tokens`
        : `${d.overlap} shared ${d.n}-gram${d.overlap === 1 ? '' : 's'} (${d.inputNgrams} in the input, ${d.referenceNgrams} in the reference)`;
    summary = `${name} F-measure ${fmt(r.score)}: ${what}; precision ${fmt(d.precision)}, recall ${fmt(d.recall)}.`;
  }
  return {
    score: r.score,
    summary,
    details: d,
    assumptions: [
      assumption(
        'rouge-tokenizer',
        "ROUGE uses rouge-score's default tokenizer: lower-case, every character outside a–z and 0–9 becomes a space (accented and non-Latin letters are dropped).",
      ),
      assumption(
        'rouge-stemming',
        settings.rougeStemming
          ? "Porter stemming is on (NLTK's PorterStemmer on tokens longer than 3 characters, as rouge-score's use_stemmer=True)."
          : "No stemming (rouge-score's default use_stemmer=False).",
        'rougeStemming',
      ),
      assumption('rouge-fmeasure', 'The reward is the F-measure; precision and recall are shown but not used. OpenAI does not say which one it reports.'),
    ],
  };
}
