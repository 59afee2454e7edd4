/**
 * A workspace's grader as one self-contained Python file for a trainer (TRL, verl, OpenRLHF, verifiers) or for
 * plain Python: header (what it follows, pinned requirements, how to wire it), the grader plan, the runtime
 * (runtime-py.ts) and the target's entry point (targets.ts). Also the warnings a trainer's contract deserves.
 * Builds text; runs nothing. Parity is checked by parity.ts.
 */
import type { EngineSettings, Grader } from '../../engine/types.ts';
import { DEFAULT_SETTINGS } from '../../engine/types.ts';
import { validateGrader } from '../../engine/validate.ts';
import { pythonLiteral } from '../literals.ts';
import { compileGrader, linearWeights, metricsOf, PlanError, type PlanValue } from './plan.ts';
import { RUNTIME_PY } from './runtime-py.ts';
import { entryPoint, TARGET_INFO, type Target } from './targets.ts';

export interface TrainerWarning {
  id: string;
  message: string;
}

export interface TrainerExport {
  target: Target;
  fileName: string;
  /** The Python name of the reward function (TRL, verifiers); the fixed names elsewhere. */
  entry: string;
  code: string;
  requirements: string[];
  warnings: TrainerWarning[];
}

export type TrainerExportResult = { ok: true; export: TrainerExport } | { ok: false; message: string };

/** Pins the export is tested with (the playground's engine is checked against these versions). */
export const PINS = {
  rapidfuzz: 'rapidfuzz==3.14.6',
  nltk: 'nltk==3.9.1',
  rouge: 'rouge-score==0.1.2',
} as const;

/** A Python identifier from a grader name: lower-case words joined by "_", never starting with a digit. */
export function slug(name: string): string {
  const s = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return !s ? 'grader' : /^[0-9]/.test(s) ? `g_${s}` : s;
}

export function requirementsOf(grader: Grader): string[] {
  const metrics = metricsOf(grader);
  const out: string[] = [];
  if (metrics.includes('fuzzy_match')) out.push(PINS.rapidfuzz);
  if (metrics.some((m) => m === 'bleu' || m === 'gleu' || m === 'meteor')) out.push(PINS.nltk);
  if (metrics.some((m) => m.startsWith('rouge_'))) out.push(PINS.rouge);
  return out;
}

/** Template variables the plan reads from `sample` (first path segment). */
function sampleFields(plan: PlanValue, out = new Set<string>()): Set<string> {
  if (Array.isArray(plan)) {
    if (plan[0] === 'v' && plan[2] === 'sample' && Array.isArray(plan[3])) out.add(String(plan[3][0] ?? ''));
    else for (const p of plan) sampleFields(p, out);
  } else if (plan && typeof plan === 'object') {
    for (const v of Object.values(plan)) sampleFields(v, out);
  }
  return out;
}

function pythonSources(plan: PlanValue, out: string[] = []): string[] {
  if (Array.isArray(plan)) for (const p of plan) pythonSources(p, out);
  else if (plan && typeof plan === 'object') {
    if (plan.type === 'python' && typeof plan.source === 'string') out.push(plan.source);
    for (const v of Object.values(plan)) pythonSources(v, out);
  }
  return out;
}

export function contractWarnings(grader: Grader, plan: PlanValue, target: Target): TrainerWarning[] {
  const w: TrainerWarning[] = [];
  const fields = sampleFields(plan);
  const sources = pythonSources(plan).join('\n');
  if (target !== 'python') {
    for (const f of ['output_tools', 'choices']) {
      if (fields.has(f) || new RegExp(`\\[\\s*["']${f}["']\\s*\\]|get\\(\\s*["']${f}`).test(sources)) {
        w.push({
          id: `sample-${f}`,
          message: `The grader reads sample.${f}, but ${TARGET_INFO[target].label} passes only the completion's text: ${f} is built from the text (${f === 'output_tools' ? 'always empty' : 'one assistant message'}), so tool calls never reach the grader.`,
        });
      }
    }
    if (fields.has('output_json') || /["']output_json["']/.test(sources)) {
      w.push({
        id: 'sample-output-json',
        message: 'The grader reads sample.output_json. The trainer has only text: output_json exists when the whole completion parses as JSON (as OpenAI does), so a completion with prose around its JSON gets a sample_parse_error and reward 0. Constrain generation to JSON, or parse inside a python grader.',
      });
    }
  }
  const types = grader.type === 'multi' ? Object.values(grader.graders).map((g) => g.type) : [grader.type];
  if (types.includes('score_model') || types.includes('label_model')) {
    w.push({
      id: 'judge-endpoint',
      message: 'Model graders call a judge for every completion during training: set OPENAI_BASE_URL and OPENAI_API_KEY (any OpenAI-compatible endpoint with structured outputs), and expect the judge to be the slowest and costliest part of each step.',
    });
  }
  const metrics = metricsOf(grader);
  if (metrics.includes('cosine')) w.push({ id: 'cosine-endpoint', message: 'cosine calls an embeddings endpoint (OPENAI_BASE_URL) for every completion.' });
  if (metrics.includes('meteor')) {
    w.push({ id: 'meteor-wordnet', message: 'METEOR needs the WordNet corpus: run python -m nltk.downloader wordnet omw-1.4 once on every training machine.' });
  }
  if (grader.type === 'multi' && target === 'trl' && linearWeights(grader.calculate_output, Object.keys(grader.graders))) {
    w.push({
      id: 'trl-weights',
      message: 'calculate_output is linear: REWARD_FUNCS with REWARD_WEIGHTS lets TRL log each sub-grader, but a failed sub-grader then costs only its own term, where the multi grader gives 0.',
    });
  }
  return w;
}

export interface ExportOptions {
  settings?: Partial<EngineSettings>;
  /** Shown in the header ("Parity: ..."), when the caller has checked it. */
  parityNote?: string;
}

export function exportForTarget(raw: unknown, target: Target, options: ExportOptions = {}): TrainerExportResult {
  const v = validateGrader(raw);
  if (!v.ok) {
    const e = v.problems.find((p) => p.severity === 'error')!;
    return { ok: false, message: `The grader is invalid${e.pointer ? ` at ${e.pointer}` : ''}: ${e.message}` };
  }
  const grader = v.grader;
  let plan: { [key: string]: PlanValue };
  try {
    plan = compileGrader(grader);
  } catch (e) {
    if (e instanceof PlanError) return { ok: false, message: e.message };
    throw e;
  }
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const info = TARGET_INFO[target];
  const name = slug(grader.name);
  const entry = target === 'trl' || target === 'verifiers' ? `${name}_reward` : target === 'verl' ? 'compute_score' : target === 'openrlhf' ? 'reward_func' : 'grade';
  const requirements = requirementsOf(grader);
  const subKeys = grader.type === 'multi' ? Object.keys(grader.graders) : [];
  const weights = grader.type === 'multi' ? linearWeights(grader.calculate_output, subKeys) : null;
  const warnings = contractWarnings(grader, plan, target);
  const settingsLiteral = pythonLiteral({
    compactJson: settings.compactJson,
    fuzzyScorer: settings.fuzzyScorer,
    fuzzyDefaultProcess: settings.fuzzyDefaultProcess,
    rougeStemming: settings.rougeStemming,
    sqlLikeWildcards: settings.sqlLikeWildcards,
  });
  const header = [
    `"""${pyDoc(grader.name)}: a reward function for ${info.label}, exported from the Grader Playground.`,
    '',
    `Grader: ${pyDoc(grader.name)} (${grader.type}${grader.type === 'multi' ? `: ${subKeys.map((k) => `${k}=${grader.graders[k]!.type}`).join(', ')}` : ''})`,
    `Follows: ${pyDoc(info.follows)}`,
    'Semantics: OpenAI\'s graders as the playground\'s engine computes them (templates rendered with json.dumps and',
    'key order kept, string_check, text_similarity, python graders\' own source, judges on any OpenAI-compatible',
    'endpoint, calculate_output evaluated from a tree without eval). Any grader error gives reward 0.0.',
    `Runs on CPython 3.10+. Requirements: ${requirements.length ? requirements.join(' ') : 'none beyond the standard library'}.`,
    ...warnings.map((x) => wrap(`Note: ${x.message}`)),
    ...(options.parityNote ? [wrap(`Parity: ${options.parityNote}`)] : []),
    `"""`,
  ].join('\n');
  const code = `${header}

# The workspace's settings where OpenAI is silent (the playground's Settings dialog).
SETTINGS = ${settingsLiteral}

# The grader, compiled: templates split into ["t", text] and ["v", expression, namespace, path], the formula as a tree.
PLAN = ${pythonLiteral(plan as never)}
${RUNTIME_PY}${entryPoint(target, entry, grader.name, subKeys, weights)}`;
  return { ok: true, export: { target, fileName: info.fileName(name), entry, code, requirements, warnings } };
}

/** Text safe inside a """ docstring. */
function pyDoc(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"""/g, '\\"\\"\\"');
}

function wrap(text: string, width = 110): string {
  const words = pyDoc(text).split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = '  ' + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
