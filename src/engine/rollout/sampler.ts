/**
 * The dry-run sampler: k completions per row from an OpenAI-compatible Chat Completions endpoint, at most
 * `concurrency` requests at once, with retries (retry.ts), cancel (the signal: in-flight requests are aborted and
 * nothing more is asked) and resume (the keys in `done` are skipped). Each completion is handed to `onSample` as
 * soon as it arrives, each final failure to `onFailure`; the caller keeps them (IndexedDB in the app, a file in
 * the CLI). Must not: hold a URL or a key (the transport does, in the app's origin or the CLI's process).
 */
import type { JsonObject } from '../types.ts';
import { sampleFromChatText, StreamAssembler, type SampleReply, type Usage } from './reply.ts';
import { chatRequestBody, rowMessages, type SamplingSettings } from './request.ts';
import { backoffMs, retryable, serverDelayMs } from './retry.ts';

/** POST a Chat Completions body; the answer as a fetch Response (status, headers, body stream). */
export type RolloutTransport = (body: string, signal: AbortSignal) => Promise<Response>;

export interface RolloutTask {
  /** Index of the row in the input. */
  row: number;
  value: JsonObject;
}

export type FailureKind = 'http' | 'rate_limit' | 'server' | 'network' | 'malformed' | 'row';

export interface Sampled {
  row: number;
  index: number;
  sample: JsonObject;
  usage: Usage | null;
  attempts: number;
}

export interface Failure {
  row: number;
  /** −1 when the row itself cannot be sampled (no messages). */
  index: number;
  kind: FailureKind;
  message: string;
  attempts: number;
}

export interface SamplerOptions {
  tasks: RolloutTask[];
  settings: SamplingSettings;
  transport: RolloutTransport;
  concurrency: number;
  /** Attempts per completion, the first included (default 6). */
  maxAttempts?: number;
  signal?: AbortSignal;
  /** Keys (`sampleKey`) already sampled: skipped. */
  done?: ReadonlySet<string>;
  onSample(s: Sampled): void | Promise<void>;
  onFailure(f: Failure): void | Promise<void>;
  /** Called before each wait between attempts (for the progress line). */
  onRetry?(info: { row: number; index: number; attempt: number; delayMs: number; reason: string }): void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export const sampleKey = (row: number, index: number) => `${row}:${index}`;

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const t = setTimeout(() => (signal.removeEventListener('abort', stop), resolve()), ms);
    const stop = () => (clearTimeout(t), reject(signal.reason));
    signal.addEventListener('abort', stop, { once: true });
  });
}

async function readReply(res: Response, signal: AbortSignal): Promise<SampleReply> {
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('text/event-stream') || !res.body) return sampleFromChatText(await res.text());
  const assembler = new StreamAssembler();
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      if (signal.aborted) throw signal.reason;
      const { done, value } = await reader.read();
      if (done) break;
      assembler.push(decoder.decode(value, { stream: true }));
    }
  } finally {
    reader.releaseLock();
  }
  assembler.push(decoder.decode());
  return assembler.finishReply();
}

function errorText(text: string): string {
  try {
    const e = (JSON.parse(text) as { error?: { message?: unknown } | string }).error;
    if (typeof e === 'string') return e;
    if (e && typeof e.message === 'string') return e.message;
  } catch {
    // not JSON
  }
  return text.trim().slice(0, 300) || '(empty body)';
}

export interface SamplerOutcome {
  status: 'done' | 'cancelled';
  sampled: number;
  failed: number;
}

export async function sampleRollouts(o: SamplerOptions): Promise<SamplerOutcome> {
  const signal = o.signal ?? new AbortController().signal;
  const sleep = o.sleep ?? abortableSleep;
  const maxAttempts = Math.max(1, o.maxAttempts ?? 6);
  const now = o.now ?? Date.now;
  const queue: { task: RolloutTask; index: number; body: string }[] = [];
  let sampled = 0;
  let failed = 0;
  for (const task of o.tasks) {
    const m = rowMessages(task.value);
    if (!m.ok) {
      failed++;
      await o.onFailure({ row: task.row, index: -1, kind: 'row', message: m.message, attempts: 0 });
      continue;
    }
    const body = chatRequestBody(task.value, o.settings);
    for (let j = 0; j < o.settings.k; j++) if (!o.done?.has(sampleKey(task.row, j))) queue.push({ task, index: j, body });
  }

  const one = async (job: (typeof queue)[number]): Promise<void> => {
    const { row } = job.task;
    let last: Failure | null = null;
    let lastDelay: number | null = null;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1 && last) {
        const delay = lastDelay ?? backoffMs(attempt - 1, o.random);
        lastDelay = null;
        o.onRetry?.({ row, index: job.index, attempt, delayMs: delay, reason: last.message });
        await sleep(delay, signal);
      }
      let res: Response;
      try {
        res = await o.transport(job.body, signal);
      } catch (e) {
        if (signal.aborted) throw signal.reason;
        last = { row, index: job.index, kind: 'network', message: e instanceof Error ? e.message : String(e), attempts: attempt };
        continue;
      }
      if (res.status < 200 || res.status > 299) {
        const text = await res.text().catch(() => '');
        const kind = res.status === 429 ? 'rate_limit' : res.status >= 500 ? 'server' : 'http';
        last = { row, index: job.index, kind, message: `HTTP ${res.status}: ${errorText(text)}`, attempts: attempt };
        if (!retryable(res.status)) break;
        lastDelay = serverDelayMs(res.headers.get('retry-after-ms'), res.headers.get('retry-after'), now());
        continue;
      }
      let reply: SampleReply;
      try {
        reply = await readReply(res, signal);
      } catch (e) {
        if (signal.aborted) throw signal.reason;
        last = { row, index: job.index, kind: 'network', message: `the reply broke off: ${e instanceof Error ? e.message : String(e)}`, attempts: attempt };
        continue;
      }
      if (!reply.ok) {
        // A malformed answer is the server's answer: reported, not asked again (it would cost again).
        last = { row, index: job.index, kind: 'malformed', message: reply.message, attempts: attempt };
        break;
      }
      if (signal.aborted) throw signal.reason;
      sampled++;
      await o.onSample({ row, index: job.index, sample: reply.sample, usage: reply.usage, attempts: attempt });
      return;
    }
    failed++;
    await o.onFailure(last!);
  };

  let next = 0;
  const lane = async () => {
    while (next < queue.length && !signal.aborted) await one(queue[next++]!);
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(o.concurrency, queue.length)) }, lane));
  } catch (e) {
    if (!signal.aborted) throw e;
  }
  return { status: signal.aborted ? 'cancelled' : 'done', sampled, failed };
}
