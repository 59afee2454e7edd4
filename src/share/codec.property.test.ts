import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { losslessJsonText, parseJson } from '../engine/json.ts';
import { DEFAULT_SETTINGS, type EngineSettings } from '../engine/types.ts';
import { decodeShare, encodeShare } from './codec.ts';
import { prettyJson, type ShareDoc } from './doc.ts';

// Editor texts are generated as JSON *text*, so number lexemes ("1.0", "-0", "1E+5", 30-digit ints) and keys
// such as "__proto__" reach the codec exactly as a user could type them.
const numberText = fc.stringMatching(/^-?(0|[1-9][0-9]{0,30})(\.[0-9]{1,20})?([eE][+-]?[0-9]{1,3})?$/);
const smallString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }), // any code point, astral included, no lone surrogates
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('', '"', '\\', '\u2028\u2029', '\u0000\u001f\u007f', '😀🚀𝄞', '{{ sample.output_text }}', '__proto__', 'constructor'),
);
const largeString = fc.oneof(
  fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), fc.integer({ min: 2_000, max: 30_000 })).map(([s, n]) => s.repeat(n)),
  fc.string({ unit: 'binary', minLength: 2_000, maxLength: 6_000 }),
);
const stringText = fc.oneof({ weight: 150, arbitrary: smallString }, { weight: 1, arbitrary: largeString }).map((s) => JSON.stringify(s));

const { value: valueText } = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('null', 'true', 'false'),
    numberText,
    stringText,
    fc.array(tie('value'), { maxLength: 6 }).map((xs) => `[${xs.join(',')}]`),
    fc.array(fc.tuple(smallString, tie('value')), { maxLength: 6 }).map((kvs) => `{${kvs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
}));

/** Nesting far deeper than the recursive generator reaches on its own. */
const deepText = fc
  .tuple(fc.integer({ min: 20, max: 400 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), valueText)
  .map(([depth, kinds, leaf]) => {
    let t = leaf;
    for (let i = 0; i < depth; i++) t = kinds[i % kinds.length] ? `[${t}]` : `{"k${i}":${t}}`;
    return t;
  });

const objectText = fc
  .tuple(
    fc.array(fc.tuple(smallString, fc.oneof({ weight: 15, arbitrary: valueText }, { weight: 1, arbitrary: deepText })), { maxLength: 8 }),
    fc.boolean(),
  )
  .map(([kvs, spaced]) => {
    const sep = spaced ? ', ' : ',';
    return `{${kvs.map(([k, v]) => `${JSON.stringify(k)}${spaced ? ': ' : ':'}${v}`).join(sep)}}`;
  });

const settingsArb: fc.Arbitrary<Partial<EngineSettings>> = fc.record(
  {
    compactJson: fc.boolean(),
    fuzzyScorer: fc.constantFrom('WRatio', 'ratio', 'partial_ratio', 'token_set_ratio', 'QRatio'),
    fuzzyDefaultProcess: fc.boolean(),
    rougeStemming: fc.boolean(),
    sqlLikeWildcards: fc.boolean(),
  },
  { requiredKeys: [] },
);

const docArb: fc.Arbitrary<ShareDoc> = fc.record(
  {
    grader: objectText,
    sample: objectText,
    item: objectText,
    title: smallString,
    notes: fc.oneof({ weight: 9, arbitrary: smallString }, { weight: 1, arbitrary: largeString }),
    settings: settingsArb,
  },
  { requiredKeys: ['grader', 'sample', 'item'] },
);

const canonical = (text: string) => {
  const p = parseJson(text);
  if (!p.ok) throw new Error(`generator made invalid JSON: ${p.error.message}`);
  return p.value;
};

describe('share codec, property', () => {
  it('encodes and decodes 1,000 random workspaces to identical values', async () => {
    await fc.assert(
      fc.asyncProperty(docArb, async (doc) => {
        const enc = await encodeShare(doc);
        if (!enc.ok) throw new Error(enc.error.message);
        const dec = await decodeShare('#' + enc.fragment);
        if (!dec.ok) throw new Error(dec.error.message);
        for (const name of ['grader', 'sample', 'item'] as const) {
          const original = canonical(doc[name]);
          // Same values, same number lexemes, same key order...
          expect(losslessJsonText(canonical(dec.doc[name]))).toBe(losslessJsonText(original));
          // ...written in the app's pretty form.
          expect(dec.doc[name]).toBe(prettyJson(original));
        }
        expect(dec.doc.title).toBe(doc.title ?? '');
        expect(dec.doc.notes).toBe(doc.notes ?? '');
        expect(dec.doc.settings).toEqual({ ...DEFAULT_SETTINGS, ...doc.settings });
        expect(dec.doc.warnings).toEqual([]);
        // What was opened encodes to the very same link.
        const again = await encodeShare(dec.doc);
        expect(again.ok && again.fragment).toBe(enc.fragment);
      }),
      { numRuns: 1000 },
    );
  });
});
