/**
 * One shared, lazy Monaco load, held back until the first score is on screen (issue 16): Monaco is ~1 MB of
 * gzipped JavaScript whose parse and compile run on the main thread, which also relays the sandbox's file
 * requests and renders the score (the srcdoc sandbox frame shares that thread). Until then the editors are plain
 * textareas, already editable. If no score comes (a slow first python grader, a failed sandbox), the editor
 * loads after `MONACO_FALLBACK_MS` anyway.
 */
import { startGate } from './start-gate.ts';

type MonacoModule = typeof import('./monaco.ts');

/** Longest wait for the first score before Monaco loads regardless. */
export const MONACO_FALLBACK_MS = 4_000;

const gate = startGate(MONACO_FALLBACK_MS);
let pending: Promise<MonacoModule> | null = null;

/** The first result (a score or an error) is on screen: the editor may load now. */
export const firstResultShown: () => void = gate.open;

export function loadMonaco(): Promise<MonacoModule> {
  pending ??= gate.opened.then(() => import('./monaco.ts'));
  return pending;
}
