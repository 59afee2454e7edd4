import { ENGINE_VERSION } from '../engine/changelog.ts';
import { readFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../engine/types.ts';
import { fromBase64Url } from './bytes.ts';
import { decodeShare, encodeShare, loadWorkspaceFromUrl, parseUrlFragment, shareLink, type FetchLike } from './codec.ts';
import type { ShareDoc } from './doc.ts';

const GRADER = '{\n  "type": "string_check",\n  "name": "exact",\n  "input": "{{ sample.output_text }}",\n  "reference": "{{ item.answer }}",\n  "operation": "eq"\n}';
const DOC: ShareDoc = { grader: GRADER, sample: '{"output_text": "Paris"}', item: '{"answer": "Paris"}' };

async function fragmentOf(doc: ShareDoc): Promise<string> {
  const r = await encodeShare(doc);
  if (!r.ok) throw new Error(r.error.message);
  return r.fragment;
}

/** The JSON a fragment carries, read with Node's own zlib (an independent decoder). */
function payloadJson(fragment: string): string {
  const b = fromBase64Url(fragment.replace(/^#?v1\./, ''));
  if (!b.ok) throw new Error('bad base64');
  return inflateRawSync(b.bytes).toString('utf8');
}

function linkOf(json: string, version = 'v1'): string {
  return `${version}.` + deflateRawSync(Buffer.from(json, 'utf8')).toString('base64url');
}

async function errorOf(fragment: string) {
  const r = await decodeShare(fragment);
  if (r.ok) throw new Error('expected a failure, got a workspace');
  return r.error;
}

describe('encodeShare / decodeShare', () => {
  it('gives v1.<base64url> without padding, carrying JSON values any zlib can read', async () => {
    const f = await fragmentOf({ ...DOC, title: 'Capital', notes: 'why' });
    expect(f).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(JSON.parse(payloadJson(f))).toEqual({
      grader: JSON.parse(GRADER),
      sample: { output_text: 'Paris' },
      item: { answer: 'Paris' },
      title: 'Capital',
      notes: 'why',
      engine: ENGINE_VERSION,
    });
  });

  it('restores the documents as pretty texts, number lexemes kept', async () => {
    const f = await fragmentOf({ ...DOC, item: '{"answer": 1.0, "e": 1E+5, "big": 123456789012345678901234567890, "l": [-0.0, 2]}' });
    expect(payloadJson(f)).toContain('"item":{"answer":1.0,"e":1E+5,"big":123456789012345678901234567890,"l":[-0.0,2]}');
    const r = await decodeShare('#' + f);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.item).toBe('{\n  "answer": 1.0,\n  "e": 1E+5,\n  "big": 123456789012345678901234567890,\n  "l": [\n    -0.0,\n    2\n  ]\n}');
    expect(r.doc.grader).toBe(GRADER);
    expect(r.doc.title).toBe('');
    expect(r.doc.notes).toBe('');
    expect(r.doc.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.doc.warnings).toEqual([]);
  });

  it('leaves out an empty title and notes and default settings', async () => {
    const f = await fragmentOf({ ...DOC, title: '', notes: '', settings: { ...DEFAULT_SETTINGS } });
    expect(Object.keys(JSON.parse(payloadJson(f)))).toEqual(['grader', 'sample', 'item', 'engine']);
  });

  it('carries only the settings that differ from the defaults, and merges them back', async () => {
    const f = await fragmentOf({ ...DOC, settings: { ...DEFAULT_SETTINGS, fuzzyScorer: 'ratio', rougeStemming: true } });
    expect(JSON.parse(payloadJson(f)).settings).toEqual({ fuzzyScorer: 'ratio', rougeStemming: true });
    const r = await decodeShare(f);
    expect(r.ok && r.doc.settings).toEqual({ ...DEFAULT_SETTINGS, fuzzyScorer: 'ratio', rougeStemming: true });
  });

  it('never puts an API key (or any unknown field of the settings object) into a link', async () => {
    const secret = 'sk-proj-THIS-MUST-NOT-LEAK-1234567890';
    const settings = { ...DEFAULT_SETTINGS, compactJson: true, apiKey: secret, openaiApiKey: secret, baseUrl: 'https://x', headers: { Authorization: `Bearer ${secret}` } };
    const f = await fragmentOf({ ...DOC, settings });
    const json = payloadJson(f);
    expect(json).not.toContain(secret);
    expect(json).not.toContain('apiKey');
    expect(json).not.toContain('baseUrl');
    expect(JSON.parse(json).settings).toEqual({ compactJson: true });
  });

  it('ignores invalid setting values instead of carrying them', async () => {
    const f = await fragmentOf({ ...DOC, settings: { fuzzyScorer: 'nonsense', compactJson: 'yes', rougeStemming: true } });
    expect(JSON.parse(payloadJson(f)).settings).toEqual({ rougeStemming: true });
  });

  it('merges old links with defaults and ignores unknown or invalid settings with a warning', async () => {
    const r = await decodeShare(
      linkOf(JSON.stringify({ grader: {}, sample: {}, item: {}, settings: { sqlLikeWildcards: true, futureThing: 3, fuzzyScorer: 'Nope', apiKey: 'sk-x' } })),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.settings).toEqual({ ...DEFAULT_SETTINGS, sqlLikeWildcards: true });
    expect(r.doc.warnings.join('\n')).toMatch(/"futureThing" is not known/);
    expect(r.doc.warnings.join('\n')).toMatch(/"fuzzyScorer" has the unknown value "Nope"/);
    expect(r.doc.warnings.join('\n')).toMatch(/"apiKey" is not known/);
  });

  it('refuses a document that is not valid JSON, naming it', async () => {
    const r = await encodeShare({ ...DOC, sample: '{"output_text": "Paris",}' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.doc).toBe('sample');
    expect(r.error.message).toMatch(/^The sample is not valid JSON \(line 1, column \d+/);
  });

  it('refuses a document that is JSON but not an object', async () => {
    const r = await encodeShare({ ...DOC, item: '[1, 2]' });
    expect(!r.ok && r.error).toMatchObject({ doc: 'item', message: expect.stringMatching(/must be a JSON object.*a list/) });
    const g = await encodeShare({ ...DOC, grader: '' });
    expect(!g.ok && g.error.doc).toBe('grader');
  });

  it('refuses a workspace larger than the inflate cap, which no link could open', async () => {
    const r = await encodeShare({ ...DOC, item: JSON.stringify({ big: 'x'.repeat(5 * 1024 * 1024) }) });
    expect(!r.ok && r.error).toMatchObject({ doc: 'workspace', message: expect.stringMatching(/Export it as a file/) });
  });

  it('opens a link whose fragment was percent-encoded or broken over lines', async () => {
    const f = await fragmentOf(DOC);
    const wrapped = f.replace(/(.{20})/g, '$1\n  ');
    expect((await decodeShare(wrapped)).ok).toBe(true);
    expect((await decodeShare(encodeURIComponent('#' + f).replace(/-/g, '%2D'))).ok).toBe(true);
  });

  it('builds the full link from the app URL, dropping an old fragment', () => {
    expect(shareLink('https://a.example/play/#v1.old', 'v1.new')).toBe('https://a.example/play/#v1.new');
    expect(shareLink('https://a.example/', 'v1.x')).toBe('https://a.example/#v1.x');
  });
});

describe('links built by other tools (Python zlib, fixture)', () => {
  const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/share/python-links.json', import.meta.url), 'utf8')) as {
    links: {
      name: string;
      fragment: string;
      wrapper: string;
      expected: { grader: string; sample: string; item: string; title: string; notes: string; settings_in_link: Record<string, unknown> };
    }[];
  };
  it('has cases', () => expect(fixture.links.length).toBeGreaterThanOrEqual(6));
  for (const c of fixture.links) {
    it(c.name, async () => {
      const r = await decodeShare(c.fragment);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.doc.grader).toBe(c.expected.grader);
      expect(r.doc.sample).toBe(c.expected.sample);
      expect(r.doc.item).toBe(c.expected.item);
      expect(r.doc.title).toBe(c.expected.title);
      expect(r.doc.notes).toBe(c.expected.notes);
      const known = Object.fromEntries(Object.entries(c.expected.settings_in_link).filter(([k]) => k in DEFAULT_SETTINGS));
      expect(r.doc.settings).toEqual({ ...DEFAULT_SETTINGS, ...known });
      if (c.wrapper === 'zlib') expect(r.doc.warnings[0]).toMatch(/zlib header/);
      const unknown = Object.keys(c.expected.settings_in_link).filter((k) => !(k in DEFAULT_SETTINGS));
      expect(r.doc.warnings.length).toBe(unknown.length + (c.wrapper === 'raw' ? 0 : 1));
    });
  }
  it('re-encodes what it opened to the same values', async () => {
    for (const c of fixture.links) {
      const r = await decodeShare(c.fragment);
      if (!r.ok) throw new Error(r.error.message);
      const again = await decodeShare(await fragmentOf(r.doc));
      // The re-encoded link records the engine that made it; the Python-built one did not say.
      expect(r.doc.engine).toBeUndefined();
      expect(again.ok && again.doc).toEqual({ ...r.doc, warnings: [], engine: ENGINE_VERSION });
    }
  });
});

describe('broken links', () => {
  it('says a cut-off link is truncated, wherever it was cut', async () => {
    const f = await fragmentOf({ ...DOC, notes: 'some text to make the link longer '.repeat(3) });
    const payload = f.slice(3);
    for (let keep = 1; keep < payload.length; keep++) {
      const e = await errorOf('v1.' + payload.slice(0, keep));
      expect(e.kind, `cut after ${keep} of ${payload.length}`).toBe('truncated');
    }
    expect((await errorOf('v1.')).kind).toBe('truncated');
    expect((await errorOf('v1.')).message).toMatch(/data is missing/);
    expect((await errorOf('v1.' + payload.slice(0, 20))).message).toMatch(/cut off/);
  });

  it('says which character does not belong', async () => {
    const e = await errorOf('v1.abc$def');
    expect(e.kind).toBe('malformed');
    expect(e.message).toMatch(/contains "\$" \(character 4 of its data\)/);
  });

  it('says data that is not DEFLATE is damaged', async () => {
    const e = await errorOf('v1.' + Buffer.from('this is not deflate data at all, no way').toString('base64url'));
    expect(e.kind).toBe('malformed');
    expect(e.message).toMatch(/damaged/);
  });

  it('says a link from a newer version is from a newer version', async () => {
    const e = await errorOf('#v2.' + (await fragmentOf(DOC)).slice(3));
    expect(e.kind).toBe('future_version');
    expect(e.message).toMatch(/made by a newer version/);
    expect((await errorOf('v17.anything')).kind).toBe('future_version');
    expect((await errorOf('v0.abc')).kind).toBe('malformed');
  });

  it('says a fragment without the version prefix is not a link', async () => {
    for (const f of ['', '#', 'hello', '#section-2', (await fragmentOf(DOC)).slice(3)]) {
      expect((await errorOf(f)).kind).toBe('malformed');
    }
  });

  it('says JSON that is not a workspace is not a workspace', async () => {
    const cases: [string, RegExp][] = [
      ['[1, 2, 3]', /holds a list/],
      ['{"grader": {}}', /no "sample", "item"/],
      ['{"type": "string_check", "name": "x"}', /no "grader", "sample", "item"/],
      ['{"grader": "text", "sample": {}, "item": {}}', /"grader" must be an object, but it is a string/],
      ['{"grader": {}, "sample": "Paris", "item": {}}', /"sample" must be an object/],
      ['{"grader": {}, "sample": {}, "item": null}', /"item" must be an object, but it is null/],
      ['{"grader": {}, "sample": {}, "item": {}, "title": 5}', /"title" must be a string/],
      ['{"grader": {}, "sample": {}, "item": {}, "settings": [true]}', /"settings" must be an object/],
    ];
    for (const [json, msg] of cases) {
      const e = await errorOf(linkOf(json));
      expect(e.kind, json).toBe('not_a_workspace');
      expect(e.message, json).toMatch(msg);
    }
  });

  it('says content that is not JSON or not UTF-8 is malformed', async () => {
    expect(await errorOf(linkOf('{"grader": {}, '))).toMatchObject({ kind: 'malformed', message: expect.stringMatching(/not JSON \(line 1/) });
    const latin1 = 'v1.' + deflateRawSync(Buffer.from([0x7b, 0xe9, 0x7d])).toString('base64url');
    expect(await errorOf(latin1)).toMatchObject({ kind: 'malformed', message: expect.stringMatching(/not UTF-8/) });
  });

  it('stops a decompression bomb at the cap, quickly', async () => {
    const bomb = 'v1.' + deflateRawSync(Buffer.alloc(64 * 1024 * 1024, 0x20), { level: 9 }).toString('base64url');
    expect(bomb.length).toBeLessThan(200_000);
    const t0 = performance.now();
    const e = await errorOf(bomb);
    expect(e.kind).toBe('too_large');
    expect(e.message).toMatch(/more than 5\.0 MB/);
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('refuses an absurdly long fragment before decoding it', async () => {
    expect((await errorOf('v1.' + 'A'.repeat(8 * 1024 * 1024))).kind).toBe('too_large');
  });

  it('ignores unknown top-level keys (a newer version may add some)', async () => {
    const r = await decodeShare(linkOf('{"grader": {}, "sample": {}, "item": {}, "layout": "wide"}'));
    expect(r.ok).toBe(true);
  });
});

describe('parseUrlFragment', () => {
  it('tells share links, hosted URLs and other fragments apart', () => {
    expect(parseUrlFragment('#v1.abc')).toEqual({ kind: 'share', fragment: 'v1.abc' });
    expect(parseUrlFragment('v2.abc')).toEqual({ kind: 'share', fragment: 'v2.abc' });
    expect(parseUrlFragment('#url=https://example.com/w.json')).toEqual({ kind: 'url', url: 'https://example.com/w.json' });
    expect(parseUrlFragment('#url=' + encodeURIComponent('https://example.com/a b.json?x=1&y=2'))).toEqual({
      kind: 'url',
      url: 'https://example.com/a%20b.json?x=1&y=2',
    });
    expect(parseUrlFragment('#url=http://localhost:5173/w.json')).toEqual({ kind: 'url', url: 'http://localhost:5173/w.json' });
    expect(parseUrlFragment('#url=http://127.0.0.1/w.json')).toEqual({ kind: 'url', url: 'http://127.0.0.1/w.json' });
    expect(parseUrlFragment('')).toEqual({ kind: 'none' });
    expect(parseUrlFragment('#')).toEqual({ kind: 'none' });
    expect(parseUrlFragment('#results')).toEqual({ kind: 'none' });
  });
  it('refuses hosted URLs that are not https (or local http)', () => {
    for (const bad of ['http://example.com/w.json', 'javascript:alert(1)', 'file:///etc/passwd', 'data:application/json,{}', 'not a url', 'ftp://x/y']) {
      const r = parseUrlFragment('#url=' + bad);
      expect(r.kind, bad).toBe('invalid');
    }
  });
});

describe('loadWorkspaceFromUrl', () => {
  const respond =
    (body: string, init: ResponseInit = {}): FetchLike =>
    async () =>
      new Response(body, init);
  const URL_ = 'https://example.com/w.json';

  it('loads the JSON a link carries, without sending cookies', async () => {
    let seen: RequestInit | undefined;
    const r = await loadWorkspaceFromUrl(URL_, async (_u, init) => {
      seen = init;
      return new Response('{"grader": {"type": "python", "name": "p", "source": "x"}, "sample": {}, "item": {"x": 1.0}, "title": "T"}');
    });
    expect(r.ok && r.doc.title).toBe('T');
    expect(r.ok && r.doc.item).toBe('{\n  "x": 1.0\n}');
    expect(seen?.credentials).toBe('omit');
  });

  it('loads a workspace file and a text file holding a v1 fragment', async () => {
    const file = await loadWorkspaceFromUrl(URL_, respond('{"grader_playground": 1, "grader": {}, "sample": {}, "item": {}, "notes": "n"}'));
    expect(file.ok && file.doc.notes).toBe('n');
    const frag = await loadWorkspaceFromUrl(URL_, respond('\n' + (await fragmentOf(DOC)) + '\n'));
    expect(frag.ok && frag.doc.grader).toBe(GRADER);
  });

  it('explains a network or CORS failure', async () => {
    const r = await loadWorkspaceFromUrl(URL_, async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(!r.ok && r.error).toMatchObject({ kind: 'unreachable', message: expect.stringMatching(/CORS.*Access-Control-Allow-Origin/) });
  });

  it('explains a timeout', async () => {
    const r = await loadWorkspaceFromUrl(URL_, async () => {
      throw new DOMException('timed out', 'TimeoutError');
    });
    expect(!r.ok && r.error.message).toMatch(/did not answer within 20 s/);
  });

  it('explains a non-200 answer', async () => {
    const r = await loadWorkspaceFromUrl(URL_, respond('nope', { status: 404, statusText: 'Not Found' }));
    expect(!r.ok && r.error).toMatchObject({ kind: 'unreachable', message: `The server answered 404 Not Found for ${URL_}, not the workspace.` });
  });

  it('explains an answer that is not JSON, or a web page', async () => {
    const text = await loadWorkspaceFromUrl(URL_, respond('grader: yes'));
    expect(!text.ok && text.error).toMatchObject({ kind: 'malformed', message: expect.stringMatching(/is not JSON \(line 1, column 1/) });
    const html = await loadWorkspaceFromUrl(URL_, respond('<!doctype html><html></html>'));
    expect(!html.ok && html.error.message).toMatch(/web page, not JSON.*Raw/);
  });

  it('explains JSON that is not a workspace, and a newer file format', async () => {
    const r = await loadWorkspaceFromUrl(URL_, respond('{"type": "string_check"}'));
    expect(!r.ok && r.error.kind).toBe('not_a_workspace');
    const f = await loadWorkspaceFromUrl(URL_, respond('{"grader_playground": 2, "grader": {}, "sample": {}, "item": {}}'));
    expect(!f.ok && f.error.kind).toBe('future_version');
  });

  it('refuses a body over the cap, declared or not', async () => {
    const declared = await loadWorkspaceFromUrl(URL_, respond('{}', { headers: { 'content-length': String(50 * 1024 * 1024) } }));
    expect(!declared.ok && declared.error.kind).toBe('too_large');
    const big = await loadWorkspaceFromUrl(URL_, respond('{"x": "' + 'a'.repeat(6 * 1024 * 1024) + '"}'));
    expect(!big.ok && big.error.kind).toBe('too_large');
  });

  it('refuses a URL that is not https before fetching', async () => {
    let called = false;
    const r = await loadWorkspaceFromUrl('http://example.com/w.json', async () => {
      called = true;
      return new Response('{}');
    });
    expect(!r.ok && r.error.kind).toBe('malformed');
    expect(called).toBe(false);
  });
});

describe('key order in links and files', () => {
  it('keeps integer-like keys, duplicates and __proto__ where the user wrote them, both ways', async () => {
    const item = '{"x": {"b": 1, "2": 2, "1": 3}, "__proto__": {"9": 0, "a": 1}, "b": 0, "b": 1}';
    const fragment = await fragmentOf({ ...DOC, item });
    expect(payloadJson(fragment)).toContain('"item":{"x":{"b":1,"2":2,"1":3},"__proto__":{"9":0,"a":1},"b":1}');
    const opened = await decodeShare(fragment);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.doc.item).toBe('{\n  "x": {\n    "b": 1,\n    "2": 2,\n    "1": 3\n  },\n  "__proto__": {\n    "9": 0,\n    "a": 1\n  },\n  "b": 1\n}');
    // A link built by another tool (Python's json.dumps) opens in its own order.
    const r = await decodeShare(linkOf('{"grader": {"type": "string_check"}, "sample": {}, "item": {"z": 0, "10": 1, "2": 2}}'));
    expect(r.ok && r.doc.item).toBe('{\n  "z": 0,\n  "10": 1,\n  "2": 2\n}');
  });
});

describe('deeply nested workspaces', () => {
  const deepMulti = (depth: number) => {
    let g = '{"type":"string_check","name":"s","input":"a","reference":"a","operation":"eq"}';
    for (let i = 0; i < depth; i++) g = `{"type":"multi","name":"m","graders":{"x":${g}},"calculate_output":"x"}`;
    return g;
  };
  const link = (grader: string) => {
    const json = `{"grader":${grader},"sample":{},"item":{}}`;
    return 'v1.' + deflateRawSync(Buffer.from(json)).toString('base64url');
  };

  it('a link holding a multi 2,000 deep opens to a message, never a stack overflow', async () => {
    const r = await decodeShare(link(deepMulti(2000)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('nested more than 512 levels deep');
  });

  it('encoding a workspace with such a grader gives a message too', async () => {
    const r = await encodeShare({ grader: deepMulti(2000), sample: '{}', item: '{}' });
    expect(r.ok).toBe(false);
  });
});
