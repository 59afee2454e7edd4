/**
 * The one thing the cross-engine checks need from a browser: open a URL, reload, and run a function in the page.
 * Each engine has its own driver (firefox.ts over WebDriver BiDi with puppeteer-core, webkit.ts over classic
 * WebDriver with WebKitWebDriver, chromium.ts over CDP), so the checks in checks.ts are written once.
 */
export interface Browser {
  /** "firefox 153.8.0esr", "webkit 2.50.4", ... */
  readonly name: string;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /**
   * Run `fn` (the source of a plain function of one JSON argument, sync or async) in the page and return its
   * JSON result. A string, not a closure: code compiled by tsx may reference helpers the page lacks.
   */
  run<T>(fn: string, arg?: unknown): Promise<T>;
  /** As `run`, in the page's first `<iframe>` (of any origin: the driver, not the page, crosses into it). */
  runInFrame<T>(fn: string, arg?: unknown): Promise<T>;
  close(): Promise<void>;
}

/** The expression that calls `fn` with `arg` in the page. */
export const call = (fn: string, arg: unknown) => `(${fn})(${JSON.stringify(arg ?? null)})`;
