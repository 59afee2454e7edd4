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

export async function checkParity(grader: unknown, target: Target, rows: readonly ParityRow[], options: ParityOptions): Promise<ParityReport | { error: string }> {
  const exp = exportForTarget(grader, target, { ...(options.settings ? { settings: options.settings } : {}) });
  if (!exp.ok) return { error: exp.message };
  const source = exp.export.code + parityAdapter(target, exp.export.entry);
  const results: ParityRowResult[] = [];
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    const text = sampleText(row.sample);
    const seen = target === 'python' ? row.sample : sampleFromModelText(text);
    const runtime: EngineRuntime = { ...options.runtime, python: options.python };
    if (row.judgeReply !== undefined) runtime.model = handJudgeRuntime(row.judgeReply);
    const engine = await runGrader(grader, seen, row.item, { runtime, explain: false, ...(options.settings ? { settings: options.settings } : {}) });
    const env =
      `{"item":${losslessJsonText(row.item)},"sample":${losslessJsonText(seen)},"text":${JSON.stringify(text)},` +
      `"prompt":"<prompt>\\n","conversational":${options.conversational ? 'true' : 'false'},"judge_reply":${row.judgeReply === undefined ? 'null' : JSON.stringify(row.judgeReply)}}`;
    const r = await options.python.run({ source, sampleJson: env, itemJson: 'null', ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
    const exported = r.status === 'ok' && typeof r.value === 'number' ? r.value : null;
    const diff = exported === null ? null : Math.abs(exported - engine.reward);
    const ok = diff !== null && diff <= PARITY_TOLERANCE * Math.max(1, Math.abs(engine.reward));
    const engineFlags = Object.entries(engine.metadata.errors)
      .filter(([, v]) => v === true)
      .map(([k]) => k);
    const result: ParityRowResult = {
      index,
      engine: engine.reward,
      exported,
      diff,
      ok,
      error: exported === null ? (r.details ?? r.errorType ?? r.status) : null,
      engineFlags,
    };
    results.push(result);
    options.onRow?.(result);
  }
  const passed = results.filter((x) => x.ok).length;
  return {
    target,
    rows: results,
    passed,
    failed: results.length - passed,
    maxDiff: results.reduce((m, x) => (x.diff === null ? m : Math.max(m, x.diff)), 0),
  };
}
