/** This browser's own preferences (not part of a workspace or a link): time limits and the theme override. */
const KEY = 'grader-playground:prefs:v1';

export class Preferences {
  liveTimeoutSeconds = $state(10);
  runTimeoutSeconds = $state(120);

  constructor() {
    try {
      const raw = globalThis.localStorage?.getItem(KEY);
      if (raw) {
        const p = JSON.parse(raw) as Partial<Preferences>;
        if (typeof p.liveTimeoutSeconds === 'number' && p.liveTimeoutSeconds > 0) this.liveTimeoutSeconds = p.liveTimeoutSeconds;
        if (typeof p.runTimeoutSeconds === 'number' && p.runTimeoutSeconds > 0) this.runTimeoutSeconds = p.runTimeoutSeconds;
      }
    } catch {
      // Defaults are fine when storage is unavailable.
    }
  }

  save() {
    try {
      globalThis.localStorage?.setItem(KEY, JSON.stringify({ liveTimeoutSeconds: this.liveTimeoutSeconds, runTimeoutSeconds: this.runTimeoutSeconds }));
    } catch {
      // Preferences are a convenience; the workspace save reports storage problems.
    }
  }
}
