/**
 * The user's model endpoint (any OpenAI-compatible server) and the calls made with it. This is the only place
 * the API key lives: in session storage unless the user asks to remember it on this device. Calls are made here,
 * in the app's origin, when the sandboxed grader worker asks; the worker sees replies, never the key or URL.
 */
import type { ModelResponse } from '../../engine/runtime.ts';
import { checkModelCall } from '../../worker/boundary.ts';
import { modelUrl } from './model-url.ts';

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';
const KEY = 'grader-playground:endpoint:v1';

interface Saved {
  baseUrl: string;
  apiKey: string;
  concurrency: number;
  timeoutSeconds: number;
}

export class Endpoint {
  baseUrl = $state(OPENAI_BASE_URL);
  apiKey = $state('');
  remember = $state(false);
  concurrency = $state(4);
  timeoutSeconds = $state(120);
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor() {
    const fromLocal = read(globalThis.localStorage);
    const saved = fromLocal ?? read(globalThis.sessionStorage);
    if (saved) {
      this.baseUrl = saved.baseUrl || OPENAI_BASE_URL;
      this.apiKey = saved.apiKey ?? '';
      this.concurrency = saved.concurrency > 0 ? saved.concurrency : 4;
      this.timeoutSeconds = saved.timeoutSeconds > 0 ? saved.timeoutSeconds : 120;
      this.remember = fromLocal !== null;
    }
  }

  save() {
    const value: Saved = { baseUrl: this.baseUrl, apiKey: this.apiKey, concurrency: this.concurrency, timeoutSeconds: this.timeoutSeconds };
    try {
      const keep = this.remember ? globalThis.localStorage : globalThis.sessionStorage;
      const drop = this.remember ? globalThis.sessionStorage : globalThis.localStorage;
      keep?.setItem(KEY, JSON.stringify(value));
      drop?.removeItem(KEY);
    } catch {
      // Storage refused: the endpoint still works for this page's lifetime.
    }
  }

  /** True when calls can be made: a key, or a server of the user's own that may need none. */
  get configured(): boolean {
    return this.apiKey.trim() !== '' || normalize(this.baseUrl) !== OPENAI_BASE_URL;
  }

  /**
   * POST an operation to the endpoint with the key, at most `concurrency` at once. The arguments come from the
   * sandbox: checked first (boundary.ts), and the URL is built here and refused outside the configured base URL
   * (model-url.ts). Errors never contain the key.
   */
  call = async (operation: unknown, body: unknown): Promise<ModelResponse> => {
    const checked = checkModelCall(operation, body);
    const url = modelUrl(this.baseUrl, checked.op).href;
    await this.acquire();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), this.timeoutSeconds * 1000);
    try {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (this.apiKey.trim()) headers.Authorization = `Bearer ${this.apiKey.trim()}`;
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(checked.body), signal: controller.signal, redirect: 'error', credentials: 'omit' });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {
        // Not JSON: the engine reports the text.
      }
      return { status: res.status, json, text };
    } catch (e) {
      const timedOut = controller.signal.aborted;
      const err = new Error(
        timedOut
          ? `${url} did not answer within ${this.timeoutSeconds} s`
          : `could not reach ${url} (${e instanceof Error ? e.message : String(e)}; check the address and that the server allows requests from this page (CORS))`,
      );
      if (timedOut) err.name = 'TimeoutError';
      throw err;
    } finally {
      clearTimeout(timer);
      this.release();
    }
  };

  private acquire(): Promise<void> {
    if (this.active < Math.max(1, this.concurrency)) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(() => (this.active++, resolve())));
  }

  private release() {
    this.active--;
    this.waiting.shift()?.();
  }
}

function normalize(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

function read(storage: Storage | undefined): Saved | null {
  try {
    const raw = storage?.getItem(KEY);
    return raw ? (JSON.parse(raw) as Saved) : null;
  } catch {
    return null;
  }
}
