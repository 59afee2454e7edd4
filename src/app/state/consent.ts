/**
 * Consent for model calls, the plain part: which workspaces came from elsewhere, and the list of workspaces the
 * user allowed, kept in session storage (which the opaque-origin sandbox cannot reach). consent.svelte.ts holds
 * it as state for the UI.
 */
import type { StoredWorkspace } from '../../share/store.ts';

export const CONSENT_KEY = 'grader-playground:model-consent:v1';

/** Whether a workspace came from elsewhere (a link, #url=, a file): its grader was written by someone else. */
export function isForeign(origin: StoredWorkspace['origin']): boolean {
  return origin === 'link' || origin === 'url' || origin === 'import';
}

/** The workspace ids allowed to call the model endpoint; none when the storage holds anything else. */
export function readAllowed(storage: Storage | undefined): string[] {
  try {
    const raw = storage?.getItem(CONSENT_KEY);
    const ids = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function writeAllowed(storage: Storage | undefined, ids: string[]) {
  try {
    storage?.setItem(CONSENT_KEY, JSON.stringify(ids));
  } catch {
    // Storage refused: allowed for this page's lifetime.
  }
}

/** Whether model calls are allowed for a workspace: always for the user's own, else only when allowed. */
export function allows(allowed: readonly string[], ws: { id: string; origin: StoredWorkspace['origin'] }): boolean {
  return !isForeign(ws.origin) || allowed.includes(ws.id);
}
