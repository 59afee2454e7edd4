/**
 * Steps in the page for the cross-engine checks, through `Browser.run` only (no engine's own API), so each
 * engine is driven the same way. Waiting is polling from Node, like Playwright's `expect.poll`.
 */
import type { Browser } from './browser.ts';

export type Doc = 'grader' | 'sample' | 'item';

export interface Snapshot {
  state: string | null;
  reward: string | null;
  kind: string | null;
  flags: string[];
  stdout: string | null;
  errors: string;
}

// Every page function starts with this: find an element by its test id.
const Q = 'const q = (id) => document.querySelector(\'[data-testid="\' + id + \'"]\');';

const SNAPSHOT = `() => { ${Q} return {
  state: q('run-state')?.getAttribute('data-state') ?? null,
  reward: q('reward')?.getAttribute('data-value') ?? null,
  kind: q('explain')?.getAttribute('data-kind') ?? null,
  flags: [...document.querySelectorAll('[data-testid="errors"] [data-flag]')].map((e) => e.getAttribute('data-flag')),
  stdout: q('python-stdout')?.textContent ?? null,
  errors: q('errors')?.textContent ?? '',
}; }`;

export class TimeoutError extends Error {}

/** Read until `ok` holds; on timeout, fail with the last value read. */
export async function poll<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeout = 120_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch (e) {
      lastError = e; // the page may be navigating
    }
    if (Date.now() > end) {
      const seen = last === undefined ? String(lastError) : JSON.stringify(last);
      throw new TimeoutError(`timed out waiting for ${what}; last seen: ${seen}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const snapshot = (b: Browser) => b.run<Snapshot>(SNAPSHOT);

export const attr = (b: Browser, id: string, name: string) =>
  b.run<string | null>(`([id, name]) => { ${Q} return q(id)?.getAttribute(name) ?? null; }`, [id, name]);

export const text = (b: Browser, id: string) => b.run<string | null>(`(id) => { ${Q} return q(id)?.textContent ?? null; }`, id);

export const count = (b: Browser, selector: string) => b.run<number>(`(s) => document.querySelectorAll(s).length`, selector);

/** Click an element once it exists. */
export async function click(b: Browser, id: string): Promise<void> {
  await poll(`[data-testid=${id}] to click`, () => b.run<boolean>(`(id) => { ${Q} const el = q(id); if (!el) return false; el.click(); return true; }`, id), (v) => v, 30_000);
}

/** Set an input's value as typing would (an input event; Svelte's bind:value listens to it). */
export async function fill(b: Browser, id: string, value: string): Promise<void> {
  await poll(
    `[data-testid=${id}] to fill`,
    () =>
      b.run<boolean>(
        `([id, value]) => { ${Q} const el = q(id); if (!el) return false; el.focus(); el.value = value;
          el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true })); return true; }`,
        [id, value],
      ),
    (v) => v,
    30_000,
  );
}

/** Give a file input a file, as choosing it in the file dialog would. */
export async function chooseFile(b: Browser, id: string, name: string, content: string): Promise<void> {
  await poll(
    `[data-testid=${id}] to take a file`,
    () =>
      b.run<boolean>(
        `([id, name, content]) => { ${Q} const input = q(id); if (!input) return false; const dt = new DataTransfer();
          dt.items.add(new File([content], name, { type: 'text/plain' })); input.files = dt.files;
          input.dispatchEvent(new Event('change', { bubbles: true })); return true; }`,
        [id, name, content],
      ),
    (v) => v,
    30_000,
  );
}

export const setDoc = (b: Browser, doc: Doc, value: unknown) =>
  b.run<void>(`([d, t]) => { window.__playground.setDoc(d, t); }`, [doc, typeof value === 'string' ? value : JSON.stringify(value, null, 2)]);

export const getDoc = (b: Browser, doc: Doc) => b.run<string>(`(d) => window.__playground.getDoc(d)`, doc);

/** Open the app and wait for its first result. */
export async function openApp(b: Browser, url: string): Promise<void> {
  await b.goto(url);
  await poll('the first result', () => snapshot(b), (s) => s.state === 'done' || s.state === 'error', 120_000);
}

export interface Want {
  reward: number;
  kind?: string;
  flags?: string[];
}

const matches = (s: Snapshot, want: Want) =>
  s.state === 'done' &&
  s.reward !== null &&
  Math.abs(Number(s.reward) - want.reward) <= 1e-12 &&
  (want.kind === undefined || s.kind === want.kind) &&
  (want.flags === undefined || JSON.stringify(s.flags) === JSON.stringify(want.flags));

/** Wait for a finished run with this result (reward to 1e-12, and the explanation kind and flags if given). */
export const result = (b: Browser, what: string, want: Want, timeout = 120_000) =>
  poll(`${what}: ${JSON.stringify(want)}`, () => snapshot(b), (s) => matches(s, want), timeout);

/** Set the documents (item and sample first, the grader last) and wait for the result. */
export async function grade(b: Browser, what: string, docs: { grader: unknown; sample?: unknown; item?: unknown }, want: Want, timeout?: number) {
  if (docs.item !== undefined) await setDoc(b, 'item', docs.item);
  if (docs.sample !== undefined) await setDoc(b, 'sample', docs.sample);
  await setDoc(b, 'grader', docs.grader);
  return result(b, what, want, timeout);
}

export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
