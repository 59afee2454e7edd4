/**
 * A fake OpenAI-compatible server for tests (node:http on 127.0.0.1, a random port): each request is recorded
 * and answered by the test's handler, which can also hang (never answer) or drop the connection. Bounded: bodies
 * over 1 MB are refused, at most 1,000 requests are recorded, and close() ends hung connections. Test support
 * only: nothing in the app or the CLI imports it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The body parsed as JSON (null when it is not JSON). */
  body: unknown;
  raw: string;
}

/**
 * `headers` are added to the reply (e.g. Retry-After); `sse` answers as a `text/event-stream`, one `data:` event
 * per entry (objects are JSON-encoded, strings sent as they are, so `'[DONE]'` ends a stream); `delayMs` waits
 * before answering (a slow server; the wait ends early when the connection closes).
 */
export type FakeReply =
  | { status?: number; json?: unknown; text?: string; headers?: Record<string, string>; sse?: unknown[]; delayMs?: number }
  | 'hang'
  | 'drop';
export type FakeHandler = (req: FakeRequest) => FakeReply | Promise<FakeReply>;

export interface FakeServer {
  /** Base URL, like OPENAI_BASE_URL: `http://127.0.0.1:<port>/v1`. */
  url: string;
  requests: FakeRequest[];
  handler: FakeHandler;
  close(): Promise<void>;
}

const MAX_BODY = 1 << 20;
const MAX_RECORDED = 1000;

export interface FakeOptions {
  /** Answer browsers' CORS preflights and allow any origin (for the app's end-to-end tests). */
  cors?: boolean;
}

const CORS = { 'access-control-allow-origin': '*', 'access-control-allow-headers': 'authorization, content-type', 'access-control-allow-methods': 'POST' };

export async function startFakeOpenAI(handler: FakeHandler, options: FakeOptions = {}): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const hung = new Set<ServerResponse>();
  const state: FakeServer = { url: '', requests, handler, close: async () => undefined };
  const server = createServer((req, res) => {
    if (options.cors && req.method === 'OPTIONS') return void res.writeHead(204, CORS).end();
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        res.writeHead(413).end();
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {
        body = null;
      }
      const path = (req.url ?? '/').replace(/^\/v1/, '');
      const record: FakeRequest = { method: req.method ?? '', path, headers: req.headers, body, raw };
      if (requests.length < MAX_RECORDED) requests.push(record);
      let reply: FakeReply;
      try {
        reply = await state.handler(record);
      } catch (e) {
        reply = { status: 500, json: { error: { message: `fake server handler threw: ${(e as Error).message}` } } };
      }
      if (reply === 'hang') {
        hung.add(res);
        return;
      }
      if (reply === 'drop') {
        req.socket.destroy();
        return;
      }
      if (reply.delayMs) {
        hung.add(res);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, reply.delayMs);
          res.on('close', () => (clearTimeout(t), resolve()));
        });
        hung.delete(res);
        if (res.destroyed) return;
      }
      const cors = options.cors ? { ...CORS, 'access-control-expose-headers': 'retry-after, retry-after-ms' } : {};
      if (reply.sse) {
        res.writeHead(reply.status ?? 200, { 'content-type': 'text/event-stream', ...cors, ...reply.headers });
        for (const e of reply.sse) res.write(`data: ${typeof e === 'string' ? e : JSON.stringify(e)}\n\n`);
        res.end();
        return;
      }
      const text = reply.text ?? JSON.stringify(reply.json ?? {});
      res.writeHead(reply.status ?? 200, { 'content-type': reply.text !== undefined ? 'text/plain' : 'application/json', ...cors, ...reply.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}/v1`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const res of hung) res.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

/** A Chat Completions reply whose assistant message says `content`. */
export function chatCompletion(
  content: string | null,
  extra: { model?: string; usage?: unknown; finish_reason?: string; refusal?: string | null } = {},
): Record<string, unknown> {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model: extra.model ?? 'gpt-4o-2024-08-06',
    choices: [
      { index: 0, message: { role: 'assistant', content, refusal: extra.refusal ?? null }, finish_reason: extra.finish_reason ?? 'stop' },
    ],
    ...(extra.usage !== undefined ? { usage: extra.usage } : {}),
  };
}

/** A port nothing listens on: bind one, note it, close it. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}
