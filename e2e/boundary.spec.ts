/**
 * The sandbox boundary, attacked for real (issue 12): a python grader reaches JavaScript in its worker through
 * Pyodide's `js` module, patches MessagePort.prototype and sends Comlink messages of its own. Witness servers
 * record every request; the fake OpenAI server records every model call.
 */
import { expect, test, type Page, type Worker } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chatCompletion, startFakeOpenAI, type FakeServer } from '../src/cli/fake-openai.ts';
import { encodeShare } from '../src/share/codec.ts';
import { flags, openApp, setDoc } from './helpers.ts';

const judge = (model: string) => ({
  type: 'score_model',
  name: `judge ${model}`,
  model,
  input: [{ role: 'user', content: 'Answer: {{ sample.output_text }}' }],
  range: [0, 1],
});
const python = (source: string) => ({ type: 'python', name: 'p', source });
const judgeReply = () => ({ json: chatCompletion('{"result": 0.5, "steps": []}') });

async function witnessServer(): Promise<{ server: Server; port: number; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' }).end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port, hits };
}

async function setEndpoint(page: Page, url: string, key: string) {
  await page.getByTestId('settings-button').click();
  await page.getByTestId('endpoint-url').fill(url);
  await page.getByTestId('endpoint-key').fill(key);
  await page.getByTestId('settings-button').click();
}

/** Set the grader and wait for the newest run to finish (python graders load Pyodide on first use). */
async function gradeWith(page: Page, grader: unknown, kind: string) {
  await setDoc(page, 'grader', grader);
  await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done', { timeout: 90_000 });
  await expect.poll(async () => (await page.getByTestId('explain').getAttribute('data-kind')) ?? '', { timeout: 90_000 }).toBe(kind);
}

/** JavaScript run in the grader worker by a python grader, through Pyodide's js module. */
const inWorker = (js: string, ret = '1.0') => python(`import js\n\ndef grade(sample, item):\n    js.eval(${JSON.stringify(js)})\n    return ${ret}\n`);

// Rewrites the operation of every model call the worker posts (a Comlink APPLY with two arguments) to
// self.__attack, and keeps the last model-call and progress ports with their messages.
const PATCH = `
if (!self.__patched) {
  self.__patched = true;
  const orig = MessagePort.prototype.postMessage;
  MessagePort.prototype.postMessage = function (msg, ...rest) {
    if (msg && msg.type === 'APPLY' && Array.isArray(msg.argumentList)) {
      if (msg.argumentList.length === 2) {
        if (self.__attack) msg = { ...msg, argumentList: [{ type: 'RAW', value: self.__attack }, msg.argumentList[1]] };
        self.__modelPort = this; self.__modelMsg = msg;
      }
      if (msg.argumentList.length === 1 && msg.argumentList[0] && msg.argumentList[0].value === 'loading') {
        self.__progressPort = this; self.__progressMsg = msg;
      }
    }
    return orig.call(this, msg, ...rest);
  };
}`;

test.describe('the sandbox boundary', () => {
  test.describe.configure({ timeout: 240_000 });
  let fake: FakeServer;
  test.beforeEach(async () => {
    fake = await startFakeOpenAI(judgeReply, { cors: true });
  });
  test.afterEach(async () => {
    await fake.close();
  });

  test('a model call names an operation: paths from a patched MessagePort never reach another host or path', async ({ page }) => {
    const witness = await witnessServer();
    try {
      await openApp(page);
      await setEndpoint(page, fake.url, 'sk-boundary-secret');
      await setDoc(page, 'sample', { output_text: 'Paris' });
      await gradeWith(page, inWorker(PATCH), 'python');
      const attacks = [`:${witness.port}/x`, '.evil.example/x', '/../../admin/x?y', `@127.0.0.1:${witness.port}/x`, '/chat/completions'];
      for (const attack of attacks) {
        await gradeWith(page, inWorker(`${PATCH}\nself.__attack = ${JSON.stringify(attack)};`), 'python');
        await gradeWith(page, judge('gpt-4.1'), 'score_model');
        await expect.poll(() => flags(page)).toEqual(['model_grader_server_error']);
        // The app refused the call: the operation is not one of the fixed set.
        await expect(page.getByText(/is not one of chat\.completions, responses, embeddings/).first()).toBeVisible();
      }
      // A base URL with no port and no path, as in the issue: joining would have reached the witness.
      await setEndpoint(page, 'http://127.0.0', 'sk-boundary-secret');
      await gradeWith(page, inWorker(`${PATCH}\nself.__attack = ${JSON.stringify(`.1:${witness.port}/x`)};`), 'python');
      await gradeWith(page, judge('gpt-4.1'), 'score_model');
      await expect(page.getByText(/is not one of chat\.completions/).first()).toBeVisible();
      // Control: with the patch off, the same grader reaches the configured endpoint, and only it.
      await setEndpoint(page, fake.url, 'sk-boundary-secret');
      await gradeWith(page, inWorker('self.__attack = undefined;'), 'python');
      await gradeWith(page, judge('gpt-4.1'), 'score_model');
      await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0.5');
      expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /chat/completions']);
      expect(witness.hits).toEqual([]);
    } finally {
      witness.server.close();
    }
  });

  test("a callback kept from an earlier run gets nothing during a later run", async ({ page }) => {
    await openApp(page);
    await setEndpoint(page, fake.url, 'sk-late');
    await gradeWith(page, inWorker(PATCH), 'python');
    await gradeWith(page, judge('gpt-4.1'), 'score_model');
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0.5');
    expect(fake.requests).toHaveLength(1);
    // A later run replays the earlier run's model call on the port it kept, and waits for the answer.
    const replay = `self.__late = 'sent'; self.__modelPort.addEventListener('message', (e) => { self.__late = JSON.stringify(e.data).slice(0, 200); });
      self.__modelPort.start(); self.__modelPort.postMessage({ ...self.__modelMsg, id: 'late-call' });`;
    await gradeWith(page, inWorker(replay, '1.0 if js.globalThis.__late == "sent" else 0.0'), 'python');
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');
    await page.waitForTimeout(1500);
    // The app made no request for it; what came back (if anything) is an error, never a reply.
    await gradeWith(page, python('import js\n\ndef grade(sample, item):\n    print(js.globalThis.__late)\n    return 0.0 if "chatcmpl" in str(js.globalThis.__late) else 1.0\n'), 'python');
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1');
    await expect(page.getByTestId('python-stdout')).toContainText('run has ended');
    expect(fake.requests).toHaveLength(1);
  });

  test("a runaway grader reporting 'loading' in its loop is stopped; live grading recovers", async ({ page }) => {
    await openApp(page);
    await page.getByTestId('settings-button').click();
    await page.getByTestId('setting-liveTimeout').fill('3');
    await page.getByTestId('settings-button').click();
    await gradeWith(page, inWorker(PATCH), 'python');
    const t0 = Date.now();
    await setDoc(
      page,
      'grader',
      inWorker(`for (;;) { const t = Date.now(); while (Date.now() - t < 50) {} self.__progressPort.postMessage({ ...self.__progressMsg, id: 'spam' + Math.random() }); }`),
    );
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'running');
    await expect.poll(() => flags(page), { timeout: 120_000 }).toEqual(['python_grader_server_error']);
    await expect(page.getByTestId('errors')).toContainText('type: timeout');
    // Bounded by the worker's one start-up allowance (60 s) plus the 3 s limit.
    expect(Date.now() - t0).toBeLessThan(75_000);
    await gradeWith(page, python('def grade(sample, item):\n    return 0.25\n'), 'python');
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0.25');
  });

  test('a 20 MB exception message is cut at the boundary, with the count of what was cut; the page stays responsive', async ({ page }) => {
    await openApp(page);
    await gradeWith(page, python('def grade(sample, item):\n    raise ValueError("x" * 20_000_000)\n'), 'python');
    expect(await flags(page)).toEqual(['python_grader_runtime_error']);
    const details = page.getByTestId('error-details').first();
    // The view shows the head, and beside it the count of the rest (the worker sends the whole text as bytes).
    const moreBox = page.getByTestId('error-details-more').first();
    await expect(moreBox).toContainText(/\u2026 [\d,]+ more characters/);
    const shown = (await details.textContent()) ?? '';
    expect(shown.length).toBeLessThan(200_000);
    const more = Number(await moreBox.getAttribute('data-more'));
    const xs = (shown.match(/x{100,}/) ?? [''])[0].length;
    // What is shown plus what is counted is the whole message (and the few characters that follow it).
    expect(xs + more).toBeGreaterThanOrEqual(20_000_000);
    expect(xs + more).toBeLessThan(20_000_200);
    const t0 = Date.now();
    await page.evaluate(() => new Promise((r) => setTimeout(r, 10)));
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  test('forged whole texts beside a run reply (not a Blob, a lying length, too large) are refused; the next run works', async ({ page }) => {
    test.setTimeout(480_000);
    await openApp(page);
    // The grader rewrites this run's own reply (a Comlink RAW message) on its way out of the worker.
    const forge = (texts: string) =>
      inWorker(`
const orig = MessagePort.prototype.postMessage;
MessagePort.prototype.postMessage = function (msg, ...rest) {
  if (msg && msg.type === 'RAW' && msg.value && typeof msg.value === 'object' && 'docErrors' in msg.value) {
    MessagePort.prototype.postMessage = orig;
    msg = { ...msg, value: { ...msg.value, texts: ${texts} } };
  }
  return orig.call(this, msg, ...rest);
};`);
    // Each refusal stops the worker, so each attack pays a Python start: the other shapes (65 texts, a look-alike
    // object) are covered by boundary.test.ts.
    const forged: [string, RegExp][] = [
      ["[{ head: 'x', length: 8, bytes: new ArrayBuffer(8) }]", /a long text is malformed/],
      ["[{ head: 'x', length: 1e9, blob: new Blob(['x'.repeat(100)]) }]", /claims a length its text does not have/],
      ["(() => { const mb = new Blob([new Uint8Array(1 << 20)]); return [{ head: 'x', length: 1, blob: new Blob(Array.from({ length: 129 }, () => mb)) }]; })()", /larger than the boundary allows/],
    ];
    for (const [i, [texts, why]] of forged.entries()) {
      // A distinct source each time, so every edit is a new run.
      await setDoc(page, 'grader', { ...forge(texts), name: `forge ${i}` });
      // Each attack's reason differs, so this waits for this run's own result.
      await expect(page.getByTestId('summary')).toContainText(why, { timeout: 120_000 });
      await expect(page.getByTestId('summary')).toContainText('does not accept');
      expect(await flags(page)).toEqual(['other_error']);
      expect(await page.getByTestId('error-details-more').count()).toBe(0);
    }
    // The next run, in a fresh worker, is graded as usual.
    await gradeWith(page, python('def grade(sample, item):\n    return 0.25\n'), 'python');
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0.25');
  });

  test('a grader that exits the interpreter (os._exit) gets its worker replaced; the next run works', async ({ page }) => {
    await openApp(page);
    await gradeWith(page, python('import os\n\ndef grade(sample, item):\n    os._exit(1)\n'), 'python');
    expect(await flags(page)).toContain('python_grader_server_error');
    await gradeWith(page, python('import sys\n\ndef grade(sample, item):\n    return 0.75\n'), 'python');
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0.75');
  });

  test("a link's grader never shares a worker with the user's own, and its worker ends when the user leaves it", async ({ page }) => {
    await openApp(page);
    await page.getByTestId('workspace-title').fill('Mine');
    const mark = (name: string) => python(`import js\n\ndef grade(sample, item):\n    seen = hasattr(js.globalThis, "__mark_other")\n    js.globalThis.${name} = 1\n    return 0.0 if seen else 1.0\n`);
    // The own workspace marks its worker as "other" from the link's point of view.
    await gradeWith(page, mark('__mark_other'), 'python');
    const workers: Worker[] = [];
    page.on('worker', (w) => workers.push(w));
    const link = await encodeShare({ grader: JSON.stringify(mark('__mark_link')), sample: '{"output_text": "x"}', item: '{}', title: 'From a link' });
    if (!link.ok) throw new Error('could not encode');
    await page.goto(`/#${link.fragment}`);
    await expect(page.getByTestId('workspace-title')).toHaveValue('From a link');
    await expect(page.getByTestId('link-banner')).toContainText('in a worker of its own');
    await expect(page.getByTestId('explain')).toHaveAttribute('data-kind', 'python', { timeout: 90_000 });
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '1'); // it did not see the own worker's mark
    expect(workers.length).toBeGreaterThan(0);
    const linkWorker = workers.at(-1)!;
    const closed = new Promise<void>((r) => linkWorker.once('close', () => r()));
    // Back to the user's own workspace: the link's worker is discarded.
    await page.getByTestId('workspaces-button').click();
    await page.getByTestId('ws-open').filter({ hasText: 'Mine' }).click();
    await expect(page.getByTestId('workspace-title')).toHaveValue('Mine');
    await closed;
    await expect(page.getByTestId('link-banner')).toHaveCount(0);
    await setDoc(page, 'grader', python('import js\n\ndef grade(sample, item):\n    return 0.0 if hasattr(js.globalThis, "__mark_link") else 0.5\n'));
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0.5', { timeout: 90_000 });
  });

  test('a link with model graders makes no call until the user allows it, then exactly the number it said', async ({ page }) => {
    await openApp(page);
    await setEndpoint(page, fake.url, 'sk-consent');
    const grader = { type: 'multi', name: 'two judges', graders: { a: judge('gpt-4.1'), b: judge('o4-mini') }, calculate_output: '(a + b) / 2' };
    const link = await encodeShare({ grader: JSON.stringify(grader), sample: '{"output_text": "Paris"}', item: '{}', title: 'Paid judges' });
    if (!link.ok) throw new Error('could not encode');
    await page.goto(`/#${link.fragment}`);
    await expect(page.getByTestId('workspace-title')).toHaveValue('Paid judges');
    await expect(page.getByTestId('link-banner')).toContainText('makes no call to your model endpoint until you allow it');
    const bar = page.getByTestId('consent-bar');
    await expect(bar).toContainText('gpt-4.1 (1 request), o4-mini (1 request) per run');
    await expect(bar).toContainText('127.0.0.1');
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done');
    // Edits run the grader again, still without calls.
    await setDoc(page, 'sample', '{"output_text": "Paris!"}');
    await expect(page.getByTestId('run-state')).toHaveAttribute('data-state', 'done');
    await page.waitForTimeout(1500);
    expect(fake.requests).toHaveLength(0);
    const said = Number(await bar.getAttribute('data-requests'));
    expect(said).toBe(2);
    await page.getByTestId('consent-allow').click();
    await expect(page.getByTestId('reward')).toHaveAttribute('data-value', '0.5');
    await page.waitForTimeout(1000);
    expect(fake.requests).toHaveLength(said);
    expect(fake.requests.every((r) => r.headers.authorization === 'Bearer sk-consent' && r.path === '/chat/completions')).toBe(true);
    await expect(bar).toHaveCount(0);
    await expect(page.getByTestId('link-banner')).not.toContainText('until you allow it');
  });

  test('a link holding graders nested too deep shows a message; no uncaught exception', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openApp(page);
    const nest = (depth: number) => {
      let g = '{"type":"string_check","name":"s","input":"a","reference":"a","operation":"eq"}';
      for (let i = 0; i < depth; i++) g = `{"type":"multi","name":"m","graders":{"x":${g}},"calculate_output":"x"}`;
      return g;
    };
    const { deflateRawSync } = await import('node:zlib');
    const deep = deflateRawSync(Buffer.from(`{"grader":${nest(2000)},"sample":{},"item":{}}`)).toString('base64url');
    await page.goto(`/#v1.${deep}`);
    await expect(page.getByTestId('link-error')).toContainText('nested more than 512 levels deep');
    // Deep enough for validation to refuse, shallow enough to open.
    const link = await encodeShare({ grader: nest(40), sample: '{}', item: '{}', title: 'Deep' });
    if (!link.ok) throw new Error('could not encode');
    await page.goto(`/#${link.fragment}`);
    await expect(page.getByTestId('workspace-title')).toHaveValue('Deep');
    // Validation problems are listed under the grader (and marked in it).
    await expect(page.getByTestId('validation')).toContainText('nested more than 64 levels deep');
    expect(errors).toEqual([]);
  });
});
