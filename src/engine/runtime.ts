/**
 * What the engine needs from its host to run graders that go beyond pure computation. The browser worker and
 * the Node CLI each provide these; the engine never imports Pyodide, WASM loaders or fetch itself.
 */
import type { EngineSettings } from './types.ts';

/** Resources the grader modules can ask for. Each is optional: a grader that needs a missing one says so. */
export interface EngineRuntime {
  /** Runs python graders (Pyodide). */
  python?: PythonRuntime;
  /** Calls an OpenAI-compatible model endpoint (score_model, label_model, cosine). */
  model?: ModelRuntime;
  /** Loads lazily fetched data files (e.g. WordNet for METEOR). */
  data?: DataRuntime;
}

export interface PythonRunRequest {
  source: string;
  /** Lossless JSON text of the sample and item, for Python's json.loads. */
  sampleJson: string;
  itemJson: string;
  timeoutMs?: number;
}

export interface PythonRunResponse {
  /** 'ok' with the returned value's repr and float value, or an error kind. */
  status: 'ok' | 'runtime_error' | 'server_error';
  value?: number | null;
  valueRepr?: string;
  valueType?: string;
  details?: string;
  errorType?: string;
  stdout?: string;
  stderr?: string;
  line?: number | null;
}

export interface PythonRuntime {
  run(request: PythonRunRequest): Promise<PythonRunResponse>;
}

export interface ModelRuntime {
  /** POST a JSON body to a path of the configured endpoint (e.g. `/chat/completions`), returning the JSON reply. */
  post(path: string, body: unknown, signal?: AbortSignal): Promise<{ status: number; json: unknown; text: string }>;
}

export interface DataRuntime {
  /** Load a named data asset shipped with the app (e.g. "wordnet"). */
  load(name: string): Promise<ArrayBuffer>;
}

export interface RunOptions {
  settings?: Partial<EngineSettings>;
  runtime?: EngineRuntime;
  signal?: AbortSignal;
}
