/**
 * A minimal W3C WebDriver (classic, HTTP) client: a session, navigation and script execution are all the checks
 * need. WebKitWebDriver 2.50 speaks only classic WebDriver (no BiDi), and the well-kept clients either need a
 * newer Node than ours (selenium-webdriver 4.4x) or bring a test framework (WebdriverIO).
 */
export class WebDriverError extends Error {}

export class WebDriverSession {
  private constructor(
    private readonly base: string,
    readonly id: string,
    readonly capabilities: Record<string, unknown>,
  ) {}

  static async start(base: string, capabilities: Record<string, unknown>): Promise<WebDriverSession> {
    const value = await command<{ sessionId: string; capabilities: Record<string, unknown> }>('POST', `${base}/session`, {
      capabilities: { alwaysMatch: capabilities },
    });
    return new WebDriverSession(base, value.sessionId, value.capabilities);
  }

  private send<T>(method: string, path: string, body?: unknown): Promise<T> {
    return command<T>(method, `${this.base}/session/${this.id}${path}`, body);
  }

  navigate(url: string): Promise<null> {
    return this.send('POST', '/url', { url });
  }

  refresh(): Promise<null> {
    return this.send('POST', '/refresh', {});
  }

  /** Runs a function body; a returned promise is awaited (W3C WebDriver "execute script"). */
  execute<T>(body: string, args: unknown[] = []): Promise<T> {
    return this.send('POST', '/execute/sync', { script: body, args });
  }

  /** Scripts run in the top-level page's `index`-th frame from now on (null: the top-level page again). */
  switchToFrame(index: number | null): Promise<null> {
    return this.send('POST', '/frame', { id: index });
  }

  setTimeouts(t: { script?: number; pageLoad?: number; implicit?: number }): Promise<null> {
    return this.send('POST', '/timeouts', t);
  }

  quit(): Promise<null> {
    return this.send('DELETE', '');
  }
}

async function command<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' },
    body: body === undefined ? undefined : JSON.stringify(body),
    // A hung browser must fail the check, not the whole run (scripts themselves time out after 120 s).
    signal: AbortSignal.timeout(180_000),
  });
  const json = (await res.json()) as { value: T & { error?: string; message?: string } };
  if (!res.ok || (json.value && typeof json.value === 'object' && 'error' in json.value && json.value.error)) {
    throw new WebDriverError(`${method} ${new URL(url).pathname}: ${json.value?.error}: ${json.value?.message}`);
  }
  return json.value;
}
