/**
 * The grader worker: the engine behind Comlink. Started by the sandbox frame from a data: URL, so it has an
 * opaque origin (no app storage, no credentials) and inherits the frame's Content-Security-Policy. It parses the
 * editors' texts, validates and grades; it knows nothing of the UI.
 */
import * as Comlink from 'comlink';
import { packLongStrings } from './long-text.ts';
import { rowMessage } from '../engine/dataset/row-message.ts';
import { parseJson, toPlain } from '../engine/json.ts';
import type { EngineRuntime, HandAnswers } from '../engine/runtime.ts';
import { prepareGrader, runGrader, runPrepared } from '../engine/run.ts';
import type { JsonValue } from '../engine/types.ts';
import { validateGrader } from '../engine/validate.ts';
import { rowFromValue } from '../engine/dataset.ts';
import { setFlags } from '../engine/result.ts';
import type {
  BatchRequest,
  BatchResponse,
  DocError,
  DocName,
  GraderWorkerApi,
  ModelCall,
  RowError,
  RunProgress,
  RunRequest,
  RunResponse,
  SampleResult,
  WorkerConnect,
} from './protocol.ts';
import { batchLines, OPERATION_OF_PATH, ROW_REPORT_MS } from './protocol.ts';
import { createWorkerRuntime } from './runtime.ts';
import { answerAst } from './ast-request.ts';

let runtime: EngineRuntime & { prepare?(): Promise<void> } = {};
// The worker grades one request at a time; these are the current request's callbacks into the app.
let progress: ((p: RunProgress) => void) | undefined;
let modelCall: ModelCall | undefined;

/** The engine runtime for one request: a model only when the app offers one, and the answers typed by hand. */
function runtimeFor(hand?: HandAnswers): EngineRuntime {
  const base = hand ? { ...runtime, hand } : runtime;
  if (modelCall) {
    const call = modelCall;
    return { ...base, model: { post: (path, body) => call(OPERATION_OF_PATH[path], body) } };
  }
  return base;
}

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
  const result = await runGrader(grader, parsed.sample ?? null, parsed.item ?? null, { settings: req.settings, runtime: runtimeFor(req.hand) });
  return { docErrors, problems, result };
}

async function gradeLines(req: BatchRequest, onRow?: (row: number) => void): Promise<BatchResponse> {
  const g = parseJson(req.grader);
  if (!g.ok) return { results: [], rowErrors: [], graderError: `The grader is not valid JSON (line ${g.error.line}, column ${g.error.column}): ${g.error.message}` };
  const grader = toPlain(g.value);
  // Validated once for the whole batch, not once per sample.
  const prepared = prepareGrader(grader);
  const validation = prepared.validation;
  if (!validation.ok) {
    const first = validation.problems.find((p) => p.severity === 'error')!;
    return { results: [], rowErrors: [], graderError: `The grader is invalid: ${first.pointer || '/'}: ${first.message}` };
  }
  const results: SampleResult[] = [];
  const rowErrors: RowError[] = [];
  const batchRuntime = runtimeFor();
  let reported = -Infinity;
  for (const { line, text } of batchLines(req)) {
    if (onRow && (req.reportEveryRow || performance.now() - reported >= ROW_REPORT_MS)) {
      reported = performance.now();
      onRow(line);
    }
    const parsed = parseJson(text);
    if (!parsed.ok) {
      rowErrors.push({ row: line, line: line + 1, message: `invalid JSON at column ${parsed.error.column}: ${parsed.error.message}` });
      continue;
    }
    const row = rowFromValue(parsed.value, line);
    if ('message' in row) {
      rowErrors.push(row);
      continue;
    }
    for (let j = 0; j < row.samples.length; j++) {
      const r = await runPrepared(prepared, row.samples[j]!, row.item, { settings: req.settings, runtime: batchRuntime, explain: false });
      const flags = setFlags(r.metadata.errors);
      const label = typeof r.metadata.scores.label === 'string' ? r.metadata.scores.label : undefined;
      results.push({
        row: line,
        sampleIndex: j,
        reward: r.reward,
        flags,
        ...(label !== undefined ? { label } : {}),
        // Short: 100,000 rows that each raise a 1 MB message must fit in memory; opening the row shows it all.
        ...(flags.length > 0 && r.explain ? { message: rowMessage(r.explain.problems[0]?.message ?? r.explain.summary) } : {}),
        ...(typeof row.human?.[j] === 'number' ? { human: row.human[j]! } : {}),
      });
    }
  }
  return { results, rowErrors };
}

const api: GraderWorkerApi = {
  async ping() {
    return 'pong';
  },
  async gradeLines(request, onRow, onModel, onProgress) {
    modelCall = onModel;
    progress = onProgress;
    try {
      return await gradeLines(request, onRow);
    } finally {
      modelCall = undefined;
      progress = undefined;
    }
  },
  async preparePython() {
    // Answers once Python is up (LiveRunner counts a run's wait for it as start-up).
    await runtime.prepare?.();
  },
  async ast(request) {
    return answerAst(runtime.ast, request);
  },
  async run(request, onProgress, onModel) {
    progress = onProgress;
    modelCall = onModel;
    try {
      // Long strings (a 20 MB exception message) travel as Blobs (a handle in the clone), not as strings.
      const { value, texts } = packLongStrings(await run(request));
      return texts.length ? { ...value, texts } : value;
    } finally {
      progress = undefined;
      modelCall = undefined;
    }
  },
};

self.addEventListener('message', (e: MessageEvent<WorkerConnect>) => {
  if (e.data?.type !== 'connect' || !e.data.port) return;
  runtime = createWorkerRuntime({ baseUrl: e.data.baseUrl, packageBaseUrl: e.data.packageBaseUrl }, (p) => void progress?.(p));
  Comlink.expose(api, e.data.port);
});
