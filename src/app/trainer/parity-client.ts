/**
 * The parity check in the app: a grader worker of its own in the sandbox runs, for each row, the workspace's
 * grader on the sample the trainer can see (the engine) and the exported file called as the trainer calls it (as
 * a python grader whose grade() is the parity adapter). The exported code is user code: it runs only in the
 * sandbox, like any python grader. Compares; computes no score itself.
 */
import { isJsonObject, jsonEntries, losslessJsonText } from '../../engine/json.ts';
import type { HandAnswers } from '../../engine/runtime.ts';
import type { EngineSettings, JsonValue } from '../../engine/types.ts';
import { exportForTarget } from '../../share/trainer/export.ts';
import { agrees, summarize, trainerView, type ParityReport, type ParityRow, type ParityRowResult } from '../../share/trainer/parity.ts';
import { parityAdapter, type Target } from '../../share/trainer/targets.ts';
import type { GraderHost, WorkerHandle } from '../../worker/host.ts';

export interface AppParityOptions {
  grader: JsonValue;
  settings: EngineSettings;
  target: Target;
  rows: ParityRow[];
  conversational: boolean;
  timeoutMs?: number;
  onRow?: (row: ParityRowResult) => void;
}

/** Judge replies by hand for every model grader of the grader (the row's recorded reply). */
function handFor(grader: JsonValue, reply: string | undefined): HandAnswers | undefined {
  if (reply === undefined || !isJsonObject(grader)) return undefined;
  const isModel = (g: JsonValue) => isJsonObject(g) && (g.type === 'score_model' || g.type === 'label_model');
  const out: HandAnswers = {};
  if (isModel(grader)) out[''] = { kind: 'reply', text: reply };
  if (grader.type === 'multi' && isJsonObject(grader.graders)) {
    for (const [k, g] of jsonEntries(grader.graders)) if (isModel(g)) out[`/graders/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`] = { kind: 'reply', text: reply };
  }
  return out;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return Promise.race([p, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms))]);
}

export async function runParityInSandbox(host: GraderHost, o: AppParityOptions): Promise<ParityReport | { error: string }> {
  const exp = exportForTarget(o.grader, o.target, { settings: o.settings });
  if (!exp.ok) return { error: exp.message };
  const parityGrader = JSON.stringify({ type: 'python', name: 'parity', source: exp.export.code + parityAdapter(o.target, exp.export.entry) });
  const graderText = losslessJsonText(o.grader);
  const timeoutMs = o.timeoutMs ?? 120_000;
  let handle: WorkerHandle | null = null;
  const results: ParityRowResult[] = [];
  try {
    for (let index = 0; index < o.rows.length; index++) {
      const row = o.rows[index]!;
      if (!handle) {
        handle = await host.spawn();
        await handle.ready;
      }
      const view = trainerView(row, o.target, o.conversational);
      const hand = handFor(o.grader, row.judgeReply);
      const engine = await withTimeout(
        handle.api.run({ grader: graderText, sample: losslessJsonText(view.sample), item: losslessJsonText(row.item), settings: o.settings, ...(hand ? { hand } : {}) }),
        timeoutMs,
      );
      const exported = engine === 'timeout' ? 'timeout' : await withTimeout(handle.api.run({ grader: parityGrader, sample: view.env, item: 'null', settings: o.settings }), timeoutMs);
      let result: ParityRowResult;
      if (engine === 'timeout' || exported === 'timeout' || !engine.result || !exported.result) {
        const why = engine === 'timeout' || exported === 'timeout' ? `no answer within ${timeoutMs / 1000} s` : 'the documents did not parse';
        result = { index, engine: engine !== 'timeout' && engine.result ? engine.result.reward : 0, exported: null, diff: null, ok: false, error: why, engineFlags: [] };
        if (engine === 'timeout' || exported === 'timeout') {
          host.kill(handle);
          handle = null;
        }
      } else {
        const e = engine.result;
        const x = exported.result;
        const failed = Object.entries(x.metadata.errors).some(([, v]) => v === true);
        const value = failed ? null : x.reward;
        result = {
          index,
          engine: e.reward,
          exported: value,
          diff: value === null ? null : Math.abs(value - e.reward),
          ok: agrees(e.reward, value),
          error: failed ? (x.metadata.errors.python_grader_runtime_error_details ?? x.metadata.errors.python_grader_server_error_type ?? 'the exported file failed') : null,
          engineFlags: Object.entries(e.metadata.errors)
            .filter(([, v]) => v === true)
            .map(([k]) => k),
        };
      }
      results.push(result);
      o.onRow?.(result);
    }
  } finally {
    if (handle) host.kill(handle);
  }
  return summarize(o.target, results);
}
