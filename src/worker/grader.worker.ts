/**
 * The grader worker: the engine behind Comlink. Started by the sandbox frame from a data: URL, so it has an
 * opaque origin (no app storage, no credentials) and inherits the frame's Content-Security-Policy. It parses the
 * editors' texts, validates and grades; it knows nothing of the UI.
 */
import * as Comlink from 'comlink';
import { parseJson } from '../engine/json.ts';
import { runGrader } from '../engine/run.ts';
import type { JsonValue } from '../engine/types.ts';
import { validateGrader } from '../engine/validate.ts';
import { toPlain } from '../engine/json.ts';
import type { DocError, DocName, GraderWorkerApi, RunRequest, RunResponse, WorkerConnect } from './protocol.ts';

async function run(req: RunRequest): Promise<RunResponse> {
  const docErrors: DocError[] = [];
  const parsed: Partial<Record<DocName, JsonValue>> = {};
  for (const doc of ['grader', 'sample', 'item'] as const) {
    const r = parseJson(req[doc]);
    if (r.ok) parsed[doc] = r.value;
    else docErrors.push({ doc, ...r.error });
  }
  if (docErrors.length > 0 || parsed.grader === undefined) {
    const problems = parsed.grader !== undefined ? validateGrader(toPlain(parsed.grader)).problems : [];
    return { docErrors, problems, result: null };
  }
  // The grader's numbers (range, thresholds) are plain numbers; templates only read sample and item.
  const grader = toPlain(parsed.grader);
  const problems = validateGrader(grader).problems;
  const result = await runGrader(grader, parsed.sample ?? null, parsed.item ?? null, { settings: req.settings });
  return { docErrors, problems, result };
}

const api: GraderWorkerApi = {
  async ping() {
    return 'pong';
  },
  run,
};

self.addEventListener('message', (e: MessageEvent<WorkerConnect>) => {
  if (e.data?.type === 'connect' && e.data.port) Comlink.expose(api, e.data.port);
});
