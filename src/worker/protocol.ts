/**
 * The messages between the app, the sandbox frame and the grader workers. Everything here is plain data
 * (it crosses postMessage twice); the worker API is exposed with Comlink over a MessagePort the app creates.
 */
import type { LongText } from './long-text.ts';
import type { HandAnswers, ModelPath, ModelResponse } from '../engine/runtime.ts';
import type { EngineSettings, RunResult } from '../engine/types.ts';
import type { ValidationProblem } from '../engine/validate.ts';
import type { AstRequest, AstResponse } from './ast-request.ts';

export type DocName = 'grader' | 'sample' | 'item';

/** A document that is not valid JSON, with the place to mark in its editor. */
export interface DocError {
  doc: DocName;
  message: string;
  offset: number;
  line: number;
  column: number;
}

export interface RunRequest {
  /** The three editors' texts, parsed in the worker so the main thread never does the work. */
  grader: string;
  sample: string;
  item: string;
  settings: EngineSettings;
  /** Judge by hand: answers the user typed, by grader pointer, used instead of calling a model. */
  hand?: HandAnswers;
}

/**
 * What a model call may ask for: an operation of this fixed set, never a path or URL. The app maps it to a path
 * under the user's configured base URL and refuses any URL outside it (src/app/state/model-url.ts).
 */
export const MODEL_OPERATIONS = ['chat.completions', 'responses', 'embeddings'] as const;
export type ModelOperation = (typeof MODEL_OPERATIONS)[number];

/** The operation for each path the engine posts to. */
export const OPERATION_OF_PATH: Record<ModelPath, ModelOperation> = {
  '/chat/completions': 'chat.completions',
  '/embeddings': 'embeddings',
};

/**
 * A model call the worker asks the app to make (the app holds the endpoint and key; the worker never sees them).
 * The arguments come from the sandbox: the app checks them (boundary.ts checkModelCall) before anything else.
 */
export type ModelCall = (operation: ModelOperation, body: unknown) => Promise<ModelResponse>;

export interface RunResponse {
  /** JSON syntax errors; when any is present there is no result. */
  docErrors: DocError[];
  /** Validation problems of the grader (errors and warnings), with JSON pointers. */
  problems: ValidationProblem[];
  result: RunResult | null;
  /** The whole texts of strings cut to their head in `result` (long-text.ts), as Blobs of UTF-8. */
  texts?: LongText[];
}

/**
 * What a run reports while it works, so the time limit covers the user's code only: 'loading' while Pyodide or
 * packages load (a generous startup limit applies), 'exec' when the user's code starts (the limit starts over).
 */
export type RunProgress = 'loading' | 'exec';

/** A batch of dataset lines for one worker: each line is a JSONL row with an item and one or more samples. */
export interface BatchRequest {
  grader: string;
  settings: EngineSettings;
  /**
   * The batch's line indices, and their texts joined by "\n" (a JSONL line holds no line break): one string
   * clones far faster than hundreds of small objects, and the pool's messages are the main thread's cost.
   */
  rows: number[];
  text: string;
  /** Call `onRow` for every line, not at most every ROW_REPORT_MS (pool.ts re-runs a timed-out batch so). */
  reportEveryRow?: boolean;
}

/**
 * A batch's `text` from JSON texts that may span lines (a test case's pretty-printed sample). A line break
 * outside a JSON string is whitespace, so it becomes a space (the same JSON). Inside a string a raw line break
 * makes the JSON invalid; it becomes a raw carriage return, which keeps it invalid at the same column.
 */
export function joinBatchTexts(texts: readonly string[]): string {
  return texts.map(oneLine).join('\n');
}

function oneLine(t: string): string {
  if (!t.includes('\n')) return t;
  let out = '';
  let inString = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === '\n') out += inString ? '\r' : ' ';
    else {
      out += c;
      if (inString && c === '\\') out += t[++i] === '\n' ? '\r' : (t[i] ?? '');
      else if (c === '"') inString = !inString;
    }
  }
  return out;
}

/** The lines of a batch request, each with its index. */
export function batchLines(req: Pick<BatchRequest, 'rows' | 'text'>): { line: number; text: string }[] {
  const texts = req.text.split('\n');
  return req.rows.map((line, i) => ({ line, text: texts[i] ?? '' }));
}

/** How often a worker tells which line it is on, at most (one message per fast line would cost more than it). */
export const ROW_REPORT_MS = 100;

/** One graded sample, kept small: a dataset holds up to 100,000 of them. */
export interface SampleResult {
  /** 0-based line index in the dataset file. */
  row: number;
  sampleIndex: number;
  reward: number;
  /** The error flags that are set. */
  flags: string[];
  /** The label a label_model chose, when there is one. */
  label?: string;
  /** The first problem's message, when the grade failed. */
  message?: string;
  /** The human score the data gives this sample, when it has one. */
  human?: number;
}

export interface RowError {
  row: number;
  line: number;
  message: string;
}

export interface BatchResponse {
  results: SampleResult[];
  rowErrors: RowError[];
  /** Set when the grader itself is invalid: nothing was graded. */
  graderError?: string;
}

export interface GraderWorkerApi {
  ping(): Promise<'pong'>;
  run(request: RunRequest, onProgress?: (p: RunProgress) => void, onModel?: ModelCall): Promise<RunResponse>;
  /**
   * Grade dataset lines; `onRow` is told when a line starts, at most every ROW_REPORT_MS unless
   * `reportEveryRow` (so a stuck line can be found and skipped).
   */
  gradeLines(request: BatchRequest, onRow?: (row: number) => void, onModel?: ModelCall, onProgress?: (p: RunProgress) => void): Promise<BatchResponse>;
  /** The AST panel: matches, syntax tree and pattern structure for some code (ast-request.ts). */
  ast(request: AstRequest): Promise<AstResponse>;
  /** Start loading Pyodide now, ahead of the first python grader (resolves at once; loading goes on). */
  preparePython(): Promise<void>;
}

/**
 * Worker -> frame -> app: one of the app's static files, which the app fetches for the sandbox (its own requests
 * bypass the service worker, so offline only the app can reach the cache: asset-server.ts).
 */
export interface AssetRequest {
  type: 'asset';
  id: number;
  url: string;
  /** Subresource Integrity the caller asked for (Pyodide's package hashes); the app's fetch checks it. */
  integrity?: string;
}

/** App -> frame -> worker: the file's bytes, or why there are none. */
export type AssetReply =
  | { type: 'asset-reply'; id: number; status: number; contentType: string; body: ArrayBuffer }
  | { type: 'asset-reply'; id: number; error: string };

/** App -> sandbox frame. */
export type FrameCommand =
  | { type: 'spawn'; id: number; port: MessagePort }
  | { type: 'kill'; id: number }
  | AssetReply;

/** Sandbox frame -> app. */
export type FrameEvent =
  | { type: 'ready' }
  | { type: 'spawned'; id: number }
  | { type: 'worker-error'; id: number; message: string }
  | AssetRequest;

/** Sandbox frame -> worker, once, right after it starts. */
export interface WorkerConnect {
  type: 'connect';
  port: MessagePort;
  /** The app's root URL, for our own static files (Pyodide, data). */
  baseUrl: string;
  /** The Python package index the user chose (the sandbox policy allows its origin). */
  packageBaseUrl: string;
}
