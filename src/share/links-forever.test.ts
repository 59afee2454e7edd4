/**
 * Links never rot: every link format ever published, made by the app's own code of its day
 * (test/fixtures/share/links-by-version.json, scripts/gen-link-fixtures.ts), opens to the same documents today,
 * and its reward today is the reward its author saw unless the engine changelog (src/engine/changelog.ts)
 * names a change this workspace exercises. A new engine change that moves one of these rewards without a
 * changelog row fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION, engineDrift } from '../engine/changelog.ts';
import { parseJson } from '../engine/json.ts';
import { runGrader } from '../engine/run.ts';
import type { JsonValue } from '../engine/types.ts';
import { decodeShare } from './codec.ts';

interface FixtureLink {
  name: string;
  fragment: string;
  opened: { grader: string; sample: string; item: string; title: string; notes: string; settings: Record<string, unknown> };
  reward_then: number | null;
}
interface Group {
  format: number;
  engine_then: number;
  commit: string;
  date: string;
  links: FixtureLink[];
}
const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/share/links-by-version.json', import.meta.url), 'utf8')) as { groups: Group[] };

const value = (text: string): JsonValue => {
  const p = parseJson(text);
  if (!p.ok) throw new Error(p.error.message);
  return p.value;
};

describe('links of every published version', () => {
  it('has the first v1 links, links from before the engine was recorded, and links that record it', () => {
    expect(fixture.groups.map((g) => g.engine_then)).toEqual([1, 2, 4]);
    expect(fixture.groups.every((g) => g.format === 1 && g.links.length >= 6)).toBe(true);
  });

  for (const g of fixture.groups) {
    describe(`v${g.format}, engine ${g.engine_then} (${g.commit}, ${g.date})`, () => {
      for (const link of g.links) {
        it(`opens: ${link.name}`, async () => {
          expect(link.fragment.startsWith(`v${g.format}.`)).toBe(true);
          const r = await decodeShare(link.fragment);
          if (!r.ok) throw new Error(r.error.message);
          const { settings, ...docs } = link.opened;
          expect({ grader: r.doc.grader, sample: r.doc.sample, item: r.doc.item, title: r.doc.title, notes: r.doc.notes }).toEqual(docs);
          expect(r.doc.settings).toMatchObject(settings);
          expect(r.doc.warnings).toEqual([]);
          // Links record their engine from engine 4 on; older ones say nothing (null: the first link engine).
          expect(r.doc.engine).toBe(g.engine_then >= 4 ? g.engine_then : undefined);
        });
        if (link.reward_then === null) continue;
        it(`keeps its reward, or the changelog says why not: ${link.name}`, async () => {
          const r = await decodeShare(link.fragment);
          if (!r.ok) throw new Error(r.error.message);
          const w = { grader: value(r.doc.grader), sample: value(r.doc.sample), item: value(r.doc.item), settings: r.doc.settings };
          const now = await runGrader(w.grader, w.sample, w.item, { settings: r.doc.settings });
          const drift = engineDrift(g.engine_then, w);
          expect(drift.length > 0, `reward then ${link.reward_then}, today ${now.reward}`).toBe(now.reward !== link.reward_then);
          // What the app can know (the link's own record, or the first link engine) flags at least as much.
          const shown = engineDrift(r.doc.engine ?? null, w).map((c) => c.engine);
          for (const c of drift) expect(shown).toContain(c.engine);
          if (g.engine_then === ENGINE_VERSION) expect(shown).toEqual([]);
        });
      }
    });
  }

  it('flags the changes these links were built to show, and no other', async () => {
    const flagged: string[] = [];
    for (const g of fixture.groups) {
      for (const link of g.links) {
        const r = await decodeShare(link.fragment);
        if (!r.ok) continue;
        const w = { grader: value(r.doc.grader), sample: value(r.doc.sample), item: value(r.doc.item), settings: r.doc.settings };
        for (const c of engineDrift(g.engine_then, w)) flagged.push(`${g.engine_then}: ${link.name} -> ${c.engine}`);
      }
    }
    // The first codec wrote objects in JavaScript's key order ({"2": 2, "b": 1}), so its key-order link renders
    // the same text today: its reward did not move and nothing is flagged.
    expect(flagged).toEqual([
      '1: ilike on a letter Unicode 17 lower-cases and Python 3.14 does not (engine 3: one Unicode version) -> 3',
      '2: ilike on a letter Unicode 17 lower-cases and Python 3.14 does not (engine 3: one Unicode version) -> 3',
    ]);
  });
});
