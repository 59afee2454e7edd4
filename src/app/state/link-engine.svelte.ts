/**
 * Which engine made the link each workspace was opened from, for this tab (src/engine/changelog.ts decides
 * what changed since). Session storage keeps it across a reload of the same tab; a workspace never opened from
 * a link in this tab has no entry. Nothing here reaches a link or the sandbox.
 */
import { SvelteMap } from 'svelte/reactivity';

const KEY = 'gp.linkEngines';

function load(): [string, number | null][] {
  try {
    const raw = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter((e): e is [string, number | null] => Array.isArray(e) && typeof e[0] === 'string' && (e[1] === null || typeof e[1] === 'number')) : [];
  } catch {
    return [];
  }
}

/** Workspace id -> the engine version its link recorded (null: the link did not say). */
export const linkEngines = new SvelteMap<string, number | null>(typeof sessionStorage === 'undefined' ? [] : load());

export function rememberLinkEngine(workspaceId: string, engine: number | null) {
  linkEngines.set(workspaceId, engine);
  try {
    sessionStorage.setItem(KEY, JSON.stringify([...linkEngines.entries()].slice(-50)));
  } catch {
    // Private mode or a full quota: the note lasts until the reload.
  }
}
