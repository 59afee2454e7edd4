/**
 * Parity, proven row by row: the exported file runs in a PythonRuntime (Pyodide here, in the browser sandbox or
 * in Node), called the way its trainer calls it, and its reward is compared with the engine's reward for the
 * sample the trainer can see (text-only targets see `sample_from_text(output_text)`, as OpenAI builds a sample
 * from a model's text). Judges get each row's recorded reply on both sides. Never throws for a row: a failure is
 * that row's result.
 */
import { losslessJsonText, pyJsonDumps } from '../../engine/json.ts';
import { handJudgeRuntime } from '../../engine/model/hand.ts';
import { runGrader } from '../../engine/run.ts';
import type { EngineRuntime, PythonRuntime } from '../../engine/runtime.ts';
import { sampleFromModelText } from '../../engine/sample.ts';
import type { EngineSettings, JsonValue } from '../../engine/types.ts';
import { isJsonObject } from '../../engine/json.ts';
import { exportForTarget } from './export.ts';
import { parityAdapter, type Target } from './targets.ts';

export const PARITY_TOLERANCE = 1e-12;

export interface ParityRow {
  sample: JsonValue;
  item: JsonValue;
  /** The judge's reply for model graders (the same on both sides). */
  judgeReply?: string;
}

export interface ParityRowResult {
  index: number;
  engine: number;
  /** The exported file's reward, or null when it did not produce one. */
  exported: number | null;
  diff: number | null;
  ok: boolean;
  /** Why the exported side failed (Python's error), or null. */
  error: string | null;
  /** The engine's error flags for this row (a grade that fails gives 0 on both sides). */
  engineFlags: string[];
}

export interface ParityReport {
  target: Target;
  rows: ParityRowResult[];
  passed: number;
  failed: number;
  /** Largest |engine - exported| over rows that produced a reward. */
  maxDiff: number;
}

export interface ParityOptions {
  settings?: Partial<EngineSettings>;
  /** Runs the exported file (Pyodide). */
  python: PythonRuntime;
  /** What the engine needs besides python (WordNet data, AST engine...). */
  runtime?: EngineRuntime;
  /** TRL and verifiers: pass conversational message lists instead of strings. */
  conversational?: boolean;
  timeoutMs?: number;
  onRow?: (row: ParityRowResult) => void;
}

/** The completion text a trainer would hold for a sample. */
export function sampleText(sample: JsonValue): string {
  const text = isJsonObject(sample) ? sample.output_text : undefined;
  if (typeof text === 'string') return text;
  return text === undefined ? '' : pyJsonDumps(text);
}

/**
 * One row as its trainer sees it: the sample the engine grades (the whole sample for plain Python, else the one
 * OpenAI builds from the text) and the parity adapter's env (JSON text, lexemes kept).
 */
export function trainerView(row: ParityRow, target: Target, conversational = false): { sample: JsonValue; env: string } {
  const text = sampleText(row.sample);
  const sample = target === 'python' ? row.sample : sampleFromModelText(text);
  const env =
    `{"item":${losslessJsonText(row.item)},"sample":${losslessJsonText(sample)},"text":${JSON.stringify(text)},` +
    `"prompt":"<prompt>\\n","conversational":${conversational ? 'true' : 'false'},"judge_reply":${row.judgeReply === undefined ? 'null' : JSON.stringify(row.judgeReply)}}`;
  return { sample, env };
}

/** Whether the two rewards agree to PARITY_TOLERANCE (relative above 1). */
export function agrees(engine: number, exported: number | null): boolean {
  return exported !== null && Math.abs(exported - engine) <= PARITY_TOLERANCE * Math.max(1, Math.abs(engine));
}

export function summarize(target: Target, results: ParityRowResult[]): ParityReport {
  const passed = results.filter((x) => x.ok).length;
  return {
    target,
    rows: results,
    passed,
    failed: results.length - passed,
    maxDiff: results.reduce((m, x) => (x.diff === null ? m : Math.max(m, x.diff)), 0),
  };
}

/** Runs the check in a Python runtime the caller owns (Node tests, the CLI). The app uses the sandbox instead. */
export async function checkParity(grader: unknown, target: Target, rows: readonly ParityRow[], options: ParityOptions): Promise<ParityReport | { error: string }> {
  const exp = exportForTarget(grader, target, { ...(options.settings ? { settings: options.settings } : {}) });
  if (!exp.ok) return { error: exp.message };
  const source = exp.export.code + parityAdapter(target, exp.export.entry);
  const results: ParityRowResult[] = [];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const { sample: seen, env } = trainerView(row, target, options.conversational);
    const runtime: EngineRuntime = { ...options.runtime, python: options.python };
    if (row.judgeReply !== undefined) runtime.model = handJudgeRuntime(row.judgeReply);
    const engine = await runGrader(grader, seen, row.item, { runtime, explain: false, ...(options.settings ? { settings: options.settings } : {}) });
    const r = await options.python.run({ source, sampleJson: env, itemJson: 'null', ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
    const exported = r.status === 'ok' && typeof r.value === 'number' ? r.value : null;
    const result: ParityRowResult = {
      index,
      engine: engine.reward,
      exported,
      diff: exported === null ? null : Math.abs(exported - engine.reward),
      ok: agrees(engine.reward, exported),
      error: exported === null ? (r.details ?? r.errorType ?? r.status) : null,
      engineFlags: Object.entries(engine.metadata.errors)
        .filter(([, v]) => v === true)
        .map(([k]) => k),
    };
    results.push(result);
    options.onRow?.(result);
  }
  return summarize(target, results);
}
