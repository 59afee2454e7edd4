import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare } from './codec.ts';
import { readWorkspaceFile, workspaceFileText } from './workspace-file.ts';
import type { ShareDoc } from './doc.ts';
import type { TestCase } from '../engine/tests/types.ts';

const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/share/tests-links.json', import.meta.url), 'utf8')) as {
  links: { name: string; fragment: string; tests: { name: string; sample: string; item?: string }[]; warnings: number }[];
};
const old = JSON.parse(readFileSync(new URL('../../test/fixtures/share/python-links.json', import.meta.url), 'utf8')) as { links: { name: string; fragment: string }[] };

const TESTS: TestCase[] = [
  { name: 'good', sample: '{\n  "output_text": "Paris",\n  "score": 1.0\n}', expect: { kind: 'exact', reward: 1, tolerance: 0.001 } },
  { name: 'other item', sample: '"paris"', item: '{\n  "answer": "Paris"\n}', expect: { kind: 'passes', passes: true } },
  { name: 'gaming', sample: '{\n  "output_text": "x"\n}', expect: { kind: 'below', than: 'good' } },
];
const DOC: ShareDoc = { grader: '{"type": "string_check"}', sample: '{}', item: '{}', tests: TESTS };

describe('test cases in share links (Python-built fixture)', () => {
  for (const c of fixture.links) {
    it(c.name, async () => {
      const r = await decodeShare(c.fragment);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.doc.tests!.map((t) => ({ name: t.name, sample: t.sample, ...(t.item ? { item: t.item } : {}) }))).toEqual(c.tests);
      expect(r.doc.warnings).toHaveLength(c.warnings);
    });
  }
  it('reads the expectations with their kinds', async () => {
    const r = await decodeShare(fixture.links[0]!.fragment);
    expect(r.ok && r.doc.tests!.map((t) => t.expect)).toEqual([
      { kind: 'exact', reward: 1 },
      { kind: 'exact', reward: 1, tolerance: 0.001 },
      { kind: 'range', min: 0, max: 0.5 },
      { kind: 'passes', passes: false },
      { kind: 'below', than: 'good' },
    ]);
  });
  it('every old link still opens, with no tests', async () => {
    for (const c of old.links) {
      const r = await decodeShare(c.fragment);
      expect(r.ok && (r.doc.tests ?? [])).toEqual([]);
    }
  });
  it('a workspace with tests round-trips through a link, lexemes kept', async () => {
    const enc = await encodeShare(DOC);
    if (!enc.ok) throw new Error(enc.error.message);
    const r = await decodeShare(enc.fragment);
    expect(r.ok && r.doc.tests).toEqual(TESTS);
  });
  it('no tests: the link is exactly as before (no "tests" key)', async () => {
    const a = await encodeShare({ ...DOC, tests: [] });
    const b = await encodeShare({ grader: DOC.grader, sample: DOC.sample, item: DOC.item });
    expect(a).toEqual(b);
  });
  it('a test whose sample does not parse keeps the workspace from a link, naming it', async () => {
    const enc = await encodeShare({ ...DOC, tests: [{ name: 'broken', sample: '{', expect: { kind: 'exact', reward: 1 } }] });
    expect(enc.ok).toBe(false);
    expect(!enc.ok && enc.error.message).toMatch(/test "broken"/);
  });
});

describe('test cases in workspace files', () => {
  it('are written as "tests" and read back', () => {
    const f = workspaceFileText({ ...DOC, title: 't' });
    if (!f.ok) throw new Error(f.error.message);
    expect(f.text).toContain('"tests": [');
    expect(f.text).toContain('"score": 1.0');
    const r = readWorkspaceFile(f.text);
    expect(r.ok && r.doc.tests).toEqual(TESTS);
  });
  it('a file without tests has none', () => {
    const f = workspaceFileText({ grader: '{}', sample: '{}', item: '{}' });
    expect(f.ok && f.text).not.toContain('tests');
  });
});
