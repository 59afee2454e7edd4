/**
 * The gallery's claims, checked: every example's grader validates, and every sample gets exactly its stated
 * reward (and only the error flags it states) through runGrader, with Pyodide for python, WordNet for METEOR
 * and the hand judge for model graders. Gaming samples score below good ones unless the example says it is
 * hackable, and then its fix must hold. One Python runtime for the whole file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonl } from '../engine/dataset.ts';
import { parseJson, toPlain } from '../engine/json.ts';
import { handJudgeRuntime } from '../engine/model/hand.ts';
import { nodeDataRuntime } from '../engine/node-data.ts';
import { createNodePythonRuntime } from '../engine/python/node.ts';
import type { SupervisedPythonRuntime } from '../engine/python/supervisor.ts';
import { setFlags } from '../engine/result.ts';
import { runGrader } from '../engine/run.ts';
import type { EngineRuntime } from '../engine/runtime.ts';
import type { JsonValue } from '../engine/types.ts';
import { validateGrader } from '../engine/validate.ts';
import { familySchedule } from './examples/family-schedule.ts';
import { icd10Codes } from './examples/icd10-codes.ts';
import { legalCitations } from './examples/legal-citations.ts';
import { mathTolerance } from './examples/math-tolerance.ts';
import { stripeAst } from './examples/stripe-ast.ts';
import { toolCallParsed } from './examples/tool-calls.ts';
import { translationMeteor } from './examples/translation-meteor.ts';
import { vipWiring } from './examples/vip-wiring.ts';
import { exampleDataset, exampleWorkspace, GALLERY, getExample, type Doc, type GalleryExample } from './index.ts';

let python: SupervisedPythonRuntime;
const data = nodeDataRuntime();

beforeAll(async () => {
  python = createNodePythonRuntime();
  await python.prepare();
}, 180_000);

afterAll(() => python.close());

/** A document as the engine gets it: JSON text through the lossless parser (lexemes kept), objects as they are. */
function doc(d: Doc<unknown>): JsonValue {
  if (typeof d !== 'string') return d as JsonValue;
  const parsed = parseJson(d);
  if (!parsed.ok) throw new Error(`example document is not JSON: ${parsed.error.message}`);
  return parsed.value;
}

function graderTypes(g: unknown): string[] {
  const grader = g as { type: string; graders?: Record<string, unknown> };
  return grader.type === 'multi' ? Object.values(grader.graders ?? {}).flatMap(graderTypes) : [grader.type];
}

const usesModel = (e: GalleryExample) => graderTypes(doc(e.grader)).some((t) => t === 'score_model' || t === 'label_model');

const rewards = new Map<string, number[]>();

describe.each(GALLERY.map((e) => [e.id, e] as const))('%s', (_id, example) => {
  it('is complete: a sentence of summary, design notes, and good, partial, wrong and gaming samples', () => {
    expect(example.summary).toMatch(/[.!?]$/);
    expect(example.summary).not.toMatch(/[.!?]\s+[A-Z]/);
    expect(example.design.length).toBeGreaterThan(0);
    expect(example.tags.length).toBeGreaterThan(0);
    for (const label of ['good', 'partial', 'wrong', 'gaming'] as const) {
      expect(example.samples.some((s) => s.label === label), label).toBe(true);
    }
    // A model grader needs a judge reply for every sample; other graders must not pretend to have one.
    for (const s of example.samples) expect(s.judgeReply !== undefined).toBe(usesModel(example));
  });

  it('validates as a top-level RFT grader', () => {
    const v = validateGrader(doc(example.grader));
    expect(v.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(v.ok).toBe(true);
  });

  it.each(example.samples.map((s, i) => [i, s.label, s] as const))('sample %i (%s) gets its expected reward', async (i, _label, s) => {
    const runtime: EngineRuntime = { python, data };
    if (s.judgeReply !== undefined) runtime.model = handJudgeRuntime(s.judgeReply);
    const result = await runGrader(doc(example.grader), doc(s.sample), doc(example.item), { runtime });
    const why = JSON.stringify({ summary: result.explain?.summary, problems: result.explain?.problems, sub: result.sub_rewards });
    expect(setFlags(result.metadata.errors), why).toEqual(s.expectedErrors ?? []);
    expect(result.reward, why).toBe(s.expectedReward);
    const list = rewards.get(example.id) ?? [];
    list[i] = result.reward;
    rewards.set(example.id, list);
  }, 120_000);

  it('ranks the gaming sample below the good one, unless it shows a hackable grader', () => {
    const best = (label: string) => Math.max(...example.samples.filter((s) => s.label === label).map((s) => s.expectedReward));
    const worstGood = Math.min(...example.samples.filter((s) => s.label === 'good').map((s) => s.expectedReward));
    if (example.hackable) {
      expect(best('gaming')).toBeGreaterThanOrEqual(worstGood);
      const fixed = getExample(example.hackable.fixedIn);
      expect(fixed, example.hackable.fixedIn).toBeDefined();
      expect(fixed!.hackable).toBeUndefined();
    } else {
      expect(best('gaming')).toBeLessThan(worstGood);
      expect(best('gaming')).toBeLessThanOrEqual(0.5);
    }
  });
});

describe('the gallery API', () => {
  it('has unique ids, found by getExample', () => {
    const ids = GALLERY.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of GALLERY) expect(getExample(e.id)).toBe(e);
    expect(getExample('no-such-example')).toBeUndefined();
  });

  it('opens an example as pretty JSON documents that parse back to the data, with notes', () => {
    for (const e of GALLERY) {
      e.samples.forEach((s, i) => {
        const w = exampleWorkspace(e, i);
        expect(w.grader).toBe(JSON.stringify(doc(e.grader), null, 2));
        expect(toPlain(doc(w.sample))).toEqual(toPlain(doc(s.sample)));
        expect(toPlain(doc(w.item))).toEqual(toPlain(doc(e.item)));
        expect(w.notes).toContain(s.note);
        expect(w.notes).toContain(e.summary);
        if (s.judgeReply) expect(w.notes).toContain(s.judgeReply);
        expect(w.title).toContain(e.title);
      });
    }
    const e = GALLERY[0]!;
    expect(exampleWorkspace(e, 99).sample).toBe(exampleWorkspace(e, e.samples.length - 1).sample);
    expect(exampleWorkspace(e, -1).sample).toBe(exampleWorkspace(e, 0).sample);
  });

  it('keeps float lexemes of a document stored as JSON text', () => {
    const example: GalleryExample = {
      ...GALLERY[0]!,
      item: '{"expected": {"quantity": 1.0, "price": 2.50}, "big": 12345678901234567890}',
      samples: [{ ...GALLERY[0]!.samples[0]!, sample: '{"output_text": "x", "n": 1.0}' }],
    };
    const w = exampleWorkspace(example, 0);
    expect(w.item).toBe('{\n  "expected": {\n    "quantity": 1.0,\n    "price": 2.50\n  },\n  "big": 12345678901234567890\n}');
    expect(w.sample).toContain('"n": 1.0');
    expect(exampleDataset(example)).toContain('"quantity":1.0');
    expect(exampleDataset(example)).toContain('"n":1.0');
  });

  it('exports each example as one JSONL row the dataset view reads', () => {
    for (const e of GALLERY) {
      const text = exampleDataset(e);
      expect(text.endsWith('\n')).toBe(true);
      const { rows, errors } = parseJsonl(text);
      expect(errors).toEqual([]);
      expect(rows).toHaveLength(1);
      expect(toPlain(rows[0]!.item)).toEqual(toPlain(doc(e.item)));
      expect(rows[0]!.samples.map(toPlain)).toEqual(e.samples.map((s) => toPlain(doc(s.sample))));
    }
  });
});

/** Runs an example's grader (or another grader) on a sample and item of the test's own; fails on any error flag. */
async function reward(grader: Doc<unknown>, sample: unknown, item: unknown): Promise<number> {
  const result = await runGrader(doc(grader), sample as JsonValue, item as JsonValue, { runtime: { python, data } });
  expect(setFlags(result.metadata.errors), result.explain?.summary).toEqual([]);
  return result.reward;
}

const itemOf = (e: GalleryExample) => doc(e.item) as Record<string, JsonValue>;

describe('the design notes, checked beyond the example samples', () => {
  it('family-schedule also grades list entries (list name 5, entries F1 15)', async () => {
    const item = {
      expected: { kind: 'list', list: 'shopping', entries: ['sunscreen', 'goggles'] },
    };
    const run = (reply: unknown) => reward(familySchedule.grader, { output_text: JSON.stringify(reply) }, item);
    expect(await run({ kind: 'list', list: 'shopping', entries: ['Sunscreen', 'goggles'] })).toBe(1);
    // Right list, one of two entries plus an extra: F1 = 2/4, so 5 + 7.5 = 12.5 of 20.
    expect(await run({ kind: 'list', list: 'shopping', entries: ['sunscreen', 'towel'] })).toBe(0.625);
    expect(await run({ kind: 'list', list: 'todo', entries: ['sunscreen', 'goggles'] })).toBe(0.75);
    expect(await run({ kind: 'event', start: '2025-06-07T09:00' })).toBe(0);
  }, 60_000);

  it('math-tolerance: thousands separators, and abs_tol for answers near zero', async () => {
    const item = { answer: '1000', rel_tol: 0.01, abs_tol: 1e-9 };
    expect(await reward(mathTolerance.grader, { output_text: 'Answer: 1,000' }, item)).toBe(1);
    const nearZero = { answer: '0', rel_tol: 0.01, abs_tol: 0.001 };
    expect(await reward(mathTolerance.grader, { output_text: 'Answer: 0.0004' }, nearZero)).toBe(1);
    expect(await reward(mathTolerance.grader, { output_text: 'Answer: 0.0004' }, { ...nearZero, abs_tol: 0 })).toBe(0);
  }, 60_000);

  it('tool-call-parsed: an invented argument and a missing one both count as disagreeing keys, and true is not 1', async () => {
    const item = itemOf(toolCallParsed);
    const call = (args: string) => ({ output_tools: [{ id: 'c', type: 'function', function: { name: 'add_to_cart', arguments: args } }] });
    const extra = await reward(toolCallParsed.grader, call('{"sku": "A-17", "quantity": 1, "gift_wrap": true}'), item);
    const missing = await reward(toolCallParsed.grader, call('{"sku": "A-17"}'), item);
    expect(extra).toBe(2 / 3);
    expect(missing).toBe(0.5);
    expect(await reward(toolCallParsed.grader, call('{"sku": "A-17", "quantity": true}'), item)).toBe(0.5);
  }, 60_000);

  it('icd10-codes: a repeated code counts once', async () => {
    const item = itemOf(icd10Codes);
    expect(await reward(icd10Codes.grader, { output_text: 'E11.22, E11.22, e1122, I12.9, N18.31' }, item)).toBe(1);
  }, 60_000);

  it('vip-wiring: wiring one SLAVE clock of two gets one of the two (multiset, not set)', async () => {
    const item = itemOf(vipWiring);
    const good = (vipWiring.samples[0]!.sample as { output_text: string }).output_text;
    const oneClockLess = good.replace('s1_agent (\n  .aclk    (clk),\n', 's1_agent (\n');
    expect(oneClockLess).not.toBe(good);
    expect(await reward(vipWiring.grader, { output_text: oneClockLess }, item)).toBe(28 / 29);
  }, 60_000);

  it('legal-citations: with partial_ratio instead of ratio, pasting the clause twice would earn full marks', async () => {
    const item = itemOf(legalCitations);
    const paste = String(item.document).replace(/\n/g, ' ');
    const sample = { output_json: { quotes: [paste, paste] } };
    expect(await reward(legalCitations.grader, sample, item)).toBe(0);
    const g = doc(legalCitations.grader) as { source: string };
    expect(g.source).toContain('fuzz.ratio(');
    const partial = { ...g, source: g.source.replace('fuzz.ratio(', 'fuzz.partial_ratio(') };
    expect(await reward(partial, sample, item)).toBe(1);
  }, 60_000);

  it('translation-meteor: a full stop glued to the last word loses the synonym match', async () => {
    const withStops = { reference: 'The meeting was postponed because the manager was ill.' };
    const bare = translationMeteor.samples[0]!.expectedReward;
    const stopped = await reward(translationMeteor.grader, { output_text: 'The meeting was postponed because the manager was sick.' }, withStops);
    expect(stopped).toBeLessThan(bare);
  }, 60_000);

  it('stripe-ast: a pattern with metavariables checks the arguments too', async () => {
    const item = { required_calls: ['stripe.subscriptions.create({ customer: $C, $$$ })'] };
    const api = { type: 'python', name: 'api', source: (doc(stripeAst.grader) as { graders: { api_calls: { source: string } } }).graders.api_calls.source };
    const good = stripeAst.samples[0]!.sample;
    expect(await reward(api, good, item)).toBe(1);
    const noCustomer = { output_text: '```js\nstripe.subscriptions.create({ items: [{ price: p }] });\n```' };
    expect(await reward(api, noCustomer, item)).toBe(0);
  }, 60_000);
});

afterAll(() => {
  // The table the report quotes: example, then each sample's label and reward.
  if (process.env.GALLERY_REWARDS) {
    for (const e of GALLERY) {
      const r = rewards.get(e.id) ?? [];
      console.log(`${e.id}: ${e.samples.map((s, i) => `${s.label}=${r[i]}`).join(' ')}`);
    }
  }
});
