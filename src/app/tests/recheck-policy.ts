/**
 * When the Tests panel re-checks its cases. A grader that calls no model is re-checked at every edit (it costs
 * nothing). One that calls a model would spend the user's money at every keystroke, N cases at a time, so it is
 * re-checked only when the user asks (a button that names the number of calls), or, if the user opted in for
 * this page, once the edits pause for MODEL_RECHECK_PAUSE_MS. Without an endpoint, or for a workspace from
 * elsewhere that was not allowed to call it (issue 12's consent), it is not checked at all. Plain TypeScript
 * (unit-tested); the panel applies it.
 */
import { modelCallsOfText } from '../../engine/model/calls.ts';

/** The pause after the last edit before an opted-in model re-check starts. */
export const MODEL_RECHECK_PAUSE_MS = 2000;

export type RecheckMode =
  /** No model call: re-check at every edit. */
  | { kind: 'every-edit' }
  /** Model calls allowed: re-check when asked (or after a pause, when opted in); `calls` requests per re-check. */
  | { kind: 'on-request'; calls: number }
  /** Model calls not possible (no endpoint) or not allowed (a workspace from elsewhere): never checked. */
  | { kind: 'blocked'; calls: number };

export function recheckMode(graderText: string, caseCount: number, modelAllowed: boolean): RecheckMode {
  const perCase = modelCallsOfText(graderText).reduce((n, p) => n + p.requests, 0);
  if (perCase === 0) return { kind: 'every-edit' };
  const calls = perCase * caseCount;
  return modelAllowed ? { kind: 'on-request', calls } : { kind: 'blocked', calls };
}
