/** This browser's own preferences (not part of a workspace or a link): time limits and the theme override. */
import { DEFAULT_PACKAGE_BASE_URL } from '../../engine/python/packages.ts';

const KEY = 'grader-playground:prefs:v1';

export class Preferences {
  liveTimeoutSeconds = $state(10);
  runTimeoutSeconds = $state(120);
  /** Where Pyodide packages (numpy, ...) come from: the official index of our Pyodide version, or a mirror. */
  packageBaseUrl = $state(DEFAULT_PACKAGE_BASE_URL);

  constructor() {
    try {
      const raw = globalThis.localStorage?.getItem(KEY);
      if (raw) {
        const p = JSON.parse(raw) as Partial<Preferences>;
        if (typeof p.liveTimeoutSeconds === 'number' && p.liveTimeoutSeconds > 0) this.liveTimeoutSeconds = p.liveTimeoutSeconds;
        if (typeof p.runTimeoutSeconds === 'number' && p.runTimeoutSeconds > 0) this.runTimeoutSeconds = p.runTimeoutSeconds;
        if (typeof p.packageBaseUrl === 'string' && /^https?:\/\//.test(p.packageBaseUrl)) this.packageBaseUrl = p.packageBaseUrl;
      }
    } catch {
      // Defaults are fine when storage is unavailable.
    }
  }

  save() {
    try {
      globalThis.localStorage?.setItem(
        KEY,
        JSON.stringify({ liveTimeoutSeconds: this.liveTimeoutSeconds, runTimeoutSeconds: this.runTimeoutSeconds, packageBaseUrl: this.packageBaseUrl }),
      );
    } catch {
      // Preferences are a convenience; the workspace save reports storage problems.
    }
  }
}
