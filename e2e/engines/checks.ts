/**
 * The core checks every engine must pass, in order, on one page: every grader type that runs in the sandbox
 * (scores to 1e-12 against the golden vectors), python (cold start, re-run, a killed runaway and recovery), the
 * sandbox's guarantees (no storage, no network: the witness server records nothing, no parent DOM), ast_grep
 * and the AST view, a dataset on the worker pool, a share link round trip, reload keeping work, and the service
 * worker serving the app and grading offline (the app server is stopped, so offline is real).
 */
import { readFileSync } from 'node:fs';
import { encodeShare } from '../../src/share/codec.ts';
import type { Witness } from '../witness.ts';
import { hostileGrader, AFTER_CHECK } from '../witness.ts';
import type { Browser } from './browser.ts';
import { embedCheck } from './embed-check.ts';
import { assert, assertEqual, attr, chooseFile, click, count, fill, getDoc, grade, openApp, poll, result, setDoc, snapshot, text } from './page.ts';

export interface Context {
  b: Browser;
  /** The app's URL (http://127.0.0.1:port/). */
  app: string;
  witness: Witness;
  /** Stops the app's server: from then on only the service worker can answer. */
  stopApp(): Promise<void>;
}

export interface Check {
  name: string;
  run(ctx: Context): Promise<void>;
}

interface Vector {
  case: string;
  metric: string;
  input: string;
  reference: string;
  expected: number;
}
const golden = (JSON.parse(readFileSync('test/fixtures/text-metrics.json', 'utf8')) as { vectors: Vector[] }).vectors;
const vector = (caseName: string, metric: string): Vector => {
  const v = golden.find((x) => x.case === caseName && x.metric === metric);
  if (!v) throw new Error(`no golden vector ${caseName}:${metric}`);
  return v;
};

const python = (source: string) => ({ type: 'python', name: 'p', source });
const stringCheck = { type: 'string_check', name: 's', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', operation: 'eq' };
const astGrader = { type: 'ast_grep', name: 'a', checks: [{ lang: 'python', rule: 'print($$$A)' }] };
const CODE = 'Here:\n```python\nprint("Paris")\n```';
const NO_CODE = 'Here:\n```python\nx = 1\n```';

const similarity = (metric: string) => ({
  type: 'text_similarity',
  name: metric,
  input: '{{ sample.output_text }}',
  reference: '{{ item.reference }}',
  evaluation_metric: metric,
});

export const checks: Check[] = [
  {
    name: 'string_check, text_similarity and multi give exact scores',
    async run({ b, app }) {
      await openApp(b, app);
      await grade(b, 'string_check eq', { grader: stringCheck, item: { answer: 'Paris' }, sample: { output_text: 'Paris' } }, { reward: 1, kind: 'string_check' });
      await grade(b, 'string_check eq, wrong', { grader: stringCheck, sample: { output_text: 'Lyon' } }, { reward: 0 });
      for (const [metric, goldenMetric, caseName, scale] of [
        ['fuzzy_match', 'WRatio[default_process]', 'typo', 100],
        ['bleu', 'bleu', 'bleu_paper', 1],
        ['rouge_l', 'rouge_l', 'word_order', 1],
        ['meteor', 'meteor', 'wordnet_synonym', 1],
      ] as const) {
        const v = vector(caseName, goldenMetric);
        await grade(b, metric, { grader: similarity(metric), item: { reference: v.reference }, sample: { output_text: v.input } }, { reward: v.expected / scale });
      }
      const multi = {
        type: 'multi',
        name: 'm',
        graders: { exact: stringCheck, fuzzy: { ...similarity('fuzzy_match'), reference: '{{ item.answer }}' } },
        calculate_output: '0.25 * exact + 0.5 * fuzzy',
      };
      await grade(b, 'multi', { grader: multi, item: { answer: 'Paris' }, sample: { output_text: 'Paris' } }, { reward: 0.75 });
    },
  },
  {
    name: 'python: cold start, re-run, a runaway killed at the time limit, recovery',
    async run({ b }) {
      const t0 = Date.now();
      const s = await grade(
        b,
        'python cold start',
        { grader: python('def grade(sample, item):\n    print("hello", item["answer"])\n    return 0.25\n'), item: { answer: 'Paris' } },
        { reward: 0.25, kind: 'python' },
        300_000,
      );
      assertEqual(s.stdout, 'hello Paris\n', 'python stdout');
      const cold = Date.now() - t0;
      const t1 = Date.now();
      await grade(b, 'python re-run', { grader: python('def grade(sample, item):\n    return 0.125\n') }, { reward: 0.125, kind: 'python' });
      console.log(`    python: first result ${(cold / 1000).toFixed(1)} s, re-run ${Date.now() - t1} ms (with polling)`);

      // 10 s (the default, set explicitly): in WebKit on a loaded 2-core machine, the first run on a fresh worker
      // took more than 3 s after Pyodide had started, so a 3 s limit killed the recovery run too.
      await click(b, 'settings-button');
      await fill(b, 'setting-liveTimeout', '10');
      await click(b, 'settings-button');
      await setDoc(b, 'grader', python('def grade(sample, item):\n    while True:\n        pass\n'));
      await poll('the runaway to start', () => snapshot(b), (x) => x.state === 'running', 30_000);
      const lag = await b.run<number>('async () => { const t = performance.now(); await new Promise((r) => setTimeout(r, 50)); return performance.now() - t; }');
      assert(lag < 1000, `the page froze while the grader looped (a 50 ms timer took ${lag} ms)`);
      const killed = await result(b, 'the runaway killed', { reward: 0, flags: ['python_grader_server_error'] }, 120_000);
      assert(killed.errors.includes('type: timeout'), `the error says timeout: ${killed.errors}`);
      await grade(b, 'python after the kill', { grader: python('def grade(sample, item):\n    return 0.375\n') }, { reward: 0.375, kind: 'python' }, 300_000);
    },
  },
  {
    name: 'sandbox: no storage, no network (the witness records nothing), no parent DOM',
    async run({ b, witness }) {
      await b.run<void>(`async () => {
        localStorage.setItem('openai-api-key', 'sk-secret');
        await new Promise((resolve, reject) => {
          const req = indexedDB.open('grader-playground-secrets', 1);
          req.onupgradeneeded = () => req.result.createObjectStore('keys');
          req.onsuccess = () => { const tx = req.result.transaction('keys', 'readwrite'); tx.objectStore('keys').put('sk-secret', 'openai'); tx.oncomplete = () => resolve(); };
          req.onerror = () => reject(req.error);
        });
      }`);
      // localhost and 127.0.0.1 are different origins: the witness is another origin than the app.
      const target = `localhost:${witness.port}`;
      const control = await b.run<string>(
        `(t) => new Promise((resolve) => { const ws = new WebSocket('ws://' + t + '/control'); ws.onopen = () => { ws.close(); resolve('open'); }; ws.onerror = () => resolve('error'); })`,
        target,
      );
      assertEqual(control, 'open', 'the witness is reachable from the app itself');
      assertEqual(witness.hits, ['websocket /control'], 'the witness records requests');
      witness.hits.length = 0;

      const s = await grade(b, 'the hostile grader', { grader: python(hostileGrader(target)) }, { reward: 1, kind: 'python' }, 300_000);
      const lines = (s.stdout ?? '').split('\n').filter(Boolean);
      assertEqual(lines.length, 8, `every probe reports (${s.stdout})`);
      assert(lines.every((l) => l.includes('blocked')), `every probe is blocked:\n${s.stdout}`);
      await new Promise((r) => setTimeout(r, 1500)); // time for the socket to connect, if it could
      await grade(b, 'the probe socket never opened, no app cache seen', { grader: python(AFTER_CHECK) }, { reward: 0.5, kind: 'python' }, 300_000);
      assertEqual(witness.hits, [], 'requests the witness got from the sandbox');
    },
  },
  {
    name: 'ast_grep grader and the AST view',
    async run({ b }) {
      await grade(b, 'ast_grep match', { grader: astGrader, sample: { output_text: CODE } }, { reward: 1, kind: 'ast_grep' }, 180_000);
      await grade(b, 'ast_grep no match', { grader: astGrader, sample: { output_text: NO_CODE } }, { reward: 0, kind: 'ast_grep' }, 180_000);
      await setDoc(b, 'sample', { output_text: 'Here:\n```typescript\nconsole.log(a, b);\nconsole.log(c);\n```' });
      await click(b, 'mode-ast');
      await fill(b, 'ast-query', 'console.log($$$ARGS)');
      await poll('two AST matches', () => attr(b, 'ast-match-count', 'data-count'), (n) => n === '2', 180_000);
      await poll('the syntax tree', () => count(b, '[data-testid="ast-tree"] [data-kind="call_expression"]'), (n) => n > 0, 30_000);
      await click(b, 'mode-playground');
    },
  },
  {
    name: 'share link round trip and reload keeping work',
    async run({ b, app }) {
      const grader = { type: 'string_check', name: 'city', input: '{{ sample.output_text }}', reference: '{{ item.city }}', operation: 'ilike' };
      await grade(b, 'shared grader', { grader, item: { city: 'paris' }, sample: '{"output_text": "I think it is PARIS.", "score": 1.0}' }, { reward: 1, kind: 'string_check' });
      await click(b, 'share-button');
      const link = await poll('the share link', () => b.run<string | null>(`() => document.querySelector('[data-testid="share-link"]')?.value ?? null`), (v) => !!v, 30_000);
      assert(/#v1\.[A-Za-z0-9_-]+$/.test(link!), `a v1 link: ${link}`);
      // The user's own link reopens the user's own workspace; a colleague's link (made elsewhere, here by the same
      // codec in Node) opens as a workspace from a link, with its banner.
      const theirs = await encodeShare({
        grader: JSON.stringify(grader),
        item: '{"city": "paris"}',
        sample: '{"output_text": "I think it is PARIS.", "score": 1.0}',
        title: 'From a colleague',
      });
      if (!theirs.ok) throw new Error('could not encode the link');
      await grade(b, 'another grader', { grader: stringCheck, item: { answer: 'x' }, sample: { output_text: 'y' } }, { reward: 0 });
      await b.goto('about:blank');
      await openApp(b, `${app}#${theirs.fragment}`);
      await poll('the link banner', () => count(b, '[data-testid="link-banner"]'), (n) => n === 1, 30_000);
      await result(b, 'the shared reward', { reward: 1, kind: 'string_check' });
      assertEqual(JSON.parse(await getDoc(b, 'grader')), grader, 'the shared grader');
      assert((await getDoc(b, 'sample')).includes('"score": 1.0'), 'the shared sample keeps its text');

      // The link stays in the address bar (a reload would open it again): reload the app's own URL instead.
      await openApp(b, app);
      await setDoc(b, 'item', '{"city": "paris", "n": 1.0}');
      await fill(b, 'workspace-title', 'Persisted');
      await new Promise((r) => setTimeout(r, 1500)); // saved within a second
      await b.reload();
      await poll('the reloaded page', () => snapshot(b), (x) => x.state === 'done', 120_000);
      assertEqual(await getDoc(b, 'item'), '{"city": "paris", "n": 1.0}', 'the item after a reload');
      assertEqual(await b.run<string | null>(`() => document.querySelector('[data-testid="workspace-title"]')?.value ?? null`), 'Persisted', 'the title after a reload');
    },
  },
  {
    name: 'a dataset graded on the worker pool',
    async run({ b }) {
      await setDoc(b, 'grader', { type: 'string_check', name: 'city', input: '{{ sample.output_text }}', reference: '{{ item.city }}', operation: 'ilike' });
      const cities = ['Paris', 'Lyon', 'Rome', 'Oslo'];
      // 40 items x 4 samples: samples j < 2 right, so the mean is 0.5.
      const rows = Array.from({ length: 40 }, (_, i) =>
        JSON.stringify({ item: { city: cities[i % 4] }, samples: [0, 1, 2, 3].map((j) => ({ output_text: j < 2 ? cities[i % 4]!.toUpperCase() : 'Nowhere' })) }),
      );
      await click(b, 'mode-dataset');
      await chooseFile(b, 'dataset-file', 'rows.jsonl', rows.join('\n') + '\n');
      await poll('the dataset to load', () => text(b, 'dataset-name'), (t) => !!t?.includes('40 rows'), 30_000);
      await click(b, 'dataset-run');
      await poll('the dataset run', () => attr(b, 'dataset-status', 'data-status'), (s) => s === 'done', 300_000);
      // The report renders just after the status turns done (in WebKit a moment later).
      await poll('the dataset mean 0.5000', () => text(b, 'report-mean'), (t) => t === '0.5000', 30_000);
      await click(b, 'mode-playground');
    },
  },
  embedCheck,
  {
    name: 'service worker and offline use (the app server stopped)',
    async run({ b, app, stopApp }) {
      await openApp(b, app);
      await b.run<void>('async () => { await navigator.serviceWorker.ready; }');
      await poll('the service worker in control', () => b.run<boolean>('() => navigator.serviceWorker.controller !== null'), (v) => v, 60_000);
      // Python and an AST grammar are cached on first use.
      await grade(b, 'python before going offline', { grader: python('def grade(sample, item):\n    return 0.625\n') }, { reward: 0.625, kind: 'python' }, 300_000);
      await grade(b, 'ast_grep before going offline', { grader: astGrader, sample: { output_text: CODE } }, { reward: 1, kind: 'ast_grep' }, 180_000);

      await stopApp();
      // The browser is online but the app's server is gone (navigator.onLine stays true, so the offline badge,
      // which Chromium's offline.spec.ts checks, does not show): only the service worker can answer now.
      await b.reload();
      await poll('the app loaded offline', () => snapshot(b), (x) => x.state === 'done', 120_000);
      assert(await b.run<boolean>('() => navigator.serviceWorker.controller !== null'), 'the service worker controls the page');
      assertEqual(await b.run<string>("() => fetch('./never-cached.txt').then(() => 'loaded', () => 'failed')"), 'failed', 'an uncached file offline');
      await grade(b, 'offline string_check', { grader: stringCheck, item: { answer: 'Paris' }, sample: { output_text: 'Paris' } }, { reward: 1, kind: 'string_check' });
      await grade(b, 'offline python', { grader: python('def grade(sample, item):\n    return 0.875\n') }, { reward: 0.875, kind: 'python' }, 300_000);
      await grade(b, 'offline ast_grep', { grader: astGrader, sample: { output_text: NO_CODE } }, { reward: 0, kind: 'ast_grep' }, 180_000);
    },
  },
];
