/**
 * Builds the fixture links of test/fixtures/share/links-by-version.json with the app's OWN code of a given
 * commit: its link encoder and its engine (the reward the link's author saw). Run it once per published link
 * codec and engine, then never again for that commit: the fixture is kept forever (src/share/links-forever.test.ts).
 *
 *   git archive <commit> src package.json | tar -x -C /tmp/old && ln -s $PWD/node_modules /tmp/old/
 *   npx tsx scripts/gen-link-fixtures.ts /tmp/old <commit> <date> >> cases.json   (then merge by hand)
 *
 * Python graders are encoded but not run here (reward_then is null): Node would need Pyodide for them.
 */
import { pathToFileURL } from 'node:url';

const [root, commit, date] = process.argv.slice(2);
if (!root || !commit || !date) throw new Error('usage: gen-link-fixtures.ts <source root> <commit> <date>');
const mod = (p: string) => import(pathToFileURL(`${root}/${p}`).href);

const STRING_CHECK = (input: string, reference: string, operation: string) =>
  JSON.stringify({ type: 'string_check', name: 'check', input, reference, operation }, null, 2);

/** Workspaces that touch every documented change of ENGINE_CHANGES, and some that touch none. */
const CASES: { name: string; doc: { grader: string; sample: string; item: string; title?: string; notes?: string; settings?: Record<string, unknown> } }[] = [
  {
    name: 'exact answer (no engine change touches it)',
    doc: { grader: STRING_CHECK('{{ sample.output_text }}', '{{ item.reference_answer }}', 'eq'), sample: '{"output_text": "Paris"}', item: '{"reference_answer": "Paris"}' },
  },
  {
    name: 'a template renders an object with integer-like keys (engine 2: key order)',
    doc: {
      grader: STRING_CHECK('{{ item.scores }}', '{{ sample.output_text }}', 'eq'),
      sample: JSON.stringify({ output_text: '{"b": 1, "2": 2}' }),
      item: '{"scores": {"b": 1, "2": 2}}',
    },
  },
  {
    name: 'ilike on a letter Unicode 17 lower-cases and Python 3.14 does not (engine 3: one Unicode version)',
    doc: {
      grader: STRING_CHECK('{{ sample.output_text }}', '{{ item.answer }}', 'ilike'),
      sample: JSON.stringify({ output_text: 'x\uA7CE' }),
      item: JSON.stringify({ answer: 'X\uA7CF' }),
    },
  },
  {
    name: 'fuzzy_match with settings, title and notes',
    doc: {
      grader: JSON.stringify({ type: 'text_similarity', name: 'f', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', evaluation_metric: 'fuzzy_match' }, null, 2),
      sample: '{"output_text": "The capital is Paris."}',
      item: '{"answer": "Paris", "weights": [1.0, 2, 1e-3]}',
      title: 'Fuzzy ✓ Ünïcode',
      notes: 'A title and notes travel with the link.',
      settings: { fuzzyScorer: 'ratio', rougeStemming: true },
    },
  },
  {
    name: 'BLEU with an ASCII sample',
    doc: {
      grader: JSON.stringify({ type: 'text_similarity', name: 'b', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', evaluation_metric: 'bleu' }, null, 2),
      sample: '{"output_text": "the cat sat on the mat today"}',
      item: '{"answer": "the cat sat on the mat"}',
    },
  },
  {
    name: 'a python grader (decoded only)',
    doc: {
      grader: JSON.stringify({ type: 'python', name: 'p', source: 'def grade(sample, item):\n    return 0.5\n' }, null, 2),
      sample: '{"output_text": "x"}',
      item: '{"n": 1.0}',
    },
  },
];

const codec = await mod('src/share/codec.ts');
const run = await mod('src/engine/run.ts');
const json = await mod('src/engine/json.ts');
const out = [];
for (const c of CASES) {
  const enc = await codec.encodeShare(c.doc);
  if (!enc.ok) throw new Error(enc.error.message);
  const dec = await codec.decodeShare(enc.fragment);
  if (!dec.ok) throw new Error(dec.error.message);
  let rewardThen: number | null = null;
  if (!c.doc.grader.includes('"python"')) {
    const v = (t: string) => json.parseJson(t).value;
    const r = await run.runGrader(json.parseJson(c.doc.grader).value, v(c.doc.sample), v(c.doc.item), { settings: dec.doc.settings });
    rewardThen = r.reward;
  }
  out.push({
    name: c.name,
    commit,
    date,
    fragment: enc.fragment,
    opened: { grader: dec.doc.grader, sample: dec.doc.sample, item: dec.doc.item, title: dec.doc.title, notes: dec.doc.notes, settings: dec.doc.settings },
    reward_then: rewardThen,
  });
}
console.log(JSON.stringify(out, null, 1));
