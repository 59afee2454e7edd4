/**
 * Python start-up ahead of need (issue 16): Pyodide takes seconds to start in a cold worker, so once the page
 * has settled (first score shown, code editor loaded, the browser idle) the own workspaces' worker starts it,
 * and a python grader chosen later scores in well under a second. Not on devices that ask to save data or
 * report little memory (Pyodide holds ~60 MB), and never before the first score: it would compete with it.
 */
export interface PrewarmEnvironment {
  saveData?: boolean;
  /** navigator.deviceMemory, in GB (Chromium only). */
  deviceMemory?: number;
}

/** Whether starting Python unasked is worth its memory and bandwidth here. */
export function shouldPrewarmPython(env: PrewarmEnvironment): boolean {
  if (env.saveData) return false;
  if (typeof env.deviceMemory === 'number' && env.deviceMemory < 4) return false;
  return true;
}

/** The browser's signals, where it gives them. */
export function browserEnvironment(nav: Navigator | undefined = globalThis.navigator): PrewarmEnvironment {
  const n = nav as (Navigator & { connection?: { saveData?: boolean }; deviceMemory?: number }) | undefined;
  return {
    ...(n?.connection?.saveData !== undefined ? { saveData: n.connection.saveData } : {}),
    ...(typeof n?.deviceMemory === 'number' ? { deviceMemory: n.deviceMemory } : {}),
  };
}

/**
 * Calls `start` once, after `settled` (resolved or rejected) and the next idle moment; `idle` defaults to
 * requestIdleCallback (a short timer where there is none: Safari).
 */
export async function prewarmWhenSettled(
  start: () => Promise<unknown>,
  settled: Promise<unknown>,
  env: PrewarmEnvironment = browserEnvironment(),
  idle: (cb: () => void) => void = whenIdle,
): Promise<boolean> {
  if (!shouldPrewarmPython(env)) return false;
  await settled.catch(() => undefined);
  await new Promise<void>((resolve) => idle(resolve));
  await start();
  return true;
}

function whenIdle(cb: () => void) {
  const ric = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
  if (ric) ric(cb, { timeout: 2_000 });
  else setTimeout(cb, 500);
}
