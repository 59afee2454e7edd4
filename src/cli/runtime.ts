/**
 * The engine's runtime in Node: whatever the grader types need (Pyodide in a killable worker thread, data files
 * from the build), created lazily so a string_check run starts instantly.
 */
import type { EngineRuntime } from '../engine/runtime.ts';

export interface NodeRuntime {
  engine: EngineRuntime;
  close(): Promise<void>;
}

export async function createNodeRuntime(_options: { pythonTimeoutMs: number }): Promise<NodeRuntime> {
  const engine: EngineRuntime = {};
  return { engine, close: async () => undefined };
}
