import { describe, expect, it } from 'vitest';
import {
  BOUNDARY_LIMITS,
  BoundaryError,
  capText,
  checkAssetRequest,
  checkBatchResponse,
  checkFrameEvent,
  checkModelCall,
  checkProgress,
  checkRow,
  checkRunResponse,
  plainCopy,
  splitCapped,
} from './boundary.ts';

describe('capped strings', () => {
  it('keeps short strings whole and cuts long ones with a count of what was cut', () => {
    expect(capText('abc', 3)).toBe('abc');
    const c = capText('abcdef', 4);
    expect(c).toBe('abcd\u2026 [2 more characters]');
    expect(splitCapped(c)).toEqual({ text: 'abcd', omitted: 2 });
    expect(splitCapped('whole')).toEqual({ text: 'whole', omitted: 0 });
  });

  it('never cuts a surrogate pair in two', () => {
    const c = capText('ab\u{1F600}cd', 3);
    expect(splitCapped(c)).toEqual({ text: 'ab', omitted: 4 });
  });
});

describe('plainCopy', () => {
  const opts = { stringChars: 10 };
  it('copies plain data and cuts its strings', () => {
    const src = { a: [1, 'x'.repeat(20), { b: null, c: true }] };
    const copy = plainCopy(src, opts) as typeof src;
    expect(copy).not.toBe(src);
    expect(copy.a[1]).toBe('xxxxxxxxxx\u2026 [10 more characters]');
    expect(copy.a[2]).toEqual({ b: null, c: true });
  });

  it('refuses what is not plain data', () => {
    for (const bad of [new Map(), new ArrayBuffer(8), new Date(0), { x: new Uint8Array(2) }, [new Set()], 10n]) {
      expect(() => plainCopy(bad, opts)).toThrow(BoundaryError);
    }
  });

  it('refuses nesting past the limit without exhausting the stack, and huge replies', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => plainCopy(deep, opts)).toThrow(/nested more than 64/);
    expect(() => plainCopy(new Array(BOUNDARY_LIMITS.nodes + 1).fill(0), opts)).toThrow(/more than/);
  });

  it('a "__proto__" key stays a key', () => {
    const src = JSON.parse('{"__proto__": {"polluted": 1}}') as Record<string, unknown>;
    const copy = plainCopy(src, opts) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

const result = (extra: Record<string, unknown> = {}) => ({
  reward: 1,
  metadata: { name: 'g', type: 'python', errors: { other_error: false, python_grader_runtime_error_details: null }, execution_time: 0.1, scores: {}, token_usage: null, sampled_model_name: null },
  sub_rewards: {},
  model_grader_token_usage_per_model: {},
  explain: { type: 'python', summary: 's', rendered: [], problems: [], assumptions: [], details: { stdout: 'y'.repeat(BOUNDARY_LIMITS.stringChars + 100_000) } },
  ...extra,
});

describe('schema checks', () => {
  it('accepts a well-formed run reply, capping its strings', () => {
    const r = checkRunResponse({ docErrors: [], problems: [{ pointer: '', message: 'm', severity: 'warning' }], result: result() });
    const stdout = (r.result!.explain!.details as { stdout: string }).stdout;
    expect(splitCapped(stdout)).toEqual({ text: 'y'.repeat(BOUNDARY_LIMITS.stringChars), omitted: 100_000 });
  });

  it('keeps the whole texts of long strings sent as Blobs beside the reply, and bounds them', async () => {
    const blob = new Blob(['z'.repeat(1000)], { type: 'text/html' });
    const texts = [{ head: 'z'.repeat(10), length: 1000, blob }];
    const r = checkRunResponse({ docErrors: [], problems: [], result: result(), texts });
    expect(r.texts).toEqual(texts);
    expect(r.texts![0]!.blob).toBe(blob);
    expect(await r.texts![0]!.blob.text()).toBe('z'.repeat(1000));
    // Only head, length and blob are kept: anything else a hostile worker adds is dropped.
    const extra = checkRunResponse({ docErrors: [], problems: [], result: result(), texts: [{ ...texts[0], bytes: new ArrayBuffer(8), port: {} }] });
    expect(Object.keys(extra.texts![0]!).sort()).toEqual(['blob', 'head', 'length']);
    const mb = new Blob([new Uint8Array(1 << 20)]);
    const bad = [
      'no',
      [{ head: 'z', length: 1000 }],
      // The earlier form (an ArrayBuffer) and look-alikes of a Blob are refused.
      [{ head: 'z', length: 1000, bytes: new TextEncoder().encode('z'.repeat(1000)).buffer }],
      [{ head: 'z', length: 1000, blob: { size: 1000, type: 'text/plain', text: async () => 'z' } }],
      [{ head: 'z', length: 1.5, blob }],
      // A length the Blob cannot hold (a count of characters larger than its bytes), or shorter than the head.
      [{ head: 'z', length: 1001, blob }],
      [{ head: 'z'.repeat(20), length: 10, blob }],
      [{ head: 'z'.repeat(BOUNDARY_LIMITS.stringChars + 1), length: 1000, blob }],
      Array.from({ length: BOUNDARY_LIMITS.longTexts + 1 }, () => texts[0]),
      // 129 MiB in all, over the 128 MiB bound (the parts are one shared 1 MiB Blob).
      [{ head: 'z', length: 1, blob: new Blob(Array.from({ length: 129 }, () => mb)) }],
    ];
    for (const t of bad) expect(() => checkRunResponse({ docErrors: [], problems: [], result: result(), texts: t })).toThrow(BoundaryError);
  });

  it('refuses run replies of the wrong shape', () => {
    const bad = [
      null,
      'x',
      { docErrors: [], problems: [] },
      { docErrors: [{ doc: 'other', message: '', offset: 0, line: 1, column: 1 }], problems: [], result: null },
      { docErrors: [], problems: [{ pointer: '', message: 'm', severity: 'fatal' }], result: null },
      { docErrors: [], problems: [], result: result({ reward: '1' }) },
      { docErrors: [], problems: [], result: result({ sub_rewards: { a: 'x' } }) },
      { docErrors: [], problems: [], result: result({ explain: { type: 't', summary: 's', rendered: 'no', problems: [], assumptions: [] } }) },
    ];
    for (const b of bad) expect(() => checkRunResponse(b)).toThrow(BoundaryError);
  });

  it('a batch reply may only name rows of its batch; row messages are cut short', () => {
    const rows = new Set([4, 5]);
    const ok = checkBatchResponse({ results: [{ row: 4, sampleIndex: 0, reward: 0, flags: ['other_error'], message: 'm'.repeat(1_000_000) }], rowErrors: [] }, rows);
    expect(splitCapped(ok.results[0]!.message!)).toEqual({ text: 'm'.repeat(BOUNDARY_LIMITS.rowMessageChars), omitted: 1_000_000 - BOUNDARY_LIMITS.rowMessageChars });
    expect(() => checkBatchResponse({ results: [{ row: 6, sampleIndex: 0, reward: 0, flags: [] }], rowErrors: [] }, rows)).toThrow(BoundaryError);
    expect(() => checkBatchResponse({ results: [], rowErrors: [{ row: 9, line: 10, message: '' }] }, rows)).toThrow(BoundaryError);
  });

  it('callback arguments: progress phases, batch rows, model operations and bodies', () => {
    expect(checkProgress('loading')).toBe('loading');
    expect(() => checkProgress('load')).toThrow(BoundaryError);
    expect(checkRow(4, new Set([4]))).toBe(4);
    expect(() => checkRow(5, new Set([4]))).toThrow(BoundaryError);
    expect(checkModelCall('embeddings', { input: ['a'] })).toEqual({ op: 'embeddings', body: { input: ['a'] } });
    for (const op of ['/chat/completions', ':4390/x', '.evil.example/x', '/../../admin/x?y', 'constructor']) {
      expect(() => checkModelCall(op, {})).toThrow(/not one of chat.completions, responses, embeddings/);
    }
    expect(() => checkModelCall('responses', 'x')).toThrow(BoundaryError);
    expect(() => checkModelCall('responses', { s: 'x'.repeat(BOUNDARY_LIMITS.modelBodyChars) })).toThrow(/over/);
  });

  it('frame events and asset requests', () => {
    expect(checkFrameEvent({ type: 'ready', extra: 1 })).toEqual({ type: 'ready' });
    expect(checkFrameEvent({ type: 'spawned', id: '1' })).toBeNull();
    expect(checkFrameEvent({ type: 'worker-error', id: 2, message: 'e'.repeat(10_000) })).toMatchObject({ type: 'worker-error', id: 2 });
    expect(checkFrameEvent({ type: 'nope' })).toBeNull();
    expect(checkAssetRequest({ type: 'asset', id: 1, url: 'https://x/a.whl', integrity: 'sha256-abc=' })).toEqual({ type: 'asset', id: 1, url: 'https://x/a.whl', integrity: 'sha256-abc=' });
    expect(checkAssetRequest({ type: 'asset', id: 1, url: 'x'.repeat(5000) })).toBeNull();
    expect(checkAssetRequest({ type: 'asset', id: 1, url: 'u', integrity: 'md5-x' })).toBeNull();
  });
});
