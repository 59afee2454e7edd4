/**
 * The engine's one Unicode version against the Python the python graders run on (Pyodide's CPython, loaded
 * here in-process): every code point's str.lower() and isspace(), the Final_Sigma context next to every code
 * point, and random strings.
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, sep } from 'node:path';
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPySpace, pySplit } from './metrics/tokenize.ts';
import { pyLower, pyLowerCodePoint, UNICODE_VERSION } from './unicode.ts';

let py: PyodideInterface;

beforeAll(async () => {
  const indexURL = dirname(createRequire(import.meta.url).resolve('pyodide/package.json')) + sep;
  py = await loadPyodide({ indexURL });
}, 180_000);

const run = <T>(code: string): T => JSON.parse(py.runPython(code) as string) as T;

describe(`str semantics of Pyodide's Python (Unicode ${UNICODE_VERSION})`, () => {
  it('the tables were generated from this Python', () => {
    expect(run<string>('import json, unicodedata; json.dumps(unicodedata.unidata_version)')).toBe(UNICODE_VERSION);
  });

  it('str.lower() of every code point', () => {
    const want = new Map(run<[number, string][]>(`
import json
json.dumps([(cp, chr(cp).lower()) for cp in range(0x110000) if chr(cp).lower() != chr(cp)])`));
    let checked = 0;
    for (let cp = 0; cp < 0x110000; cp++) {
      const c = String.fromCodePoint(cp);
      const w = want.get(cp) ?? c;
      if (pyLower(c) !== w) expect([cp.toString(16), pyLower(c)]).toEqual([cp.toString(16), w]);
      if (pyLowerCodePoint(cp) !== w.codePointAt(0)) expect([cp.toString(16), pyLowerCodePoint(cp)]).toEqual([cp.toString(16), w.codePointAt(0)]);
      checked++;
    }
    expect(checked).toBe(0x110000);
    expect(want.size).toBeGreaterThan(1400);
  }, 120_000);

  it('the Final_Sigma context next to every code point', () => {
    // lower() of "cΣ", "AΣc" and "AcΣ" for every c shows what Cased and Case_Ignorable decide. The probes are
    // joined by "\n" (neither cased nor case-ignorable, so each probe reads as a string of its own) and compared
    // by a digest per block of 4096 code points.
    const want = run<string[][]>(`
import hashlib, json
S = '\\u03a3'
probes = [lambda c: c + S, lambda c: 'A' + S + c, lambda c: 'A' + c + S]
digest = lambda t: hashlib.md5(t.lower().encode('utf-16-le', 'surrogatepass')).hexdigest()
json.dumps([[digest('\\n'.join(p(chr(cp)) for cp in range(b, b + 4096))) for b in range(0, 0x110000, 4096)] for p in probes])`);
    const probes = [(c: string) => c + 'Σ', (c: string) => 'AΣ' + c, (c: string) => 'A' + c + 'Σ'];
    const digest = (t: string) => createHash('md5').update(Buffer.from(pyLower(t), 'utf16le')).digest('hex');
    probes.forEach((probe, k) => {
      const got: string[] = [];
      for (let b = 0; b < 0x110000; b += 4096) {
        const parts: string[] = [];
        for (let cp = b; cp < b + 4096; cp++) parts.push(probe(String.fromCodePoint(cp)));
        got.push(digest(parts.join('\n')));
      }
      got.forEach((g, i) => expect([k, (i * 4096).toString(16), g]).toEqual([k, (i * 4096).toString(16), want[k]![i]]));
    });
  }, 120_000);

  it('str.isspace() of every code point and str.split()', () => {
    const want = new Set(run<number[]>('import json; json.dumps([cp for cp in range(0x110000) if chr(cp).isspace()])'));
    for (let cp = 0; cp < 0x110000; cp++) if (isPySpace(cp) !== want.has(cp)) expect([cp.toString(16), isPySpace(cp)]).toEqual([cp.toString(16), want.has(cp)]);
  }, 120_000);

  it('random strings: lower() and split() as Python', () => {
    const alphabet = [
      'A', 'z', ' ', '\u00a0', '\u0085', '\u200b', '\ufeff', "'", '.', 'Σ', 'σ', 'ς', 'Α', '\u0301', '\u0345', '\u00ad', '\u200d',
      'İ', 'I', 'ẞ', 'ǅ', 'Ω', 'K', '\ua7ce', '\ua7cf', '\u1c89', '\ud801\udc00', '\ud83d\ude00', '\ud800', '\udc00', '1', '٣',
    ];
    const strings = fc.sample(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((a) => a.join('')), { numRuns: 3000, seed: 14 });
    py.globals.set('strings_json', JSON.stringify(strings));
    const want = run<[string, string[]][]>('import json; json.dumps([(s.lower(), s.split()) for s in json.loads(strings_json)])');
    strings.forEach((s, i) => {
      expect([s, pyLower(s)]).toEqual([s, want[i]![0]]);
      expect([s, pySplit(s)]).toEqual([s, want[i]![1]]);
    });
  }, 120_000);

  it('does not follow the JS engine: U+A7CE has no lowercase in Unicode 16', () => {
    expect(pyLower('x\ua7ce')).toBe('x\ua7ce');
    expect(pyLower('ΟΔΟΣ ΟΔΟΣ.')).toBe('οδος οδος.');
    expect(pyLower('İ')).toBe('i\u0307');
  });
});
