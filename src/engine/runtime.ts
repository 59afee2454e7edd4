/**
 * What the engine needs from its host to run graders that go beyond pure computation. The browser worker and
 * the Node CLI each provide these; the engine never imports Pyodide, WASM loaders or fetch itself.
 */
import type { AstEngine } from './ast/engine.ts';
import type { EngineSettings } from './types.ts';

/** Resources the grader modules can ask for. Each is optional: a grader that needs a missing one says so. */
export interface EngineRuntime {
  /** Runs python graders (Pyodide). */
  python?: PythonRuntime;
  /** Calls an OpenAI-compatible model endpoint (score_model, label_model, cosine). */
  model?: ModelRuntime;
  /** Loads lazily fetched data files (e.g. WordNet for METEOR). */
  data?: DataRuntime;
  /** ast-grep on WASM (ast_grep graders, the AST panel); grammars load on first use of their language. */
  ast?: AstEngine;
  /**
   * Answers typed by hand instead of calling a model, by the JSON pointer of the grader they answer ('' for the
   * top level, `/graders/<key>` inside multi). A model grader with an answer here never calls `model`.
   */
  hand?: HandAnswers;
}

/**
 * A hand answer: the judge's reply text (score_model, label_model: parsed exactly as an endpoint's reply), or for
 * cosine either the similarity itself or the two embeddings.
 */
export type HandAnswer =
  | { kind: 'reply'; text: string }
  | { kind: 'similarity'; value: number }
  | { kind: 'vectors'; a: number[]; b: number[] };

export type HandAnswers = Record<string, HandAnswer>;

export interface PythonRunRequest {
  source: string;
  /** Lossless JSON text of the sample and item, for Python's json.loads. */
  sampleJson: string;
  itemJson: string;
  /** Wall-clock limit for the user's code (package loading not included); a runtime that cannot stop code ignores it. */
  timeoutMs?: number;
}

export interface PythonRunResponse {
  /** 'ok' with the returned value's repr and float value, or an error kind. */
  status: 'ok' | 'runtime_error' | 'server_error';
  value?: number | null;
  valueRepr?: string;
  valueType?: string;
  details?: string;
  /**
   * runtime_error: 'syntax' | 'missing_grade' | 'wrong_arity' | 'exception' | 'invalid_return';
   * server_error: 'timeout' | 'package_unavailable' | 'startup' | 'crashed' | 'unavailable'.
   */
  errorType?: string;
  /** The Python exception's class name, when one was raised (e.g. "KeyError", "SyntaxError"). */
  exceptionType?: string;
  /** The module a package_unavailable error is about. */
  module?: string;
  stdout?: string;
  stderr?: string;
  /** 1-based line in the user's source (innermost frame of the user's file), when known. */
  line?: number | null;
  /** 1-based column, for SyntaxErrors. */
  column?: number | null;
  /** Milliseconds the run took, package loading included. */
  durationMs?: number;
  /** Pyodide packages loaded for this run (first use only). */
  packagesLoaded?: string[];
}

export interface PythonRuntime {
  run(request: PythonRunRequest): Promise<PythonRunResponse>;
}

/** The only paths the engine calls, relative to the host's base URL (e.g. `https://api.openai.com/v1`). */
export type ModelPath = '/chat/completions' | '/embeddings';

export interface ModelResponse {
  /** The HTTP status, whatever it is (a 4xx or 5xx is an answer, not a rejection). */
  status: number;
  /** The body parsed as JSON, or null when it is not JSON. */
  json: unknown;
  /** The body as text. */
  text: string;
}

/**
 * An OpenAI-compatible endpoint, as the host configured it. The base URL and the API key live with the host
 * (the app origin, or the CLI's environment) and never reach the engine: grader code runs in a sandbox that must
 * not see them. Implementations: `src/cli/model-runtime.ts` (Node), the app's bridge (browser).
 */
export interface ModelRuntime {
  /**
   * POST `body` as JSON to `path` under the configured base URL. Resolves with every HTTP answer. Rejects only
   * when no answer came: a network failure, `signal` aborted, or the host's own time limit (then the Error's
   * `name` is 'TimeoutError'). The Error's message is shown to the user as it is, so it never holds the key.
   */
  post(path: ModelPath, body: unknown, signal?: AbortSignal): Promise<ModelResponse>;
}

export interface DataRuntime {
  /** Load a named data asset shipped with the app (e.g. "wordnet"). */
  load(name: string): Promise<ArrayBuffer>;
}

export interface RunOptions {
  settings?: Partial<EngineSettings>;
  /**
   * False when only the reward matters (dataset runs): graders may skip costly explanation data. The reward and
   * error flags never change with it.
   */
  explain?: boolean;
  runtime?: EngineRuntime;
  signal?: AbortSignal;
}
